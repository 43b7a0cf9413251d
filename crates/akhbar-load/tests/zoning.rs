//! Zoning: snapshots of the seed texts and figures against gold/zones.csv.

use crate::{gold_texts, root};
use akhbar_core::{CharIndex, CharSpan, Document, Zone};
use std::collections::BTreeMap;

/// One line a text line: `zone | first 40 chars`.
fn render(doc: &Document) -> String {
    let mut out = String::new();
    for z in &doc.zones {
        let head: String = doc.text[z.span.range()].chars().take(40).collect();
        out.push_str(&format!("{:<11} | {}\n", z.zone.as_str(), head.trim_end()));
    }
    out.push_str(&format!(
        "meta: title={:?} published={:?} source={:?}\n",
        doc.meta
            .title
            .as_deref()
            .map(|t| t.chars().take(40).collect::<String>()),
        doc.meta.published,
        doc.meta.source
    ));
    out
}

#[test]
fn zoning_snapshots_of_the_seed_texts() {
    for (stem, text) in gold_texts() {
        let mut doc = Document::new(stem.clone(), text);
        akhbar_load::prepare(&mut doc);
        insta::with_settings!({ input_file => root().join("gold/texts").join(format!("{stem}.txt")), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("zones_{stem}"), render(&doc));
        });
    }
}

/// Zone of each non-blank line (by its byte start) in gold/zones.csv.
fn gold_line_zones(dir: &std::path::Path) -> Option<BTreeMap<String, BTreeMap<usize, Zone>>> {
    let mut rdr = csv::Reader::from_path(dir.join("zones.csv")).ok()?;
    let mut out: BTreeMap<String, BTreeMap<usize, Zone>> = BTreeMap::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.expect("zones.csv row");
        let doc = rec[0].to_owned();
        let (s, e): (usize, usize) = (rec[1].parse().expect("start"), rec[2].parse().expect("end"));
        let zone: Zone = rec[3].parse().expect("zone");
        let text = texts.entry(doc.clone()).or_insert_with(|| {
            std::fs::read_to_string(dir.join("texts").join(format!("{doc}.txt"))).expect("text")
        });
        let span = CharIndex::new(text)
            .to_bytes(CharSpan::new(s, e))
            .expect("span in text");
        let mut off = span.start;
        for line in text[span.range()].split('\n') {
            if !line.trim().is_empty() {
                out.entry(doc.clone()).or_default().insert(off, zone);
            }
            off += line.len() + 1;
        }
    }
    Some(out)
}

