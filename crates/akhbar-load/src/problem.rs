//! What can go wrong while loading, and the summary of a load.

use crate::decode::TextEncoding;
use akhbar_core::{Diagnostic, Severity};
use std::collections::BTreeMap;
use std::fmt;

/// What went wrong with a file or record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The file could not be opened or read (or a gzip stream is broken).
    #[error("cannot read: {0}")]
    Io(String),
    /// Malformed bytes under strict decoding.
    #[error("undecodable {encoding} at byte {byte}")]
    Undecodable {
        /// The encoding tried.
        encoding: TextEncoding,
        /// Offset of the first bad byte in the file or line.
        byte: usize,
    },
    /// Malformed bytes replaced by U+FFFD (not strict); the document is
    /// still loaded. A warning.
    #[error("malformed {encoding} replaced by U+FFFD")]
    Lossy {
        /// The encoding used.
        encoding: TextEncoding,
    },
    /// Broken JSON.
    #[error("broken json: {0}")]
    Json(String),
    /// Broken CSV.
    #[error("broken csv: {0}")]
    Csv(String),
    /// None of the text fields is present (the fields tried are listed).
    #[error("missing text field (tried {0})")]
    MissingText(String),
    /// The text is empty or blank.
    #[error("empty document")]
    Empty,
    /// The file decodes to control characters more than to text (an
    /// image, a PDF or an archive under a text name).
    #[error("not text: {share}% of its characters are control characters")]
    Binary {
        /// Share of control characters, in percent.
        share: usize,
    },
    /// A CSV quote that never closes: the reader took the rest of the file
    /// as one field (its records are in that field, not lost). A warning.
    #[error("unterminated quote opened at line {line}: the rest of the file was read as one field")]
    UnterminatedQuote {
        /// The line of the opening quote.
        line: usize,
    },
}

impl ProblemKind {
    /// A short stable key for summaries: `io`, `undecodable`, `lossy`,
    /// `json`, `csv`, `missing-text`, `empty`.
    pub const fn key(&self) -> &'static str {
        match self {
            ProblemKind::Io(_) => "io",
            ProblemKind::Undecodable { .. } => "undecodable",
            ProblemKind::Lossy { .. } => "lossy",
            ProblemKind::Json(_) => "json",
            ProblemKind::Csv(_) => "csv",
            ProblemKind::MissingText(_) => "missing-text",
            ProblemKind::Empty => "empty",
            ProblemKind::Binary { .. } => "binary",
            ProblemKind::UnterminatedQuote { .. } => "unterminated-quote",
        }
    }

    /// True when the file or record was not loaded (everything but
    /// [`ProblemKind::Lossy`]).
    pub const fn is_skip(&self) -> bool {
        !matches!(
            self,
            ProblemKind::Lossy { .. } | ProblemKind::UnterminatedQuote { .. }
        )
    }
}

/// A problem with one file or record: where (`path` or `path:line`) and
/// what. For JSON Lines, CSV and TREC the line is the line in the file
/// where the record starts (1-based); for a JSON array, the item number
/// (1-based), and for a file that is not valid JSON, the line of the error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadProblem {
    /// `path` or `path:line` (`stdin` for standard input).
    pub origin: String,
    /// The path alone.
    pub path: String,
    /// The line (or JSON array item), when the problem is in one record.
    pub line: Option<usize>,
    /// What went wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.kind)
    }
}

impl LoadProblem {
    pub(crate) fn new(path: String, line: Option<usize>, kind: ProblemKind) -> Self {
        let origin = match line {
            Some(l) => format!("{path}:{l}"),
            None => path.clone(),
        };
        Self {
            origin,
            path,
            line,
            kind,
        }
    }

    /// The problem as a core [`Diagnostic`]: a warning for a lossy decode,
    /// an error for anything that skipped a file or record.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic {
            severity: if self.kind.is_skip() {
                Severity::Error
            } else {
                Severity::Warning
            },
            origin: self.origin.clone(),
            message: self.kind.to_string(),
        }
    }

    /// A problem with a document whose origin is already `path[:line]`.
    pub(crate) fn at_origin(origin: String, kind: ProblemKind) -> Self {
        let (path, line) = match origin.rsplit_once(':') {
            Some((p, l))
                if !p.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) && !l.is_empty() =>
            {
                (p.to_owned(), l.parse().ok())
            }
            _ => (origin.clone(), None),
        };
        Self {
            origin,
            path,
            line,
            kind,
        }
    }
}

/// At most this many problems are kept in [`LoadSummary::problems`]; the
/// counts stay exact.
pub const MAX_KEPT_PROBLEMS: usize = 10_000;

/// Counts of a load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// Files opened (stdin counts as one).
    pub files: usize,
    /// Files in directories ignored for their extension.
    pub ignored_files: usize,
    /// Documents loaded.
    pub read: usize,
    /// Documents skipped because their text is blank (also in `skipped`
    /// under `empty`).
    pub empty: usize,
    /// Files or records not loaded, by [`ProblemKind::key`].
    pub skipped: BTreeMap<&'static str, usize>,
    /// Documents loaded with malformed bytes replaced (not strict).
    pub lossy: usize,
    /// Every problem in input order (errors and warnings), at most
    /// [`MAX_KEPT_PROBLEMS`].
    pub problems: Vec<LoadProblem>,
}

impl LoadSummary {
    pub(crate) fn record(&mut self, p: &LoadProblem) {
        match p.kind {
            ProblemKind::Lossy { .. } => self.lossy += 1,
            ProblemKind::UnterminatedQuote { .. } => {}
            ProblemKind::Empty => {
                self.empty += 1;
                *self.skipped.entry(p.kind.key()).or_default() += 1;
            }
            _ => *self.skipped.entry(p.kind.key()).or_default() += 1,
        }
        if self.problems.len() < MAX_KEPT_PROBLEMS {
            self.problems.push(p.clone());
        }
    }

    /// Files or records not loaded, all reasons together.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// True when anything went wrong (what `--strict` turns into a
    /// non-zero exit).
    pub fn has_problems(&self) -> bool {
        self.skipped_total() > 0 || self.lossy > 0
    }
}

impl fmt::Display for LoadSummary {
    /// One line: `read 10, skipped 3 (empty 1, json 2), lossy 0, files 4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "read {}, skipped {}", self.read, self.skipped_total())?;
        if !self.skipped.is_empty() {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            write!(f, " ({})", parts.join(", "))?;
        }
        write!(f, ", lossy {}, files {}", self.lossy, self.files)
    }
}
