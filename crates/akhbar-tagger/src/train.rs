//! Averaged structured perceptron training.

use crate::conll::Sentence;
use crate::error::TaggerError;
use crate::features::{self, HashIndex, Resources, groups};
use crate::label::{Label, N_LABELS, repair_iob2};
use crate::model::{Row, Tagger, Transitions, crf_marginals, viterbi};
use crate::score::{Scores, chunks};

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling (training is deterministic for a seed).
    pub seed: u64,
    /// Feature groups, by name (see [`feature_group_names`]); `None` = the
    /// groups of the committed model (affix, stem, shape, position,
    /// gazetteer, chars, window2).
    pub feature_groups: Option<Vec<String>>,
    /// Features seen fewer times in training are dropped.
    pub min_count: u32,
    /// Word clusters `(word, id)`: the id's high 16 bits are a coarse
    /// cluster, the low 16 a fine one. Empty = no cluster features.
    pub clusters: Vec<(String, u32)>,
    /// Gazetteer phrases `(phrase, category)` (e.g. from lexicons); at most
    /// 28 distinct categories. Matched on clitic-stripped stems.
    pub gazetteer: Vec<(String, String)>,
    /// Entities of the training data become gazetteer phrases too; during
    /// training a sentence only sees those of the other folds (jackknife),
    /// so the model learns how far to trust them. `0` = off.
    pub jackknife_folds: usize,
    /// With a dev set: keep the averaged weights of the best dev epoch.
    pub keep_best: bool,
    /// Margin of the cost-augmented updates: while training, every wrong
    /// label of a token gets this bonus before decoding, so the weights
    /// must beat it (0 = plain perceptron).
    pub margin: f32,
    /// Word dropout: the probability that a training token, in one epoch,
    /// loses the features naming the word itself (form, raw form, stem),
    /// so that context, affix and gazetteer features learn to tag words
    /// never seen in training. `0` = off.
    pub word_dropout: f32,
    /// Number of perceptrons trained with different shuffles (seeds
    /// `seed`, `seed + 1`…) whose averaged weights are averaged again.
    pub ensemble: usize,
    /// With a positive rate, train a linear-chain CRF by averaged
    /// stochastic gradient (this step size) instead of the perceptron.
    pub crf_rate: f32,
    /// A cost subtracted from the `O` label at every token (folded into the
    /// transitions), trading precision for recall. `None`: chosen on the
    /// dev set when there is one (else 0).
    pub outside_penalty: Option<f32>,
    /// License and attribution stored in the model file.
    pub notice: String,
    /// Labeled sentences of another domain or annotation, trained on after
    /// (and shuffled with) the main ones; see `auxiliary_weight` and
    /// `auxiliary_adapt`.
    pub auxiliary: Vec<Sentence>,
    /// Size of a perceptron update on an auxiliary sentence (1 = as a main
    /// one).
    pub auxiliary_weight: f32,
    /// Feature augmentation (Daumé 2007): every feature of an auxiliary
    /// sentence also fires in an auxiliary-only copy, which absorbs what is
    /// peculiar to that data and is dropped from the model.
    pub auxiliary_adapt: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 0x5eed,
            feature_groups: None,
            min_count: 1,
            clusters: Vec::new(),
            gazetteer: Vec::new(),
            jackknife_folds: 10,
            keep_best: true,
            outside_penalty: Some(0.0),
            margin: 0.0,
            word_dropout: 0.0,
            ensemble: 1,
            crf_rate: 0.0,
            notice: String::new(),
            auxiliary: Vec::new(),
            auxiliary_weight: 1.0,
            auxiliary_adapt: false,
        }
    }
}

/// The names of the feature groups that [`TrainOptions::feature_groups`]
/// accepts.
pub fn feature_group_names() -> Vec<&'static str> {
    groups::NAMES.iter().map(|(n, _)| *n).collect()
}

/// What happened in one epoch.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Fraction of training tokens labeled right during the pass.
    pub train_accuracy: f64,
    /// Entity scores on the dev set, when one was given.
    pub dev: Option<Scores>,
    /// Set on the last report only, after the `O` penalty was chosen on the
    /// dev set (then `dev` holds the scores with it).
    pub outside_penalty: Option<f32>,
}

/// A tiny deterministic PRNG (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

struct Prepared {
    feats: Vec<Vec<u32>>,
    /// Per token, how many leading features name the word itself.
    identity: Vec<usize>,
    gold: Vec<usize>,
    labels: Vec<Label>,
    /// Size of the updates on this sentence.
    weight: f32,
}

