//! `akhbar gold`: gold-set tools.

use crate::Ctx;
use akhbar_eval::check_gold_set;
use std::path::PathBuf;

/// Gold-set tools (check a set against ANNOTATION.md)
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar gold check gold/
  akhbar gold check private-set/ --quiet && echo valid")]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Check a gold set: hashes, offsets against text, overlaps, ids,
    /// zones, canonicals, values, relations
    #[command(after_help = "\
Examples:
  akhbar gold check gold/

Each problem is printed as file:row: message; exit code 1 when any.")]
    Check {
        /// The gold set's directory.
        #[arg(value_name = "DIR", default_value = "gold")]
        dir: PathBuf,
    },
}

/// Runs the command; `Ok(false)` when the set has problems.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    match args.action {
        Action::Check { dir } => {
            let problems = check_gold_set(&dir);
            for p in &problems {
                eprintln!("akhbar: {}/{p}", dir.display());
            }
            if !ctx.quiet {
                if problems.is_empty() {
                    eprintln!("akhbar: {}: no problems", dir.display());
                } else {
                    eprintln!("akhbar: {}: {} problems", dir.display(), problems.len());
                }
            }
            Ok(problems.is_empty())
        }
    }
}
