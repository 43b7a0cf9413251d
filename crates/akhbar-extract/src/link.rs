//! Canonical names within a document: partial person names link to the
//! fullest form, Latin forms to the Arabic name they follow, institutions
//! take their cleaned full name (and a ministry its country's adjective).

use crate::fxhash::FxHashMap;
use crate::lexicon::Lexicon;
use crate::tokens::strip_article;
use akhbar_core::{EntityType, Mention};
use akhbar_normalize::{Normalizer, Preset};

/// The comparison form of `ANNOTATION.md`.
pub(crate) fn compare_form(s: &str) -> String {
    Normalizer::preset(Preset::Compare).normalize(s)
}

/// Cleans a source slice into a canonical: marks and tatweel dropped,
/// whitespace collapsed, a contracted `لل` restored to `ال`.
pub(crate) fn clean_name(text: &str, contracted: bool) -> String {
    let clean = Normalizer::preset(Preset::Clean).normalize(text);
    let clean: String = clean
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}'))
        .collect();
    // `بني ملال- خنيفرة` → `بني ملال-خنيفرة`: no space at a hyphen
    // between two Arabic words.
    let clean = if clean.contains(" -") || clean.contains("- ") || clean.contains('–') {
        tight_hyphens(&clean)
    } else {
        clean
    };
    if contracted {
        if let Some(rest) = clean.strip_prefix('ل') {
            return format!("ال{rest}");
        }
    }
    clean
}

