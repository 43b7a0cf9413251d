//! Feature extraction: every feature is a 64-bit hash of a template id and
//! the strings it looks at, so no feature string is ever built.

use akhbar_normalize::{Normalizer, Preset};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub(crate) type HashIndex<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Feature template groups that a model may switch on (stored in the model).
pub(crate) mod groups {
    /// Words at -2 and +2.
    pub const WINDOW2: u32 = 1;
    /// Prefixes and suffixes of the word and its stem.
    pub const AFFIX: u32 = 1 << 1;
    /// Clitic-stripped stems of the word and its neighbours.
    pub const STEM: u32 = 1 << 2;
    /// Word shape, digits, Latin script, length.
    pub const SHAPE: u32 = 1 << 3;
    /// Word bigrams around the token.
    pub const BIGRAM: u32 = 1 << 4;
    /// Word clusters learned from unlabeled text.
    pub const CLUSTER: u32 = 1 << 5;
    /// Sentence position.
    pub const POSITION: u32 = 1 << 6;
    /// Affixes of the neighbours.
    pub const NEIGHBOUR_AFFIX: u32 = 1 << 7;
    /// Gazetteer matches (lexicons given at training, entities of the
    /// training data).
    pub const GAZETTEER: u32 = 1 << 8;
    /// Character trigrams of the stem.
    pub const CHARS: u32 = 1 << 9;
    /// How the word's stem was labeled in the training data (jackknifed),
    /// and how often it occurred there.
    pub const HISTORY: u32 = 1 << 10;
    /// The stem with one more proclitic letter stripped, and gazetteer
    /// matches read from it.
    pub const ALT: u32 = 1 << 11;
    /// Character bigrams and 4-grams of the stem.
    pub const CHARS4: u32 = 1 << 12;
    /// All groups.
    #[cfg(test)]
    pub const ALL: u32 = (1 << 13) - 1;
    /// The groups of the committed model, used when none are named.
    pub const DEFAULT: u32 = AFFIX | STEM | SHAPE | POSITION | GAZETTEER | CHARS | WINDOW2;
    /// Names of the groups, for command lines.
    pub const NAMES: [(&str, u32); 13] = [
        ("window2", WINDOW2),
        ("affix", AFFIX),
        ("stem", STEM),
        ("shape", SHAPE),
        ("bigram", BIGRAM),
        ("cluster", CLUSTER),
        ("position", POSITION),
        ("naffix", NEIGHBOUR_AFFIX),
        ("gazetteer", GAZETTEER),
        ("chars", CHARS),
        ("history", HISTORY),
        ("alt", ALT),
        ("chars4", CHARS4),
    ];
}

/// Incremental FNV-1a, finished with a 64-bit mixer.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new(template: u8) -> Self {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn bytes(mut self, s: &[u8]) -> Self {
        for &b in s {
            self.byte(b);
        }
        self
    }
    fn sep(mut self) -> Self {
        self.byte(0xff);
        self
    }
    fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// The splitmix64 finalizer.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of a normalized word, as used by the cluster map.
pub(crate) fn word_key(norm: &str) -> u64 {
    Fnv::new(250).bytes(norm.as_bytes()).finish()
}

/// What the extractor knows about one token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TokenInfo {
    /// Normalized form (Search preset, digits folded to `0`).
    pub norm: String,
    /// Byte length of the proclitics stripped from `norm` (`و`, `ف`, `ب`,
    /// `ل`, `ك`) before the stem.
    pub proclitic: usize,
    /// Whether the stem carried the article `ال` (or `لل`).
    pub article: bool,
    /// Clitic-stripped stem (a suffix of `norm`).
    pub stem_start: usize,
    /// Collapsed word shape, e.g. `a`, `X`, `d.d`.
    pub shape: String,
    /// Contains a digit.
    pub digit: bool,
    /// Contains a Latin letter.
    pub latin: bool,
    /// Contains an Arabic letter.
    pub arabic: bool,
    /// Length in characters of `norm`.
    pub chars: usize,
    /// Cluster id (coarse << 16 | fine) when the word is in the cluster map.
    pub cluster: Option<u32>,
    /// Categories of gazetteer phrases that start at this token.
    pub gaz_begin: u32,
    /// Categories of gazetteer phrases that continue at this token.
    pub gaz_inside: u32,
    /// Start of the stem with one more leading `و ف ب ل ك` stripped, when
    /// the conservative stripping kept it and at least 3 letters remain
    /// (`وطلوزة` → `طلوزة`); equal to `stem_start` otherwise.
    pub alt_start: usize,
    /// Categories of gazetteer phrases that start at this token when read
    /// from its alternative stem.
    pub gaz_alt: u32,
    /// Training history of the stem: bits 0..5 = labels it had (O, PERS,
    /// LOC, ORG, MISC), bits 8.. = frequency class; 0 = never seen.
    pub hist: u32,
}

