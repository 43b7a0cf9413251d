//! Throughput of `Extractor::extract` on one core, in MB/s of document text.
//!
//! The corpus is built at run time from the seed texts of `gold/texts/`
//! (repeated until it holds at least `AKHBAR_BENCH_MB` megabytes, 50 by
//! default), each document zoned with `gold/zones.csv`. Run with
//! `cargo bench -p akhbar-extract --bench extract`.

use akhbar_core::{ByteSpan, CharIndex, CharSpan, Document, Zone, ZoneRange};
use akhbar_extract::{Extractor, ExtractorConfig};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

fn gold_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../gold")
}

fn load_seeds() -> Vec<Document> {
    let dir = gold_dir();
    let zones = std::fs::read_to_string(dir.join("zones.csv")).unwrap_or_default();
    let mut by_doc: BTreeMap<String, Vec<(usize, usize, Zone)>> = BTreeMap::new();
    for l in zones.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        if let [doc, s, e, z] = f.as_slice() {
            if let (Ok(s), Ok(e), Ok(z)) = (s.parse(), e.parse(), z.parse::<Zone>()) {
                by_doc
                    .entry((*doc).to_string())
                    .or_default()
                    .push((s, e, z));
            }
        }
    }
    let mut docs = Vec::new();
    for (id, zs) in by_doc {
        let Ok(text) = std::fs::read_to_string(dir.join("texts").join(format!("{id}.txt"))) else {
            continue;
        };
        let idx = CharIndex::new(&text);
        let mut doc = Document::new(id, text);
        for (s, e, zone) in zs {
            if let Ok(b) = idx.to_bytes(CharSpan::new(s, e)) {
                doc.zones.push(ZoneRange {
                    span: ByteSpan::new(b.start, b.end),
                    zone,
                });
            }
        }
        docs.push(doc);
    }
    docs
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), to report
/// throughput per core even when other processes share the machine.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let seeds = load_seeds();
    if seeds.is_empty() {
        eprintln!("no seed texts under {}: skipped", gold_dir().display());
        return;
    }
    let target_mb: usize = std::env::var("AKHBAR_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let target = target_mb * 1_000_000;
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for d in &seeds {
            bytes += d.text.len();
            corpus.push(d.clone());
        }
    }
    let t0 = Instant::now();
    let ex = Extractor::new(ExtractorConfig::default());
    let build = t0.elapsed();
    println!("lexicons: {:?}", ex.lexicon_stats());
    let t1 = Instant::now();
    let cpu0 = thread_cpu_ns();
    let mut mentions = 0usize;
    for d in &corpus {
        mentions += ex.extract(d).mentions.len();
    }
    let secs = t1.elapsed().as_secs_f64();
    if let (Some(a), Some(b)) = (cpu0, thread_cpu_ns()) {
        let cpu = (b.saturating_sub(a)) as f64 / 1e9;
        println!(
            "extract: {:.2} s on CPU, {:.1} MB/s per core of CPU time",
            cpu,
            bytes as f64 / 1e6 / cpu
        );
    }
    println!(
        "extract: {} docs, {:.1} MB, {} mentions, {:.2} s, {:.1} MB/s per core (extractor built in {:.0} ms)",
        corpus.len(),
        bytes as f64 / 1e6,
        mentions,
        secs,
        bytes as f64 / 1e6 / secs,
        build.as_secs_f64() * 1e3
    );
}
