//! The tokenizer: words, numbers, Latin words, punctuation, URLs, e-mail
//! addresses, hashtags and mentions, each with its byte span.

use crate::table::{self, Class, class_in, decode};
use akhbar_core::ByteSpan;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    /// A word in Arabic script (letters with their diacritics, tatweel and
    /// any zero-width or bidi control inside it).
    Word,
    /// A word in Latin script (inner `-` and `'` allowed: `Jean-Pierre`,
    /// `l'Intérieur`; digits allowed after a letter: `G20`).
    Latin,
    /// A number in ASCII or Arabic-Indic digits, with decimal and thousands
    /// separators between digits (`3.5`, `1,200`, `٣٫٥`).
    Number,
    /// Punctuation (`، ؛ ؟ . , « »` …); a run of one repeated mark (`...`,
    /// `!!`) is one token.
    Punct,
    /// A URL (`https://…`, `www.…`, or a bare domain with a known top-level
    /// domain such as `hespress.com`).
    Url,
    /// An e-mail address.
    Email,
    /// A hashtag (`#المغرب`).
    Hashtag,
    /// A mention (`@user`).
    Mention,
    /// A symbol (`%`, `$`, `€`, emoji).
    Symbol,
    /// A word in another script.
    Other,
}

impl TokenKind {
    /// A short lowercase name (`word`, `latin`, `number`, `punct`, `url`,
    /// `email`, `hashtag`, `mention`, `symbol`, `other`), for output formats.
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Latin => "latin",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Symbol => "symbol",
            TokenKind::Other => "other",
        }
    }
}

impl std::fmt::Display for TokenKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A token: its kind, its byte span in the text, and the text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// What it is.
    pub kind: TokenKind,
    /// Its bytes in the text given to the tokenizer.
    pub span: ByteSpan,
    /// `&text[span.range()]`.
    pub text: &'a str,
}

/// Tokenizes `text`. Whitespace and stray controls between tokens are
/// skipped; every token's span slices the original text.
///
/// ```
/// use akhbar_normalize::{tokenize, TokenKind};
///
/// let text = "زار حمّوشي باريس، يوم 24.5 (انظر https://a.ma/x) #الأمن";
/// let toks = tokenize(text);
/// let kinds: Vec<_> = toks.iter().map(|t| (t.kind, t.text)).collect();
/// assert_eq!(kinds[1], (TokenKind::Word, "حمّوشي"));
/// assert_eq!(kinds[3], (TokenKind::Punct, "،"));
/// assert_eq!(kinds[5], (TokenKind::Number, "24.5"));
/// assert_eq!(kinds[8], (TokenKind::Url, "https://a.ma/x"));
/// assert_eq!(kinds[10], (TokenKind::Hashtag, "#الأمن"));
/// assert_eq!(&text[toks[1].span.range()], "حمّوشي");
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    tokens(text).collect()
}

/// An iterator over the tokens of `text` (see [`tokenize`]).
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        classes: table::classes(),
    }
}

/// Iterator returned by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    classes: &'static [Class; 0x800],
}

/// Top-level domains accepted for a bare domain (`hespress.com`).
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "news", "tv", "io", "gov", "edu", "int", "eu", "ma", "tn", "dz",
    "ly", "eg", "sa", "ae", "qa", "kw", "bh", "om", "jo", "lb", "sy", "iq", "ps", "ye", "sd", "mr",
    "fr", "es", "it", "de", "be", "uk", "us", "ca", "ch", "ru", "cn", "tr", "ir", "pk", "in",
];

impl<'a> Tokens<'a> {
    #[inline]
    fn class_at(&self, i: usize) -> Option<(char, usize, Class)> {
        let b = self.text.as_bytes();
        if i >= b.len() {
            return None;
        }
        let (c, l) = decode(b, i);
        Some((c, l, class_in(self.classes, c)))
    }

