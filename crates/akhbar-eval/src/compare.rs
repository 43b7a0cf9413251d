//! The comparison form of canonical names (ANNOTATION.md).
//!
//! Implemented here, not borrowed from akhbar-normalize: the scorer shares no
//! code with what it scores.

use unicode_normalization::UnicodeNormalization;

/// The comparison form of a name: NFKC, Arabic diacritics (U+064B–U+0652,
/// U+0670) and tatweel removed, `أ إ آ ٱ` → `ا`, `ى` → `ي`, `ة` → `ه`,
/// `ڤ` → `ف`, `ک` → `ك`, `ی` → `ي`, whitespace runs → one space, trimmed.
///
/// ```
/// use akhbar_eval::comparison_form;
/// assert_eq!(comparison_form("المديريّة  العامّة"), comparison_form("المديرية العامة"));
/// assert_eq!(comparison_form("إسبانيا"), "اسبانيا");
/// ```
pub fn comparison_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfkc() {
        let c = match c {
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ی' => 'ي',
            'ة' => 'ه',
            'ڤ' => 'ف',
            'ک' => 'ك',
            c if c.is_whitespace() => {
                pending_space = true;
                continue;
            }
            c => c,
        };
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_diacritics_and_spaces() {
        assert_eq!(comparison_form("  عبدُ  اللطيف\tحمّوشي "), "عبد اللطيف حموشي");
        assert_eq!(comparison_form("آسيا"), "اسيا");
        assert_eq!(comparison_form("مصطفى"), "مصطفي");
        assert_eq!(comparison_form("الجمهوريـــة"), "الجمهوريه");
        assert_eq!(comparison_form("ڤيينا"), "فيينا");
        assert_eq!(comparison_form("کی"), "كي");
    }

    #[test]
    fn nfkc_folds_presentation_forms() {
        // U+FEE3 U+FEE0 is a presentation-form spelling of "مل".
        assert_eq!(comparison_form("\u{FEE3}\u{FEE0}"), "مل");
        assert_eq!(comparison_form(""), "");
    }
}
