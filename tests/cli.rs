//! Each command and format, end to end through the binary.

use crate::util::*;
use serde_json::Value;
use std::fs;

fn seed_text(id: &str) -> String {
    fs::read_to_string(seeds().join(format!("{id}.txt"))).unwrap()
}

#[test]
fn extract_jsonl_has_one_line_per_seed_with_spans_into_the_text() {
    let o = run(&["extract", "gold/texts"], b"");
    assert_code(&o, 0);
    let lines: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), seed_files().len());
    for doc in &lines {
        let text = seed_text(doc["id"].as_str().unwrap());
        for z in doc["zones"].as_array().unwrap() {
            let (s, e) = (
                z["start"].as_u64().unwrap() as usize,
                z["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && !slice(&text, s, e).contains('\n'), "zone {z}");
        }
        for m in doc["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                slice(&text, s, e),
                m["text"].as_str().unwrap(),
                "mention {m}"
            );
        }
        assert!(doc["relations"].is_array());
        assert!(doc["meta"].is_object());
    }
}

#[test]
fn extract_csv_has_the_columns_of_entities_csv() {
    let o = run(&["extract", "gold/texts", "--format", "csv"], b"");
    assert_code(&o, 0);
    let text = out(&o);
    assert_eq!(
        text.lines().next(),
        Some("doc,id,type,start,end,text,canonical,value")
    );
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    for row in rdr.records() {
        let row = row.unwrap();
        let doc = seed_text(&row[0]);
        let (s, e): (usize, usize) = (row[3].parse().unwrap(), row[4].parse().unwrap());
        assert_eq!(slice(&doc, s, e), &row[5]);
    }
    let dir = tempfile::tempdir().unwrap();
    for (format, file) in [
        ("csv", "entities.csv"),
        ("jsonl", "documents.jsonl"),
        ("conll", "tokens.conll"),
    ] {
        let o = run(
            &[
                "extract",
                "gold/texts",
                "--format",
                format,
                "--out",
                dir.path().to_str().unwrap(),
            ],
            b"",
        );
        assert_code(&o, 0);
        assert_eq!(out(&o), "", "{format}: nothing on stdout with --out");
        let written = fs::read_to_string(dir.path().join(file)).unwrap();
        let piped = out(&run(&["extract", "gold/texts", "--format", format], b""));
        assert_eq!(written, piped, "{format}");
    }
}

#[test]
fn extract_conll_gives_token_tag_lines_per_document() {
    let o = run(&["extract", "gold/texts", "--format", "conll"], b"");
    assert_code(&o, 0);
    let text = out(&o);
    assert_eq!(text.matches("-DOCSTART- O").count(), seed_files().len());
    for line in text.lines().filter(|l| !l.is_empty()) {
        let (tok, tag) = line.rsplit_once(' ').unwrap();
        assert!(
            !tok.is_empty() && !tok.contains(char::is_whitespace),
            "{line}"
        );
        assert!(
            tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
            "{line}"
        );
    }
}

#[test]
fn extract_brat_writes_text_and_ann_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(
        &[
            "extract",
            "gold/texts",
            "--format",
            "brat",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        b"",
    );
    assert_code(&o, 0);
    assert!(dir.path().join("annotation.conf").exists());
    for f in seed_files() {
        let stem = f.file_stem().unwrap().to_str().unwrap();
        let text = fs::read_to_string(dir.path().join(format!("{stem}.txt"))).unwrap();
        assert_eq!(text, fs::read_to_string(&f).unwrap());
        let ann = fs::read_to_string(dir.path().join(format!("{stem}.ann"))).unwrap();
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let mut parts = cols[1].split(' ');
            parts.next();
            let s: usize = parts.next().unwrap().parse().unwrap();
            let e: usize = parts
                .next()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(slice(&text, s, e), cols[2], "{line}");
        }
    }
}

