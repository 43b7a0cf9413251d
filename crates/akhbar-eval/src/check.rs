//! `check_gold_set`: every rule of ANNOTATION.md, every problem listed.

use crate::error::Problem;
use crate::layout::{ParsedDoc, parse, slice};
use akhbar_core::{CharIndex, EntityType, RelationType, ThreatCategory, Zone};
use std::collections::BTreeSet;
use std::path::Path;

/// Checks the gold set in `dir` against every rule of ANNOTATION.md and
/// returns all problems found (none: the set is valid), each displaying as
/// `file:row: message`.
///
/// Checked: the four CSV files and `texts/` exist; headers have exactly the
/// documented columns; rows are well-formed; ids are unique; `file` and
/// `sha256` match the text; `published` is an ISO date and `title` and
/// `source` occur in the text; offsets lie in the text and the slice equals
/// `text`; spans are flat, do not start or end with spaces, quotes or
/// brackets, and lie in a `title` or `body` zone; types are known; canonical
/// and value follow their type's rule (names for PER ORG LOC EVENT, a slug
/// for THREAT, nothing for TITLE, a well-formed value for DATE only);
/// the same LOC or THREAT text keeps one canonical within a document;
/// zones cover whole lines, every non-blank line exactly once, and a `title`
/// zone exists exactly when `title` is set; relations join known ids with
/// the right types (`has_title`: PER → TITLE, `met`: PER – PER), once each.
///
/// ```no_run
/// for problem in akhbar_eval::check_gold_set(std::path::Path::new("gold")) {
///     eprintln!("{problem}");
/// }
/// ```
pub fn check_gold_set(dir: &Path) -> Vec<Problem> {
    if !dir.is_dir() {
        return vec![Problem::new(
            dir.display().to_string(),
            0,
            "not a directory",
        )];
    }
    let (parsed, mut problems) = parse(dir, true);
    for pd in parsed.docs.values() {
        check_document(pd, &mut problems);
    }
    problems
}

/// A line of a text, in code points, newline excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number.
    pub(crate) number: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) blank: bool,
}

/// The lines of a text. A `\r` before the newline is not part of the line.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (number, piece) in (1..).zip(text.split('\n')) {
        let n = piece.chars().count();
        let content = piece.strip_suffix('\r').unwrap_or(piece);
        out.push(Line {
            number,
            start,
            end: start + content.chars().count(),
            blank: content.trim().is_empty(),
        });
        start += n + 1;
    }
    out
}