/// Line accuracy and content F1 of [`akhbar_load::prepare`] on a gold set.
fn score(dir: &std::path::Path) -> Option<(f64, f64, Vec<String>)> {
    let gold = gold_line_zones(dir)?;
    let (mut ok, mut all, mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    for (doc, lines) in &gold {
        let text =
            std::fs::read_to_string(dir.join("texts").join(format!("{doc}.txt"))).expect("text");
        let mut d = Document::new(doc.clone(), text);
        akhbar_load::prepare(&mut d);
        let pred: BTreeMap<usize, Zone> = d.zones.iter().map(|z| (z.span.start, z.zone)).collect();
        for (&off, &g) in lines {
            let p = pred.get(&off).copied();
            all += 1;
            if p == Some(g) {
                ok += 1;
            } else {
                let head: String = d.text[off..].chars().take(40).collect();
                errors.push(format!("{doc}@{off}: gold {g}, got {p:?}: {head}"));
            }
            match (p.is_some_and(Zone::is_content), g.is_content()) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let f1 = if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    };
    Some((ok as f64 / all.max(1) as f64, f1, errors))
}

#[test]
fn zoning_meets_the_goal_on_gold() {
    let Some((acc, f1, errors)) = score(&root().join("gold")) else {
        return;
    };
    eprintln!("gold zones: line accuracy {acc:.4}, content f1 {f1:.4}");
    assert!(
        acc >= 0.98 && f1 >= 0.98,
        "accuracy {acc:.4}, f1 {f1:.4}:\n{}",
        errors.join("\n")
    );
}

/// `AKHBAR_GOLD_DIRS=dir1:dir2` holds other gold sets to the same goal
/// (skips without it).
#[test]
fn zoning_meets_the_goal_on_other_gold_sets() {
    let Ok(dirs) = std::env::var("AKHBAR_GOLD_DIRS") else {
        return;
    };
    for d in dirs.split(':').filter(|d| !d.is_empty()) {
        let scored = score(std::path::Path::new(d));
        assert!(scored.is_some(), "{d}: not a gold set with zones");
        if let Some((acc, f1, errors)) = scored {
            eprintln!("{d}: line accuracy {acc:.4}, content f1 {f1:.4}");
            assert!(
                acc >= 0.98 && f1 >= 0.98,
                "{d}: accuracy {acc:.4}, f1 {f1:.4}:\n{}",
                errors.join("\n")
            );
        }
    }
}

/// Checks one fixture page of `tests/fixtures/zoning`: `zone | line`, `-`
/// for a blank line; `@title | …`, `@source | …`, `@published | …` rows
/// (not part of the text) give the expected metadata, empty for none. The
/// page is checked with LF line ends and again with CRLF ones. Returns the
/// errors and the number of lines checked.
fn check_page(path: &std::path::Path) -> (Vec<String>, usize) {
    let src = std::fs::read_to_string(path).expect("fixture");
    let mut lines: Vec<&str> = Vec::new();
    let mut expected = Vec::new();
    let mut want_meta: Vec<(String, String)> = Vec::new();
    for row in src.lines() {
        let (zone, line) = row
            .split_once(" | ")
            .unwrap_or((row.trim_end_matches(" |"), ""));
        if let Some(field) = zone.strip_prefix('@') {
            want_meta.push((field.trim().to_owned(), line.trim().to_owned()));
            continue;
        }
        if zone.trim() != "-" {
            expected.push(zone.trim().parse::<Zone>().expect("zone name"));
        }
        lines.push(line);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut errors = Vec::new();
    for eol in ["\n", "\r\n"] {
        let text: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
        let mut doc = Document::new("page", text);
        akhbar_load::prepare(&mut doc);
        let got: Vec<(Zone, String)> = doc
            .zones
            .iter()
            .map(|z| (z.zone, doc.text[z.span.range()].to_owned()))
            .collect();
        let tag = if eol == "\n" { "" } else { " (crlf)" };
        if got.len() != expected.len() {
            errors.push(format!(
                "{name}{tag}: {} zoned lines, expected {}",
                got.len(),
                expected.len()
            ));
        }
        for ((g, line), e) in got.iter().zip(&expected) {
            if g != e || line.ends_with('\r') {
                errors.push(format!(
                    "{name}{tag}: expected {e}, got {g}: {}",
                    line.chars().take(50).collect::<String>()
                ));
            }
        }
        for (field, want) in &want_meta {
            let got = match field.as_str() {
                "title" => doc.meta.title.clone(),
                "source" => doc.meta.source.clone(),
                "published" => doc.meta.published.clone(),
                other => panic!("{name}: unknown expectation @{other}"),
            }
            .unwrap_or_default();
            if &got != want {
                errors.push(format!("{name}{tag}: {field} {got:?}, expected {want:?}"));
            }
        }
    }
    (errors, expected.len())
}

#[test]
fn zoning_of_site_wrappers_unlike_the_seeds() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zoning");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 6);
    let (mut errors, mut lines) = (Vec::new(), 0);
    for p in &paths {
        let (e, n) = check_page(p);
        errors.extend(e);
        lines += n;
    }
    eprintln!(
        "zoning fixtures: {} pages, {lines} lines, {} errors",
        paths.len(),
        errors.len()
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
