//! CRLF end to end: zones of a CRLF page, turned into a gold-layout record
//! by `akhbar_eval::GoldDocument::from_pipeline`, score every non-blank
//! line as `akhbar_eval::evaluate` reads lines.

use akhbar_core::{Annotations, CharIndex, Document, Zone};
use akhbar_eval::{GoldDocument, GoldSet, GoldZone, evaluate};

/// A page of CRLF lines with a stamp alone on its line, blank lines made
/// of spaces, and no final line end.
const PAGE: &[(Option<Zone>, &str)] = &[
    (Some(Zone::Meta), "الرئيسية › أخبار › دولية"),
    (
        Some(Zone::Title),
        "مجلس الوزراء يقر خطة وطنية لمكافحة المخدرات",
    ),
    (Some(Zone::Meta), "2024/10/16 - 09:30"),
    (None, ""),
    (Some(Zone::Meta), "الرياض - واس"),
    (None, "   "),
    (
        Some(Zone::Body),
        "أقر مجلس الوزراء في جلسته اليوم خطة وطنية شاملة لمكافحة المخدرات تشمل التوعية والعلاج وتعزيز الرقابة على المنافذ الحدودية.",
    ),
    (Some(Zone::Meta), "2024/10/16 - 09:30"),
    (Some(Zone::Boilerplate), "جميع الحقوق محفوظة"),
];

fn page(eol: &str) -> String {
    PAGE.iter().map(|(_, l)| *l).collect::<Vec<_>>().join(eol)
}

/// The gold record of the page: one range a non-blank line, in code
/// points, line end (and CR) excluded, as ANNOTATION.md asks.
fn gold(text: &str, eol: &str) -> GoldDocument {
    let mut zones = Vec::new();
    let mut start = 0;
    for (zone, line) in PAGE {
        let n = line.chars().count();
        if let Some(z) = zone {
            zones.push(GoldZone {
                span: akhbar_core::CharSpan::new(start, start + n),
                zone: *z,
            });
        }
        start += n + eol.chars().count();
    }
    GoldDocument {
        id: "crlf".into(),
        text: Some(text.to_owned()),
        title: "مجلس الوزراء يقر خطة وطنية لمكافحة المخدرات".into(),
        source: "واس".into(),
        published: "2024-10-16".into(),
        zones,
        ..GoldDocument::default()
    }
}

#[test]
fn crlf_pages_score_every_line_like_lf_pages() {
    for eol in ["\r\n", "\n"] {
        let text = page(eol);
        let mut doc = Document::new("crlf", text.clone());
        akhbar_load::prepare(&mut doc);
        // Every non-blank line has exactly one zone, CR excluded.
        let want = PAGE.iter().filter(|(z, _)| z.is_some()).count();
        assert_eq!(doc.zones.len(), want, "{eol:?}");
        for z in &doc.zones {
            let line = &doc.text[z.span.range()];
            assert!(!line.contains(['\r', '\n']), "{eol:?}: {line:?}");
        }
        let pred = GoldDocument::from_pipeline(&doc, &Annotations::default());
        // The record's zone spans are the gold ones, line for line.
        let g = gold(&text, eol);
        let idx = CharIndex::new(&text);
        for (p, gz) in pred.zones.iter().zip(&g.zones) {
            assert_eq!(p.span, gz.span, "{eol:?}");
            assert_eq!(idx.to_bytes(p.span).map(|b| !b.is_empty()), Ok(true));
        }
        let report = evaluate(&GoldSet::new(vec![g]), &GoldSet::new(vec![pred])).expect("scores");
        assert_eq!(report.zones.lines, want, "{eol:?}");
        assert_eq!(report.zones.zone_accuracy, 1.0, "{eol:?}");
        assert_eq!(report.zones.line_accuracy, 1.0, "{eol:?}");
        assert_eq!(report.documents.title_accuracy, 1.0, "{eol:?}");
        assert_eq!(report.documents.source_accuracy, 1.0, "{eol:?}");
        assert_eq!(report.documents.published_accuracy, 1.0, "{eol:?}");
    }
}
