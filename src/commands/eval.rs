//! `akhbar eval`: score predictions against a gold set.

use crate::Ctx;
use akhbar_eval::{EvalError, Format, GoldSet, evaluate, html_report};
use std::path::PathBuf;

/// Output format of `akhbar eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// Aligned plain-text tables.
    Table,
    /// One JSON object (full precision).
    Json,
    /// Markdown tables.
    Markdown,
}

/// Score predictions against a gold set (entities, linking, dates, relations, zones)
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar extract gold/texts --format gold --out pred/
  akhbar eval --gold gold/ --pred pred/
  akhbar eval --gold gold/ --pred pred/ --format json > scores.json
  akhbar eval --gold gold/ --pred pred/ --html report.html

Both directories follow the layout of ANNOTATION.md; a prediction set needs
entities.csv only. Entities are scored with the four nervaluate schemes.")]
pub struct Args {
    /// The gold set.
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// The predictions, in the same layout.
    #[arg(long, value_name = "DIR")]
    pred: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "table")]
    format: EvalFormat,
    /// Also write the HTML error report (every difference, marked in the
    /// text) to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
}

/// Runs the command. An unreadable set, or predictions that do not fit the
/// gold set, leave nothing to score: an error (exit 2), as the exit codes
/// promise 1 only when the rest was written.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    let read = |what: &str, dir: &PathBuf| match GoldSet::read(dir) {
        Ok(s) => Some(s),
        Err(e) => {
            // An I/O error already names its path; a problem names a file
            // relative to the set.
            match e {
                EvalError::Io { .. } => eprintln!("akhbar: {what} set: {e}"),
                _ => eprintln!("akhbar: {what} set {}: {e}", dir.display()),
            }
            None
        }
    };
    let (Some(gold), Some(pred)) = (read("gold", &args.gold), read("prediction", &args.pred))
    else {
        return Err(anyhow::anyhow!("nothing scored: a set could not be read"));
    };
    let report = evaluate(&gold, &pred).map_err(|e| anyhow::anyhow!("nothing scored: {e}"))?;
    let format = match args.format {
        EvalFormat::Table => Format::Table,
        EvalFormat::Json => Format::Json,
        EvalFormat::Markdown => Format::Markdown,
    };
    let mut text = report.render(format);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes())?;
    if let Some(path) = &args.html {
        std::fs::write(path, html_report(&gold, &pred, &report))
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
        if ctx.verbose {
            eprintln!("akhbar: wrote {}", path.display());
        }
    }
    Ok(true)
}
