//! Word clusters from unlabeled text: each frequent word is described by
//! the words around it (positive PMI of left and right neighbours, reduced
//! by a fixed random projection), then grouped by spherical k-means at a
//! coarse and a fine granularity. Deterministic for a seed.

use crate::features::norm_token;
use akhbar_normalize::{Normalizer, Preset};
use std::collections::HashMap;

/// Settings of [`induce_clusters`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Words seen fewer times get no cluster.
    pub min_count: usize,
    /// Number of most frequent words used as contexts.
    pub contexts: usize,
    /// Dimensions after random projection.
    pub dims: usize,
    /// Number of coarse clusters.
    pub coarse: usize,
    /// Number of fine clusters.
    pub fine: usize,
    /// k-means iterations.
    pub iterations: usize,
    /// PRNG seed.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 3,
            contexts: 2000,
            dims: 128,
            coarse: 64,
            fine: 512,
            iterations: 12,
            seed: 0xc1u64,
        }
    }
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    crate::features::mix(*state)
}

/// Clusters the words of tokenized sentences. Returns `(normalized word,
/// coarse << 16 | fine)`, sorted by word, for [`crate::TrainOptions::clusters`].
pub fn induce_clusters(sentences: &[Vec<String>], opts: &ClusterOptions) -> Vec<(String, u32)> {
    let normalizer = Normalizer::preset(Preset::Search);
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let corpus: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|t| {
                    let n = norm_token(&normalizer, t);
                    let id = *ids.entry(n.clone()).or_insert_with(|| {
                        words.push(n);
                        counts.push(0);
                        words.len() - 1
                    });
                    counts[id] += 1;
                    id
                })
                .collect()
        })
        .collect();
    // Rank by frequency, ties by word, for determinism.
    let mut by_freq: Vec<usize> = (0..words.len()).collect();
    by_freq.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| words[a].cmp(&words[b]))
    });
    let mut ctx_of = vec![usize::MAX; words.len()];
    for (r, &w) in by_freq.iter().take(opts.contexts).enumerate() {
        ctx_of[w] = r;
    }
    let vocab: Vec<usize> = by_freq
        .iter()
        .copied()
        .filter(|&w| counts[w] >= opts.min_count)
        .collect();
    if vocab.len() < opts.fine.max(opts.coarse).max(1) {
        return Vec::new();
    }
    let mut row_of = vec![usize::MAX; words.len()];
    for (r, &w) in vocab.iter().enumerate() {
        row_of[w] = r;
    }
    // Co-occurrence counts: (row, context slot) where slot = 2*rank (+1 right).
    let nctx = 2 * opts.contexts.min(words.len());
    let mut cooc: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    let mut ctx_total = vec![0f64; nctx];
    let mut total = 0f64;
    for s in &corpus {
        for (i, &w) in s.iter().enumerate() {
            let r = row_of[w];
            if r == usize::MAX {
                continue;
            }
            for (j, side) in [(i.wrapping_sub(1), 0usize), (i + 1, 1)] {
                let Some(&c) = s.get(j) else { continue };
                let rank = ctx_of[c];
                if rank == usize::MAX {
                    continue;
                }
                let slot = 2 * rank + side;
                *cooc[r].entry(slot as u32).or_insert(0.0) += 1.0;
                ctx_total[slot] += 1.0;
                total += 1.0;
            }
        }
    }
    // Random projection matrix (+1/-1) for each context slot.
    let mut state = opts.seed;
    let proj: Vec<Vec<f32>> = (0..nctx)
        .map(|_| {
            (0..opts.dims)
                .map(|_| {
                    if splitmix(&mut state) & 1 == 0 {
                        1.0
                    } else {
                        -1.0
                    }
                })
                .collect()
        })
        .collect();
    let vecs: Vec<Vec<f32>> = cooc
        .iter()
        .map(|row| {
            let row_total: f64 = row.values().map(|&x| f64::from(x)).sum();
            let mut v = vec![0f32; opts.dims];
            let mut slots: Vec<(&u32, &f32)> = row.iter().collect();
            slots.sort_unstable_by_key(|(k, _)| **k);
            for (&slot, &n) in slots {
                let pmi = (f64::from(n) * total / (row_total * ctx_total[slot as usize])).ln();
                if pmi > 0.0 {
                    for (x, p) in v.iter_mut().zip(&proj[slot as usize]) {
                        *x += pmi as f32 * p;
                    }
                }
            }
            normalize(&mut v);
            v
        })
        .collect();
    let coarse = kmeans(&vecs, opts.coarse, opts.iterations, &mut state);
    let fine = kmeans(&vecs, opts.fine, opts.iterations, &mut state);
    let mut out: Vec<(String, u32)> = vocab
        .iter()
        .enumerate()
        .map(|(r, &w)| {
            (
                words[w].clone(),
                ((coarse[r] as u32) << 16) | (fine[r] as u32 & 0xffff),
            )
        })
        .collect();
    out.sort();
    out
}

