//! DATE mentions with ISO-like values.

use akhbar_core::{ByteSpan, Mention};

/// Finds DATE mentions in `text[range]` (a title or body zone of the
/// document), resolving relative expressions against `published`
/// (`YYYY-MM-DD`, possibly partial) when given. Spans are bytes of `text`.
pub(crate) fn find_dates(text: &str, range: ByteSpan, published: Option<&str>) -> Vec<Mention> {
    let _ = (text, range, published);
    Vec::new()
}