fn check_document(pd: &ParsedDoc, problems: &mut Vec<Problem>) {
    let d = &pd.doc;
    let text = d.text.as_deref();
    let doc_row = |m: String| Problem::new("documents.csv", pd.line, m);

    if !d.published.is_empty() && !is_iso_date(&d.published) {
        problems.push(doc_row(format!(
            "published `{}` is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
            d.published
        )));
    }
    if let Some(t) = text {
        if !d.title.is_empty() && !t.contains(d.title.as_str()) {
            problems.push(doc_row(format!(
                "title `{}` does not occur in the text",
                d.title
            )));
        }
        if !d.source.is_empty() && !t.contains(d.source.as_str()) {
            problems.push(doc_row(format!(
                "source `{}` does not occur in the text",
                d.source
            )));
        }
    }
    let has_title_zone = pd.zones.iter().any(|z| z.item.zone == Zone::Title);
    if !d.title.is_empty() && !has_title_zone {
        problems.push(doc_row(format!(
            "document `{}` has a title but no title zone",
            d.id
        )));
    }
    if d.title.is_empty() && has_title_zone {
        problems.push(doc_row(format!(
            "document `{}` has a title zone but an empty title",
            d.id
        )));
    }

    // Zones.
    let text_lines = text.map(lines).unwrap_or_default();
    if text.is_some() {
        let line_at_start = |c: usize| text_lines.iter().find(|l| l.start == c);
        let line_at_end = |c: usize| text_lines.iter().find(|l| l.end == c);
        for z in &pd.zones {
            let s = z.item.span;
            // Each edge must fall on a line edge of the same side, and on a
            // line with text.
            let edges = [
                (
                    "start",
                    "start at the start of a line",
                    line_at_start(s.start),
                ),
                (
                    "end",
                    "end at the end of a line (newline excluded)",
                    line_at_end(s.end),
                ),
            ];
            for (verb, rule, line) in edges {
                let message = match line {
                    Some(l) if l.blank => {
                        format!(
                            "zone {}..{} {verb}s on blank line {}",
                            s.start, s.end, l.number
                        )
                    }
                    Some(_) => continue,
                    None => format!("zone {}..{} does not {rule}", s.start, s.end),
                };
                problems.push(Problem::new("zones.csv", z.line, message));
            }
        }
        for l in text_lines.iter().filter(|l| !l.blank) {
            let covering: Vec<_> = pd
                .zones
                .iter()
                .filter(|z| z.item.span.start < l.end.max(l.start + 1) && l.start < z.item.span.end)
                .collect();
            match covering.as_slice() {
                [] => problems.push(Problem::new(
                    pd.file.clone(),
                    l.number,
                    format!("line is in no zone (code points {}..{})", l.start, l.end),
                )),
                [_] => {}
                [first, rest @ ..] => {
                    for z in rest {
                        problems.push(Problem::new(
                            "zones.csv",
                            z.line,
                            format!(
                                "line {} of `{}` is also in the zone of zones.csv:{}",
                                l.number, d.id, first.line
                            ),
                        ));
                    }
                }
            }
        }
    }

    // Entities.
    let mut sorted: Vec<_> = pd.entities.iter().collect();
    sorted.sort_by_key(|e| (e.item.span.start, e.item.span.end, e.line));
    for pair in sorted.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.item.span.overlaps(b.item.span) {
            problems.push(Problem::new(
                "entities.csv",
                b.line,
                format!(
                    "{} {}..{} overlaps {} {}..{} (entities.csv:{}): mentions are flat",
                    b.item.id,
                    b.item.span.start,
                    b.item.span.end,
                    a.item.id,
                    a.item.span.start,
                    a.item.span.end,
                    a.line
                ),
            ));
        }
    }
    let idx = text.map(CharIndex::new);
    for e in &pd.entities {
        let g = &e.item;
        let at = |m: String| Problem::new("entities.csv", e.line, m);
        if let (Some(t), Some(idx)) = (text, &idx) {
            let zone = pd
                .zones
                .iter()
                .find(|z| z.item.span.start <= g.span.start && g.span.end <= z.item.span.end);
            match zone {
                Some(z) if z.item.zone.is_content() => {}
                Some(z) => problems.push(at(format!(
                    "{} `{}` is in a {} zone: entities are annotated in title and body zones only",
                    g.id, g.text, z.item.zone
                ))),
                None => problems.push(at(format!(
                    "{} `{}` is not inside one title or body zone",
                    g.id, g.text
                ))),
            }
            if slice(t, idx, g.span).is_none() {
                problems.push(at(format!("{} has a span outside the text", g.id)));
            }
        }
        if let Some(c) = g.text.chars().next().filter(|c| bad_edge(*c)) {
            problems.push(at(format!(
                "{} `{}` starts with `{c}`: spaces, quotes and brackets stay outside the span",
                g.id, g.text
            )));
        }
        if let Some(c) = g.text.chars().last().filter(|c| bad_edge(*c)) {
            problems.push(at(format!(
                "{} `{}` ends with `{c}`: spaces, quotes and brackets stay outside the span",
                g.id, g.text
            )));
        }
        check_canonical_and_value(g.entity_type, &g.canonical, &g.value, &g.id, &mut |m| {
            problems.push(at(m))
        });
    }

    // Within a document, the same LOC or THREAT text names the same
    // entity: its canonical may not change (`الرباط` is always `الرباط`).
    let mut first_canonical: std::collections::BTreeMap<(EntityType, &str), (&str, usize)> =
        std::collections::BTreeMap::new();
    for e in &pd.entities {
        let g = &e.item;
        if !matches!(g.entity_type, EntityType::Loc | EntityType::Threat) {
            continue;
        }
        match first_canonical.get(&(g.entity_type, g.text.as_str())) {
            Some(&(c, line)) if c != g.canonical => problems.push(Problem::new(
                "entities.csv",
                e.line,
                format!(
                    "{} `{}` has canonical `{}` but `{c}` at entities.csv:{line}: one entity, one canonical",
                    g.id, g.text, g.canonical
                ),
            )),
            Some(_) => {}
            None => {
                first_canonical.insert((g.entity_type, g.text.as_str()), (g.canonical.as_str(), e.line));
            }
        }
    }

    // Relations.
    let mut seen: BTreeSet<(RelationType, String, String)> = BTreeSet::new();
    for r in &pd.relations {
        let rel = &r.item;
        let at = |m: String| Problem::new("relations.csv", r.line, m);
        let find = |id: &str| {
            pd.entities
                .iter()
                .find(|e| e.item.id == id)
                .map(|e| e.item.entity_type)
        };
        let (Some(h), Some(t)) = (find(&rel.head), find(&rel.tail)) else {
            continue;
        };
        match rel.kind {
            RelationType::HasTitle => {
                if h != EntityType::Per || t != EntityType::Title {
                    problems.push(at(format!(
                        "has_title joins {} {} to {} {}: it needs head PER and tail TITLE",
                        h.as_str(),
                        rel.head,
                        t.as_str(),
                        rel.tail
                    )));
                }
            }
            RelationType::Met => {
                if h != EntityType::Per || t != EntityType::Per {
                    problems.push(at(format!(
                        "met joins {} {} and {} {}: it needs two PER",
                        h.as_str(),
                        rel.head,
                        t.as_str(),
                        rel.tail
                    )));
                }
            }
        }
        if rel.head == rel.tail {
            problems.push(at(format!("{} relates {} to itself", rel.kind, rel.head)));
        }
        let key = if rel.kind == RelationType::Met && rel.tail < rel.head {
            (rel.kind, rel.tail.clone(), rel.head.clone())
        } else {
            (rel.kind, rel.head.clone(), rel.tail.clone())
        };
        if !seen.insert(key) {
            problems.push(at(format!(
                "{} {} {} is annotated twice (met is symmetric: once per pair)",
                rel.kind, rel.head, rel.tail
            )));
        }
    }
}

