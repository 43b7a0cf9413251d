//! Broken inputs never panic the binary; a bad document is reported and
//! skipped. The inputs the fuzzers kept (`tests/fixtures/fuzz/<target>/`)
//! are replayed through the fuzz targets' bodies.

use crate::util::*;
use std::fs;

fn no_panic(o: &std::process::Output) {
    assert!(!err(o).contains("panicked"), "{}", err(o));
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        o.status.code(),
        err(o)
    );
}

/// Bytes that look like nothing in particular: a fixed-seed xorshift.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn broken_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("noise.txt"), noise(4000, 7)).unwrap();
    fs::write(d.join("noise.jsonl"), noise(4000, 8)).unwrap();
    fs::write(d.join("noise.csv"), noise(4000, 9)).unwrap();
    fs::write(
        d.join("noise.json"),
        b"[{\"text\": \"\xD8\xA7\"}, 3, {\"text\":",
    )
    .unwrap();
    fs::write(
        d.join("truncated.jsonl.gz"),
        [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2],
    )
    .unwrap();
    fs::write(d.join("empty.txt"), b"").unwrap();
    fs::write(d.join("quote.csv"), b"id,text\n1,\"unterminated\n").unwrap();
    fs::copy(&seed_files()[0], d.join("good.txt")).unwrap();
    for format in ["jsonl", "csv", "conll"] {
        let o = run(&["extract", d.to_str().unwrap(), "--format", format], b"");
        no_panic(&o);
        assert!(
            out(&o).contains("حموشي"),
            "{format}: the good file is still there"
        );
    }
    let o = run(
        &[
            "extract",
            d.to_str().unwrap(),
            "--format",
            "gold",
            "--out",
            d.join("gold").to_str().unwrap(),
        ],
        b"",
    );
    no_panic(&o);
    no_panic(&run(&["load", d.to_str().unwrap()], b""));
    no_panic(&run(&["stats", d.to_str().unwrap()], b""));
    no_panic(&run(&["dedup", d.to_str().unwrap()], b""));
}

#[test]
fn noise_on_stdin_never_panics_any_command() {
    for seed in 1..4 {
        let bytes = noise(3000, seed);
        for args in [
            &["extract", "-"][..],
            &["load", "-"],
            &["normalize"],
            &["normalize", "--lossy"],
            &["tokenize"],
            &["tokenize", "--lossy", "--format", "jsonl"],
            &["stats", "-"],
        ] {
            no_panic(&run(args, &bytes));
        }
    }
}

#[test]
fn fuzz_corpus_inputs_replay_without_panic() {
    type Body = fn(&[u8]);
    let targets: [(&str, Body); 4] = [
        ("loader", akhbar::fuzz_loader),
        ("normalizer", akhbar::fuzz_normalizer),
        ("tokenizer", akhbar::fuzz_tokenizer),
        ("extractor", akhbar::fuzz_extractor),
    ];
    let mut replayed = 0;
    for (name, body) in targets {
        let dir = fixture("fuzz").join(name);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let data = fs::read(&f).unwrap();
            // Every body must accept every kept input, whatever target found it.
            body(&data);
            akhbar::fuzz_extractor(&data);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no fuzz input under tests/fixtures/fuzz");
}

/// Optional: real corpora named in `AKHBAR_CORPORA` (paths separated by
/// `:`, e.g. `../shared/corpora/saudinewsnet`) load and extract without a
/// panic, and every document read is written. Skipped without the
/// variable.
#[test]
fn real_corpora_from_env_are_extracted_without_loss() {
    let Ok(paths) = std::env::var("AKHBAR_CORPORA") else {
        eprintln!("AKHBAR_CORPORA not set: skipped");
        return;
    };
    for path in paths.split(':').filter(|p| !p.is_empty()) {
        let o = run(&["--verbose", "extract", path], b"");
        no_panic(&o);
        let read: usize = err(&o)
            .lines()
            .find_map(|l| l.strip_prefix("akhbar: load: read "))
            .and_then(|l| l.split(',').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{path}: no load summary in {}", err(&o)));
        assert_eq!(out(&o).lines().count(), read, "{path}: documents lost");
    }
}
