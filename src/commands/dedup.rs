//! `akhbar dedup`: exact and near-duplicate articles.

use super::{InputArgs, finish, progress, report, report_load};
use crate::Ctx;
use akhbar_load::{DedupOptions, Deduper, Signature};
use serde::Serialize;
use std::io::Write;

/// Output format of `akhbar dedup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DedupFormat {
    /// One line per cluster: similarity, `exact` or `near`, the ids.
    Text,
    /// One JSON object per cluster: members, similarity, exact.
    Jsonl,
    /// One row per member: cluster number, id, similarity, exact.
    Csv,
}

/// Find exact and near-duplicate articles (MinHash over content zones)
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar dedup corpus/
  akhbar dedup dump.jsonl.gz --threshold 0.6 --format jsonl

Only title and body lines are compared, so the same article on two sites
with different wrappers is found. Clusters are sorted by their first id.")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    format: DedupFormat,
    /// Lowest estimated similarity (Jaccard of 5-word shingles) that links
    /// two articles.
    #[arg(long, default_value_t = 0.8, value_name = "X")]
    threshold: f64,
}

#[derive(Serialize)]
struct JsonCluster<'a> {
    members: &'a [String],
    similarity: f64,
    exact: bool,
}

/// Runs the command; `Ok(false)` when some input was skipped.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    if !(0.0..=1.0).contains(&args.threshold) {
        return Err(super::usage("--threshold must be between 0 and 1"));
    }
    let started = std::time::Instant::now();
    let opts = DedupOptions {
        threshold: args.threshold,
        ..DedupOptions::default()
    };
    let (docs, slot, total) = args.input.open(false)?;
    let bar = progress(ctx, total);
    let mut deduper = Deduper::new(opts);
    let mut summary = akhbar::run_pipeline(
        args.input.config(ctx),
        docs,
        |mut doc| {
            akhbar_load::prepare(&mut doc);
            let sig = Signature::of(&doc, &opts);
            Ok((doc.id, sig))
        },
        |(id, sig), len| {
            bar.inc(len as u64);
            deduper.add_signature(id, sig);
            Ok(())
        },
        |d| bar.suspend(|| report(ctx, d)),
    )?;
    bar.finish_and_clear();
    report_load(ctx, &slot, &mut summary);
    let clusters = deduper.clusters();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.format == DedupFormat::Csv {
        writeln!(out, "cluster,doc,similarity,exact")?;
    }
    for (i, c) in clusters.iter().enumerate() {
        match args.format {
            DedupFormat::Text => writeln!(
                out,
                "{:.4}\t{}\t{}",
                c.similarity,
                if c.exact { "exact" } else { "near" },
                c.members.join(" ")
            )?,
            DedupFormat::Jsonl => {
                serde_json::to_writer(
                    &mut out,
                    &JsonCluster {
                        members: &c.members,
                        similarity: c.similarity,
                        exact: c.exact,
                    },
                )?;
                writeln!(out)?;
            }
            DedupFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::new());
                for m in &c.members {
                    w.write_record([
                        &(i + 1).to_string(),
                        m,
                        &c.similarity.to_string(),
                        &c.exact.to_string(),
                    ])?;
                }
                out.write_all(&w.into_inner().unwrap_or_default())?;
            }
        }
    }
    out.flush()?;
    if ctx.verbose {
        eprintln!(
            "akhbar: dedup: {} clusters, {} documents in them",
            clusters.len(),
            clusters.iter().map(|c| c.members.len()).sum::<usize>()
        );
    }
    Ok(finish(
        ctx,
        "dedup",
        &summary,
        args.input.strict,
        started.elapsed(),
    ))
}
