//! `evaluate`: the scores of a prediction set against a gold set.

use crate::check::lines;
use crate::compare::comparison_form;
use crate::error::EvalError;
use crate::layout::{GoldDocument, GoldEntity, GoldSet, show, slice};
use crate::schemes::{Counts, EntityCounts, Outcome, Scheme, Scores, Span, f1, match_spans};
use akhbar_core::{CharIndex, CharSpan, EntityType, RelationType, Zone};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::collections::BTreeSet;

/// Seed of the bootstrap resampling (printed in the table).
pub const BOOTSTRAP_SEED: u64 = 0x616b_6862_6172; // "akhbar"
/// Number of bootstrap resamples.
pub const BOOTSTRAP_RESAMPLES: usize = 1000;

/// Everything `evaluate` measures; serializes to the JSON shape documented
/// in the crate's README.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Entity mentions under the four schemes.
    pub entities: EntityReport,
    /// Canonical names.
    pub linking: LinkingReport,
    /// DATE values.
    pub dates: DateReport,
    /// Relations.
    pub relations: RelationReport,
    /// Zones, per line.
    pub zones: ZoneReport,
    /// Document metadata.
    pub documents: DocumentReport,
}

/// The four schemes' scores of one set of spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SchemeScores {
    /// Same span and type.
    pub strict: Scores,
    /// Same span.
    pub exact: Scores,
    /// Overlap for half credit.
    pub partial: Scores,
    /// Overlap and same type (nervaluate's `ent_type`).
    #[serde(rename = "type")]
    pub ent_type: Scores,
}

impl SchemeScores {
    fn from_counts(c: &[Counts; 4]) -> Self {
        Self {
            strict: c[0].scores(),
            exact: c[1].scores(),
            partial: c[2].scores(),
            ent_type: c[3].scores(),
        }
    }

    /// The scores of one scheme.
    pub fn get(&self, scheme: Scheme) -> &Scores {
        match scheme {
            Scheme::Strict => &self.strict,
            Scheme::Exact => &self.exact,
            Scheme::Partial => &self.partial,
            Scheme::Type => &self.ent_type,
        }
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// Macro averages (over the types that occur in gold or predictions) of
/// each scheme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MacroScores {
    /// Strict.
    pub strict: Prf,
    /// Exact.
    pub exact: Prf,
    /// Partial.
    pub partial: Prf,
    /// Type.
    #[serde(rename = "type")]
    pub ent_type: Prf,
}

/// Scores of every type, in the order of [`EntityType::ALL`]; serializes
/// as a map from the type's name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PerType(pub Vec<(EntityType, SchemeScores)>);

impl Serialize for PerType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (t, sc) in &self.0 {
            map.serialize_entry(t.as_str(), sc)?;
        }
        map.end()
    }
}

/// Entity scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityReport {
    /// Micro-averaged over all documents and types.
    pub overall: SchemeScores,
    /// Per type: the matching rerun on type-filtered lists.
    pub per_type: PerType,
    /// Macro averages over the types present.
    #[serde(rename = "macro")]
    pub macro_avg: MacroScores,
    /// 95% percentile bootstrap interval (over documents) of the strict
    /// micro F1.
    pub strict_f1_ci95: [f64; 2],
}

/// Linking scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct LinkingReport {
    /// Strictly matched mentions of the types that have a canonical (PER,
    /// ORG, LOC, EVENT, THREAT).
    pub matched: usize,
    /// Of those, the ones whose canonical matches (comparison form).
    pub correct: usize,
    /// `correct / matched`.
    pub accuracy: f64,
    /// Distinct (type, canonical) pairs per document, gold against
    /// predicted, summed over documents.
    #[serde(flatten)]
    pub sets: SetScores,
}

/// DATE value scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DateReport {
    /// Strictly matched DATE mentions.
    pub matched: usize,
    /// Of those, the ones whose value is the gold value.
    pub correct: usize,
    /// `correct / matched`.
    pub accuracy: f64,
}

/// Set scores: gold and predicted items, items in both, P/R/F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SetScores {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub pred: usize,
    /// Items in both.
    pub both: usize,
    /// `both / pred`.
    pub precision: f64,
    /// `both / gold`.
    pub recall: f64,
    /// F1 of the two.
    pub f1: f64,
}

