//! `akhbar extract`: entities, canonicals, dates and relations of every
//! document, in the chosen export format.

use super::{InputArgs, finish, progress, report, report_load, usage};
use crate::Ctx;
use akhbar::{ExportFormat, Sink, render};
use akhbar_extract::{Extractor, ExtractorConfig};
use std::path::PathBuf;

/// Extract entities, canonical names, dates and relations
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar extract article.txt
  akhbar extract corpus/ --threads 4 --format jsonl > out.jsonl
  akhbar extract dump.jsonl.gz --format csv --out results/
  akhbar extract corpus/ --format gold --out pred/ && akhbar eval --gold gold/ --pred pred/
  akhbar extract corpus/ --format brat --out brat/
  cat article.txt | akhbar extract - --format conll

Offsets in every format are code points of the original text.")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "jsonl")]
    format: ExportFormat,
    /// Write into this directory (created if needed) instead of stdout;
    /// required by `brat` and `gold`.
    #[arg(long, short, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Add each document's text to its JSON line.
    #[arg(long)]
    with_text: bool,
    /// Find mentions only, no relations (faster).
    #[arg(long)]
    no_relations: bool,
    /// Rules and lexicons only: without the learned NER tagger's evidence
    /// for persons, organizations and places where the rules find nothing
    /// (faster; finds fewer names in open-domain news).
    #[arg(long)]
    no_tagger: bool,
}

/// Runs the command; `Ok(false)` when some input was skipped.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    if args.format.needs_dir() && args.out.is_none() {
        return Err(usage(format!(
            "--format {} writes several files: give --out DIR",
            if args.format == ExportFormat::Brat {
                "brat"
            } else {
                "gold"
            }
        )));
    }
    let started = std::time::Instant::now();
    let (docs, slot, total) = args.input.open(args.format.needs_dir())?;
    let mut sink = Sink::open(args.format, args.out.as_deref())?;
    // The update keeps this compiling when the config gains fields.
    #[allow(clippy::needless_update)]
    let extractor = Extractor::new(ExtractorConfig {
        no_relations: args.no_relations,
        no_tagger: args.no_tagger,
        ..ExtractorConfig::default()
    });
    let bar = progress(ctx, total);
    let format = args.format;
    let with_text = args.with_text;
    let mut summary = akhbar::run_pipeline(
        args.input.config(ctx),
        docs,
        |mut doc| {
            akhbar_load::prepare(&mut doc);
            let ann = extractor.extract(&doc);
            Ok(render(format, &doc, &ann, with_text))
        },
        |r, len| {
            bar.inc(len as u64);
            sink.write(r)
        },
        |d| bar.suspend(|| report(ctx, d)),
    )?;
    bar.finish_and_clear();
    sink.finish()?;
    report_load(ctx, &slot, &mut summary);
    Ok(finish(
        ctx,
        "extract",
        &summary,
        args.input.strict,
        started.elapsed(),
    ))
}
