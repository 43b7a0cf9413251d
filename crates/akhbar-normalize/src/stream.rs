//! Streaming over a reader, line by line, with UTF-8 checking.

use crate::error::NormalizeError;
use crate::normalizer::Normalizer;
use std::io::{BufRead, Write};

/// What to do with bytes that are not valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Utf8Policy {
    /// Stop with [`NormalizeError::InvalidUtf8`] naming the byte offset.
    #[default]
    Strict,
    /// Replace each invalid sequence with U+FFFD and go on; the count and
    /// the first offset are in [`StreamStats`] so the caller can warn.
    Lossy,
}

/// What a stream pass saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamStats {
    /// Lines read (a last line without a line break counts).
    pub lines: u64,
    /// Bytes read.
    pub bytes_read: u64,
    /// Bytes written (0 for [`for_each_line`]).
    pub bytes_written: u64,
    /// Invalid UTF-8 sequences replaced (lossy mode).
    pub invalid_sequences: u64,
    /// Byte offset of the first invalid sequence, if any.
    pub first_invalid_offset: Option<u64>,
}

/// One line of a stream, handed to the callback of [`for_each_line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's text, without its line break.
    pub text: &'a str,
    /// The line break that ended it: `"\n"`, `"\r\n"`, or `""` at the end.
    pub terminator: &'a str,
    /// Byte offset of the line's start in the stream.
    pub offset: u64,
    /// Line number, 1-based.
    pub number: u64,
}

/// Reads `reader` line by line, checks (or repairs) UTF-8 and calls `f` on
/// each line. Memory stays bounded by the longest line.
///
/// ```
/// use akhbar_normalize::{for_each_line, Utf8Policy};
///
/// let mut seen = Vec::new();
/// let stats = for_each_line(&b"a\r\nb"[..], Utf8Policy::Strict, |l| {
///     seen.push((l.number, l.text.to_owned(), l.terminator.to_owned()));
///     Ok(())
/// })
/// .unwrap();
/// assert_eq!(stats.lines, 2);
/// assert_eq!(seen[0], (1, "a".to_owned(), "\r\n".to_owned()));
/// assert_eq!(seen[1], (2, "b".to_owned(), "".to_owned()));
/// ```
pub fn for_each_line<R, F>(
    mut reader: R,
    policy: Utf8Policy,
    mut f: F,
) -> Result<StreamStats, NormalizeError>
where
    R: BufRead,
    F: FnMut(&Line<'_>) -> std::io::Result<()>,
{
    let mut stats = StreamStats::default();
    let mut buf: Vec<u8> = Vec::with_capacity(8 * 1024);
    let mut repaired = String::new();
    loop {
        buf.clear();
        let line_no = stats.lines + 1;
        let got = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| NormalizeError::Io {
                line: line_no,
                source,
            })?;
        if got == 0 {
            break;
        }
        let offset = stats.bytes_read;
        stats.bytes_read += got as u64;
        stats.lines = line_no;
        let body_len = if buf.ends_with(b"\r\n") {
            buf.len() - 2
        } else if buf.ends_with(b"\n") {
            buf.len() - 1
        } else {
            buf.len()
        };
        let terminator = match buf.len() - body_len {
            2 => "\r\n",
            1 => "\n",
            _ => "",
        };
        let body = &buf[..body_len];
        let text: &str = match std::str::from_utf8(body) {
            Ok(t) => t,
            Err(e) => match policy {
                Utf8Policy::Strict => {
                    return Err(NormalizeError::InvalidUtf8 {
                        offset: offset + e.valid_up_to() as u64,
                        line: line_no,
                    });
                }
                Utf8Policy::Lossy => {
                    repaired.clear();
                    let mut at = 0usize;
                    for chunk in body.utf8_chunks() {
                        repaired.push_str(chunk.valid());
                        at += chunk.valid().len();
                        if !chunk.invalid().is_empty() {
                            repaired.push('\u{FFFD}');
                            stats.invalid_sequences += 1;
                            stats.first_invalid_offset.get_or_insert(offset + at as u64);
                            at += chunk.invalid().len();
                        }
                    }
                    &repaired
                }
            },
        };
        let line = Line {
            text,
            terminator,
            offset,
            number: line_no,
        };
        f(&line).map_err(|source| NormalizeError::Io {
            line: line_no,
            source,
        })?;
    }
    Ok(stats)
}

impl Normalizer {
    /// Normalizes a stream line by line into `writer`: each line's text is
    /// normalized on its own and its line break is written back as it was,
    /// so line numbers stay the same. One output buffer is reused for every
    /// line.
    ///
    /// ```
    /// use akhbar_normalize::{Normalizer, Preset, Utf8Policy};
    ///
    /// let n = Normalizer::preset(Preset::Search);
    /// let mut out = Vec::new();
    /// n.normalize_stream(&"قالَ  ٢\nب".as_bytes()[..], &mut out, Utf8Policy::Strict).unwrap();
    /// assert_eq!(String::from_utf8(out).unwrap(), "قال 2\nب");
    ///
    /// let err = n.normalize_stream(&b"ok\n\xff"[..], &mut Vec::new(), Utf8Policy::Strict);
    /// assert_eq!(err.unwrap_err().to_string(), "invalid utf-8 at byte 3 (line 2)");
    /// ```
    pub fn normalize_stream<R: BufRead, W: Write>(
        &self,
        reader: R,
        mut writer: W,
        policy: Utf8Policy,
    ) -> Result<StreamStats, NormalizeError> {
        let mut out = String::new();
        let mut written = 0u64;
        let mut stats = for_each_line(reader, policy, |line| {
            // One pass into a reused buffer: cheaper than checking first.
            out.clear();
            self.normalize_into(line.text, &mut out);
            let text = out.as_str();
            writer.write_all(text.as_bytes())?;
            writer.write_all(line.terminator.as_bytes())?;
            written += (text.len() + line.terminator.len()) as u64;
            Ok(())
        })?;
        writer.flush().map_err(|source| NormalizeError::Io {
            line: stats.lines,
            source,
        })?;
        stats.bytes_written = written;
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Preset;

    #[test]
    fn lossy_mode_replaces_and_counts() {
        let n = Normalizer::preset(Preset::Clean);
        let mut out = Vec::new();
        let stats = n
            .normalize_stream(&b"ab\xffc\n\xfe"[..], &mut out, Utf8Policy::Lossy)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "ab\u{FFFD}c\n\u{FFFD}");
        assert_eq!(stats.invalid_sequences, 2);
        assert_eq!(stats.first_invalid_offset, Some(2));
        assert_eq!(stats.lines, 2);
    }

    #[test]
    fn strict_mode_names_the_offset() {
        let n = Normalizer::preset(Preset::Compare);
        let mut out = Vec::new();
        n.normalize_stream("سطر\nثانّ".as_bytes(), &mut out, Utf8Policy::Strict)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "سطر\nثان");
        let bad: &[u8] = b"\xd8\xa8\n\xd8";
        let err = n
            .normalize_stream(bad, &mut Vec::new(), Utf8Policy::Strict)
            .unwrap_err();
        assert!(matches!(
            err,
            NormalizeError::InvalidUtf8 { offset: 3, line: 2 }
        ));
    }

    #[test]
    fn line_breaks_are_kept_as_they_were() {
        let n = Normalizer::preset(Preset::Search);
        let mut out = Vec::new();
        n.normalize_stream(&b"a  b\r\n\r\nc\n"[..], &mut out, Utf8Policy::Strict)
            .unwrap();
        assert_eq!(out, b"a b\r\n\r\nc\n");
    }
}
