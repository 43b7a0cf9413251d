//! Shared types of akhbar: the vocabulary every other crate speaks.
//!
//! This crate holds types only (plus the small calendar vocabulary that both
//! loading and extraction need). Inside the toolkit, offsets are byte offsets
//! into the original text ([`ByteSpan`]); in files and user-facing output they
//! are code points ([`CharSpan`]), as `ANNOTATION.md` requires. [`CharIndex`]
//! converts between the two and is the only place that does.
//!
//! ```
//! use akhbar_core::{ByteSpan, CharIndex, CharSpan};
//!
//! let text = "زار حموشي باريس";
//! let idx = CharIndex::new(text);
//! let bytes = idx.to_bytes(CharSpan::new(4, 9)).unwrap();
//! assert_eq!(&text[bytes.range()], "حموشي");
//! assert_eq!(idx.to_chars(bytes), CharSpan::new(4, 9));
//! ```
#![deny(missing_docs)]

pub mod calendar;
mod document;
mod span;
mod types;

pub use document::{Diagnostic, Document, Metadata, Severity};
pub use span::{ByteSpan, CharIndex, CharSpan, SpanError};
pub use types::{
    Annotations, EntityType, Mention, Relation, RelationType, ThreatCategory, Zone, ZoneRange,
};
