//! Near-duplicate detection: MinHash over word shingles of the normalized
//! content zones, LSH banding for candidates, union-find for clusters.

use akhbar_core::Document;
use akhbar_normalize::{Normalizer, Preset};
use std::collections::BTreeMap;

/// How near duplicates are found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DedupOptions {
    /// Words per shingle.
    pub shingle: usize,
    /// MinHash functions (rows × bands).
    pub hashes: usize,
    /// LSH bands (`hashes` must be a multiple of it).
    pub bands: usize,
    /// Lowest estimated Jaccard similarity of shingle sets that links two
    /// documents.
    pub threshold: f64,
}

impl Default for DedupOptions {
    fn default() -> Self {
        Self {
            shingle: 5,
            hashes: 128,
            bands: 32,
            threshold: 0.8,
        }
    }
}

/// A group of documents that are the same article (exactly or nearly).
#[derive(Debug, Clone, PartialEq)]
pub struct DupCluster {
    /// Ids of the members, sorted.
    pub members: Vec<String>,
    /// The lowest similarity of the pairs that linked the cluster
    /// (estimated Jaccard of shingle sets; 1.0 for exact copies).
    pub similarity: f64,
    /// True when every member has the same normalized content.
    pub exact: bool,
}

/// The MinHash signature of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    mins: Vec<u64>,
    exact: u64,
}

/// A fixed, platform-independent 64-bit hash (FNV-1a, then a finalizer).
fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64's finalizer.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The content of a document: its title and body lines (the whole text
/// when it is not zoned, or has no content line).
pub fn content_text(doc: &Document) -> String {
    let parts: Vec<&str> = doc
        .zones
        .iter()
        .filter(|z| z.zone.is_content())
        .filter_map(|z| doc.text.get(z.span.range()))
        .collect();
    if parts.is_empty() {
        doc.text.clone()
    } else {
        parts.join("\n")
    }
}

impl Signature {
    /// The signature of a document's content ([`content_text`]),
    /// normalized with the search preset of `akhbar-normalize`.
    pub fn of(doc: &Document, opts: &DedupOptions) -> Self {
        Self::of_text(&content_text(doc), opts)
    }

    /// The signature of a text.
    pub fn of_text(text: &str, opts: &DedupOptions) -> Self {
        let norm = Normalizer::preset(Preset::Search).normalize(text);
        let words: Vec<&str> = norm
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let exact = hash_bytes(words.join(" ").as_bytes());
        let k = opts.shingle.max(1);
        let shingles: Vec<u64> = if words.len() <= k {
            if words.is_empty() {
                Vec::new()
            } else {
                vec![hash_bytes(words.join(" ").as_bytes())]
            }
        } else {
            words
                .windows(k)
                .map(|w| hash_bytes(w.join(" ").as_bytes()))
                .collect()
        };
        let hashes = opts.hashes.max(1);
        let mut mins = vec![u64::MAX; hashes];
        for s in shingles {
            for (i, m) in mins.iter_mut().enumerate() {
                let h = mix(s ^ mix(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1)));
                if h < *m {
                    *m = h;
                }
            }
        }
        Self { mins, exact }
    }

    /// Estimated Jaccard similarity: the share of equal minima.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.exact == other.exact {
            return 1.0;
        }
        let n = self.mins.len().min(other.mins.len());
        if n == 0 {
            return 0.0;
        }
        let eq = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        eq as f64 / n as f64
    }

    fn is_empty(&self) -> bool {
        self.mins.iter().all(|&m| m == u64::MAX)
    }
}

/// Collects signatures one document at a time (memory: one signature a
/// document) and clusters them at the end.
#[derive(Debug, Clone, Default)]
pub struct Deduper {
    opts: DedupOptions,
    ids: Vec<String>,
    sigs: Vec<Signature>,
}

impl Deduper {
    /// An empty deduper.
    pub fn new(opts: DedupOptions) -> Self {
        Self {
            opts,
            ids: Vec::new(),
            sigs: Vec::new(),
        }
    }

