//! Per-character lookup tables shared by the normalizer and the tokenizer.
//!
//! The normalizer looks every character up once: a 64-bit entry says which
//! step (if any) changes it, what it becomes, whether it is whitespace and
//! whether Unicode NFKC may touch it. Characters below U+0800 (ASCII, Latin,
//! Arabic) come from a table built once; the rest are classified on the fly,
//! which is rare in Arabic news.

use std::sync::LazyLock;
use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
use unicode_normalization::{IsNormalized, is_nfkc_quick};

/// Index of each switchable character step; bit `STEP_SHIFT + index` of an
/// entry marks the step that changes the character.
pub(crate) mod step {
    pub const TATWEEL: u32 = 0;
    pub const DIACRITICS: u32 = 1;
    pub const QURANIC: u32 = 2;
    pub const OTHER_MARKS: u32 = 3;
    pub const INVISIBLE: u32 = 4;
    pub const SPACES: u32 = 5;
    pub const ALEF: u32 = 6;
    pub const ALEF_MAQSURA: u32 = 7;
    pub const TA_MARBUTA: u32 = 8;
    pub const HAMZA_CARRIERS: u32 = 9;
    pub const PERSIAN: u32 = 10;
    pub const REGIONAL: u32 = 11;
    pub const DIGITS: u32 = 12;
    pub const LATIN_CASE: u32 = 13;
}

/// Bits 0..=20: the target code point of a mapping.
pub(crate) const TARGET_MASK: u64 = 0x1F_FFFF;
/// The step removes the character.
pub(crate) const REMOVE: u64 = 1 << 21;
/// The step lowercases with `char::to_lowercase` (more than one character).
pub(crate) const LOWER_MULTI: u64 = 1 << 22;
/// First bit of the one-hot step field.
pub(crate) const STEP_SHIFT: u32 = 32;
/// All step bits.
pub(crate) const STEP_MASK: u64 = 0xFFFF << STEP_SHIFT;
/// NFKC may change the character or combine it with its neighbour
/// (combining class not 0, or NFKC quick check not `Yes`).
pub(crate) const NOT_NFKC_SIMPLE: u64 = 1 << 48;
/// `char::is_whitespace`.
pub(crate) const WS: u64 = 1 << 49;

/// The step bit of step index `s`.
pub(crate) const fn step_bit(s: u32) -> u64 {
    1 << (STEP_SHIFT + s)
}

const fn map(s: u32, to: char) -> u64 {
    step_bit(s) | to as u64
}

const fn remove(s: u32) -> u64 {
    step_bit(s) | REMOVE
}

/// The step entry of a character (without the NFKC and whitespace flags).
fn step_entry(c: char) -> u64 {
    use step::*;
    let cp = c as u32;
    match cp {
        0x0640 => remove(TATWEEL),
        0x064B..=0x0652 | 0x0670 => remove(DIACRITICS),
        0x0610..=0x061A | 0x06D6..=0x06ED => remove(QURANIC),
        0x0653..=0x065F | 0x08D3..=0x08E1 | 0x08E3..=0x08FF => remove(OTHER_MARKS),
        0x00AD
        | 0x034F
        | 0x061C
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x206F
        | 0xFEFF => remove(INVISIBLE),
        0x00A0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => map(SPACES, ' '),
        0x0622 | 0x0623 | 0x0625 | 0x0671 => map(ALEF, 'ا'),
        0x0649 => map(ALEF_MAQSURA, 'ي'),
        0x0629 => map(TA_MARBUTA, 'ه'),
        0x0624 => map(HAMZA_CARRIERS, 'و'),
        0x0626 => map(HAMZA_CARRIERS, 'ي'),
        0x06A4 => map(PERSIAN, 'ف'),
        0x06A9 => map(PERSIAN, 'ك'),
        0x06CC => map(PERSIAN, 'ي'),
        // Maghrebi letters: ڢ feh with dot below, ڥ feh with three dots below
        // (a "v"), ڧ qaf with dot above, ڨ qaf with three dots (a "g").
        0x06A2 | 0x06A5 => map(REGIONAL, 'ف'),
        0x06A7 | 0x06A8 => map(REGIONAL, 'ق'),
        // Persian and Urdu letters beyond the comparison form's three.
        0x06AF | 0x06AD | 0x06B1 | 0x06B3 => map(REGIONAL, 'ك'),
        0x067E => map(REGIONAL, 'ب'),
        0x0686 => map(REGIONAL, 'ج'),
        0x0698 => map(REGIONAL, 'ز'),
        0x0679 => map(REGIONAL, 'ت'),
        0x0688 => map(REGIONAL, 'د'),
        0x0691 => map(REGIONAL, 'ر'),
        0x06BA => map(REGIONAL, 'ن'),
        0x06BE | 0x06C1 | 0x06C0 | 0x06C2 | 0x06D5 => map(REGIONAL, 'ه'),
        0x06C3 => map(REGIONAL, 'ة'),
        0x06D2 | 0x06D3 | 0x06CE | 0x06D0 => map(REGIONAL, 'ي'),
        0x06C6..=0x06C8 | 0x06CB => map(REGIONAL, 'و'),
        0x0672 | 0x0673 => map(REGIONAL, 'ا'),
        0x0660..=0x0669 => step_bit(DIGITS) | (cp - 0x0660 + '0' as u32) as u64,
        0x06F0..=0x06F9 => step_bit(DIGITS) | (cp - 0x06F0 + '0' as u32) as u64,
        0x066B => map(DIGITS, '.'),
        0x066C => map(DIGITS, ','),
        0x0041..=0x024F | 0x1E00..=0x1EFF if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => map(LATIN_CASE, l),
                _ => step_bit(LATIN_CASE) | LOWER_MULTI,
            }
        }
        _ => 0,
    }
}

