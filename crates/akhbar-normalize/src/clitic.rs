//! Clitic analysis that keeps offsets: it proposes where an Arabic word
//! splits into proclitics, stem and an enclitic pronoun, as byte spans of
//! the original text, and never rewrites the text.
//!
//! Arabic attaches conjunctions (`و ف`), prepositions (`ب ك ل`), the future
//! particle `س` and the article `ال` to the front of a word, and possessive
//! or object pronouns (`ه ها هم كم نا ي` …) to its end. Many words also
//! *begin* with those letters (`وزير`, `باريس`, `لبنان`, `فرنسا`) or end
//! with them (`حموشي`), so the analysis offers every candidate and a
//! conservative default; a caller with a lexicon picks among candidates.

use crate::table::{Class, class_of};
use akhbar_core::ByteSpan;

/// A clitic attached to the front of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Proclitic {
    /// `و` "and".
    Wa,
    /// `ف` "so, then".
    Fa,
    /// `ب` "in, with".
    Bi,
    /// `ك` "like".
    Ka,
    /// `ل` "for, to".
    Li,
    /// `س` future particle (before an imperfect verb).
    Sa,
    /// The article `ال`.
    Al,
    /// The article after `ل`, contracted to one `ل` (`للمملكة` = `ل` + `ل` +
    /// `مملكة`): its span is the second `ل`.
    LamAl,
}

impl Proclitic {
    /// The clitic as written.
    pub const fn as_str(self) -> &'static str {
        match self {
            Proclitic::Wa => "و",
            Proclitic::Fa => "ف",
            Proclitic::Bi => "ب",
            Proclitic::Ka => "ك",
            Proclitic::Li => "ل",
            Proclitic::Sa => "س",
            Proclitic::Al => "ال",
            Proclitic::LamAl => "ل",
        }
    }

    /// True for the article (`ال`, or its contracted `ل` after `ل`).
    pub const fn is_article(self) -> bool {
        matches!(self, Proclitic::Al | Proclitic::LamAl)
    }
}

/// A pronoun attached to the end of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Enclitic {
    /// `ه` "his, him".
    Hu,
    /// `ها` "her".
    Ha,
    /// `هما` "their (two)".
    Huma,
    /// `هم` "their".
    Hum,
    /// `هن` "their (feminine)".
    Hunna,
    /// `ك` "your".
    Ka,
    /// `كما` "your (two)".
    Kuma,
    /// `كم` "your (plural)".
    Kum,
    /// `كن` "your (feminine plural)".
    Kunna,
    /// `نا` "our, us".
    Na,
    /// `ني` "me".
    Ni,
    /// `ي` "my".
    Ya,
}

impl Enclitic {
    /// Longest first, so that `هما` is tried before `ها`.
    const ALL: [Enclitic; 12] = [
        Enclitic::Huma,
        Enclitic::Kuma,
        Enclitic::Hum,
        Enclitic::Hunna,
        Enclitic::Ha,
        Enclitic::Kum,
        Enclitic::Kunna,
        Enclitic::Na,
        Enclitic::Ni,
        Enclitic::Hu,
        Enclitic::Ka,
        Enclitic::Ya,
    ];

    /// The pronoun as written.
    pub const fn as_str(self) -> &'static str {
        match self {
            Enclitic::Hu => "ه",
            Enclitic::Ha => "ها",
            Enclitic::Huma => "هما",
            Enclitic::Hum => "هم",
            Enclitic::Hunna => "هن",
            Enclitic::Ka => "ك",
            Enclitic::Kuma => "كما",
            Enclitic::Kum => "كم",
            Enclitic::Kunna => "كن",
            Enclitic::Na => "نا",
            Enclitic::Ni => "ني",
            Enclitic::Ya => "ي",
        }
    }
}

/// One way to split a word; every span points into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmentation {
    /// The whole word.
    pub word: ByteSpan,
    /// Proclitics in order, each with its span (a letter and its marks).
    pub proclitics: Vec<(Proclitic, ByteSpan)>,
    /// The stem: the word without proclitics and enclitic.
    pub stem: ByteSpan,
    /// The enclitic pronoun and its span, if split off.
    pub enclitic: Option<(Enclitic, ByteSpan)>,
}

impl Segmentation {
    fn unsplit(word: ByteSpan) -> Self {
        Self {
            word,
            proclitics: Vec::new(),
            stem: word,
            enclitic: None,
        }
    }

    /// True when nothing is split off.
    pub fn is_unsplit(&self) -> bool {
        self.proclitics.is_empty() && self.enclitic.is_none()
    }

    /// True when the word carries the article.
    pub fn has_article(&self) -> bool {
        self.proclitics.iter().any(|p| p.0.is_article())
    }