    fn make(&self, kind: TokenKind, start: usize, end: usize) -> Token<'a> {
        Token {
            kind,
            span: ByteSpan::new(start, end),
            text: &self.text[start..end],
        }
    }

    /// Consumes characters whose class passes `keep`, letting zero-width
    /// controls through when the character after them passes too.
    fn consume(&self, mut i: usize, keep: impl Fn(char, Class) -> bool) -> usize {
        while let Some((c, l, cls)) = self.class_at(i) {
            if keep(c, cls) {
                i += l;
                continue;
            }
            if cls == Class::Invisible {
                let mut j = i + l;
                while let Some((_, l2, Class::Invisible)) = self.class_at(j) {
                    j += l2;
                }
                if let Some((c2, _, cls2)) = self.class_at(j)
                    && keep(c2, cls2)
                {
                    i = j;
                    continue;
                }
            }
            break;
        }
        i
    }

    fn word(&self, i: usize) -> usize {
        self.consume(i, |_, c| {
            matches!(c, Class::ArabicLetter | Class::ArabicMark | Class::Mark)
        })
    }

    fn number(&self, i: usize) -> usize {
        let b = self.text.as_bytes();
        let digits = |j: usize| self.consume(j, |_, c| c == Class::Digit);
        let mut end = digits(i);
        loop {
            let sep_len = match (b.get(end), b.get(end + 1)) {
                (Some(b'.' | b','), _) => 1,
                (Some(0xD9), Some(0xAB | 0xAC)) => 2,
                _ => 0,
            };
            if sep_len == 0 {
                break;
            }
            match self.class_at(end + sep_len) {
                Some((_, _, Class::Digit)) => end = digits(end + sep_len),
                _ => break,
            }
        }
        end
    }

    fn latin_word(&self, i: usize) -> usize {
        let mut end = self.consume(i, |c, cls| {
            cls == Class::Latin || cls == Class::Mark || c.is_ascii_digit()
        });
        // Inner hyphen or apostrophe followed by a letter or digit.
        while let Some((c, l, _)) = self.class_at(end) {
            if !matches!(c, '-' | '\'' | '\u{2019}') {
                break;
            }
            match self.class_at(end + l) {
                Some((c2, _, cls2)) if cls2 == Class::Latin || c2.is_ascii_digit() => {
                    end = self.consume(end + l, |c, cls| {
                        cls == Class::Latin || cls == Class::Mark || c.is_ascii_digit()
                    });
                }
                _ => break,
            }
        }
        end
    }

    /// A bare domain starting at `i` (`hespress.com`, `www.x.ma`), if any.
    fn bare_domain(&self, i: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let label = |mut j: usize| {
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
                j += 1;
            }
            j
        };
        let mut end = label(i);
        let mut labels = 1;
        let mut last_start = i;
        while end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_alphanumeric() {
            last_start = end + 1;
            end = label(end + 1);
            labels += 1;
        }
        if labels < 2 {
            return None;
        }
        let tld = &self.text[last_start..end];
        if !TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
            return None;
        }
        // Not followed by more of a word.
        if let Some((_, _, cls)) = self.class_at(end)
            && matches!(cls, Class::Latin | Class::Digit | Class::ArabicLetter)
        {
            return None;
        }
        // A path after the domain belongs to it.
        if b.get(end) == Some(&b'/') {
            return Some(self.url_rest(end));
        }
        Some(end)
    }

    /// The end of a URL whose body continues at `i`.
    fn url_rest(&self, mut i: usize) -> usize {
        while let Some((c, l, cls)) = self.class_at(i) {
            if cls == Class::Space
                || matches!(
                    c,
                    '<' | '>' | '"' | '«' | '»' | '“' | '”' | '،' | '؛' | '\u{2018}' | '\u{2019}'
                )
            {
                break;
            }
            i += l;
        }
        i
    }

    fn url(&self, start: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let rest = &b[start..];
        let prefix =
            |p: &str| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        let body = if prefix("https://") {
            start + 8
        } else if prefix("http://") {
            start + 7
        } else if prefix("www.") {
            start + 4
        } else {
            return self.bare_domain(start);
        };
        let mut end = self.url_rest(body);
        // Trim trailing punctuation, keeping a balanced closing bracket.
        while end > body {
            let j = crate::table::prev_char_start(b, end);
            let (c, _) = decode(b, j);
            let trim = match c {
                ')' => {
                    let s = &self.text[start..end];
                    s.matches('(').count() < s.matches(')').count()
                }
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ']' | '}' | '…' | '؟' => true,
                _ => false,
            };
            if !trim {
                break;
            }
            end = j;
        }
        (end > body).then_some(end)
    }

    fn email(&self, start: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b"._%+-".contains(&b[j])) {
            j += 1;
        }
        if j == start || b.get(j) != Some(&b'@') {
            return None;
        }
        let dom = j + 1;
        let mut k = dom;
        let mut last_dot = None;
        while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'-' || b[k] == b'.') {
            if b[k] == b'.' {
                last_dot = Some(k);
            }
            k += 1;
        }
        // Drop a trailing dot or hyphen (end of sentence).
        while k > dom && matches!(b[k - 1], b'.' | b'-') {
            k -= 1;
            if last_dot == Some(k) {
                last_dot = b[dom..k].iter().rposition(|&x| x == b'.').map(|p| dom + p);
            }
        }
        let dot = last_dot?;
        let tld = &b[dot + 1..k];
        (dot > dom && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(k)
    }

    fn tag(&self, i: usize) -> usize {
        self.consume(i, |c, cls| {
            matches!(
                cls,
                Class::ArabicLetter | Class::ArabicMark | Class::Latin | Class::Digit | Class::Mark
            ) || c == '_'
        })
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let i = self.pos;
            let (c, l, cls) = self.class_at(i)?;
            let (kind, end) = match cls {
                Class::Space | Class::Invisible => {
                    self.pos += l;
                    continue;
                }
                Class::ArabicLetter | Class::ArabicMark => (TokenKind::Word, self.word(i)),
                Class::Digit => {
                    if let Some(e) = self.email(i) {
                        (TokenKind::Email, e)
                    } else {
                        (TokenKind::Number, self.number(i))
                    }
                }
                Class::Latin => {
                    if let Some(e) = self.email(i) {
                        (TokenKind::Email, e)
                    } else if let Some(e) = self.url(i) {
                        (TokenKind::Url, e)
                    } else {
                        (TokenKind::Latin, self.latin_word(i))
                    }
                }
                Class::OtherLetter | Class::Mark => (
                    TokenKind::Other,
                    self.consume(i, |_, c| matches!(c, Class::OtherLetter | Class::Mark)),
                ),
                Class::Punct => {
                    let next = self.class_at(i + l);
                    let word_next = next.is_some_and(|(c2, _, cls2)| {
                        matches!(cls2, Class::ArabicLetter | Class::Latin | Class::Digit)
                            || c2 == '_'
                    });
                    let ascii_next =
                        next.is_some_and(|(c2, _, _)| c2.is_ascii_alphanumeric() || c2 == '_');
                    if c == '#' && word_next {
                        (TokenKind::Hashtag, self.tag(i + l))
                    } else if c == '@' && ascii_next {
                        let b = self.text.as_bytes();
                        let mut j = i + 1;
                        while j < b.len()
                            && (b[j].is_ascii_alphanumeric()
                                || b[j] == b'_'
                                || (b[j] == b'.'
                                    && b.get(j + 1).is_some_and(|x| x.is_ascii_alphanumeric())))
                        {
                            j += 1;
                        }
                        (TokenKind::Mention, j)
                    } else {
                        let mut j = i + l;
                        while self.text[j..].starts_with(c) {
                            j += l;
                        }
                        (TokenKind::Punct, j)
                    }
                }
                Class::Symbol => {
                    let j = self.consume(i + l, |c2, cls2| {
                        cls2 == Class::Mark || ('\u{FE00}'..='\u{FE0F}').contains(&c2)
                    });
                    (TokenKind::Symbol, j)
                }
            };
            let end = end.max(i + l);
            self.pos = end;
            return Some(self.make(kind, i, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks kinds and texts of every token, and that each span slices the
    /// text to the token's text.
    fn check(text: &str, expected: &[(TokenKind, &str)]) {
        let toks = tokenize(text);
        for t in &toks {
            assert_eq!(&text[t.span.range()], t.text);
        }
        let got: Vec<_> = toks.iter().map(|t| (t.kind, t.text)).collect();
        assert_eq!(got, expected, "tokens of {text:?}");
    }

    use TokenKind::*;

    #[test]
    fn arabic_words_keep_marks_tatweel_and_inner_controls() {
        check(
            "حمـوشي حمّوشي حمو\u{200F}شي",
            &[(Word, "حمـوشي"), (Word, "حمّوشي"), (Word, "حمو\u{200F}شي")],
        );
    }

    #[test]
    fn arabic_punctuation_splits_words() {
        check(
            "نعم، لا؛ لماذا؟",
            &[
                (Word, "نعم"),
                (Punct, "،"),
                (Word, "لا"),
                (Punct, "؛"),
                (Word, "لماذا"),
                (Punct, "؟"),
            ],
        );
    }

    #[test]
    fn numbers_in_both_digit_sets_with_separators() {
        check(
            "3.5 1,200 ٣٫٥ ۱۲ 2025.",
            &[
                (Number, "3.5"),
                (Number, "1,200"),
                (Number, "٣٫٥"),
                (Number, "۱۲"),
                (Number, "2025"),
                (Punct, "."),
            ],
        );
    }

    #[test]
    fn latin_words_urls_and_emails() {
        check(
            "Jean-Pierre l'Intérieur G20 (https://x.ma/a_(b)). www.le360.ma hespress.com contact@site.ma.",
            &[
                (Latin, "Jean-Pierre"),
                (Latin, "l'Intérieur"),
                (Latin, "G20"),
                (Punct, "("),
                (Url, "https://x.ma/a_(b)"),
                (Punct, ")"),
                (Punct, "."),
                (Url, "www.le360.ma"),
                (Url, "hespress.com"),
                (Email, "contact@site.ma"),
                (Punct, "."),
            ],
        );
    }

    #[test]
    fn hashtags_mentions_symbols() {
        check(
            "#المغرب @dgsn_ma 50% ...",
            &[
                (Hashtag, "#المغرب"),
                (Mention, "@dgsn_ma"),
                (Number, "50"),
                (Punct, "%"),
                (Punct, "..."),
            ],
        );
        check("€ 😀", &[(Symbol, "€"), (Symbol, "😀")]);
    }

    #[test]
    fn every_span_slices_the_text() {
        let text = "«الأمن»: 12 شخصا\u{00A0}- Veaux.";
        let toks = tokenize(text);
        assert!(toks.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        check(
            text,
            &[
                (Punct, "«"),
                (Word, "الأمن"),
                (Punct, "»"),
                (Punct, ":"),
                (Number, "12"),
                (Word, "شخصا"),
                (Punct, "-"),
                (Latin, "Veaux"),
                (Punct, "."),
            ],
        );
    }
}
