//! The alignment between a normalized text and its source.

use akhbar_core::ByteSpan;

/// One stretch of output and the source it came from.
///
/// A parallel piece pairs each output character with the source character
/// at the same byte offset, of the same length (copied, or mapped to a
/// letter of the same width such as `أ` → `ا`), so any offset inside it maps
/// by arithmetic; any other piece is one or more output characters that all
/// come from the whole source range (a character of another width, an
/// expansion such as `ﻻ` → `لا`, a collapsed whitespace run).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// First output byte.
    pub out: usize,
    /// First source byte.
    pub src: usize,
    /// One past the last source byte.
    pub src_end: usize,
    /// Output characters pair one to one with source characters of the
    /// same length.
    pub parallel: bool,
}

/// Maps each character of a normalized text to the source bytes it came
/// from, and spans back and forth.
///
/// Monotone: later output characters come from later (or the same) source
/// bytes. Characters removed by normalization (diacritics, tatweel, controls)
/// belong to no output character, so a span mapped back never starts or ends
/// on one; a collapsed whitespace run maps to the whole run. Look-ups are
/// binary searches over runs of characters, so mapping a span costs
/// `O(log n)` whatever its length.
///
/// ```
/// use akhbar_core::ByteSpan;
/// use akhbar_normalize::{Normalizer, Preset};
///
/// let src = "قال حمّوشي";
/// let n = Normalizer::preset(Preset::Compare).normalize_aligned(src);
/// assert_eq!(n.text, "قال حموشي");
/// let out = ByteSpan::new(n.text.find("حم").unwrap(), n.text.find("وشي").unwrap());
/// let back = n.alignment.to_source(out);
/// assert_eq!(&src[back.range()], "حم"); // the removed shadda stays outside
/// assert_eq!(n.alignment.to_output(back), out);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alignment {
    pieces: Vec<Piece>,
    /// A copy of the output, to keep spans on character boundaries.
    out: String,
    src_len: usize,
}

impl Alignment {
    pub(crate) fn from_parts(pieces: Vec<Piece>, out: String, src_len: usize) -> Self {
        Self {
            pieces,
            out,
            src_len,
        }
    }

