//! Prints the zones and metadata of every document under the given paths:
//! `cargo run -p akhbar-load --example inspect -- PATH… [--limit N]`.

use akhbar_load::{LoadOptions, Loader};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut limit = usize::MAX;
    if let Some(i) = args.iter().position(|a| a == "--limit") {
        limit = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(limit);
        args.drain(i..(i + 2).min(args.len()));
    }
    let mut loader = Loader::new(args, LoadOptions::default());
    for item in loader.by_ref().take(limit) {
        match item {
            Ok(doc) => {
                println!(
                    "=== {} ({}) title={:?} published={:?} source={:?}",
                    doc.id, doc.origin, doc.meta.title, doc.meta.published, doc.meta.source
                );
                for z in &doc.zones {
                    let line: String = doc.text[z.span.range()].chars().take(70).collect();
                    println!("{:<11} | {line}", z.zone.as_str());
                }
            }
            Err(p) => println!("!!! {p}"),
        }
    }
    println!("{}", loader.summary());
}
