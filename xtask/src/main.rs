//! Project tasks for akhbar, run as `cargo xtask <task>` (an alias in
//! `.cargo/config.toml`). Each subcommand lives in its own module.

mod baseline;
mod bench;
mod eval;
mod gold;
mod ner;
mod wikifane;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// The workspace root, found from this crate's manifest directory.
pub(crate) fn project_root() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    dir.parent().map(PathBuf::from).unwrap_or(dir)
}

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Project tasks for akhbar")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Validate a gold set against ANNOTATION.md.
    Gold(gold::Args),
    /// Run the pipeline on a gold set (or read predictions) and score it.
    Eval(eval::Args),
    /// Train the NER tagger on an IOB2 file and write the model.
    TrainNer(ner::TrainArgs),
    /// Score the NER tagger on an IOB2 test file.
    BenchNer(ner::BenchArgs),
    /// Measure end-to-end throughput on a corpus built from the seeds.
    Bench(bench::Args),
}

fn main() -> std::process::ExitCode {
    let result = match Cli::parse().task {
        Task::Gold(a) => gold::run(a),
        Task::Eval(a) => eval::run(a),
        Task::TrainNer(a) => ner::train(a),
        Task::BenchNer(a) => ner::bench(a),
        Task::Bench(a) => bench::run(a),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // `{:#}` prints the context chain on one line, no backtrace.
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
