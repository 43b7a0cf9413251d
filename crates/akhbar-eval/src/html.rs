//! The HTML error report: one self-contained page with the summary tables
//! and every document's text, gold and predicted mentions marked, each
//! difference highlighted and filterable.

use crate::check::lines;
use crate::compare::comparison_form;
use crate::layout::{GoldDocument, GoldEntity, GoldSet, GoldZone};
use crate::report::{Report, sorted_entities};
use crate::schemes::{Outcome, Scheme, match_spans};
use akhbar_core::{EntityType, Zone};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The kinds of difference the page highlights and filters on.
const KINDS: [(&str, &str); 8] = [
    ("correct", "correct"),
    ("missed", "missed"),
    ("spurious", "spurious"),
    ("type", "wrong type"),
    ("boundary", "wrong boundary"),
    ("canonical", "wrong canonical"),
    ("value", "wrong value"),
    ("zone", "wrong zone"),
];

/// Colors of the types (Tableau 10).
fn color(t: EntityType) -> &'static str {
    match t {
        EntityType::Per => "#1f77b4",
        EntityType::Org => "#2ca02c",
        EntityType::Loc => "#ff7f0e",
        EntityType::Title => "#9467bd",
        EntityType::Date => "#8c564b",
        EntityType::Event => "#e377c2",
        EntityType::Threat => "#d62728",
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One entity of a document with the kinds of difference it shows.
struct Marked<'a> {
    entity: &'a GoldEntity,
    kinds: BTreeSet<&'static str>,
    /// The entity on the other side it was paired with, if any.
    partner: Option<&'a GoldEntity>,
}

/// A difference listed under a document's text.
struct Difference<'a> {
    kinds: BTreeSet<&'static str>,
    gold: Option<&'a GoldEntity>,
    pred: Option<&'a GoldEntity>,
}

/// Classifies one document's mentions from the strict pairing: correct,
/// missed, spurious, wrong type and/or boundary, wrong canonical or value.
fn classify<'a>(
    g: &'a GoldDocument,
    p: &'a GoldDocument,
) -> (Vec<Marked<'a>>, Vec<Marked<'a>>, Vec<Difference<'a>>) {
    let (g_ents, g_spans) = sorted_entities(g);
    let (p_ents, p_spans) = sorted_entities(p);
    let m = match_spans(&g_spans, &p_spans, Scheme::Strict);
    let mut gold: Vec<Marked> = g_ents
        .iter()
        .map(|e| Marked {
            entity: e,
            kinds: BTreeSet::new(),
            partner: None,
        })
        .collect();
    let mut pred: Vec<Marked> = Vec::new();
    let mut diffs = Vec::new();
    for (pi, o) in m.pred.iter().enumerate() {
        let pe = p_ents[pi];
        let mut kinds = BTreeSet::new();
        let gi = match *o {
            Outcome::Correct(gi) => {
                let ge = g_ents[gi];
                if ge.entity_type.has_canonical()
                    && comparison_form(&ge.canonical) != comparison_form(&pe.canonical)
                {
                    kinds.insert("canonical");
                }
                if ge.entity_type == EntityType::Date && ge.value.trim() != pe.value.trim() {
                    kinds.insert("value");
                }
                if kinds.is_empty() {
                    kinds.insert("correct");
                }
                Some(gi)
            }
            Outcome::Incorrect(gi) | Outcome::Partial(gi) => {
                let ge = g_ents[gi];
                if ge.entity_type != pe.entity_type {
                    kinds.insert("type");
                }
                if (ge.span.start, ge.span.end) != (pe.span.start, pe.span.end) {
                    kinds.insert("boundary");
                }
                Some(gi)
            }
            Outcome::Spurious => {
                kinds.insert("spurious");
                None
            }
        };
        if let Some(gi) = gi {
            gold[gi].kinds.extend(kinds.iter().copied());
            gold[gi].partner = Some(pe);
        }
        if !kinds.contains("correct") {
            diffs.push(Difference {
                kinds: kinds.clone(),
                gold: gi.map(|i| g_ents[i]),
                pred: Some(pe),
            });
        }
        pred.push(Marked {
            entity: pe,
            kinds,
            partner: gi.map(|i| g_ents[i]),
        });
    }
    for &gi in &m.missed {
        gold[gi].kinds.insert("missed");
        diffs.push(Difference {
            kinds: ["missed"].into_iter().collect(),
            gold: Some(g_ents[gi]),
            pred: None,
        });
    }
    diffs.sort_by_key(|d| {
        let s = d
            .gold
            .or(d.pred)
            .map_or((0, 0), |e| (e.span.start, e.span.end));
        (s, d.pred.is_some())
    });
    (gold, pred, diffs)
}

