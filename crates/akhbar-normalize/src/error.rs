//! The crate's error type.

/// What can go wrong in this crate: reading a stream, or naming a preset.
#[derive(Debug, thiserror::Error)]
pub enum NormalizeError {
    /// The input is not valid UTF-8 (strict mode).
    #[error("invalid utf-8 at byte {offset} (line {line})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte, from the start of the stream.
        offset: u64,
        /// Line (1-based) that holds it.
        line: u64,
    },
    /// Reading or writing failed.
    #[error("i/o error at line {line}: {source}")]
    Io {
        /// Line (1-based) being read or written.
        line: u64,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A preset name that does not exist.
    #[error("unknown preset `{name}` (expected compare, search or clean)")]
    UnknownPreset {
        /// The name as given.
        name: String,
    },
}
