//! Input documents for the commands: [`akhbar_load::Loader`] (files,
//! directories, stdin; txt, JSON Lines, JSON, CSV, TSV, TREC; gzip; every
//! encoding it knows) seen as a stream of documents and [`Diagnostic`]s,
//! with ids made unique (and file-safe when the export writes a file per
//! document).
//!
//! A bad file or record is a [`Diagnostic`] in the stream, never an abort:
//! the caller reports it and goes on.

use akhbar_core::{Diagnostic, Document, Severity};
use akhbar_load::{LoadOptions, LoadProblem, LoadSummary, Loader, ProblemKind};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The diagnostic of a load problem: an error when the file or record was
/// skipped, a warning for an empty document and for the problems that skip
/// nothing (`ProblemKind::is_skip`: replaced bytes, an unterminated CSV
/// quote).
pub fn diagnostic(p: &LoadProblem) -> Diagnostic {
    let (severity, message) = match p.kind {
        ProblemKind::Empty => (Severity::Warning, "empty document, skipped".to_string()),
        ref k if !k.is_skip() => (Severity::Warning, k.to_string()),
        ref k => (Severity::Error, format!("{k}, skipped")),
    };
    Diagnostic {
        severity,
        origin: p.origin.clone(),
        message,
    }
}

/// Replaces characters that are unsafe in a file name; never empty, never
/// `.` or `..`, at most 120 characters and 240 bytes
/// (file systems cap a name at 255 bytes, and `~2.txt` must still fit).
pub fn file_safe(id: &str) -> String {
    let mut bytes = 0;
    let s: String = id
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | ',' => '_',
            c if c.is_control() || c.is_whitespace() => '_',
            c => c,
        })
        .take(120)
        .take_while(|c| {
            bytes += c.len_utf8();
            bytes <= FILE_SAFE_MAX_BYTES
        })
        .collect();
    if s.is_empty() || s.chars().all(|c| c == '.') {
        format!("doc{}", s.len())
    } else {
        s
    }
}

/// The most bytes [`file_safe`] keeps of an id: 120 two-byte Arabic
/// letters fit, a suffix and an extension still fit in 255 bytes.
const FILE_SAFE_MAX_BYTES: usize = 240;

/// Hands the load summary back from the thread that ran the loader.
#[derive(Debug, Clone, Default)]
pub struct SummarySlot(Arc<Mutex<Option<LoadSummary>>>);

impl SummarySlot {
    /// The summary, once the stream is exhausted.
    pub fn take(&self) -> Option<LoadSummary> {
        self.0.lock().ok().and_then(|mut s| s.take())
    }
}

/// Documents of a [`Loader`], ids unique, problems as diagnostics.
pub struct Documents {
    loader: Option<Loader>,
    file_safe_ids: bool,
    seen: BTreeSet<String>,
    pending: Option<Document>,
    slot: SummarySlot,
}

impl Documents {
    /// Streams the documents of `paths` (`-` is stdin; no path at all is
    /// stdin). Zoning is left to the caller (`opts.prepare` is turned
    /// off) so that it runs on the worker threads.
    pub fn new(
        paths: &[PathBuf],
        mut opts: LoadOptions,
        file_safe_ids: bool,
        slot: SummarySlot,
    ) -> Self {
        opts.prepare = false;
        let inputs: Vec<PathBuf> = if paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            paths.to_vec()
        };
        Self::from_loader(Loader::new(inputs, opts), file_safe_ids, slot)
    }

    /// Streams the documents of a loader; its summary goes to `slot` once
    /// the stream is exhausted.
    pub fn from_loader(loader: Loader, file_safe_ids: bool, slot: SummarySlot) -> Self {
        Documents {
            loader: Some(loader),
            file_safe_ids,
            seen: BTreeSet::new(),
            pending: None,
            slot,
        }
    }

    /// `id` made unique among the ids given so far (the second `x` becomes
    /// `x~2`), and file-safe when asked.
    fn unique_id(&mut self, id: &str) -> String {
        let base = if self.file_safe_ids {
            file_safe(id)
        } else if id.is_empty() {
            "doc".to_string()
        } else {
            id.to_string()
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while self.seen.contains(&candidate) {
            candidate = format!("{base}~{n}");
            n += 1;
        }
        self.seen.insert(candidate.clone());
        candidate
    }
}

impl Iterator for Documents {
    type Item = Result<Document, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(doc) = self.pending.take() {
            return Some(Ok(doc));
        }
        let loader = self.loader.as_mut()?;
        match loader.next() {
            Some(Ok(mut doc)) => {
                let id = self.unique_id(&doc.id);
                let renamed = id != doc.id && id != file_safe(&doc.id);
                let old = std::mem::replace(&mut doc.id, id);
                if renamed {
                    let d = Diagnostic {
                        severity: Severity::Warning,
                        origin: doc.origin.clone(),
                        message: format!("duplicate document id `{old}`, renamed `{}`", doc.id),
                    };
                    self.pending = Some(doc);
                    return Some(Err(d));
                }
                Some(Ok(doc))
            }
            Some(Err(p)) => Some(Err(diagnostic(&p))),
            None => {
                if let (Some(loader), Ok(mut slot)) = (self.loader.take(), self.slot.0.lock()) {
                    *slot = Some(loader.into_summary());
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(input: &str, name: &str, safe: bool) -> Vec<Result<String, String>> {
        let loader = Loader::from_bytes(name, input.as_bytes().to_vec(), LoadOptions::default());
        let slot = SummarySlot::default();
        let docs = Documents::from_loader(loader, safe, slot.clone());
        let out = docs
            .map(|r| {
                r.map(|d| d.id)
                    .map_err(|d| format!("{}: {}", d.origin, d.message))
            })
            .collect();
        assert!(slot.take().is_some());
        out
    }

    #[test]
    fn duplicate_ids_are_renamed_with_a_warning() {
        let out = ids(
            "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n",
            "in.jsonl",
            false,
        );
        assert_eq!(out[0], Ok("a".into()));
        assert!(
            out[1]
                .as_ref()
                .unwrap_err()
                .contains("duplicate document id `a`")
        );
        assert_eq!(out[2], Ok("a~2".into()));
    }

    #[test]
    fn bad_records_are_reported_and_skipped() {
        let out = ids(
            "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n{\"id\":\"b\",\"text\":\"y\"}\n",
            "in.jsonl",
            false,
        );
        assert_eq!(out.len(), 3);
        assert!(out[1].as_ref().unwrap_err().starts_with("in.jsonl:2: "));
        assert_eq!(out[2], Ok("b".into()));
    }

    #[test]
    fn file_safe_ids_never_escape_the_directory() {
        assert_eq!(file_safe("../x/y"), ".._x_y");
        assert_eq!(file_safe(".."), "doc2");
        assert_eq!(file_safe(""), "doc0");
        assert_eq!(file_safe("in:3"), "in_3");
    }

    #[test]
    fn file_safe_ids_fit_in_a_file_name_in_bytes() {
        // 120 Arabic letters (240 bytes) are kept whole.
        let arabic = "ب".repeat(130);
        assert_eq!(file_safe(&arabic), "ب".repeat(120));
        // 100 four-byte characters would make a 400-byte name.
        let emoji = "😀".repeat(100);
        assert_eq!(file_safe(&emoji), "😀".repeat(60));
        assert!(file_safe(&emoji).len() <= FILE_SAFE_MAX_BYTES);
    }
}
