//! A compact sequence tagger for Arabic named entities (PERS, LOC, ORG,
//! MISC in IOB2, the ANERcorp scheme).
//!
//! The model is an averaged structured perceptron over hashed sparse
//! features (word and neighbours, normalized form, clitic-stripped stem,
//! article, affixes, character trigrams, shape, sentence position,
//! gazetteer matches) with first-order label transitions and
//! IOB2-constrained Viterbi decoding (the committed model averages four
//! perceptrons trained with different shuffles into one weight vector).
//! [`Tagger::tag_document`] also makes labels consistent across the
//! sentences of a document. A model trained on ANERcorp is built
//! into the library (see [`Tagger::builtin`]); it is derived from CC BY-SA
//! 4.0 data, see `model/LICENSE.md`. The crate's README gives the figures.
//!
//! ```
//! use akhbar_tagger::{Label, Tagger};
//!
//! if let Some(tagger) = Tagger::builtin() {
//!     let tokens = ["وقال", "الرئيس", "الفرنسي", "ايمانويل", "ماكرون", "في", "باريس"];
//!     let labels: Vec<Label> = tagger.tag(&tokens);
//!     assert_eq!(labels.len(), tokens.len());
//!     for (t, l) in tokens.iter().zip(&labels) {
//!         println!("{t} {l}");
//!     }
//! }
//! ```
#![deny(missing_docs)]

mod clusters;
mod conll;
mod error;
mod features;
mod label;
mod model;
mod score;
mod train;

pub use clusters::{ClusterOptions, induce_clusters};
pub use conll::{Sentence, read_conll, tag_conll};
pub use error::TaggerError;
pub use label::{EntityType, Label, repair_iob2};
pub use model::Tagger;
pub use score::{Chunk, Counts, Scores, chunks};
pub use train::{EpochReport, TrainOptions, feature_group_names, train};

use std::sync::LazyLock;

/// The model file built into the library (empty when none was trained).
static BUILTIN_BYTES: &[u8] = include_bytes!("../model/ner.akm");

static BUILTIN: LazyLock<Option<Tagger>> = LazyLock::new(|| Tagger::from_bytes(BUILTIN_BYTES).ok());

impl Tagger {
    /// The model committed in `crates/akhbar-tagger/model/ner.akm`, loaded
    /// once on first use. `None` only if this build carries no valid model.
    pub fn builtin() -> Option<&'static Tagger> {
        BUILTIN.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = include_str!("../tests/fixtures/tiny_train.conll");

    fn tiny_model() -> Tagger {
        let data = read_conll(TINY.as_bytes()).unwrap();
        let opts = TrainOptions {
            epochs: 15,
            notice: "test notice".into(),
            ..TrainOptions::default()
        };
        train(&data, &[], &opts, |_| {}).unwrap()
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
        check::<TaggerError>();
        check::<Scores>();
    }

    #[test]
    fn tiny_training_learns_the_sample() {
        let data = read_conll(TINY.as_bytes()).unwrap();
        let tagger = tiny_model();
        let mut scores = Scores::default();
        for s in &data {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let gold: Vec<Label> = s.tags.iter().map(|t| Label::parse_lenient(t)).collect();
            scores.add(&gold, &tagger.tag(&toks));
        }
        assert!(scores.micro().f1() > 0.9, "{:?}", scores.micro());
        // Generalizes the context "قال <name>" to an unseen name.
        let l = tagger.tag(&["وقال", "سمير", "إن", "الوزارة", "تعمل"]);
        assert_eq!(l[0], Label::Outside);
        assert_eq!(l[1], Label::Begin(EntityType::Pers));
    }

    #[test]
    fn training_is_deterministic() {
        assert_eq!(tiny_model().to_bytes(), tiny_model().to_bytes());
    }

