//! A directory with broken files loads the rest and reports the broken
//! ones with their path and line.

use akhbar_load::{LoadOptions, Loader, ProblemKind};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken")
}

/// Paths in messages relative to the fixture directory, for stable output.
fn rel(s: &str) -> String {
    s.replace(&format!("{}/", fixtures().display()), "")
}

#[test]
fn strict_load_skips_broken_files_and_lines_and_reports_them() {
    let opts = LoadOptions {
        strict: true,
        ..LoadOptions::default()
    };
    let mut loader = Loader::new([fixtures()], opts);
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    for item in loader.by_ref() {
        match item {
            Ok(doc) => ids.push(doc.id),
            Err(p) => problems.push(format!("{} [{}]", rel(&p.origin), p.kind.key())),
        }
    }
    let s = loader.summary();
    // Sorted walk: bad_utf8.txt, good.txt, lines.jsonl, sub/….
    assert_eq!(&ids[..4], ["good", "a1", "a6", "c1"]);
    assert!(ids[4..].iter().all(|id| id == "a1"), "{ids:?}");
    assert_eq!(
        &problems[..6],
        [
            "bad_utf8.txt [undecodable]",
            "lines.jsonl:2 [json]",
            "lines.jsonl:3 [missing-text]",
            "lines.jsonl:4 [empty]",
            "sub/empty.txt [empty]",
            "sub/table.csv:6 [missing-text]",
        ]
    );
    assert_eq!(problems.len(), 7, "{problems:?}");
    assert!(
        problems[6].starts_with("sub/truncated.jsonl.gz:") && problems[6].ends_with("[io]"),
        "{}",
        problems[6]
    );
    assert_eq!(s.read, ids.len());
    assert_eq!(s.empty, 2);
    assert_eq!(s.skipped_total(), 7);
    assert_eq!(s.skipped.get("json"), Some(&1));
    assert_eq!(s.ignored_files, 1);
    assert_eq!(s.files, 6);
    assert!(s.has_problems());
    let text = rel(&s.to_string());
    assert!(
        text.starts_with(&format!("read {}, skipped 7 (", ids.len())),
        "{text}"
    );
}

#[test]
fn lenient_load_replaces_bad_bytes_with_a_warning() {
    let mut loader = Loader::new([fixtures().join("bad_utf8.txt")], LoadOptions::default());
    let doc = loader
        .next()
        .expect("one")
        .expect("loaded with replacement");
    assert!(doc.text.contains('\u{FFFD}'));
    assert!(loader.next().is_none());
    let s = loader.summary();
    assert_eq!((s.read, s.lossy, s.skipped_total()), (1, 1, 0));
    assert!(matches!(s.problems[0].kind, ProblemKind::Lossy { .. }));
}

#[test]
fn a_missing_path_is_reported_and_the_rest_loads() {
    let mut loader = Loader::new(
        [fixtures().join("nope.txt"), fixtures().join("good.txt")],
        LoadOptions::default(),
    );
    let first = loader.next().expect("a problem");
    assert!(matches!(first, Err(ref p) if p.kind.key() == "io" && p.line.is_none()));
    assert!(loader.next().expect("the good file").is_ok());
}

#[test]
fn a_binary_file_under_a_text_name_is_reported_and_the_rest_loads() {
    // A PNG header and pixel bytes, then a real article in the same batch.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend((0u8..=255).cycle().take(2000));
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = dir.path().join("a_picture.txt");
    let good = dir.path().join("b_article.txt");
    std::fs::write(&bin, &png).expect("write");
    std::fs::write(&good, "زار وزير الخارجية الرباط أمس.\n").expect("write");
    let mut loader = Loader::new([dir.path().to_path_buf()], LoadOptions::default());
    let results: Vec<_> = loader.by_ref().collect();
    assert_eq!(results.len(), 2);
    let err = results[0]
        .as_ref()
        .expect_err("the picture is not an article");
    assert_eq!(err.kind.key(), "binary");
    assert!(err.to_string().contains("a_picture.txt"), "{err}");
    assert_eq!(
        results[1].as_ref().expect("the article loads").id,
        "b_article"
    );
    assert_eq!(loader.summary().skipped.get("binary"), Some(&1));
}

#[test]
fn text_with_a_few_control_characters_still_loads() {
    let text = "خبر\u{1}عاجل\u{0}: وصل الوفد إلى تونس العاصمة صباح اليوم.\n";
    let mut loader = Loader::from_bytes("x.txt", text.as_bytes().to_vec(), LoadOptions::default());
    assert!(loader.next().expect("one result").is_ok());
}

#[test]
fn an_unterminated_csv_quote_is_reported_with_its_line() {
    let csv = "id,text\n1,\"أول خبر\"\n2,\"خبر بلا نهاية\n3,ثالث\n4,رابع\n";
    let mut loader =
        Loader::from_bytes("news.csv", csv.as_bytes().to_vec(), LoadOptions::default());
    let docs: Vec<_> = loader.by_ref().filter_map(Result::ok).collect();
    // The rest of the file is in the open field: nothing is lost.
    assert_eq!(docs.len(), 2);
    assert!(docs[1].text.contains("رابع"));
    let s = loader.summary();
    let p = s
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::UnterminatedQuote { line: 3 })
        .expect("a warning names the line of the open quote");
    assert_eq!(p.origin, "news.csv:3");
    assert_eq!(s.skipped_total(), 0);
}

#[test]
fn quotes_inside_and_doubled_are_no_unterminated_quote() {
    let csv = "id,text\n1,\"قال \"\"نعم\"\" ثم\"\n2,شاشة 5\" بوصة\n3,\"\"\n";
    let mut loader = Loader::from_bytes("ok.csv", csv.as_bytes().to_vec(), LoadOptions::default());
    let n = loader.by_ref().filter_map(Result::ok).count();
    assert_eq!(n, 2, "the empty record is skipped as empty");
    assert!(
        !loader
            .summary()
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::UnterminatedQuote { .. })),
        "{:?}",
        loader.summary().problems
    );
}