/// An entity for the difference table: each part isolated with `<bdi>`
/// so that Latin offsets and Arabic text keep their own direction.
fn describe_html(e: &GoldEntity) -> String {
    let mut s = format!(
        "<bdi class=\"ltr\">{} {}..{}</bdi> «<bdi>{}</bdi>»",
        e.entity_type.as_str(),
        e.span.start,
        e.span.end,
        esc(&e.text)
    );
    if !e.canonical.is_empty() {
        let _ = write!(s, " → <bdi>{}</bdi>", esc(&e.canonical));
    }
    if !e.value.is_empty() {
        let _ = write!(s, " = <bdi class=\"ltr\">{}</bdi>", esc(&e.value));
    }
    s
}

fn describe(e: &GoldEntity) -> String {
    let mut s = format!(
        "{} {}..{} «{}»",
        e.entity_type.as_str(),
        e.span.start,
        e.span.end,
        e.text
    );
    if !e.canonical.is_empty() {
        let _ = write!(s, " → {}", e.canonical);
    }
    if !e.value.is_empty() {
        let _ = write!(s, " = {}", e.value);
    }
    s
}

fn kinds_attr(kinds: &BTreeSet<&str>) -> String {
    kinds.iter().copied().collect::<Vec<_>>().join(" ")
}

/// The zone of a line under a list of zone ranges.
fn zone_of(zones: &[GoldZone], start: usize, end: usize) -> Option<Zone> {
    zones
        .iter()
        .find(|z| z.span.start < end.max(start + 1) && start < z.span.end)
        .map(|z| z.zone)
}

/// A non-blank line whose predicted zone is not its gold zone.
struct ZoneMiss {
    line: usize,
    gold: Option<Zone>,
    pred: Option<Zone>,
}

fn zone_name(z: Option<Zone>) -> &'static str {
    z.map_or("none", Zone::as_str)
}

/// The lines of a text whose predicted zone differs from the gold one.
fn zone_misses(text: &str, gold: &[GoldZone], pred: &[GoldZone]) -> Vec<ZoneMiss> {
    lines(text)
        .into_iter()
        .filter(|l| !l.blank)
        .filter_map(|l| {
            let (g, p) = (zone_of(gold, l.start, l.end), zone_of(pred, l.start, l.end));
            (g != p).then_some(ZoneMiss {
                line: l.number,
                gold: g,
                pred: p,
            })
        })
        .collect()
}