/// `text` without the spaces around a hyphen or dash that joins two Arabic
/// words (written `-` then); any other dash stays as it was.
fn tight_hyphens(text: &str) -> String {
    let arabic = |c: Option<char>| c.is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['-', '–']) {
        let dash = rest[at..].chars().next().unwrap_or('-');
        let (part, after) = (&rest[..at], &rest[at + dash.len_utf8()..]);
        out.push_str(part);
        if arabic(out.trim_end().chars().next_back()) && arabic(after.trim_start().chars().next()) {
            out.truncate(out.trim_end().len());
            out.push('-');
            rest = after.trim_start();
        } else {
            out.push(dash);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The words that join a person's name to a father's (`بن`, `ابن`, `بنت`).
const NASAB: &[&str] = &["بن", "ابن", "بنت"];

fn words(s: &str) -> Vec<String> {
    Normalizer::preset(Preset::Search)
        .normalize(s)
        .split_whitespace()
        .map(|w| strip_article(w).to_string())
        .collect()
}

fn is_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic())
        && !s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Fills the canonical of PER mentions: the longest Arabic name of the
/// document whose words contain the mention's words as a run; a Latin name
/// right after an Arabic one (in brackets or not) takes its canonical.
pub(crate) fn link_persons(text: &str, mentions: &mut [Mention]) {
    let pers: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].entity_type == EntityType::Per)
        .collect();
    // A name comes back many times: its forms are computed once per text.
    let mut form_of: FxHashMap<&str, usize> = FxHashMap::default();
    let mut distinct_words: Vec<Vec<String>> = Vec::new();
    let mut distinct_compare: Vec<String> = Vec::new();
    let mut form_ix: Vec<usize> = Vec::with_capacity(pers.len());
    for &i in &pers {
        let t = mentions[i].text.as_str();
        let ix = *form_of.entry(t).or_insert_with(|| {
            distinct_words.push(words(t));
            distinct_compare.push(compare_form(t));
            distinct_words.len() - 1
        });
        form_ix.push(ix);
    }
    let forms: Vec<&[String]> = form_ix
        .iter()
        .map(|&x| distinct_words[x].as_slice())
        .collect();
    let cforms: Vec<&str> = form_ix
        .iter()
        .map(|&x| distinct_compare[x].as_str())
        .collect();
    let mut count_of: FxHashMap<&str, usize> = FxHashMap::default();
    for f in &cforms {
        *count_of.entry(f).or_default() += 1;
    }
    let counts: Vec<usize> = cforms.iter().map(|f| count_of[f]).collect();
    // Whether each mention is Latin, asked several times below.
    let latin: Vec<bool> = pers.iter().map(|&i| is_latin(&mentions[i].text)).collect();
    // Arabic names (first occurrence of each form only) by their last word,
    // by each pair of consecutive words, and by the consonant skeleton of
    // their last word (for spelling variants): every look-up below visits
    // only names that can match, so linking stays near linear in long
    // documents.
    let mut seen: FxHashMap<&[String], usize> = FxHashMap::default();
    let mut by_last: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_pair: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    let mut by_skeleton: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    // Names in a nasab chain (`سلمان بن عبد العزيز`) by their first word:
    // the given name alone (`الملك سلمان`) stands for them.
    let mut by_nasab_first: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for b in 0..pers.len() {
        if latin[b] || forms[b].is_empty() {
            continue;
        }
        if seen.insert(forms[b], b).is_some() {
            continue;
        }
        if let Some(l) = forms[b].last() {
            by_last.entry(l.as_str()).or_default().push(b);
        }
        for w in forms[b].windows(2) {
            let list = by_pair.entry((w[0].as_str(), w[1].as_str())).or_default();
            if list.last() != Some(&b) {
                list.push(b);
            }
        }
        if forms[b].len() >= 3 && NASAB.contains(&forms[b][1].as_str()) {
            by_nasab_first
                .entry(forms[b][0].as_str())
                .or_default()
                .push(b);
        }
        if forms[b].len() >= 2 {
            if let Some(l) = forms[b].last() {
                by_skeleton.entry(vowel_skeleton(l)).or_default().push(b);
            }
        }
    }
    // The best fuller form depends only on the mention's words.
    let mut best_of: FxHashMap<&[String], Option<usize>> = FxHashMap::default();
    // Cleaned texts by mention, as one fuller form serves many mentions.
    let mut cleaned: Vec<Option<String>> = vec![None; mentions.len()];
    let mut clean_of = |i: usize, mentions: &[Mention]| -> String {
        cleaned[i]
            .get_or_insert_with(|| clean_name(&mentions[i].text, false))
            .clone()
    };
    let mut canon: Vec<String> = Vec::with_capacity(pers.len());
    for (a, &i) in pers.iter().enumerate() {
        let m = &mentions[i];
        // A known person keeps the lexicon's canonical unless the document
        // gives a fuller form of the name (`محمد بن زايد آل نهيان`).
        let lexicon_canonical = !m.canonical.is_empty();
        if lexicon_canonical && latin[a] {
            canon.push(m.canonical.clone());
            continue;
        }
        if latin[a] {
            canon.push(String::new());
            continue;
        }
        let mine = forms[a];
        let best = *best_of.entry(mine).or_insert_with(|| {
            let mut best: Option<usize> = None;
            // One word links only as a family name (the last word); more
            // words link as any run.
            let candidates = match mine {
                [] => None,
                [w] => by_last.get(w.as_str()),
                [w0, w1, ..] => by_pair.get(&(w0.as_str(), w1.as_str())),
            }
            .map_or(&[][..], Vec::as_slice);
            for &b in candidates {
                let other = forms[b];
                if other.len() < mine.len() {
                    continue;
                }
                let contains = if mine.len() == 1 {
                    // A father's name after `بن` (`محمد بن سلمان`) is not
                    // the family name of `سلمان`.
                    let patronymic =
                        other.len() >= 2 && NASAB.contains(&other[other.len() - 2].as_str());
                    other.last() == mine.first() && !patronymic
                } else {
                    other.windows(mine.len()).any(|w| w == mine)
                };
                let better = |x: usize| {
                    forms[x].len() < other.len()
                        || (forms[x].len() == other.len() && counts[x] < counts[b])
                };
                if contains && best.is_none_or(better) {
                    best = Some(b);
                }
            }
            if best.is_none_or(|b| forms[b].len() == 1) && mine.len() == 1 {
                if let Some(&b) = by_nasab_first.get(mine[0].as_str()).and_then(|l| {
                    l.iter()
                        .max_by_key(|&&b| (forms[b].len(), std::cmp::Reverse(b)))
                }) {
                    return Some(b);
                }
                best = by_skeleton
                    .get(vowel_skeleton(&mine[0]).as_str())
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .copied()
                    .filter(|&b| forms[b].last().is_some_and(|l| vowel_variant(l, &mine[0])))
                    .max_by_key(|&b| (forms[b].len(), std::cmp::Reverse(b)))
                    .or(best);
            }
            best
        });
        if lexicon_canonical {
            let lex_words = words(&m.canonical).len();
            let fuller = best.filter(|&b| forms[b].len() > lex_words);
            canon.push(match fuller {
                Some(b) => clean_of(pers[b], mentions),
                None => m.canonical.clone(),
            });
            continue;
        }
        let src = best.map_or(i, |b| pers[b]);
        let c = if mentions[src].canonical.is_empty() {
            clean_of(src, mentions)
        } else {
            mentions[src].canonical.clone()
        };
        canon.push(c);
    }
    // Latin names: the Arabic name just before (gap of spaces and brackets),
    // or the canonical of the same Latin form seen earlier.
    let mut latin_seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (a, &i) in pers.iter().enumerate() {
        if !canon[a].is_empty() {
            continue;
        }
        let own = clean_of(i, mentions);
        let mut c = own.clone();
        if a > 0 {
            let prev = pers[a - 1];
            let gap =
                &text[mentions[prev].span.end.min(mentions[i].span.start)..mentions[i].span.start];
            if prev + 1 == i
                && gap
                    .chars()
                    .all(|ch| ch.is_whitespace() || "()[]«»\"-–,،".contains(ch))
                && gap.len() <= 8
                && !latin[a - 1]
            {
                c = canon[a - 1].clone();
            }
        }
        if c == own {
            if let Some(&b) = latin_seen.get(cforms[a]) {
                c = canon[b].clone();
            }
        }
        latin_seen.entry(cforms[a]).or_insert(a);
        canon[a] = c;
    }
    for (a, &i) in pers.iter().enumerate() {
        mentions[i].canonical = std::mem::take(&mut canon[a]);
    }
}