/// Characters a span may not start or end with.
fn bad_edge(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\''
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '<'
                | '>'
                | '،'
                | ','
                | '.'
                | ':'
                | '؛'
                | ';'
                | '-'
                | '–'
                | '—'
        )
}

/// The canonical and value rules of a type.
pub(crate) fn check_canonical_and_value(
    ty: EntityType,
    canonical: &str,
    value: &str,
    id: &str,
    report: &mut dyn FnMut(String),
) {
    let name = ty.as_str();
    if canonical != canonical.trim() || canonical.contains("  ") {
        report(format!("{id} canonical `{canonical}` has stray spaces"));
    }
    match ty {
        EntityType::Per | EntityType::Org | EntityType::Loc | EntityType::Event => {
            if canonical.trim().is_empty() {
                report(format!("{id} is {name} but has no canonical"));
            }
            if ty == EntityType::Per && canonical.chars().any(|c| c.is_ascii_alphabetic()) {
                report(format!(
                    "{id} canonical `{canonical}` is not in Arabic script (persons take an Arabic canonical)"
                ));
            }
        }
        EntityType::Threat => {
            if ThreatCategory::from_slug(canonical).is_none() {
                report(format!(
                    "{id} canonical `{canonical}` is not a THREAT slug (terrorism, organized_crime, drug_trafficking, illegal_migration, cybercrime, human_trafficking, money_laundering, arms_trafficking, fugitives)"
                ));
            }
        }
        EntityType::Title | EntityType::Date => {
            if !canonical.is_empty() {
                report(format!(
                    "{id} is {name}: canonical must be empty, not `{canonical}`"
                ));
            }
        }
    }
    if ty == EntityType::Date {
        if let Err(m) = check_date_value(value) {
            report(format!("{id} DATE value `{value}`: {m}"));
        }
    } else if !value.is_empty() {
        report(format!(
            "{id} is {name}: value must be empty, not `{value}`"
        ));
    }
}

