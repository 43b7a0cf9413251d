//! Lexicons shipped in `data/`, compiled once into a table of their
//! normalized forms and of the word-aligned prefixes of those forms.
//!
//! Every form is normalized with the `Search` preset (the one the text is
//! matched in). A form that starts with the article `ال` gets a second,
//! contracted pattern (`لمملكه المغربيه`) so that `للمملكة المغربية` matches
//! from its second `ل`, as the span rules want.
//!
//! Matches start at a word start (or after its proclitics) and end at a word
//! end, so a form is looked up one text token at a time: the text from the
//! start to the end of each following token is looked up whole in
//! [`Lexicon::prefixes`] until no form continues it. The table is built in a
//! fraction of the time of an automaton, which matters to a process that
//! extracts one file.

use crate::fxhash::{FxHashMap, FxHashSet};
use akhbar_core::ThreatCategory;
use akhbar_normalize::{Normalizer, Preset};
use std::collections::BTreeMap;

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const PLACES: &str = include_str!("../data/places.tsv");
const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
const TERROR_ORGS: &str = include_str!("../data/terror_orgs.tsv");
const THREATS: &str = include_str!("../data/threats.tsv");
const EVENTS: &str = include_str!("../data/events.tsv");
const OFFICE_WORDS: &str = include_str!("../data/office_words.tsv");
const ORG_HEADS: &str = include_str!("../data/org_heads.tsv");
const HONORIFICS: &str = include_str!("../data/honorifics.tsv");
const PLACE_HEADS: &str = include_str!("../data/place_heads.tsv");
const PERSONS: &str = include_str!("../data/persons.tsv");
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");
const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const CLUBS: &str = include_str!("../data/clubs.txt");

/// What a lexicon form stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A country, with its index in [`Lexicon::countries`].
    Country(usize),
    /// A city, region, continent or named place.
    Place,
    /// A known organization.
    Org,
    /// A known person.
    Person,
    /// A named event.
    Event,
    /// A threat category phrase.
    Threat(ThreatCategory),
    /// A nationality adjective of the country with this index.
    Nationality(usize),
    /// An honorific (`السيد`): outside a name, evidence for one.
    Honorific,
    /// A rank (`العميد`): outside a name, evidence for one.
    Rank,
    /// The head of an office title; `full` when it is a title on its own.
    Office {
        /// A title without a complement (`الأمين العام`).
        full: bool,
    },
    /// A head noun of places; `facility` when it is part of the name
    /// (`مطار`), else it stays outside the span (`مدينة`).
    PlaceHead {
        /// Part of the name.
        facility: bool,
        /// Any name word may follow (`مدينة` + an unlisted town); else only
        /// a listed place does (`منطقة`, `جهة`, which are common nouns too).
        open: bool,
    },
    /// The head of an institution name; `national` when it needs a country
    /// adjective to be a name (`الحكومة اليمنية`).
    OrgHead {
        /// Needs a nationality adjective.
        national: bool,
    },
}

/// One lexicon entry behind a pattern.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// What it is.
    pub kind: Kind,
    /// Canonical name (or slug) in standard spelling.
    pub canonical: String,
}

/// A country: canonical name and the feminine adjective with the article
/// (`التونسية`), used to complete a ministry's canonical.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    /// Canonical name.
    pub canonical: String,
    /// Feminine adjective with article, if known.
    pub adjective: Option<String>,
}

/// A distinct normalized form (contracted or not) of the lexicons.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// Entries sharing this normalized form.
    pub entries: Vec<usize>,
    /// True for the contracted variant (`لمملكه` for `المملكه`), which only
    /// matches after a `ل` proclitic.
    pub contracted: bool,
}

/// The text of one or more forms up to the end of one of their tokens, or
/// a word with flags.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prefix {
    /// Patterns whose whole form this is, in pattern order.
    pub patterns: Vec<usize>,
    /// True when a longer form continues it with more tokens.
    pub longer: bool,
    /// The flags of this text as a whole word ([`STOPWORD`],
    /// [`GIVEN_NAME`], [`DATE_WORD`], trigger classes).
    pub flags: u8,
}

/// Flag of a stopword in [`Lexicon::word_flags`] (bits 0 to 2 are the
/// trigger classes of [`crate::engine::trigger_class`]).
pub(crate) const STOPWORD: u8 = 8;
/// Flag of a given name.
pub(crate) const GIVEN_NAME: u8 = 16;
/// Flag of a month or weekday name.
pub(crate) const DATE_WORD: u8 = 32;

