//! The bodies of the fuzz targets (`fuzz/fuzz_targets/`), shared with the
//! regression tests that replay the inputs the fuzzers kept. Each takes
//! arbitrary bytes, runs one stage of the pipeline, and panics only when
//! an invariant breaks (a span off a character boundary, outside the
//! text, out of order, or not matching its text).

use crate::export::{ExportFormat, render};
use akhbar_core::{ByteSpan, Document};
use akhbar_extract::{Extractor, ExtractorConfig};
use akhbar_load::{LoadOptions, Loader};
use akhbar_normalize::{CliticAnalyzer, sentences, tokenize};
use akhbar_normalize::{Normalizer, Preset};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new(ExtractorConfig::default()));

fn check_span(text: &str, span: ByteSpan, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} cuts a character"
    );
}

/// Checks a zoned document: zones inside the text, on character
/// boundaries, sorted, never overlapping.
pub fn check_document(doc: &Document) {
    check_flat_spans(&doc.text, doc.zones.iter().map(|z| z.span), "zone");
}

/// Checks spans of one kind: each inside `text` on character boundaries,
/// all sorted and never overlapping.
fn check_flat_spans(text: &str, spans: impl Iterator<Item = ByteSpan>, what: &str) {
    let mut last = 0;
    for span in spans {
        check_span(text, span, what);
        assert!(
            span.start >= last,
            "{what}s out of order or overlapping at {span:?}"
        );
        last = span.end;
    }
}

/// The loader on `data` read as each format it knows (and gzipped): no
/// panic, and every document it yields is well zoned.
pub fn loader(data: &[u8]) {
    for name in [
        "in.txt", "in.jsonl", "in.json", "in.csv", "in.tsv", "in.xml", "in",
    ] {
        for doc in Loader::from_bytes(name, data.to_vec(), LoadOptions::default()).flatten() {
            check_document(&doc);
        }
    }
}

/// Every preset, with alignment, on `data` (lossily decoded): the
/// alignment has one source span per output character, on character
/// boundaries, monotone, and the aligned text equals the plain one.
pub fn normalizer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for preset in [Preset::Compare, Preset::Search, Preset::Clean] {
        let n = Normalizer::preset(preset);
        let aligned = n.normalize_aligned(&text);
        assert_eq!(
            aligned.text,
            n.normalize(&text),
            "{preset:?}: aligned and plain output differ"
        );
        assert_eq!(
            aligned.alignment.len(),
            aligned.text.chars().count(),
            "{preset:?}: one source span per output character"
        );
        let mut last = 0;
        for span in aligned.alignment.iter() {
            check_span(&text, span, "alignment");
            assert!(
                span.start >= last,
                "{preset:?}: alignment not monotone at {span:?}"
            );
            last = span.start;
        }
        let whole = aligned
            .alignment
            .to_source(ByteSpan::new(0, aligned.text.len()));
        check_span(&text, whole, "mapped back");
        for (i, _) in aligned.text.char_indices().step_by(7) {
            let end = aligned.text[i..]
                .chars()
                .next()
                .map_or(i, |c| i + c.len_utf8());
            check_span(
                &text,
                aligned.alignment.to_source(ByteSpan::new(i, end)),
                "mapped back",
            );
        }
    }
}

/// The tokenizer, the sentence splitter and the clitic analysis on
/// `data`: tokens non-empty, in order, never overlapping, on character
/// boundaries, their text the slice they cover; sentences in order; every
/// proposed name span inside its word.
pub fn tokenizer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let clitics = CliticAnalyzer::default();
    let mut last = 0;
    for t in tokenize(&text) {
        check_span(&text, t.span, "token");
        assert!(
            t.span.start >= last && !t.span.is_empty(),
            "token {:?} empty or out of order",
            t.span
        );
        assert_eq!(
            &text[t.span.range()],
            t.text,
            "token text differs from its span"
        );
        last = t.span.end;
        let seg = clitics.analyze(&text, t.span);
        let name = seg.name_span();
        check_span(&text, name, "name span");
        assert!(
            t.span.contains(name),
            "name span {name:?} outside its word {:?}",
            t.span
        );
    }
    let mut last = 0;
    for s in sentences(&text) {
        check_span(&text, s, "sentence");
        assert!(s.start >= last, "sentences out of order at {s:?}");
        last = s.end;
    }
}

/// Zoning and extraction on `data` (lossily decoded) and every export:
/// mentions inside the text, on boundaries, sorted, never overlapping,
/// their `text` the slice they cover; relations between existing mentions.
pub fn extractor(data: &[u8]) {
    let mut doc = Document::new("fuzz", String::from_utf8_lossy(data).into_owned());
    akhbar_load::prepare(&mut doc);
    check_document(&doc);
    let ann = EXTRACTOR.extract(&doc);
    check_flat_spans(&doc.text, ann.mentions.iter().map(|m| m.span), "mention");
    for m in &ann.mentions {
        assert_eq!(
            &doc.text[m.span.range()],
            m.text,
            "mention text differs from its span"
        );
    }
    for r in &ann.relations {
        assert!(
            r.head < ann.mentions.len() && r.tail < ann.mentions.len(),
            "relation {r:?} to a missing mention"
        );
    }
    for format in [
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Conll,
        ExportFormat::Brat,
        ExportFormat::Gold,
    ] {
        render(format, &doc, &ann, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_accept_odd_input() {
        let inputs: [&[u8]; 6] = [
            b"",
            b"\xFF\xFE\x00",
            "حمـــوشي\u{200F}\n\n".as_bytes(),
            b"{\"text\":1}\n",
            b"a,b\n\"x",
            "يوم 24 يونيو 2025 في الرباط".as_bytes(),
        ];
        for i in inputs {
            loader(i);
            normalizer(i);
            tokenizer(i);
            extractor(i);
        }
    }
}
