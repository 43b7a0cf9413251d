//! Runs the extractor on a gold set's texts with its zones and prints the
//! mentions and relations as tab-separated lines (code-point offsets), for
//! quick comparisons while developing. Usage: `dump_gold GOLD_DIR`.

use akhbar_core::{ByteSpan, CharIndex, CharSpan, Document, Zone, ZoneRange};
use akhbar_extract::{Extractor, ExtractorConfig};
use std::collections::BTreeMap;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "gold".to_string());
    let zones = std::fs::read_to_string(format!("{dir}/zones.csv")).unwrap_or_default();
    let docs_csv = std::fs::read_to_string(format!("{dir}/documents.csv")).unwrap_or_default();
    let mut published: BTreeMap<String, String> = BTreeMap::new();
    for l in docs_csv.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        if f.len() > 4 && !f[4].is_empty() {
            published.insert(f[0].to_string(), f[4].to_string());
        }
    }
    let mut by_doc: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for l in zones.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        if f.len() == 4 {
            by_doc.entry(f[0].to_string()).or_default().push((
                f[1].parse().unwrap_or(0),
                f[2].parse().unwrap_or(0),
                f[3].to_string(),
            ));
        }
    }
    let ex = Extractor::new(ExtractorConfig::default());
    let mut docs = Vec::new();
    for (id, zs) in by_doc {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/texts/{id}.txt")) else {
            continue;
        };
        let idx = CharIndex::new(&text);
        let mut doc = Document::new(id.clone(), text.clone());
        doc.meta.published = published.get(&id).cloned();
        for (s, e, z) in zs {
            let Ok(span) = idx.to_bytes(CharSpan::new(s, e)) else {
                continue;
            };
            let zone: Zone = z.parse().unwrap_or(Zone::Boilerplate);
            doc.zones.push(ZoneRange {
                span: ByteSpan::new(span.start, span.end),
                zone,
            });
        }
        docs.push(doc);
    }
    let anns = ex.extract_batch(&docs);
    for (doc, ann) in docs.iter().zip(&anns) {
        let id = &doc.id;
        let idx = CharIndex::new(&doc.text);
        for (i, m) in ann.mentions.iter().enumerate() {
            let c = idx.to_chars(m.span);
            println!(
                "M\t{id}\tP{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                m.entity_type,
                c.start,
                c.end,
                m.text,
                m.canonical,
                m.value
            );
        }
        for r in &ann.relations {
            println!("R\t{id}\t{}\tP{}\tP{}", r.kind, r.head + 1, r.tail + 1);
        }
    }
}
