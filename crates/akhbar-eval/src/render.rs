//! Text renderings of a [`Report`]: an aligned table for terminals,
//! Markdown, and JSON.

use crate::report::{BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, Report};
use crate::schemes::{Scheme, Scores};

/// How to render a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned plain-text tables.
    Table,
    /// Markdown tables.
    Markdown,
    /// One pretty-printed JSON object.
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(Format::Table),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            _ => Err(format!(
                "unknown format `{s}` (expected table, markdown or json)"
            )),
        }
    }
}

/// A section: a title, a header and rows of cells.
pub(crate) struct Section {
    pub(crate) title: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

fn f4(x: f64) -> String {
    format!("{x:.4}")
}

fn scores_row(label: &str, s: &Scores) -> Vec<String> {
    let mut row = vec![label.to_string()];
    row.extend(
        [
            s.correct,
            s.incorrect,
            s.partial,
            s.missed,
            s.spurious,
            s.possible,
            s.actual,
        ]
        .iter()
        .map(usize::to_string),
    );
    row.extend([f4(s.precision), f4(s.recall), f4(s.f1)]);
    row
}

fn figures(title: &str, rows: &[(&str, String)]) -> Section {
    Section {
        title: title.to_string(),
        header: vec!["figure".into(), "value".into()],
        rows: rows
            .iter()
            .map(|(k, v)| vec![k.to_string(), v.clone()])
            .collect(),
    }
}

impl Report {
    pub(crate) fn sections(&self) -> Vec<Section> {
        let e = &self.entities;
        let mut out = Vec::new();
        for scheme in Scheme::ALL {
            let mut rows = Vec::new();
            for (t, sc) in &e.per_type.0 {
                rows.push(scores_row(t.as_str(), sc.get(scheme)));
            }
            rows.push(scores_row("overall", e.overall.get(scheme)));
            let m = match scheme {
                Scheme::Strict => e.macro_avg.strict,
                Scheme::Exact => e.macro_avg.exact,
                Scheme::Partial => e.macro_avg.partial,
                Scheme::Type => e.macro_avg.ent_type,
            };
            let mut macro_row = vec!["macro".to_string()];
            macro_row.extend(std::iter::repeat_n(String::new(), 7));
            macro_row.extend([f4(m.precision), f4(m.recall), f4(m.f1)]);
            rows.push(macro_row);
            out.push(Section {
                title: format!("entities, {} scheme", scheme.as_str()),
                header: [
                    "type", "cor", "inc", "par", "mis", "spu", "pos", "act", "P", "R", "F1",
                ]
                .map(String::from)
                .to_vec(),
                rows,
            });
        }
        let [lo, hi] = e.strict_f1_ci95;
        let l = &self.linking;
        let ls = &self.linking.sets;
        let r = &self.relations.all;
        let z = &self.zones;
        let d = &self.documents;
        out.push(figures(
            "summary",
            &[
                ("strict F1", f4(e.overall.strict.f1)),
                ("strict F1 95% CI", format!("{} .. {}", f4(lo), f4(hi))),
                (
                    "bootstrap",
                    format!(
                        "{BOOTSTRAP_RESAMPLES} resamples of documents, seed {BOOTSTRAP_SEED:#x}"
                    ),
                ),
                (
                    "linking accuracy",
                    format!("{} ({}/{})", f4(l.accuracy), l.correct, l.matched),
                ),
                ("linking set P", f4(ls.precision)),
                ("linking set R", f4(ls.recall)),
                (
                    "linking set F1",
                    format!(
                        "{} (gold {}, pred {}, both {})",
                        f4(ls.f1),
                        ls.gold,
                        ls.pred,
                        ls.both
                    ),
                ),
                (
                    "date value accuracy",
                    format!(
                        "{} ({}/{})",
                        f4(self.dates.accuracy),
                        self.dates.correct,
                        self.dates.matched
                    ),
                ),
                ("relations P", f4(r.precision)),
                ("relations R", f4(r.recall)),
                (
                    "relations F1",
                    format!(
                        "{} (gold {}, pred {}, both {})",
                        f4(r.f1),
                        r.gold,
                        r.pred,
                        r.both
                    ),
                ),
                (
                    "has_title F1",
                    format!(
                        "{} (gold {}, pred {}, both {})",
                        f4(self.relations.has_title.f1),
                        self.relations.has_title.gold,
                        self.relations.has_title.pred,
                        self.relations.has_title.both
                    ),
                ),
                (
                    "met F1",
                    format!(
                        "{} (gold {}, pred {}, both {})",
                        f4(self.relations.met.f1),
                        self.relations.met.gold,
                        self.relations.met.pred,
                        self.relations.met.both
                    ),
                ),
                (
                    "zone line accuracy",
                    format!("{} ({} lines)", f4(z.line_accuracy), z.lines),
                ),
                ("zone exact accuracy", f4(z.zone_accuracy)),
                ("content P", f4(z.content_precision)),
                ("content R", f4(z.content_recall)),
                ("content F1", f4(z.content_f1)),
                (
                    "published accuracy",
                    format!(
                        "{} ({}/{})",
                        f4(d.published_accuracy),
                        d.published_correct,
                        d.count
                    ),
                ),
                (
                    "source accuracy",
                    format!(
                        "{} ({}/{})",
                        f4(d.source_accuracy),
                        d.source_correct,
                        d.count
                    ),
                ),
                (
                    "title accuracy",
                    format!("{} ({}/{})", f4(d.title_accuracy), d.title_correct, d.count),
                ),
            ],
        ));
        out
    }