/// True when NFKC leaves the character alone whatever surrounds it.
fn nfkc_simple(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

fn compute_entry(c: char) -> u64 {
    let mut e = step_entry(c);
    if c.is_whitespace() {
        e |= WS;
    }
    if !nfkc_simple(c) {
        e |= NOT_NFKC_SIMPLE;
    }
    e
}

/// Entries for U+0000..U+07FF.
static NARROW: LazyLock<Box<[u64; 0x800]>> = LazyLock::new(|| narrow_table(0, compute_entry));

/// `f` of every character of U+0000..U+07FF (`fill` for surrogates, which
/// are not characters), for look-ups in hot loops.
fn narrow_table<T: Copy>(fill: T, f: fn(char) -> T) -> Box<[T; 0x800]> {
    let mut t = Box::new([fill; 0x800]);
    for (cp, slot) in t.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(cp as u32) {
            *slot = f(c);
        }
    }
    t
}

/// The narrow table (force it once, then index it in hot loops).
pub(crate) fn narrow() -> &'static [u64; 0x800] {
    &NARROW
}

/// The entry of any character.
#[inline]
pub(crate) fn entry_in(t: &[u64; 0x800], c: char) -> u64 {
    let cp = c as usize;
    if cp < 0x800 { t[cp] } else { compute_entry(c) }
}

/// The target character of a mapping entry.
#[inline]
pub(crate) fn target(e: u64) -> char {
    char::from_u32((e & TARGET_MASK) as u32).unwrap_or('\u{FFFD}')
}

/// Decodes the character starting at byte `i` of valid UTF-8; returns it
/// and its length. `i` must be a character boundary inside `b`.
#[inline]
pub(crate) fn decode(b: &[u8], i: usize) -> (char, usize) {
    let b0 = b[i];
    if b0 < 0x80 {
        return (b0 as char, 1);
    }
    let (cp, len) = if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            (u32::from(b0 & 0x0F) << 12)
                | (u32::from(b[i + 1] & 0x3F) << 6)
                | u32::from(b[i + 2] & 0x3F),
            3,
        )
    } else {
        (
            (u32::from(b0 & 0x07) << 18)
                | (u32::from(b[i + 1] & 0x3F) << 12)
                | (u32::from(b[i + 2] & 0x3F) << 6)
                | u32::from(b[i + 3] & 0x3F),
            4,
        )
    };
    (char::from_u32(cp).unwrap_or('\u{FFFD}'), len)
}

/// Start of the character that ends right before byte `i`.
#[inline]
pub(crate) fn prev_char_start(b: &[u8], mut i: usize) -> usize {
    while i > 0 {
        i -= 1;
        if b[i] & 0xC0 != 0x80 {
            break;
        }
    }
    i
}

/// Compatibility decomposition of one character.
pub(crate) fn decompose_nfkd(c: char, mut f: impl FnMut(char)) {
    decompose_compatible(c, &mut f);
}

/// Coarse character classes for the tokenizer and the clitic analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Whitespace and control characters.
    Space,
    /// A letter of the Arabic script.
    ArabicLetter,
    /// An Arabic diacritic, Quranic mark or tatweel: continues a word.
    ArabicMark,
    /// A digit of ASCII or either Arabic-Indic set.
    Digit,
    /// A Latin letter.
    Latin,
    /// A combining mark of another script: continues a word.
    Mark,
    /// A letter of another script.
    OtherLetter,
    /// A zero-width or bidi control.
    Invisible,
    /// Punctuation.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