fn gold_labels(s: &Sentence) -> Vec<Label> {
    let mut l: Vec<Label> = (0..s.tokens.len())
        .map(|i| Label::parse_lenient(s.tags.get(i).map_or("", String::as_str)))
        .collect();
    repair_iob2(&mut l);
    l
}

fn emissions(feats: &[Vec<u32>], w: &[f32]) -> Vec<Row> {
    feats
        .iter()
        .map(|fs| {
            let mut row = [0f32; N_LABELS];
            for &f in fs {
                let base = f as usize * N_LABELS;
                for (r, x) in row.iter_mut().zip(&w[base..base + N_LABELS]) {
                    *r += x;
                }
            }
            row
        })
        .collect()
}

/// Trains a tagger on labeled sentences (tags read with
/// [`Label::parse_lenient`], repaired to IOB2). `progress` is called after
/// every epoch. Deterministic for given data and options.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    opts: &TrainOptions,
    mut progress: impl FnMut(&EpochReport),
) -> Result<Tagger, TaggerError> {
    let config = match &opts.feature_groups {
        None => groups::DEFAULT,
        Some(names) => {
            let mut c = 0;
            for n in names {
                let Some((_, bit)) = groups::NAMES.iter().find(|(name, _)| name == n) else {
                    return Err(TaggerError::Model(format!("unknown feature group {n}")));
                };
                c |= bit;
            }
            c
        }
    };
    let mut clusters: HashIndex<u32> = HashIndex::default();
    if config & groups::CLUSTER != 0 {
        let normalizer = akhbar_normalize::Normalizer::preset(akhbar_normalize::Preset::Search);
        for (w, id) in &opts.clusters {
            clusters
                .entry(features::word_key(&features::norm_token(&normalizer, w)))
                .or_insert(*id);
        }
    }

    let mut train: Vec<&Sentence> = train.iter().filter(|s| !s.tokens.is_empty()).collect();
    let n_main = train.len();
    train.extend(opts.auxiliary.iter().filter(|s| !s.tokens.is_empty()));
    // Hashes of the auxiliary-only feature copies (membership only).
    let mut aux_copies: HashIndex<()> = HashIndex::default();
    let (fold_gaz, full_gaz, gaz_max) = if config & groups::GAZETTEER != 0 {
        build_gazetteers(&train, opts, &clusters)?
    } else {
        (Vec::new(), HashIndex::default(), 0)
    };
    let folds = fold_gaz.len();
    let hist_folds = if config & groups::HISTORY != 0 {
        opts.jackknife_folds.clamp(1, train.len().max(1))
    } else {
        0
    };
    let (full_hist, fold_hist) = build_history(&train, hist_folds, &clusters);

    // Count features, then index those kept.
    let mut counts: HashIndex<u32> = HashIndex::default();
    let mut buf = Vec::new();
    // Per sentence: feature hashes and identity counts per token, labels.
    type Hashed = (Vec<Vec<u64>>, Vec<usize>, Vec<Label>);
    let mut hashed: Vec<Hashed> = Vec::new();
    let mut weights: Vec<f32> = Vec::new();
    for (k, s) in train.iter().enumerate() {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let mut infos = features::token_infos_with(&toks, &clusters);
        if folds > 0 {
            features::mark_gazetteer(&mut infos, &fold_gaz[k * folds / train.len()], gaz_max);
        }
        if hist_folds > 0 {
            let own = &fold_hist[k * hist_folds / train.len()];
            for t in infos.iter_mut() {
                let key = features::stem_key(t.stem());
                let mut c = full_hist.get(&key).copied().unwrap_or_default();
                if hist_folds > 1 {
                    let o = own.get(&key).copied().unwrap_or_default();
                    for (x, y) in c.iter_mut().zip(o) {
                        *x -= y;
                    }
                }
                t.hist = history_bits(&c);
            }
        }
        let mut per_tok = Vec::with_capacity(toks.len());
        let mut identity = Vec::with_capacity(toks.len());
        for i in 0..toks.len() {
            identity.push(features::features(&infos, &toks, i, config, &mut buf));
            if k >= n_main && opts.auxiliary_adapt {
                for j in 0..buf.len() {
                    let h = features::mix(buf[j] ^ AUX_SALT);
                    aux_copies.insert(h, ());
                    buf.push(h);
                }
            }
            for &h in &buf {
                *counts.entry(h).or_insert(0) += 1;
            }
            per_tok.push(buf.clone());
        }
        hashed.push((per_tok, identity, gold_labels(s)));
        weights.push(if k >= n_main {
            opts.auxiliary_weight
        } else {
            1.0
        });
    }
    let res = Resources {
        clusters,
        gaz: full_gaz,
        gaz_max,
        hist: full_hist
            .iter()
            .map(|(&k, c)| (k, history_bits(c)))
            .collect(),
    };
    if hashed.is_empty() {
        return Err(TaggerError::EmptyTraining);
    }
    let mut kept: Vec<u64> = counts
        .iter()
        .filter(|&(_, &c)| c >= opts.min_count)
        .map(|(&h, _)| h)
        .collect();
    kept.sort_unstable();
    drop(counts);
    let mut index: HashIndex<u32> =
        HashIndex::with_capacity_and_hasher(kept.len(), Default::default());
    for (i, h) in kept.iter().enumerate() {
        index.insert(*h, i as u32);
    }
    let to_idx =
        |fs: &[u64]| -> Vec<u32> { fs.iter().filter_map(|h| index.get(h).copied()).collect() };
    let data: Vec<Prepared> = hashed
        .into_iter()
        .zip(weights)
        .map(|((per_tok, identity, labels), weight)| Prepared {
            identity: per_tok
                .iter()
                .zip(&identity)
                .map(|(f, &k)| f[..k].iter().filter(|h| index.contains_key(h)).count())
                .collect(),
            feats: per_tok.iter().map(|f| to_idx(f)).collect(),
            gold: labels.iter().map(|l| l.index()).collect(),
            labels,
            weight,
        })
        .collect();
    let dev_data: Vec<Prepared> = dev
        .iter()
        .filter(|s| !s.tokens.is_empty())
        .map(|s| {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let infos = features::token_infos(&toks, &res);
            let feats = (0..toks.len())
                .map(|i| {
                    let _ = features::features(&infos, &toks, i, config, &mut buf);
                    to_idx(&buf)
                })
                .collect();
            let labels = gold_labels(s);
            Prepared {
                identity: vec![0; toks.len()],
                feats,
                gold: labels.iter().map(|l| l.index()).collect(),
                labels,
                weight: 1.0,
            }
        })
        .collect();

    let nf = kept.len();
    let runs = opts.ensemble.max(1);
    let mut sum_w = vec![0f32; nf * N_LABELS];
    let mut sum_t: Transitions = [[0.0; N_LABELS]; N_LABELS + 1];
    for run in 0..runs {
        let seed = opts.seed.wrapping_add(run as u64);
        let mut w = vec![0f32; nf * N_LABELS];
        let mut u = vec![0f64; nf * N_LABELS];
        let mut tw: Transitions = [[0.0; N_LABELS]; N_LABELS + 1];
        let mut tu = [[0f64; N_LABELS]; N_LABELS + 1];
        let mut c: f64 = 1.0;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng(features::mix(seed) | 1);
        let mut drop_rng = Rng(features::mix(seed ^ 0xd209) | 1);
        let drop_threshold =
            (f64::from(opts.word_dropout.clamp(0.0, 1.0)) * u64::MAX as f64) as u64;
        let mut kept_feats: Vec<Vec<u32>> = Vec::new();
        let mut best: Option<(f64, Vec<f32>, Transitions)> = None;

        let average = |w: &[f32],
                       u: &[f64],
                       tw: &Transitions,
                       tu: &[[f64; N_LABELS]; N_LABELS + 1],
                       c: f64| {
            let aw: Vec<f32> = w
                .iter()
                .zip(u)
                .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
                .collect();
            let mut at = *tw;
            for (row, urow) in at.iter_mut().zip(tu) {
                for (x, &uu) in row.iter_mut().zip(urow) {
                    *x = (f64::from(*x) - uu / c) as f32;
                }
            }
            (aw, at)
        };

        for epoch in 1..=opts.epochs.max(1) {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &k in &order {
                let s = &data[k];
                let feats: &[Vec<u32>] = if drop_threshold > 0 {
                    kept_feats.clear();
                    for (f, &id) in s.feats.iter().zip(&s.identity) {
                        let from = if drop_rng.next() < drop_threshold {
                            id
                        } else {
                            0
                        };
                        kept_feats.push(f[from..].to_vec());
                    }
                    &kept_feats
                } else {
                    &s.feats
                };
                let mut emit = emissions(feats, &w);
                if opts.margin > 0.0 {
                    for (row, &g) in emit.iter_mut().zip(&s.gold) {
                        for (y, x) in row.iter_mut().enumerate() {
                            if y != g {
                                *x += opts.margin;
                            }
                        }
                    }
                }
                let pred = viterbi(&emit, &tw);
                total += pred.len();
                if opts.crf_rate > 0.0 {
                    let lr = opts.crf_rate;
                    let (nodes, edges) = crf_marginals(&emit, &tw);
                    for (t, node) in nodes.iter().enumerate() {
                        for (y, &m) in node.iter().enumerate() {
                            let d = lr * (f32::from(u8::from(y == s.gold[t])) - m);
                            if d.abs() < 1e-4 * lr {
                                continue;
                            }
                            let dc = f64::from(d) * c;
                            for &f in &feats[t] {
                                let i = f as usize * N_LABELS + y;
                                w[i] += d;
                                u[i] += dc;
                            }
                        }
                    }
                    let mut gold_edges: Transitions = [[0.0; N_LABELS]; N_LABELS + 1];
                    for t in 0..s.gold.len() {
                        let gp = if t == 0 { N_LABELS } else { s.gold[t - 1] };
                        gold_edges[gp][s.gold[t]] += 1.0;
                    }
                    for p in 0..=N_LABELS {
                        for y in 0..N_LABELS {
                            let d = lr * (gold_edges[p][y] - edges[p][y]);
                            tw[p][y] += d;
                            tu[p][y] += f64::from(d) * c;
                        }
                    }
                } else if pred != s.gold {
                    let (a, ac) = (s.weight, f64::from(s.weight) * c);
                    for t in 0..pred.len() {
                        let (g, p) = (s.gold[t], pred[t]);
                        if g != p {
                            for &f in &feats[t] {
                                let base = f as usize * N_LABELS;
                                w[base + g] += a;
                                w[base + p] -= a;
                                u[base + g] += ac;
                                u[base + p] -= ac;
                            }
                        }
                        let gp = if t == 0 { N_LABELS } else { s.gold[t - 1] };
                        let pp = if t == 0 { N_LABELS } else { pred[t - 1] };
                        if gp != pp || g != p {
                            tw[gp][g] += a;
                            tu[gp][g] += ac;
                            tw[pp][p] -= a;
                            tu[pp][p] -= ac;
                        }
                    }
                }
                right += pred.iter().zip(&s.gold).filter(|(a, b)| a == b).count();
                c += 1.0;
            }
            let mut report = EpochReport {
                epoch,
                train_accuracy: right as f64 / total.max(1) as f64,
                dev: None,
                outside_penalty: None,
            };
            if !dev_data.is_empty() {
                let (aw, at) = average(&w, &u, &tw, &tu, c);
                let mut scores = Scores::default();
                for s in &dev_data {
                    let pred: Vec<Label> = viterbi(&emissions(&s.feats, &aw), &at)
                        .into_iter()
                        .map(Label::from_index)
                        .collect();
                    scores.add(&s.labels, &pred);
                }
                let f1 = scores.micro().f1();
                if opts.keep_best && best.as_ref().is_none_or(|b| f1 > b.0) {
                    best = Some((f1, aw, at));
                }
                report.dev = Some(scores);
            }
            progress(&report);
        }
        let (aw, at) = match best {
            Some((_, aw, at)) => (aw, at),
            None => average(&w, &u, &tw, &tu, c),
        };
        for (s, x) in sum_w.iter_mut().zip(&aw) {
            *s += x / runs as f32;
        }
        for (srow, row) in sum_t.iter_mut().zip(&at) {
            for (s, x) in srow.iter_mut().zip(row) {
                *s += x / runs as f32;
            }
        }
    }
    let (aw, mut at) = (sum_w, sum_t);
    let score_dev = |at: &Transitions| {
        let mut scores = Scores::default();
        for s in &dev_data {
            let pred: Vec<Label> = viterbi(&emissions(&s.feats, &aw), at)
                .into_iter()
                .map(Label::from_index)
                .collect();
            scores.add(&s.labels, &pred);
        }
        scores
    };
    let penalty = match opts.outside_penalty {
        Some(p) => p,
        None if dev_data.is_empty() => 0.0,
        None => {
            let mut best = (f64::NEG_INFINITY, 0.0f32, Scores::default());
            for p in [0.0f32, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0] {
                let scores = score_dev(&with_penalty(at, p));
                let f1 = scores.micro().f1();
                if f1 > best.0 {
                    best = (f1, p, scores);
                }
            }
            progress(&EpochReport {
                epoch: opts.epochs,
                train_accuracy: 0.0,
                dev: Some(best.2),
                outside_penalty: Some(best.1),
            });
            best.1
        }
    };
    at = with_penalty(at, penalty);
    // The auxiliary-only copies never fire when tagging: drop them.
    let mut aw = aw;
    for (i, h) in kept.iter().enumerate() {
        if aux_copies.contains_key(h) {
            aw[i * N_LABELS..(i + 1) * N_LABELS].fill(0.0);
        }
    }
    Ok(quantize(config, &kept, &aw, at, res, opts.notice.clone()))
}