impl SetScores {
    fn new(gold: usize, pred: usize, both: usize) -> Self {
        let precision = ratio(both, pred);
        let recall = ratio(both, gold);
        Self {
            gold,
            pred,
            both,
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// Relation scores: per-document sets of (type, canonical head, canonical
/// tail), `met` unordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RelationReport {
    /// All relations.
    #[serde(flatten)]
    pub all: SetScores,
    /// `has_title` only.
    pub has_title: SetScores,
    /// `met` only.
    pub met: SetScores,
}

/// Zone scores, per non-blank line of the gold texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ZoneReport {
    /// Non-blank lines scored.
    pub lines: usize,
    /// Share of lines whose content/non-content class is right (content =
    /// title + body).
    pub line_accuracy: f64,
    /// Share of lines whose exact zone is right.
    pub zone_accuracy: f64,
    /// Precision of the lines predicted content.
    pub content_precision: f64,
    /// Recall of the gold content lines.
    pub content_recall: f64,
    /// F1 of the two.
    pub content_f1: f64,
}

/// Document metadata scores: a field is right when it equals the gold
/// (`published` exactly, `source` and `title` by comparison form; both empty
/// counts as right).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DocumentReport {
    /// Documents of the gold set.
    pub count: usize,
    /// Documents with the right `published`.
    pub published_correct: usize,
    /// `published_correct / count`.
    pub published_accuracy: f64,
    /// Documents with the right `source`.
    pub source_correct: usize,
    /// `source_correct / count`.
    pub source_accuracy: f64,
    /// Documents with the right `title`.
    pub title_correct: usize,
    /// `title_correct / count`.
    pub title_accuracy: f64,
}

/// `a / b`, 0 when `b` is 0.
fn ratio(a: usize, b: usize) -> f64 {
    if b > 0 { a as f64 / b as f64 } else { 0.0 }
}

/// A document's entities sorted by span, with their spans for the schemes.
pub(crate) fn sorted_entities(doc: &GoldDocument) -> (Vec<&GoldEntity>, Vec<Span>) {
    let mut ents: Vec<&GoldEntity> = doc.entities.iter().collect();
    ents.sort_by_key(|e| (e.span.start, e.span.end, e.entity_type));
    let spans = ents
        .iter()
        .map(|e| Span::new(e.entity_type, e.span.start, e.span.end))
        .collect();
    (ents, spans)
}

/// The name an entity is compared by: the comparison form of its canonical,
/// or of its text for a TITLE (or when the canonical is empty).
pub(crate) fn key_name(e: &GoldEntity) -> String {
    if e.entity_type == EntityType::Title || e.canonical.trim().is_empty() {
        comparison_form(&e.text)
    } else {
        comparison_form(&e.canonical)
    }
}

/// Per-document relation set.
fn relation_set(doc: &GoldDocument) -> BTreeSet<(RelationType, String, String)> {
    let name = |id: &str| doc.entities.iter().find(|e| e.id == id).map(key_name);
    doc.relations
        .iter()
        .filter_map(|r| {
            let (h, t) = (name(&r.head)?, name(&r.tail)?);
            Some(match r.kind {
                RelationType::Met if t < h => (r.kind, t, h),
                _ => (r.kind, h, t),
            })
        })
        .collect()
}

/// Per-document linking set: (type, comparison form of canonical) for the
/// types that have a canonical, non-empty ones only.
fn linking_set(doc: &GoldDocument) -> BTreeSet<(EntityType, String)> {
    doc.entities
        .iter()
        .filter(|e| e.entity_type.has_canonical() && !e.canonical.trim().is_empty())
        .map(|e| (e.entity_type, comparison_form(&e.canonical)))
        .collect()
}

/// The zone of each non-blank line of `text` under `zones` (`None`: in no
/// zone), with the line's span.
pub(crate) fn line_zones(text: &str, zones: &[(CharSpan, Zone)]) -> Vec<(CharSpan, Option<Zone>)> {
    lines(text)
        .into_iter()
        .filter(|l| !l.blank)
        .map(|l| {
            let z = zones
                .iter()
                .find(|(s, _)| s.start < l.end && l.start < s.end)
                .map(|&(_, z)| z);
            (CharSpan::new(l.start, l.end), z)
        })
        .collect()
}