/// The text of a document, one block per line, with gold mentions
/// underlined and predicted ones shaded, split into segments at every
/// boundary so nothing nests. A line whose predicted zone is wrong gets a
/// margin mark and a badge.
fn marked_text(
    text: &str,
    gold: &[Marked],
    pred: &[Marked],
    gold_zones: &[GoldZone],
    pred_zones: &[GoldZone],
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let text_lines = lines(text);
    let mut cuts: BTreeSet<usize> = [0, n].into_iter().collect();
    for l in &text_lines {
        cuts.insert(l.start.min(n));
        cuts.insert(l.end.min(n));
    }
    for m in gold.iter().chain(pred) {
        cuts.insert(m.entity.span.start.min(n));
        cuts.insert(m.entity.span.end.min(n));
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let find = |list: &[Marked], a: usize, b: usize| {
        list.iter()
            .position(|m| m.entity.span.start <= a && b <= m.entity.span.end)
    };
    let mut out = String::new();
    for l in &text_lines {
        let rtl = chars[l.start.min(n)..l.end.min(n)]
            .iter()
            .find(|c| c.is_alphabetic())
            .is_none_or(|c| {
                ('\u{0590}'..='\u{08FF}').contains(c) || ('\u{FB1D}'..='\u{FEFC}').contains(c)
            });
        let dir = if rtl { "rtl" } else { "ltr" };
        let (gz, pz) = (
            zone_of(gold_zones, l.start, l.end),
            zone_of(pred_zones, l.start, l.end),
        );
        if l.blank || gz == pz {
            let _ = write!(out, "<div class=\"ln\" dir=\"{dir}\">");
        } else {
            let _ = write!(
                out,
                "<div class=\"ln zc\" dir=\"{dir}\" data-kinds=\"zone\" data-types=\"\" title=\"line {}: gold zone {}, predicted {}\"><span class=\"zt\" dir=\"ltr\">{} → {}</span>",
                l.number,
                zone_name(gz),
                zone_name(pz),
                zone_name(gz),
                zone_name(pz)
            );
        }
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a < l.start || b > l.end {
                continue;
            }
            let piece: String = chars[a..b].iter().collect();
            let (gi, pi) = (find(gold, a, b), find(pred, a, b));
            if gi.is_none() && pi.is_none() {
                out.push_str(&esc(&piece));
                continue;
            }
            out.push_str(&segment(
                &piece,
                a,
                gi.map(|i| &gold[i]),
                pi.map(|i| &pred[i]),
            ));
        }
        if l.blank {
            out.push_str("&#8203;");
        }
        out.push_str("</div>\n");
    }
    out
}

/// One marked segment of text: under a gold mention, a predicted one, or
/// both.
fn segment(piece: &str, at: usize, gold: Option<&Marked>, pred: Option<&Marked>) -> String {
    let mut classes = vec!["m".to_string()];
    let mut kinds = BTreeSet::new();
    let mut types = BTreeSet::new();
    let mut tip = Vec::new();
    let mut style = String::new();
    if let Some(m) = gold {
        classes.push("g".into());
        kinds.extend(m.kinds.iter().copied());
        types.insert(m.entity.entity_type.as_str());
        tip.push(format!("gold: {}", describe(m.entity)));
        let _ = write!(style, "--g:{};", color(m.entity.entity_type));
        if m.entity.span.start == at {
            classes.push("gs".into());
        }
    }
    if let Some(m) = pred {
        classes.push("p".into());
        kinds.extend(m.kinds.iter().copied());
        types.insert(m.entity.entity_type.as_str());
        tip.push(format!("pred: {}", describe(m.entity)));
        let _ = write!(style, "--p:{}40;", color(m.entity.entity_type));
    }
    let verdict: Vec<&str> = KINDS
        .iter()
        .filter(|(k, _)| kinds.contains(k))
        .map(|&(_, label)| label)
        .collect();
    tip.push(verdict.join(", "));
    if kinds.iter().any(|k| *k != "correct") {
        classes.push("err".into());
    }
    for k in &kinds {
        classes.push(format!("k-{k}"));
    }
    format!(
        "<span class=\"{}\" style=\"{style}\" data-kinds=\"{}\" data-types=\"{}\" title=\"{}\">{}</span>",
        classes.join(" "),
        kinds_attr(&kinds),
        types.iter().copied().collect::<Vec<_>>().join(" "),
        esc(&tip.join("\n")),
        esc(piece)
    )
}

