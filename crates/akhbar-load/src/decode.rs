//! Text encodings: detection (BOM, UTF-16 shape, chardetng) and decoding.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A text encoding the loader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextEncoding {
    /// UTF-8 (a BOM is dropped).
    Utf8,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
    /// Windows-1256 (Arabic, Windows).
    Windows1256,
    /// ISO-8859-6 (Arabic, ISO).
    Iso8859_6,
}

impl TextEncoding {
    /// Every encoding, in a fixed order.
    pub const ALL: [TextEncoding; 5] = [
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1256,
        TextEncoding::Iso8859_6,
    ];

    /// The name used on the command line and in messages (`utf-8`,
    /// `utf-16le`, `utf-16be`, `windows-1256`, `iso-8859-6`).
    pub const fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1256 => "windows-1256",
            TextEncoding::Iso8859_6 => "iso-8859-6",
        }
    }

    pub(crate) fn encoding_rs(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Windows1256 => encoding_rs::WINDOWS_1256,
            TextEncoding::Iso8859_6 => encoding_rs::ISO_8859_6,
        }
    }

    /// True for encodings where `\n` is the single byte 0x0A, so that raw
    /// lines can be split before decoding.
    pub(crate) const fn ascii_compatible(self) -> bool {
        !matches!(self, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TextEncoding {
    type Err = String;
    /// Parses a name, case-insensitively, with common aliases (`utf8`,
    /// `cp1256`, `arabic`, `utf-16` = little endian).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().to_ascii_lowercase().replace('_', "-");
        Ok(match k.as_str() {
            "utf-8" | "utf8" => TextEncoding::Utf8,
            "utf-16le" | "utf16le" | "utf-16" | "utf16" => TextEncoding::Utf16Le,
            "utf-16be" | "utf16be" => TextEncoding::Utf16Be,
            "windows-1256" | "cp1256" | "win1256" | "windows1256" => TextEncoding::Windows1256,
            "iso-8859-6" | "iso8859-6" | "arabic" | "latin-arabic" => TextEncoding::Iso8859_6,
            _ => {
                return Err(format!(
                    "unknown encoding `{s}` (expected utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6)"
                ));
            }
        })
    }
}

/// Finds the encoding of `prefix` (the first bytes of a file) and the length
/// of its byte-order mark. `forced` wins over detection, but a matching BOM
/// is still dropped.
pub(crate) fn detect(prefix: &[u8], forced: Option<TextEncoding>) -> (TextEncoding, usize) {
    let bom = if prefix.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((TextEncoding::Utf8, 3))
    } else if prefix.starts_with(&[0xFF, 0xFE]) {
        Some((TextEncoding::Utf16Le, 2))
    } else if prefix.starts_with(&[0xFE, 0xFF]) {
        Some((TextEncoding::Utf16Be, 2))
    } else {
        None
    };
    match (forced, bom) {
        (Some(f), Some((b, n))) if f == b => return (f, n),
        (Some(f), _) => return (f, 0),
        (None, Some(b)) => return b,
        (None, None) => {}
    }
    if let Some(e) = utf16_shape(prefix) {
        return (e, 0);
    }
    if valid_utf8_prefix(prefix) || mostly_utf8(prefix) {
        return (TextEncoding::Utf8, 0);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(prefix, true);
    let guess = det.guess(None, true);
    let enc = if guess == encoding_rs::ISO_8859_6 {
        TextEncoding::Iso8859_6
    } else if guess == encoding_rs::UTF_8 {
        TextEncoding::Utf8
    } else {
        // Arabic news in a legacy single-byte encoding is windows-1256 far
        // more often than anything else chardetng may name.
        TextEncoding::Windows1256
    };
    (enc, 0)
}

/// UTF-16 without a BOM: most code units of Arabic or Latin text have a high
/// byte of 0x00 or 0x06, and a low byte that is not.
fn utf16_shape(prefix: &[u8]) -> Option<TextEncoding> {
    let n = prefix.len() / 2;
    if n < 4 {
        return None;
    }
    let (mut le, mut be) = (0usize, 0usize);
    for pair in prefix.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        if matches!(b, 0x00 | 0x06) && !matches!(a, 0x00) {
            le += 1;
        }
        if matches!(a, 0x00 | 0x06) && !matches!(b, 0x00) {
            be += 1;
        }
    }
    if le * 10 >= n * 7 && le > be * 2 {
        Some(TextEncoding::Utf16Le)
    } else if be * 10 >= n * 7 && be > le * 2 {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// True when `prefix` is valid UTF-8, allowing a character cut at its end.
fn valid_utf8_prefix(prefix: &[u8]) -> bool {
    match std::str::from_utf8(prefix) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && prefix.len() - e.valid_up_to() < 4,
    }
}

/// UTF-8 with a few bad bytes: many valid multi-byte sequences and at
/// most one error per fifty of them. Such a file is damaged UTF-8, not a
/// legacy encoding (whose Arabic letters rarely form valid UTF-8 pairs).
fn mostly_utf8(prefix: &[u8]) -> bool {
    let (mut rest, mut errors, mut multi) = (prefix, 0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multi += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let ok = &rest[..e.valid_up_to()];
                multi += std::str::from_utf8(ok)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                match e.error_len() {
                    Some(n) => {
                        errors += 1;
                        rest = &rest[e.valid_up_to() + n..];
                    }
                    None => break,
                }
            }
        }
    }
    multi >= 20 && errors * 50 <= multi
}

