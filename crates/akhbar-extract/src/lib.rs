//! Entities, canonical names, dates and relations from Arabic news.
//!
//! An [`Extractor`] is built once (its lexicons are compiled into one table
//! of normalized forms and their word-aligned prefixes) and then reads the
//! title and body zones of zoned [`Document`]s. It finds PER, ORG, LOC,
//! TITLE, DATE, EVENT and THREAT mentions with the span rules of `ANNOTATION.md`
//! (proclitics, the `لل` contraction, honorifics and brackets left out),
//! links partial names to the fullest form of the document, and reports
//! `has_title` and `met` relations. Every span is a byte span of the original
//! text: slicing the text with it gives the mention's `text`.
//!
//! ```
//! use akhbar_core::{ByteSpan, Document, EntityType, Zone, ZoneRange};
//! use akhbar_extract::{Extractor, ExtractorConfig};
//!
//! let text = "استقبل وزير الداخلية التونسي كمال الفقي بتونس نظيره الجزائري.";
//! let mut doc = Document::new("d1", text);
//! doc.zones.push(ZoneRange { span: ByteSpan::new(0, text.len()), zone: Zone::Body });
//! let ex = Extractor::new(ExtractorConfig::default());
//! let ann = ex.extract(&doc);
//! let found: Vec<(EntityType, &str)> =
//!     ann.mentions.iter().map(|m| (m.entity_type, m.text.as_str())).collect();
//! assert!(found.contains(&(EntityType::Title, "وزير الداخلية التونسي")));
//! assert!(found.contains(&(EntityType::Per, "كمال الفقي")));
//! assert!(found.contains(&(EntityType::Loc, "تونس")));
//! ```
#![deny(missing_docs)]

mod dates;
mod engine;
mod fxhash;
mod lexicon;
mod link;
mod relations;
mod tagged;
mod tokens;

use akhbar_core::{Annotations, ByteSpan, Document, EntityType, Mention};
use engine::{Cand, Origin, ZoneText};
use fxhash::FxHashMap;
use lexicon::Lexicon;
use rayon::prelude::*;

pub use lexicon::LexiconStats;

/// Settings of an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorConfig {
    /// Skip relation extraction (mentions only).
    pub no_relations: bool,
    /// Do without the learned tagger. By default its confident PER, ORG and
    /// LOC chunks (akhbar-tagger's built-in model) are evidence where the
    /// rules found nothing (see `tagged.rs` for what it may add); without
    /// it extraction is about a sixth faster and finds fewer names.
    pub no_tagger: bool,
}

/// Finds mentions and relations in the title and body zones of a document.
/// Build it once and share it: it is `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Extractor {
    config: ExtractorConfig,
    lex: Lexicon,
    tagger: Option<&'static akhbar_tagger::Tagger>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new(ExtractorConfig::default())
    }
}

struct Placed {
    span: ByteSpan,
    cand: Cand,
    contracted: bool,
}

impl Extractor {
    /// Builds an extractor (lexicons compiled once).
    pub fn new(config: ExtractorConfig) -> Self {
        let tagger = if config.no_tagger {
            None
        } else {
            akhbar_tagger::Tagger::builtin()
        };
        Self {
            config,
            lex: Lexicon::build(),
            tagger,
        }
    }

    /// Sizes of the shipped lexicons.
    pub fn lexicon_stats(&self) -> LexiconStats {
        self.lex.stats()
    }

    /// Extracts the annotations of many documents in parallel (rayon), in
    /// the order given.
    ///
    /// Across the batch, person canonicals that differ only by an article on
    /// a word (`عبد اللطيف الحموشي`, `عبد اللطيف حموشي`) are unified to the
    /// form most documents use.
    pub fn extract_batch(&self, docs: &[Document]) -> Vec<Annotations> {
        let mut out: Vec<Annotations> = docs.par_iter().map(|d| self.extract(d)).collect();
        link::unify_batch(&mut out);
        out
    }

