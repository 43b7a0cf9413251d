//! Entity-level scoring, CoNLL strict (conlleval): a predicted entity counts
//! only when its boundaries and type equal a gold entity's.

use crate::label::{EntityType, Label};
use std::collections::BTreeMap;

/// One entity: tokens `start..end` of type `ty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity type.
    pub ty: EntityType,
}

/// Reads entities from labels as conlleval does: `B-X` opens an entity;
/// `I-X` continues an open `X` entity and otherwise opens one (so `I-` after
/// `O` or after another type starts a chunk).
pub fn chunks(labels: &[Label]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let starts = match (l, open) {
            (Label::Outside, _) => None,
            (Label::Begin(t), _) => Some(t),
            (Label::Inside(t), Some((_, o))) if o == t => None,
            (Label::Inside(t), _) => Some(t),
        };
        let ends = l.is_outside() || starts.is_some();
        if ends {
            if let Some((s, t)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i,
                    ty: t,
                });
            }
        }
        if let Some(t) = starts {
            open = Some((i, t));
        }
    }
    if let Some((s, t)) = open {
        out.push(Chunk {
            start: s,
            end: labels.len(),
            ty: t,
        });
    }
    out
}

/// Counts of one type (or of all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted entities that match a gold entity exactly.
    pub correct: u64,
    /// Predicted entities.
    pub predicted: u64,
    /// Gold entities.
    pub gold: u64,
}

impl Counts {
    /// `correct / predicted` (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }
    /// `correct / gold` (0 when there is no gold entity).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Accumulated entity counts per type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    per_type: BTreeMap<EntityType, Counts>,
}

impl Scores {
    /// Adds one sentence: gold and predicted labels of the same tokens.
    /// Extra labels on the longer side are scored against `O`.
    pub fn add(&mut self, gold: &[Label], pred: &[Label]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &g {
            self.per_type.entry(c.ty).or_default().gold += 1;
        }
        for c in &p {
            let e = self.per_type.entry(c.ty).or_default();
            e.predicted += 1;
            if g.binary_search(c).is_ok() {
                e.correct += 1;
            }
        }
    }

    /// Counts per type, for every type seen in gold or prediction.
    pub fn per_type(&self) -> &BTreeMap<EntityType, Counts> {
        &self.per_type
    }

    /// Counts over all types (micro average).
    pub fn micro(&self) -> Counts {
        self.per_type
            .values()
            .fold(Counts::default(), |a, c| Counts {
                correct: a.correct + c.correct,
                predicted: a.predicted + c.predicted,
                gold: a.gold + c.gold,
            })
    }

    /// Drops a type from the counts (e.g. MISC when corpora disagree on it).
    pub fn without(&self, ty: EntityType) -> Scores {
        let mut s = self.clone();
        s.per_type.remove(&ty);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    fn labels(s: &str) -> Vec<Label> {
        s.split_whitespace().map(Label::parse_lenient).collect()
    }

    #[test]
    fn chunks_follow_conlleval() {
        let l = labels("B-PERS I-PERS O I-LOC I-LOC B-LOC I-ORG O B-MISC");
        assert_eq!(
            chunks(&l),
            vec![
                Chunk {
                    start: 0,
                    end: 2,
                    ty: Pers
                },
                Chunk {
                    start: 3,
                    end: 5,
                    ty: Loc
                },
                Chunk {
                    start: 5,
                    end: 6,
                    ty: Loc
                },
                Chunk {
                    start: 6,
                    end: 7,
                    ty: Org
                },
                Chunk {
                    start: 8,
                    end: 9,
                    ty: Misc
                },
            ]
        );
        assert_eq!(
            chunks(&labels("I-PERS")),
            vec![Chunk {
                start: 0,
                end: 1,
                ty: Pers
            }]
        );
        assert!(chunks(&[]).is_empty());
    }

    #[test]
    fn strict_match_needs_boundaries_and_type() {
        let gold = labels("B-PERS I-PERS O B-LOC O B-ORG");
        let pred = labels("B-PERS O O B-ORG O B-ORG");
        let mut s = Scores::default();
        s.add(&gold, &pred);
        let m = s.micro();
        assert_eq!((m.correct, m.predicted, m.gold), (1, 3, 3));
        let pers = s.per_type()[&Pers];
        assert_eq!((pers.correct, pers.predicted, pers.gold), (0, 1, 1));
        let org = s.per_type()[&Org];
        assert_eq!((org.correct, org.predicted, org.gold), (1, 2, 1));
        assert!((org.precision() - 0.5).abs() < 1e-9);
        assert!((m.f1() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn begin_and_inside_openings_score_the_same() {
        let gold = labels("O I-LOC I-LOC");
        let pred = labels("O B-LOC I-LOC");
        let mut s = Scores::default();
        s.add(&gold, &pred);
        assert_eq!(s.micro().correct, 1);
    }

    #[test]
    fn empty_scores_are_zero() {
        let s = Scores::default();
        assert_eq!(s.micro().f1(), 0.0);
        assert_eq!(s.micro().precision(), 0.0);
    }
}