    /// Where a name starts and ends by ANNOTATION.md's span rules: without
    /// the conjunctions and prepositions in front, with the article (for
    /// `لل` from the second `ل`), up to the end of the word (whether an
    /// enclitic ends the name is the caller's decision: see
    /// [`Segmentation::enclitic`]).
    pub fn name_span(&self) -> ByteSpan {
        let start = self
            .proclitics
            .iter()
            .find(|p| p.0.is_article())
            .map_or(self.stem.start, |p| p.1.start);
        ByteSpan::new(start, self.word.end)
    }
}

/// Proposes clitic splits of Arabic words.
///
/// ```
/// use akhbar_core::ByteSpan;
/// use akhbar_normalize::{CliticAnalyzer, Proclitic};
///
/// let a = CliticAnalyzer::default();
/// let text = "وللمملكة";
/// let seg = a.analyze(text, ByteSpan::new(0, text.len()));
/// let kinds: Vec<_> = seg.proclitics.iter().map(|p| p.0).collect();
/// assert_eq!(kinds, [Proclitic::Wa, Proclitic::Li, Proclitic::LamAl]);
/// assert_eq!(&text[seg.name_span().range()], "لمملكة");
/// assert_eq!(&text[seg.stem.range()], "مملكة");
///
/// // No article: the default does not guess, the candidates do.
/// let text = "بباريس";
/// let word = ByteSpan::new(0, text.len());
/// assert!(a.analyze(text, word).is_unsplit());
/// assert!(a.candidates(text, word).iter().any(|s| &text[s.stem.range()] == "باريس"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CliticAnalyzer {
    /// A candidate keeps a stem of at least this many letters (diacritics
    /// and tatweel not counted). Default 3: `والي` and `بالغ` stay whole.
    pub min_stem_chars: usize,
}

impl Default for CliticAnalyzer {
    fn default() -> Self {
        Self::new()
    }
}

/// One letter of the word: the letter and the span of it and its marks.
#[derive(Debug, Clone, Copy)]
struct Letter {
    c: char,
    span: ByteSpan,
}

const CONJ: [(char, Proclitic); 2] = [('و', Proclitic::Wa), ('ف', Proclitic::Fa)];
const PREP: [(char, Proclitic); 4] = [
    ('ب', Proclitic::Bi),
    ('ك', Proclitic::Ka),
    ('ل', Proclitic::Li),
    ('س', Proclitic::Sa),
];

impl CliticAnalyzer {
    /// The default analyzer (minimum stem of 3 letters).
    pub const fn new() -> Self {
        Self { min_stem_chars: 3 }
    }

