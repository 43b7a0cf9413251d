//! The akhbar command line, as a library: gathering input documents, the
//! parallel pipeline that keeps output order stable, and the export
//! writers. The `akhbar` binary is a thin layer of argument parsing over it;
//! the fuzz targets call it too.
//!
//! ```
//! use akhbar::{ExportFormat, render};
//! use akhbar_core::{Annotations, Document};
//!
//! let mut doc = Document::new("d1", "زار حموشي باريس");
//! akhbar_load::prepare(&mut doc);
//! let out = render(ExportFormat::Jsonl, &doc, &Annotations::default(), false);
//! assert!(String::from_utf8(out.main).unwrap().starts_with("{\"id\":\"d1\""));
//! ```
#![deny(missing_docs)]

mod export;
mod fuzzing;
mod input;
mod pipeline;

pub use export::{ExportFormat, Rendered, Sink, json_line, render};
pub use fuzzing::{
    check_document, extractor as fuzz_extractor, loader as fuzz_loader,
    normalizer as fuzz_normalizer, tokenizer as fuzz_tokenizer,
};
pub use input::{Documents, SummarySlot, diagnostic};
pub use pipeline::{Config, Summary, run as run_pipeline};
