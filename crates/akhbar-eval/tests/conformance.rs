//! Conformance with nervaluate 1.2.1: every number of every case of
//! `tests/data/nervaluate.jsonl` (provenance in `tests/data/README.md`).

use akhbar_core::EntityType;
use akhbar_eval::{Counts, EntityCounts, Scheme, Span};
use serde_json::Value;

const CASES: &str = include_str!("data/nervaluate.jsonl");

fn spans(v: &Value) -> Vec<Span> {
    v.as_array()
        .expect("span list")
        .iter()
        .map(|s| {
            Span::new(
                s["type"]
                    .as_str()
                    .expect("type")
                    .parse::<EntityType>()
                    .expect("known type"),
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            )
        })
        .collect()
}

/// Compares one record; returns the mismatches.
fn compare(case: &str, what: &str, got: &Counts, want: &Value) -> Vec<String> {
    let sc = got.scores();
    let ints = [
        ("correct", sc.correct),
        ("incorrect", sc.incorrect),
        ("partial", sc.partial),
        ("missed", sc.missed),
        ("spurious", sc.spurious),
        ("possible", sc.possible),
        ("actual", sc.actual),
    ];
    let floats = [
        ("precision", sc.precision),
        ("recall", sc.recall),
        ("f1", sc.f1),
    ];
    let mut bad = Vec::new();
    for (k, v) in ints {
        if want[k].as_u64() != Some(v as u64) {
            bad.push(format!("{case} {what} {k}: want {}, got {v}", want[k]));
        }
    }
    for (k, v) in floats {
        // Python writes the 0/0 guard as the integer 0; read both as f64.
        let w = want[k].as_f64();
        if w != Some(v) {
            bad.push(format!("{case} {what} {k}: want {}, got {v:?}", want[k]));
        }
    }
    bad
}

fn scheme_key(s: Scheme) -> &'static str {
    match s {
        Scheme::Strict => "strict",
        Scheme::Exact => "exact",
        Scheme::Partial => "partial",
        Scheme::Type => "ent_type",
    }
}

#[test]
fn reproduces_every_nervaluate_case_exactly() {
    let mut cases = 0;
    let mut records = 0;
    let mut omitted_checked = 0;
    let mut bad = Vec::new();
    for line in CASES.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("valid JSON line");
        let id = case["id"].as_str().expect("id");
        let mut counts = EntityCounts::default();
        for d in case["docs"].as_array().expect("docs") {
            counts.add_document(&spans(&d["gold"]), &spans(&d["pred"]));
        }
        let exp = &case["expected"];
        for (s, scheme) in Scheme::ALL.into_iter().enumerate() {
            let k = scheme_key(scheme);
            bad.extend(compare(
                id,
                &format!("overall.{k}"),
                &counts.overall[s],
                &exp["overall"][k],
            ));
            records += 1;
        }
        let omitted: Vec<&str> = exp["omitted_tags"]
            .as_array()
            .expect("omitted_tags")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for tag in case["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .filter_map(Value::as_str)
        {
            let t = EntityType::ALL
                .iter()
                .position(|x| x.as_str() == tag)
                .expect("known tag");
            for (s, scheme) in Scheme::ALL.into_iter().enumerate() {
                let k = scheme_key(scheme);
                let want = &exp["per_type"][tag][k];
                assert!(
                    want.is_object(),
                    "{id}: per_type.{tag}.{k} missing from the data"
                );
                bad.extend(compare(
                    id,
                    &format!("per_type.{tag}.{k}"),
                    &counts.per_type[t][s],
                    want,
                ));
                records += 1;
            }
            if omitted.contains(&tag) {
                assert_eq!(
                    counts.per_type[t],
                    [Counts::default(); 4],
                    "{id}: omitted tag {tag}"
                );
                omitted_checked += 1;
            }
        }
        cases += 1;
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(cases, 300);
    assert!(records > 300 * 4 * 2, "{records} records");
    assert!(omitted_checked > 0);
}
