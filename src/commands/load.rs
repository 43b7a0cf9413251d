//! `akhbar load`: documents with their metadata and zones.

use super::{InputArgs, finish, progress, report, report_load};
use crate::Ctx;
use akhbar::json_line;
use akhbar_core::{CharIndex, Zone};
use std::io::Write;

/// Output format of `akhbar load`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LoadFormat {
    /// One JSON object per document: id, origin, meta, text, zones.
    Jsonl,
    /// One row per document: id, origin, metadata, sizes, lines per zone.
    Csv,
}

/// Load documents: decode, find metadata, zone every line
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar load article.txt
  akhbar load corpus/ dump.jsonl.gz --format csv > documents.csv
  akhbar load dump.csv --text-field body --date-field published_at

Zone offsets are code points of the decoded text, which is kept exactly.")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "jsonl")]
    format: LoadFormat,
}

/// Runs the command; `Ok(false)` when some input was skipped.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    let started = std::time::Instant::now();
    let (docs, slot, total) = args.input.open(false)?;
    let mut out = std::io::BufWriter::new(std::io::stdout());
    if args.format == LoadFormat::Csv {
        out.write_all(b"doc,origin,title,published,source,url,chars,lines,title_lines,meta_lines,body_lines,boilerplate_lines\n")?;
    }
    let bar = progress(ctx, total);
    let format = args.format;
    let mut summary = akhbar::run_pipeline(
        args.input.config(ctx),
        docs,
        |mut doc| {
            akhbar_load::prepare(&mut doc);
            Ok(match format {
                LoadFormat::Jsonl => json_line(&doc, None, true),
                LoadFormat::Csv => {
                    let idx = CharIndex::new(&doc.text);
                    let count = |z: Zone| {
                        doc.zones
                            .iter()
                            .filter(|r| r.zone == z)
                            .map(|r| {
                                doc.text
                                    .get(r.span.range())
                                    .map_or(0, |t| t.lines().count())
                            })
                            .sum::<usize>()
                            .to_string()
                    };
                    let mut w = csv::WriterBuilder::new()
                        .has_headers(false)
                        .from_writer(Vec::new());
                    let m = &doc.meta;
                    let _ = w.write_record([
                        doc.id.as_str(),
                        &doc.origin,
                        m.title.as_deref().unwrap_or(""),
                        m.published.as_deref().unwrap_or(""),
                        m.source.as_deref().unwrap_or(""),
                        m.url.as_deref().unwrap_or(""),
                        &idx.char_len().to_string(),
                        &doc.text.lines().count().to_string(),
                        &count(Zone::Title),
                        &count(Zone::Meta),
                        &count(Zone::Body),
                        &count(Zone::Boilerplate),
                    ]);
                    w.into_inner().unwrap_or_default()
                }
            })
        },
        |line, len| {
            bar.inc(len as u64);
            out.write_all(&line)
        },
        |d| bar.suspend(|| report(ctx, d)),
    )?;
    bar.finish_and_clear();
    out.flush()?;
    report_load(ctx, &slot, &mut summary);
    Ok(finish(
        ctx,
        "load",
        &summary,
        args.input.strict,
        started.elapsed(),
    ))
}
