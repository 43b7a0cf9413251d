//! Loading scraped Arabic news: files, encodings, metadata and zones.
#![deny(missing_docs)]

use akhbar_core::{ByteSpan, Document, Zone, ZoneRange};

/// Zones every non-blank line of `doc` as body (first version).
pub fn prepare(doc: &mut Document) {
    let mut zones = Vec::new();
    let mut off = 0;
    for line in doc.text.split('\n') {
        let trimmed = line.trim_end_matches('\r');
        if !trimmed.trim().is_empty() {
            zones.push(ZoneRange {
                span: ByteSpan::new(off, off + trimmed.len()),
                zone: Zone::Body,
            });
        }
        off += line.len() + 1;
    }
    doc.zones = zones;
}