#[test]
fn extract_gold_is_a_valid_gold_set_that_eval_scores() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred");
    let o = run(
        &[
            "extract",
            "gold/texts",
            "--format",
            "gold",
            "--out",
            pred.to_str().unwrap(),
        ],
        b"",
    );
    assert_code(&o, 0);
    for f in [
        "documents.csv",
        "zones.csv",
        "entities.csv",
        "relations.csv",
    ] {
        assert!(pred.join(f).exists(), "{f}");
    }
    for f in seed_files() {
        let name = f.file_name().unwrap();
        assert_eq!(
            fs::read(pred.join("texts").join(name)).unwrap(),
            fs::read(&f).unwrap()
        );
    }
    assert_code(&run(&["gold", "check", pred.to_str().unwrap()], b""), 0);
    let html = dir.path().join("report.html");
    let o = run(
        &[
            "eval",
            "--gold",
            "gold",
            "--pred",
            pred.to_str().unwrap(),
            "--format",
            "json",
            "--html",
            html.to_str().unwrap(),
        ],
        b"",
    );
    assert_code(&o, 0);
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    assert!(v["entities"].is_object(), "{v}");
    assert!(!fs::read_to_string(&html).unwrap().is_empty());
    let o = run(
        &[
            "eval",
            "--gold",
            "gold",
            "--pred",
            pred.to_str().unwrap(),
            "--format",
            "markdown",
        ],
        b"",
    );
    assert_code(&o, 0);
    assert!(out(&o).contains('|'));
}

#[test]
fn brat_and_gold_need_an_out_dir() {
    for f in ["brat", "gold"] {
        let o = run(&["extract", "gold/texts", "--format", f], b"");
        assert_code(&o, 2);
        assert!(err(&o).contains("--out"), "{}", err(&o));
    }
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let base = ["extract", "gold/texts", "gold/texts", "--format", "jsonl"];
    let one = run(&[&base[..], &["--threads", "1"]].concat(), b"");
    let two = run(
        &[&base[..], &["--threads", "2", "--chunk-size", "1"]].concat(),
        b"",
    );
    assert_code(&one, 0);
    assert_eq!(out(&one), out(&two));
    assert_eq!(out(&one).lines().count(), 2 * seed_files().len());
    let d1 = tempfile::tempdir().unwrap();
    let d2 = tempfile::tempdir().unwrap();
    for (d, t) in [(&d1, "1"), (&d2, "2")] {
        let o = run(
            &[
                "extract",
                "gold/texts",
                "--format",
                "gold",
                "--out",
                d.path().to_str().unwrap(),
                "-j",
                t,
                "--chunk-size",
                "2",
            ],
            b"",
        );
        assert_code(&o, 0);
    }
    assert_eq!(tree(d1.path()), tree(d2.path()));
}

#[test]
fn extract_reads_stdin_as_text_or_json_lines() {
    let text = fs::read(&seed_files()[0]).unwrap();
    let o = run(&["extract", "-"], &text);
    assert_code(&o, 0);
    let v: Value = serde_json::from_str(out(&o).trim()).unwrap();
    assert_eq!(v["id"], "stdin");
    let o = run(
        &["extract", "--with-text"],
        b"{\"id\":\"x\",\"text\":\"\\u0632\\u0627\\u0631 \\u0628\\u0627\\u0631\\u064a\\u0633\"}\n",
    );
    assert_code(&o, 0);
    let v: Value = serde_json::from_str(out(&o).trim()).unwrap();
    assert_eq!(
        (v["id"].as_str(), v["text"].as_str()),
        (Some("x"), Some("زار باريس"))
    );
}

#[test]
fn a_bad_record_is_reported_with_its_line_and_the_batch_goes_on() {
    let o = run(&["extract", "tests/fixtures/inputs/broken.jsonl"], b"");
    assert_code(&o, 1);
    assert!(
        err(&o).contains("tests/fixtures/inputs/broken.jsonl:2:"),
        "{}",
        err(&o)
    );
    assert!(
        err(&o).contains("tests/fixtures/inputs/broken.jsonl:4:"),
        "{}",
        err(&o)
    );
    let ids: Vec<String> = out(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["a", "c"]);
}

#[test]
fn a_missing_file_fails_the_run_but_not_the_others() {
    let o = run(&["extract", "no/such/file.txt", "gold/texts"], b"");
    assert_code(&o, 1);
    assert!(err(&o).contains("no/such/file.txt"), "{}", err(&o));
    assert_eq!(out(&o).lines().count(), seed_files().len());
}

#[test]
fn empty_documents_are_warned_about_and_strict_fails_on_them() {
    let input = b"{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"b\",\"text\":\"\\u0646\\u0635\"}\n";
    let o = run(&["extract", "-"], input);
    assert_code(&o, 0);
    assert!(err(&o).contains("empty document"), "{}", err(&o));
    assert_eq!(out(&o).lines().count(), 1);
    assert_code(&run(&["extract", "--strict", "-"], input), 1);
    let o = run(&["extract", "--quiet", "-"], input);
    assert_eq!(err(&o), "");
}