/// True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with real digits and a real
/// calendar date.
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => {
            if !(num(y, 4) && num(m, 2) && num(d, 2)) {
                return false;
            }
            let (y, m, d) = (
                y.parse::<i64>().unwrap_or(0),
                m.parse::<u8>().unwrap_or(0),
                d.parse::<u8>().unwrap_or(0),
            );
            (1..=12).contains(&m) && d >= 1 && d <= akhbar_core::calendar::days_in_month(y, m)
        }
        _ => false,
    }
}

/// Checks the syntax of a DATE value: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// `YYYY-Www` (ISO week) or `YYYY-SS` (season `SP SU FA WI`), where any
/// digit the text does not fix is `X`.
pub(crate) fn check_date_value(v: &str) -> Result<(), String> {
    if v.is_empty() {
        return Err("a DATE needs a value".into());
    }
    let field =
        |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    let in_range =
        |p: &str, lo: u32, hi: u32| p.parse::<u32>().map_or(true, |n| (lo..=hi).contains(&n));
    let parts: Vec<&str> = v.split('-').collect();
    let year_ok = parts.first().is_some_and(|y| field(y, 4));
    if !year_ok {
        return Err("the year must be 4 digits or X (`2025`, `XXXX`)".into());
    }
    match parts.as_slice() {
        [_] => Ok(()),
        [_, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => Ok(()),
        [_, w] if w.starts_with('W') => {
            if field(&w[1..], 2) && in_range(&w[1..], 1, 53) {
                Ok(())
            } else {
                Err("a week is `W01` to `W53`".into())
            }
        }
        [_, m] => {
            if field(m, 2) && in_range(m, 1, 12) {
                Ok(())
            } else {
                Err("a month is `01` to `12` or `XX`; a season is SP, SU, FA or WI".into())
            }
        }
        [y, m, d] => {
            if !(field(m, 2) && in_range(m, 1, 12)) {
                return Err("a month is `01` to `12` or `XX`".into());
            }
            if !(field(d, 2) && in_range(d, 1, 31)) {
                return Err("a day is `01` to `31` or `XX`".into());
            }
            if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i64>(), m.parse::<u8>(), d.parse::<u8>()) {
                if d > akhbar_core::calendar::days_in_month(y, m) {
                    return Err(format!("{y:04}-{m:02} has no day {d}"));
                }
            }
            Ok(())
        }
        _ => Err("expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-SU".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_values_follow_the_iso_like_syntax() {
        for ok in [
            "2025-06-24",
            "2023-12",
            "2015",
            "2024-SU",
            "XXXX-12",
            "2024-W41",
            "20XX",
            "2025-XX-03",
        ] {
            assert_eq!(check_date_value(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "25",
            "2025-13",
            "2025-6",
            "2025-02-30",
            "2024-W54",
            "2024-summer",
            "2025/06/24",
            "2025-06-24T10",
        ] {
            assert!(check_date_value(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn published_is_a_plain_iso_date() {
        assert!(is_iso_date("2025-06-24"));
        assert!(is_iso_date("2025-06"));
        assert!(!is_iso_date("2025-6-24"));
        assert!(!is_iso_date("XXXX-06-24"));
        assert!(!is_iso_date("2023-02-29"));
    }

    #[test]
    fn lines_exclude_newlines_and_carriage_returns() {
        let l = lines("ab\r\n\n  \ncd");
        assert_eq!((l[0].start, l[0].end, l[0].blank), (0, 2, false));
        assert!(l[1].blank && l[2].blank);
        assert_eq!((l[3].number, l[3].start, l[3].end), (4, 8, 10));
    }

    #[test]
    fn canonical_rules_per_type() {
        let mut got = Vec::new();
        let mut push = |m: String| got.push(m);
        check_canonical_and_value(EntityType::Threat, "terror", "", "T1", &mut push);
        check_canonical_and_value(EntityType::Title, "x", "", "T2", &mut push);
        check_canonical_and_value(EntityType::Per, "", "", "T3", &mut push);
        check_canonical_and_value(EntityType::Loc, "باريس", "2025", "T4", &mut push);
        check_canonical_and_value(EntityType::Per, "Frédéric Veaux", "", "T5", &mut push);
        check_canonical_and_value(EntityType::Date, "", "2025-06-24", "T6", &mut push);
        assert_eq!(got.len(), 5, "{got:#?}");
    }
}
