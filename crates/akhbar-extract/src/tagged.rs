//! Statistical evidence: the PER, ORG and LOC chunks of the learned tagger
//! (akhbar-tagger, trained on ANERcorp) as candidates of the lowest rank.
//!
//! The tagger proposes; the contract's span rules and the lexicons still
//! decide. It runs on windows around triggers: free words (in no mention
//! found so far) that are known given names, followed by another free
//! content word. A chunk becomes a candidate only when the tagger is
//! confident about every token of it, it has two words or more (a lone word
//! is a family name that linking finds from the full name, or too often a
//! common noun), every token is an Arabic word that no lexicon claims as
//! something other than a name (an office, a rank, a nationality, a
//! threat…) and that is no function word of Standard Arabic or of Maghrebi
//! dialect, and, for a person, when it opens with a given name and is no
//! `سيدي` place. Proclitics are stripped as for every other mention. The
//! candidates only fill places that the rules left empty: they never
//! displace a rule's mention.

use crate::engine::{Cand, Origin, ZoneText, named_after};
use crate::fxhash::FxHashSet;
use crate::lexicon::{Kind, Lexicon};
use crate::tokens::{TokKind, split_word, strip_article};
use akhbar_core::{ByteSpan, EntityType};
use akhbar_normalize::{Normalizer, Preset};
use akhbar_tagger::{EntityType as TagType, Tagger, chunks};
use std::sync::LazyLock;

/// The least per-token confidence (the model's posterior) of a chunk used
/// as evidence.
pub(crate) const MIN_CONFIDENCE: f32 = 0.9;

/// Sentences longer than this are tagged in pieces (the tagger's cost and
/// memory grow with the sentence).
const MAX_SENTENCE: usize = 120;

/// The tagger's candidates in one zone (`claimed` says which tokens lie
/// inside a mention found so far).
///
/// Only windows around triggers are tagged ([`windows`]): tagging every
/// sentence would cost several times the rest of the pipeline, and most of
/// what the tagger adds that the rules miss is a person, whose name starts
/// with a given name.
pub(crate) fn candidates(
    tagger: &Tagger,
    lex: &Lexicon,
    z: &ZoneText,
    claimed: impl Fn(usize) -> bool,
) -> Vec<Cand> {
    let mut out = Vec::new();
    for (from, to) in windows(lex, z, claimed) {
        let words: Vec<&str> = (from..to).map(|i| source_word(z, i)).collect();
        // The confidences (forward-backward) only where the best path has a
        // chunk that could become a candidate.
        let multiword = |labels: &[akhbar_tagger::Label]| {
            chunks(labels)
                .iter()
                .any(|c| c.ty != TagType::Misc && c.end - c.start >= 2)
        };
        let Some(tagged) = tagger.tag_with_confidence_if(&words, multiword) else {
            continue;
        };
        let labels: Vec<_> = tagged.iter().map(|&(l, _)| l).collect();
        for c in chunks(&labels) {
            let ty = match c.ty {
                TagType::Pers => EntityType::Per,
                TagType::Org => EntityType::Org,
                TagType::Loc => EntityType::Loc,
                TagType::Misc => continue,
            };
            let confident = tagged[c.start..c.end]
                .iter()
                .all(|&(_, p)| p >= MIN_CONFIDENCE);
            let (s, e) = (from + c.start, from + c.end);
            // A lone word is a family name (found from the full name by
            // linking) or, for places and organizations, too often a common
            // noun, a product or a club: names of two words or more only.
            if !confident || e - s < 2 {
                continue;
            }
            if !(s..e).all(|i| name_word(lex, z, i)) {
                continue;
            }
            // `و` inside a chunk joins two names (`واقويرو وابراهيموفيتش`):
            // not one mention.
            if (s + 1..e).any(|i| {
                let w = z.word(i);
                w.starts_with('و') && w.chars().count() > 3 && !given(lex, w)
            }) {
                continue;
            }
            // A person's name opens with a known given name: a chunk that
            // does not is a phrase the tagger misread (dialect words, a verb
            // and its object), however confident it is.
            if ty == EntityType::Per && !trigger(lex, z, s) {
                continue;
            }
            let first = z.word(s);
            // `سيدي` + name is a Maghrebi place (`سيدي بوزيد`, `سيدي قاسم`)
            // far more often than a person in the news.
            if ty == EntityType::Per && matches!(first, "سيدي" | "وسيدي" | "بسيدي") {
                continue;
            }
            // `مستشفى محمد الخامس`: a place or institution named after a
            // person, as for the rules.
            if ty == EntityType::Per && named_after(lex, z, s) {
                continue;
            }
            let clitic = match ty {
                // A person's first word: the conjunction comes off unless
                // the whole word is a known given name (`وليد`); the other
                // proclitics only before a known given name (`بمحمد`,
                // `كأيمن`).
                EntityType::Per => ["و", "ف", "ب", "ل", "ك"]
                    .iter()
                    .find(|p| {
                        first.strip_prefix(**p).is_some_and(|rest| {
                            given(lex, rest)
                                || (**p == "و" && rest.chars().count() >= 3 && !given(lex, first))
                        })
                    })
                    .map_or(0, |p| p.len()),
                _ => split_word(first).clitic,
            };
            out.push(Cand {
                s: z.toks[s].s + clitic,
                e: z.toks[e - 1].e,
                ty,
                canonical: String::new(),
                origin: Origin::Weak,
                ministry: false,
                has_country: false,
            });
        }
    }
    out
}