const STYLE: &str = r#"
:root { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", sans-serif; }
body { margin: 1.5rem; line-height: 1.6; color: #222; background: #fff; }
h1, h2, h3 { font-family: "Noto Sans Arabic", "DejaVu Sans", sans-serif; }
.ltr { direction: ltr; text-align: left; font-family: "DejaVu Sans Mono", monospace; font-size: 0.85rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: 0.15rem 0.5rem; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.row { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
th { background: #f3f3f3; text-align: left; }
.filters { position: sticky; top: 0; background: #f7f7f7; border: 1px solid #ddd; padding: 0.5rem; z-index: 1; }
.filters label { margin-inline-end: 0.8rem; white-space: nowrap; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-inline-end: 0.2em; vertical-align: middle; }
.doc { border-top: 2px solid #444; margin-top: 1.5rem; }
.text { font-size: 1.2rem; line-height: 2.3; }
.ln { white-space: pre-wrap; min-height: 1em; padding-inline-start: 0.5rem; border-inline-start: 4px solid transparent; }
.ln.zc { border-inline-start-color: #d00; background: #fff6f6; }
.ln .zt { display: none; }
.ln.zc .zt { display: inline; float: inline-end; font: 0.75rem "DejaVu Sans Mono", monospace; color: #a00; }
.ln.zc.off { border-inline-start-color: transparent; background: none; }
.ln.zc.off .zt { display: none; }
.m.g { border-bottom: 3px solid var(--g); }
.m.p { background: var(--p); }
.m.err.k-missed { outline: 2px dashed #d00; }
.m.err.k-spurious { outline: 2px dotted #d00; }
.m.err.k-type { outline: 2px solid #d00; }
.m.err.k-boundary { box-shadow: 0 0 0 2px #06c; }
.m.err.k-canonical, .m.err.k-value { text-decoration: underline wavy #d00; text-underline-offset: 0.45em; }
.m.off { background: none; border-bottom: none; outline: none; box-shadow: none; text-decoration: none; }
tr.off, .doc.off { display: none; }
.legend span.m { padding: 0 0.2em; }
"#;

const SCRIPT: &str = r#"
function applyFilters() {
  const on = (name) => new Set([...document.querySelectorAll('input[name=' + name + ']:checked')].map(i => i.value));
  const kinds = on('kind'), types = on('type');
  const onlyErrors = document.getElementById('only-errors').checked;
  const shown = (el) => {
    const k = (el.dataset.kinds || '').split(' ').filter(Boolean);
    const t = (el.dataset.types || '').split(' ').filter(Boolean);
    return k.some(x => kinds.has(x)) && (t.length === 0 || t.some(x => types.has(x)));
  };
  document.querySelectorAll('.doc').forEach(doc => {
    let visible = 0;
    doc.querySelectorAll('.text .m, .text .ln.zc').forEach(el => el.classList.toggle('off', !shown(el)));
    doc.querySelectorAll('tr.diff').forEach(tr => {
      const s = shown(tr);
      tr.classList.toggle('off', !s);
      if (s) visible++;
    });
    doc.classList.toggle('off', onlyErrors && visible === 0);
  });
}
document.addEventListener('change', applyFilters);
document.addEventListener('DOMContentLoaded', applyFilters);
"#;

/// One self-contained HTML page showing `pred` against `gold`: the summary
/// tables of `report`, filters by type and kind of difference, then each
/// document's text (right-to-left, `lang="ar"`) with gold mentions
/// underlined and predicted mentions shaded in their type's color, and
/// every difference (missed, spurious, wrong type, wrong boundary, wrong
/// canonical or value) outlined and listed below the text. Hovering a
/// mention shows both sides. No external resources.
///
/// ```
/// use akhbar_eval::{GoldSet, evaluate, html_report};
/// let gold = GoldSet::default();
/// let report = evaluate(&gold, &gold).unwrap();
/// let page = html_report(&gold, &gold, &report);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"dir="rtl""#));
/// ```
pub fn html_report(gold: &GoldSet, pred: &GoldSet, report: &Report) -> String {
    let mut h = String::new();
    h.push_str(
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n",
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>akhbar eval: error report</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</head>\n<body>\n<h1>akhbar eval: error report</h1>\n");

    // Summary: a compact entity table, then the other figures.
    h.push_str("<section class=\"summary ltr\" dir=\"ltr\">\n<div class=\"row\">\n");
    h.push_str("<table>\n<tr><th rowspan=\"2\">type</th><th rowspan=\"2\">gold</th><th rowspan=\"2\">pred</th><th colspan=\"3\">strict</th><th>exact</th><th>partial</th><th>type</th></tr>\n<tr><th>P</th><th>R</th><th>F1</th><th>F1</th><th>F1</th><th>F1</th></tr>\n");
    let e = &report.entities;
    let rows = e
        .per_type
        .0
        .iter()
        .map(|(t, sc)| (t.as_str(), sc))
        .chain(std::iter::once(("overall", &e.overall)));
    for (label, sc) in rows {
        let _ = writeln!(
            h,
            "<tr><th>{label}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td></tr>",
            sc.strict.possible,
            sc.strict.actual,
            sc.strict.precision,
            sc.strict.recall,
            sc.strict.f1,
            sc.exact.f1,
            sc.partial.f1,
            sc.ent_type.f1
        );
    }
    let m = &e.macro_avg;
    let _ = writeln!(
        h,
        "<tr><th>macro</th><td></td><td></td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td></tr>\n</table>",
        m.strict.precision, m.strict.recall, m.strict.f1, m.exact.f1, m.partial.f1, m.ent_type.f1
    );
    if let Some(s) = report.sections().into_iter().last() {
        h.push_str("<table>\n");
        for r in &s.rows {
            let _ = writeln!(
                h,
                "<tr><th>{}</th><td>{}</td></tr>",
                esc(&r[0]),
                esc(r.get(1).map_or("", String::as_str))
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</div>\n</section>\n");

    // Filters and legend.
    h.push_str("<form class=\"filters ltr\" dir=\"ltr\" onsubmit=\"return false\">\n<div>types: ");
    for t in EntityType::ALL {
        let _ = write!(
            h,
            "<label><input type=\"checkbox\" name=\"type\" value=\"{0}\" checked><span class=\"swatch\" style=\"background:{1}\"></span>{0}</label>",
            t.as_str(),
            color(t)
        );
    }
    h.push_str("</div>\n<div>differences: ");
    for (k, label) in KINDS {
        let _ = write!(
            h,
            "<label><input type=\"checkbox\" name=\"kind\" value=\"{k}\" checked>{label}</label>"
        );
    }
    h.push_str("<label><input type=\"checkbox\" id=\"only-errors\">only documents with differences shown</label></div>\n");
    h.push_str("<div class=\"legend\">gold: <span class=\"m g\" style=\"--g:#555\">underlined</span> predicted: <span class=\"m p\" style=\"--p:#5554\">shaded</span> ");
    h.push_str("<span class=\"m err k-missed\">missed</span> <span class=\"m err k-spurious\">spurious</span> <span class=\"m err k-type\">wrong type</span> <span class=\"m err k-boundary\">wrong boundary</span> <span class=\"m err k-canonical\">wrong canonical or value</span> <span style=\"border-inline-start:4px solid #d00;padding-inline-start:0.3em\">wrong zone</span></div>\n</form>\n");

    // Documents.
    let empty = GoldDocument::default();
    for g in &gold.documents {
        let p = pred.get(&g.id).unwrap_or(&empty);
        let (gm, pm, diffs) = classify(g, p);
        let misses = g
            .text
            .as_deref()
            .map(|t| zone_misses(t, &g.zones, &p.zones))
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<section class=\"doc\" id=\"doc-{0}\">\n<h2 dir=\"ltr\" class=\"ltr\">{0}: {1} differences</h2>",
            esc(&g.id),
            diffs.len() + misses.len()
        );
        let meta = [
            ("published", &g.published, &p.published),
            ("source", &g.source, &p.source),
        ];
        h.push_str("<table class=\"meta\"><tr><th></th><th>gold</th><th>predicted</th></tr>");
        for (k, gv, pv) in meta {
            let mark = if gv.trim() == pv.trim() {
                ""
            } else {
                " style=\"background:#fdd\""
            };
            let _ = write!(
                h,
                "<tr{mark}><th>{k}</th><td>{}</td><td>{}</td></tr>",
                esc(gv),
                esc(pv)
            );
        }
        h.push_str("</table>\n");
        match &g.text {
            Some(text) => {
                let _ = writeln!(
                    h,
                    "<div class=\"text\" lang=\"ar\">{}</div>",
                    marked_text(text, &gm, &pm, &g.zones, &p.zones)
                );
            }
            None => h.push_str("<p>(no text in the gold set)</p>\n"),
        }
        h.push_str(
            "<table class=\"diffs\"><tr><th>difference</th><th>gold</th><th>predicted</th></tr>\n",
        );
        for d in &diffs {
            let types: BTreeSet<&str> = d
                .gold
                .iter()
                .chain(&d.pred)
                .map(|e| e.entity_type.as_str())
                .collect();
            let labels: Vec<&str> = KINDS
                .iter()
                .filter(|(k, _)| d.kinds.contains(k))
                .map(|&(_, l)| l)
                .collect();
            let _ = writeln!(
                h,
                "<tr class=\"diff\" data-kinds=\"{}\" data-types=\"{}\"><td>{}</td><td>{}</td><td>{}</td></tr>",
                kinds_attr(&d.kinds),
                types.iter().copied().collect::<Vec<_>>().join(" "),
                labels.join(", "),
                d.gold.map(describe_html).unwrap_or_default(),
                d.pred.map(describe_html).unwrap_or_default(),
            );
        }
        for z in &misses {
            let _ = writeln!(
                h,
                "<tr class=\"diff\" data-kinds=\"zone\" data-types=\"\"><td>wrong zone</td><td><bdi class=\"ltr\">line {} {}</bdi></td><td><bdi class=\"ltr\">{}</bdi></td></tr>",
                z.line,
                zone_name(z.gold),
                zone_name(z.pred)
            );
        }
        h.push_str("</table>\n</section>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::GoldDocument;
    use akhbar_core::CharSpan;

    fn ent(
        id: &str,
        t: EntityType,
        start: usize,
        end: usize,
        text: &str,
        canonical: &str,
    ) -> GoldEntity {
        GoldEntity {
            id: id.into(),
            entity_type: t,
            span: CharSpan::new(start, end),
            text: text.into(),
            canonical: canonical.into(),
            value: String::new(),
        }
    }

    fn sets() -> (GoldSet, GoldSet) {
        let text = "التقى حموشي بنظيره الفرنسي في باريس <يوم> & الرباط";
        let doc = |entities| GoldDocument {
            id: "d1".into(),
            text: Some(text.into()),
            entities,
            ..GoldDocument::default()
        };
        let gold = GoldSet::new(vec![doc(vec![
            ent("T1", EntityType::Per, 6, 11, "حموشي", "عبد اللطيف حموشي"),
            ent("T2", EntityType::Loc, 30, 35, "باريس", "باريس"),
            ent("T3", EntityType::Loc, 45, 51, "الرباط", "الرباط"),
        ])]);
        let pred = GoldSet::new(vec![doc(vec![
            ent("T1", EntityType::Per, 6, 11, "حموشي", "حموشي"),
            ent("T2", EntityType::Org, 30, 35, "باريس", "باريس"),
            ent("T3", EntityType::Loc, 13, 18, "نظيره", "x"),
        ])]);
        (gold, pred)
    }

    #[test]
    fn marks_every_kind_of_difference() {
        let (gold, pred) = sets();
        let (gm, pm, diffs) = classify(&gold.documents[0], &pred.documents[0]);
        let kinds = |m: &Marked| kinds_attr(&m.kinds);
        assert_eq!(
            gm.iter().map(kinds).collect::<Vec<_>>(),
            ["canonical", "type", "missed"]
        );
        assert_eq!(
            pm.iter().map(kinds).collect::<Vec<_>>(),
            ["canonical", "spurious", "type"]
        );
        assert_eq!(diffs.len(), 4);
    }

    #[test]
    fn page_is_self_contained_rtl_and_escaped() {
        let (gold, pred) = sets();
        let report = crate::evaluate(&gold, &pred).expect("scores");
        let page = html_report(&gold, &pred, &report);
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(page.contains("&lt;يوم&gt; &amp; "));
        assert!(page.contains("data-kinds=\"missed\""));
        assert!(page.contains("class=\"m g gs err k-missed\""));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }
}
