//! Words of normalized text and their proclitics.

use std::borrow::Cow;

/// The script class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Arabic letters.
    Arabic,
    /// Latin letters.
    Latin,
    /// Digits.
    Digit,
    /// One punctuation character.
    Punct,
}

/// A token: a byte range of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub s: usize,
    /// One past the last byte.
    pub e: usize,
    /// Its class.
    pub kind: TokKind,
}

fn class(c: char) -> Option<TokKind> {
    match c {
        ' ' => None,
        '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' => {
            Some(TokKind::Arabic)
        }
        '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Some(TokKind::Digit),
        // Common punctuation, neither alphabetic nor whitespace: answered
        // here without the slow Unicode look-ups below.
        '\u{060C}'
        | '\u{061B}'
        | '\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '«'
        | '»'
        | '“'
        | '”'
        | '‘'
        | '’'
        | '–'
        | '—'
        | '…'
        | '•' => Some(TokKind::Punct),
        c if c.is_alphabetic() => Some(TokKind::Latin),
        c if c.is_whitespace() => None,
        // Combining marks (diacritics left by a preset) stay inside words.
        '\u{065F}' => Some(TokKind::Arabic),
        _ => Some(TokKind::Punct),
    }
}

/// Splits `text` into words (runs of one script class) and single
/// punctuation characters.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // Words average more than four bytes with their space.
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
    let mut cur: Option<Tok> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Fast paths for the two commonest cases: a space, and a run of
        // common Arabic letters (classed as `class` would).
        if bytes[i] == b' ' {
            if let Some(t) = cur.take() {
                out.push(t);
            }
            i += 1;
            continue;
        }
        let arabic = run_len(TokKind::Arabic, &bytes[i..]);
        if arabic > 0 {
            let s = i;
            i += arabic;
            match cur.as_mut() {
                Some(t) if t.kind == TokKind::Arabic => t.e = i,
                _ => {
                    if let Some(t) = cur.take() {
                        out.push(t);
                    }
                    cur = Some(Tok {
                        s,
                        e: i,
                        kind: TokKind::Arabic,
                    });
                }
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let s = i;
        i += c.len_utf8();
        match class(c) {
            None => {
                if let Some(t) = cur.take() {
                    out.push(t);
                }
            }
            Some(TokKind::Punct) => {
                if let Some(t) = cur.take() {
                    out.push(t);
                }
                out.push(Tok {
                    s,
                    e: i,
                    kind: TokKind::Punct,
                });
            }
            Some(k) => {
                // The rest of a run of common characters of the class.
                i += run_len(k, &bytes[i..]);
                match cur.as_mut() {
                    Some(t) if t.kind == k => t.e = i,
                    _ => {
                        if let Some(t) = cur.take() {
                            out.push(t);
                        }
                        cur = Some(Tok { s, e: i, kind: k });
                    }
                }
            }
        }
    }
    if let Some(t) = cur.take() {
        out.push(t);
    }
    out
}

/// The length of the run at the start of `b` of characters that [`class`]
/// puts in `kind`, read as bytes, for the common ones only: ASCII letters
/// (Latin), ASCII and Arabic-Indic digits, and the Arabic letters of
/// `U+0621..=U+064A`, `U+066E..=U+06D3`, `U+06FA..=U+06FF`. In valid UTF-8
/// each of these two-byte ranges is one range of byte pairs read as a
/// big-endian number (`D8 A1..=D9 8A`, `D9 AE..=DB 93`, `DB BA..=DB BF`).
#[inline]
fn run_len(kind: TokKind, b: &[u8]) -> usize {
    let pair = |i: usize| u16::from_be_bytes([b[i], b.get(i + 1).copied().unwrap_or(0)]);
    let mut i = 0;
    match kind {
        TokKind::Latin => {
            while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
        }
        TokKind::Digit => {
            while let Some(&b0) = b.get(i) {
                if b0.is_ascii_digit() {
                    i += 1;
                } else if matches!(pair(i), 0xD9A0..=0xD9A9 | 0xDBB0..=0xDBB9) {
                    i += 2;
                } else {
                    break;
                }
            }
        }
        TokKind::Arabic => {
            i = 2 * b
                .chunks_exact(2)
                .take_while(|c| {
                    matches!(
                        u16::from_be_bytes([c[0], c[1]]),
                        0xD8A1..=0xD98A | 0xD9AE..=0xDB93 | 0xDBBA..=0xDBBF
                    )
                })
                .count();
        }
        TokKind::Punct => {}
    }
    i
}

