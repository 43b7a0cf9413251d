//! Zones, mentions and relations: what the pipeline finds in a document.

use crate::span::ByteSpan;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The role of a line in a scraped page (`ANNOTATION.md`, zones.csv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// The headline, or a repeated copy of it.
    Title,
    /// Section labels, bylines, stamps, source and tag lines.
    Meta,
    /// The article's own text.
    Body,
    /// Everything the site wraps around the article.
    Boilerplate,
}

impl Zone {
    /// All zones, in a fixed order.
    pub const ALL: [Zone; 4] = [Zone::Title, Zone::Meta, Zone::Body, Zone::Boilerplate];

    /// The name used in files (`title`, `meta`, `body`, `boilerplate`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Zone::Title => "title",
            Zone::Meta => "meta",
            Zone::Body => "body",
            Zone::Boilerplate => "boilerplate",
        }
    }

    /// True for the zones whose entities are annotated: title and body.
    pub const fn is_content(self) -> bool {
        matches!(self, Zone::Title | Zone::Body)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Zone {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Zone::ALL
            .into_iter()
            .find(|z| z.as_str() == s)
            .ok_or_else(|| format!("unknown zone `{s}`"))
    }
}

/// A run of whole lines that share one zone, in bytes of the original text
/// (from the first line's first character to the last line's end, newline
/// excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ZoneRange {
    /// The lines covered.
    pub span: ByteSpan,
    /// Their zone.
    pub zone: Zone,
}

/// The seven entity types of `ANNOTATION.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// A person's name.
    #[serde(rename = "PER")]
    Per,
    /// A named organization, institution, agency or unit.
    #[serde(rename = "ORG")]
    Org,
    /// A named country, city, region, continent or place.
    #[serde(rename = "LOC")]
    Loc,
    /// The name of an office as written.
    #[serde(rename = "TITLE")]
    Title,
    /// A calendar expression with an ISO-like value.
    #[serde(rename = "DATE")]
    Date,
    /// A named event.
    #[serde(rename = "EVENT")]
    Event,
    /// A named category of crime or security threat.
    #[serde(rename = "THREAT")]
    Threat,
}

impl EntityType {
    /// All types, in the order of `ANNOTATION.md`.
    pub const ALL: [EntityType; 7] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Title,
        EntityType::Date,
        EntityType::Event,
        EntityType::Threat,
    ];

    /// The name used in files (`PER`, `ORG`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Title => "TITLE",
            EntityType::Date => "DATE",
            EntityType::Event => "EVENT",
            EntityType::Threat => "THREAT",
        }
    }

    /// True for the types whose `canonical` is a name (PER, ORG, LOC, EVENT)
    /// or a slug (THREAT); TITLE and DATE have none.
    pub const fn has_canonical(self) -> bool {
        !matches!(self, EntityType::Title | EntityType::Date)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown entity type `{s}`"))
    }
}

/// The nine THREAT categories and their slugs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreatCategory {
    /// `terrorism`
    Terrorism,
    /// `organized_crime`
    OrganizedCrime,
    /// `drug_trafficking`
    DrugTrafficking,
    /// `illegal_migration`
    IllegalMigration,
    /// `cybercrime`
    Cybercrime,
    /// `human_trafficking`
    HumanTrafficking,
    /// `money_laundering`
    MoneyLaundering,
    /// `arms_trafficking`
    ArmsTrafficking,
    /// `fugitives`
    Fugitives,
}

impl ThreatCategory {
    /// All categories.
    pub const ALL: [ThreatCategory; 9] = [
        ThreatCategory::Terrorism,
        ThreatCategory::OrganizedCrime,
        ThreatCategory::DrugTrafficking,
        ThreatCategory::IllegalMigration,
        ThreatCategory::Cybercrime,
        ThreatCategory::HumanTrafficking,
        ThreatCategory::MoneyLaundering,
        ThreatCategory::ArmsTrafficking,
        ThreatCategory::Fugitives,
    ];

    /// The slug written in `canonical`.
    pub const fn slug(self) -> &'static str {
        match self {
            ThreatCategory::Terrorism => "terrorism",
            ThreatCategory::OrganizedCrime => "organized_crime",
            ThreatCategory::DrugTrafficking => "drug_trafficking",
            ThreatCategory::IllegalMigration => "illegal_migration",
            ThreatCategory::Cybercrime => "cybercrime",
            ThreatCategory::HumanTrafficking => "human_trafficking",
            ThreatCategory::MoneyLaundering => "money_laundering",
            ThreatCategory::ArmsTrafficking => "arms_trafficking",
            ThreatCategory::Fugitives => "fugitives",
        }
    }

    /// The category with this slug.
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// One entity mention found in a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is, in bytes of the original text.
    pub span: ByteSpan,
    /// Its type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The covered text, exactly as in the original.
    pub text: String,
    /// Canonical name (PER, ORG, LOC, EVENT), slug (THREAT), or empty.
    pub canonical: String,
    /// ISO-like value for DATE (`2025-06-24`, `XXXX-12`, `2024-W41`), or empty.
    pub value: String,
}

/// The two relation types of `ANNOTATION.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    /// Head PER holds the office tail TITLE.
    HasTitle,
    /// Head PER and tail PER met (symmetric).
    Met,
}

impl RelationType {
    /// The name used in files.
    pub const fn as_str(self) -> &'static str {
        match self {
            RelationType::HasTitle => "has_title",
            RelationType::Met => "met",
        }
    }
}

impl fmt::Display for RelationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelationType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "has_title" => Ok(RelationType::HasTitle),
            "met" => Ok(RelationType::Met),
            _ => Err(format!("unknown relation type `{s}`")),
        }
    }
}

/// A relation between two mentions of one document, by index into
/// [`Annotations::mentions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Relation {
    /// Its type.
    #[serde(rename = "type")]
    pub kind: RelationType,
    /// Index of the head mention.
    pub head: usize,
    /// Index of the tail mention.
    pub tail: usize,
}

/// What extraction found in one document: flat mentions sorted by span, and
/// relations between them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotations {
    /// Mentions, sorted by start, never overlapping.
    pub mentions: Vec<Mention>,
    /// Relations, sorted, each once.
    pub relations: Vec<Relation>,
}
