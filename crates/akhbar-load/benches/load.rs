//! Throughput of loading + zoning: a JSON Lines corpus of at least 50 MB
//! built in memory from the seed texts of `gold/texts` (repeated, each line
//! with its own id), read with one core.
//!
//! `cargo bench -p akhbar-load --bench load`

use akhbar_load::{LoadOptions, Loader};
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The corpus: the seed texts as JSONL lines, repeated to at least 50 MB.
fn corpus() -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../gold/texts");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(!texts.is_empty(), "gold/texts is missing");
    let mut out = Vec::with_capacity(52 << 20);
    let mut n = 0usize;
    while out.len() < 50 << 20 {
        for t in &texts {
            let line = serde_json::json!({ "id": format!("d{n}"), "text": t }).to_string();
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
            n += 1;
        }
    }
    out
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn load_and_zone_50mb(bencher: divan::Bencher) {
    let data = corpus();
    bencher.counter(BytesCount::new(data.len())).bench(|| {
        let mut loader = Loader::from_bytes("corpus.jsonl", data.clone(), LoadOptions::default());
        let n = loader.by_ref().filter(Result::is_ok).count();
        assert_eq!(n, loader.summary().read);
        n
    });
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn load_only_50mb(bencher: divan::Bencher) {
    let data = corpus();
    bencher.counter(BytesCount::new(data.len())).bench(|| {
        let opts = LoadOptions {
            prepare: false,
            ..LoadOptions::default()
        };
        Loader::from_bytes("corpus.jsonl", data.clone(), opts)
            .filter(Result::is_ok)
            .count()
    });
}
