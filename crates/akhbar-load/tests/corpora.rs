//! Real corpora (optional): `AKHBAR_CORPORA=/path/to/corpora cargo test -p
//! akhbar-load --test tests corpora -- --nocapture` loads every file under
//! the path, checks the invariants on each document and prints the zone
//! counts and a sample of non-body lines for reading. Skips without it.

use akhbar_core::Zone;
use akhbar_load::{DedupOptions, Deduper, LoadOptions, Loader};
use std::collections::BTreeMap;

#[test]
fn real_corpora_load_and_zone_cleanly() {
    let Ok(root) = std::env::var("AKHBAR_CORPORA") else {
        return;
    };
    let mut loader = Loader::new([root.as_str()], LoadOptions::default());
    let mut zones: BTreeMap<Zone, usize> = BTreeMap::new();
    let mut samples: BTreeMap<Zone, Vec<String>> = BTreeMap::new();
    let mut dedup = Deduper::new(DedupOptions::default());
    let mut published = 0usize;
    for doc in loader.by_ref().flatten() {
        let mut last_end = 0;
        for z in &doc.zones {
            assert!(
                z.span.start >= last_end,
                "{}: zones overlap or are unsorted",
                doc.origin
            );
            let line = &doc.text[z.span.range()];
            assert!(
                !line.trim().is_empty() && !line.contains('\n') && !line.ends_with('\r'),
                "{}",
                doc.origin
            );
            last_end = z.span.end;
            *zones.entry(z.zone).or_default() += 1;
            let list = samples.entry(z.zone).or_default();
            if z.zone != Zone::Body && list.len() < 40 {
                list.push(format!(
                    "{}: {}",
                    doc.id,
                    line.chars().take(70).collect::<String>()
                ));
            }
        }
        published += usize::from(doc.meta.published.is_some());
        dedup.add(&doc);
    }
    let s = loader.summary();
    eprintln!("{s}");
    eprintln!("documents with a published date: {published}");
    eprintln!("zones (lines): {zones:?}");
    for (zone, list) in &samples {
        eprintln!("-- {zone}");
        for l in list {
            eprintln!("   {l}");
        }
    }
    let clusters = dedup.clusters();
    let exact = clusters.iter().filter(|c| c.exact).count();
    let copies: usize = clusters.iter().map(|c| c.members.len() - 1).sum();
    eprintln!(
        "dedup: {} clusters ({exact} exact), {copies} redundant documents",
        clusters.len()
    );
    for c in clusters.iter().filter(|c| !c.exact).take(20) {
        eprintln!("   {:.3} {:?}", c.similarity, c.members);
    }
}
