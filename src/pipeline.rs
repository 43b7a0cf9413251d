//! The parallel pipeline: a reader thread cuts the document stream into
//! chunks, a rayon pool processes each chunk, a writer thread writes the
//! results in input order.
//!
//! Invariant: the output is the same bytes whatever the thread count; at
//! most a few chunks are in memory at once, whatever the corpus size.

use akhbar_core::{Diagnostic, Document, Severity};
use rayon::prelude::*;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::sync_channel;

/// Settings of a [`run`].
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Documents per chunk at most.
    pub chunk_docs: usize,
    /// Bytes of text per chunk at most (a chunk holds at least one
    /// document).
    pub chunk_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            threads: 0,
            chunk_docs: 512,
            chunk_bytes: 8 << 20,
        }
    }
}

/// What a [`run`] went through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents processed and written.
    pub documents: usize,
    /// Bytes of text processed.
    pub bytes: u64,
    /// Inputs or documents skipped because of an error.
    pub errors: usize,
    /// Warnings reported.
    pub warnings: usize,
}

impl Summary {
    /// True when nothing failed.
    pub fn ok(&self) -> bool {
        self.errors == 0
    }
}

/// Runs `process` over every document of the source that `make_source`
/// builds (on the reader thread, so the source need not be `Send`) on
/// `config.threads`
/// threads and hands each result, in input order, to `write`, and each
/// diagnostic, in input order too, to `report`. A document whose
/// processing fails (or panics) is reported and skipped. An error from
/// `write` stops the run and is returned.
pub fn run<M, S, T, P, W, R>(
    config: Config,
    make_source: M,
    process: P,
    mut write: W,
    mut report: R,
) -> io::Result<Summary>
where
    M: FnOnce() -> S + Send,
    S: Iterator<Item = Result<Document, Diagnostic>>,
    T: Send,
    P: Fn(Document) -> Result<T, Diagnostic> + Sync,
    W: FnMut(T, usize) -> io::Result<()> + Send,
    R: FnMut(&Diagnostic) + Send,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .thread_name(|i| format!("akhbar-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let chunk_docs = config.chunk_docs.max(1);
    type Chunk = Vec<Result<Document, Diagnostic>>;
    type Done<T> = Vec<Result<(T, usize), Diagnostic>>;
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(2);
    let (done_tx, done_rx) = sync_channel::<Done<T>>(2);

    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut chunk = Vec::with_capacity(chunk_docs);
            let mut bytes = 0;
            for item in make_source() {
                if let Ok(doc) = &item {
                    bytes += doc.text.len();
                }
                chunk.push(item);
                if chunk.len() >= chunk_docs || bytes >= config.chunk_bytes {
                    bytes = 0;
                    if chunk_tx
                        .send(std::mem::replace(
                            &mut chunk,
                            Vec::with_capacity(chunk_docs),
                        ))
                        .is_err()
                    {
                        return;
                    }
                }
            }
            if !chunk.is_empty() {
                let _ = chunk_tx.send(chunk);
            }
        });
        let writer = scope.spawn(move || -> io::Result<Summary> {
            let mut summary = Summary::default();
            for done in done_rx {
                for item in done {
                    match item {
                        Ok((value, len)) => {
                            summary.documents += 1;
                            summary.bytes += len as u64;
                            write(value, len)?;
                        }
                        Err(d) => {
                            match d.severity {
                                Severity::Error => summary.errors += 1,
                                Severity::Warning => summary.warnings += 1,
                            }
                            report(&d);
                        }
                    }
                }
            }
            Ok(summary)
        });
        let process = &process;
        for chunk in chunk_rx {
            let done: Done<T> = pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|item| {
                        let doc = item?;
                        let origin = doc.origin.clone();
                        let len = doc.text.len();
                        match catch_unwind(AssertUnwindSafe(|| process(doc))) {
                            Ok(r) => r.map(|v| (v, len)),
                            Err(panic) => Err(Diagnostic {
                                severity: Severity::Error,
                                origin,
                                message: format!(
                                    "internal error, document skipped: {}",
                                    panic_message(&panic)
                                ),
                            }),
                        }
                    })
                    .collect()
            });
            if done_tx.send(done).is_err() {
                break;
            }
        }
        drop(done_tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")))
    })
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(n: usize) -> Vec<Result<Document, Diagnostic>> {
        (0..n)
            .map(|i| {
                if i % 7 == 3 {
                    Err(Diagnostic {
                        severity: Severity::Error,
                        origin: format!("in:{i}"),
                        message: "bad".into(),
                    })
                } else {
                    Ok(Document::new(format!("d{i}"), "x".repeat(i % 5 + 1)))
                }
            })
            .collect()
    }

    fn collect(threads: usize, chunk_docs: usize) -> (Vec<String>, Summary) {
        let mut out = Vec::new();
        let config = Config {
            threads,
            chunk_docs,
            chunk_bytes: 1 << 20,
        };
        let summary = run(
            config,
            || docs(100).into_iter(),
            |d| {
                if d.id == "d50" {
                    panic!("boom");
                }
                Ok(d.id)
            },
            |id, _| {
                out.push(id);
                Ok(())
            },
            out_report,
        )
        .unwrap();
        (out, summary)
    }

    fn out_report(_d: &Diagnostic) {}

    #[test]
    fn order_is_stable_whatever_the_threads_and_chunks() {
        let (one, s1) = collect(1, 1);
        let (four, s4) = collect(4, 9);
        assert_eq!(one, four);
        assert_eq!(s1, s4);
        assert_eq!(one.first().map(String::as_str), Some("d0"));
        assert!(!one.contains(&"d50".to_string()));
        assert_eq!(s1.errors, 15);
    }
}