fn compute_class(c: char) -> Class {
    let cp = c as u32;
    // Control characters separate tokens like whitespace.
    if c.is_whitespace() || c.is_control() {
        return Class::Space;
    }
    match cp {
        0x30..=0x39 | 0x0660..=0x0669 | 0x06F0..=0x06F9 => Class::Digit,
        0x41..=0x5A | 0x61..=0x7A => Class::Latin,
        0x00AD
        | 0x034F
        | 0x061C
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x206F
        | 0xFEFF => Class::Invisible,
        0x0610..=0x061A
        | 0x0640
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7
        | 0x06E8
        | 0x06EA..=0x06ED
        | 0x08D3..=0x08E1
        | 0x08E3..=0x08FF => Class::ArabicMark,
        0x0620..=0x063F
        | 0x0641..=0x064A
        | 0x066E
        | 0x066F
        | 0x0671..=0x06D3
        | 0x06D5
        | 0x06E5
        | 0x06E6
        | 0x06EE
        | 0x06EF
        | 0x06FA..=0x06FC
        | 0x06FF
        | 0x0750..=0x077F
        | 0x08A0..=0x08C9
        | 0xFB50..=0xFD3D
        | 0xFD50..=0xFDFB
        | 0xFE70..=0xFEFC => Class::ArabicLetter,
        0x060C | 0x060D | 0x061B | 0x061D..=0x061F | 0x066A..=0x066D | 0x06D4 | 0xFD3E | 0xFD3F => {
            Class::Punct
        }
        0x00C0..=0x024F | 0x1E00..=0x1EFF if c.is_alphabetic() => Class::Latin,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F => {
            Class::Mark
        }
        _ if c.is_ascii_punctuation() => Class::Punct,
        0x00A1..=0x00BF
        | 0x2010..=0x2027
        | 0x2030..=0x205E
        | 0x2E00..=0x2E7F
        | 0x3001..=0x3003
        | 0x3008..=0x3011
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE4F
        | 0xFE50..=0xFE6B
        | 0xFF01..=0xFF0F => {
            if matches!(cp, 0xA2..=0xA9 | 0xAC | 0xAE..=0xB1 | 0xB4 | 0xB5 | 0xB8 | 0xBC..=0xBE) {
                Class::Symbol
            } else {
                Class::Punct
            }
        }
        _ if c.is_alphabetic() => Class::OtherLetter,
        _ if c.is_numeric() => Class::Digit,
        _ => Class::Symbol,
    }
}

static CLASSES: LazyLock<Box<[Class; 0x800]>> =
    LazyLock::new(|| narrow_table(Class::Symbol, compute_class));

/// The class table (force it once, then index it in hot loops).
pub(crate) fn classes() -> &'static [Class; 0x800] {
    &CLASSES
}

/// The class of any character.
#[inline]
pub(crate) fn class_in(t: &[Class; 0x800], c: char) -> Class {
    let cp = c as usize;
    if cp < 0x800 { t[cp] } else { compute_class(c) }
}

/// The class of any character (convenience for cold paths).
pub(crate) fn class_of(c: char) -> Class {
    class_in(classes(), c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_are_nfkc_simple_and_hamza_marks_are_not() {
        let t = narrow();
        assert_eq!(t['ب' as usize] & NOT_NFKC_SIMPLE, 0);
        assert_ne!(t['\u{0654}' as usize] & NOT_NFKC_SIMPLE, 0);
        assert_ne!(entry_in(t, 'ﻻ') & NOT_NFKC_SIMPLE, 0);
    }

    #[test]
    fn digits_map_to_ascii() {
        let t = narrow();
        assert_eq!(target(t['٣' as usize]), '3');
        assert_eq!(target(t['۷' as usize]), '7');
    }

    #[test]
    fn decode_roundtrips_every_width() {
        let s = "aب€😀";
        let b = s.as_bytes();
        let mut i = 0;
        let mut got = String::new();
        while i < b.len() {
            let (c, l) = decode(b, i);
            got.push(c);
            i += l;
        }
        assert_eq!(got, s);
        assert_eq!(prev_char_start(b, b.len()), s.len() - 4);
    }

    #[test]
    fn classes_of_common_characters() {
        assert_eq!(class_of('ب'), Class::ArabicLetter);
        assert_eq!(class_of('ّ'), Class::ArabicMark);
        assert_eq!(class_of('ـ'), Class::ArabicMark);
        assert_eq!(class_of('٣'), Class::Digit);
        assert_eq!(class_of('،'), Class::Punct);
        assert_eq!(class_of('«'), Class::Punct);
        assert_eq!(class_of('é'), Class::Latin);
        assert_eq!(class_of('\u{200F}'), Class::Invisible);
        assert_eq!(class_of('€'), Class::Symbol);
    }
}