/// Salt of the auxiliary-only feature copies.
const AUX_SALT: u64 = 0xa0c5_11a7_d0e1_a1b2;

/// Subtracts `p` from every transition into `O`, which is the same as
/// subtracting it from the `O` emission of every token.
fn with_penalty(mut t: Transitions, p: f32) -> Transitions {
    for row in t.iter_mut() {
        row[0] -= p;
    }
    t
}

/// Builds the compact model: weights scaled to `i16`, features whose
/// weights all round to zero dropped.
fn quantize(
    config: u32,
    keys: &[u64],
    w: &[f32],
    trans: Transitions,
    res: Resources,
    notice: String,
) -> Tagger {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let mut index = HashIndex::default();
    let mut weights = Vec::new();
    for (i, &k) in keys.iter().enumerate() {
        let row = &w[i * N_LABELS..(i + 1) * N_LABELS];
        let q: Vec<i16> = row.iter().map(|x| (x / scale).round() as i16).collect();
        if q.iter().any(|&x| x != 0) {
            index.insert(k, (weights.len() / N_LABELS) as u32);
            weights.extend(q);
        }
    }
    Tagger {
        config,
        scale,
        index,
        weights,
        trans,
        res,
        notice,
    }
}

/// Counts of a stem's labels in training: O, PERS, LOC, ORG, MISC.
type LabelCounts = [u32; 5];