/// Proclitic strings that may precede a name inside one written word.
pub(crate) const PROCLITICS: [&str; 12] = [
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
];

/// The byte lengths of the [`PROCLITICS`] that `w` starts with and is
/// longer than (the empty one first), read from its first two letters
/// instead of comparing it with each proclitic.
#[inline]
pub(crate) fn proclitic_lens(w: &str) -> impl Iterator<Item = usize> {
    let b = w.as_bytes();
    let letter = |i: usize| b.get(i..i + 2);
    let mut out = [0usize; 3];
    let mut n = usize::from(!b.is_empty());
    if b.len() > 2 && letter(0).is_some_and(|l| [WAW, FA, BA, LAM, KAF].contains(&l)) {
        out[n] = 2;
        n += 1;
        if b.len() > 4
            && letter(0).is_some_and(|l| [WAW, FA].contains(&l))
            && letter(2).is_some_and(|l| [BA, LAM, KAF].contains(&l))
        {
            out[n] = 4;
            n += 1;
        }
    }
    out.into_iter().take(n)
}

/// The byte lengths of the prefixes of `w` that a name key may follow in
/// the same word (none, proclitics, the article and `لل`), shortest
/// first, each shorter than `w`; read from its first three letters.
#[inline]
pub(crate) fn name_prefix_lens(w: &str) -> impl Iterator<Item = usize> {
    let b = w.as_bytes();
    let letter = |i: usize| b.get(i..i + 2).unwrap_or(&[]);
    let (l1, l2, l3) = (letter(0), letter(2), letter(4));
    let mut out = [0usize; 4];
    let mut n = usize::from(!b.is_empty());
    let mut push = |len: usize, ok: bool| {
        if ok && b.len() > len {
            out[n] = len;
            n += 1;
        }
    };
    // `و ف ب ل ك`.
    push(2, [WAW, FA, BA, LAM, KAF].contains(&l1));
    // `وب ول وك فب فل فك`, `ال`, `لل`.
    push(
        4,
        ([WAW, FA].contains(&l1) && [BA, LAM, KAF].contains(&l2))
            || (l1 == ALEF && l2 == LAM)
            || (l1 == LAM && l2 == LAM),
    );
    // `وال بال فال`, `ولل`.
    push(
        6,
        ([WAW, BA, FA].contains(&l1) && l2 == ALEF && l3 == LAM)
            || (l1 == WAW && l2 == LAM && l3 == LAM),
    );
    out.into_iter().take(n)
}

const WAW: &[u8] = "و".as_bytes();
const FA: &[u8] = "ف".as_bytes();
const BA: &[u8] = "ب".as_bytes();
const LAM: &[u8] = "ل".as_bytes();
const KAF: &[u8] = "ك".as_bytes();
const ALEF: &[u8] = "ا".as_bytes();

/// True when `prefix` may stand before a matched name in the same word.
/// `contracted` patterns (the `لل` case) must follow a `ل`.
pub(crate) fn valid_prefix(prefix: &str, contracted: bool, definite: bool) -> bool {
    if contracted {
        return matches!(prefix, "ل" | "ول" | "فل");
    }
    if definite {
        return matches!(
            prefix,
            "" | "و" | "ف" | "ب" | "ك" | "وب" | "فب" | "وك" | "فك"
        );
    }
    PROCLITICS.contains(&prefix)
}

/// A word split into proclitics and a base. For a definite word the base
/// starts with `ال` (restored where `لل` contracted it) and `clitic` is the
/// byte length of the proclitics before the span start (the first `ل` of
/// `لل` is a proclitic, the second starts the span). It borrows from the
/// word: only a base whose article is restored after proclitics is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SplitRef<'a> {
    /// Bytes of proclitics before the span start.
    pub clitic: usize,
    /// The proclitics themselves.
    pub prefix: &'a str,
    /// The base word (definite words start with `ال`).
    pub base: Cow<'a, str>,
    /// True when the base is definite.
    pub definite: bool,
}

