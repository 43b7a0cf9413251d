//! Arabic normalization and tokenization that never lose an offset.
//!
//! - A [`Normalizer`] rewrites text into a normalized form (for comparison,
//!   matching and look-up, or display) with switchable [`Options`] and three
//!   [`Preset`]s; [`Normalizer::normalize_aligned`] also returns an
//!   [`Alignment`] from every output character back to the source bytes it
//!   came from, so that a span found in normalized text maps back to a span
//!   of the original text (and forward). [`Normalizer::normalize_cow`]
//!   borrows text that needs no change; [`Normalizer::normalize_stream`]
//!   works line by line over a reader, with strict or lossy UTF-8.
//! - [`tokenize`] splits text into words, numbers, Latin words,
//!   punctuation, URLs, e-mail addresses, hashtags and mentions, each with
//!   its byte span.
//! - [`CliticAnalyzer`] proposes proclitic/article/enclitic splits of an
//!   Arabic word as byte spans, never rewriting it.
//! - [`sentences`] and [`paragraphs`] split text into spans.
//!
//! Every span is a [`ByteSpan`](akhbar_core::ByteSpan) into the text given.
//!
//! ```
//! use akhbar_core::ByteSpan;
//! use akhbar_normalize::{Normalizer, Preset};
//!
//! let src = "السيد فريديريك ڤـــو";
//! let n = Normalizer::preset(Preset::Search).normalize_aligned(src);
//! assert_eq!(n.text, "السيد فريديريك فو");
//! let at = n.text.find("فو").unwrap();
//! let back = n.alignment.to_source(ByteSpan::new(at, at + "فو".len()));
//! assert_eq!(&src[back.range()], "ڤـــو");
//!
//! // The comparison form of ANNOTATION.md.
//! let compare = Normalizer::preset(Preset::Compare);
//! assert_eq!(compare.normalize("المملكة  المغربيّة"), "المملكه المغربيه");
//! ```
#![deny(missing_docs)]

mod alignment;
mod clitic;
mod error;
mod normalizer;
mod segment;
mod stream;
mod table;
mod token;

#[cfg(test)]
mod proptests;

pub use alignment::{Alignment, Normalized};
pub use clitic::{CliticAnalyzer, Enclitic, Proclitic, Segmentation};
pub use error::NormalizeError;
pub use normalizer::{Normalizer, Options, Preset};
pub use segment::{paragraphs, sentences};
pub use stream::{Line, StreamStats, Utf8Policy, for_each_line};
pub use token::{Token, TokenKind, Tokens, tokenize, tokens};

#[cfg(test)]
mod tests {
    use super::*;

    fn is_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        is_send_sync::<Normalizer>();
        is_send_sync::<Normalized>();
        is_send_sync::<Alignment>();
        is_send_sync::<NormalizeError>();
        is_send_sync::<Token<'static>>();
        is_send_sync::<CliticAnalyzer>();
        is_send_sync::<Segmentation>();
    }
}
