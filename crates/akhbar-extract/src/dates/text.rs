//! The matching form of a zone and its tokens.
//!
//! Dates are matched on a folded copy of the zone: tatweel, diacritics and
//! invisible marks removed, alef variants, `ى`, `ة`, Persian `ی ک` folded,
//! both Arabic digit sets mapped to ASCII, Latin lowercased. Every folded
//! byte remembers the source bytes of the character it came from, so a span
//! of the folded text maps back to an exact slice of the original.

use akhbar_core::ByteSpan;
use std::cell::Cell;

/// A folded zone with its map back to the source.
#[derive(Debug)]
pub(super) struct Folded {
    /// The folded text.
    pub text: String,
    /// Where the zone starts in the source.
    base: usize,
    /// Checkpoints (folded byte, source byte from `base`), one after every
    /// character whose folded form has another length (removed marks,
    /// digits); between two checkpoints both texts advance together.
    marks: Vec<(u32, u32)>,
    /// The tokens of `text`, as [`tokenize`] would split it.
    pub toks: Vec<Tok>,
}

/// The buffers of [`Folded`] (text, checkpoints, tokens).
type Buffers = (String, Vec<(u32, u32)>, Vec<Tok>);

thread_local! {
    /// The buffers of the last [`Folded`] dropped on this thread, for the
    /// next zone: a document has many zones, and growing three buffers
    /// for each cost more than folding small ones.
    static SPARE: Cell<Buffers> = const { Cell::new((String::new(), Vec::new(), Vec::new())) };
}

impl Drop for Folded {
    fn drop(&mut self) {
        let buffers = (
            std::mem::take(&mut self.text),
            std::mem::take(&mut self.marks),
            std::mem::take(&mut self.toks),
        );
        SPARE.with(|spare| spare.set(buffers));
    }
}

/// The state of the one pass of [`Folded::new`]: the folded text being
/// written and the tokens being cut from it.
///
/// Characters the fold keeps are not copied one by one: they are copied by
/// runs of source bytes (`run` is where the pending run starts), so a
/// source byte `i` inside the pending run sits at folded byte
/// `out.len() + (i - run)`.
struct Scan {
    /// The folded text written so far.
    out: String,
    /// The checkpoints of [`Folded`].
    marks: Vec<(u32, u32)>,
    /// The source byte (from the zone start) where the pending run starts.
    run: usize,
    /// The tokens; the last one is still growing when `open`.
    toks: Vec<Tok>,
    /// True while the last token is a word or number being read.
    open: bool,
    /// The current line.
    line: u32,
}

impl Scan {
    /// The folded byte of source byte `i` of the pending run.
    #[inline]
    fn fpos(&self, i: usize) -> usize {
        self.out.len() + (i - self.run)
    }

    /// Copies the pending run up to source byte `i`.
    #[inline]
    fn flush_run(&mut self, zone: &str, i: usize) {
        self.out.push_str(&zone[self.run..i]);
        self.run = i;
    }

    /// Adds folded bytes `start..end` of a word or number: they extend the
    /// token being read when it has that kind, or open a new one.
    #[inline]
    fn extend(&mut self, kind: Kind, start: usize, end: usize) {
        if self.open
            && let Some(t) = self.toks.last_mut()
            && t.kind == kind
        {
            t.end = end;
            return;
        }
        self.toks.push(Tok {
            kind,
            start,
            end,
            line: self.line,
        });
        self.open = true;
    }

    /// Ends the word or number being read.
    #[inline]
    fn end_token(&mut self) {
        self.open = false;
    }

    /// Adds one punctuation character, a token of its own.
    #[inline]
    fn punct(&mut self, start: usize, end: usize) {
        self.end_token();
        self.toks.push(Tok {
            kind: Kind::Punct,
            start,
            end,
            line: self.line,
        });
    }
}