/// Word clusters and gazetteer phrases a model carries.
#[derive(Debug, Clone, Default)]
pub(crate) struct Resources {
    /// Word key → cluster id.
    pub clusters: HashIndex<u32>,
    /// Phrase key (stems) → category bits.
    pub gaz: HashIndex<u32>,
    /// Longest phrase in tokens.
    pub gaz_max: usize,
    /// Stem key → training history (see [`TokenInfo::hist`]).
    pub hist: HashIndex<u32>,
}

/// The key of a stem in the history map.
pub(crate) fn stem_key(stem: &str) -> u64 {
    Fnv::new(252).bytes(stem.as_bytes()).finish()
}

/// Frequency class of a count: 1, 2–3, 4–9, 10–29, 30+.
pub(crate) fn freq_class(n: u32) -> u32 {
    match n {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=9 => 3,
        10..=29 => 4,
        _ => 5,
    }
}

/// Marks the training history of every token.
pub(crate) fn mark_history(infos: &mut [TokenInfo], hist: &HashIndex<u32>) {
    if hist.is_empty() {
        return;
    }
    for t in infos.iter_mut() {
        t.hist = hist.get(&stem_key(t.stem())).copied().unwrap_or(0);
    }
}

/// The key of a phrase given the stems of its tokens.
pub(crate) fn phrase_key<'a>(stems: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h = Fnv::new(251);
    for s in stems {
        h = h.bytes(s.as_bytes()).sep();
    }
    h.finish()
}

/// Marks gazetteer matches on the tokens.
pub(crate) fn mark_gazetteer(infos: &mut [TokenInfo], gaz: &HashIndex<u32>, max: usize) {
    if gaz.is_empty() {
        return;
    }
    for i in 0..infos.len() {
        let mut h = Fnv::new(251);
        for j in i..infos.len().min(i + max) {
            h = h.bytes(infos[j].stem().as_bytes()).sep();
            if let Some(&bits) = gaz.get(&h.finish()) {
                infos[i].gaz_begin |= bits;
                for t in &mut infos[i + 1..=j] {
                    t.gaz_inside |= bits;
                }
            }
        }
        // The same phrases read from the alternative stem of the first
        // token (`وطلوزة`, `لبيونج يانج`).
        if let Some(alt) = infos[i].alt_stem() {
            let mut h = Fnv::new(251).bytes(alt.as_bytes()).sep();
            for j in i..infos.len().min(i + max) {
                if j > i {
                    h = h.bytes(infos[j].stem().as_bytes()).sep();
                }
                if let Some(&bits) = gaz.get(&h.finish()) {
                    infos[i].gaz_alt |= bits;
                }
            }
        }
    }
}

impl TokenInfo {
    /// The stem.
    pub fn stem(&self) -> &str {
        self.norm.get(self.stem_start..).unwrap_or("")
    }