/// The history bits of label counts (see `TokenInfo::hist`).
fn history_bits(c: &LabelCounts) -> u32 {
    let mut bits = 0;
    for (i, &n) in c.iter().enumerate() {
        if n > 0 {
            bits |= 1 << i;
        }
    }
    if bits == 0 {
        return 0;
    }
    bits | features::freq_class(c.iter().sum()) << 8
}

/// Label counts of every stem of the training data, in all and per fold
/// (contiguous folds, as for the gazetteer).
fn build_history(
    train: &[&Sentence],
    folds: usize,
    clusters: &HashIndex<u32>,
) -> (HashIndex<LabelCounts>, Vec<HashIndex<LabelCounts>>) {
    let mut full: HashIndex<LabelCounts> = HashIndex::default();
    let mut per_fold: Vec<HashIndex<LabelCounts>> = vec![HashIndex::default(); folds];
    if folds == 0 {
        return (full, per_fold);
    }
    for (k, s) in train.iter().enumerate() {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let infos = features::token_infos_with(&toks, clusters);
        for (t, l) in infos.iter().zip(gold_labels(s)) {
            let cls = match l {
                Label::Outside => 0,
                Label::Begin(ty) | Label::Inside(ty) => 1 + Label::Begin(ty).index() / 2,
            };
            let key = features::stem_key(t.stem());
            full.entry(key).or_default()[cls] += 1;
            per_fold[k * folds / train.len()].entry(key).or_default()[cls] += 1;
        }
    }
    (full, per_fold)
}