    /// Extracts the annotations of one zoned document (title and body zones
    /// only; a document without zones gives nothing).
    pub fn extract(&self, doc: &Document) -> Annotations {
        let text = doc.text.as_str();
        let mut zones = Vec::new();
        for z in doc.zones.iter().filter(|z| z.zone.is_content()) {
            let (s, e) = (z.span.start.min(text.len()), z.span.end.min(text.len()));
            if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            zones.push(ZoneText::new(&self.lex, &text[s..e], s));
        }
        // Phase 1: lexicon, patterns and context.
        let mut placed = Vec::new();
        let mut credits = Vec::new();
        for z in &zones {
            for c in engine::candidates(&self.lex, z, text) {
                placed.push(self.place(z, text, c));
            }
            for c in engine::digest_credits(z) {
                credits.push(self.place(z, text, c));
            }
        }
        if credits.len() >= 2 {
            placed.extend(credits);
        }
        let mut dates = Vec::new();
        for z in doc.zones.iter().filter(|z| z.zone.is_content()) {
            dates.extend(dates::find_dates(
                text,
                z.span,
                doc.meta.published.as_deref(),
            ));
        }
        let mut chosen = resolve(placed, &dates);
        // Phase 2: names seen in full come back in part (family name, with
        // or without the article) or in full without context.
        let extra = self.propagate_names(&zones, text, &chosen);
        add_free(&mut chosen, extra);
        // Phase 3: the learned tagger's chunks where neither the rules nor
        // the names seen in full found anything (never over a mention or a
        // date); the names it adds come back in part as in phase 2.
        if let Some(tagger) = self.tagger {
            let mut extra = Vec::new();
            let mut taken = Taken::default();
            for p in &chosen {
                taken.insert(p.span);
            }
            for z in &zones {
                // True when token `i` lies inside a mention found so far.
                let claimed = |i: usize| {
                    let t = z.toks[i];
                    taken.overlaps(z.to_doc(text, t.s, t.e))
                };
                for c in tagged::candidates(tagger, &self.lex, z, claimed) {
                    let p = self.place(z, text, c);
                    if !dates.iter().any(|d| d.span.overlaps(p.span)) {
                        extra.push(p);
                    }
                }
            }
            if add_free(&mut chosen, extra) {
                let again = self.propagate_names(&zones, text, &chosen);
                add_free(&mut chosen, again);
            }
        }
        let mut mentions: Vec<Mention> = Vec::with_capacity(chosen.len() + dates.len());
        for p in chosen {
            let slice = &text[p.span.range()];
            let canonical = match p.cand.ty {
                EntityType::Title | EntityType::Date => String::new(),
                EntityType::Org | EntityType::Loc if p.cand.canonical.is_empty() => {
                    link::clean_name(slice, p.contracted)
                }
                _ => p.cand.canonical.clone(),
            };
            mentions.push(Mention {
                span: p.span,
                entity_type: p.cand.ty,
                text: slice.to_string(),
                canonical,
                value: String::new(),
            });
        }
        // Dates not overlapped by a longer mention.
        let mut taken = Taken::default();
        for m in &mentions {
            taken.insert(m.span);
        }
        for d in dates {
            if d.span.is_empty() || d.span.end > text.len() {
                continue;
            }
            if !taken.overlaps(d.span) {
                taken.insert(d.span);
                mentions.push(d);
            }
        }
        mentions.sort_by_key(|m| m.span);
        link::link_persons(text, &mut mentions);
        link::link_latin_orgs(text, &mut mentions);
        link::complete_session_events(text, &mut mentions);
        let flags = self.ministry_flags(&mentions);
        if flags.contains(&true) {
            let doc_adj = link::document_country(&self.lex, &mentions);
            let named = self.named_countries(&mentions);
            let adjectives: Vec<Option<String>> = flags
                .iter()
                .enumerate()
                .map(|(i, &flag)| {
                    flag.then(|| {
                        nearby_country(text, &mentions, &named, i)
                            .and_then(|c| self.lex.countries[c].adjective.clone())
                            .or_else(|| doc_adj.clone())
                    })
                    .flatten()
                })
                .collect();
            for (m, adj) in mentions.iter_mut().zip(adjectives) {
                if let Some(adj) = adj {
                    m.canonical = format!("{} {adj}", m.canonical);
                }
            }
        }
        let relations = if self.config.no_relations {
            Vec::new()
        } else {
            relations::relations(&self.lex, text, &mentions)
        };
        Annotations {
            mentions,
            relations,
        }
    }