    /// The alignment of a text to itself (nothing changed).
    pub fn identity(text: &str) -> Self {
        let pieces = if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece {
                out: 0,
                src: 0,
                src_end: text.len(),
                parallel: true,
            }]
        };
        Self {
            pieces,
            out: text.to_owned(),
            src_len: text.len(),
        }
    }

    /// Length of the source text in bytes.
    pub fn source_len(&self) -> usize {
        self.src_len
    }

    /// Length of the normalized text in bytes.
    pub fn output_len(&self) -> usize {
        self.out.len()
    }

    /// Maps an output span (bytes of the normalized text) back to the source.
    ///
    /// The result covers every source character that produced an output
    /// character of the span, and whatever was removed between them, but not
    /// removed characters at its edges. A span that cuts an output character
    /// is widened to whole characters first, so the result never cuts a
    /// source character either. An empty span maps to an empty span at the
    /// matching source position.
    pub fn to_source(&self, out: ByteSpan) -> ByteSpan {
        let n = self.out.len();
        let a = self.floor(out.start.min(n));
        let b = self.ceil(out.end.min(n).max(a));
        if a == b {
            let p = self.source_pos(a);
            return ByteSpan::new(p, p);
        }
        let pa = self.pieces[self.piece_at(a)];
        let start = if pa.parallel {
            pa.src + (a - pa.out)
        } else {
            pa.src
        };
        let jb = self.piece_at(b - 1);
        let pb = self.pieces[jb];
        let end = if pb.parallel {
            pb.src + (b - pb.out)
        } else {
            pb.src_end
        };
        ByteSpan::new(start, end.max(start))
    }

    /// Maps a source span forward to the smallest output span holding every
    /// output character produced from a source character that overlaps it.
    /// When no output character comes from it (it holds only removed
    /// characters), the result is the empty span where its output would be.
    pub fn to_output(&self, src: ByteSpan) -> ByteSpan {
        let s = src.start;
        let e = src.end.max(s);
        let i = self.pieces.partition_point(|p| p.src_end <= s);
        let Some(p) = self.pieces.get(i) else {
            let n = self.out.len();
            return ByteSpan::new(n, n);
        };
        let a = if p.parallel && s > p.src {
            self.floor(p.out + (s - p.src))
        } else {
            p.out
        };
        let j = self.pieces.partition_point(|p| p.src < e);
        if e == s || j == 0 {
            return ByteSpan::new(a, a);
        }
        let q = self.pieces[j - 1];
        let b = if q.parallel && e < q.src_end {
            self.ceil(q.out + (e - q.src))
        } else {
            self.piece_out_end(j - 1)
        };
        if b <= a {
            ByteSpan::new(a, a)
        } else {
            ByteSpan::new(a, b)
        }
    }

    /// Number of output characters (counted on each call, `O(n)`).
    pub fn len(&self) -> usize {
        self.out.chars().count()
    }

    /// True when the output is empty.
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The source byte span of each output character, in order.
    pub fn iter(&self) -> impl Iterator<Item = ByteSpan> + '_ {
        self.pieces.iter().enumerate().flat_map(move |(k, p)| {
            let end = self.piece_out_end(k);
            let p = *p;
            self.out[p.out..end].char_indices().map(move |(off, c)| {
                if p.parallel {
                    let s = p.src + off;
                    ByteSpan::new(s, s + c.len_utf8())
                } else {
                    ByteSpan::new(p.src, p.src_end)
                }
            })
        })
    }

    /// The output text this alignment was built for.
    pub(crate) fn output(&self) -> &str {
        &self.out
    }

    fn piece_out_end(&self, k: usize) -> usize {
        self.pieces.get(k + 1).map_or(self.out.len(), |p| p.out)
    }

    /// Index of the piece holding output byte `a` (`a` < output length).
    fn piece_at(&self, a: usize) -> usize {
        self.pieces
            .partition_point(|p| p.out <= a)
            .saturating_sub(1)
    }

    fn source_pos(&self, a: usize) -> usize {
        if a >= self.out.len() {
            return self.pieces.last().map_or(0, |p| p.src_end);
        }
        let p = self.pieces[self.piece_at(a)];
        if p.parallel {
            p.src + (a - p.out)
        } else {
            p.src
        }
    }

    fn floor(&self, mut a: usize) -> usize {
        while a > 0 && !self.out.is_char_boundary(a) {
            a -= 1;
        }
        a
    }

    fn ceil(&self, mut a: usize) -> usize {
        while a < self.out.len() && !self.out.is_char_boundary(a) {
            a += 1;
        }
        a
    }

    /// Composes two alignments: `self` maps text B to source A, `inner`
    /// maps text C to B; the result maps C to A.
    pub(crate) fn compose(&self, inner: &Alignment) -> Alignment {
        let mut sink = AlignedOut::new(inner.out.len());
        for (off, c) in inner.out.char_indices() {
            let mid = inner.to_source(ByteSpan::new(off, off + c.len_utf8()));
            let src = self.to_source(mid);
            // Parallel only when both alignments pair this character with
            // one of the same width.
            let parallel = mid.len() == c.len_utf8()
                && src.len() == c.len_utf8()
                && inner.is_parallel_at(off)
                && self.is_parallel_at(mid.start);
            sink.push_char(c, src.start, src.end, parallel);
        }
        sink.finish(self.src_len)
    }

    fn is_parallel_at(&self, a: usize) -> bool {
        a < self.out.len() && self.pieces[self.piece_at(a)].parallel
    }

    /// Checks the invariants (for tests): pieces are contiguous in the
    /// output and monotone in the source.
    #[cfg(test)]
    pub(crate) fn check_invariants(&self) -> Result<(), String> {
        let mut out = 0;
        let mut last = (0, 0);
        for (k, p) in self.pieces.iter().enumerate() {
            if p.out != out {
                return Err(format!("piece {k} starts at {} not {out}", p.out));
            }
            let end = self.piece_out_end(k);
            if end <= p.out {
                return Err(format!("piece {k} is empty"));
            }
            if p.src > p.src_end || p.src_end > self.src_len {
                return Err(format!("piece {k} has source {}..{}", p.src, p.src_end));
            }
            if p.src < last.0 || p.src_end < last.1 {
                return Err(format!("piece {k} goes backwards"));
            }
            if p.parallel && end - p.out != p.src_end - p.src {
                return Err(format!("parallel piece {k} changes length"));
            }
            last = (p.src, p.src_end);
            out = end;
        }
        if out != self.out.len() {
            return Err("pieces do not cover the output".into());
        }
        Ok(())
    }
}

/// Normalized text and its alignment to the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// From every output character to its source bytes.
    pub alignment: Alignment,
}

/// Where the normalizer writes: plain text, or text plus alignment.
pub(crate) trait Sink {
    /// Appends source bytes copied unchanged, starting at source byte `src`.
    fn push_run(&mut self, text: &str, src: usize);
    /// Appends one character that comes from source `src..src_end`;
    /// `parallel` says that range is one source character of the same
    /// UTF-8 length.
    fn push_char(&mut self, c: char, src: usize, src_end: usize, parallel: bool);
}