/// All lexicons, compiled.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    pub patterns: Vec<Pattern>,
    /// Every form, and every prefix of a form that ends where one of its
    /// tokens ends (as [`tokenize`](crate::tokens::tokenize) splits it):
    /// a text token ends at the same place inside a match, as the split
    /// depends only on neighbouring characters. Words with flags are keys
    /// too, so that the look-up of a whole word answers both.
    pub prefixes: FxHashMap<String, Prefix>,
    /// Exact look-up of a normalized form (uncontracted patterns only).
    pub exact: FxHashMap<String, usize>,
    pub countries: Vec<Country>,
    /// Places whose name is also a common word (`العين` "the eye",
    /// `الزرقاء` "the blue one"), kind `headed` in `places.tsv`: normalized
    /// form → canonical. They are a LOC only right after a place head noun
    /// (`مدينة العين`, `محافظة الزرقاء`), so they are kept out of the
    /// patterns and give no hit of their own.
    pub headed: FxHashMap<String, String>,
    /// Country index by canonical name.
    pub country_index: FxHashMap<String, usize>,
    pub given_names: FxHashSet<String>,
    /// Given names that are also common family names (`مبارك`, `عباس`),
    /// marked `family` in `given_names.txt`: a name ending in one still
    /// lends it as a family name.
    pub family_too: FxHashSet<String>,
    pub stopwords: FxHashSet<String>,
    /// Month and weekday names (normalized, with and without the article).
    pub date_words: FxHashSet<String>,
    /// Sports clubs' names without `نادي` (normalized).
    pub clubs: FxHashSet<String>,
    /// For each first word of a name of [`Self::clubs`] with two words or
    /// more, the second words that follow it.
    pub club_second: FxHashMap<String, FxHashSet<String>>,
}

/// Sizes of the shipped lexicons, for reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LexiconStats {
    /// Countries.
    pub countries: usize,
    /// Cities, regions, continents and places.
    pub places: usize,
    /// Places named by a common word, found only after a head noun.
    pub headed_places: usize,
    /// Organizations (terrorist organizations included).
    pub organizations: usize,
    /// Threat phrases.
    pub threats: usize,
    /// Events.
    pub events: usize,
    /// Office words (TITLE heads).
    pub office_words: usize,
    /// Institution heads (ORG patterns).
    pub org_heads: usize,
    /// Known persons.
    pub persons: usize,
    /// Given names.
    pub given_names: usize,
    /// Distinct normalized patterns (forms and their contracted variants).
    pub patterns: usize,
}