#[test]
fn normalize_streams_lines_and_keeps_line_ends() {
    let o = run(
        &["normalize", "--preset", "search"],
        "السيد فريديريك ڤـــو\r\nأحمد\n".as_bytes(),
    );
    assert_code(&o, 0);
    assert_eq!(out(&o), "السيد فريديريك فو\r\nاحمد\n");
    let o = run(
        &["normalize", "--preset", "clean"],
        "حمـــوشي\u{200F}".as_bytes(),
    );
    assert_eq!(out(&o), "حموشي");
}

#[test]
fn normalize_names_the_byte_offset_of_invalid_utf8() {
    let o = run(&["normalize"], b"ok\nab\xFFc\n");
    assert_code(&o, 1);
    assert!(
        err(&o).contains("<stdin>:2: invalid UTF-8 at byte offset 5"),
        "{}",
        err(&o)
    );
    assert_eq!(out(&o), "ok\n");
    let o = run(&["normalize", "--lossy"], b"ab\xFFc\n");
    assert_code(&o, 0);
    assert_eq!(out(&o), "ab\u{FFFD}c\n");
    assert!(err(&o).contains("warning"), "{}", err(&o));
}

#[test]
fn tokenize_text_and_jsonl() {
    let input = "زار حموشي باريس يوم 24 يونيو.\nhttps://x.ma/a\n";
    let o = run(&["tokenize"], input.as_bytes());
    assert_code(&o, 0);
    assert_eq!(out(&o), "زار حموشي باريس يوم 24 يونيو .\nhttps://x.ma/a\n");
    let o = run(&["tokenize", "--format", "jsonl"], input.as_bytes());
    let lines: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for line in &lines {
        for t in line["tokens"].as_array().unwrap() {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(slice(input, s, e), t["text"].as_str().unwrap());
        }
    }
    assert_eq!(lines[1]["tokens"][0]["kind"], "url");
}

#[test]
fn load_prints_documents_with_text_meta_and_zones() {
    let o = run(&["load", "gold/texts"], b"");
    assert_code(&o, 0);
    for line in out(&o).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let text = seed_text(v["id"].as_str().unwrap());
        assert_eq!(v["text"].as_str().unwrap(), text);
        assert!(!v["zones"].as_array().unwrap().is_empty());
    }
    let o = run(&["load", "gold/texts", "--format", "csv"], b"");
    assert_code(&o, 0);
    assert_eq!(out(&o).lines().count(), seed_files().len() + 1);
}

#[test]
fn load_reads_gzip_csv_and_other_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(&seed_files()[1]).unwrap();
    let mut w = csv::Writer::from_path(dir.path().join("in.csv")).unwrap();
    w.write_record(["id", "text"]).unwrap();
    w.write_record(["r1", &text]).unwrap();
    w.flush().unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("u16.txt"), utf16).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(
        &mut gz,
        format!("{}\n", serde_json::json!({"id": "g1", "text": text})).as_bytes(),
    )
    .unwrap();
    fs::write(dir.path().join("in.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let o = run(&["load", dir.path().to_str().unwrap()], b"");
    assert_code(&o, 0);
    let docs: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 3);
    for d in &docs {
        assert_eq!(d["text"].as_str().unwrap(), text, "{}", d["id"]);
    }
}

