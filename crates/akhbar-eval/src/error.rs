//! The error type of akhbar-eval and the problems found in a gold set.

use std::fmt;

/// One problem found in a gold set, located in a file and a row.
///
/// It displays as `file:row: message`; `row` is the line of the file where
/// the CSV record (or text line) starts, 1-based, so an editor jumps to it.
/// A problem about a whole file has row 0 and displays as `file: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Problem {
    /// The file, relative to the gold set's directory (`entities.csv`).
    pub file: String,
    /// The line the row starts on, 1-based; 0 for the whole file.
    pub row: usize,
    /// What is wrong, lowercase, no final period.
    pub message: String,
}

impl Problem {
    /// A problem at `file:row`.
    pub fn new(file: impl Into<String>, row: usize, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            row,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.row, self.message)
        }
    }
}

/// What can go wrong while reading, writing or scoring a gold set.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The path concerned.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// The gold set (or prediction set) breaks the layout of ANNOTATION.md.
    #[error("{first}{}", if *.more > 0 { format!(" (and {} more {})", .more, if *.more == 1 { "problem" } else { "problems" }) } else { String::new() })]
    Invalid {
        /// The first problem found.
        first: Problem,
        /// How many other problems were found.
        more: usize,
    },
    /// The predictions hold a document that the gold set does not.
    #[error("predictions hold document `{doc}`, which is not in the gold set")]
    UnknownDocument {
        /// The document's id.
        doc: String,
    },
    /// A prediction document carries a text that differs from the gold's:
    /// its offsets point into another text.
    #[error("predictions for document `{doc}` were made on a different text than the gold's")]
    TextMismatch {
        /// The document's id.
        doc: String,
    },
    /// A predicted mention does not fit the gold text: its span lies past
    /// the end, or covers other text than its `text` column (offsets in
    /// bytes or UTF-16 units instead of code points give this).
    #[error("predictions for document `{doc}`: {id} {message}")]
    PredictionSpan {
        /// The document's id.
        doc: String,
        /// The mention's id.
        id: String,
        /// What does not fit.
        message: String,
    },
}

impl EvalError {
    pub(crate) fn io(path: &std::path::Path, err: impl fmt::Display) -> Self {
        EvalError::Io {
            path: path.display().to_string(),
            message: err.to_string(),
        }
    }

    /// The first problem behind an [`EvalError::Invalid`], or `None` for other
    /// errors.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            EvalError::Invalid { first, .. } => Some(first),
            _ => None,
        }
    }
}