/// Splits the proclitics of a definite word; an indefinite word is returned
/// whole (its proclitics are ambiguous without a lexicon).
pub(crate) fn split_word(w: &str) -> SplitRef<'_> {
    let whole = |definite| SplitRef {
        clitic: 0,
        prefix: "",
        base: Cow::Borrowed(w),
        definite,
    };
    if w.starts_with("ال") {
        return whole(true);
    }
    // Every proclitic below starts with one of these letters.
    if !w.starts_with(['و', 'ف', 'ب', 'ك', 'ل']) {
        return whole(false);
    }
    for p in ["وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال"]
    {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                let pre = &w[..p.len() - "ال".len()];
                return SplitRef {
                    clitic: pre.len(),
                    prefix: pre,
                    base: Cow::Owned(format!("ال{rest}")),
                    definite: true,
                };
            }
        }
    }
    for p in ["ولل", "فلل", "لل"] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                let pre = &w[..p.len() - "ل".len()];
                return SplitRef {
                    clitic: pre.len(),
                    prefix: pre,
                    base: Cow::Owned(format!("ال{rest}")),
                    definite: true,
                };
            }
        }
    }
    whole(false)
}

/// [`SplitRef`] with owned parts.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// Bytes of proclitics before the span start.
    pub clitic: usize,
    /// The proclitics themselves.
    pub prefix: String,
    /// The base word (definite words start with `ال`).
    pub base: String,
    /// True when the base is definite.
    pub definite: bool,
}

/// [`split_word`] with owned parts.
#[cfg(test)]
pub(crate) fn split_definite(w: &str) -> Split {
    let s = split_word(w);
    Split {
        clitic: s.clitic,
        prefix: s.prefix.to_string(),
        base: s.base.into_owned(),
        definite: s.definite,
    }
}

/// The word without a leading article, for loose name comparison.
pub(crate) fn strip_article(w: &str) -> &str {
    match w.strip_prefix("ال") {
        Some(r) if r.chars().count() >= 2 => r,
        _ => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_proclitics_and_contraction() {
        let s = split_definite("للمملكه");
        assert_eq!((s.clitic, s.base.as_str()), ("ل".len(), "المملكه"));
        let s = split_definite("وبالرباط");
        assert_eq!((s.prefix.as_str(), s.base.as_str()), ("وب", "الرباط"));
        assert!(!split_definite("باريس").definite);
        assert!(valid_prefix("ول", true, true));
        assert!(!valid_prefix("ا", false, false));
    }

    /// Words that start with every combination of proclitics, or none.
    const PREFIX_WORDS: [&str; 19] = [
        "وبالرباط",
        "فلان",
        "كتاب",
        "و",
        "وب",
        "ولد",
        "باريس",
        "",
        "ab",
        "فكرة",
        "الحموشي",
        "للمملكة",
        "وللامن",
        "فالح",
        "بال",
        "ولل",
        "لل",
        "ال",
        "اللطيف",
    ];

    /// `lens` gives, for each word, the lengths of the prefixes of `list`
    /// strictly shorter than the word, in the list's order.
    fn check_prefix_lens(list: &[&str], lens: impl Fn(&str) -> Vec<usize>) {
        for w in PREFIX_WORDS {
            let want: Vec<usize> = list
                .iter()
                .filter(|p| w.len() > p.len() && w.starts_with(*p))
                .map(|p| p.len())
                .collect();
            assert_eq!(lens(w), want, "{w}");
        }
    }

    #[test]
    fn proclitic_lens_agree_with_the_list() {
        check_prefix_lens(&PROCLITICS, |w| proclitic_lens(w).collect());
    }

    #[test]
    fn name_prefix_lens_agree_with_the_list() {
        const STRIP: [&str; 18] = [
            "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ال", "وال", "بال",
            "فال", "لل", "ولل",
        ];
        check_prefix_lens(&STRIP, |w| name_prefix_lens(w).collect());
    }

    #[test]
    fn fast_punctuation_is_what_the_unicode_tables_say() {
        for c in "،؛؟٪٫٬٭«»“”‘’–—…•".chars() {
            assert!(!c.is_alphabetic() && !c.is_whitespace(), "{c}");
            assert_eq!(class(c), Some(TokKind::Punct), "{c}");
        }
    }

    #[test]
    fn tokenizes_words_and_punctuation() {
        let t = tokenize("قال، حموشي (Veaux) 2025");
        let kinds: Vec<TokKind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                TokKind::Arabic,
                TokKind::Punct,
                TokKind::Arabic,
                TokKind::Punct,
                TokKind::Latin,
                TokKind::Punct,
                TokKind::Digit
            ]
        );
    }
}
