//! The model: hashed feature weights, label transitions, Viterbi decoding
//! and the binary model format.

use crate::error::TaggerError;
use crate::features::{self, HashIndex, Resources, TokenInfo};
use crate::label::{Label, N_LABELS};

/// Scores of the labels of one token.
pub(crate) type Row = [f32; N_LABELS];

/// Transition scores: row `N_LABELS` is the sentence start.
pub(crate) type Transitions = [[f32; N_LABELS]; N_LABELS + 1];

const MAGIC: &[u8; 8] = b"AKHBNER1";

/// A trained NER tagger. Cheap to share (`Send + Sync`); tagging takes
/// `&self`.
#[derive(Debug, Clone)]
pub struct Tagger {
    pub(crate) config: u32,
    pub(crate) scale: f32,
    pub(crate) index: HashIndex<u32>,
    pub(crate) weights: Vec<i16>,
    pub(crate) trans: Transitions,
    pub(crate) res: Resources,
    pub(crate) notice: String,
}

/// The transitions IOB2 forbids, as `-inf`, else `0`.
pub(crate) fn constraint(prev: Option<usize>, cur: usize) -> f32 {
    let p = prev.map(Label::from_index);
    if Label::from_index(cur).may_follow(p) {
        0.0
    } else {
        f32::NEG_INFINITY
    }
}

/// Best label path for emission scores `emit` (Viterbi, first order, IOB2
/// constrained).
pub(crate) fn viterbi(emit: &[Row], trans: &Transitions) -> Vec<usize> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let mut delta = vec![[0f32; N_LABELS]; n];
    let mut back = vec![[0u8; N_LABELS]; n];
    for y in 0..N_LABELS {
        delta[0][y] = emit[0][y] + trans[N_LABELS][y] + constraint(None, y);
    }
    for t in 1..n {
        for y in 0..N_LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..N_LABELS {
                let s = delta[t - 1][p] + trans[p][y] + constraint(Some(p), y);
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            delta[t][y] = best + emit[t][y];
            back[t][y] = arg;
        }
    }
    let mut y = 0;
    let mut best = f32::NEG_INFINITY;
    for (l, &s) in delta[n - 1].iter().enumerate() {
        if s > best {
            best = s;
            y = l;
        }
    }
    let mut path = vec![0usize; n];
    for t in (0..n).rev() {
        path[t] = y;
        y = usize::from(back[t][y]);
    }
    path
}

