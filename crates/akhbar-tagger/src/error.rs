//! The error type of the tagger.

/// Everything that can go wrong when loading a model or reading CoNLL text.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    /// The model bytes are not a model of this format or are cut short.
    #[error("model: {0}")]
    Model(String),
    /// A line of CoNLL input could not be read.
    #[error("line {line}: {message}")]
    Conll {
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// An input/output error while reading or writing, with the line reached.
    #[error("line {line}: {source}")]
    Io {
        /// 1-based line number being read or written.
        line: usize,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// No model was built into this binary.
    #[error("no built-in NER model in this build")]
    NoBuiltinModel,
    /// Training was asked with no labeled sentence.
    #[error("no training sentence with labels")]
    EmptyTraining,
}