#[test]
fn tag_writes_token_tag_lines_and_keeps_blank_lines() {
    let train = "محمد B-PERS\nقال O\nفي O\nالرباط B-LOC\n\nزار O\nكريم B-PERS\nباريس B-LOC\n\n";
    let data = akhbar_tagger::read_conll(train.as_bytes()).unwrap();
    let opts = akhbar_tagger::TrainOptions {
        epochs: 3,
        ..akhbar_tagger::TrainOptions::default()
    };
    let model = akhbar_tagger::train(&data, &[], &opts, |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.akm");
    fs::write(&path, model.to_bytes()).unwrap();
    let o = run(
        &["tag", "--model", path.to_str().unwrap()],
        "قال\tX\nمحمد\n\n\nفي\nالرباط\n".as_bytes(),
    );
    assert_code(&o, 0);
    let lines: Vec<String> = out(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 6);
    assert_eq!((lines[2].as_str(), lines[3].as_str()), ("", ""));
    assert!(lines[0].starts_with("قال ") && lines[5].starts_with("الرباط "));
    let o = run(&["tag", "--model", path.to_str().unwrap()], b"ok\n\xFF\n");
    assert_code(&o, 1);
    assert!(err(&o).contains("<stdin>:2:"), "{}", err(&o));
}

#[test]
fn dedup_finds_copies_across_inputs() {
    let o = run(
        &[
            "dedup",
            "gold/texts",
            "gold/texts",
            "--format",
            "jsonl",
            "--quiet",
        ],
        b"",
    );
    assert_code(&o, 0);
    let clusters: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(clusters.len(), seed_files().len());
    for c in &clusters {
        assert_eq!(c["members"].as_array().unwrap().len(), 2);
        assert_eq!(c["exact"], true);
    }
    let o = run(&["dedup", "gold/texts"], b"");
    assert_code(&o, 0);
    assert_eq!(out(&o), "");
}

#[test]
fn stats_counts_the_corpus() {
    let o = run(&["stats", "gold/texts", "--format", "json"], b"");
    assert_code(&o, 0);
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["documents"], seed_files().len());
    assert!(v["tokens"].as_u64().unwrap() > 1000);
    assert!(v["zone_lines"]["body"].as_u64().unwrap() > 0);
    let o = run(&["stats", "gold/texts"], b"");
    assert!(out(&o).starts_with("documents    5\n"), "{}", out(&o));
}

#[test]
fn gold_check_reports_problems_with_file_and_row() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "documents.csv",
        "zones.csv",
        "entities.csv",
        "relations.csv",
    ] {
        fs::copy(root().join("gold").join(f), dir.path().join(f)).unwrap();
    }
    fs::create_dir(dir.path().join("texts")).unwrap();
    for f in seed_files() {
        fs::copy(&f, dir.path().join("texts").join(f.file_name().unwrap())).unwrap();
    }
    assert_code(
        &run(&["gold", "check", dir.path().to_str().unwrap()], b""),
        0,
    );
    let ents = fs::read_to_string(dir.path().join("entities.csv")).unwrap();
    let mut lines: Vec<&str> = ents.lines().collect();
    let broken = lines[1]
        .replacen(",T", ",X", 1)
        .replace(",PER,", ",PERSON,")
        .replace(",LOC,", ",PERSON,");
    lines[1] = &broken;
    fs::write(dir.path().join("entities.csv"), lines.join("\n") + "\n").unwrap();
    let o = run(&["gold", "check", dir.path().to_str().unwrap()], b"");
    assert_code(&o, 1);
    assert!(err(&o).contains("entities.csv:2"), "{}", err(&o));
}

#[test]
fn every_command_has_help_with_examples() {
    for cmd in [
        "extract",
        "normalize",
        "tokenize",
        "load",
        "tag",
        "dedup",
        "eval",
        "stats",
        "gold",
        "completions",
    ] {
        let o = run(&[cmd, "--help"], b"");
        assert_code(&o, 0);
        assert!(out(&o).contains("Examples:"), "{cmd}");
    }
    let o = run(&["--help"], b"");
    assert!(out(&o).contains("Exit codes:"));
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell], b"");
        assert_code(&o, 0);
        assert!(out(&o).contains("extract"), "{shell}");
    }
}

#[test]
fn unknown_options_are_usage_errors() {
    assert_code(&run(&["extract", "--format", "xml"], b""), 2);
    assert_code(&run(&["frobnicate"], b""), 2);
    assert_code(&run(&["dedup", "--threshold", "3"], b""), 2);
}

#[test]
fn extract_without_relations_keeps_the_mentions() {
    let with = run(&["extract", "gold/texts"], b"");
    let without = run(&["extract", "gold/texts", "--no-relations"], b"");
    assert_code(&without, 0);
    for (a, b) in out(&with).lines().zip(out(&without).lines()) {
        let (a, b): (Value, Value) = (
            serde_json::from_str(a).unwrap(),
            serde_json::from_str(b).unwrap(),
        );
        assert_eq!(a["mentions"], b["mentions"]);
        assert_eq!(b["relations"], serde_json::json!([]));
    }
}