/// The length of the run of Arabic letters `U+0621..=U+064A` at the start
/// of `b` that the fold keeps as they are, or `None` when `b` does not start
/// with one. Those letters are the byte pairs `D8 A1..=D9 8A`; the fold
/// changes `آ أ إ ة` (`D8 A2`, `D8 A3`, `D8 A5`, `D8 A9`), tatweel and `ى`
/// (`D9 80`, `D9 89`).
#[inline]
fn plain_letters_len(b: &[u8]) -> Option<usize> {
    let n = b
        .chunks_exact(2)
        .take_while(|p| match p[0] {
            0xD8 => PLAIN_D8 & (1 << (p[1] & 0x3F)) != 0,
            0xD9 => PLAIN_D9 & (1 << (p[1] & 0x3F)) != 0,
            _ => false,
        })
        .count();
    (n > 0).then_some(2 * n)
}

/// The second bytes `80..=BF` (bit `b & 0x3F`) that make a plain letter
/// after `D8`: `A1..=BF` without `A2 A3 A5 A9`.
const PLAIN_D8: u64 = bits(0x21, 0x3F) & !(1 << 0x22 | 1 << 0x23 | 1 << 0x25 | 1 << 0x29);
/// The same after `D9`: `81..=8A` without `89`.
const PLAIN_D9: u64 = bits(0x01, 0x0A) & !(1 << 0x09);

/// The bits `lo..=hi` of a `u64`.
const fn bits(lo: u32, hi: u32) -> u64 {
    (u64::MAX >> (63 - hi)) & (u64::MAX << lo)
}

/// True for characters that the fold removes.
fn is_removed(c: char) -> bool {
    matches!(c,
        '\u{0640}'                          // tatweel
        | '\u{064B}'..='\u{065F}'           // harakat
        | '\u{0670}'                        // superscript alef
        | '\u{0610}'..='\u{061A}'           // Quranic marks
        | '\u{06D6}'..='\u{06ED}'
        | '\u{200B}'..='\u{200F}'           // zero-width, LRM, RLM
        | '\u{202A}'..='\u{202E}'           // bidi embeddings
        | '\u{2066}'..='\u{2069}'           // bidi isolates
        | '\u{061C}'                        // Arabic letter mark
        | '\u{FEFF}')
}

/// The folded form of one character, or `None` when it is removed.
fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_removed(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        // Latin-1 and Latin Extended capitals (`É`), for French months.
        '\u{00C0}'..='\u{024F}' if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        c => c,
    })
}

