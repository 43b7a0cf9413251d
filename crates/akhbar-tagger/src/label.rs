//! Entity types and IOB2 labels.

use std::fmt;

/// The four entity types of ANERcorp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    /// A person.
    Pers,
    /// A location (countries and cities included).
    Loc,
    /// An organization.
    Org,
    /// Anything else named (events, products, nationalities in some corpora).
    Misc,
}

impl EntityType {
    /// All types, in label order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Pers,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Misc,
    ];

    /// The ANERcorp name: `PERS`, `LOC`, `ORG` or `MISC`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Pers => "PERS",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    /// Reads a type name leniently: `PERS`/`PER`/`PERSON`, `LOC`/`GPE`,
    /// `ORG`, `MISC`/`MIS0`…`MIS3`/`MISS1` (AQMAR's topic classes). Leading
    /// dashes are skipped. `None` for anything else.
    pub fn parse_lenient(s: &str) -> Option<EntityType> {
        let s = s.trim_start_matches('-').to_ascii_uppercase();
        if s.starts_with("PER") {
            Some(EntityType::Pers)
        } else if s.starts_with("LOC") || s == "GPE" {
            Some(EntityType::Loc)
        } else if s.starts_with("ORG") {
            Some(EntityType::Org)
        } else if s.starts_with("MIS") {
            Some(EntityType::Misc)
        } else {
            None
        }
    }

    const fn index(self) -> usize {
        match self {
            EntityType::Pers => 0,
            EntityType::Loc => 1,
            EntityType::Org => 2,
            EntityType::Misc => 3,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An IOB2 label of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// Outside any entity (`O`).
    Outside,
    /// First token of an entity (`B-TYPE`).
    Begin(EntityType),
    /// A later token of an entity (`I-TYPE`).
    Inside(EntityType),
}

/// Number of distinct labels (`O` plus `B-`/`I-` of four types).
pub(crate) const N_LABELS: usize = 9;

impl Label {
    /// The entity type, `None` for `O`.
    pub const fn entity_type(self) -> Option<EntityType> {
        match self {
            Label::Outside => None,
            Label::Begin(t) | Label::Inside(t) => Some(t),
        }
    }

    /// `true` for `O`.
    pub const fn is_outside(self) -> bool {
        matches!(self, Label::Outside)
    }

    /// Reads a tag leniently: `O`, `B-X`, `I-X` with `X` as in
    /// [`EntityType::parse_lenient`]; a bare type counts as `B-`. Unknown
    /// types, empty strings and malformed tags (`IO`, `OO`, `B-ENGLISH`)
    /// read as `O`.
    pub fn parse_lenient(tag: &str) -> Label {
        let tag = tag.trim();
        let (kind, ty) = match tag.split_once('-') {
            Some((k, t)) => (k, t),
            None => return EntityType::parse_lenient(tag).map_or(Label::Outside, Label::Begin),
        };
        let Some(ty) = EntityType::parse_lenient(ty) else {
            return Label::Outside;
        };
        match kind {
            "B" | "b" | "S" | "s" | "U" | "u" => Label::Begin(ty),
            "I" | "i" | "E" | "e" | "L" | "l" => Label::Inside(ty),
            _ => Label::Outside,
        }
    }

    /// Dense index `0..9`: `O`, then `B-`/`I-` per type.
    pub(crate) const fn index(self) -> usize {
        match self {
            Label::Outside => 0,
            Label::Begin(t) => 1 + 2 * t.index(),
            Label::Inside(t) => 2 + 2 * t.index(),
        }
    }

    /// The label of a dense index (`O` when out of range).
    pub(crate) const fn from_index(i: usize) -> Label {
        if i == 0 || i >= N_LABELS {
            return Label::Outside;
        }
        let t = EntityType::ALL[(i - 1) / 2];
        if (i - 1) % 2 == 0 {
            Label::Begin(t)
        } else {
            Label::Inside(t)
        }
    }

    /// Whether `self` may follow `prev` in IOB2 (`None` = sentence start).
    pub(crate) fn may_follow(self, prev: Option<Label>) -> bool {
        match self {
            Label::Inside(t) => matches!(prev, Some(Label::Begin(p) | Label::Inside(p)) if p == t),
            _ => true,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Label::Outside => f.write_str("O"),
            Label::Begin(t) => write!(f, "B-{t}"),
            Label::Inside(t) => write!(f, "I-{t}"),
        }
    }
}

/// Repairs a label sequence to valid IOB2: an `I-X` that does not continue
/// an `X` entity becomes `B-X` (the conlleval reading).
pub fn repair_iob2(labels: &mut [Label]) {
    let mut prev = None;
    for l in labels.iter_mut() {
        if let Label::Inside(t) = *l {
            if !l.may_follow(prev) {
                *l = Label::Begin(t);
            }
        }
        prev = Some(*l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trips() {
        for i in 0..N_LABELS {
            assert_eq!(Label::from_index(i).index(), i);
        }
    }

    #[test]
    fn parses_aqmar_and_anercorp_tags() {
        assert_eq!(
            Label::parse_lenient("B-PERS"),
            Label::Begin(EntityType::Pers)
        );
        assert_eq!(
            Label::parse_lenient("I-PER"),
            Label::Inside(EntityType::Pers)
        );
        assert_eq!(
            Label::parse_lenient("B-MIS2"),
            Label::Begin(EntityType::Misc)
        );
        assert_eq!(
            Label::parse_lenient("B-MIS-1"),
            Label::Begin(EntityType::Misc)
        );
        assert_eq!(
            Label::parse_lenient("I--ORG"),
            Label::Inside(EntityType::Org)
        );
        assert_eq!(
            Label::parse_lenient("B-MIS1`"),
            Label::Begin(EntityType::Misc)
        );
        assert_eq!(Label::parse_lenient("IO"), Label::Outside);
        assert_eq!(Label::parse_lenient("OO"), Label::Outside);
        assert_eq!(Label::parse_lenient("B-ENGLISH"), Label::Outside);
        assert_eq!(Label::parse_lenient(""), Label::Outside);
        assert_eq!(Label::Inside(EntityType::Loc).to_string(), "I-LOC");
    }

    #[test]
    fn repair_turns_stray_inside_into_begin() {
        use EntityType::*;
        let mut l = vec![
            Label::Inside(Pers),
            Label::Outside,
            Label::Inside(Loc),
            Label::Begin(Loc),
            Label::Inside(Pers),
        ];
        repair_iob2(&mut l);
        assert_eq!(
            l,
            vec![
                Label::Begin(Pers),
                Label::Outside,
                Label::Begin(Loc),
                Label::Begin(Loc),
                Label::Begin(Pers)
            ]
        );
    }
}
