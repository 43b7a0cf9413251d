//! Prints the near-duplicate clusters of the documents under the given
//! paths: `cargo run -p akhbar-load --example dedup -- PATH…`.

use akhbar_load::{DedupOptions, Deduper, LoadOptions, Loader};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut loader = Loader::new(args, LoadOptions::default());
    let mut dedup = Deduper::new(DedupOptions::default());
    for doc in loader.by_ref().flatten() {
        dedup.add(&doc);
    }
    for c in dedup.clusters() {
        println!(
            "{:.4}\t{}\t{}",
            c.similarity,
            if c.exact { "exact" } else { "near" },
            c.members.join(" ")
        );
    }
    eprintln!("{}", loader.summary());
}