    /// Every plausible split of the word at `word` in `text`, the unsplit
    /// word first, then by the number of letters split off. Only Arabic
    /// words are split; any other word gets the unsplit candidate alone.
    pub fn candidates(&self, text: &str, word: ByteSpan) -> Vec<Segmentation> {
        let mut out = vec![Segmentation::unsplit(word)];
        let Some(letters) = letters(text, word) else {
            return out;
        };
        let n = letters.len();
        for conj in [None, Some(0), Some(1)] {
            for prep in [None, Some(0), Some(1), Some(2), Some(3)] {
                for art in [false, true] {
                    let mut k = 0;
                    let mut pro = Vec::new();
                    if let Some(ci) = conj {
                        let (ch, p) = CONJ[ci];
                        if letters.get(k).is_none_or(|l| l.c != ch) {
                            continue;
                        }
                        pro.push((p, letters[k].span));
                        k += 1;
                    }
                    if let Some(pi) = prep {
                        let (ch, p) = PREP[pi];
                        if letters.get(k).is_none_or(|l| l.c != ch) {
                            continue;
                        }
                        if p == Proclitic::Sa
                            && (art
                                || !letters
                                    .get(k + 1)
                                    .is_some_and(|l| matches!(l.c, 'ي' | 'ت' | 'ن' | 'أ')))
                        {
                            continue;
                        }
                        pro.push((p, letters[k].span));
                        k += 1;
                    }
                    if art {
                        if prep == Some(2) {
                            if letters.get(k).is_none_or(|l| l.c != 'ل') {
                                continue;
                            }
                            pro.push((Proclitic::LamAl, letters[k].span));
                            k += 1;
                        } else {
                            let (Some(a), Some(l)) = (letters.get(k), letters.get(k + 1)) else {
                                continue;
                            };
                            if !matches!(a.c, 'ا' | 'ٱ') || l.c != 'ل' {
                                continue;
                            }
                            pro.push((Proclitic::Al, ByteSpan::new(a.span.start, l.span.end)));
                            k += 2;
                        }
                    }
                    let mut encs: Vec<Option<(Enclitic, usize)>> = vec![None];
                    if !art {
                        for e in Enclitic::ALL {
                            let m = e.as_str().chars().count();
                            if n >= k + m
                                && letters[n - m..].iter().map(|l| l.c).eq(e.as_str().chars())
                            {
                                encs.push(Some((e, m)));
                            }
                        }
                    }
                    for enc in encs {
                        let m = enc.map_or(0, |e| e.1);
                        if pro.is_empty() && m == 0 {
                            continue; // the unsplit candidate is already there
                        }
                        if n < k + m || n - k - m < self.min_stem_chars {
                            continue;
                        }
                        let stem =
                            ByteSpan::new(letters[k].span.start, letters[n - m - 1].span.end);
                        let enclitic = enc
                            .map(|(e, m)| (e, ByteSpan::new(letters[n - m].span.start, word.end)));
                        out.push(Segmentation {
                            word,
                            proclitics: pro.clone(),
                            stem,
                            enclitic,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|s| {
            let split = s.word.len() - s.stem.len();
            (split, s.stem.start, s.proclitics.len())
        });
        out.dedup();
        out
    }

    /// The conservative default: splits proclitics only when the article
    /// follows them (`والمغرب`, `بالرباط`, `للمملكة`), where the split is
    /// near certain; otherwise returns the word unsplit. Enclitics are never
    /// split by default (`حموشي` ends in `ي`).
    pub fn analyze(&self, text: &str, word: ByteSpan) -> Segmentation {
        let mut cands = self.candidates(text, word);
        let best = cands
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.has_article()
                    && s.enclitic.is_none()
                    && s.proclitics.iter().all(|p| p.0 != Proclitic::Sa)
            })
            .max_by_key(|(_, s)| s.proclitics.len())
            .map_or(0, |(i, _)| i);
        cands.swap_remove(best)
    }
}

/// The Arabic letters of the word with their attached marks, or `None`
/// when the word holds anything but Arabic letters and marks.
fn letters(text: &str, word: ByteSpan) -> Option<Vec<Letter>> {
    let w = text.get(word.range())?;
    let mut out: Vec<Letter> = Vec::with_capacity(w.len() / 2);
    for (off, c) in w.char_indices() {
        let s = word.start + off;
        let e = s + c.len_utf8();
        match class_of(c) {
            Class::ArabicLetter => out.push(Letter {
                c,
                span: ByteSpan::new(s, e),
            }),
            Class::ArabicMark | Class::Invisible | Class::Mark => match out.last_mut() {
                Some(l) => l.span.end = e,
                None => return None,
            },
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyze(text: &str) -> (Vec<Proclitic>, String, String) {
        let seg = CliticAnalyzer::default().analyze(text, ByteSpan::new(0, text.len()));
        (
            seg.proclitics.iter().map(|p| p.0).collect(),
            text[seg.stem.range()].to_owned(),
            text[seg.name_span().range()].to_owned(),
        )
    }

    fn stems(text: &str) -> Vec<String> {
        CliticAnalyzer::default()
            .candidates(text, ByteSpan::new(0, text.len()))
            .iter()
            .map(|s| text[s.stem.range()].to_owned())
            .collect()
    }

    #[test]
    fn strips_proclitics_before_the_article() {
        use Proclitic::*;
        assert_eq!(
            analyze("والمغرب"),
            (vec![Wa, Al], "مغرب".into(), "المغرب".into())
        );
        assert_eq!(
            analyze("بالرباط"),
            (vec![Bi, Al], "رباط".into(), "الرباط".into())
        );
        assert_eq!(
            analyze("فبالمغرب"),
            (vec![Fa, Bi, Al], "مغرب".into(), "المغرب".into())
        );
    }

    #[test]
    fn lam_plus_article_span_starts_at_second_lam() {
        let (pro, stem, name) = analyze("للمملكة");
        assert_eq!(pro, vec![Proclitic::Li, Proclitic::LamAl]);
        assert_eq!(stem, "مملكة");
        assert_eq!(name, "لمملكة");
    }

    #[test]
    fn keeps_words_that_only_look_cliticized() {
        for w in ["والي", "بالغ", "وزير", "باريس", "لبنان", "فرنسا", "والدة"]
        {
            assert_eq!(analyze(w).1, w, "{w}");
        }
    }

    #[test]
    fn candidates_offer_every_plausible_split() {
        let s = stems("بباريس");
        assert_eq!(s[0], "بباريس");
        assert!(s.contains(&"باريس".to_owned()));
        let s = stems("وفرنسا");
        assert!(s.contains(&"فرنسا".to_owned()));
        let s = stems("حكومته");
        assert!(s.contains(&"حكومت".to_owned()));
        // Stems shorter than the minimum are not proposed.
        assert!(!stems("والي").iter().any(|x| x == "ي"));
    }

    #[test]
    fn marks_stay_with_their_letter() {
        let text = "وَالمَغرب";
        let seg = CliticAnalyzer::default().analyze(text, ByteSpan::new(0, text.len()));
        assert_eq!(&text[seg.proclitics[0].1.range()], "وَ");
        assert_eq!(&text[seg.name_span().range()], "المَغرب");
    }

    #[test]
    fn non_arabic_words_stay_whole() {
        let text = "Paris";
        let c = CliticAnalyzer::default().candidates(text, ByteSpan::new(0, 5));
        assert_eq!(c.len(), 1);
        assert!(c[0].is_unsplit());
    }
}
