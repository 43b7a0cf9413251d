//! Sentence and paragraph splitting.

use crate::token::{Token, TokenKind, tokens};
use akhbar_core::ByteSpan;

/// Paragraphs: blocks of non-blank lines separated by one or more blank
/// lines (a line holding only whitespace or controls is blank). Each span
/// is trimmed of surrounding whitespace.
///
/// ```
/// use akhbar_normalize::paragraphs;
///
/// let text = "الفقرة الأولى.\nتتمة.\n\n  الفقرة الثانية  \n";
/// let p: Vec<_> = paragraphs(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(p, ["الفقرة الأولى.\nتتمة.", "الفقرة الثانية"]);
/// ```
pub fn paragraphs(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut cur: Option<ByteSpan> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        match trimmed(line) {
            Some((a, b)) => {
                let s = ByteSpan::new(start + a, start + b);
                cur = Some(match cur {
                    Some(c) => ByteSpan::new(c.start, s.end),
                    None => s,
                });
            }
            None => {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
            }
        }
    }
    out.extend(cur);
    out
}

/// The offsets of the first and past-the-last visible characters of a line.
fn trimmed(line: &str) -> Option<(usize, usize)> {
    let visible = |c: char| !(c.is_whitespace() || is_control(c));
    let a = line.find(visible)?;
    let b = line
        .rfind(visible)
        .map(|i| i + line[i..].chars().next().map_or(0, char::len_utf8))?;
    Some((a, b))
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Latin abbreviations that a period does not end a sentence after.
const LATIN_ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc",
    "mme", "mlle", "gen", "col", "lt", "gov", "sen", "rep", "no", "vol", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art", "cf", "ibid", "fig",
    "approx", "av", "bd", "pp",
];

/// Sentences: spans that end after `.` `!` `?` `؟` `…` `۔` (with any closing
/// quotes or brackets right after) or at a line break; a sentence never
/// crosses a line. Periods inside numbers (`3.5`), URLs, e-mail addresses,
/// after single letters and common abbreviations (`د.`, `M.`, `Dr.`) or
/// followed by a lowercase Latin word do not end a sentence.
///
/// ```
/// use akhbar_normalize::sentences;
///
/// let text = "ارتفع المؤشر 3.5 في المائة. قال د. أحمد: نعم! Mr. Smith left.\nسطر";
/// let s: Vec<_> = sentences(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(s, ["ارتفع المؤشر 3.5 في المائة.", "قال د. أحمد: نعم!", "Mr. Smith left.", "سطر"]);
/// ```
pub fn sentences(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let base = pos;
        pos += line.len();
        let toks: Vec<Token<'_>> = tokens(line).collect();
        let mut start: Option<usize> = None;
        let mut k = 0;
        while k < toks.len() {
            let t = toks[k];
            start.get_or_insert(t.span.start);
            if is_terminal(&toks, k) {
                let mut end = t.span.end;
                while let Some(n) = toks.get(k + 1) {
                    if n.span.start == end && n.kind == TokenKind::Punct && is_closing(n.text) {
                        end = n.span.end;
                        k += 1;
                    } else {
                        break;
                    }
                }
                if let Some(s) = start.take() {
                    out.push(ByteSpan::new(base + s, base + end));
                }
            }
            k += 1;
        }
        if let (Some(s), Some(last)) = (start, toks.last()) {
            out.push(ByteSpan::new(base + s, base + last.span.end));
        }
    }
    out
}

fn is_closing(t: &str) -> bool {
    t.chars()
        .all(|c| matches!(c, '"' | '\'' | ')' | ']' | '}' | '»' | '”' | '’' | '›'))
}

fn is_terminal(toks: &[Token<'_>], k: usize) -> bool {
    let t = toks[k];
    if t.kind != TokenKind::Punct {
        return false;
    }
    if !t
        .text
        .chars()
        .all(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔' | '‼' | '⁇' | '⁈' | '⁉'))
    {
        return false;
    }
    if t.text != "." {
        return true;
    }
    // A single period: abbreviation, initial, or mid-sentence.
    if let Some(p) = k.checked_sub(1).map(|i| toks[i])
        && p.span.end == t.span.start
    {
        let letters = p.text.chars().filter(|c| c.is_alphabetic()).count();
        match p.kind {
            TokenKind::Word if letters == 1 => return false,
            TokenKind::Latin
                if letters == 1 || LATIN_ABBREV.iter().any(|a| a.eq_ignore_ascii_case(p.text)) =>
            {
                return false;
            }
            _ => {}
        }
    }
    if let Some(n) = toks.get(k + 1) {
        if n.span.start == t.span.end && matches!(n.kind, TokenKind::Word | TokenKind::Latin) {
            return false; // `a.b` written without a space
        }
        if n.kind == TokenKind::Latin && n.text.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn arabic_question_and_exclamation_marks_end_sentences() {
        assert_eq!(split("هل حضر؟ نعم! حسنا."), ["هل حضر؟", "نعم!", "حسنا."]);
    }

    #[test]
    fn numbers_urls_and_emails_do_not_split() {
        assert_eq!(
            split("بلغ 3.5 مليون. راجع www.site.ma أو a.b@c.ma اليوم."),
            ["بلغ 3.5 مليون.", "راجع www.site.ma أو a.b@c.ma اليوم."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(split("قال «انتهى.» ثم غادر."), ["قال «انتهى.»", "ثم غادر."]);
    }

    #[test]
    fn latin_initials_and_abbreviations() {
        assert_eq!(
            split("Frédéric Veaux et M. Lerner, etc. sont là. Fin"),
            ["Frédéric Veaux et M. Lerner, etc. sont là.", "Fin"]
        );
    }

    #[test]
    fn headlines_without_punctuation_end_at_the_line() {
        assert_eq!(
            split("عنوان\nنص أول. نص ثان"),
            ["عنوان", "نص أول.", "نص ثان"]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "\u{200F}\nأ\nب\n \nج";
        let p: Vec<_> = paragraphs(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(p, ["أ\nب", "ج"]);
    }
}
