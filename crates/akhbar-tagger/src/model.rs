//! The model: hashed feature weights, label transitions, Viterbi decoding
//! and the binary model format.

use crate::error::TaggerError;
use crate::features::{self, HashIndex, Resources, TokenInfo};
use crate::label::{EntityType, Label, N_LABELS};

/// Scores of the labels of one token.
pub(crate) type Row = [f32; N_LABELS];

/// Transition scores: row `N_LABELS` is the sentence start.
pub(crate) type Transitions = [[f32; N_LABELS]; N_LABELS + 1];

const MAGIC: &[u8; 8] = b"AKHBNER2";

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

/// Log-sum-exp of a row, `-inf` for a row of `-inf`.
fn lse(v: &[f32]) -> f32 {
    let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + v.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
}

/// The forward and backward log-potentials of a non-empty sentence under
/// the IOB2 constraints, and its log partition function.
fn forward_backward(emit: &[Row], trans: &Transitions) -> (Vec<Row>, Vec<Row>, f32) {
    let n = emit.len();
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
    (alpha, beta, z)
}

/// Node and summed edge marginals of a linear-chain CRF whose log
/// potentials are `emit` and `trans` (IOB2 constrained); row `N_LABELS` of
/// the edges is the sentence start.
pub(crate) fn crf_marginals(emit: &[Row], trans: &Transitions) -> (Vec<Row>, Transitions) {
    let n = emit.len();
    let mut edges: Transitions = [[0.0; N_LABELS]; N_LABELS + 1];
    if n == 0 {
        return (Vec::new(), edges);
    }
    let (alpha, beta, z) = forward_backward(emit, trans);
    let prob = |x: f32| {
        let p = (x - z).exp();
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let mut nodes = vec![[0f32; N_LABELS]; n];
    for t in 0..n {
        for y in 0..N_LABELS {
            nodes[t][y] = prob(alpha[t][y] + beta[t][y]);
        }
    }
    edges[N_LABELS] = nodes[0];
    for t in 1..n {
        for p in 0..N_LABELS {
            for y in 0..N_LABELS {
                let c = constraint(Some(p), y);
                if c == 0.0 {
                    edges[p][y] += prob(alpha[t - 1][p] + trans[p][y] + emit[t][y] + beta[t][y]);
                }
            }
        }
    }
    (nodes, edges)
}

/// Per-token posterior of the labels when scores are read as log
/// potentials (forward–backward), for each token the probability of `path`.
pub(crate) fn path_marginals(emit: &[Row], trans: &Transitions, path: &[usize]) -> Vec<f32> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let (alpha, beta, z) = forward_backward(emit, trans);
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
        self.emissions_with(tokens, None)
    }

    /// Emission scores, with extra gazetteer phrases (marked on top of the
    /// model's own).
    pub(crate) fn emissions_with(
        &self,
        tokens: &[&str],
        extra: Option<&HashIndex<u32>>,
    ) -> Vec<Row> {
        let mut infos: Vec<TokenInfo> = features::token_infos(tokens, &self.res);
        if let Some(extra) = extra {
            features::mark_gazetteer(&mut infos, extra, self.res.gaz_max.max(1));
        }
        let mut feats = Vec::with_capacity(64);
        let mut out = Vec::with_capacity(tokens.len());
        for i in 0..tokens.len() {
            let _ = features::features(&infos, tokens, i, self.config, &mut feats);
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

    /// Tags the sentences of one document (or of a run of neighbouring
    /// sentences) and makes the labels consistent across them, in two
    /// steps. First each sentence is tagged again with the entities found
    /// in the other sentences within [`Tagger::DOCUMENT_WINDOW`] as
    /// gazetteer phrases of the categories the model learned for "an entity
    /// of the training data" (soft: the model weighs them against the
    /// context). Then a token sequence tagged as an entity is given the same
    /// type where it recurs untagged within the window (majority type;
    /// longer sequences first), and so is the last word of a multi-word
    /// person on its own when the training data never had that word outside
    /// an entity (`تسيبي ليفني` … `ليفني`). Each inner result is valid IOB2
    /// and has the length of its sentence.
    ///
    /// ```
    /// # let Some(tagger) = akhbar_tagger::Tagger::builtin() else { return };
    /// let doc = [vec!["قال", "محمد", "السادس"], vec!["وأضاف", "محمد"]];
    /// let labels = tagger.tag_document(&doc);
    /// assert_eq!(labels[1].len(), 2);
    /// ```
    pub fn tag_document<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<Label>> {
        let toks: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.as_ref().iter().map(AsRef::as_ref).collect())
            .collect();
        let mut labels: Vec<Vec<Label>> = toks.iter().map(|t| self.tag(t)).collect();
        labels = self.second_pass(&toks, &labels, Self::DOCUMENT_WINDOW);
        propagate(&toks, &mut labels, Self::DOCUMENT_WINDOW, &|w| {
            self.may_stand_alone(w)
        });
        labels
    }

    /// Whether the last word of a multi-word person may be propagated on
    /// its own (`تسيبي ليفني` → a later `ليفني`): its stem has at least 3
    /// letters and the training data never had it outside an entity (a
    /// word it never saw passes). Always false for a model without the
    /// `history` feature group, which carries that knowledge.
    fn may_stand_alone(&self, word: &str) -> bool {
        if self.res.hist.is_empty() {
            return false;
        }
        features::token_infos_with(&[word], &HashIndex::default())
            .first()
            .is_some_and(|t| {
                let stem = t.stem();
                stem.chars().count() >= 3
                    && self
                        .res
                        .hist
                        .get(&features::stem_key(stem))
                        .is_none_or(|h| h & 1 == 0)
            })
    }

    /// How many sentences before and after a sentence
    /// [`Tagger::tag_document`] looks at for consistency.
    pub const DOCUMENT_WINDOW: usize = 10;

    /// Tags a sentence and gives each label a confidence in `0..=1`: the
    /// posterior of that label under the model's scores read as a
    /// linear-chain CRF (forward–backward). Uncalibrated but monotone:
    /// low values mark doubtful tokens.
    pub fn tag_with_confidence(&self, tokens: &[&str]) -> Vec<(Label, f32)> {
        self.tag_with_confidence_if(tokens, |_| true)
            .unwrap_or_default()
    }

    /// Tags a sentence as [`Tagger::tag`] does and, only when `wanted`
    /// accepts those labels, gives each a confidence as
    /// [`Tagger::tag_with_confidence`] does; `None` otherwise. The scores
    /// and the best path are computed once; the forward–backward pass, the
    /// dearer part, only where it is wanted.
    ///
    /// ```
    /// # let Some(tagger) = akhbar_tagger::Tagger::builtin() else { return };
    /// let words = ["قال", "محمد", "السادس"];
    /// assert!(tagger.tag_with_confidence_if(&words, |_| false).is_none());
    /// let all = tagger.tag_with_confidence_if(&words, |_| true).unwrap();
    /// assert_eq!(all, tagger.tag_with_confidence(&words));
    /// ```
    pub fn tag_with_confidence_if(
        &self,
        tokens: &[&str],
        wanted: impl FnOnce(&[Label]) -> bool,
    ) -> Option<Vec<(Label, f32)>> {
        let emit = self.emissions(tokens);
        let path = viterbi(&emit, &self.trans);
        let labels: Vec<Label> = path.iter().map(|&i| Label::from_index(i)).collect();
        if !wanted(&labels) {
            return None;
        }
        let conf = path_marginals(&emit, &self.trans, &path);
        Some(labels.into_iter().zip(conf).collect())
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
        for map in [&self.res.clusters, &self.res.gaz, &self.res.hist] {
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
        let hist = r.map()?;
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
                hist,
            },
            notice,
        })
    }
}

