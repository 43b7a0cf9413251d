//! Outputs on the seed texts, as readable text one item per line. They
//! change whenever zoning or extraction changes: review with
//! `cargo insta review` (or `cargo insta test --accept -p akhbar`) and
//! commit the snapshots with the change that moved them.

use crate::util::*;
use serde_json::Value;

/// One readable line per zone (with the start of its text), mention and
/// relation of a JSON Lines record.
fn readable(doc: &Value, text: &str) -> String {
    let mut out = String::new();
    let meta = &doc["meta"];
    for key in ["title", "published", "source"] {
        out.push_str(&format!("{key}: {}\n", meta[key].as_str().unwrap_or("-")));
    }
    for z in doc["zones"].as_array().unwrap() {
        let (s, e) = (
            z["start"].as_u64().unwrap() as usize,
            z["end"].as_u64().unwrap() as usize,
        );
        let excerpt: String = slice(text, s, e).chars().take(40).collect();
        out.push_str(&format!(
            "zone {s}..{e} {} | {excerpt}\n",
            z["zone"].as_str().unwrap()
        ));
    }
    for m in doc["mentions"].as_array().unwrap() {
        out.push_str(&format!(
            "{} {}..{} {} {} -> {} [{}]\n",
            m["id"].as_str().unwrap(),
            m["start"],
            m["end"],
            m["type"].as_str().unwrap(),
            m["text"].as_str().unwrap(),
            m["canonical"].as_str().unwrap(),
            m["value"].as_str().unwrap()
        ));
    }
    for r in doc["relations"].as_array().unwrap() {
        out.push_str(&format!(
            "{} {} {}\n",
            r["type"].as_str().unwrap(),
            r["head"].as_str().unwrap(),
            r["tail"].as_str().unwrap()
        ));
    }
    out
}

#[test]
fn extract_on_each_seed() {
    let o = run(&["extract", "gold/texts"], b"");
    assert_code(&o, 0);
    let records: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (path, doc) in seed_files().iter().zip(&records) {
        let text = std::fs::read_to_string(path).unwrap();
        let name = format!("extract_{}", path.file_stem().unwrap().to_str().unwrap());
        insta::with_settings!({ input_file => path, omit_expression => true }, {
            insta::assert_snapshot!(name, readable(doc, &text));
        });
    }
}

#[test]
fn stats_on_the_seeds() {
    let o = run(&["stats", "gold/texts"], b"");
    assert_code(&o, 0);
    insta::with_settings!({ omit_expression => true }, {
        insta::assert_snapshot!("stats_seeds", out(&o));
    });
}

#[test]
fn conll_of_the_first_seed() {
    let first = seed_files()[0].clone();
    let o = run(
        &["extract", first.to_str().unwrap(), "--format", "conll"],
        b"",
    );
    assert_code(&o, 0);
    // Tagged tokens only: the full token list is long and mostly `O`.
    let tagged: String = out(&o)
        .lines()
        .filter(|l| !l.ends_with(" O") && !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    insta::with_settings!({ input_file => &first, omit_expression => true }, {
        insta::assert_snapshot!("conll_first_seed_tagged", tagged);
    });
}
