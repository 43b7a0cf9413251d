//! Runs the extractor on plain text files (each file one document, every
//! line a body line) and prints what it finds, one mention per line, for
//! reading output on real articles. Usage: `dump_text FILE…`.

use akhbar_core::{ByteSpan, Document, Zone, ZoneRange};
use akhbar_extract::{Extractor, ExtractorConfig};

fn main() {
    let ex = Extractor::new(ExtractorConfig::default());
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: unreadable");
            continue;
        };
        let mut doc = Document::new(path.clone(), text.clone());
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            if !body.trim().is_empty() {
                doc.zones.push(ZoneRange {
                    span: ByteSpan::new(start, start + body.len()),
                    zone: Zone::Body,
                });
            }
            start += line.len();
        }
        let ann = ex.extract(&doc);
        println!("== {path}");
        for m in &ann.mentions {
            println!(
                "{}\t{}\t{}\t{}",
                m.entity_type, m.text, m.canonical, m.value
            );
        }
        for r in &ann.relations {
            println!(
                "{}\t{} | {}",
                r.kind, ann.mentions[r.head].text, ann.mentions[r.tail].text
            );
        }
    }
}