impl Tagger {
    /// Tags every sentence again with the entities found in the other
    /// sentences of the window as gazetteer phrases of the training-entity
    /// categories (the weights learned for "seen in training as X").
    fn second_pass(
        &self,
        toks: &[Vec<&str>],
        labels: &[Vec<Label>],
        window: usize,
    ) -> Vec<Vec<Label>> {
        let found: Vec<Vec<(u64, u32)>> = toks
            .iter()
            .zip(labels)
            .map(|(t, l)| {
                let infos = features::token_infos_with(t, &self.res.clusters);
                crate::score::chunks(l)
                    .into_iter()
                    .filter(|c| c.end - c.start <= 8)
                    .map(|c| {
                        let key =
                            features::phrase_key(infos[c.start..c.end].iter().map(|x| x.stem()));
                        (key, 1u32 << (Label::Begin(c.ty).index() / 2))
                    })
                    .collect()
            })
            .collect();
        (0..toks.len())
            .map(|k| {
                let mut extra: HashIndex<u32> = HashIndex::default();
                let lo = k.saturating_sub(window);
                for (j, f) in found[lo..(k + window + 1).min(toks.len())]
                    .iter()
                    .enumerate()
                {
                    if lo + j == k {
                        continue;
                    }
                    for &(key, bit) in f {
                        *extra.entry(key).or_insert(0) |= bit;
                    }
                }
                if extra.is_empty() {
                    return labels[k].clone();
                }
                let emit = self.emissions_with(&toks[k], Some(&extra));
                viterbi(&emit, &self.trans)
                    .into_iter()
                    .map(Label::from_index)
                    .collect()
            })
            .collect()
    }
}

