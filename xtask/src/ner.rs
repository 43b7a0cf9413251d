//! `cargo xtask train-ner` and `cargo xtask bench-ner`.

use akhbar_tagger::{EntityType, Label, Scores, Sentence, Tagger, TrainOptions, read_conll};
use anyhow::{Context, bail};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `cargo xtask train-ner`.
#[derive(clap::Args)]
pub(crate) struct TrainArgs {
    /// Training file(s): `TOKEN TAG` per line, blank line between sentences.
    #[arg(long, required = true, num_args = 1..)]
    train: Vec<PathBuf>,
    /// Dev file: scored after every epoch; the best epoch is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Hold out the last PERCENT of the training sentences as the dev set
    /// (a deterministic carve-out for tuning without touching test data).
    #[arg(long, conflicts_with = "dev")]
    dev_tail: Option<u32>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 0x5eed)]
    seed: u64,
    /// Comma-separated feature groups, out of window2, affix, stem, shape,
    /// bigram, cluster, position, naffix, gazetteer, chars, chars4, alt, history
    /// (default: those of the committed model,
    /// affix,stem,shape,position,gazetteer,chars,window2,alt,history, plus
    /// cluster with `--clusters` or `--unlabeled`).
    #[arg(long, value_delimiter = ',')]
    features: Option<Vec<String>>,
    /// Drop features seen fewer times in training.
    #[arg(long, default_value_t = 1)]
    min_count: u32,
    /// Word clusters: `WORD<TAB>COARSE<TAB>FINE` per line.
    #[arg(long, conflicts_with = "unlabeled")]
    clusters: Option<PathBuf>,
    /// Raw text files to learn word clusters from (together with the
    /// training tokens); the clusters are stored in the model.
    #[arg(long, num_args = 1..)]
    unlabeled: Vec<PathBuf>,
    /// Number of coarse and fine clusters.
    #[arg(long, value_delimiter = ',', default_values_t = [64usize, 512])]
    cluster_k: Vec<usize>,
    /// Also write the learned clusters to this file.
    #[arg(long)]
    write_clusters: Option<PathBuf>,
    /// Gazetteer files or directories (`*.tsv`, `*.txt`; category = file
    /// name): first column and `|`-separated forms of the second become
    /// phrases; a `countries.tsv` third column gives nationality stems.
    #[arg(long, num_args = 1..)]
    gazetteer: Vec<PathBuf>,
    /// Folds for the jackknifed gazetteer of training entities (0 = off).
    #[arg(long, default_value_t = 10)]
    jackknife: usize,
    /// Cost of the `O` label per token (trades precision for recall);
    /// default: chosen on the dev set when there is one, else 4 (the value
    /// dev runs chose for the committed model).
    #[arg(long)]
    outside_penalty: Option<f32>,
    /// Margin of the cost-augmented perceptron updates (0 = plain).
    #[arg(long, default_value_t = 0.0)]
    margin: f32,
    /// Word dropout: probability that a training token loses its word
    /// identity features in an epoch (helps unseen names; 0 = off).
    #[arg(long, default_value_t = 0.0)]
    word_dropout: f32,
    /// Perceptrons trained with different shuffles, weights averaged.
    #[arg(long, default_value_t = 4)]
    ensemble: usize,
    /// Train a CRF by averaged SGD with this step size instead of the
    /// perceptron (0 = perceptron).
    #[arg(long, default_value_t = 0.0)]
    crf_rate: f32,
    /// Auxiliary training files (`TOKEN TAG` per line): another domain or
    /// annotation, see `--aux-weight` and `--aux-adapt`.
    #[arg(long, num_args = 1..)]
    aux: Vec<PathBuf>,
    /// WikiFANE Gold (`WikiFANE_Gold_2014_500K.txt`, Arabic Wikipedia,
    /// CC BY-SA 3.0) as auxiliary training data: its 50 classes mapped to
    /// PERS, ORG, LOC (GPE, LOC, FAC) and MISC (vehicles, weapons,
    /// products), its segmented clitics joined back.
    #[arg(long)]
    aux_wikifane: Option<PathBuf>,
    /// Size of a perceptron update on an auxiliary sentence.
    #[arg(long, default_value_t = 1.0)]
    aux_weight: f32,
    /// Auxiliary sentences also fire auxiliary-only feature copies
    /// (feature augmentation), dropped from the model.
    #[arg(long)]
    aux_adapt: bool,
    /// Where to write the model (a `LICENSE.md` is written beside it).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Arguments of `cargo xtask bench-ner`.