/// The `Search` normalization of a lexicon form, as patterns are stored.
pub(crate) fn norm(s: &str) -> String {
    Normalizer::preset(Preset::Search).normalize(s.trim())
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn forms<'a>(canonical: &'a str, others: Option<&&'a str>) -> Vec<&'a str> {
    let mut v = vec![canonical];
    if let Some(o) = others {
        v.extend(o.split('|').map(str::trim).filter(|s| !s.is_empty()));
    }
    v
}

struct Builder {
    entries: Vec<Entry>,
    by_form: BTreeMap<(String, bool), Vec<usize>>,
}

impl Builder {
    fn add(&mut self, kind: Kind, canonical: &str, forms: &[&str]) {
        let id = self.entries.len();
        self.entries.push(Entry {
            kind,
            canonical: canonical.to_string(),
        });
        for f in forms {
            let n = norm(f);
            if n.is_empty() {
                continue;
            }
            if let Some(rest) = n.strip_prefix("ال") {
                if rest.chars().count() >= 2 {
                    self.by_form
                        .entry((format!("ل{rest}"), true))
                        .or_default()
                        .push(id);
                }
            }
            self.by_form.entry((n, false)).or_default().push(id);
        }
    }
}

impl Lexicon {
    /// Parses the shipped data and builds the look-up tables.
    pub(crate) fn build() -> Self {
        let mut b = Builder {
            entries: Vec::new(),
            by_form: BTreeMap::new(),
        };
        let mut countries = Vec::new();
        for r in rows(COUNTRIES) {
            let canonical = r[0];
            let idx = countries.len();
            let stems: Vec<&str> = r
                .get(2)
                .map(|s| {
                    s.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            countries.push(Country {
                canonical: canonical.to_string(),
                adjective: stems.first().map(|s| feminine(s)),
            });
            b.add(Kind::Country(idx), canonical, &forms(canonical, r.get(1)));
            for stem in stems {
                let mut fs = Vec::new();
                for w in adjective_forms(stem) {
                    fs.push(w);
                }
                let refs: Vec<&str> = fs.iter().map(String::as_str).collect();
                b.add(Kind::Nationality(idx), canonical, &refs);
            }
        }
        let mut headed = FxHashMap::default();
        for r in rows(PLACES) {
            if r.get(2) == Some(&"headed") {
                for f in forms(r[0], r.get(1)) {
                    headed.insert(norm(f), r[0].to_string());
                }
            } else {
                b.add(Kind::Place, r[0], &forms(r[0], r.get(1)));
            }
        }
        for r in rows(ORGANIZATIONS) {
            b.add(Kind::Org, r[0], &forms(r[0], r.get(1)));
        }
        for r in rows(TERROR_ORGS) {
            // The span is the name only: `تنظيم القاعدة` is matched as
            // `القاعدة` (ANNOTATION.md), so a canonical in تنظيم is no form.
            let fs: Vec<&str> = forms(r[0], r.get(1))
                .into_iter()
                .filter(|f| !f.starts_with("تنظيم "))
                .collect();
            b.add(Kind::Org, r[0], &fs);
        }
        for r in rows(PERSONS) {
            b.add(Kind::Person, r[0], &forms(r[0], r.get(1)));
        }
        for r in rows(EVENTS) {
            b.add(Kind::Event, r[0], &forms(r[0], r.get(1)));
        }
        for r in rows(THREATS) {
            if let (Some(cat), Some(phrase)) = (ThreatCategory::from_slug(r[0]), r.get(1)) {
                b.add(Kind::Threat(cat), r[0], &[phrase]);
            }
        }
        for r in rows(OFFICE_WORDS) {
            let full = r.get(1) == Some(&"full");
            b.add(Kind::Office { full }, r[0], &[r[0]]);
        }
        for r in rows(ORG_HEADS) {
            let national = r.get(1) == Some(&"national");
            b.add(Kind::OrgHead { national }, r[0], &[r[0]]);
        }
        for r in rows(PLACE_HEADS) {
            let facility = r.get(1) == Some(&"facility");
            let open = r.get(1) != Some(&"listed");
            b.add(Kind::PlaceHead { facility, open }, r[0], &[r[0]]);
        }
        for r in rows(HONORIFICS) {
            let kind = if r.get(1) == Some(&"rank") {
                Kind::Rank
            } else {
                Kind::Honorific
            };
            b.add(kind, r[0], &[r[0]]);
        }
        let mut patterns = Vec::new();
        let mut exact = FxHashMap::default();
        let mut prefixes: FxHashMap<String, Prefix> = FxHashMap::default();
        for ((form, contracted), ids) in b.by_form {
            let pid = patterns.len();
            for t in crate::tokens::tokenize(&form) {
                if t.e < form.len() {
                    prefixes.entry(form[..t.e].to_string()).or_default().longer = true;
                } else {
                    prefixes.entry(form.clone()).or_default().patterns.push(pid);
                }
            }
            if !contracted {
                exact.insert(form, pid);
            }
            patterns.push(Pattern {
                entries: ids,
                contracted,
            });
        }
        let words = |data: &str| -> Vec<String> {
            data.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(norm)
                .collect()
        };
        let mut date_list = Vec::new();
        for (m, _) in akhbar_core::calendar::GREGORIAN_MONTHS
            .iter()
            .chain(akhbar_core::calendar::WEEKDAYS)
        {
            let n = norm(m);
            if let Some(r) = n.strip_prefix("ال") {
                date_list.push(r.to_string());
            }
            date_list.push(n);
        }
        let mut given_list = Vec::new();
        let mut family_too = FxHashSet::default();
        for l in GIVEN_NAMES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let (name, mark) = l.split_once('\t').unwrap_or((l, ""));
            let n = norm(name);
            if mark.trim() == "family" {
                family_too.insert(n.clone());
            }
            given_list.push(n);
        }
        let stop_list = words(STOPWORDS);
        // The flags of each listed word, from the lists in their order.
        for (list, flag) in [
            (&stop_list, STOPWORD),
            (&given_list, GIVEN_NAME),
            (&date_list, DATE_WORD),
        ] {
            for w in list {
                prefixes.entry(w.clone()).or_default().flags |= flag;
            }
        }
        let date_words: FxHashSet<String> = date_list.into_iter().collect();
        let given_names: FxHashSet<String> = given_list.into_iter().collect();
        let stopwords: FxHashSet<String> = stop_list.into_iter().collect();
        for (w, class) in crate::engine::trigger_words() {
            prefixes.entry(w).or_default().flags |= class;
        }
        let club_list = words(CLUBS);
        let mut club_second: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        for c in &club_list {
            let mut w = c.split(' ');
            if let (Some(a), Some(b)) = (w.next(), w.next()) {
                club_second
                    .entry(a.to_owned())
                    .or_default()
                    .insert(b.to_owned());
            }
        }
        let country_index = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.canonical.clone(), i))
            .collect();
        Self {
            headed,
            country_index,
            date_words,
            entries: b.entries,
            patterns,
            prefixes,
            exact,
            countries,
            given_names,
            family_too,
            stopwords,
            clubs: club_list.into_iter().collect(),
            club_second,
        }
    }

    /// True when the normalized word `w` is a listed club's name or the
    /// first word of one (`الاتحاد` of `الاتحاد السعودي`).
    pub(crate) fn opens_club(&self, w: &str) -> bool {
        self.clubs.contains(w) || self.club_second.contains_key(w)
    }

    /// The flags of the whole normalized word `w` (0 for most words).
    pub(crate) fn word_flags(&self, w: &str) -> u8 {
        self.prefixes.get(w).map_or(0, |p| p.flags)
    }

    /// True when the normalized `form` is exactly a lexicon form of a kind
    /// that `f` accepts.
    pub(crate) fn is_form(&self, form: &str, f: impl Fn(&Kind) -> bool) -> bool {
        self.exact.get(form).is_some_and(|&p| {
            self.patterns[p]
                .entries
                .iter()
                .any(|&e| f(&self.entries[e].kind))
        })
    }

    /// The country whose nationality adjective the normalized `form` is
    /// (`السعودي`, `التونسية`), if any.
    pub(crate) fn nationality(&self, form: &str) -> Option<usize> {
        let &p = self.exact.get(form)?;
        self.patterns[p]
            .entries
            .iter()
            .find_map(|&e| match self.entries[e].kind {
                Kind::Nationality(c) => Some(c),
                _ => None,
            })
    }

    /// Sizes for reports.
    pub(crate) fn stats(&self) -> LexiconStats {
        let count = |f: &dyn Fn(&Kind) -> bool| self.entries.iter().filter(|e| f(&e.kind)).count();
        LexiconStats {
            countries: self.countries.len(),
            places: count(&|k| matches!(k, Kind::Place)),
            headed_places: self.headed.values().collect::<FxHashSet<_>>().len(),
            organizations: count(&|k| matches!(k, Kind::Org)),
            threats: count(&|k| matches!(k, Kind::Threat(_))),
            events: count(&|k| matches!(k, Kind::Event)),
            office_words: count(&|k| matches!(k, Kind::Office { .. })),
            org_heads: count(&|k| matches!(k, Kind::OrgHead { .. })),
            persons: count(&|k| matches!(k, Kind::Person)),
            given_names: self.given_names.len(),
            patterns: self.patterns.len(),
        }
    }
}