/// Document-level consistency (see [`Tagger::tag_document`]): entities
/// tagged in a sentence are given to their untagged repeats within
/// `window` sentences; `surname(word)` says whether the last word of a
/// multi-word person may also be given alone.
pub(crate) fn propagate(
    toks: &[Vec<&str>],
    labels: &mut [Vec<Label>],
    window: usize,
    surname: &dyn Fn(&str) -> bool,
) {
    use std::collections::BTreeMap;
    // Entities as they were tagged, before any propagation.
    let found: Vec<Vec<(Vec<&str>, usize)>> = toks
        .iter()
        .zip(labels.iter())
        .map(|(t, l)| {
            crate::score::chunks(l)
                .into_iter()
                .flat_map(|c| {
                    let ty = Label::Begin(c.ty).index() / 2;
                    let words = t.get(c.start..c.end).unwrap_or_default();
                    let last = words
                        .last()
                        .filter(|w| words.len() >= 2 && c.ty == EntityType::Pers && surname(w))
                        .map(|w| (vec![*w], ty));
                    std::iter::once((words.to_vec(), ty)).chain(last)
                })
                .filter(|(w, _)| !w.is_empty())
                .collect()
        })
        .collect();
    for k in 0..toks.len() {
        let mut cand: BTreeMap<&[&str], [u32; 4]> = BTreeMap::new();
        for f in &found[k.saturating_sub(window)..(k + window + 1).min(toks.len())] {
            for (words, ty) in f {
                if let Some(c) = cand.entry(words.as_slice()).or_default().get_mut(*ty) {
                    *c += 1;
                }
            }
        }
        let mut cand: Vec<(&[&str], usize)> = cand
            .into_iter()
            .map(|(w, counts)| {
                let mut best = 0;
                for (i, &c) in counts.iter().enumerate() {
                    if c > counts[best] {
                        best = i;
                    }
                }
                (w, best)
            })
            .collect();
        cand.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        let (t, l) = (&toks[k], &mut labels[k]);
        for (words, ty) in cand {
            let n = words.len();
            if n == 0 || n > t.len() {
                continue;
            }
            let ty = crate::label::EntityType::ALL[ty];
            for i in 0..=t.len() - n {
                if t[i..i + n] == *words
                    && l[i..i + n].iter().all(|&x| x == Label::Outside)
                    && !matches!(l.get(i + n), Some(Label::Inside(_)))
                {
                    l[i] = Label::Begin(ty);
                    for x in &mut l[i + 1..i + n] {
                        *x = Label::Inside(ty);
                    }
                }
            }
        }
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
    fn propagation_tags_untagged_repeats() {
        use crate::label::EntityType::{Org, Pers};
        let toks = vec![
            vec!["زار", "البنك", "التجاري", "اليوم"],
            vec!["قال", "البنك", "التجاري"],
            vec!["البنك", "قال", "سمير"],
        ];
        let mut labels = vec![
            vec![
                Label::Outside,
                Label::Begin(Org),
                Label::Inside(Org),
                Label::Outside,
            ],
            vec![Label::Outside; 3],
            vec![Label::Outside, Label::Outside, Label::Begin(Pers)],
        ];
        propagate(&toks, &mut labels, 10, &|_| false);
        assert_eq!(
            labels[1],
            vec![Label::Outside, Label::Begin(Org), Label::Inside(Org)]
        );
        // A single word of the phrase alone is not tagged.
        assert_eq!(labels[2][0], Label::Outside);
        // Out of the window: nothing changes.
        let mut far = vec![labels[0].clone(), vec![Label::Outside; 3]];
        propagate(&[toks[0].clone(), toks[1].clone()], &mut far, 0, &|_| false);
        assert_eq!(far[1], vec![Label::Outside; 3]);
    }

    #[test]
    fn propagation_gives_a_surname_alone_when_allowed() {
        use crate::label::EntityType::Pers;
        let toks = vec![
            vec!["قالت", "تسيبي", "ليفني", "اليوم"],
            vec!["وأضافت", "ليفني", "أن", "تسيبي"],
        ];
        let tagged = vec![
            vec![
                Label::Outside,
                Label::Begin(Pers),
                Label::Inside(Pers),
                Label::Outside,
            ],
            vec![Label::Outside; 4],
        ];
        let mut labels = tagged.clone();
        propagate(&toks, &mut labels, 10, &|w| w == "ليفني");
        // The last word of the person, not the first.
        assert_eq!(
            labels[1],
            vec![
                Label::Outside,
                Label::Begin(Pers),
                Label::Outside,
                Label::Outside
            ]
        );
        let mut labels = tagged;
        propagate(&toks, &mut labels, 10, &|_| false);
        assert_eq!(labels[1], vec![Label::Outside; 4]);
    }

    #[test]
    fn crf_marginals_are_distributions() {
        let mut emit = vec![[0.0; N_LABELS]; 4];
        emit[1][Label::Begin(EntityType::Pers).index()] = 3.0;
        emit[2][Label::Inside(EntityType::Pers).index()] = 2.0;
        let mut trans = no_trans();
        trans[0][0] = 0.5;
        let (nodes, edges) = crf_marginals(&emit, &trans);
        for row in &nodes {
            let sum: f32 = row.iter().sum();
            assert!((sum - 1.0).abs() < 1e-4, "{sum}");
        }
        // No mass on forbidden labels: I-X at the start.
        assert!(nodes[0][Label::Inside(EntityType::Pers).index()] < 1e-6);
        assert_eq!(edges[N_LABELS], nodes[0]);
        // Edge marginals sum to the number of transitions.
        let total: f32 = edges[..N_LABELS].iter().flatten().sum();
        assert!((total - 3.0).abs() < 1e-3, "{total}");
        assert!(crf_marginals(&[], &trans).0.is_empty());
    }

    #[test]
    fn rejects_garbage() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"AKHBNER1").is_err());
        assert!(Tagger::from_bytes(&[0u8; 100]).is_err());
    }
}