    /// The alternative stem (see `alt_start`), if any.
    pub fn alt_stem(&self) -> Option<&str> {
        (self.alt_start != self.stem_start)
            .then(|| self.norm.get(self.alt_start..))
            .flatten()
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Strips proclitics and the article conservatively from a normalized
/// word; returns (proclitic byte length, article, stem start).
pub(crate) fn strip_clitics(norm: &str) -> (usize, bool, usize) {
    let chars: Vec<(usize, char)> = norm.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(norm.len(), |&(b, _)| b);
    // Conjunction و/ف, then a preposition ب/ل/ك, then the article ال; the
    // remaining stem keeps at least two letters.
    let mut i = 0;
    if matches!(at(0), Some('و' | 'ف')) && n >= 4 {
        let rest_has_article = matches!((at(1), at(2)), (Some('ا'), Some('ل')))
            || matches!(
                (at(1), at(2), at(3)),
                (Some('ب' | 'ك' | 'ل'), Some('ا'), Some('ل'))
            )
            || matches!((at(1), at(2)), (Some('ل'), Some('ل')));
        if rest_has_article {
            i = 1;
        }
    }
    if matches!(at(i), Some('ب' | 'ك' | 'ل'))
        && matches!((at(i + 1), at(i + 2)), (Some('ا'), Some('ل')))
        && n >= i + 5
    {
        return (byte(i + 1), true, byte(i + 3));
    }
    if at(i) == Some('ل') && at(i + 1) == Some('ل') && n >= i + 4 {
        return (byte(i + 1), true, byte(i + 2));
    }
    if at(i) == Some('ا') && at(i + 1) == Some('ل') && n >= i + 4 {
        return (byte(i), true, byte(i + 2));
    }
    (byte(i), false, byte(i))
}

/// Computes the token info of every token of a sentence.
pub(crate) fn token_infos(tokens: &[&str], res: &Resources) -> Vec<TokenInfo> {
    let mut infos = token_infos_with(tokens, &res.clusters);
    mark_gazetteer(&mut infos, &res.gaz, res.gaz_max);
    mark_history(&mut infos, &res.hist);
    infos
}

/// The normalized form of a token: Search preset, ASCII digits as `0`.
pub(crate) fn norm_token(normalizer: &Normalizer, t: &str) -> String {
    let norm = normalizer.normalize(t);
    if norm.bytes().any(|b| b.is_ascii_digit()) {
        norm.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect()
    } else {
        norm
    }
}

/// Token infos with clusters, without gazetteer marks.
pub(crate) fn token_infos_with(tokens: &[&str], clusters: &HashIndex<u32>) -> Vec<TokenInfo> {
    let normalizer = Normalizer::preset(Preset::Search);
    tokens
        .iter()
        .map(|t| {
            let norm = norm_token(&normalizer, t);
            let (proclitic, article, stem_start) = strip_clitics(&norm);
            let alt_start = if article {
                stem_start
            } else {
                let rest = norm.get(stem_start..).unwrap_or("");
                match rest.chars().next() {
                    Some(c @ ('و' | 'ف' | 'ب' | 'ل' | 'ك')) if rest.chars().count() >= 4 => {
                        stem_start + c.len_utf8()
                    }
                    _ => stem_start,
                }
            };
            let mut shape = String::new();
            let (mut digit, mut latin, mut arabic) = (false, false, false);
            let mut last = None;
            for c in t.chars() {
                let s = if c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) {
                    digit = true;
                    'd'
                } else if c.is_ascii_uppercase() {
                    latin = true;
                    'X'
                } else if c.is_ascii_lowercase() {
                    latin = true;
                    'x'
                } else if is_arabic_letter(c) {
                    arabic = true;
                    'a'
                } else if ('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0640}' {
                    continue;
                } else if c.is_alphabetic() {
                    'l'
                } else {
                    c
                };
                if last != Some(s) {
                    shape.push(s);
                    last = Some(s);
                }
            }
            let chars = norm.chars().count();
            let cluster = if clusters.is_empty() {
                None
            } else {
                clusters.get(&word_key(&norm)).copied()
            };
            TokenInfo {
                norm,
                proclitic,
                article,
                stem_start,
                alt_start,
                gaz_alt: 0,
                shape,
                digit,
                latin,
                arabic,
                chars,
                cluster,
                gaz_begin: 0,
                gaz_inside: 0,
                hist: 0,
            }
        })
        .collect()
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&s[..end])
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    let start = s.char_indices().rev().nth(n - 1).map(|(i, _)| i)?;
    if start == 0 { None } else { Some(&s[start..]) }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// Writes the feature hashes of token `i` into `out` (cleared first).
/// Returns how many leading features name the word itself (normalized
/// form, raw form, stem): training may drop them (word dropout) so that
/// context and spelling features learn to carry unseen words.
pub(crate) fn features(
    infos: &[TokenInfo],
    raw: &[&str],
    i: usize,
    config: u32,
    out: &mut Vec<u64>,
) -> usize {
    use groups::*;
    out.clear();
    let n = infos.len();
    let norm_at = |j: isize| -> &str {
        if j < 0 {
            BOS
        } else {
            infos.get(j as usize).map_or(EOS, |t| t.norm.as_str())
        }
    };
    let info_at =
        |j: isize| -> Option<&TokenInfo> { if j < 0 { None } else { infos.get(j as usize) } };
    let ii = i as isize;
    let t = &infos[i];
    let w = |tmpl: u8, s: &str| Fnv::new(tmpl).bytes(s.as_bytes()).finish();

    out.push(w(1, &t.norm));
    if raw[i] != t.norm {
        out.push(w(2, raw[i]));
    }
    if config & STEM != 0 {
        out.push(w(7, t.stem()));
    }
    let identity = out.len();
    out.push(w(0, ""));
    out.push(w(3, norm_at(ii - 1)));
    out.push(w(4, norm_at(ii + 1)));
    if config & WINDOW2 != 0 {
        out.push(w(5, norm_at(ii - 2)));
        out.push(w(6, norm_at(ii + 2)));
    }
    if config & STEM != 0 {
        out.push(w(8, info_at(ii - 1).map_or(BOS, |x| x.stem())));
        out.push(w(9, info_at(ii + 1).map_or(EOS, |x| x.stem())));
        let clitic = t.norm.get(..t.proclitic).unwrap_or("");
        out.push(
            Fnv::new(10)
                .bytes(clitic.as_bytes())
                .bytes(&[u8::from(t.article)])
                .finish(),
        );
        let art = |x: Option<&TokenInfo>| x.map_or(2u8, |x| u8::from(x.article));
        out.push(
            Fnv::new(11)
                .bytes(&[art(info_at(ii - 1)), art(Some(t)), art(info_at(ii + 1))])
                .finish(),
        );
    }
    if config & AFFIX != 0 {
        for k in 1..=4u8 {
            if let Some(p) = prefix(&t.norm, usize::from(k)) {
                out.push(w(20 + k, p));
            }
            if let Some(s) = suffix(&t.norm, usize::from(k)) {
                out.push(w(30 + k, s));
            }
        }
        if config & STEM != 0 {
            let stem = t.stem();
            for k in 2..=3u8 {
                if let Some(p) = prefix(stem, usize::from(k)) {
                    out.push(w(40 + k, p));
                }
                if let Some(s) = suffix(stem, usize::from(k)) {
                    out.push(w(45 + k, s));
                }
            }
        }
    }
    if config & NEIGHBOUR_AFFIX != 0 {
        for (d, base) in [(-1isize, 50u8), (1, 55)] {
            if let Some(x) = info_at(ii + d) {
                if let Some(s) = suffix(&x.norm, 2) {
                    out.push(w(base, s));
                }
                if let Some(p) = prefix(x.stem(), 2) {
                    out.push(w(base + 1, p));
                }
            }
        }
    }
    if config & SHAPE != 0 {
        out.push(w(60, &t.shape));
        let flags = u8::from(t.digit) | u8::from(t.latin) << 1 | u8::from(t.arabic) << 2;
        out.push(Fnv::new(61).bytes(&[flags]).finish());
        let len = match t.chars {
            0..=5 => t.chars as u8,
            6..=7 => 6,
            _ => 8,
        };
        out.push(Fnv::new(62).bytes(&[len]).finish());
        fn sh(x: Option<&TokenInfo>) -> &str {
            x.map_or("^", |x| x.shape.as_str())
        }
        out.push(
            Fnv::new(63)
                .bytes(sh(info_at(ii - 1)).as_bytes())
                .sep()
                .bytes(t.shape.as_bytes())
                .sep()
                .bytes(sh(info_at(ii + 1)).as_bytes())
                .finish(),
        );
    }
    if config & BIGRAM != 0 {
        out.push(
            Fnv::new(70)
                .bytes(norm_at(ii - 1).as_bytes())
                .sep()
                .bytes(t.norm.as_bytes())
                .finish(),
        );
        out.push(
            Fnv::new(71)
                .bytes(t.norm.as_bytes())
                .sep()
                .bytes(norm_at(ii + 1).as_bytes())
                .finish(),
        );
        out.push(
            Fnv::new(72)
                .bytes(norm_at(ii - 1).as_bytes())
                .sep()
                .bytes(norm_at(ii + 1).as_bytes())
                .finish(),
        );
    }
    if config & POSITION != 0 {
        let pos = if n == 1 {
            3u8
        } else if i == 0 {
            0
        } else if i + 1 == n {
            1
        } else {
            2
        };
        out.push(Fnv::new(80).bytes(&[pos]).finish());
    }
    if config & CLUSTER != 0 {
        for (d, base) in [(0isize, 90u8), (-1, 92), (1, 94), (-2, 96), (2, 98)] {
            if let Some(c) = info_at(ii + d).and_then(|x| x.cluster) {
                out.push(Fnv::new(base).bytes(&c.to_le_bytes()).finish());
                out.push(Fnv::new(base + 1).bytes(&(c >> 16).to_le_bytes()).finish());
            }
        }
        if let (Some(a), Some(b)) = (t.cluster, info_at(ii - 1).and_then(|x| x.cluster)) {
            out.push(
                Fnv::new(100)
                    .bytes(&a.to_le_bytes())
                    .bytes(&(b >> 16).to_le_bytes())
                    .finish(),
            );
        }
    }
    if config & CHARS4 != 0 && t.arabic {
        let cs: Vec<char> = t.stem().chars().collect();
        let mut buf = [0u8; 32];
        for k in [2usize, 4] {
            if cs.len() < k {
                continue;
            }
            for i in 0..=cs.len() - k {
                let mut len = 0;
                for c in &cs[i..i + k] {
                    len += c.encode_utf8(&mut buf[len..]).len();
                }
                let edge = u8::from(i == 0) | u8::from(i + k == cs.len()) << 1;
                out.push(
                    Fnv::new(120 + k as u8)
                        .bytes(&buf[..len])
                        .bytes(&[edge])
                        .finish(),
                );
            }
        }
    }
    if config & CHARS != 0 && t.arabic {
        let cs: Vec<char> = t.stem().chars().collect();
        if cs.len() >= 3 {
            let mut buf = [0u8; 16];
            for i in 0..cs.len().saturating_sub(2) {
                let mut len = 0;
                for c in &cs[i..i + 3] {
                    len += c.encode_utf8(&mut buf[len..]).len();
                }
                let edge = u8::from(i == 0) | u8::from(i + 3 == cs.len()) << 1;
                out.push(Fnv::new(120).bytes(&buf[..len]).bytes(&[edge]).finish());
            }
        }
    }
    if config & GAZETTEER != 0 {
        let bits = |x: u32, tmpl: u8, out: &mut Vec<u64>| {
            let mut x = x;
            while x != 0 {
                let b = x.trailing_zeros() as u8;
                x &= x - 1;
                out.push(Fnv::new(tmpl).bytes(&[b]).finish());
            }
        };
        bits(t.gaz_begin, 110, out);
        bits(t.gaz_inside, 111, out);
        if let Some(p) = info_at(ii - 1) {
            bits(p.gaz_begin | p.gaz_inside, 112, out);
        }
        if let Some(p) = info_at(ii + 1) {
            bits(p.gaz_begin, 113, out);
        }
    }
    if config & ALT != 0 {
        if let Some(alt) = t.alt_stem() {
            out.push(w(140, alt));
            let mut x = t.gaz_alt;
            while x != 0 {
                let b = x.trailing_zeros() as u8;
                x &= x - 1;
                out.push(Fnv::new(141).bytes(&[b]).finish());
            }
        }
    }
    if config & HISTORY != 0 {
        let h = |x: Option<&TokenInfo>| x.map_or(u32::MAX, |x| x.hist);
        out.push(Fnv::new(130).bytes(&t.hist.to_le_bytes()).finish());
        out.push(Fnv::new(131).bytes(&(t.hist & 0xff).to_le_bytes()).finish());
        out.push(Fnv::new(132).bytes(&(t.hist >> 8).to_le_bytes()).finish());
        out.push(
            Fnv::new(133)
                .bytes(&h(info_at(ii - 1)).to_le_bytes())
                .finish(),
        );
        out.push(
            Fnv::new(134)
                .bytes(&h(info_at(ii + 1)).to_le_bytes())
                .finish(),
        );
        out.push(
            Fnv::new(135)
                .bytes(&h(info_at(ii - 1)).to_le_bytes())
                .bytes(&t.hist.to_le_bytes())
                .finish(),
        );
    }
    identity
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(w: &str) -> TokenInfo {
        token_infos(&[w], &Resources::default()).remove(0)
    }

    #[test]
    fn gazetteer_marks_begin_and_inside() {
        let toks = ["زار", "محمد", "السادس", "بالرباط"];
        let mut infos = token_infos(&toks, &Resources::default());
        let mut gaz = HashIndex::default();
        gaz.insert(phrase_key(["محمد", "سادس"]), 1 << 4);
        gaz.insert(phrase_key(["رباط"]), 1 << 5);
        mark_gazetteer(&mut infos, &gaz, 3);
        let marks: Vec<(u32, u32)> = infos.iter().map(|t| (t.gaz_begin, t.gaz_inside)).collect();
        assert_eq!(marks, vec![(0, 0), (16, 0), (0, 16), (32, 0)]);
    }

    #[test]
    fn strips_article_and_prepositions() {
        let t = info("بالمغرب");
        assert!(t.article);
        assert_eq!(t.stem(), "مغرب");
        let t = info("والرباط");
        assert!(t.article);
        assert_eq!(t.stem(), "رباط");
        let t = info("للامم");
        assert!(t.article);
        assert_eq!(t.stem(), "امم");
    }

    #[test]
    fn alternative_stem_strips_one_more_proclitic() {
        assert_eq!(info("ولندن").alt_stem(), Some("لندن"));
        assert_eq!(info("لبيونج").alt_stem(), Some("بيونج"));
        // Article words already lose their clitics; short words keep them.
        assert_eq!(info("والرباط").alt_stem(), None);
        assert_eq!(info("وزن").alt_stem(), None);
        let toks = ["زار", "ولندن"];
        let mut infos = token_infos(&toks, &Resources::default());
        let mut gaz = HashIndex::default();
        gaz.insert(phrase_key(["لندن"]), 1 << 6);
        mark_gazetteer(&mut infos, &gaz, 2);
        assert_eq!((infos[1].gaz_begin, infos[1].gaz_alt), (0, 1 << 6));
    }

    #[test]
    fn history_marks_known_stems() {
        let toks = ["بالمغرب", "سمير"];
        let mut infos = token_infos(&toks, &Resources::default());
        let mut hist = HashIndex::default();
        hist.insert(stem_key("مغرب"), 0b100 | 3 << 8);
        mark_history(&mut infos, &hist);
        assert_eq!((infos[0].hist, infos[1].hist), (0b100 | 3 << 8, 0));
        assert_eq!([0, 1, 3, 9, 29, 30].map(freq_class), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn identity_features_come_first() {
        let toks = ["قال", "محمد"];
        let infos = token_infos(&toks, &Resources::default());
        let mut out = Vec::new();
        let k = features(&infos, &toks, 1, groups::ALL, &mut out);
        // normalized form and stem (the raw form equals the normalized one)
        assert_eq!(k, 2);
        assert!(out.len() > k);
    }

    #[test]
    fn keeps_words_that_only_look_like_clitics() {
        let t = info("وزير");
        assert!(!t.article);
        assert_eq!(t.stem(), "وزير");
        let t = info("بلد");
        assert_eq!(t.stem(), "بلد");
        let t = info("الى");
        assert_eq!(t.stem(), "الي");
    }

    #[test]
    fn normalizes_and_folds_digits() {
        let t = info("أحمد");
        assert_eq!(t.norm, "احمد");
        let t = info("٢٠١٥");
        assert_eq!(t.norm, "0000");
        assert!(t.digit);
        assert_eq!(t.shape, "d");
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(info("IBM").shape, "X");
        assert_eq!(info("وDell").shape, "aXx");
        assert_eq!(info("3.5").shape, "d.d");
        assert!(info("CNN").latin);
    }

    #[test]
    fn affixes_use_characters_not_bytes() {
        assert_eq!(prefix("محمد", 2), Some("مح"));
        assert_eq!(suffix("محمد", 2), Some("مد"));
        assert_eq!(suffix("مد", 2), None);
        assert_eq!(prefix("م", 2), None);
    }

    #[test]
    fn features_depend_on_neighbours() {
        let toks = ["قال", "محمد", "علي"];
        let infos = token_infos(&toks, &Resources::default());
        let mut a = Vec::new();
        features(&infos, &toks, 1, groups::ALL, &mut a);
        let toks2 = ["رأى", "محمد", "علي"];
        let infos2 = token_infos(&toks2, &Resources::default());
        let mut b = Vec::new();
        features(&infos2, &toks2, 1, groups::ALL, &mut b);
        assert_eq!(a.len(), b.len());
        let same = a.iter().filter(|h| b.contains(h)).count();
        assert!(same > 0 && same < a.len(), "{same} of {}", a.len());
        // Deterministic.
        let mut c = Vec::new();
        features(&infos, &toks, 1, groups::ALL, &mut c);
        assert_eq!(a, c);
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        let toks = ["", " ", "\u{200F}", "ـــ", "ً", "a", "ال", "و"];
        let infos = token_infos(&toks, &Resources::default());
        let mut out = Vec::new();
        for i in 0..toks.len() {
            features(&infos, &toks, i, groups::ALL, &mut out);
            assert!(!out.is_empty());
        }
    }
}