/// `تونسي` → `التونسية`.
fn feminine(stem: &str) -> String {
    let stem = stem.split_whitespace().collect::<Vec<_>>();
    stem.iter()
        .map(|w| format!("ال{w}ة"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Masculine and feminine, singular and plural, with and without the article.
fn adjective_forms(stem: &str) -> Vec<String> {
    let words: Vec<&str> = stem.split_whitespace().collect();
    let mut out = Vec::new();
    for suffix in ["", "ة", "ين", "ون", "ان", "تين", "تان", "ات"] {
        for art in ["", "ال"] {
            out.push(
                words
                    .iter()
                    .map(|w| format!("{art}{w}{suffix}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_builds_and_has_contracted_forms() {
        let lex = Lexicon::build();
        let stats = lex.stats();
        assert!(stats.countries > 100, "{stats:?}");
        assert!(stats.patterns > 1000, "{stats:?}");
        assert_eq!(feminine("تونسي"), "التونسية");
        assert!(adjective_forms("فرنسي").contains(&"الفرنسية".to_string()));
    }

    #[test]
    fn headed_places_give_no_pattern_and_heads_have_kinds() {
        let lex = Lexicon::build();
        // `العين` is a place only after a head: no pattern of its own.
        assert_eq!(lex.headed.get("العين").map(String::as_str), Some("العين"));
        assert!(!lex.prefixes.contains_key("العين"));
        assert!(lex.stats().headed_places > 50, "{:?}", lex.stats());
        let head = |w: &str| {
            lex.exact.get(w).and_then(|&p| {
                lex.patterns[p]
                    .entries
                    .iter()
                    .find_map(|&e| match lex.entries[e].kind {
                        Kind::PlaceHead { facility, open } => Some((facility, open)),
                        _ => None,
                    })
            })
        };
        assert_eq!(head("مدينه"), Some((false, true)));
        assert_eq!(head("منطقه"), Some((false, false)));
        assert_eq!(head("مطار"), Some((true, true)));
    }
}