    /// Ministries (and presidencies) found by pattern that do not name their
    /// country: their canonical takes the country's adjective
    /// (ANNOTATION.md). Other national bodies were tried too and lost more
    /// canonicals than they gained on the gold sets.
    fn ministry_flags(&self, mentions: &[Mention]) -> Vec<bool> {
        let n = akhbar_normalize::Normalizer::preset(akhbar_normalize::Preset::Search);
        mentions
            .iter()
            .map(|m| {
                if m.entity_type != EntityType::Org {
                    return false;
                }
                let t = n.normalize(&m.text);
                let first = t.split_whitespace().next().unwrap_or("");
                // `رئاسة الجمهورية`, `رئاسة الحكومة`: a presidency names
                // its state no more than a ministry does.
                let second = t.split_whitespace().nth(1).unwrap_or("");
                let presidency = ["رياسه", "لرياسه", "الرياسه"].contains(&first)
                    && ["الجمهوريه", "الحكومه", "الوزراء"].contains(&second);
                (first == "وزاره" || first == "الوزاره" || first == "لوزاره" || presidency)
                    && !t.split_whitespace().skip(1).any(|w| {
                        self.lex.is_form(w, |k| {
                            matches!(k, lexicon::Kind::Nationality(_) | lexicon::Kind::Country(_))
                        })
                    })
            })
            .collect()
    }

    /// The country each mention names, if any: a country LOC, or a
    /// nationality closing a TITLE or ORG (`وزير الداخلية السعودي`).
    fn named_countries(&self, mentions: &[Mention]) -> Vec<Option<usize>> {
        let n = akhbar_normalize::Normalizer::preset(akhbar_normalize::Preset::Search);
        mentions
            .iter()
            .map(|m| match m.entity_type {
                EntityType::Loc => self.lex.country_index.get(m.canonical.as_str()).copied(),
                EntityType::Title | EntityType::Org => n
                    .normalize(&m.text)
                    .split_whitespace()
                    .next_back()
                    .and_then(|w| self.lex.nationality(w)),
                _ => None,
            })
            .collect()
    }

    fn place(&self, z: &ZoneText, text: &str, c: Cand) -> Placed {
        let span = z.to_doc(text, c.s, c.e);
        let contracted = {
            let t = z.toks.partition_point(|t| t.e <= c.s);
            t < z.toks.len() && {
                let tok = z.toks[t];
                let w = &z.norm.text[tok.s..tok.e];
                c.s > tok.s
                    && w[..c.s - tok.s].ends_with('ل')
                    && w[c.s - tok.s..].starts_with('ل')
                    && !w[c.s - tok.s..].starts_with("ال")
            }
        };
        Placed {
            span,
            cand: c,
            contracted,
        }
    }