    /// Aligned plain-text tables: one per entity scheme (a row per type,
    /// then overall and macro), then a summary of the other figures. Floats
    /// are printed `{:.4}`.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        for s in self.sections() {
            out.push_str(&s.title);
            out.push('\n');
            let widths = widths(&s);
            let line = |cells: &[String]| {
                let mut l = String::new();
                for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
                    if i > 0 {
                        l.push_str("  ");
                    }
                    let pad = w.saturating_sub(c.chars().count());
                    if i == 0 || s.header.len() == 2 {
                        l.push_str(c);
                        l.push_str(&" ".repeat(pad));
                    } else {
                        l.push_str(&" ".repeat(pad));
                        l.push_str(c);
                    }
                }
                l.trim_end().to_string()
            };
            out.push_str(&line(&s.header));
            out.push('\n');
            let rule: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
            out.push_str(&"-".repeat(rule));
            out.push('\n');
            for r in &s.rows {
                out.push_str(&line(r));
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }

    /// The same tables in Markdown.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for s in self.sections() {
            out.push_str(&format!("### {}\n\n", s.title));
            out.push_str(&format!("| {} |\n", s.header.join(" | ")));
            let align: Vec<&str> = (0..s.header.len())
                .map(|i| {
                    if i == 0 || s.header.len() == 2 {
                        "---"
                    } else {
                        "---:"
                    }
                })
                .collect();
            out.push_str(&format!("| {} |\n", align.join(" | ")));
            for r in &s.rows {
                out.push_str(&format!("| {} |\n", r.join(" | ")));
            }
            out.push('\n');
        }
        out
    }

    /// The report as one pretty-printed JSON object, floats at full
    /// precision.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The report rendered in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Table => self.to_table(),
            Format::Markdown => self.to_markdown(),
            Format::Json => {
                let mut s = self.to_json();
                s.push('\n');
                s
            }
        }
    }

    /// Every figure of the report flattened to `(path, value)` rows sorted
    /// by path (`entities.overall.strict.f1`, …), for baselines and diffs.
    pub fn figures(&self) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        if let Ok(v) = serde_json::to_value(self) {
            flatten("", &v, &mut out);
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, f64)>) {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                flatten(&join(k), v, out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                flatten(&join(&i.to_string()), v, out);
            }
        }
        serde_json::Value::Number(n) => {
            if let Some(x) = n.as_f64() {
                out.push((prefix.to_string(), x));
            }
        }
        _ => {}
    }
}

fn widths(s: &Section) -> Vec<usize> {
    let mut w: Vec<usize> = s.header.iter().map(|h| h.chars().count()).collect();
    for r in &s.rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(x) = w.get_mut(i) {
                *x = (*x).max(c.chars().count());
            }
        }
    }
    w
}