/// Scores `pred` against `gold`.
///
/// A document of `pred` that `gold` lacks is an error naming it, and so is
/// a prediction document whose text (when it has one) differs from the
/// gold text, or a predicted mention whose span does not cover its `text`
/// in the gold text; a gold
/// document missing from `pred` counts as all missed (no mentions, zones,
/// relations or metadata). Zones are scored on the gold documents that have
/// a text.
///
/// ```
/// use akhbar_eval::{GoldSet, evaluate};
/// let gold = GoldSet::default();
/// let report = evaluate(&gold, &gold).unwrap();
/// assert_eq!(report.entities.overall.strict.possible, 0);
/// ```
pub fn evaluate(gold: &GoldSet, pred: &GoldSet) -> Result<Report, EvalError> {
    if let Some(d) = pred.documents.iter().find(|d| gold.get(&d.id).is_none()) {
        return Err(EvalError::UnknownDocument { doc: d.id.clone() });
    }
    for p in &pred.documents {
        if let (Some(pt), Some(gt)) = (&p.text, gold.get(&p.id).and_then(|g| g.text.as_ref())) {
            if pt != gt {
                return Err(EvalError::TextMismatch { doc: p.id.clone() });
            }
        }
        check_prediction_spans(p, gold.get(&p.id))?;
    }
    let empty = GoldDocument::default();
    let mut counts = EntityCounts::default();
    let mut per_doc_strict = Vec::new();
    let mut linking = LinkingReport::default();
    let mut dates = DateReport::default();
    let (mut rel_all, mut rel_ht, mut rel_met) = ([0usize; 3], [0usize; 3], [0usize; 3]);
    let mut link_sets = [0usize; 3];
    let (mut z_lines, mut z_right, mut z_exact, mut z_tp, mut z_fp, mut z_fn) = (0, 0, 0, 0, 0, 0);
    let mut docs = DocumentReport::default();

    for g in &gold.documents {
        let p = pred.get(&g.id).unwrap_or(&empty);

        // Entities.
        let (g_ents, g_spans) = sorted_entities(g);
        let (p_ents, p_spans) = sorted_entities(p);
        counts.add_document(&g_spans, &p_spans);
        let strict = match_spans(&g_spans, &p_spans, Scheme::Strict);
        per_doc_strict.push(strict.counts());
        for (pi, o) in strict.pred.iter().enumerate() {
            let Outcome::Correct(gi) = *o else { continue };
            let (ge, pe) = (g_ents[gi], p_ents[pi]);
            if ge.entity_type.has_canonical() {
                linking.matched += 1;
                if comparison_form(&ge.canonical) == comparison_form(&pe.canonical) {
                    linking.correct += 1;
                }
            }
            if ge.entity_type == EntityType::Date {
                dates.matched += 1;
                if ge.value.trim() == pe.value.trim() {
                    dates.correct += 1;
                }
            }
        }
        let (gl, pl) = (linking_set(g), linking_set(p));
        link_sets[0] += gl.len();
        link_sets[1] += pl.len();
        link_sets[2] += gl.intersection(&pl).count();

        // Relations.
        let (gr, pr) = (relation_set(g), relation_set(p));
        for (acc, kind) in [
            (&mut rel_all, None),
            (&mut rel_ht, Some(RelationType::HasTitle)),
            (&mut rel_met, Some(RelationType::Met)),
        ] {
            let keep = |r: &&(RelationType, String, String)| kind.is_none_or(|k| r.0 == k);
            acc[0] += gr.iter().filter(keep).count();
            acc[1] += pr.iter().filter(keep).count();
            acc[2] += gr.intersection(&pr).filter(keep).count();
        }

        // Zones.
        if let Some(text) = &g.text {
            let gz: Vec<_> = g.zones.iter().map(|z| (z.span, z.zone)).collect();
            let pz: Vec<_> = p.zones.iter().map(|z| (z.span, z.zone)).collect();
            let gold_lines = line_zones(text, &gz);
            let pred_lines = line_zones(text, &pz);
            for ((_, gzone), (_, pzone)) in gold_lines.iter().zip(&pred_lines) {
                let gc = gzone.is_some_and(Zone::is_content);
                let pc = pzone.is_some_and(Zone::is_content);
                z_lines += 1;
                z_right += usize::from(gc == pc);
                z_exact += usize::from(gzone == pzone);
                match (gc, pc) {
                    (true, true) => z_tp += 1,
                    (false, true) => z_fp += 1,
                    (true, false) => z_fn += 1,
                    (false, false) => {}
                }
            }
        }

        // Documents.
        docs.count += 1;
        docs.published_correct += usize::from(g.published.trim() == p.published.trim());
        docs.source_correct +=
            usize::from(comparison_form(&g.source) == comparison_form(&p.source));
        docs.title_correct += usize::from(comparison_form(&g.title) == comparison_form(&p.title));
    }

    linking.accuracy = ratio(linking.correct, linking.matched);
    linking.sets = SetScores::new(link_sets[0], link_sets[1], link_sets[2]);
    dates.accuracy = ratio(dates.correct, dates.matched);
    let relations = RelationReport {
        all: SetScores::new(rel_all[0], rel_all[1], rel_all[2]),
        has_title: SetScores::new(rel_ht[0], rel_ht[1], rel_ht[2]),
        met: SetScores::new(rel_met[0], rel_met[1], rel_met[2]),
    };
    let content = SetScores::new(z_tp + z_fn, z_tp + z_fp, z_tp);
    let zones = ZoneReport {
        lines: z_lines,
        line_accuracy: ratio(z_right, z_lines),
        zone_accuracy: ratio(z_exact, z_lines),
        content_precision: content.precision,
        content_recall: content.recall,
        content_f1: content.f1,
    };
    docs.published_accuracy = ratio(docs.published_correct, docs.count);
    docs.source_accuracy = ratio(docs.source_correct, docs.count);
    docs.title_accuracy = ratio(docs.title_correct, docs.count);

    Ok(Report {
        entities: entity_report(&counts, &per_doc_strict),
        linking,
        dates,
        relations,
        zones,
        documents: docs,
    })
}