/// A sink that only builds text, appending to a caller's string.
pub(crate) struct PlainOut<'o> {
    pub out: &'o mut String,
}

impl Sink for PlainOut<'_> {
    #[inline]
    fn push_run(&mut self, text: &str, _src: usize) {
        self.out.push_str(text);
    }
    #[inline]
    fn push_char(&mut self, c: char, _src: usize, _src_end: usize, _parallel: bool) {
        self.out.push(c);
    }
}

/// A sink that builds text and alignment pieces.
pub(crate) struct AlignedOut {
    pub out: String,
    pub pieces: Vec<Piece>,
}

impl AlignedOut {
    pub(crate) fn new(cap: usize) -> Self {
        Self {
            out: String::with_capacity(cap),
            pieces: Vec::with_capacity(cap / 64 + 4),
        }
    }

    pub(crate) fn finish(self, src_len: usize) -> Alignment {
        let copy = self.out;
        Alignment::from_parts(self.pieces, copy, src_len)
    }

    pub(crate) fn into_normalized(self, src_len: usize) -> Normalized {
        let text = self.out.clone();
        Normalized {
            text,
            alignment: Alignment::from_parts(self.pieces, self.out, src_len),
        }
    }
}

impl Sink for AlignedOut {
    #[inline]
    fn push_run(&mut self, text: &str, src: usize) {
        if text.is_empty() {
            return;
        }
        self.extend_parallel(src, text.len());
        self.out.push_str(text);
    }

    #[inline]
    fn push_char(&mut self, c: char, src: usize, src_end: usize, parallel: bool) {
        if parallel {
            self.extend_parallel(src, c.len_utf8());
            self.out.push(c);
            return;
        }
        let extends = self
            .pieces
            .last()
            .is_some_and(|l| !l.parallel && l.src == src && l.src_end == src_end);
        if !extends {
            self.pieces.push(Piece {
                out: self.out.len(),
                src,
                src_end,
                parallel: false,
            });
        }
        self.out.push(c);
    }
}

impl AlignedOut {
    /// Records `len` parallel bytes from source `src` at the current end of
    /// the output, merging with the last piece when both are contiguous.
    #[inline]
    fn extend_parallel(&mut self, src: usize, len: usize) {
        let o = self.out.len();
        if let Some(last) = self.pieces.last_mut()
            && last.parallel
            && last.src_end == src
            && last.out + (last.src_end - last.src) == o
        {
            last.src_end += len;
        } else {
            self.pieces.push(Piece {
                out: o,
                src,
                src_end: src + len,
                parallel: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (String, Alignment) {
        // Source "aXbc" where X (2 bytes, "é") became "e" and "c" was removed.
        let mut s = AlignedOut::new(8);
        s.push_run("a", 0);
        s.push_char('e', 1, 3, false);
        s.push_run("b", 3);
        let text = s.out.clone();
        (text, s.finish(5))
    }

    #[test]
    fn identity_maps_every_span_to_itself() {
        let a = Alignment::identity("نص");
        assert_eq!(a.to_source(ByteSpan::new(0, 4)), ByteSpan::new(0, 4));
        assert_eq!(a.to_output(ByteSpan::new(2, 4)), ByteSpan::new(2, 4));
        assert_eq!(a.len(), 2);
    }

    #[test]
    fn mapped_character_maps_to_its_whole_source() {
        let (_, a) = sample();
        a.check_invariants().unwrap();
        assert_eq!(a.to_source(ByteSpan::new(1, 2)), ByteSpan::new(1, 3));
        assert_eq!(a.to_output(ByteSpan::new(2, 3)), ByteSpan::new(1, 2));
        assert_eq!(a.to_source(ByteSpan::new(0, 3)), ByteSpan::new(0, 4));
        // The removed last byte is outside every span mapped back.
        assert_eq!(a.to_output(ByteSpan::new(4, 5)), ByteSpan::new(3, 3));
        let spans: Vec<_> = a.iter().collect();
        assert_eq!(
            spans,
            vec![
                ByteSpan::new(0, 1),
                ByteSpan::new(1, 3),
                ByteSpan::new(3, 4)
            ]
        );
    }

    #[test]
    fn spans_cutting_a_character_are_widened() {
        let a = Alignment::identity("حم");
        assert_eq!(a.to_source(ByteSpan::new(1, 3)), ByteSpan::new(0, 4));
        assert_eq!(a.to_source(ByteSpan::new(9, 12)), ByteSpan::new(4, 4));
    }
}
