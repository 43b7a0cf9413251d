//! Throughput of each preset (with and without alignment), the streaming
//! API and the tokenizer, on a ≥ 50 MB input built at run time by repeating
//! the seed texts of `gold/texts/`.
//!
//! Run with `cargo bench -p akhbar-normalize`; divan prints bytes per second.

use akhbar_normalize::{Normalizer, Preset, Utf8Policy, tokens};
use divan::Bencher;
use divan::counter::BytesCount;
use std::path::PathBuf;
use std::sync::LazyLock;

const TARGET_BYTES: usize = 50 * 1024 * 1024;

static INPUT: LazyLock<String> = LazyLock::new(|| {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../gold/texts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let seed: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!seed.is_empty(), "no seed texts in {}", dir.display());
    let mut s = String::with_capacity(TARGET_BYTES + seed.len());
    while s.len() < TARGET_BYTES {
        s.push_str(&seed);
        s.push('\n');
    }
    s
});

fn main() {
    eprintln!("input: {:.1} MB", INPUT.len() as f64 / 1e6);
    divan::main();
    cpu_time_report();
}

/// Time this thread spent on a CPU, in nanoseconds (Linux), so that the
/// figures hold on a machine shared with other work.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// MB per CPU-second for each case (best of three runs).
fn cpu_time_report() {
    if cpu_ns().is_none() {
        return;
    }
    let text = INPUT.as_str();
    let mb = text.len() as f64 / 1e6;
    let mut cases: Vec<(String, Box<dyn Fn()>)> = Vec::new();
    for p in Preset::ALL {
        let n = Normalizer::preset(p);
        cases.push((
            format!("normalize {p}"),
            Box::new(move || drop(divan::black_box(n.normalize(text)))),
        ));
        cases.push((
            format!("normalize_aligned {p}"),
            Box::new(move || drop(divan::black_box(n.normalize_aligned(text)))),
        ));
    }
    cases.push((
        "tokenize".to_owned(),
        Box::new(move || {
            divan::black_box(tokens(text).count());
        }),
    ));
    println!("\nthroughput per CPU-second (thread CPU time, best of 3):");
    for (name, f) in &cases {
        let best = (0..3)
            .filter_map(|_| {
                let a = cpu_ns()?;
                f();
                let b = cpu_ns()?;
                Some(b.saturating_sub(a))
            })
            .min()
            .unwrap_or(0);
        if best > 0 {
            println!("{name:<28} {:>8.1} MB/s", mb / (best as f64 / 1e9));
        }
    }
}

fn preset(name: &str) -> Preset {
    name.parse().unwrap_or(Preset::Search)
}

#[divan::bench(args = ["compare", "search", "clean"], sample_count = 10, sample_size = 1)]
fn normalize(b: Bencher, name: &str) {
    let n = Normalizer::preset(preset(name));
    let text = INPUT.as_str();
    b.counter(BytesCount::of_str(text))
        .bench(|| n.normalize(divan::black_box(text)));
}

#[divan::bench(args = ["compare", "search", "clean"], sample_count = 10, sample_size = 1)]
fn normalize_aligned(b: Bencher, name: &str) {
    let n = Normalizer::preset(preset(name));
    let text = INPUT.as_str();
    b.counter(BytesCount::of_str(text))
        .bench(|| n.normalize_aligned(divan::black_box(text)));
}

#[divan::bench(args = ["compare", "search"], sample_count = 10, sample_size = 1)]
fn normalize_stream(b: Bencher, name: &str) {
    let n = Normalizer::preset(preset(name));
    let text = INPUT.as_str();
    b.counter(BytesCount::of_str(text)).bench(|| {
        n.normalize_stream(
            divan::black_box(text.as_bytes()),
            std::io::sink(),
            Utf8Policy::Strict,
        )
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn tokenize(b: Bencher) {
    let text = INPUT.as_str();
    b.counter(BytesCount::of_str(text))
        .bench(|| tokens(divan::black_box(text)).count());
}
