//! The renderings of a report (table, Markdown, JSON), snapshotted on the
//! fixture set against predictions with one difference of each kind.

mod common;

use akhbar_eval::{Format, evaluate};

#[test]
fn report_renderings() {
    let (gold, pred) = common::sets();
    let report = evaluate(&gold, &pred).expect("scores");
    insta::assert_snapshot!("table", report.render(Format::Table));
    insta::assert_snapshot!("markdown", report.render(Format::Markdown));
    insta::assert_snapshot!("json", report.render(Format::Json));
}

#[test]
fn figures_are_sorted_paths_of_the_json() {
    let (gold, pred) = common::sets();
    let figures = evaluate(&gold, &pred).expect("scores").figures();
    let names: Vec<&str> = figures.iter().map(|(k, _)| k.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(names.contains(&"entities.overall.strict.f1"));
    assert!(names.contains(&"entities.per_type.THREAT.type.recall"));
    assert!(names.contains(&"entities.strict_f1_ci95.0"));
    assert!(names.contains(&"zones.content_f1"));
}