type Gazetteers = (Vec<HashIndex<u32>>, HashIndex<u32>, usize);

/// Builds the gazetteer of the final model and, for the jackknife, one per
/// fold of the training data (lexicon phrases plus the entities of the
/// other folds).
fn build_gazetteers(
    train: &[&Sentence],
    opts: &TrainOptions,
    clusters: &HashIndex<u32>,
) -> Result<Gazetteers, TaggerError> {
    let stems_key = |words: &[&str]| {
        let infos = features::token_infos_with(words, clusters);
        features::phrase_key(infos.iter().map(|t| t.stem()))
    };
    let mut categories: Vec<&str> = opts.gazetteer.iter().map(|(_, c)| c.as_str()).collect();
    categories.sort_unstable();
    categories.dedup();
    if categories.len() > 28 {
        return Err(TaggerError::Model(format!(
            "{} gazetteer categories, at most 28",
            categories.len()
        )));
    }
    let mut lex: HashIndex<u32> = HashIndex::default();
    let mut max = 1;
    for (phrase, cat) in &opts.gazetteer {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 {
            continue;
        }
        max = max.max(words.len());
        let bit = 4 + categories.binary_search(&cat.as_str()).unwrap_or(0);
        *lex.entry(stems_key(&words)).or_insert(0) |= 1 << bit;
    }
    let k = opts.jackknife_folds.min(train.len());
    let mut per_fold: Vec<HashIndex<u32>> = vec![HashIndex::default(); k.max(1)];
    if k > 0 {
        for (i, s) in train.iter().enumerate() {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let infos = features::token_infos_with(&toks, clusters);
            for c in chunks(&gold_labels(s)) {
                if c.end - c.start > 8 {
                    continue;
                }
                max = max.max(c.end - c.start);
                let key = features::phrase_key(infos[c.start..c.end].iter().map(|t| t.stem()));
                let bit = Label::Begin(c.ty).index() / 2;
                *per_fold[i * k / train.len()].entry(key).or_insert(0) |= 1 << bit;
            }
        }
    }
    let merge = |skip: Option<usize>| {
        let mut m = lex.clone();
        for (f, map) in per_fold.iter().enumerate() {
            if Some(f) != skip {
                // Bitwise OR into a map: the visiting order cannot matter.
                #[allow(clippy::iter_over_hash_type)]
                for (&key, &bits) in map {
                    *m.entry(key).or_insert(0) |= bits;
                }
            }
        }
        m
    };
    let full = merge(None);
    let folds: Vec<HashIndex<u32>> = if k > 0 {
        (0..k).map(|f| merge(Some(f))).collect()
    } else {
        vec![lex.clone()]
    };
    Ok((folds, full, max.min(8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_deterministic() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        Rng(7).shuffle(&mut a);
        Rng(7).shuffle(&mut b);
        assert_eq!(a, b);
        let mut s = a.clone();
        s.sort_unstable();
        assert_eq!(s, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn empty_training_is_an_error() {
        let r = train(&[], &[], &TrainOptions::default(), |_| {});
        assert!(matches!(r, Err(TaggerError::EmptyTraining)));
    }

    #[test]
    fn auxiliary_copies_are_dropped_and_training_stays_deterministic() {
        let sent = |toks: &[&str], tags: &[&str]| Sentence {
            tokens: toks.iter().map(|t| (*t).to_owned()).collect(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        };
        let main = vec![
            sent(&["زار", "ماكرون", "باريس"], &["O", "B-PERS", "B-LOC"]),
            sent(
                &["وصل", "ماكرون", "الى", "باريس"],
                &["O", "B-PERS", "O", "B-LOC"],
            ),
        ];
        let aux = vec![sent(&["زار", "شولتس", "برلين"], &["O", "B-PERS", "B-LOC"])];
        let opts = TrainOptions {
            auxiliary: aux,
            auxiliary_adapt: true,
            jackknife_folds: 0,
            ..TrainOptions::default()
        };
        let a = train(&main, &[], &opts, |_| {}).expect("trains");
        let b = train(&main, &[], &opts, |_| {}).expect("trains");
        assert_eq!(a.to_bytes(), b.to_bytes());
        // No auxiliary-only copy is left in the model.
        let mut buf = Vec::new();
        let mut copies = 0;
        for s in main.iter().chain(&opts.auxiliary) {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let infos = features::token_infos(&toks, &a.res);
            for i in 0..toks.len() {
                let _ = features::features(&infos, &toks, i, a.config, &mut buf);
                for &h in &buf {
                    copies += 1;
                    assert!(!a.index.contains_key(&features::mix(h ^ AUX_SALT)));
                }
            }
        }
        assert!(copies > 0);
        let labels = a.tag(&["زار", "ماكرون", "باريس"]);
        assert_eq!(labels[1], Label::Begin(crate::label::EntityType::Pers));
    }

    #[test]
    fn unknown_group_is_an_error() {
        let s = Sentence {
            tokens: vec!["a".into()],
            tags: vec!["O".into()],
        };
        let opts = TrainOptions {
            feature_groups: Some(vec!["nope".into()]),
            ..TrainOptions::default()
        };
        assert!(train(&[s], &[], &opts, |_| {}).is_err());
    }
}
