//! Arabic normalization that never loses an offset.
//!
//! A [`Normalizer`] rewrites text into a normalized form (for matching,
//! look-up, comparison or display) and returns, with [`Normalizer::normalize_aligned`],
//! an [`Alignment`] from every output character back to the source bytes it
//! came from, so that a span found in normalized text maps back to a span of
//! the original text.
//!
//! ```
//! use akhbar_core::ByteSpan;
//! use akhbar_normalize::{Normalizer, Preset};
//!
//! let src = "السيد فريديريك ڤـــو";
//! let n = Normalizer::preset(Preset::Search).normalize_aligned(src);
//! let at = n.text.find("فو").unwrap();
//! let back = n.alignment.to_source(ByteSpan::new(at, at + "فو".len()));
//! assert_eq!(&src[back.range()], "ڤـــو");
//! ```
#![deny(missing_docs)]

mod normalizer;

pub use normalizer::{Alignment, Normalized, Normalizer, Options, Preset};
