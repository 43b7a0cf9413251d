//! The akhbar command line, as a library: gathering input documents, the
//! parallel pipeline that keeps output order stable, and the export
//! writers. The `akhbar` binary is a thin layer of argument parsing over it;
//! the fuzz targets call it too.
//!
//! ```
//! use akhbar::export::{ExportFormat, render};
//! use akhbar_core::{Annotations, Document};
//!
//! let mut doc = Document::new("d1", "زار حموشي باريس");
//! akhbar_load::prepare(&mut doc);
//! let out = render(ExportFormat::Jsonl, &doc, &Annotations::default(), false);
//! assert!(String::from_utf8(out.main).unwrap().starts_with("{\"id\":\"d1\""));
//! ```
#![deny(missing_docs)]

pub mod export;
pub mod fuzzing;
pub mod input;
pub mod pipeline;
