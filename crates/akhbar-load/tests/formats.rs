//! Every format and encoding round-trips the seed texts: encode them at
//! test time, load, compare the text exactly.

use crate::gold_texts;
use akhbar_load::{Format, LoadOptions, Loader, TextEncoding};
use std::io::Write;

/// Encodes `text` as `enc` (with a BOM when asked); `None` when the
/// encoding cannot represent it.
fn encode(text: &str, enc: TextEncoding, bom: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match enc {
        TextEncoding::Utf8 => {
            if bom {
                out.extend([0xEF, 0xBB, 0xBF]);
            }
            out.extend(text.as_bytes());
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let le = enc == TextEncoding::Utf16Le;
            if bom {
                out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
            }
            for u in text.encode_utf16() {
                out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
        }
        TextEncoding::Windows1256 | TextEncoding::Iso8859_6 => {
            let e = if enc == TextEncoding::Windows1256 {
                encoding_rs::WINDOWS_1256
            } else {
                encoding_rs::ISO_8859_6
            };
            let (bytes, _, unmappable) = e.encode(text);
            if unmappable {
                return None;
            }
            out.extend(bytes.iter());
        }
    }
    Some(out)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("in-memory gzip");
    enc.finish().expect("in-memory gzip")
}

/// The file content of one format holding `texts` (id, text), as a string.
fn container(format: Format, texts: &[(String, String)]) -> String {
    match format {
        Format::Txt => texts[0].1.clone(),
        Format::Jsonl => texts
            .iter()
            .map(|(id, t)| serde_json::json!({ "id": id, "text": t }).to_string() + "\n")
            .collect(),
        Format::Json => {
            let items: Vec<_> = texts
                .iter()
                .map(|(id, t)| serde_json::json!({ "id": id, "content": t }))
                .collect();
            serde_json::to_string_pretty(&items).expect("json")
        }
        Format::Csv | Format::Tsv => {
            let delim = if format == Format::Csv { b',' } else { b'\t' };
            let mut w = csv::WriterBuilder::new()
                .delimiter(delim)
                .from_writer(Vec::new());
            w.write_record(["id", "body"]).expect("csv");
            for (id, t) in texts {
                w.write_record([id, t]).expect("csv");
            }
            String::from_utf8(w.into_inner().expect("csv")).expect("utf-8")
        }
        Format::Trec => texts
            .iter()
            .map(|(id, t)| format!("<DOC>\n<DOCNO>{id}</DOCNO>\n<TEXT>\n{t}\n</TEXT>\n</DOC>\n"))
            .collect(),
        // Not a round-trip format: a page's text is what a browser shows
        // (see `html_pages_give_their_visible_text_and_metadata`).
        Format::Html => String::new(),
    }
}

fn ext(format: Format) -> &'static str {
    match format {
        Format::Txt => "txt",
        Format::Jsonl => "jsonl",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Tsv => "tsv",
        Format::Trec => "xml",
        Format::Html => "html",
    }
}

fn check_round_trip(texts: &[(String, String)], label: &str) -> usize {
    let mut checked = 0;
    for format in Format::ALL.into_iter().filter(|&f| f != Format::Html) {
        let set: Vec<(String, String)> = if format == Format::Txt {
            texts[..1].to_vec()
        } else {
            texts.to_vec()
        };
        let content = container(format, &set);
        for enc in TextEncoding::ALL {
            for bom in [false, true] {
                if bom && matches!(enc, TextEncoding::Windows1256 | TextEncoding::Iso8859_6) {
                    continue;
                }
                let Some(bytes) = encode(&content, enc, bom) else {
                    continue;
                };
                for gz in [false, true] {
                    let name = format!(
                        "{}.{}{}",
                        set[0].0,
                        ext(format),
                        if gz { ".gz" } else { "" }
                    );
                    let data = if gz { gzip(&bytes) } else { bytes.clone() };
                    for forced in [None, Some(enc)] {
                        let opts = LoadOptions {
                            encoding: forced,
                            strict: true,
                            prepare: false,
                            ..LoadOptions::default()
                        };
                        let mut loader = Loader::from_bytes(&name, data.clone(), opts);
                        let docs: Vec<_> = loader
                            .by_ref()
                            .collect::<Result<_, _>>()
                            .unwrap_or_else(|p| {
                                panic!("{label} {name} {enc} bom={bom} forced={forced:?}: {p}")
                            });
                        assert_eq!(docs.len(), set.len(), "{label} {name} {enc} bom={bom}");
                        for (doc, (id, text)) in docs.iter().zip(&set) {
                            assert!(
                                doc.text == *text,
                                "{label} {name} {enc} bom={bom} forced={forced:?}: text differs"
                            );
                            if format != Format::Txt {
                                assert_eq!(&doc.id, id);
                            } else {
                                assert_eq!(doc.id, set[0].0);
                            }
                        }
                        assert!(!loader.summary().has_problems());
                        checked += 1;
                    }
                }
            }
        }
    }
    checked
}

