//! Entity matching under the four schemes of SemEval-2013 task 9.1, exactly
//! as nervaluate 1.2.1 counts them (see `tests/data/nervaluate.README.md`).

use akhbar_core::EntityType;
use serde::Serialize;

/// A typed span in code points, end exclusive: what the entity schemes see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First code point, inclusive.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Its type.
    pub entity_type: EntityType,
}

impl Span {
    /// A span of `entity_type` from `start` to `end`.
    pub const fn new(entity_type: EntityType, start: usize, end: usize) -> Self {
        Self {
            start,
            end,
            entity_type,
        }
    }

    fn same_bounds(&self, g: &Span) -> bool {
        self.start == g.start && self.end == g.end
    }

    /// nervaluate's overlap test: at least one shared code point, and the
    /// shared part is at least 1 % of the gold span `g`.
    fn overlaps_gold(&self, g: &Span) -> bool {
        let ov = self.end.min(g.end).saturating_sub(self.start.max(g.start));
        ov >= 1 && ov * 100 >= g.end.saturating_sub(g.start)
    }
}

/// The four schemes: `strict` (same span and type), `exact` (same span),
/// `partial` (overlap counts half), `type` (overlap and same type; nervaluate's
/// `ent_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scheme {
    /// Same span and same type.
    Strict,
    /// Same span, any type.
    Exact,
    /// Same span, or overlap for half credit.
    Partial,
    /// Overlap with the same type.
    Type,
}

impl Scheme {
    /// All four, in report order.
    pub const ALL: [Scheme; 4] = [Scheme::Strict, Scheme::Exact, Scheme::Partial, Scheme::Type];

    /// The name used in reports (`strict`, `exact`, `partial`, `type`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Strict => "strict",
            Scheme::Exact => "exact",
            Scheme::Partial => "partial",
            Scheme::Type => "type",
        }
    }
}

/// What happened to one predicted span; the index is the consumed gold's
/// position in the gold list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Matched gold `.0` under the scheme.
    Correct(usize),
    /// Overlapped gold `.0` without matching it.
    Incorrect(usize),
    /// Overlapped gold `.0` without the same bounds (partial scheme only).
    Partial(usize),
    /// Overlapped no free gold.
    Spurious,
}

/// The pairing of one document's predicted spans with its gold spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMatch {
    /// One outcome per predicted span, in the order given.
    pub pred: Vec<Outcome>,
    /// Indices of the gold spans no prediction consumed.
    pub missed: Vec<usize>,
}

impl DocMatch {
    /// The counts of this pairing.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            missed: self.missed.len(),
            ..Counts::default()
        };
        for o in &self.pred {
            match o {
                Outcome::Correct(_) => c.correct += 1,
                Outcome::Incorrect(_) => c.incorrect += 1,
                Outcome::Partial(_) => c.partial += 1,
                Outcome::Spurious => c.spurious += 1,
            }
        }
        c
    }
}

/// Pairs one document's predictions with its gold under `scheme`.
///
/// Both lists must be sorted by start (flat lists: also by end), as
/// nervaluate processes them: each prediction in turn consumes at most one
/// gold that no earlier prediction consumed.
pub fn match_spans(gold: &[Span], pred: &[Span], scheme: Scheme) -> DocMatch {
    let mut consumed = vec![false; gold.len()];
    let mut out = Vec::with_capacity(pred.len());
    for p in pred {
        let free = || {
            gold.iter()
                .enumerate()
                .filter(|&(i, _)| !consumed[i])
                .collect::<Vec<_>>()
        };
        let candidates = free();
        let first_overlap = candidates
            .iter()
            .find(|(_, g)| p.overlaps_gold(g))
            .map(|&(i, _)| i);
        let outcome = match scheme {
            Scheme::Strict | Scheme::Exact | Scheme::Partial => {
                let exact = candidates
                    .iter()
                    .find(|(_, g)| {
                        p.same_bounds(g)
                            && (scheme != Scheme::Strict || g.entity_type == p.entity_type)
                    })
                    .map(|&(i, _)| i);
                match (exact, first_overlap) {
                    (Some(i), _) => Outcome::Correct(i),
                    (None, Some(i)) if scheme == Scheme::Partial => Outcome::Partial(i),
                    (None, Some(i)) => Outcome::Incorrect(i),
                    (None, None) => Outcome::Spurious,
                }
            }
            Scheme::Type => {
                let closest = candidates
                    .iter()
                    .filter(|(_, g)| g.entity_type == p.entity_type && p.overlaps_gold(g))
                    .min_by_key(|(i, g)| (p.start.abs_diff(g.start) + p.end.abs_diff(g.end), *i))
                    .map(|&(i, _)| i);
                match (closest, first_overlap) {
                    (Some(i), _) => Outcome::Correct(i),
                    (None, Some(i)) => Outcome::Incorrect(i),
                    (None, None) => Outcome::Spurious,
                }
            }
        };
        match outcome {
            Outcome::Correct(i) | Outcome::Incorrect(i) | Outcome::Partial(i) => consumed[i] = true,
            Outcome::Spurious => {}
        }
        out.push(outcome);
    }
    DocMatch {
        pred: out,
        missed: (0..gold.len()).filter(|&i| !consumed[i]).collect(),
    }
}