    #[test]
    fn training_options_are_deterministic() {
        let data = read_conll(TINY.as_bytes()).unwrap();
        let opts = TrainOptions {
            epochs: 4,
            word_dropout: 0.3,
            ensemble: 2,
            feature_groups: Some(
                feature_group_names()
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            ),
            ..TrainOptions::default()
        };
        let a = train(&data, &data[..3], &opts, |_| {}).unwrap().to_bytes();
        let b = train(&data, &data[..3], &opts, |_| {}).unwrap().to_bytes();
        assert_eq!(a, b);
        let crf = TrainOptions {
            crf_rate: 0.1,
            ..opts
        };
        let t = train(&data, &[], &crf, |_| {}).unwrap();
        let toks = ["زار", "كريم", "الرباط"];
        assert_eq!(t.tag(&toks).len(), 3);
    }

    #[test]
    fn tag_document_keeps_sentence_lengths() {
        let tagger = tiny_model();
        let doc = [vec!["قال", "محمد"], vec![], vec!["محمد", "في", "الرباط"]];
        let labels = tagger.tag_document(&doc);
        assert_eq!(labels.iter().map(Vec::len).collect::<Vec<_>>(), [2, 0, 3]);
        for l in &labels {
            let mut r = l.clone();
            repair_iob2(&mut r);
            assert_eq!(&r, l);
        }
    }

    #[test]
    fn model_round_trips_through_bytes() {
        let tagger = tiny_model();
        let bytes = tagger.to_bytes();
        let back = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.notice(), "test notice");
        let toks = ["زار", "كريم", "الرباط", "أمس"];
        assert_eq!(back.tag(&toks), tagger.tag(&toks));
        // Any truncation is an error, not a panic.
        for cut in [0, 1, 8, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(Tagger::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let tagger = tiny_model();
        assert!(tagger.tag(&[]).is_empty());
        let odd = [
            "",
            " ",
            "\u{200F}",
            "ـ",
            "ً",
            "١٢٣",
            "x".repeat(500).leak(),
            "🙂",
            "\0",
        ];
        assert_eq!(tagger.tag(&odd).len(), odd.len());
        let c = tagger.tag_with_confidence(&odd);
        assert!(c.iter().all(|(_, p)| (0.0..=1.0).contains(p)));
    }

    #[test]
    fn tag_conll_keeps_blank_lines() {
        let tagger = tiny_model();
        let input = "قال\nمحمد\n\n\nفي\tX\nالرباط\n";
        let mut out = Vec::new();
        tagger.tag_conll(input.as_bytes(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[2], "");
        assert_eq!(lines[3], "");
        assert!(lines[0].starts_with("قال "));
        assert!(lines[4].starts_with("في "));
        for l in lines.iter().filter(|l| !l.is_empty()) {
            let tag = l.rsplit(' ').next().unwrap();
            assert_eq!(Label::parse_lenient(tag).to_string(), tag);
        }
    }

    #[test]
    fn builtin_model_loads_when_present() {
        if BUILTIN_BYTES.is_empty() {
            assert!(Tagger::builtin().is_none());
        } else {
            let t = Tagger::builtin().expect("committed model must load");
            assert!(t.n_features() > 0);
            assert!(t.notice().contains("CC BY-SA 4.0"));
            let toks = [
                "وقال",
                "الرئيس",
                "المصري",
                "حسني",
                "مبارك",
                "في",
                "القاهرة",
                "امس",
            ];
            let got: Vec<String> = t.tag(&toks).iter().map(Label::to_string).collect();
            assert_eq!(got, ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]);
        }
    }

    mod prop {
        use super::super::*;
        use proptest::prelude::*;
        use std::sync::LazyLock;

        static TINY_MODEL: LazyLock<Tagger> = LazyLock::new(super::tiny_model);

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn tagging_any_tokens_gives_valid_iob2(tokens in proptest::collection::vec("\\PC{0,12}", 0..20)) {
                let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
                let labels = TINY_MODEL.tag(&refs);
                prop_assert_eq!(labels.len(), refs.len());
                let mut repaired = labels.clone();
                repair_iob2(&mut repaired);
                prop_assert_eq!(repaired, labels);
            }

            #[test]
            fn reading_any_bytes_does_not_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
                let _ = read_conll(&bytes[..]);
            }

            #[test]
            fn loading_any_bytes_does_not_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
                let _ = Tagger::from_bytes(&bytes);
            }
        }
    }
}
