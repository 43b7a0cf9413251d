//! The committed baseline of `cargo xtask eval`: sorted `figure,value`
//! rows, one per rate (precision, recall, F1, accuracy) of the report.

use anyhow::{Context, bail};
use std::path::Path;

/// How far below its baseline a figure may fall before `--check` fails
/// (float noise only).
pub(crate) const EPSILON: f64 = 1e-9;

/// The gated figures of a report: every precision, recall, F1 and accuracy
/// (higher is better), sorted by name.
pub(crate) fn figures(report: &akhbar_eval::Report) -> Vec<(String, f64)> {
    report
        .figures()
        .into_iter()
        .filter(|(k, _)| {
            let leaf = k.rsplit('.').next().unwrap_or("");
            ["precision", "recall", "f1", "accuracy"]
                .iter()
                .any(|r| leaf.ends_with(r))
        })
        .collect()
}

/// The baseline file's text.
pub(crate) fn render(figures: &[(String, f64)]) -> String {
    let mut out = String::from("figure,value\n");
    for (k, v) in figures {
        out.push_str(&format!("{k},{v}\n"));
    }
    out
}

/// Parses a baseline file's text; errors name the line.
pub(crate) fn parse(text: &str, path: &Path) -> anyhow::Result<Vec<(String, f64)>> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, "figure,value")) => {}
        _ => bail!("{}:1: expected the header `figure,value`", path.display()),
    }
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let (k, v) = line
            .split_once(',')
            .with_context(|| format!("{}:{}: expected `figure,value`", path.display(), i + 1))?;
        let v: f64 = v
            .trim()
            .parse()
            .with_context(|| format!("{}:{}: `{v}` is not a number", path.display(), i + 1))?;
        out.push((k.to_string(), v));
    }
    Ok(out)
}

/// The differences between current figures and a baseline.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Diff {
    /// Figures below their baseline: (figure, baseline, current).
    pub(crate) regressions: Vec<(String, f64, f64)>,
    /// Figures above their baseline.
    pub(crate) gains: Vec<(String, f64, f64)>,
    /// Figures of the baseline the report no longer has.
    pub(crate) missing: Vec<String>,
    /// Figures the baseline does not have yet.
    pub(crate) new: Vec<String>,
}

impl Diff {
    /// True when `--check` fails.
    pub(crate) fn failed(&self) -> bool {
        !self.regressions.is_empty() || !self.missing.is_empty()
    }
}

/// Compares current figures with the baseline.
pub(crate) fn compare(current: &[(String, f64)], baseline: &[(String, f64)]) -> Diff {
    let mut diff = Diff::default();
    for (k, old) in baseline {
        match current.iter().find(|(c, _)| c == k) {
            Some((_, new)) if *new < old - EPSILON => {
                diff.regressions.push((k.clone(), *old, *new))
            }
            Some((_, new)) if *new > old + EPSILON => diff.gains.push((k.clone(), *old, *new)),
            Some(_) => {}
            None => diff.missing.push(k.clone()),
        }
    }
    for (k, _) in current {
        if !baseline.iter().any(|(b, _)| b == k) {
            diff.new.push(k.clone());
        }
    }
    diff
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(v: &[(&str, f64)]) -> Vec<(String, f64)> {
        v.iter().map(|(k, x)| (k.to_string(), *x)).collect()
    }

    #[test]
    fn names_regressions_gains_missing_and_new_figures() {
        let base = rows(&[
            ("a.f1", 0.5),
            ("b.recall", 0.25),
            ("c.precision", 1.0),
            ("gone.f1", 0.1),
        ]);
        let now = rows(&[
            ("a.f1", 0.4),
            ("b.recall", 0.5),
            ("c.precision", 1.0 - 1e-12),
            ("d.f1", 0.0),
        ]);
        let d = compare(&now, &base);
        assert_eq!(d.regressions, vec![("a.f1".to_string(), 0.5, 0.4)]);
        assert_eq!(d.gains, vec![("b.recall".to_string(), 0.25, 0.5)]);
        assert_eq!(d.missing, vec!["gone.f1".to_string()]);
        assert_eq!(d.new, vec!["d.f1".to_string()]);
        assert!(d.failed());
    }

    #[test]
    fn baseline_text_round_trips() {
        let figs = rows(&[
            ("entities.overall.strict.f1", 0.123_456_789_012_345_67),
            ("zones.line_accuracy", 1.0),
        ]);
        let text = render(&figs);
        assert_eq!(parse(&text, Path::new("b.csv")).expect("parses"), figs);
        let err = parse("figure,value\nx,abc\n", Path::new("b.csv")).expect_err("bad number");
        assert_eq!(err.to_string(), "b.csv:2: `abc` is not a number");
    }
}
