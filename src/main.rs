//! The akhbar command line.

mod commands;

/// mimalloc: the pipeline allocates many small strings and vectors per
/// document, and glibc's allocator was a tenth of the instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::io::{self, IsTerminal};
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  everything was read and written
  1  some input was skipped (reported on stderr); the rest was written
  2  usage error, or the command could not run at all

Examples:
  akhbar extract corpus/ --format jsonl > out.jsonl
  akhbar extract dump.jsonl.gz --format gold --out pred/
  akhbar eval --gold gold/ --pred pred/
  cat article.txt | akhbar normalize --preset search";

#[derive(Parser)]
#[command(
    name = "akhbar",
    version,
    about = "Turn scraped Arabic news articles into clean, structured, evaluated data",
    after_help = EXIT_CODES,
    propagate_version = true
)]
struct Cli {
    /// Worker threads (0: one per core). Output is the same for any value.
    #[arg(
        long,
        short = 'j',
        global = true,
        default_value_t = 0,
        value_name = "N"
    )]
    threads: usize,
    /// Print nothing on stderr but errors; no progress bar.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Print a summary at the end: documents, MB/s, skipped, warnings.
    #[arg(long, short, global = true, conflicts_with = "quiet")]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(commands::extract::Args),
    Normalize(commands::normalize::Args),
    Tokenize(commands::tokenize::Args),
    Load(commands::load::Args),
    Tag(commands::tag::Args),
    Dedup(commands::dedup::Args),
    Eval(commands::eval::Args),
    Stats(commands::stats::Args),
    Gold(commands::gold::Args),
    Completions(commands::completions::Args),
}

/// Settings every command shares.
pub struct Ctx {
    /// Worker threads.
    pub threads: usize,
    /// `--quiet`.
    pub quiet: bool,
    /// `--verbose`.
    pub verbose: bool,
    /// True when stderr is a terminal (progress bars allowed).
    pub tty: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx {
        threads: cli.threads,
        quiet: cli.quiet,
        verbose: cli.verbose,
        tty: io::stderr().is_terminal(),
    };
    let result = match cli.command {
        Command::Extract(a) => commands::extract::run(&ctx, a),
        Command::Normalize(a) => commands::normalize::run(&ctx, a),
        Command::Tokenize(a) => commands::tokenize::run(&ctx, a),
        Command::Load(a) => commands::load::run(&ctx, a),
        Command::Tag(a) => commands::tag::run(&ctx, a),
        Command::Dedup(a) => commands::dedup::run(&ctx, a),
        Command::Eval(a) => commands::eval::run(&ctx, a),
        Command::Stats(a) => commands::stats::run(&ctx, a),
        Command::Gold(a) => commands::gold::run(&ctx, a),
        Command::Completions(a) => commands::completions::run::<Cli>(a),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            // A closed pipe (`| head`) is a normal way to stop reading.
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("akhbar: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