#[test]
fn every_format_and_encoding_round_trips_the_seeds() {
    let texts = gold_texts();
    for i in 0..texts.len() {
        // Each seed leads once, so that the single-article .txt sees each.
        let mut set = texts.clone();
        set.rotate_left(i);
        let n = check_round_trip(&set, "lf");
        assert!(n >= 100, "only {n} combinations ran");
    }
}

#[test]
fn crlf_line_ends_are_kept_exactly() {
    let texts: Vec<(String, String)> = gold_texts()
        .into_iter()
        .map(|(id, t)| (id, t.replace('\n', "\r\n")))
        .collect();
    assert!(check_round_trip(&texts, "crlf") >= 100);
    // Zones never include the CR.
    let mut loader = Loader::from_bytes(
        "a.txt",
        texts[1].1.clone().into_bytes(),
        LoadOptions::default(),
    );
    let doc = loader.next().expect("one document").expect("loads");
    assert!(
        doc.zones
            .iter()
            .all(|z| !doc.text[z.span.range()].contains(['\r', '\n']))
    );
}

#[test]
fn container_fields_fill_metadata_and_fall_back() {
    let line = r#"{"headline": "عنوان", "body": "نص الخبر هنا", "link": "https://x.invalid/a", "date": "29/07/2016", "publisher": "واس"}"#;
    let mut loader = Loader::from_bytes(
        "feed.jsonl",
        line.as_bytes().to_vec(),
        LoadOptions::default(),
    );
    let doc = loader.next().expect("one").expect("loads");
    assert_eq!(doc.id, "feed:1");
    assert_eq!(doc.origin, "feed.jsonl:1");
    assert_eq!(doc.text, "نص الخبر هنا");
    assert_eq!(doc.meta.title.as_deref(), Some("عنوان"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://x.invalid/a"));
    assert_eq!(doc.meta.published.as_deref(), Some("2016-07-29"));
    assert_eq!(doc.meta.source.as_deref(), Some("واس"));

    let mut opts = LoadOptions::default();
    opts.fields.text = vec!["article_text".to_owned()];
    let line = r#"{"article_text": "نص", "text": "غير هذا"}"#;
    let doc = Loader::from_bytes("f.jsonl", line.as_bytes().to_vec(), opts)
        .next()
        .expect("one")
        .expect("loads");
    assert_eq!(doc.text, "نص");
}

#[test]
fn stdin_like_content_is_sniffed() {
    for (content, n) in [
        ("[{\"text\": \"أ\"}, {\"text\": \"ب\"}]", 2),
        ("{\"text\": \"أ\"}\n{\"text\": \"ب\"}\n", 2),
        ("نص عادي", 1),
    ] {
        let docs: Vec<_> =
            Loader::from_bytes("noext", content.as_bytes().to_vec(), LoadOptions::default())
                .collect();
        assert_eq!(docs.len(), n, "{content}");
        assert!(docs.iter().all(Result::is_ok));
    }
}

#[test]
fn html_pages_give_their_visible_text_and_metadata() {
    let page = "<!DOCTYPE html><html><head><title>عنوان الصفحة</title>\
                <meta property=\"article:published_time\" content=\"2023-11-02T08:00:00Z\">\
                <script>var a = 1;</script></head><body><nav>الرئيسية</nav>\
                <h1>وزير الخارجية يزور تونس</h1><p>زار وزير الخارجية تونس أمس.</p></body></html>";
    for (name, bytes) in [
        ("page.html", page.as_bytes().to_vec()),
        ("page.htm.gz", gzip(page.as_bytes())),
        // No extension: recognized by its doctype.
        ("page", page.as_bytes().to_vec()),
    ] {
        let mut loader = Loader::from_bytes(name, bytes, LoadOptions::default());
        let docs: Vec<_> = loader
            .by_ref()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|p| panic!("{name}: {p}"));
        assert_eq!(docs.len(), 1, "{name}");
        let d = &docs[0];
        assert_eq!(
            d.text, "الرئيسية\n\nوزير الخارجية يزور تونس\n\nزار وزير الخارجية تونس أمس.",
            "{name}"
        );
        assert_eq!(d.meta.title.as_deref(), Some("عنوان الصفحة"), "{name}");
        assert_eq!(d.meta.published.as_deref(), Some("2023-11-02"), "{name}");
        assert!(!d.zones.is_empty(), "{name}: prepared like any article");
    }
}

#[test]
fn an_html_page_without_text_is_reported_not_loaded() {
    let mut loader = Loader::from_bytes(
        "empty.html",
        b"<html><head><script>x()</script></head><body></body></html>".to_vec(),
        LoadOptions::default(),
    );
    assert_eq!(loader.by_ref().filter(Result::is_ok).count(), 0);
    assert!(loader.summary().has_problems());
}