/// Checks that every predicted mention fits the gold text.
fn check_prediction_spans(p: &GoldDocument, g: Option<&GoldDocument>) -> Result<(), EvalError> {
    let Some(text) = g.and_then(|g| g.text.as_deref()) else {
        return Ok(());
    };
    let idx = CharIndex::new(text);
    for e in &p.entities {
        let fail = |message: String| EvalError::PredictionSpan {
            doc: p.id.clone(),
            id: e.id.clone(),
            message,
        };
        let Some(got) = slice(text, &idx, e.span) else {
            return Err(fail(format!(
                "span {}..{} is past the end of the text ({} code points)",
                e.span.start,
                e.span.end,
                idx.char_len()
            )));
        };
        if !e.text.is_empty() && got != e.text {
            return Err(fail(format!(
                "span {}..{} is `{}` in the gold text, not `{}` (offsets must count code points)",
                e.span.start,
                e.span.end,
                show(got),
                show(&e.text)
            )));
        }
    }
    Ok(())
}

fn entity_report(counts: &EntityCounts, per_doc_strict: &[Counts]) -> EntityReport {
    let per_type: Vec<(EntityType, SchemeScores)> = EntityType::ALL
        .into_iter()
        .zip(&counts.per_type)
        .map(|(t, c)| (t, SchemeScores::from_counts(c)))
        .collect();
    let present: Vec<SchemeScores> = counts
        .per_type
        .iter()
        .zip(&per_type)
        .filter(|(c, _)| c[0].possible() + c[0].actual() > 0)
        .map(|(_, (_, s))| *s)
        .collect();
    let avg = |scheme: Scheme| {
        if present.is_empty() {
            return Prf::default();
        }
        let n = present.len() as f64;
        let sum = |f: fn(&Scores) -> f64| present.iter().map(|s| f(s.get(scheme))).sum::<f64>() / n;
        Prf {
            precision: sum(|s| s.precision),
            recall: sum(|s| s.recall),
            f1: sum(|s| s.f1),
        }
    };
    EntityReport {
        overall: SchemeScores::from_counts(&counts.overall),
        per_type: PerType(per_type),
        macro_avg: MacroScores {
            strict: avg(Scheme::Strict),
            exact: avg(Scheme::Exact),
            partial: avg(Scheme::Partial),
            ent_type: avg(Scheme::Type),
        },
        strict_f1_ci95: bootstrap_ci(per_doc_strict, BOOTSTRAP_SEED, BOOTSTRAP_RESAMPLES),
    }
}

/// SplitMix64: a tiny seeded generator, enough for resampling.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0), by rejection so it is unbiased.
    fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// 95% percentile bootstrap interval of the strict micro F1: `resamples`