impl Folded {
    /// Folds `text[range]` and splits the folded text into tokens, in one
    /// pass over the zone (see [`Scan`]).
    pub fn new(text: &str, range: ByteSpan) -> Self {
        let zone = &text[range.range()];
        let bytes = zone.as_bytes();
        let (mut out, mut marks, mut toks) = SPARE.with(|spare| spare.take());
        out.clear();
        out.reserve(zone.len());
        marks.clear();
        marks.push((0, 0));
        toks.clear();
        toks.reserve(zone.len() / 4);
        let mut s = Scan {
            out,
            marks,
            run: 0,
            toks,
            open: false,
            line: 0,
        };
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                // ASCII: one byte, folded to one byte.
                let at = s.fpos(i);
                let f = b.to_ascii_lowercase();
                if f != b {
                    s.flush_run(zone, i);
                    s.out.push(char::from(f));
                    s.run = i + 1;
                }
                match f {
                    b'a'..=b'z' => s.extend(Kind::Word, at, at + 1),
                    b'0'..=b'9' => {
                        let n = digits_len(&bytes[i..]);
                        s.extend(Kind::Num, at, at + n);
                        i += n;
                        continue;
                    }
                    b'\n' => {
                        s.line += 1;
                        s.end_token();
                    }
                    // `char::is_whitespace` on ASCII.
                    b' ' | b'\t' | b'\r' | 0x0B | 0x0C => s.end_token(),
                    _ => s.punct(at, at + 1),
                }
                i += 1;
                continue;
            }
            if let Some(n) = plain_letters_len(&bytes[i..]) {
                // A run of Arabic letters the fold keeps: copied as they are.
                let at = s.fpos(i);
                s.extend(Kind::Word, at, at + n);
                i += n;
                continue;
            }
            // The other common Arabic characters, as `fold_char` folds them
            // (a test checks it): letters folded to a letter of the same
            // length, and punctuation kept.
            let pair = (b, bytes.get(i + 1).copied().unwrap_or(0));
            let letter = match pair {
                (0xD8, 0xA2 | 0xA3 | 0xA5) => Some("ا"),
                (0xD8, 0xA9) => Some("ه"),
                (0xD9, 0x89) => Some("ي"),
                _ => None,
            };
            if let Some(f) = letter {
                s.flush_run(zone, i);
                let at = s.out.len();
                s.out.push_str(f);
                s.run = i + 2;
                s.extend(Kind::Word, at, at + 2);
                i += 2;
                continue;
            }
            if matches!(pair, (0xD8, 0x8C | 0x9B | 0x9F)) {
                // `، ؛ ؟`.
                let at = s.fpos(i);
                s.punct(at, at + 2);
                i += 2;
                continue;
            }
            let Some(c) = zone.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            s.flush_run(zone, i);
            s.run = i + len;
            let start = s.out.len();
            let folded = fold_char(c);
            if let Some(f) = folded {
                s.out.push(f);
            }
            let end = s.out.len();
            if end - start != len {
                // Zones are far below 4 GiB.
                s.marks.push((end as u32, (i + len) as u32));
            }
            i += len;
            let Some(f) = folded else {
                continue;
            };
            if matches!(f, '\u{0621}'..='\u{064A}')
                || (!f.is_ascii() && !matches!(f, '،' | '؛' | '؟') && f.is_alphabetic())
            {
                s.extend(Kind::Word, start, end);
            } else if f.is_ascii_digit() {
                s.extend(Kind::Num, start, end);
            } else if f.is_whitespace() {
                // Never `\n` here: ASCII is read above.
                s.end_token();
            } else {
                s.punct(start, end);
            }
        }
        s.flush_run(zone, bytes.len());
        s.end_token();
        Self {
            text: s.out,
            base: range.start,
            marks: s.marks,
            toks: s.toks,
        }
    }

    /// The source byte of folded byte `at` (the start of the character
    /// there, after any removed marks before it).
    fn map(&self, at: usize) -> usize {
        let at32 = at as u32;
        let k = self.marks.partition_point(|&(f, _)| f <= at32);
        let (f, s) = self.marks[k.saturating_sub(1)];
        self.base + (s + (at32 - f)) as usize
    }

    /// The source span of folded bytes `start..end` (`start < end`). The end
    /// takes in the marks removed after the last character (`يونيوَ` keeps
    /// its fatha).
    pub fn to_source(&self, start: usize, end: usize) -> ByteSpan {
        ByteSpan::new(self.map(start), self.map(end))
    }

    /// The source byte where the character at folded byte `at` starts.
    pub fn source_start(&self, at: usize) -> usize {
        self.map(at)
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits (after folding).
    Num,
    /// One other visible character.
    Punct,
}

/// A token of the folded text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Its kind.
    pub kind: Kind,
    /// First folded byte.
    pub start: usize,
    /// One past its last folded byte.
    pub end: usize,
    /// Line number inside the zone: a date never spans two lines.
    pub line: u32,
}

/// Splits folded text into words, numbers and punctuation: the reference
/// that the tokens of [`Folded::new`] are tested against.
#[cfg(test)]
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 8);
    let mut line = 0u32;
    // The word or number being read: it grows while the next character is
    // of its kind and right after it.
    let mut cur: Option<Tok> = None;
    let mut i = 0;
    while i < bytes.len() {
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let start = i;
        i += c.len_utf8();
        let letter = match c {
            'a'..='z' | '\u{0621}'..='\u{064A}' => true,
            c if c.is_ascii() => false,
            c => c.is_alphabetic(),
        };
        let kind = if letter {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Num
        } else if c == '\n' {
            line += 1;
            toks.extend(cur.take());
            continue;
        } else if c.is_whitespace() {
            toks.extend(cur.take());
            continue;
        } else {
            Kind::Punct
        };
        // The rest of a run of common letters or digits, byte by byte.
        match kind {
            Kind::Word => i += letters_len(&bytes[i..]),
            Kind::Num => i += digits_len(&bytes[i..]),
            Kind::Punct => {}
        }
        if let Some(t) = cur.as_mut()
            && t.kind == kind
        {
            t.end = i;
            continue;
        }
        toks.extend(cur.take());
        let t = Tok {
            kind,
            start,
            end: i,
            line,
        };
        if kind == Kind::Punct {
            toks.push(t);
        } else {
            cur = Some(t);
        }
    }
    toks.extend(cur);
    toks
}

