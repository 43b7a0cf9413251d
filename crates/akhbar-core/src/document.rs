//! A loaded document with its metadata and zones.

use crate::types::ZoneRange;
use serde::{Deserialize, Serialize};

/// Facts about a document read from its text or from its container.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline as it appears in the text.
    pub title: Option<String>,
    /// Publication date, ISO (`2025-06-24`); may be partial (`2025-06`).
    pub published: Option<String>,
    /// The publisher's name where the text states it.
    pub source: Option<String>,
    /// The page's address, where the container gives it.
    pub url: Option<String>,
}

/// One article: its decoded text (kept exactly: every offset refers to it),
/// its metadata and the zone of each line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id (given, or derived from the path and line).
    pub id: String,
    /// Where it came from (`path` or `path:line`), for messages.
    pub origin: String,
    /// The decoded text, exactly.
    pub text: String,
    /// Metadata.
    pub meta: Metadata,
    /// Zones of its non-blank lines, sorted, covering each such line once.
    /// Empty until the document is zoned.
    pub zones: Vec<ZoneRange>,
}

impl Document {
    /// A document with an id and a text, no metadata, not zoned yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Self {
            origin: id.clone(),
            id,
            text: text.into(),
            ..Self::default()
        }
    }
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something worth knowing; the output is complete.
    Warning,
    /// Something was skipped or lost.
    Error,
}

/// A problem met while processing input: noisy input gives a value plus
/// diagnostics, not an error.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// Where (`path`, `path:line`, or a document id).
    pub origin: String,
    /// What, lowercase, no final period.
    pub message: String,
}