fn normalize(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v.iter_mut() {
            *x /= n;
        }
    }
}

/// Spherical k-means; returns the cluster of every vector.
fn kmeans(vecs: &[Vec<f32>], k: usize, iterations: usize, state: &mut u64) -> Vec<usize> {
    let n = vecs.len();
    let k = k.clamp(1, n.max(1));
    // Seeds by k-means++: each next seed drawn with probability
    // proportional to its distance from the nearest seed so far.
    let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
    let mut centroids: Vec<Vec<f32>> = Vec::with_capacity(k);
    let first = (splitmix(state) % n as u64) as usize;
    centroids.push(vecs[first].clone());
    let mut dist: Vec<f64> = vecs
        .iter()
        .map(|v| f64::from((1.0 - dot(v, &centroids[0])).max(0.0)))
        .collect();
    while centroids.len() < k {
        let sum: f64 = dist.iter().sum();
        let pick = if sum <= 0.0 {
            (splitmix(state) % n as u64) as usize
        } else {
            let mut target = (splitmix(state) >> 11) as f64 / (1u64 << 53) as f64 * sum;
            let mut pick = n - 1;
            for (i, d) in dist.iter().enumerate() {
                target -= d;
                if target <= 0.0 {
                    pick = i;
                    break;
                }
            }
            pick
        };
        let c = vecs[pick].clone();
        for (d, v) in dist.iter_mut().zip(vecs) {
            *d = d.min(f64::from((1.0 - dot(v, &c)).max(0.0)));
        }
        centroids.push(c);
    }
    let mut assign = vec![0usize; n];
    for _ in 0..iterations {
        for (a, v) in assign.iter_mut().zip(vecs) {
            let mut best = f32::NEG_INFINITY;
            for (c, cent) in centroids.iter().enumerate() {
                let d: f32 = v.iter().zip(cent).map(|(x, y)| x * y).sum();
                if d > best {
                    best = d;
                    *a = c;
                }
            }
        }
        let dims = vecs.first().map_or(0, Vec::len);
        let mut sums = vec![vec![0f32; dims]; k];
        for (a, v) in assign.iter().zip(vecs) {
            for (s, x) in sums[*a].iter_mut().zip(v) {
                *s += x;
            }
        }
        for (c, s) in centroids.iter_mut().zip(sums) {
            if s.iter().any(|&x| x != 0.0) {
                *c = s;
                normalize(c);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut sents = Vec::new();
        for (i, name) in ["سمير", "كريم", "هشام", "نبيل"]
            .iter()
            .cycle()
            .take(40)
            .enumerate()
        {
            let city = ["الرباط", "فاس", "طنجة", "مراكش"][i % 4];
            sents.push(vec!["قال".to_string(), name.to_string(), "إن".to_string()]);
            sents.push(vec![
                "وصل".to_string(),
                "إلى".to_string(),
                city.to_string(),
                ".".to_string(),
            ]);
        }
        let opts = ClusterOptions {
            min_count: 2,
            contexts: 20,
            dims: 16,
            coarse: 2,
            fine: 3,
            iterations: 5,
            seed: 1,
        };
        let c = induce_clusters(&sents, &opts);
        let get = |w: &str| c.iter().find(|(x, _)| x == w).map(|(_, id)| id & 0xffff);
        assert_eq!(get("سمير"), get("كريم"));
        assert_eq!(get("الرباط"), get("فاس"));
        assert_ne!(get("سمير"), get("فاس"));
        assert_eq!(induce_clusters(&sents, &opts), c);
    }

    #[test]
    fn too_little_text_gives_no_clusters() {
        assert!(induce_clusters(&[], &ClusterOptions::default()).is_empty());
    }
}