    /// Adds a document (its content zones).
    pub fn add(&mut self, doc: &Document) {
        self.add_signature(doc.id.clone(), Signature::of(doc, &self.opts));
    }

    /// Adds a precomputed signature under an id.
    pub fn add_signature(&mut self, id: String, sig: Signature) {
        self.ids.push(id);
        self.sigs.push(sig);
    }

    /// The clusters of two or more documents, sorted by their first member.
    pub fn clusters(&self) -> Vec<DupCluster> {
        let n = self.sigs.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        // Candidate pairs: same exact hash, or one equal LSH band.
        let bands = self.opts.bands.clamp(1, self.opts.hashes.max(1));
        let rows = (self.opts.hashes.max(1) / bands).max(1);
        let mut buckets: BTreeMap<(usize, u64), Vec<usize>> = BTreeMap::new();
        for (i, s) in self.sigs.iter().enumerate() {
            if s.is_empty() {
                continue;
            }
            buckets.entry((usize::MAX, s.exact)).or_default().push(i);
            for b in 0..bands {
                let slice =
                    &s.mins[(b * rows).min(s.mins.len())..((b + 1) * rows).min(s.mins.len())];
                let h = slice.iter().fold(b as u64, |acc, &m| mix(acc ^ m));
                buckets.entry((b, h)).or_default().push(i);
            }
        }
        let mut edges: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for members in buckets.values() {
            if members.len() < 2 || members.len() > 1000 {
                continue;
            }
            for (a, &i) in members.iter().enumerate() {
                for &j in &members[a + 1..] {
                    let key = (i.min(j), i.max(j));
                    if edges.contains_key(&key) {
                        continue;
                    }
                    let sim = self.sigs[i].similarity(&self.sigs[j]);
                    if sim >= self.opts.threshold {
                        edges.insert(key, sim);
                    }
                }
            }
        }
        for &(i, j) in edges.keys() {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
        let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, &r) in roots.iter().enumerate() {
            groups.entry(r).or_default().push(i);
        }
        let mut lowest: BTreeMap<usize, f64> = BTreeMap::new();
        for (&(i, _), &s) in &edges {
            let m = lowest.entry(roots[i]).or_insert(1.0);
            *m = m.min(s);
        }
        let mut out: Vec<DupCluster> = Vec::new();
        for (root, idx) in groups {
            if idx.len() < 2 {
                continue;
            }
            let similarity = lowest.get(&root).copied().unwrap_or(1.0);
            let exact = idx
                .iter()
                .all(|&i| self.sigs[i].exact == self.sigs[idx[0]].exact);
            let mut members: Vec<String> = idx.iter().map(|&i| self.ids[i].clone()).collect();
            members.sort();
            out.push(DupCluster {
                members,
                similarity,
                exact,
            });
        }
        out.sort_by(|a, b| a.members.cmp(&b.members));
        out
    }
}

/// Exact and near-duplicate clusters among `docs`, by their content zones.
pub fn near_duplicates(docs: &[Document], opts: &DedupOptions) -> Vec<DupCluster> {
    let mut d = Deduper::new(*opts);
    for doc in docs {
        d.add(doc);
    }
    d.clusters()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exact_and_near_copies_deterministically() {
        let a = "أعلنت وزارة الداخلية اليوم عن إطلاق حملة وطنية واسعة لمكافحة الجريمة المنظمة في عدد من المدن الكبرى بمشاركة مختلف الأجهزة الأمنية وذلك في إطار الاستراتيجية الوطنية للأمن";
        let b = format!("{a} وفق بلاغ رسمي");
        let docs = vec![
            Document::new("x", a),
            Document::new("y", b),
            Document::new("z", a.replace('أ', "ا")),
            Document::new(
                "w",
                "نص مختلف تماما عن موضوع آخر لا علاقة له بالأمن ولا بالوزارة",
            ),
        ];
        let c = near_duplicates(&docs, &DedupOptions::default());
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].members, ["x", "y", "z"]);
        assert!(!c[0].exact && c[0].similarity >= 0.8 && c[0].similarity < 1.0);
        assert_eq!(c, near_duplicates(&docs, &DedupOptions::default()));
    }
}
