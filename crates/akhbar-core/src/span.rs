//! Spans in bytes and in code points, and the index that converts them.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range of UTF-8 byte offsets into a document's original text.
///
/// Every span that leaves a crate of akhbar points into the original text:
/// slicing the text with [`ByteSpan::range`] gives the mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ByteSpan {
    /// First byte, inclusive.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A half-open range of Unicode scalar values (what Python's `str` indexes),
/// the unit of every offset written to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CharSpan {
    /// First code point, inclusive.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl ByteSpan {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// The span as a `Range` for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
    /// Its length in bytes.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when it covers nothing.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies inside `self`.
    pub const fn contains(self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl CharSpan {
    /// A span from `start` to `end` (code points, end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Its length in code points.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when it covers nothing.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one code point.
    pub const fn overlaps(self, other: CharSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for ByteSpan {
    fn from(r: Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

/// A span that does not fit the text it is applied to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// The end is before the start.
    #[error("span {start}..{end} ends before it starts")]
    Reversed {
        /// Start as given.
        start: usize,
        /// End as given.
        end: usize,
    },
    /// The span reaches past the end of the text.
    #[error("span {start}..{end} is past the end of the text ({len} code points)")]
    OutOfBounds {
        /// Start as given.
        start: usize,
        /// End as given.
        end: usize,
        /// Length of the text in code points.
        len: usize,
    },
}

/// Converts between byte offsets and code-point offsets of one text.
///
/// Build it once per document; conversions are `O(log n)`.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of each code point, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Byte offset of code point `c`, or `None` past the end.
    pub fn byte_of(&self, c: usize) -> Option<usize> {
        self.starts.get(c).copied()
    }

    /// Code-point offset of byte `b`. A byte inside a character maps to that
    /// character's start.
    pub fn char_of(&self, b: usize) -> usize {
        match self.starts.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Converts a code-point span to bytes, checking it fits the text.
    pub fn to_bytes(&self, span: CharSpan) -> Result<ByteSpan, SpanError> {
        if span.end < span.start {
            return Err(SpanError::Reversed {
                start: span.start,
                end: span.end,
            });
        }
        match (self.byte_of(span.start), self.byte_of(span.end)) {
            (Some(s), Some(e)) => Ok(ByteSpan::new(s, e)),
            _ => Err(SpanError::OutOfBounds {
                start: span.start,
                end: span.end,
                len: self.char_len(),
            }),
        }
    }

    /// Converts a byte span to code points.
    pub fn to_chars(&self, span: ByteSpan) -> CharSpan {
        CharSpan::new(self.char_of(span.start), self.char_of(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn converts_arabic_offsets_both_ways() {
        let text = "في الرباط، Paris";
        let idx = CharIndex::new(text);
        let b = idx.to_bytes(CharSpan::new(3, 9)).unwrap();
        assert_eq!(&text[b.range()], "الرباط");
        assert_eq!(idx.to_chars(b), CharSpan::new(3, 9));
        assert_eq!(idx.char_len(), 16);
    }

    #[test]
    fn rejects_spans_past_the_end() {
        let idx = CharIndex::new("abc");
        assert!(matches!(
            idx.to_bytes(CharSpan::new(2, 4)),
            Err(SpanError::OutOfBounds { len: 3, .. })
        ));
        assert!(matches!(
            idx.to_bytes(CharSpan::new(2, 1)),
            Err(SpanError::Reversed { .. })
        ));
    }

    proptest! {
        #[test]
        fn char_byte_round_trip(text in "[\\u{0600}-\\u{06FF}a-z0-9 \\n]{0,40}", a in 0usize..50, b in 0usize..50) {
            let idx = CharIndex::new(&text);
            let (s, e) = if a <= b { (a, b) } else { (b, a) };
            if e <= idx.char_len() {
                let bytes = idx.to_bytes(CharSpan::new(s, e)).unwrap();
                prop_assert!(text.is_char_boundary(bytes.start) && text.is_char_boundary(bytes.end));
                prop_assert_eq!(idx.to_chars(bytes), CharSpan::new(s, e));
            }
        }
    }
}