/// A Latin-script or acronym ORG in brackets right after an Arabic ORG
/// (`المنظمة الدولية للهجرة (OIM)`) takes the Arabic one's canonical.
pub(crate) fn link_latin_orgs(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (prev, cur) = (&mentions[i - 1], &mentions[i]);
        if cur.entity_type != EntityType::Org
            || prev.entity_type != EntityType::Org
            || !is_latin(&cur.text)
            || is_latin(&prev.text)
            || prev.span.end > cur.span.start
        {
            continue;
        }
        let gap = &text[prev.span.end..cur.span.start];
        if gap.contains('(') && gap.chars().all(|c| c.is_whitespace() || c == '(') {
            mentions[i].canonical = mentions[i - 1].canonical.clone();
        }
    }
}

/// The formal name of a numbered session: `لأشغال` dropped (`الدورة 93
/// لأشغال الجمعية العامة` → `الدورة 93 للجمعية العامة`), and the
/// organization named right after it in the genitive joins the canonical
/// (`… للجمعية العامة` + `للمنظمة الدولية …`).
pub(crate) fn complete_session_events(text: &str, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.entity_type != EntityType::Event {
            continue;
        }
        let first = m.text.split_whitespace().next().unwrap_or("");
        let session = ["الدورة", "الاجتماع", "الدوره"].contains(&first);
        if !session {
            continue;
        }
        let mut c = m
            .canonical
            .replace("لأشغال ال", "لل")
            .replace("لاشغال ال", "لل");
        if let Some(next) = mentions.get(i + 1) {
            let gap = &text[m.span.end.min(next.span.start)..next.span.start];
            let starts_lam = next.text.starts_with('ل') && !next.text.starts_with("ال");
            if next.entity_type == EntityType::Org
                && gap.chars().all(|ch| ch.is_whitespace() || ch == 'ل')
                && (starts_lam || gap.trim() == "ل")
                && !next.canonical.is_empty()
            {
                let org = &next.canonical;
                let genitive = match org.strip_prefix("ال") {
                    Some(rest) => format!("لل{rest}"),
                    None => format!("ل{org}"),
                };
                c = format!("{c} {genitive}");
            }
        }
        mentions[i].canonical = c;
    }
}

/// The country whose names dominate the document's LOC mentions, with its
/// feminine adjective: used for ministries that do not name their country.
pub(crate) fn document_country(lex: &Lexicon, mentions: &[Mention]) -> Option<String> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| m.entity_type == EntityType::Loc) {
        if let Some(&ci) = lex.country_index.get(m.canonical.as_str()) {
            match counts.iter_mut().find(|(c, _)| *c == ci) {
                Some(x) => x.1 += 1,
                None => counts.push((ci, 1)),
            }
        }
    }
    counts.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    match counts.as_slice() {
        [(c, _)] => lex.countries[*c].adjective.clone(),
        [(c, n), (_, m), ..] if n > m => lex.countries[*c].adjective.clone(),
        _ => None,
    }
}

