//! `cargo xtask eval`: runs the akhbar pipeline on a gold set's texts (or
//! reads another system's predictions) and scores it with akhbar-eval.

use crate::baseline;
use akhbar_eval::{Format, GoldDocument, GoldSet, Report};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// Arguments of `cargo xtask eval`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The gold set (default: `gold/`).
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Score this prediction set (gold layout; texts/, zones.csv,
    /// relations.csv and documents.csv optional) instead of running the
    /// pipeline.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Write the predictions in the gold layout to this directory.
    #[arg(long, value_name = "DIR")]
    save_pred: Option<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = ["table", "json", "markdown"])]
    format: String,
    /// Fail (exit 1) naming every figure below the committed baseline.
    #[arg(long, conflicts_with = "bless")]
    check: bool,
    /// Rewrite the committed baseline with the current figures.
    #[arg(long)]
    bless: bool,
    /// The baseline file (default: `xtask/eval-baseline.csv`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write the HTML error report to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Run the extractor without the learned tagger's PER/ORG/LOC evidence.
    #[arg(long, conflicts_with = "pred")]
    no_tagger: bool,
}

/// Runs the akhbar pipeline on every gold text: load (zones, metadata),
/// then extraction, with one extractor for all documents.
pub(crate) fn predict(gold: &GoldSet, no_tagger: bool) -> anyhow::Result<GoldSet> {
    let extractor = akhbar_extract::Extractor::new(akhbar_extract::ExtractorConfig {
        no_tagger,
        ..Default::default()
    });
    let mut docs = Vec::with_capacity(gold.documents.len());
    for g in &gold.documents {
        let Some(text) = &g.text else {
            bail!("gold document `{}` has no text (texts/{}.txt)", g.id, g.id);
        };
        let mut doc = akhbar_core::Document::new(g.id.clone(), text.clone());
        akhbar_load::prepare(&mut doc);
        docs.push(doc);
    }
    // All documents at once: the batch unifies canonical names across them.
    let anns = extractor.extract_batch(&docs);
    let out = docs
        .iter()
        .zip(&anns)
        .map(|(doc, ann)| GoldDocument::from_pipeline(doc, ann))
        .collect();
    Ok(GoldSet::new(out))
}

/// Reads the gold set, gets predictions, scores them.
pub(crate) fn score(
    gold_dir: &Path,
    pred_dir: Option<&Path>,
    no_tagger: bool,
) -> anyhow::Result<(GoldSet, GoldSet, Report)> {
    let gold = GoldSet::read(gold_dir)
        .with_context(|| format!("reading the gold set {}", gold_dir.display()))?;
    let pred = match pred_dir {
        Some(dir) => GoldSet::read(dir)
            .with_context(|| format!("reading the predictions {}", dir.display()))?,
        None => predict(&gold, no_tagger)?,
    };
    let report = akhbar_eval::evaluate(&gold, &pred)
        .with_context(|| format!("scoring against {}", gold_dir.display()))?;
    Ok((gold, pred, report))
}