    fn propagate_names(&self, zones: &[ZoneText], text: &str, chosen: &[Placed]) -> Vec<Placed> {
        // Keys: the full name, and the family name of names of two words or more.
        let mut keys: Vec<(String, bool)> = Vec::new();
        for p in chosen.iter().filter(|p| p.cand.ty == EntityType::Per) {
            let n = akhbar_normalize::Normalizer::preset(akhbar_normalize::Preset::Search)
                .normalize(&text[p.span.range()]);
            let ws: Vec<&str> = n.split_whitespace().collect();
            if ws.len() >= 2 && ws.iter().all(|w| !w.is_ascii()) {
                keys.push((n.clone(), true));
                // A Persian compound family name is two words (`فخري زاده`).
                if ws.len() >= 3 && ws[ws.len() - 1] == "زاده" {
                    keys.push((ws[ws.len() - 2..].join(" "), true));
                    keys.push(("زاده".to_string(), false));
                    continue;
                }
                // A given name and a double family name (`فرناندو غراندي
                // مارلاسكا`): the two family words are a name too.
                if ws.len() == 3
                    && self.lex.given_names.contains(ws[0])
                    && !self.lex.given_names.contains(ws[1])
                    && !ws[1].starts_with("ال")
                    && !["بن", "ابن", "بنت", "ولد", "ابو", "بو", "عبد"].contains(&ws[1])
                {
                    keys.push((ws[1..].join(" "), true));
                }
                let last = tokens::strip_article(ws[ws.len() - 1]);
                // A compound family name is two words (`عبد العالي حامي
                // الدين` → `حامي الدين`), never `الدين` alone.
                if ws.len() >= 3 && ["الدين", "الله"].contains(&ws[ws.len() - 1]) {
                    let first = ws[ws.len() - 2];
                    if !self.lex.given_names.contains(first) && !["عبد", "بن"].contains(&first)
                    {
                        keys.push((ws[ws.len() - 2..].join(" "), true));
                    }
                    continue;
                }
                // A Maghreb family name in `بن` is two words (`سهام بن
                // سدرين` → `بن سدرين`); after a given name `بن` is a
                // patronym, no family name (`محمد بن سلمان`).
                if ws.len() >= 3 && ws[ws.len() - 2] == "بن" {
                    if !self.lex.given_names.contains(last) && !self.lex.stopwords.contains(last) {
                        keys.push((ws[ws.len() - 2..].join(" "), true));
                    }
                    continue;
                }
                // A regnal ordinal is no family name (`عبد الله الثاني`).
                let ordinal = engine::is_ordinal(ws[ws.len() - 1]);
                if last.chars().count() >= 3
                    && !ordinal
                    && !self.lex.stopwords.contains(last)
                    && (!self.lex.given_names.contains(last) || self.lex.family_too.contains(last))
                    && ws[ws.len() - 2] != "عبد"
                {
                    keys.push((last.to_string(), false));
                }
            }
        }
        keys.sort();
        keys.dedup();
        let mut out = Vec::new();
        if keys.is_empty() {
            return out;
        }
        // Family names by their consonant skeleton: two words that differ by
        // one long vowel share it, so each token finds its few candidates
        // with one look-up (linear in the document, not quadratic).
        let mut family_by_skeleton: FxHashMap<String, Vec<&str>> = FxHashMap::default();
        for (k, full) in &keys {
            if !full {
                family_by_skeleton
                    .entry(link::vowel_skeleton(k))
                    .or_default()
                    .push(k.as_str());
            }
        }
        // Spelling variants of a family name (a long vowel more or less:
        // `دارامانان` for `دارمانان`), in words no lexicon or rule claimed.
        // A variant is one two-byte letter longer or shorter than its key:
        // the byte lengths of the keys rule out most words before any
        // skeleton is built.
        let mut variant_len = vec![false; 1];
        // A variant also starts with its key's first letter.
        let mut variant_first: Vec<char> = Vec::new();
        for (k, full) in &keys {
            if !full {
                if let Some(c) = k.chars().next() {
                    if !variant_first.contains(&c) {
                        variant_first.push(c);
                    }
                }
                for n in [k.len().saturating_sub(2), k.len() + 2] {
                    if variant_len.len() <= n {
                        variant_len.resize(n + 1, false);
                    }
                    variant_len[n] = true;
                }
            }
        }
        let mut skeleton = String::new();
        for z in zones.iter().filter(|_| !family_by_skeleton.is_empty()) {
            for (i, t) in z.toks.iter().enumerate() {
                // The byte length first: it rules out most tokens.
                if !variant_len.get(t.e - t.s).copied().unwrap_or(false)
                    || t.kind != tokens::TokKind::Arabic
                    || !z.hits(i).is_empty()
                {
                    continue;
                }
                let w = z.word(i);
                if !w.chars().next().is_some_and(|c| variant_first.contains(&c))
                    || w.chars().count() < 5
                    || z.is_stop(i)
                {
                    continue;
                }
                skeleton.clear();
                skeleton.extend(w.chars().filter(|&c| !link::is_long_vowel(c)));
                let Some(close_keys) = family_by_skeleton.get(skeleton.as_str()) else {
                    continue;
                };
                let close = close_keys
                    .iter()
                    .any(|k| k.len().abs_diff(w.len()) == 2 && link::vowel_variant(k, w));
                if close {
                    out.push(self.place(
                        z,
                        text,
                        Cand {
                            s: t.s,
                            e: t.e,
                            ty: EntityType::Per,
                            canonical: String::new(),
                            origin: Origin::Weak,
                            ministry: false,
                            has_country: false,
                        },
                    ));
                }
            }
        }
        // Keys by their first word (the word counts of the keys starting
        // with it), and each key's kind: a token matches after stripping
        // proclitics and an article, and the words from it are looked up
        // whole, whatever the number of names sharing a first word.
        let mut by_first: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        // Each key's kind and word count.
        let mut key_full: FxHashMap<&str, (bool, usize)> = FxHashMap::default();
        // For each byte length of a first word, the bit set of their last
        // bytes (modulo 64): most words fail this test at every split point
        // before any hashing.
        let mut first_mask: Vec<u64> = vec![0; 1];
        for (k, full) in &keys {
            if let Some(f) = k.split_whitespace().next() {
                let n = k.split_whitespace().count();
                let counts = by_first.entry(f).or_default();
                if !counts.contains(&n) {
                    counts.push(n);
                }
                key_full.insert(k.as_str(), (*full, n));
                if first_mask.len() <= f.len() {
                    first_mask.resize(f.len() + 1, 0);
                }
                first_mask[f.len()] |= last_byte_bit(f);
            }
        }
        // The masks of a word's split points (zero to three two-byte
        // letters stripped) together: one test rules out most words.
        let any_mask: Vec<u64> = (0..first_mask.len() + 6)
            .map(|len| {
                [0, 2, 4, 6]
                    .iter()
                    .filter(|&&cut| len > cut)
                    .filter_map(|&cut| first_mask.get(len - cut))
                    .fold(0, |acc, m| acc | m)
            })
            .collect();
        for z in zones {
            let bytes = z.norm.text.as_bytes();
            for (i, t) in z.toks.iter().enumerate() {
                if t.kind != tokens::TokKind::Arabic {
                    continue;
                }
                let len = t.e - t.s;
                let bit = 1u64 << (bytes[t.e - 1] & 63);
                // The proclitics and article stripped are zero to three
                // (two-byte) letters, read from the word's first letters:
                // one look-up per split point.
                if any_mask.get(len).is_none_or(|m| m & bit == 0) {
                    continue;
                }
                let may_match = |cut: usize| {
                    len > cut && first_mask.get(len - cut).is_some_and(|m| m & bit != 0)
                };
                let word = z.word(i);
                for cut in tokens::name_prefix_lens(word) {
                    if !may_match(cut) {
                        continue;
                    }
                    let Some(counts) = by_first.get(&word[cut..]) else {
                        continue;
                    };
                    let p = &word[..cut];
                    for &n in counts {
                        if i + n > z.toks.len() {
                            continue;
                        }
                        let span = &z.norm.text[z.toks[i].s + cut..z.toks[i + n - 1].e];
                        if let Some((&key, &(full, nwords))) = key_full.get_key_value(span) {
                            // Not in a place named after the person
                            // (`مستشفى محمد الخامس`).
                            if cut == 0 && engine::named_after(&self.lex, z, i) {
                                continue;
                            }
                            self.match_key(z, text, i, p, key, full, nwords, &mut out);
                        }
                    }
                }
            }
        }
        out
    }