/// True for the long vowel letters `ا و ي` that transliterations add or drop.
pub(crate) fn is_long_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي')
}

/// `w` without its long vowels: words that are [`vowel_variant`]s of each
/// other share it, which makes it an index key for their search.
pub(crate) fn vowel_skeleton(w: &str) -> String {
    w.chars().filter(|&c| !is_long_vowel(c)).collect()
}

/// True when `a` and `b` differ by one long vowel letter (ا و ي) added or
/// dropped: transliteration variants of one foreign name.
pub(crate) fn vowel_variant(a: &str, b: &str) -> bool {
    // Without allocation: this runs for many word pairs of a document.
    let (na, nb) = (a.chars().count(), b.chars().count());
    let (short, long, ns, nl) = if na < nb {
        (a, b, na, nb)
    } else {
        (b, a, nb, na)
    };
    if nl != ns + 1 || ns < 4 {
        return false;
    }
    // The first byte where the two differ (a char boundary of both).
    let d = short
        .char_indices()
        .zip(long.chars())
        .find(|((_, x), y)| x != y)
        .map_or(short.len(), |((i, _), _)| i);
    let Some(c) = long[d..].chars().next() else {
        return false;
    };
    matches!(c, 'ا' | 'و' | 'ي') && d > 0 && short[d..] == long[d + c.len_utf8()..]
}

/// Unifies person canonicals across documents: forms equal up to articles
/// take the form used by most documents (ties: the shortest, then the
/// smallest).
pub(crate) fn unify_batch(docs: &mut [akhbar_core::Annotations]) {
    use std::collections::BTreeMap;
    let loose = |c: &str| words(c).join(" ");
    let mut votes: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for d in docs.iter() {
        let mut seen = std::collections::BTreeSet::new();
        for m in d
            .mentions
            .iter()
            .filter(|m| m.entity_type == EntityType::Per)
        {
            if seen.insert(m.canonical.clone()) {
                *votes
                    .entry(loose(&m.canonical))
                    .or_default()
                    .entry(m.canonical.clone())
                    .or_default() += 1;
            }
        }
    }
    let best: BTreeMap<String, String> = votes
        .into_iter()
        .filter_map(|(k, v)| {
            v.into_iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then_with(|| b.0.chars().count().cmp(&a.0.chars().count()))
                        .then_with(|| b.0.cmp(&a.0))
                })
                .map(|(c, _)| (k, c))
        })
        .collect();
    for d in docs.iter_mut() {
        for m in d
            .mentions
            .iter_mut()
            .filter(|m| m.entity_type == EntityType::Per)
        {
            if let Some(c) = best.get(&loose(&m.canonical)) {
                m.canonical = c.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: tightening the hyphens of a region's canonical
    /// (`بني ملال- خنيفرة` → `بني ملال-خنيفرة`) also turned every other en
    /// dash into a hyphen.
    #[test]
    fn hyphens_between_arabic_words_tighten_and_other_dashes_stay() {
        assert_eq!(clean_name("بني ملال- خنيفرة", false), "بني ملال-خنيفرة");
        assert_eq!(clean_name("العيون – بوجدور", false), "العيون-بوجدور");
        assert_eq!(
            clean_name("مهرجان 2024 – الدورة", false),
            "مهرجان 2024 – الدورة"
        );
        assert_eq!(clean_name("Jawhara – FM", false), "Jawhara – FM");
    }

    #[test]
    fn vowel_variants_differ_by_one_long_vowel() {
        assert!(vowel_variant("دارمانان", "دارامانان"));
        assert!(vowel_variant("كوريلا", "كوريلاا"));
        assert!(!vowel_variant("دارمانان", "دارمانان"));
        assert!(!vowel_variant("دارمانان", "دارمبنان"));
        assert!(!vowel_variant("ابن", "ابون"));
        assert!(!vowel_variant("ماركو", "اماركو"));
    }
}