#[derive(clap::Args)]
pub(crate) struct BenchArgs {
    /// Test files or directories (every `*.txt` inside, sorted). Tags are
    /// read leniently: `PER`→PERS, `MIS0`…`MIS3`→MISC, stray tags → O.
    #[arg(long, required = true, num_args = 1..)]
    test: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Model file (default: the model built into akhbar-tagger).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Score without MISC (its meaning differs across corpora).
    #[arg(long)]
    no_misc: bool,
    /// Tag the test sentences as one running document
    /// (`Tagger::tag_document`: labels made consistent across
    /// neighbouring sentences) instead of one sentence at a time.
    #[arg(long)]
    document: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Json,
}

const LICENSE: &str = "\
# License of the NER model file

`ner.akm` is a statistical model (feature weights) trained on ANERcorp, so it is
derived data and is distributed under the license of that data:

**Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)**,
https://creativecommons.org/licenses/by-sa/4.0/

Any redistribution or adaptation of this model file must keep this notice and
stay under CC BY-SA 4.0 (or a compatible license). The source code of akhbar is
licensed separately (MIT OR Apache-2.0); this notice covers the model file only.

## Attribution
- Training data: ANERcorp, Y. Benajiba, P. Rosso, J. M. Benedí Ruiz. \"ANERsys: An
  Arabic Named Entity Recognition System Based on Maximum Entropy.\" CICLing 2007,
  LNCS 4394, pp. 143–153.
- Train/test split: CAMeL Lab (NYU Abu Dhabi), O. Obeid et al. \"CAMeL Tools: An Open
  Source Python Toolkit for Arabic NLP.\" LREC 2020, pp. 7022–7032.
- License of the data: CC BY-SA 4.0 (as recorded by QCRI's LLMeBench metadata and the
  HF dataset card asas-ai/ANERCorp).

## Other material in the model
When trained with `--gazetteer`, the model also holds hashed gazetteer phrases:
- akhbar's own lexicons (`crates/akhbar-extract/data`), under the project's license;
- `crates/akhbar-tagger/gazetteer/wd_*.txt`: person-name lists from Wikidata (CC0 1.0)
  via the `arabic-name-romanizer` 0.2.0 index (MIT; DziriNames rows MIT, (c) 2026
  Yacine Benakmoume);
- `crates/akhbar-tagger/gazetteer/wk_*.txt`: place, sports-club and person names (Arabic
  Wikipedia titles, CC BY-SA 4.0) from ArWikiCats (MIT, Ibrahim Qasim);
see `crates/akhbar-tagger/gazetteer/SOURCE.md`.
When trained with `--aux-wikifane`, the weights are also learned from WikiFANE Gold
(`WikiFANE_Gold_2014_500K.txt`, about 490,000 tokens of Arabic Wikipedia annotated with
fine-grained named entities): F. Alotaibi and M. Lee. \"A Hybrid Approach to Features
Representation for Fine-grained Arabic Named Entity Recognition.\" COLING 2014.
License: CC BY-SA 3.0 Unported, which lets adaptations be shared under a later version
with the same license elements, here CC BY-SA 4.0. The model then holds no WikiFANE
text, only feature weights, and its entities and word label counts as hashes.
When trained with `--unlabeled`, it holds word clusters learned from that text; the
committed model has none.

The model was trained on the CAMeL Lab train split only (no test data; with WikiFANE Gold
as auxiliary data) by
`cargo xtask train-ner`; see crates/akhbar-tagger/README.md for the command.
";

/// The license and attribution stored inside the model file.
const NOTICE: &str = "akhbar NER model, trained on ANERcorp (Benajiba et al. 2007; CAMeL Lab \
train split, Obeid et al. 2020). Derived data: CC BY-SA 4.0, \
https://creativecommons.org/licenses/by-sa/4.0/";

fn read_file(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let f =
        std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    read_conll(BufReader::new(f)).with_context(|| format!("{}", path.display()))
}