/// Per-token posterior of the labels when scores are read as log
/// potentials (forward–backward), for each token the probability of `path`.
pub(crate) fn path_marginals(emit: &[Row], trans: &Transitions, path: &[usize]) -> Vec<f32> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let lse = |v: &[f32]| {
        let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        if m == f32::NEG_INFINITY {
            return m;
        }
        m + v.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
    };
    let mut alpha = vec![[0f32; N_LABELS]; n];
    for y in 0..N_LABELS {
        alpha[0][y] = emit[0][y] + trans[N_LABELS][y] + constraint(None, y);
    }
    let mut tmp = [0f32; N_LABELS];
    for t in 1..n {
        for y in 0..N_LABELS {
            for p in 0..N_LABELS {
                tmp[p] = alpha[t - 1][p] + trans[p][y] + constraint(Some(p), y);
            }
            alpha[t][y] = lse(&tmp) + emit[t][y];
        }
    }
    let mut beta = vec![[0f32; N_LABELS]; n];
    for t in (0..n - 1).rev() {
        for p in 0..N_LABELS {
            for y in 0..N_LABELS {
                tmp[y] = trans[p][y] + constraint(Some(p), y) + emit[t + 1][y] + beta[t + 1][y];
            }
            beta[t][p] = lse(&tmp);
        }
    }
    let z = lse(&alpha[n - 1]);
    (0..n)
        .map(|t| {
            let y = path[t];
            let p = (alpha[t][y] + beta[t][y] - z).exp();
            if p.is_finite() {
                p.clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}

impl Tagger {
    /// Emission scores of a sentence.
    pub(crate) fn emissions(&self, tokens: &[&str]) -> Vec<Row> {
        let infos: Vec<TokenInfo> = features::token_infos(tokens, &self.res);
        let mut feats = Vec::with_capacity(64);
        let mut out = Vec::with_capacity(tokens.len());
        for i in 0..tokens.len() {
            features::features(&infos, tokens, i, self.config, &mut feats);
            let mut acc = [0i32; N_LABELS];
            for h in &feats {
                if let Some(&f) = self.index.get(h) {
                    let base = f as usize * N_LABELS;
                    if let Some(w) = self.weights.get(base..base + N_LABELS) {
                        for (a, &x) in acc.iter_mut().zip(w) {
                            *a += i32::from(x);
                        }
                    }
                }
            }
            let mut row = [0f32; N_LABELS];
            for (r, a) in row.iter_mut().zip(acc) {
                *r = a as f32 * self.scale;
            }
            out.push(row);
        }
        out
    }

    /// Tags a sentence: one IOB2 label per token. Always valid IOB2; an
    /// empty input gives an empty output.
    ///
    /// ```
    /// # let Some(tagger) = akhbar_tagger::Tagger::builtin() else { return };
    /// let labels = tagger.tag(&["قال", "محمد", "السادس"]);
    /// assert_eq!(labels.len(), 3);
    /// ```
    pub fn tag(&self, tokens: &[&str]) -> Vec<Label> {
        let emit = self.emissions(tokens);
        viterbi(&emit, &self.trans)
            .into_iter()
            .map(Label::from_index)
            .collect()
    }

    /// Tags a sentence and gives each label a confidence in `0..=1`: the
    /// posterior of that label under the model's scores read as a
    /// linear-chain CRF (forward–backward). Uncalibrated but monotone:
    /// low values mark doubtful tokens.
    pub fn tag_with_confidence(&self, tokens: &[&str]) -> Vec<(Label, f32)> {
        let emit = self.emissions(tokens);
        let path = viterbi(&emit, &self.trans);
        let conf = path_marginals(&emit, &self.trans, &path);
        path.into_iter().map(Label::from_index).zip(conf).collect()
    }

    /// The license and attribution text stored in the model.
    pub fn notice(&self) -> &str {
        &self.notice
    }

    /// Number of weighted features.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// Serializes the model (little-endian binary, see `from_bytes`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(16 + keys.len() * (8 + 2 * N_LABELS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.config.to_le_bytes());
        out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, _) in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, v) in &keys {
            let base = *v as usize * N_LABELS;
            for y in 0..N_LABELS {
                let w = self.weights.get(base + y).copied().unwrap_or(0);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        for map in [&self.res.clusters, &self.res.gaz] {
            let mut entries: Vec<(u64, u32)> = map.iter().map(|(&k, &v)| (k, v)).collect();
            entries.sort_unstable();
            out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
            for (k, v) in &entries {
                out.extend_from_slice(&k.to_le_bytes());
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.res.gaz_max as u32).to_le_bytes());
        out.extend_from_slice(&(self.notice.len() as u32).to_le_bytes());
        out.extend_from_slice(self.notice.as_bytes());
        out
    }

    /// Loads a model written by [`Tagger::to_bytes`]. Fails on anything
    /// that is not a complete model of this format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, TaggerError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(TaggerError::Model(
                "not an akhbar NER model (bad magic)".into(),
            ));
        }
        let config = r.u32()?;
        let n_labels = r.u32()? as usize;
        if n_labels != N_LABELS {
            return Err(TaggerError::Model(format!(
                "expected {N_LABELS} labels, found {n_labels}"
            )));
        }
        let scale = r.f32()?;
        let mut trans = [[0f32; N_LABELS]; N_LABELS + 1];
        for row in trans.iter_mut() {
            for x in row.iter_mut() {
                *x = r.f32()?;
            }
        }
        let n = r.u32()? as usize;
        let keys = r.take(
            n.checked_mul(8)
                .ok_or_else(|| TaggerError::Model("feature count overflows".into()))?,
        )?;
        let mut index = HashIndex::with_capacity_and_hasher(n, Default::default());
        for (i, k) in keys.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(k);
            index.insert(u64::from_le_bytes(b), i as u32);
        }
        let wbytes = r.take(
            n.checked_mul(N_LABELS * 2)
                .ok_or_else(|| TaggerError::Model("weight count overflows".into()))?,
        )?;
        let weights: Vec<i16> = wbytes
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let clusters = r.map()?;
        let gaz = r.map()?;
        let gaz_max = (r.u32()? as usize).min(16);
        let nl = r.u32()? as usize;
        let notice = String::from_utf8(r.take(nl)?.to_vec())
            .map_err(|_| TaggerError::Model("notice is not UTF-8".into()))?;
        if r.pos != bytes.len() {
            return Err(TaggerError::Model(format!(
                "{} trailing bytes",
                bytes.len() - r.pos
            )));
        }
        if !scale.is_finite() || trans.iter().flatten().any(|x| !x.is_finite()) {
            return Err(TaggerError::Model("non-finite weights".into()));
        }
        Ok(Tagger {
            config,
            scale,
            index,
            weights,
            trans,
            res: Resources {
                clusters,
                gaz,
                gaz_max,
            },
            notice,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TaggerError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| {
                TaggerError::Model(format!("truncated at byte {} (wanted {n} more)", self.pos))
            })?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, TaggerError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn map(&mut self) -> Result<HashIndex<u32>, TaggerError> {
        let n = self.u32()? as usize;
        let bytes = self.take(
            n.checked_mul(12)
                .ok_or_else(|| TaggerError::Model("map size overflows".into()))?,
        )?;
        let mut map = HashIndex::with_capacity_and_hasher(n, Default::default());
        for c in bytes.chunks_exact(12) {
            let mut k = [0u8; 8];
            k.copy_from_slice(&c[..8]);
            map.insert(
                u64::from_le_bytes(k),
                u32::from_le_bytes([c[8], c[9], c[10], c[11]]),
            );
        }
        Ok(map)
    }
    fn f32(&mut self) -> Result<f32, TaggerError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::EntityType;

    fn no_trans() -> Transitions {
        [[0.0; N_LABELS]; N_LABELS + 1]
    }

    #[test]
    fn viterbi_follows_emissions_without_transitions() {
        let mut emit = vec![[0.0; N_LABELS]; 3];
        emit[0][0] = 1.0;
        emit[1][Label::Begin(EntityType::Pers).index()] = 2.0;
        emit[2][Label::Inside(EntityType::Pers).index()] = 2.0;
        let path = viterbi(&emit, &no_trans());
        assert_eq!(path, vec![0, 1, 2]);
    }

    #[test]
    fn viterbi_never_emits_invalid_iob2() {
        // I-LOC scores best alone at the start and after O, yet the path
        // must open the entity with B-LOC.
        let il = Label::Inside(EntityType::Loc).index();
        let bl = Label::Begin(EntityType::Loc).index();
        let mut emit = vec![[0.0; N_LABELS]; 2];
        emit[0][il] = 5.0;
        emit[0][bl] = 1.0;
        emit[1][il] = 5.0;
        let path = viterbi(&emit, &no_trans());
        assert_eq!(path, vec![bl, il]);
    }

    #[test]
    fn viterbi_uses_transitions() {
        // Emissions slightly prefer O for the second token, but the
        // transition B-ORG -> I-ORG outweighs it.
        let bo = Label::Begin(EntityType::Org).index();
        let io = Label::Inside(EntityType::Org).index();
        let mut emit = vec![[0.0; N_LABELS]; 2];
        emit[0][bo] = 3.0;
        emit[1][0] = 1.0;
        emit[1][io] = 0.5;
        let mut trans = no_trans();
        trans[bo][io] = 1.0;
        assert_eq!(viterbi(&emit, &trans), vec![bo, io]);
        trans[bo][io] = 0.0;
        assert_eq!(viterbi(&emit, &trans), vec![bo, 0]);
    }

    #[test]
    fn marginals_are_probabilities() {
        let mut emit = vec![[0.0; N_LABELS]; 3];
        emit[1][1] = 4.0;
        let path = viterbi(&emit, &no_trans());
        let m = path_marginals(&emit, &no_trans(), &path);
        assert_eq!(m.len(), 3);
        assert!(m.iter().all(|p| (0.0..=1.0).contains(p)));
        assert!(m[1] > 0.5);
    }

    #[test]
    fn rejects_garbage() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"AKHBNER1").is_err());
        assert!(Tagger::from_bytes(&[0u8; 100]).is_err());
    }
}