/// Tokens tagged before a trigger, within its sentence.
const BEFORE: usize = 4;
/// Tokens tagged from a trigger on (a name and the context after it).
const AFTER: usize = 8;

/// The token ranges to tag: around each trigger, within its sentence,
/// overlapping ranges merged.
fn windows(lex: &Lexicon, z: &ZoneText, claimed: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (from, to) in sentences(z) {
        // A name has two words or more (lone words are dropped below): the
        // word after the trigger must be a content word too, and neither
        // may lie in a mention found so far (the dearest test, made last).
        let word = |i: usize| z.toks[i].kind == TokKind::Arabic && !z.is_stop(i);
        let opens = |i: usize| {
            word(i + 1) && word(i) && trigger(lex, z, i) && !claimed(i) && !claimed(i + 1)
        };
        for i in (from..to.saturating_sub(1)).filter(|&i| opens(i)) {
            let (s, e) = (i.saturating_sub(BEFORE).max(from), (i + AFTER).min(to));
            match out.last_mut() {
                Some(last) if last.1 >= s && last.0 >= from => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
    }
    out
}

/// True when token `i` is a known given name (the extractor's list or the
/// trigger list), possibly behind the conjunction `و`.
fn trigger(lex: &Lexicon, z: &ZoneText, i: usize) -> bool {
    let w = z.word(i);
    let given_name = z.is_given(i)
        || TRIGGERS.contains(w)
        || w.strip_prefix('و').is_some_and(|rest| given(lex, rest));
    given_name && !dialect(w)
}

/// Given names beyond the extractor's list that open a tagger window
/// (`data/tagger_triggers.txt`: Wikidata given names without those that are
/// common words; provenance in `data/README.md`).
static TRIGGERS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let n = Normalizer::preset(Preset::Search);
    include_str!("../data/tagger_triggers.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| n.normalize(l))
        .collect()
});

/// True when `w` (normalized) is a known given name: the extractor's list
/// or the trigger list.
fn given(lex: &Lexicon, w: &str) -> bool {
    lex.given_names.contains(w) || TRIGGERS.contains(w)
}

/// Token ranges of the zone's sentences: split after `.`, `!`, `?`, `؟`,
/// `؛` and at line breaks, and cut to [`MAX_SENTENCE`] tokens.
fn sentences(z: &ZoneText) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 0..z.toks.len() {
        let t = z.toks[i];
        let ends = t.kind == TokKind::Punct && matches!(z.word(i), "." | "!" | "?" | "؟" | "؛");
        let line_break = z
            .toks
            .get(i + 1)
            .is_some_and(|n| z.norm.text[t.e..n.s].contains('\n'));
        if ends || line_break || i + 1 - from >= MAX_SENTENCE {
            out.push((from, i + 1));
            from = i + 1;
        }
    }
    if from < z.toks.len() {
        out.push((from, z.toks.len()));
    }
    out
}

/// Token `i` as written in the source (the tagger was trained on raw text).
fn source_word<'a>(z: &'a ZoneText<'_>, i: usize) -> &'a str {
    let t = z.toks[i];
    let b = z.norm.alignment.to_source(ByteSpan::new(t.s, t.e));
    z.src_slice.get(b.range()).unwrap_or_else(|| z.word(i))
}

/// Function words of Maghrebi dialect (Darija) and their frequent forms,
/// normalized (`ة` as `ه`): news sites that write in dialect use them
/// constantly, and a tagger trained on Modern Standard Arabic reads them as
/// parts of names. Never in a tagger chunk, never a trigger (`شي` is also
/// Xi Jinping's name: the rules, not the tagger, find him).
const DIALECT: &[&str] = &[
    "شي",
    "لي",
    "اللي",
    "ديال",
    "ديالو",
    "ديالها",
    "ديالهم",
    "ديالي",
    "غادي",
    "غاديه",
    "غادين",
    "كيفاش",
    "علاش",
    "فين",
    "واش",
    "باش",
    "كاين",
    "كاينه",
    "كاينين",
    "ماكاينش",
    "مكاينش",
    "بزاف",
    "دابا",
    "هادشي",
    "هاد",
    "هادي",
    "داك",
    "ديك",
    "راه",
    "راها",
    "راني",
    "ليا",
    "ليك",
    "ليه",
    "ليها",
    "ليهم",
    "بيا",
    "بيك",
    "بيه",
    "بيها",
    "مزيان",
    "زوين",
    "زوينه",
    "بحال",
    "شحال",
    "حيت",
    "والو",
    "ماشي",
    "عاد",
    "صافي",
    "مول",
    "مولات",
];