fn read_paths(paths: &[PathBuf]) -> anyhow::Result<Vec<Sentence>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("{}: cannot list", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            if files.is_empty() {
                bail!("{}: no *.txt file", p.display());
            }
            for f in files {
                out.extend(read_file(&f)?);
            }
        } else {
            out.extend(read_file(p)?);
        }
    }
    Ok(out)
}

fn read_clusters(path: &Path) -> anyhow::Result<Vec<(String, u32)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [w, coarse, fine] = cols[..] else {
            bail!(
                "{}:{}: expected WORD<TAB>COARSE<TAB>FINE",
                path.display(),
                i + 1
            );
        };
        let c: u32 = coarse
            .parse()
            .with_context(|| format!("{}:{}: bad coarse id", path.display(), i + 1))?;
        let f: u32 = fine
            .parse()
            .with_context(|| format!("{}:{}: bad fine id", path.display(), i + 1))?;
        out.push((w.to_owned(), (c << 16) | (f & 0xffff)));
    }
    Ok(out)
}

fn read_gazetteers(paths: &[PathBuf]) -> anyhow::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("{}: cannot list", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "tsv" || x == "txt"))
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(p.clone());
        }
    }
    let mut out = Vec::new();
    for f in files {
        let cat = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text =
            std::fs::read_to_string(&f).with_context(|| format!("{}: cannot read", f.display()))?;
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let mut push = |phrase: &str, cat: &str| {
                let phrase = phrase.trim();
                if !phrase.is_empty() {
                    out.push((phrase.to_owned(), cat.to_owned()));
                }
            };
            push(cols[0], &cat);
            // The second column holds other forms, unless it is a plain
            // ASCII kind word (`open`, `honorific`…).
            if let Some(forms) = cols.get(1).filter(|f| !f.is_ascii()) {
                for form in forms.split('|') {
                    push(form, &cat);
                }
            }
            if let Some(stems) = cols.get(2).filter(|_| cat == "countries") {
                for stem in stems.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                    for suffix in ["", "ة", "ون", "ين", "ان", "تان"] {
                        push(&format!("{stem}{suffix}"), "nationality");
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Splits raw text into sentences of tokens, punctuation apart (as in
/// ANERcorp).
fn tokenize_text(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let is_punct =
        |c: char| !c.is_alphanumeric() && !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}');
    for line in text.lines() {
        for word in line.split_whitespace() {
            let mut w = word;
            let mut tail = Vec::new();
            while let Some(c) = w.chars().next().filter(|&c| is_punct(c)) {
                cur.push(c.to_string());
                w = &w[c.len_utf8()..];
            }
            while let Some(c) = w.chars().next_back().filter(|&c| is_punct(c)) {
                tail.push(c.to_string());
                w = &w[..w.len() - c.len_utf8()];
            }
            if !w.is_empty() {
                cur.push(w.to_owned());
            }
            for t in tail.into_iter().rev() {
                let end = matches!(t.as_str(), "." | "!" | "?" | "؟");
                cur.push(t);
                if end {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    out
}

fn learn_clusters(args: &TrainArgs, train: &[Sentence]) -> anyhow::Result<Vec<(String, u32)>> {
    let mut sents: Vec<Vec<String>> = train.iter().map(|s| s.tokens.clone()).collect();
    for p in &args.unlabeled {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
        sents.extend(tokenize_text(&text));
    }
    let [coarse, fine] = args.cluster_k[..] else {
        bail!("--cluster-k wants two numbers: COARSE,FINE");
    };
    let start = Instant::now();
    let n_tokens: usize = sents.iter().map(Vec::len).sum();
    let opts = akhbar_tagger::ClusterOptions {
        coarse,
        fine,
        ..akhbar_tagger::ClusterOptions::default()
    };
    let clusters = akhbar_tagger::induce_clusters(&sents, &opts);
    eprintln!(
        "clusters: {} words from {n_tokens} tokens in {:.1}s",
        clusters.len(),
        start.elapsed().as_secs_f64()
    );
    if let Some(out) = &args.write_clusters {
        let mut text =
            String::from("# word (normalized)\tcoarse\tfine; written by cargo xtask train-ner\n");
        for (w, id) in &clusters {
            text.push_str(&format!("{w}\t{}\t{}\n", id >> 16, id & 0xffff));
        }
        std::fs::write(out, text).with_context(|| format!("{}: cannot write", out.display()))?;
    }
    Ok(clusters)
}

/// Trains the tagger.
pub(crate) fn train(args: TrainArgs) -> anyhow::Result<()> {
    let mut train = read_paths(&args.train)?;
    let dev = match (&args.dev, args.dev_tail) {
        (Some(p), _) => read_file(p)?,
        (None, Some(pct)) => {
            if pct == 0 || pct >= 100 {
                bail!("--dev-tail must be between 1 and 99");
            }
            let keep = train.len() - train.len() * pct as usize / 100;
            train.split_off(keep)
        }
        (None, None) => Vec::new(),
    };
    let clusters = match &args.clusters {
        Some(p) => read_clusters(p)?,
        None if !args.unlabeled.is_empty() => learn_clusters(&args, &train)?,
        None => Vec::new(),
    };
    let gazetteer = read_gazetteers(&args.gazetteer)?;
    let mut auxiliary = read_paths(&args.aux)?;
    if let Some(p) = &args.aux_wikifane {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
        auxiliary.extend(crate::wikifane::parse(&text));
    }
    let aux_tokens: usize = auxiliary.iter().map(|s| s.tokens.len()).sum();
    if !auxiliary.is_empty() {
        eprintln!(
            "auxiliary: {} sentences, {aux_tokens} tokens",
            auxiliary.len()
        );
    }
    let feature_groups = args.features.clone().or_else(|| {
        let mut groups = vec![
            "affix",
            "stem",
            "shape",
            "position",
            "gazetteer",
            "chars",
            "window2",
            "alt",
            "history",
        ];
        if !clusters.is_empty() {
            groups.push("cluster");
        }
        Some(groups.into_iter().map(String::from).collect())
    });
    let n_tokens: usize = train.iter().map(|s| s.tokens.len()).sum();
    let dev_tokens: usize = dev.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "train: {} sentences, {n_tokens} tokens; dev: {} sentences, {dev_tokens} tokens; {} gazetteer phrases; features: {}",
        train.len(),
        dev.len(),
        gazetteer.len(),
        feature_groups.as_deref().unwrap_or_default().join(",")
    );
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        feature_groups,
        min_count: args.min_count,
        clusters,
        gazetteer,
        jackknife_folds: args.jackknife,
        keep_best: true,
        margin: args.margin,
        word_dropout: args.word_dropout,
        ensemble: args.ensemble,
        crf_rate: args.crf_rate,
        outside_penalty: args
            .outside_penalty
            .or(if dev.is_empty() { Some(4.0) } else { None }),
        notice: if args.aux_wikifane.is_some() {
            format!("{NOTICE}; also trained on WikiFANE Gold (Alotaibi and Lee 2014, CC BY-SA 3.0)")
        } else {
            NOTICE.to_owned()
        },
        auxiliary,
        auxiliary_weight: args.aux_weight,
        auxiliary_adapt: args.aux_adapt,
    };
    let start = Instant::now();
    let tagger = akhbar_tagger::train(&train, &dev, &opts, |r| match &r.dev {
        Some(s) if r.outside_penalty.is_some() => {
            let m = s.micro();
            eprintln!(
                "O penalty {:.1} chosen on dev: P {:.4} R {:.4} F1 {:.4}",
                r.outside_penalty.unwrap_or(0.0),
                m.precision(),
                m.recall(),
                m.f1()
            );
        }
        Some(s) => {
            let m = s.micro();
            eprintln!(
                "epoch {:>2}  train acc {:.4}  dev P {:.4} R {:.4} F1 {:.4}  ({:.1}s)",
                r.epoch,
                r.train_accuracy,
                m.precision(),
                m.recall(),
                m.f1(),
                start.elapsed().as_secs_f64()
            );
        }
        None => eprintln!(
            "epoch {:>2}  train acc {:.4}  ({:.1}s)",
            r.epoch,
            r.train_accuracy,
            start.elapsed().as_secs_f64()
        ),
    })?;
    let out = args
        .out
        .unwrap_or_else(|| crate::project_root().join("crates/akhbar-tagger/model/ner.akm"));
    let bytes = tagger.to_bytes();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
        let lic = dir.join("LICENSE.md");
        std::fs::write(&lic, LICENSE)
            .with_context(|| format!("{}: cannot write", lic.display()))?;
    }
    std::fs::write(&out, &bytes).with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!(
        "wrote {} ({} features, {:.2} MB)",
        out.display(),
        tagger.n_features(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

fn load_model(
    path: Option<&Path>,
) -> anyhow::Result<(std::borrow::Cow<'static, Tagger>, f64, usize)> {
    match path {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            let start = Instant::now();
            let t = Tagger::from_bytes(&bytes).with_context(|| format!("{}", p.display()))?;
            Ok((
                std::borrow::Cow::Owned(t),
                start.elapsed().as_secs_f64(),
                bytes.len(),
            ))
        }
        None => {
            let start = Instant::now();
            let t = Tagger::builtin()
                .context("this build has no built-in NER model (run cargo xtask train-ner)")?;
            let secs = start.elapsed().as_secs_f64();
            let size = t.to_bytes().len();
            Ok((std::borrow::Cow::Borrowed(t), secs, size))
        }
    }
}

/// Benchmarks the tagger.
pub(crate) fn bench(args: BenchArgs) -> anyhow::Result<()> {
    let test = read_paths(&args.test)?;
    let (tagger, load_secs, model_bytes) = load_model(args.model.as_deref())?;
    let sents: Vec<Vec<&str>> = test
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let n_tokens: usize = sents.iter().map(Vec::len).sum();
    // Best of three timed passes, one thread.
    let mut best = f64::INFINITY;
    let mut preds = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        preds = if args.document {
            tagger.tag_document(&sents)
        } else {
            sents.iter().map(|s| tagger.tag(s)).collect::<Vec<_>>()
        };
        best = best.min(start.elapsed().as_secs_f64());
    }
    let tokens_per_s = n_tokens as f64 / best.max(1e-9);
    let mut scores = Scores::default();
    for (s, p) in test.iter().zip(&preds) {
        let gold: Vec<Label> = s.tags.iter().map(|t| Label::parse_lenient(t)).collect();
        scores.add(&gold, p);
    }
    if args.no_misc {
        scores = scores.without(EntityType::Misc);
    }
    let types: Vec<EntityType> = EntityType::ALL
        .into_iter()
        .filter(|t| !(args.no_misc && *t == EntityType::Misc))
        .collect();
    match args.format {
        Format::Json => {
            let prf = |c: akhbar_tagger::Counts| serde_json::json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1()});
            let mut per_type = serde_json::Map::new();
            for t in &types {
                let c = scores.per_type().get(t).copied().unwrap_or_default();
                per_type.insert(t.as_str().to_owned(), prf(c));
            }
            let v = serde_json::json!({
                "micro": prf(scores.micro()),
                "per_type": per_type,
                "tokens_per_s": tokens_per_s.round() as u64,
            });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        Format::Table => {
            let mut table = comfy_table::Table::new();
            table.set_header(vec![
                "type",
                "precision",
                "recall",
                "F1",
                "gold",
                "predicted",
                "correct",
            ]);
            let row = |name: &str, c: akhbar_tagger::Counts| {
                vec![
                    name.to_owned(),
                    format!("{:.4}", c.precision()),
                    format!("{:.4}", c.recall()),
                    format!("{:.4}", c.f1()),
                    c.gold.to_string(),
                    c.predicted.to_string(),
                    c.correct.to_string(),
                ]
            };
            for t in &types {
                table.add_row(row(
                    t.as_str(),
                    scores.per_type().get(t).copied().unwrap_or_default(),
                ));
            }
            table.add_row(row("micro", scores.micro()));
            println!("{table}");
            println!(
                "{} sentences, {n_tokens} tokens; {:.0} tokens/s (one core, best of 3); model {:.2} MB, {} features, loaded in {:.1} ms",
                test.len(),
                tokens_per_s,
                model_bytes as f64 / 1e6,
                tagger.n_features(),
                load_secs * 1e3
            );
        }
    }
    Ok(())
}