/// Outcome counts of one scheme, summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that match a gold.
    pub correct: usize,
    /// Predictions that overlap a gold without matching it.
    pub incorrect: usize,
    /// Predictions that overlap a gold with other bounds (partial scheme).
    pub partial: usize,
    /// Gold spans no prediction consumed.
    pub missed: usize,
    /// Predictions that overlap no free gold.
    pub spurious: usize,
}

impl Counts {
    /// Sum of two counts.
    pub fn add(&mut self, o: &Counts) {
        self.correct += o.correct;
        self.incorrect += o.incorrect;
        self.partial += o.partial;
        self.missed += o.missed;
        self.spurious += o.spurious;
    }

    /// The gold spans: correct + incorrect + partial + missed.
    pub fn possible(&self) -> usize {
        self.correct + self.incorrect + self.partial + self.missed
    }

    /// The predicted spans: correct + incorrect + partial + spurious.
    pub fn actual(&self) -> usize {
        self.correct + self.incorrect + self.partial + self.spurious
    }

    /// The counts with precision, recall and F1, computed as nervaluate
    /// does (a zero denominator gives 0).
    pub fn scores(&self) -> Scores {
        let (possible, actual) = (self.possible(), self.actual());
        let num = self.correct as f64 + 0.5 * self.partial as f64;
        let precision = if actual > 0 { num / actual as f64 } else { 0.0 };
        let recall = if possible > 0 {
            num / possible as f64
        } else {
            0.0
        };
        Scores {
            correct: self.correct,
            incorrect: self.incorrect,
            partial: self.partial,
            missed: self.missed,
            spurious: self.spurious,
            possible,
            actual,
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// nervaluate's F1: `2pr / (p + r)`, 0 when `p + r` is 0.
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * (precision * recall) / (precision + recall)
    } else {
        0.0
    }
}

/// Counts and figures of one scheme (the `C` record of the JSON report).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Predictions that match a gold.
    pub correct: usize,
    /// Predictions that overlap a gold without matching it.
    pub incorrect: usize,
    /// Predictions that overlap a gold with other bounds (partial scheme).
    pub partial: usize,
    /// Gold spans no prediction consumed.
    pub missed: usize,
    /// Predictions that overlap no free gold.
    pub spurious: usize,
    /// Gold spans.
    pub possible: usize,
    /// Predicted spans.
    pub actual: usize,
    /// `(correct + partial / 2) / actual`.
    pub precision: f64,
    /// `(correct + partial / 2) / possible`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Counts of every scheme for a set of documents: `overall` on the full
/// lists, and `per_type[t]` on the lists filtered to type `t` (nervaluate
/// reruns the matching per type; it does not split the overall outcomes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityCounts {
    /// Counts per scheme, in [`Scheme::ALL`] order.
    pub overall: [Counts; 4],
    /// Counts per type (in [`EntityType::ALL`] order) and scheme.
    pub per_type: [[Counts; 4]; 7],
}

