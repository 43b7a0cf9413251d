//! One module per subcommand, plus what they share: input arguments,
//! diagnostics on stderr, the progress bar.

pub mod completions;
pub mod dedup;
pub mod eval;
pub mod extract;
pub mod gold;
pub mod load;
pub mod normalize;
pub mod stats;
pub mod tag;
pub mod tokenize;

use crate::Ctx;
use akhbar::{Config, Documents, Summary, SummarySlot};
use akhbar_core::{Diagnostic, Severity};
use akhbar_load::{LoadOptions, LoadSummary, TextEncoding};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Where documents come from; shared by every command that reads
/// documents.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or directories (walked recursively, sorted); `-` or nothing
    /// reads stdin. txt, jsonl, json, csv, tsv, TREC sgml, each possibly
    /// gzipped.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read every input in this format instead of guessing it from the
    /// extension or the content: txt, jsonl, json, csv, tsv, trec, html.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<akhbar_load::Format>,
    /// Decode every input in this encoding instead of detecting it:
    /// utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<TextEncoding>,
    /// Field (JSON) or column (CSV) holding the text; repeat to try
    /// several, first present wins [default: text, content, body, …].
    #[arg(long, value_name = "NAME")]
    pub text_field: Vec<String>,
    /// Field or column holding the document id [default: id, doc, …].
    #[arg(long, value_name = "NAME")]
    pub id_field: Vec<String>,
    /// Field or column holding the headline [default: title, headline, …].
    #[arg(long, value_name = "NAME")]
    pub title_field: Vec<String>,
    /// Field or column holding the publication date [default: published,
    /// date, …].
    #[arg(long, value_name = "NAME")]
    pub date_field: Vec<String>,
    /// Documents processed together; memory grows with it.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub chunk_size: usize,
    /// Skip documents with undecodable bytes instead of replacing them,
    /// and turn every warning into a failure (exit 1).
    #[arg(long)]
    pub strict: bool,
}

fn parse_format(s: &str) -> Result<akhbar_load::Format, String> {
    s.parse()
}

fn parse_encoding(s: &str) -> Result<TextEncoding, String> {
    s.parse()
}

/// The sum of the sizes of the files under `paths`, `None` with stdin.
fn total_size(paths: &[PathBuf]) -> Option<u64> {
    fn size(p: &std::path::Path) -> u64 {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => std::fs::read_dir(p)
                .map(|rd| rd.filter_map(Result::ok).map(|e| size(&e.path())).sum())
                .unwrap_or(0),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    Some(paths.iter().map(|p| size(p)).sum())
}

impl InputArgs {
    /// The loader settings.
    pub fn load_options(&self) -> LoadOptions {
        let mut opts = LoadOptions {
            encoding: self.encoding,
            format: self.input_format,
            strict: self.strict,
            ..LoadOptions::default()
        };
        for (given, names) in [
            (&self.text_field, &mut opts.fields.text),
            (&self.id_field, &mut opts.fields.id),
            (&self.title_field, &mut opts.fields.title),
            (&self.date_field, &mut opts.fields.date),
        ] {
            if !given.is_empty() {
                *names = given.clone();
            }
        }
        opts
    }

    /// A maker of the document stream (run on the pipeline's reader
    /// thread), the slot its load summary lands in, and the total input
    /// size when known. Reading a terminal is a usage error: no path was
    /// given and nothing is piped in.
    pub fn open(
        &self,
        file_safe_ids: bool,
    ) -> anyhow::Result<(
        impl FnOnce() -> Documents + Send + use<>,
        SummarySlot,
        Option<u64>,
    )> {
        if self.paths.is_empty() && std::io::stdin().is_terminal() {
            return Err(usage(
                "no input: give a file or directory, or pipe text into stdin (`-`)",
            ));
        }
        let slot = SummarySlot::default();
        let paths = self.paths.clone();
        let opts = self.load_options();
        let slot2 = slot.clone();
        let make = move || Documents::new(&paths, opts, file_safe_ids, slot2);
        Ok((make, slot, total_size(&self.paths)))
    }

    /// The pipeline settings.
    pub fn config(&self, ctx: &Ctx) -> Config {
        Config {
            threads: ctx.threads,
            chunk_docs: self.chunk_size.max(1),
            ..Config::default()
        }
    }
}

/// Prints a diagnostic on stderr (warnings only when not `--quiet`).
pub fn report(ctx: &Ctx, d: &Diagnostic) {
    match d.severity {
        Severity::Error => eprintln!("akhbar: {}: {}", d.origin, d.message),
        Severity::Warning if !ctx.quiet => {
            eprintln!("akhbar: warning: {}: {}", d.origin, d.message)
        }
        Severity::Warning => {}
    }
}

/// Reports what the loader kept to the end (bytes replaced by U+FFFD,
/// which do not stop a document), counted into the summary.
pub fn report_load(ctx: &Ctx, slot: &SummarySlot, summary: &mut Summary) -> Option<LoadSummary> {
    let load = slot.take()?;
    for p in load.problems.iter().filter(|p| !p.kind.is_skip()) {
        let d = akhbar::diagnostic(p);
        summary.warnings += 1;
        report(ctx, &d);
    }
    if ctx.verbose {
        eprintln!("akhbar: load: {load}");
    }
    Some(load)
}

/// Prints the closing summary when asked or when something failed, and
/// tells whether the run succeeded.
pub fn finish(
    ctx: &Ctx,
    what: &str,
    summary: &Summary,
    strict: bool,
    elapsed: std::time::Duration,
) -> bool {
    if ctx.verbose || (!ctx.quiet && summary.errors > 0) {
        let secs = elapsed.as_secs_f64().max(1e-9);
        eprintln!(
            "akhbar: {what}: {} documents ({:.1} MB, {:.1} MB/s), {} skipped, {} warnings",
            summary.documents,
            summary.bytes as f64 / 1e6,
            summary.bytes as f64 / 1e6 / secs,
            summary.errors,
            summary.warnings
        );
    }
    summary.errors == 0 && !(strict && summary.warnings > 0)
}

/// A progress bar on stderr, only when stderr is a terminal, `--quiet` is
/// off, and the work is long (more than 8 MB, or of unknown size).
pub fn progress(ctx: &Ctx, total: Option<u64>) -> ProgressBar {
    let long = total.is_none_or(|t| t > 8 << 20);
    if !ctx.tty || ctx.quiet || !long {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bytes} ({bytes_per_sec})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// A usage error: the command line asks for something impossible (exit 2).
pub fn usage(message: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{message}")
}
