//! Entities, canonical names, dates and relations from Arabic news.
#![deny(missing_docs)]

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
    pub fn extract(&self, _doc: &Document) -> Annotations {
        Annotations::default()
    }
}
