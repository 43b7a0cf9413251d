//! CoNLL-style token-per-line input and output.

use crate::error::TaggerError;
use crate::model::Tagger;
use std::io::{BufRead, Write};

/// One sentence of a CoNLL file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens, first column.
    pub tokens: Vec<String>,
    /// The second column of each token (a tag), `""` when absent.
    pub tags: Vec<String>,
}

/// Reads the next line as UTF-8 into `line` (without the line end).
/// Returns `false` at end of input.
fn next_line(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    line: &mut String,
    no: usize,
) -> Result<bool, TaggerError> {
    buf.clear();
    line.clear();
    let n = r
        .read_until(b'\n', buf)
        .map_err(|source| TaggerError::Io { line: no, source })?;
    if n == 0 {
        return Ok(false);
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    let s = std::str::from_utf8(buf).map_err(|e| TaggerError::Conll {
        line: no,
        message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
    })?;
    line.push_str(s.strip_prefix('\u{FEFF}').unwrap_or(s));
    Ok(true)
}

/// Reads sentences: one token per line, further whitespace-separated
/// columns (the first of them kept as the tag), a blank line between
/// sentences. Runs of blank lines make no empty sentences.
///
/// ```
/// let text = "محمد B-PERS\nقال O\n\nالرباط B-LOC\n";
/// let s = akhbar_tagger::read_conll(text.as_bytes()).unwrap();
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[0].tags, ["B-PERS", "O"]);
/// ```
pub fn read_conll(mut r: impl BufRead) -> Result<Vec<Sentence>, TaggerError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let (mut buf, mut line) = (Vec::new(), String::new());
    let mut no = 0;
    loop {
        no += 1;
        if !next_line(&mut r, &mut buf, &mut line, no)? {
            break;
        }
        let mut cols = line.split_whitespace();
        match cols.next() {
            None => {
                if !cur.tokens.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            Some(tok) => {
                cur.tokens.push(tok.to_owned());
                cur.tags.push(cols.next().unwrap_or("").to_owned());
            }
        }
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

impl Tagger {
    /// Tags token-per-line input, writing `TOKEN TAG` lines (IOB2, ANERcorp
    /// labels); blank lines are kept as they are, further input columns
    /// dropped. Streams one sentence at a time.
    pub fn tag_conll(&self, mut r: impl BufRead, mut w: impl Write) -> Result<(), TaggerError> {
        let (mut buf, mut line) = (Vec::new(), String::new());
        let mut tokens: Vec<String> = Vec::new();
        let mut no = 0;
        let flush =
            |tokens: &mut Vec<String>, w: &mut dyn Write, no: usize| -> Result<(), TaggerError> {
                if tokens.is_empty() {
                    return Ok(());
                }
                let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
                for (t, l) in refs.iter().zip(self.tag(&refs)) {
                    writeln!(w, "{t} {l}")
                        .map_err(|source| TaggerError::Io { line: no, source })?;
                }
                tokens.clear();
                Ok(())
            };
        loop {
            no += 1;
            if !next_line(&mut r, &mut buf, &mut line, no)? {
                break;
            }
            match line.split_whitespace().next() {
                Some(tok) => tokens.push(tok.to_owned()),
                None => {
                    flush(&mut tokens, &mut w, no)?;
                    writeln!(w).map_err(|source| TaggerError::Io { line: no, source })?;
                }
            }
        }
        flush(&mut tokens, &mut w, no)?;
        w.flush()
            .map_err(|source| TaggerError::Io { line: no, source })
    }
}

/// [`Tagger::tag_conll`] with the built-in model.
pub fn tag_conll(r: impl BufRead, w: impl Write) -> Result<(), TaggerError> {
    Tagger::builtin()
        .ok_or(TaggerError::NoBuiltinModel)?
        .tag_conll(r, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_ignores_extra_columns() {
        let text = "\u{FEFF}a B-PERS x y\r\nb\tO\n\n\n \t\nc I-LOC\n";
        let s = read_conll(text.as_bytes()).unwrap();
        assert_eq!(
            s,
            vec![
                Sentence {
                    tokens: vec!["a".into(), "b".into()],
                    tags: vec!["B-PERS".into(), "O".into()]
                },
                Sentence {
                    tokens: vec!["c".into()],
                    tags: vec!["I-LOC".into()]
                },
            ]
        );
    }

    #[test]
    fn tokens_without_tags_read_as_empty_tags() {
        let s = read_conll("a\nb".as_bytes()).unwrap();
        assert_eq!(s[0].tags, ["", ""]);
    }

    #[test]
    fn bad_utf8_names_the_line() {
        let bytes = b"a O\n\xff\xfe O\n";
        let e = read_conll(&bytes[..]).unwrap_err();
        assert_eq!(e.to_string(), "line 2: invalid UTF-8 at byte 0");
    }

    #[test]
    fn empty_input_reads_nothing() {
        assert!(read_conll("".as_bytes()).unwrap().is_empty());
        assert!(read_conll("\n\n".as_bytes()).unwrap().is_empty());
    }
}