/// Decodes `bytes` (without BOM) as `enc`. With `strict`, malformed bytes
/// are an error (`Err` holds the byte offset of the first one); otherwise
/// they become U+FFFD and the flag says so.
pub(crate) fn decode(
    bytes: &[u8],
    enc: TextEncoding,
    strict: bool,
) -> Result<(String, bool), usize> {
    decode_borrowed(bytes, enc, strict).map(|(s, lossy)| (s.into_owned(), lossy))
}

/// [`decode`], borrowing valid UTF-8 instead of copying it.
pub(crate) fn decode_borrowed(
    bytes: &[u8],
    enc: TextEncoding,
    strict: bool,
) -> Result<(Cow<'_, str>, bool), usize> {
    if enc == TextEncoding::Utf8 {
        // encoding_rs checks two-byte letters (Arabic) a sequence at a time,
        // about four times faster than `str::from_utf8`, and borrows valid
        // text. Bad bytes take the standard library's way, which says
        // where the first one is and replaces them as it always has.
        if let (Cow::Borrowed(s), false) = encoding_rs::UTF_8.decode_without_bom_handling(bytes) {
            return Ok((Cow::Borrowed(s), false));
        }
        return match std::str::from_utf8(bytes) {
            Ok(s) => Ok((Cow::Borrowed(s), false)),
            Err(e) if strict => Err(e.valid_up_to()),
            Err(_) => Ok((String::from_utf8_lossy(bytes), true)),
        };
    }
    let (text, had_errors) = enc.encoding_rs().decode_without_bom_handling(bytes);
    if had_errors && strict {
        return Err(first_error(bytes, enc).unwrap_or(0));
    }
    Ok((text, had_errors))
}

fn first_error(bytes: &[u8], enc: TextEncoding) -> Option<usize> {
    let mut dec = enc.encoding_rs().new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (res, read) = dec.decode_to_string_without_replacement(bytes, &mut out, true);
    match res {
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            Some(read.saturating_sub(usize::from(bad)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn detects_boms_and_utf16_shape() {
        let t = "الرباط – الثلاثاء 24 يونيو 2025";
        assert_eq!(
            detect(&[0xEF, 0xBB, 0xBF, b'a'], None),
            (TextEncoding::Utf8, 3)
        );
        assert_eq!(detect(&utf16(t, true), None).0, TextEncoding::Utf16Le);
        assert_eq!(detect(&utf16(t, false), None).0, TextEncoding::Utf16Be);
        assert_eq!(detect(t.as_bytes(), None).0, TextEncoding::Utf8);
        let mut damaged = t.repeat(10).into_bytes();
        damaged.insert(t.len(), 0xFF);
        assert_eq!(detect(&damaged, None).0, TextEncoding::Utf8);
    }

    #[test]
    fn detects_legacy_arabic_encodings() {
        let t = "وقع المدير العام للأمن الوطني ولمراقبة التراب الوطني مخطط عمل مشترك مع نظيره الفرنسي في الرباط";
        let (b, _, _) = encoding_rs::WINDOWS_1256.encode(t);
        assert_eq!(detect(&b, None).0, TextEncoding::Windows1256);
        let (b, _, _) = encoding_rs::ISO_8859_6.encode(t);
        assert_eq!(detect(&b, None).0, TextEncoding::Iso8859_6);
    }

    #[test]
    fn utf8_decoding_agrees_with_the_standard_library() {
        let t = "الرباط – الثلاثاء 24 يونيو 2025 “مرحبا” 😀 é";
        let mut cases: Vec<Vec<u8>> = vec![t.as_bytes().to_vec(), Vec::new()];
        // Every cut and every bad byte in every place.
        for i in 0..t.len() {
            cases.push(t.as_bytes()[..i].to_vec());
            for bad in [0x80, 0xC0, 0xC2, 0xE2, 0xED, 0xF0, 0xF5, 0xFF] {
                let mut b = t.as_bytes().to_vec();
                b.insert(i, bad);
                cases.push(b);
            }
        }
        for b in cases {
            let want = match std::str::from_utf8(&b) {
                Ok(s) => Ok((s.to_owned(), false)),
                Err(e) => Err(e.valid_up_to()),
            };
            assert_eq!(decode(&b, TextEncoding::Utf8, true), want, "{b:?}");
            let lossy = String::from_utf8_lossy(&b).into_owned();
            let got = decode(&b, TextEncoding::Utf8, false);
            assert_eq!(got, Ok((lossy, want.is_err())), "{b:?}");
        }
    }

    #[test]
    fn strict_decoding_reports_the_first_bad_byte() {
        assert_eq!(decode(b"ab\xFFc", TextEncoding::Utf8, true), Err(2));
        let (s, lossy) = decode(b"ab\xFFc", TextEncoding::Utf8, false).unwrap();
        assert_eq!((s.as_str(), lossy), ("ab\u{FFFD}c", true));
        assert_eq!("Windows-1256".parse(), Ok(TextEncoding::Windows1256));
    }
}