/// The length of the run of `a-z` and Arabic letters `U+0621..=U+064A`
/// (the byte pairs `D8 A1..=D9 8A`) at the start of `b`.
#[cfg(test)]
fn letters_len(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(&b0) = b.get(i) {
        if b0 < 0x80 {
            if !b0.is_ascii_lowercase() {
                break;
            }
            i += 1;
            continue;
        }
        let pair = u16::from_be_bytes([b0, b.get(i + 1).copied().unwrap_or(0)]);
        if !(0xD8A1..=0xD98A).contains(&pair) {
            break;
        }
        i += 2;
    }
    i
}

/// The length of the run of ASCII digits at the start of `b`.
#[inline]
fn digits_len(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_digits_marks_and_maps_back() {
        let src = "x يونيــوَ ٢٤ ۲۵";
        let f = Folded::new(src, ByteSpan::new(0, src.len()));
        assert_eq!(f.text, "x يونيو 24 25");
        let at = f.text.find("يونيو").unwrap();
        let back = f.to_source(at, at + "يونيو".len());
        assert_eq!(&src[back.range()], "يونيــوَ");
        let toks = tokenize(&f.text);
        assert_eq!(toks.len(), 4);
        assert_eq!(toks[2].kind, Kind::Num);
    }

    /// The tokens as comparable tuples.
    fn tuples(toks: &[Tok]) -> Vec<(Kind, usize, usize, u32)> {
        toks.iter()
            .map(|t| (t.kind, t.start, t.end, t.line))
            .collect()
    }

    /// The one-pass tokens are those of the reference [`tokenize`] on the
    /// folded text.
    fn check_one_pass(src: &str) {
        let f = Folded::new(src, ByteSpan::new(0, src.len()));
        assert_eq!(tuples(&f.toks), tuples(&tokenize(&f.text)), "{src:?}");
    }

    #[test]
    fn plain_letter_masks_agree_with_the_fold() {
        for c in '\u{0600}'..='\u{06FF}' {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let plain = matches!(c, '\u{0621}'..='\u{064A}') && fold_char(c) == Some(c);
            assert_eq!(plain_letters_len(b).is_some(), plain, "{c:?}");
        }
    }

    #[test]
    fn common_arabic_characters_fold_as_fold_char_says() {
        for (c, f) in [('آ', 'ا'), ('أ', 'ا'), ('إ', 'ا'), ('ة', 'ه'), ('ى', 'ي')] {
            assert_eq!(fold_char(c), Some(f));
        }
        for c in ['،', '؛', '؟'] {
            assert_eq!(fold_char(c), Some(c));
            assert!(!c.is_alphabetic() && !c.is_whitespace());
        }
    }

    #[test]
    fn one_pass_tokens_match_the_reference() {
        for src in [
            "",
            "x",
            "Ab12cD",
            "يونيــوَ ٢٤ ۲۵ 2015م\nفي 24 يونيو، أمس.",
            "إلى آب ة ى ی ک ٱ پ ڤ É12ab",
            "a\u{00A0}b\u{2003}c\r\n\td\u{000B}e\u{000C}f",
            "12٣4abc٥x-—/،؟",
            "ـــ\u{064B}\u{200F}ab\u{0640}cd",
            "الـ24 و18 15th",
        ] {
            check_one_pass(src);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn one_pass_tokens_match_the_reference_on_any_text(
            src in "[a-zA-Z0-9 \n\t\r.,/ءآأإابةتىيـًٌَ٠-٩۰-۹Ééپکیٱڤ،؟\u{00A0}\u{200F}\u{2003}]{0,40}"
        ) {
            check_one_pass(&src);
        }
    }
}