impl EntityCounts {
    /// Adds one document's counts. The lists need not be sorted.
    pub fn add_document(&mut self, gold: &[Span], pred: &[Span]) {
        let mut gold = gold.to_vec();
        let mut pred = pred.to_vec();
        gold.sort();
        pred.sort();
        for (s, scheme) in Scheme::ALL.into_iter().enumerate() {
            self.overall[s].add(&match_spans(&gold, &pred, scheme).counts());
        }
        for (t, ty) in EntityType::ALL.into_iter().enumerate() {
            let g: Vec<Span> = gold
                .iter()
                .filter(|x| x.entity_type == ty)
                .copied()
                .collect();
            let p: Vec<Span> = pred
                .iter()
                .filter(|x| x.entity_type == ty)
                .copied()
                .collect();
            if g.is_empty() && p.is_empty() {
                continue;
            }
            for (s, scheme) in Scheme::ALL.into_iter().enumerate() {
                self.per_type[t][s].add(&match_spans(&g, &p, scheme).counts());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;
    use proptest::prelude::*;

    fn s(t: EntityType, a: usize, b: usize) -> Span {
        Span::new(t, a, b)
    }

    #[test]
    fn two_preds_on_one_gold_leave_the_second_spurious() {
        let gold = [s(Per, 41, 55)];
        let pred = [s(Org, 41, 45), s(Per, 47, 55)];
        for scheme in Scheme::ALL {
            let m = match_spans(&gold, &pred, scheme);
            assert_eq!(m.pred[1], Outcome::Spurious, "{scheme:?}");
            assert!(m.missed.is_empty());
        }
        assert_eq!(
            match_spans(&gold, &pred, Scheme::Type).pred[0],
            Outcome::Incorrect(0)
        );
        assert_eq!(
            match_spans(&gold, &pred, Scheme::Partial).pred[0],
            Outcome::Partial(0)
        );
    }

    #[test]
    fn type_scheme_takes_the_closest_same_type_gold() {
        let gold = [s(Per, 50, 59), s(Per, 62, 84)];
        let pred = [s(Per, 50, 84)];
        assert_eq!(
            match_spans(&gold, &pred, Scheme::Strict).pred[0],
            Outcome::Incorrect(0)
        );
        assert_eq!(
            match_spans(&gold, &pred, Scheme::Type).pred[0],
            Outcome::Correct(1)
        );
        assert_eq!(match_spans(&gold, &pred, Scheme::Type).missed, vec![0]);
    }

    #[test]
    fn overlap_needs_one_percent_of_the_gold() {
        let gold = [s(Date, 0, 143)];
        let m = match_spans(&gold, &[s(Date, 142, 150)], Scheme::Partial);
        assert_eq!(m.pred[0], Outcome::Spurious);
        let gold = [s(Date, 28, 128)];
        let m = match_spans(&gold, &[s(Date, 127, 131)], Scheme::Partial);
        assert_eq!(m.pred[0], Outcome::Partial(0));
    }

    #[test]
    fn touching_spans_do_not_overlap() {
        let m = match_spans(&[s(Loc, 5, 10)], &[s(Loc, 10, 12)], Scheme::Type);
        assert_eq!(m.pred[0], Outcome::Spurious);
        assert_eq!(m.missed, vec![0]);
    }

    #[test]
    fn zero_denominators_give_zero() {
        let sc = Counts::default().scores();
        assert_eq!((sc.precision, sc.recall, sc.f1), (0.0, 0.0, 0.0));
        let sc = Counts {
            correct: 1,
            partial: 1,
            spurious: 2,
            ..Counts::default()
        }
        .scores();
        assert_eq!(sc.precision, 0.375);
        assert_eq!(sc.recall, 0.75);
    }

    fn flat_spans() -> impl Strategy<Value = Vec<Span>> {
        proptest::collection::vec((0usize..7, 0usize..6, 1usize..6), 0..8).prop_map(|v| {
            let mut out = Vec::new();
            let mut at = 0;
            for (t, gap, len) in v {
                at += gap;
                out.push(Span::new(EntityType::ALL[t], at, at + len));
                at += len;
            }
            out
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn counts_sum_to_possible_and_actual(gold in flat_spans(), pred in flat_spans()) {
            let mut ec = EntityCounts::default();
            ec.add_document(&gold, &pred);
            for c in ec.overall {
                prop_assert_eq!(c.possible(), gold.len());
                prop_assert_eq!(c.actual(), pred.len());
            }
            for (t, ty) in EntityType::ALL.into_iter().enumerate() {
                let ng = gold.iter().filter(|x| x.entity_type == ty).count();
                let np = pred.iter().filter(|x| x.entity_type == ty).count();
                for c in ec.per_type[t] {
                    prop_assert_eq!(c.possible(), ng);
                    prop_assert_eq!(c.actual(), np);
                }
            }
            let strict = ec.overall[0];
            let exact = ec.overall[1];
            prop_assert!(strict.correct <= exact.correct);
        }
    }
}
