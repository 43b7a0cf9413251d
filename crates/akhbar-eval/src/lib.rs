//! Scores any system's output against a gold set in the layout of
//! `ANNOTATION.md`.
//!
//! akhbar-eval depends on akhbar-core only: it shares no code with the
//! extractor it scores, and scores the output of any other tool written in
//! the same layout. It provides
//!
//! - the gold layout ([`GoldSet`], [`GoldDocument`], …): [`GoldSet::read`],
//!   [`GoldSet::write`], and [`GoldDocument::from_pipeline`] to turn the
//!   pipeline's byte-offset output into a gold-layout record;
//! - [`check_gold_set`]: every rule of `ANNOTATION.md`, each problem as
//!   `file:row: message`;
//! - [`evaluate`]: entity scores under the four nervaluate schemes (strict,
//!   exact, partial, type; per type, micro and macro, with a bootstrap
//!   interval), linking, DATE values, relations, zones and document
//!   metadata, in a [`Report`] that renders as a table, Markdown or JSON;
//! - [`html_report`]: one self-contained page showing every difference.
//!
//! ```
//! use akhbar_core::{CharSpan, EntityType};
//! use akhbar_eval::{GoldDocument, GoldEntity, GoldSet, evaluate};
//!
//! let mention = |start, end, text: &str| GoldEntity {
//!     id: "T1".into(),
//!     entity_type: EntityType::Loc,
//!     span: CharSpan::new(start, end),
//!     text: text.into(),
//!     canonical: text.into(),
//!     value: String::new(),
//! };
//! let doc = |e| GoldDocument {
//!     id: "d1".into(),
//!     text: Some("زار حموشي باريس".into()),
//!     entities: vec![e],
//!     ..GoldDocument::default()
//! };
//! let gold = GoldSet::new(vec![doc(mention(10, 15, "باريس"))]);
//! let pred = GoldSet::new(vec![doc(mention(11, 15, "اريس"))]);
//! let report = evaluate(&gold, &pred).unwrap();
//! assert_eq!(report.entities.overall.strict.f1, 0.0);
//! assert_eq!(report.entities.overall.partial.f1, 0.5);
//! assert!(report.to_table().contains("overall"));
//! ```
#![deny(missing_docs)]

mod check;
mod compare;
mod error;
mod html;
mod layout;
mod render;
mod report;
mod schemes;

pub use check::check_gold_set;
pub use compare::comparison_form;
pub use error::{EvalError, Problem};
pub use html::html_report;
pub use layout::{
    GOLD_CSV_FILES, GOLD_CSV_HEADERS, GoldCsvRows, GoldDocument, GoldEntity, GoldRelation, GoldSet,
    GoldZone,
};
pub use render::Format;
pub use report::{
    BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, DateReport, DocumentReport, EntityReport, LinkingReport,
    MacroScores, PerType, Prf, RelationReport, Report, SchemeScores, SetScores, ZoneReport,
    evaluate,
};
pub use schemes::{Counts, DocMatch, EntityCounts, Outcome, Scheme, Scores, Span, match_spans};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<GoldSet>();
        check::<Report>();
        check::<EvalError>();
        check::<Problem>();
    }
}
