//! Entities, canonical names, dates and relations from Arabic news.
#![deny(missing_docs)]

mod dates;

use akhbar_core::{Annotations, Document};

/// Settings of an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorConfig {}

/// Finds mentions and relations in the title and body zones of a document.
#[derive(Debug, Clone, Default)]
pub struct Extractor {}

impl Extractor {
    /// Builds an extractor (lexicons compiled once).
    pub fn new(_config: ExtractorConfig) -> Self {
        Self {}
    }

    /// Extracts the annotations of one zoned document.
    pub fn extract(&self, doc: &Document) -> Annotations {
        let mut mentions = Vec::new();
        for z in doc.zones.iter().filter(|z| z.zone.is_content()) {
            mentions.extend(dates::find_dates(
                &doc.text,
                z.span,
                doc.meta.published.as_deref(),
            ));
        }
        Annotations {
            mentions,
            relations: Vec::new(),
        }
    }
}