/// A path for messages: relative to the workspace root when inside it.
fn shown(path: &Path) -> String {
    let root = crate::project_root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Runs the task.
pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    let root = crate::project_root();
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let gold_dir = args.gold.unwrap_or_else(|| root.join("gold"));
    let (gold, pred, report) = score(&gold_dir, args.pred.as_deref(), args.no_tagger)?;

    if let Some(dir) = &args.save_pred {
        pred.write(dir)
            .with_context(|| format!("writing predictions to {}", dir.display()))?;
        eprintln!("predictions written to {}", dir.display());
    }
    if let Some(file) = &args.html {
        std::fs::write(file, akhbar_eval::html_report(&gold, &pred, &report))
            .with_context(|| format!("writing {}", file.display()))?;
        eprintln!("error report written to {}", file.display());
    }
    print!("{}", report.render(format));

    let baseline_path = args
        .baseline
        .unwrap_or_else(|| root.join("xtask/eval-baseline.csv"));
    let current = baseline::figures(&report);
    if args.bless {
        std::fs::write(&baseline_path, baseline::render(&current))
            .with_context(|| format!("writing {}", baseline_path.display()))?;
        eprintln!(
            "baseline {} rewritten ({} figures)",
            shown(&baseline_path),
            current.len()
        );
    }
    if args.check {
        let text = std::fs::read_to_string(&baseline_path).with_context(|| {
            format!(
                "reading {} (create it with `cargo xtask eval --bless`)",
                baseline_path.display()
            )
        })?;
        let base = baseline::parse(&text, &baseline_path)?;
        let diff = baseline::compare(&current, &base);
        for (k, old, new) in &diff.gains {
            eprintln!("gain: {k} {old:.4} -> {new:.4}");
        }
        for k in &diff.new {
            eprintln!("new figure (not in the baseline): {k}");
        }
        for (k, old, new) in &diff.regressions {
            eprintln!("REGRESSION: {k} fell from {old:.4} to {new:.4}");
        }
        for k in &diff.missing {
            eprintln!("MISSING: {k} is in the baseline but not in the report");
        }
        if diff.failed() {
            eprintln!(
                "eval --check failed: {} figure(s) below {}; fix the regression, or if it is intended run `cargo xtask eval --bless` and commit the baseline with the change",
                diff.regressions.len() + diff.missing.len(),
                shown(&baseline_path)
            );
            std::process::exit(1);
        }
        if !diff.gains.is_empty() || !diff.new.is_empty() {
            eprintln!(
                "eval --check passed with gains: run `cargo xtask eval --bless` to record them"
            );
        } else {
            eprintln!("eval --check passed: every figure at its baseline");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use akhbar_core::EntityType;

    fn gold_dir() -> PathBuf {
        crate::project_root().join("gold")
    }

    /// The extractor's output on one document, one item a line:
    /// `12..18 PER حموشي -> عبد اللطيف حموشي`.
    fn render_prediction(d: &GoldDocument) -> String {
        let mut out = String::new();
        for (k, v) in [
            ("published", &d.published),
            ("source", &d.source),
            ("title", &d.title),
        ] {
            out.push_str(&format!("{k}:{}{v}\n", if v.is_empty() { "" } else { " " }));
        }
        out.push_str("zones:\n");
        for z in &d.zones {
            out.push_str(&format!("{}..{} {}\n", z.span.start, z.span.end, z.zone));
        }
        out.push_str("mentions:\n");
        for e in &d.entities {
            let target = match e.entity_type {
                EntityType::Date => format!(" -> {}", e.value),
                EntityType::Title => String::new(),
                _ => format!(" -> {}", e.canonical),
            };
            out.push_str(&format!(
                "{}..{} {} {}{target}\n",
                e.span.start,
                e.span.end,
                e.entity_type.as_str(),
                e.text
            ));
        }
        out.push_str("relations:\n");
        let text_of = |id: &str| {
            d.entities
                .iter()
                .find(|e| e.id == id)
                .map_or(String::new(), |e| e.text.clone())
        };
        for r in &d.relations {
            out.push_str(&format!(
                "{} {} -> {}\n",
                r.kind,
                text_of(&r.head),
                text_of(&r.tail)
            ));
        }
        out
    }

    #[test]
    fn extractor_output_per_gold_document() {
        let gold = GoldSet::read(&gold_dir()).expect("gold/ reads");
        let pred = predict(&gold, false).expect("pipeline runs");
        for d in &pred.documents {
            insta::with_settings!({ input_file => gold_dir().join(format!("texts/{}.txt", d.id)), omit_expression => true }, {
                insta::assert_snapshot!(format!("extract_{}", d.id), render_prediction(d));
            });
        }
    }

    #[test]
    fn eval_report_table_on_gold() {
        let (_, _, report) = score(&gold_dir(), None, false).expect("scores");
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!("eval_report", report.to_table());
        });
    }

    #[test]
    fn gold_scored_against_itself_is_perfect() {
        let (_, _, report) = score(&gold_dir(), Some(&gold_dir()), false).expect("scores");
        for (k, v) in baseline::figures(&report) {
            // A type absent from gold/ has 0 / 0 figures.
            if report.entities.per_type.0.iter().any(|(t, s)| {
                s.strict.possible == 0 && k.contains(&format!(".per_type.{}.", t.as_str()))
            }) {
                continue;
            }
            assert_eq!(v, 1.0, "{k}");
        }
        assert_eq!(report.entities.strict_f1_ci95, [1.0, 1.0]);
    }

    #[test]
    fn committed_baseline_parses_and_matches_the_report_figures() {
        let path = crate::project_root().join("xtask/eval-baseline.csv");
        let text = std::fs::read_to_string(&path).expect("baseline committed");
        let base = baseline::parse(&text, &path).expect("baseline parses");
        let (_, _, report) = score(&gold_dir(), None, false).expect("scores");
        let names: Vec<String> = baseline::figures(&report)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let base_names: Vec<String> = base.into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            names, base_names,
            "figures changed: run `cargo xtask eval --bless`"
        );
    }
}
