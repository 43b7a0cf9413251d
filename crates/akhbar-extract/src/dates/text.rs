//! The matching form of a zone and its tokens.
//!
//! Dates are matched on a folded copy of the zone: tatweel, diacritics and
//! invisible marks removed, alef variants, `ى`, `ة`, Persian `ی ک` folded,
//! both Arabic digit sets mapped to ASCII, Latin lowercased. Every folded
//! byte remembers the source bytes of the character it came from, so a span
//! of the folded text maps back to an exact slice of the original.

use akhbar_core::ByteSpan;

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

/// True for characters that [`fold_char`] returns unchanged, tested
/// cheaply: ASCII other than capitals, and the Arabic letters that fold to
/// themselves.
fn unchanged(c: char) -> bool {
    match c {
        'A'..='Z' => false,
        '\0'..='\x7f' => true,
        '\u{0621}'..='\u{064A}' => !matches!(
            c,
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0629}' | '\u{0640}' | '\u{0649}'
        ),
        _ => false,
    }
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
    /// Folds `text[range]`.
    pub fn new(text: &str, range: ByteSpan) -> Self {
        let zone = &text[range.range()];
        let mut out = String::with_capacity(zone.len());
        let mut marks = vec![(0, 0)];
        // Characters the fold keeps as they are (most of them) are copied
        // by runs; `run` is where the current run started.
        let mut run = 0;
        for (i, c) in zone.char_indices() {
            if unchanged(c) {
                continue;
            }
            out.push_str(&zone[run..i]);
            run = i + c.len_utf8();
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            let before = out.len();
            if let Some(f) = fold_char(c) {
                out.push(f);
            }
            if out.len() - before != c.len_utf8() {
                // Zones are far below 4 GiB.
                marks.push((out.len() as u32, (i + c.len_utf8()) as u32));
            }
        }
        out.push_str(&zone[run..]);
        Self {
            text: out,
            base: range.start,
            marks,
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

/// Splits folded text into words, numbers and punctuation.
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
#[inline]
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
}