    /// Adds a PER candidate where `key` (normalized, `nwords` words) starts
    /// at token `i` after the proclitics `prefix`.
    #[allow(clippy::too_many_arguments)]
    fn match_key(
        &self,
        z: &ZoneText,
        text: &str,
        i: usize,
        prefix: &str,
        key: &str,
        full: bool,
        nwords: usize,
        out: &mut Vec<Placed>,
    ) {
        if i + nwords > z.toks.len() {
            return;
        }
        let pos = prefix.len();
        let ok_prefix = tokens::PROCLITICS.contains(&prefix)
            || (!full && ["ال", "وال", "بال", "فال", "لل", "ول", "ولل"].contains(&prefix));
        if !ok_prefix {
            return;
        }
        let e = z.toks[i + nwords - 1].e;
        let s = z.toks[i].s + pos;
        if &z.norm.text[s..e] != key {
            return;
        }
        // The span keeps an article but not proclitics.
        let art = if prefix.ends_with("ال") {
            "ال".len()
        } else if prefix.ends_with("لل") {
            "ل".len()
        } else {
            0
        };
        let start = s - art;
        out.push(self.place(
            z,
            text,
            Cand {
                s: start,
                e,
                ty: EntityType::Per,
                canonical: String::new(),
                origin: Origin::Weak,
                ministry: false,
                has_country: false,
            },
        ));
    }
}

