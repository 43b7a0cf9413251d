//! `akhbar stats`: what a corpus holds.

use super::{InputArgs, finish, progress, report, report_load};
use crate::Ctx;
use akhbar_core::{EntityType, Zone};
use akhbar_extract::{Extractor, ExtractorConfig};
use akhbar_normalize::tokens;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// Output format of `akhbar stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    /// Aligned text for reading.
    Table,
    /// One JSON object.
    Json,
}

/// Count documents, tokens, zones, entities per type, top canonicals, dates
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar stats corpus/
  akhbar stats dump.jsonl.gz --top 20 --format json

Tokens are counted in title and body zones; dates are DATE values with a
known year, and the range of `published`.")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "table")]
    format: StatsFormat,
    /// Canonical names listed per type.
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
}

#[derive(Default)]
struct DocStats {
    chars: usize,
    tokens: usize,
    zone_lines: BTreeMap<Zone, usize>,
    mentions: Vec<(EntityType, String)>,
    dates: Vec<String>,
    published: Option<String>,
}

#[derive(Default, Serialize)]
struct Totals {
    documents: usize,
    chars: usize,
    tokens: usize,
    zone_lines: BTreeMap<String, usize>,
    entities: BTreeMap<String, usize>,
    top_canonicals: BTreeMap<String, Vec<(String, usize)>>,
    date_min: Option<String>,
    date_max: Option<String>,
    published_min: Option<String>,
    published_max: Option<String>,
}

/// A date value with at least a known year (`2025`, `2025-06`, `2025-06-24`),
/// cut before any unknown part.
fn dated(value: &str) -> Option<String> {
    let year = value.get(..4)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let known: String = value
        .split('-')
        .take(3)
        .take_while(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join("-");
    Some(known)
}

fn widen(min: &mut Option<String>, max: &mut Option<String>, v: &str) {
    if min.as_deref().is_none_or(|m| v < m) {
        *min = Some(v.to_string());
    }
    if max.as_deref().is_none_or(|m| v > m) {
        *max = Some(v.to_string());
    }
}

/// Runs the command; `Ok(false)` when some input was skipped.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    let started = std::time::Instant::now();
    let (docs, slot, total) = args.input.open(false)?;
    let extractor = Extractor::new(ExtractorConfig::default());
    let bar = progress(ctx, total);
    let mut totals = Totals::default();
    let mut canonicals: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
    let mut entities: BTreeMap<EntityType, usize> = BTreeMap::new();
    let mut zones: BTreeMap<Zone, usize> = BTreeMap::new();
    let mut summary = akhbar::run_pipeline(
        args.input.config(ctx),
        docs,
        |mut doc| {
            akhbar_load::prepare(&mut doc);
            let ann = extractor.extract(&doc);
            let mut s = DocStats {
                chars: doc.text.chars().count(),
                published: doc.meta.published.clone(),
                ..DocStats::default()
            };
            for z in &doc.zones {
                let text = doc.text.get(z.span.range()).unwrap_or("");
                *s.zone_lines.entry(z.zone).or_default() +=
                    text.lines().filter(|l| !l.trim().is_empty()).count();
                if z.zone.is_content() {
                    s.tokens += tokens(text).count();
                }
            }
            for m in ann.mentions {
                if m.entity_type == EntityType::Date {
                    s.dates.extend(dated(&m.value));
                }
                s.mentions.push((m.entity_type, m.canonical));
            }
            Ok(s)
        },
        |s: DocStats, len| {
            bar.inc(len as u64);
            totals.documents += 1;
            totals.chars += s.chars;
            totals.tokens += s.tokens;
            for (z, n) in s.zone_lines {
                *zones.entry(z).or_default() += n;
            }
            for (t, c) in s.mentions {
                *entities.entry(t).or_default() += 1;
                if !c.is_empty() {
                    *canonicals.entry((t, c)).or_default() += 1;
                }
            }
            for d in &s.dates {
                widen(&mut totals.date_min, &mut totals.date_max, d);
            }
            if let Some(p) = s.published.as_deref().and_then(dated) {
                widen(&mut totals.published_min, &mut totals.published_max, &p);
            }
            Ok(())
        },
        |d| bar.suspend(|| report(ctx, d)),
    )?;
    bar.finish_and_clear();
    report_load(ctx, &slot, &mut summary);
    totals.zone_lines = zones
        .into_iter()
        .map(|(z, n)| (z.as_str().to_string(), n))
        .collect();
    totals.entities = entities
        .iter()
        .map(|(t, n)| (t.as_str().to_string(), *n))
        .collect();
    for t in EntityType::ALL {
        let mut top: Vec<(String, usize)> = canonicals
            .iter()
            .filter(|((ty, _), _)| *ty == t)
            .map(|((_, c), n)| (c.clone(), *n))
            .collect();
        // Most frequent first; ties in name order, so output is stable.
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(args.top);
        if !top.is_empty() {
            totals.top_canonicals.insert(t.as_str().to_string(), top);
        }
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &totals)?;
            writeln!(out)?;
        }
        StatsFormat::Table => write_table(&mut out, &totals)?,
    }
    Ok(finish(
        ctx,
        "stats",
        &summary,
        args.input.strict,
        started.elapsed(),
    ))
}

fn write_table(out: &mut impl Write, t: &Totals) -> std::io::Result<()> {
    let range = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => format!("{a} .. {b}"),
        _ => "-".to_string(),
    };
    writeln!(out, "documents    {}", t.documents)?;
    writeln!(out, "characters   {}", t.chars)?;
    writeln!(out, "tokens       {}", t.tokens)?;
    writeln!(out, "dates        {}", range(&t.date_min, &t.date_max))?;
    writeln!(
        out,
        "published    {}",
        range(&t.published_min, &t.published_max)
    )?;
    writeln!(out, "\nzone lines")?;
    for (z, n) in &t.zone_lines {
        writeln!(out, "  {z:<12} {n}")?;
    }
    writeln!(out, "\nentities")?;
    for (ty, n) in &t.entities {
        writeln!(out, "  {ty:<12} {n}")?;
    }
    for (ty, top) in &t.top_canonicals {
        writeln!(out, "\ntop {ty}")?;
        for (c, n) in top {
            writeln!(out, "  {n:>6}  {c}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_keeps_the_known_prefix() {
        assert_eq!(dated("2025-06-24").as_deref(), Some("2025-06-24"));
        assert_eq!(dated("2025-XX").as_deref(), Some("2025"));
        assert_eq!(dated("2024-W41").as_deref(), Some("2024"));
        assert_eq!(dated("XXXX-12"), None);
    }
}