/// times, draw as many documents as there are, with replacement, and take
/// the 2.5th and 97.5th percentiles of the F1 of the summed counts.
pub(crate) fn bootstrap_ci(per_doc: &[Counts], seed: u64, resamples: usize) -> [f64; 2] {
    if per_doc.is_empty() || resamples == 0 {
        return [0.0, 0.0];
    }
    let mut rng = SplitMix64(seed);
    let n = per_doc.len() as u64;
    let mut f1s: Vec<f64> = (0..resamples)
        .map(|_| {
            let mut sum = Counts::default();
            for _ in 0..n {
                sum.add(&per_doc[rng.below(n) as usize]);
            }
            sum.scores().f1
        })
        .collect();
    f1s.sort_by(f64::total_cmp);
    let lo = ((resamples as f64) * 0.025).floor() as usize;
    let hi = (((resamples as f64) * 0.975).ceil() as usize).saturating_sub(1);
    [f1s[lo.min(resamples - 1)], f1s[hi.min(resamples - 1)]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{GoldRelation, GoldZone};

    fn ent(
        id: &str,
        t: EntityType,
        start: usize,
        text: &str,
        canonical: &str,
        value: &str,
    ) -> GoldEntity {
        GoldEntity {
            id: id.into(),
            entity_type: t,
            span: CharSpan::new(start, start + text.chars().count()),
            text: text.into(),
            canonical: canonical.into(),
            value: value.into(),
        }
    }

    fn doc(entities: Vec<GoldEntity>, relations: Vec<(RelationType, &str, &str)>) -> GoldDocument {
        GoldDocument {
            id: "d".into(),
            entities,
            relations: relations
                .into_iter()
                .map(|(kind, h, t)| GoldRelation {
                    kind,
                    head: h.into(),
                    tail: t.into(),
                })
                .collect(),
            ..GoldDocument::default()
        }
    }

    fn score(g: GoldDocument, p: GoldDocument) -> Report {
        evaluate(&GoldSet::new(vec![g]), &GoldSet::new(vec![p])).expect("scores")
    }

    #[test]
    fn met_is_unordered_and_titles_compare_by_text() {
        let g = doc(
            vec![
                ent("T1", EntityType::Per, 0, "حموشي", "عبد اللطيف حموشي", ""),
                ent("T2", EntityType::Per, 10, "نونيز", "لوران نونيز", ""),
                ent("T3", EntityType::Title, 20, "وزير الداخلية", "", ""),
            ],
            vec![
                (RelationType::Met, "T1", "T2"),
                (RelationType::HasTitle, "T2", "T3"),
            ],
        );
        let p = doc(
            vec![
                ent("A", EntityType::Per, 0, "حموشي", "عبد اللطيف حمّوشي", ""),
                ent("B", EntityType::Per, 10, "نونيز", "لوران نونيز", ""),
                ent("C", EntityType::Title, 20, "وزير الداخليه", "", ""),
                ent("D", EntityType::Per, 40, "حموشي", "", ""),
            ],
            vec![
                (RelationType::Met, "B", "A"),
                (RelationType::HasTitle, "B", "C"),
                (RelationType::Met, "D", "B"),
            ],
        );
        let r = score(g, p);
        assert_eq!(
            (
                r.relations.all.gold,
                r.relations.all.pred,
                r.relations.all.both
            ),
            (2, 3, 2)
        );
        assert_eq!(r.relations.met.both, 1);
        assert_eq!(r.relations.has_title.f1, 1.0);
        // Linking: both PER strictly matched, canonicals equal after the
        // comparison form; the set ignores the empty canonical of D.
        assert_eq!((r.linking.matched, r.linking.correct), (2, 2));
        assert_eq!(
            (
                r.linking.sets.gold,
                r.linking.sets.pred,
                r.linking.sets.both
            ),
            (2, 2, 2)
        );
    }

    #[test]
    fn date_values_count_only_on_strict_matches() {
        let g = doc(
            vec![
                ent("T1", EntityType::Date, 0, "أمس", "", "2025-06-23"),
                ent("T2", EntityType::Date, 10, "يونيو", "", "2025-06"),
                ent("T3", EntityType::Date, 20, "سنة 2015", "", "2015"),
            ],
            vec![],
        );
        let p = doc(
            vec![
                ent("A", EntityType::Date, 0, "أمس", "", "2025-06-23"),
                ent("B", EntityType::Date, 10, "يونيو", "", "XXXX-06"),
                ent("C", EntityType::Date, 24, "2015", "", "2015"),
            ],
            vec![],
        );
        let r = score(g, p);
        assert_eq!((r.dates.matched, r.dates.correct), (2, 1));
        assert_eq!(r.dates.accuracy, 0.5);
        assert_eq!(r.linking.matched, 0);
    }

    #[test]
    fn zones_score_lines_as_content_or_not() {
        let text = "عنوان\n\nقسم\nنص\nتعليق";
        let zones = |z: &[(usize, usize, Zone)]| {
            z.iter()
                .map(|&(a, b, zone)| GoldZone {
                    span: CharSpan::new(a, b),
                    zone,
                })
                .collect()
        };
        let g = GoldDocument {
            id: "d".into(),
            text: Some(text.into()),
            published: "2025-06-24".into(),
            source: "هسبريس".into(),
            zones: zones(&[
                (0, 5, Zone::Title),
                (7, 10, Zone::Meta),
                (11, 13, Zone::Body),
                (14, 19, Zone::Boilerplate),
            ]),
            ..GoldDocument::default()
        };
        // Predicted: title right, meta as body (false content), body right,
        // last line in no zone.
        let p = GoldDocument {
            id: "d".into(),
            published: "2025-06-24".into(),
            source: "هسبرِيس".into(),
            zones: zones(&[(0, 5, Zone::Title), (7, 13, Zone::Body)]),
            ..GoldDocument::default()
        };
        let r = score(g, p);
        assert_eq!(r.zones.lines, 4);
        assert_eq!(r.zones.line_accuracy, 0.75);
        assert_eq!(r.zones.zone_accuracy, 0.5);
        assert_eq!(r.zones.content_precision, 2.0 / 3.0);
        assert_eq!(r.zones.content_recall, 1.0);
        assert_eq!(
            (r.documents.published_correct, r.documents.source_correct),
            (1, 1)
        );
        assert_eq!(r.documents.title_correct, 1);
    }

    #[test]
    fn predicted_spans_must_fit_the_gold_text() {
        let g = GoldDocument {
            id: "d".into(),
            text: Some("زار حموشي باريس".into()),
            ..GoldDocument::default()
        };
        // Byte offsets instead of code points.
        let p = doc(
            vec![ent("T1", EntityType::Loc, 19, "باريس", "باريس", "")],
            vec![],
        );
        let err =
            evaluate(&GoldSet::new(vec![g.clone()]), &GoldSet::new(vec![p])).expect_err("bytes");
        assert_eq!(
            err.to_string(),
            "predictions for document `d`: T1 span 19..24 is past the end of the text (15 code points)"
        );
        let p = doc(
            vec![ent("T1", EntityType::Loc, 9, "باريس", "باريس", "")],
            vec![],
        );
        let err = evaluate(&GoldSet::new(vec![g]), &GoldSet::new(vec![p])).expect_err("drift");
        assert_eq!(
            err.to_string(),
            "predictions for document `d`: T1 span 9..14 is ` باري` in the gold text, not `باريس` (offsets must count code points)"
        );
    }

    #[test]
    fn prediction_on_another_text_is_an_error() {
        let g = GoldDocument {
            id: "d".into(),
            text: Some("نص".into()),
            ..GoldDocument::default()
        };
        let p = GoldDocument {
            text: Some("نص آخر".into()),
            ..g.clone()
        };
        let err = evaluate(&GoldSet::new(vec![g]), &GoldSet::new(vec![p])).expect_err("mismatch");
        assert_eq!(
            err.to_string(),
            "predictions for document `d` were made on a different text than the gold's"
        );
    }

    #[test]
    fn bootstrap_is_seeded_and_brackets_the_f1() {
        let docs: Vec<Counts> = (0..20)
            .map(|i| Counts {
                correct: i % 5,
                missed: i % 3,
                spurious: i % 2,
                ..Counts::default()
            })
            .collect();
        let a = bootstrap_ci(&docs, 7, 1000);
        assert_eq!(a, bootstrap_ci(&docs, 7, 1000));
        assert_ne!(a, bootstrap_ci(&docs, 8, 1000));
        let mut sum = Counts::default();
        docs.iter().for_each(|c| sum.add(c));
        let f1 = sum.scores().f1;
        assert!(a[0] <= f1 && f1 <= a[1], "{a:?} {f1}");
        assert_eq!(bootstrap_ci(&[], 7, 1000), [0.0, 0.0]);
    }
}