/// The country named nearest to mention `i` in its line (`named`: the
/// country each mention names), if any.
fn nearby_country(
    text: &str,
    mentions: &[Mention],
    named: &[Option<usize>],
    i: usize,
) -> Option<usize> {
    let at = mentions[i].span.start;
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    let mut best: Option<(usize, usize)> = None;
    for (j, (m, c)) in mentions.iter().zip(named).enumerate() {
        let Some(c) = *c else { continue };
        if j == i || m.span.start < line_start || m.span.end > line_end {
            continue;
        }
        let d = m.span.start.abs_diff(at);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The bit of the last byte of `w` (modulo 64) in a 64-bit set.
fn last_byte_bit(w: &str) -> u64 {
    w.as_bytes().last().map_or(0, |&b| 1 << (b & 63))
}

fn rank(
    p: &Placed,
) -> (
    std::cmp::Reverse<usize>,
    std::cmp::Reverse<Origin>,
    ByteSpan,
) {
    (
        std::cmp::Reverse(p.span.len()),
        std::cmp::Reverse(p.cand.origin),
        p.span,
    )
}

/// Picks non-overlapping candidates, longest first, then by origin; DATE
/// mentions block shorter candidates they overlap.
fn resolve(mut placed: Vec<Placed>, dates: &[Mention]) -> Vec<Placed> {
    placed.retain(|p| !p.span.is_empty());
    placed.sort_by_key(rank);
    let mut taken = Taken::default();
    let mut date_spans = Taken {
        all: dates.iter().map(|d| d.span).collect(),
        ..Taken::default()
    };
    date_spans.all.sort();
    let mut chosen: Vec<Placed> = Vec::new();
    for p in placed {
        if taken.overlaps(p.span) || date_spans.overlaps_longer(p.span) {
            continue;
        }
        taken.insert(p.span);
        chosen.push(p);
    }
    chosen
}

/// Adds to `chosen` (kept sorted by span) the `extra` candidates that
/// overlap nothing already chosen; true when any was added.
fn add_free(chosen: &mut Vec<Placed>, extra: Vec<Placed>) -> bool {
    let more = resolve_into(chosen, extra);
    let added = !more.is_empty();
    chosen.extend(more);
    chosen.sort_by_key(|p| p.span);
    added
}

fn resolve_into(chosen: &[Placed], mut extra: Vec<Placed>) -> Vec<Placed> {
    extra.retain(|p| !p.span.is_empty());
    extra.sort_by_key(rank);
    let mut taken = Taken::default();
    for c in chosen {
        taken.insert(c.span);
    }
    let mut out: Vec<Placed> = Vec::new();
    for p in extra {
        if taken.overlaps(p.span) {
            continue;
        }
        taken.insert(p.span);
        out.push(p);
    }
    out
}

/// Taken bytes of the document, one bit each: an overlap check or an
/// insertion costs a few word operations per 64 bytes of the span, and
/// the set grows only up to the last byte taken (documents can be long: a
/// dump read as one document). Spans are never empty here.
#[derive(Default)]
struct Taken {
    bits: Vec<u64>,
    /// For date spans, which may overlap each other: start → longest end.
    all: Vec<ByteSpan>,
}

/// The words of a bit set that hold the bits `s.start..s.end`, each with
/// the mask of those bits.
fn span_words(s: ByteSpan) -> impl Iterator<Item = (usize, u64)> {
    let (first, last) = (s.start / 64, s.end.saturating_sub(1) / 64);
    (first..=last)
        .filter(move |_| s.end > s.start)
        .map(move |w| {
            let lo = if w == first { s.start % 64 } else { 0 };
            let hi = if w == last { (s.end - 1) % 64 } else { 63 };
            (w, (u64::MAX >> (63 - hi)) & (u64::MAX << lo))
        })
}

impl Taken {
    fn insert(&mut self, s: ByteSpan) {
        let need = s.end.div_ceil(64);
        if self.bits.len() < need {
            self.bits.resize(need, 0);
        }
        for (w, mask) in span_words(s) {
            self.bits[w] |= mask;
        }
    }

    fn overlaps(&self, s: ByteSpan) -> bool {
        span_words(s).any(|(w, mask)| self.bits.get(w).is_some_and(|b| b & mask != 0))
    }

    /// True when a stored span at least as long as `s` overlaps it.
    fn overlaps_longer(&self, s: ByteSpan) -> bool {
        // Dates are short: any overlapping one starts less than 4 KiB before.
        let from = self.all.partition_point(|d| d.start + 4096 <= s.start);
        self.all[from..]
            .iter()
            .take_while(|d| d.start < s.end)
            .any(|d| d.overlaps(s) && d.len() >= s.len())
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod taken_tests {
    use super::*;

    #[test]
    fn taken_bits_agree_with_span_overlap() {
        let stored = [(3, 5), (60, 70), (127, 129), (200, 330)];
        let mut t = Taken::default();
        for &(s, e) in &stored {
            t.insert(ByteSpan::new(s, e));
        }
        for s in 0..400 {
            for e in s + 1..s + 140 {
                let q = ByteSpan::new(s, e);
                let want = stored.iter().any(|&(a, b)| a < e && s < b);
                assert_eq!(t.overlaps(q), want, "{s}..{e}");
            }
        }
    }
}