static DIALECT_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| DIALECT.iter().copied().collect());

/// True when `w` (normalized) is a dialect function word, with or without
/// the conjunction `و`.
pub(crate) fn dialect(w: &str) -> bool {
    DIALECT_SET.contains(w) || w.strip_prefix('و').is_some_and(|r| DIALECT_SET.contains(r))
}

/// True when token `i` may be part of a name: an Arabic word, no function
/// word, and claimed by no lexicon entry other than a name's.
fn name_word(lex: &Lexicon, z: &ZoneText, i: usize) -> bool {
    if z.toks[i].kind != TokKind::Arabic {
        return false;
    }
    let w = z.word(i);
    if w.chars().count() < 2
        || dialect(w)
        || lex.stopwords.contains(w)
        || lex.stopwords.contains(strip_article(w))
    {
        return false;
    }
    z.hits(i).iter().all(|h| {
        matches!(
            lex.entries[h.entry].kind,
            Kind::Country(_) | Kind::Place | Kind::Org | Kind::Person
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, ExtractorConfig};
    use akhbar_core::{ByteSpan, Document, EntityType, Zone, ZoneRange};
    use std::sync::LazyLock;

    static RULES: LazyLock<Extractor> = LazyLock::new(|| {
        Extractor::new(ExtractorConfig {
            no_tagger: true,
            ..ExtractorConfig::default()
        })
    });
    static WITH_TAGGER: LazyLock<Extractor> = LazyLock::new(Extractor::default);

    fn mentions(ex: &Extractor, text: &str) -> Vec<(EntityType, String)> {
        let mut d = Document::new("t", text);
        d.zones.push(ZoneRange {
            span: ByteSpan::new(0, text.len()),
            zone: Zone::Body,
        });
        ex.extract(&d)
            .mentions
            .into_iter()
            .map(|m| (m.entity_type, m.text))
            .collect()
    }

    #[test]
    fn the_tagger_finds_names_no_rule_knows() {
        let text = "حضر اللقاء عمر الفاروق القاسمي وعدد من المسؤولين في شركة سوناطراك.";
        assert!(mentions(&RULES, text).is_empty());
        let found = mentions(&WITH_TAGGER, text);
        assert!(
            found.contains(&(EntityType::Per, "عمر الفاروق القاسمي".into())),
            "{found:?}"
        );
    }

    #[test]
    fn tagger_names_lose_their_proclitics() {
        let found = mentions(&WITH_TAGGER, "وشارك في الحفل ونعمان الفهري وعدد من الضيوف.");
        assert!(
            found.contains(&(EntityType::Per, "نعمان الفهري".into())),
            "{found:?}"
        );
    }

    #[test]
    fn dialect_words_are_never_tagger_names() {
        for text in [
            "بغيت نقول ليك شي حاجة على رومان سايس غادي يلعب مع الفريق.",
            "واش كاين شي واحد فيكم كيعرف كيفاش دار هاد الشي؟",
        ] {
            let found = mentions(&WITH_TAGGER, text);
            assert!(
                !found
                    .iter()
                    .any(|(_, t)| t.split_whitespace().any(super::dialect)),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_moroccan_politician_without_a_title_is_found() {
        // (`سعد الدين العثماني`, the first example here, is now in the
        // persons list, which the rules read.)
        let text = "وقال نزار بركة إن الحكومة ماضية في الإصلاح.";
        assert!(mentions(&RULES, text).is_empty());
        assert!(mentions(&WITH_TAGGER, text).contains(&(EntityType::Per, "نزار بركة".into())));
    }

    #[test]
    fn sidi_and_a_name_is_no_tagger_person() {
        let found = mentions(&WITH_TAGGER, "وأصدرت محكمة سيدي امحمد بالعاصمة حكمها أمس.");
        assert!(
            !found.iter().any(|(ty, _)| *ty == EntityType::Per),
            "{found:?}"
        );
    }

    #[test]
    fn the_tagger_only_adds_to_the_rules() {
        for text in [
            "استقبل وزير الداخلية عبد الوافي لفتيت بالرباط نظيره الفرنسي جيرالد دارمانان.",
            "وأكد المدير العام للأمن الوطني أن التعاون مع الشرطة الفيدرالية البلجيكية مستمر.",
            "وقال حموشي بكبار المسؤولين إن الإرهاب والجريمة المنظمة تهديدان مشتركان.",
            "زار خالد بن سلمان الكعبي مقر الشركة في دبي يوم 3 مارس 2024.",
        ] {
            let rules = mentions(&RULES, text);
            let both = mentions(&WITH_TAGGER, text);
            for m in &rules {
                assert!(both.contains(m), "{m:?} lost with the tagger in {text}");
            }
            for (ty, _) in both.iter().filter(|m| !rules.contains(m)) {
                assert!(
                    matches!(ty, EntityType::Per | EntityType::Org | EntityType::Loc),
                    "{ty:?} added by the tagger in {text}"
                );
            }
        }
    }
}
