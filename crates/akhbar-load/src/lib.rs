//! Loading scraped Arabic news: files, encodings, metadata, zones and
//! near-duplicates.
//!
//! - [`Loader`] streams [`Document`]s from files, directories (recursive,
//!   sorted) and stdin: `.txt` (one article), `.jsonl`, `.json` arrays,
//!   `.csv`/`.tsv` with a header, TREC-style SGML, saved HTML pages (their
//!   visible text, one block a line, and the metadata the page states),
//!   each optionally gzipped; UTF-8 (with or without BOM), UTF-16 LE/BE,
//!   Windows-1256, ISO-8859-6, detected or forced. The decoded text is kept
//!   exactly (for a page, the extracted text is the document's text): every
//!   offset refers to it. A bad file or record is an `Err(LoadProblem)` naming its
//!   path and line, and loading goes on; [`LoadSummary`] counts it all.
//! - [`prepare`] zones every line (title, meta, body, boilerplate; see
//!   `ZONING.md`) and reads `title`, `published` and `source` from the text.
//! - [`near_duplicates`] / [`Deduper`] cluster exact and near-duplicate
//!   articles by MinHash over their content zones.
//!
//! ```
//! use akhbar_core::Zone;
//! use akhbar_load::{LoadOptions, Loader};
//!
//! let page = "أخبار وطنية\n\nتوقيع اتفاقية تعاون أمني بين المغرب وفرنسا\n\
//!             نشر في : 24 يونيو 2025\n\
//!             وقع المدير العام للأمن الوطني ونظيره الفرنسي اليوم بالرباط مخطط عمل مشترك لتعزيز التعاون الأمني بين البلدين.\n\
//!             اقرأ أيضا:\nخبر آخر لا علاقة له بالموضوع\n";
//! let mut loader = Loader::from_bytes("page.txt", page.as_bytes().to_vec(), LoadOptions::default());
//! let doc = loader.next().unwrap().unwrap();
//! let zones: Vec<Zone> = doc.zones.iter().map(|z| z.zone).collect();
//! assert_eq!(zones, [Zone::Meta, Zone::Title, Zone::Meta, Zone::Body, Zone::Boilerplate, Zone::Boilerplate]);
//! assert_eq!(doc.meta.published.as_deref(), Some("2025-06-24"));
//! assert_eq!(doc.meta.title.as_deref(), Some("توقيع اتفاقية تعاون أمني بين المغرب وفرنسا"));
//! assert!(loader.next().is_none());
//! assert_eq!(loader.summary().read, 1);
//! ```
#![deny(missing_docs)]

mod decode;
mod dedup;
mod html;
mod loader;
mod meta;
mod problem;
mod zone;

pub use decode::TextEncoding;
pub use dedup::{DedupOptions, Deduper, DupCluster, Signature, content_text, near_duplicates};
pub use loader::{FieldNames, Format, Input, LoadOptions, Loader};
pub use meta::parse_date;
pub use problem::{LoadProblem, LoadSummary, MAX_KEPT_PROBLEMS, ProblemKind};
pub use zone::zone_lines;

use akhbar_core::Document;

/// Zones every non-blank line of `doc` (one [`akhbar_core::ZoneRange`] a
/// line, newline and CR excluded, blank lines in no zone) and fills its
/// missing metadata from the text: `title` (the first title line),
/// `published` (ISO date of the first stamp in a meta line, else of a short
/// dateline opening the body) and `source` (after `المصدر:` in a meta
/// line). Metadata already set, e.g. by the container, is kept; a title set
/// by the container decides which lines are title lines.
pub fn prepare(doc: &mut Document) {
    doc.zones = zone::zone_lines(&doc.text, doc.meta.title.as_deref());
    meta::fill(doc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Bytes that look like scraped files: Arabic UTF-8, JSON and CSV
    /// punctuation, CR/LF, BOMs, NULs and random bytes.
    fn scraped_bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just("الرباط – ".as_bytes().to_vec()),
            Just("اقرأ أيضا:".as_bytes().to_vec()),
            Just("نشر في : 24 يونيو 2025".as_bytes().to_vec()),
            Just(b"{\"text\": \"".to_vec()),
            Just(b"\"}\n".to_vec()),
            Just(b"id,text\n".to_vec()),
            Just(b"<DOC><TEXT>".to_vec()),
            Just(b"<!DOCTYPE html><p>".to_vec()),
            Just(b"</div><script>".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(vec![0xEF, 0xBB, 0xBF]),
            Just(vec![0xFF, 0xFE]),
            Just(vec![0x1F, 0x8B]),
            proptest::collection::vec(any::<u8>(), 0..12),
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    /// Text with Arabic, Latin, digits, marks, blank lines and CRs.
    fn arabic_text() -> impl Strategy<Value = String> {
        "([\\u{0600}-\\u{06FF}a-z0-9 .:،؟!\\-–#@/»«()\\r\\u{00A0}]{0,30}\\n?){0,12}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn arbitrary_bytes_never_panic_the_loader(bytes in scraped_bytes(), strict in any::<bool>()) {
            for format in [None, Some(Format::Txt), Some(Format::Jsonl), Some(Format::Json), Some(Format::Csv), Some(Format::Trec), Some(Format::Html)] {
                for encoding in [None, Some(TextEncoding::Utf16Be), Some(TextEncoding::Iso8859_6)] {
                    let opts = LoadOptions { format, encoding, strict, ..LoadOptions::default() };
                    let mut loader = Loader::from_bytes("x.bin", bytes.clone(), opts);
                    let n = loader.by_ref().count();
                    let s = loader.summary();
                    prop_assert_eq!(n, s.read + s.skipped_total());
                }
            }
        }

        #[test]
        fn zoning_covers_every_non_blank_line_once(text in arabic_text()) {
            let mut doc = Document::new("p", text.clone());
            prepare(&mut doc);
            let mut expected = Vec::new();
            let mut off = 0;
            for piece in text.split('\n') {
                let line = piece.strip_suffix('\r').unwrap_or(piece);
                if !line.trim().is_empty() {
                    expected.push((off, off + line.len()));
                }
                off += piece.len() + 1;
            }
            let got: Vec<(usize, usize)> = doc.zones.iter().map(|z| (z.span.start, z.span.end)).collect();
            prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<LoadProblem>();
        check::<LoadSummary>();
        check::<LoadOptions>();
        fn send<T: Send>() {}
        send::<Loader>();
        check::<DupCluster>();
        check::<Signature>();
    }
}
