//! Snapshots of each preset (and of sentence splitting) over the lines of
//! the seed texts in `gold/texts/`. One line of output per non-blank input
//! line: `line<TAB>text`. Review changes with `cargo insta review`.

use akhbar_normalize::{Normalizer, Preset, sentences};
use std::path::PathBuf;

fn seeds() -> Vec<(String, PathBuf, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../gold/texts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (stem, p, text)
        })
        .collect()
}

#[test]
fn presets_over_seed_lines() {
    let seeds = seeds();
    assert_eq!(seeds.len(), 5, "expected the five seed texts");
    for p in Preset::ALL {
        let n = Normalizer::preset(p);
        for (stem, path, text) in &seeds {
            let mut body = String::new();
            for (no, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                body.push_str(&format!("{}\t{}\n", no + 1, n.normalize(line)));
            }
            insta::with_settings!({ input_file => path, prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(format!("{}__{}", p.name(), stem), body);
            });
        }
    }
}

#[test]
fn sentences_over_seed_texts() {
    for (stem, path, text) in &seeds() {
        let mut body = String::new();
        for s in sentences(text) {
            body.push_str(&format!("{}..{}\t{}\n", s.start, s.end, &text[s.range()]));
        }
        insta::with_settings!({ input_file => path, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("sentences__{stem}"), body);
        });
    }
}

#[test]
fn tokens_and_clitics_over_seed_texts() {
    let clitics = akhbar_normalize::CliticAnalyzer::default();
    for (stem, path, text) in &seeds() {
        let mut body = String::new();
        for t in akhbar_normalize::tokenize(text) {
            body.push_str(&format!(
                "{}..{}\t{}\t{}",
                t.span.start, t.span.end, t.kind, t.text
            ));
            if t.kind == akhbar_normalize::TokenKind::Word {
                let seg = clitics.analyze(text, t.span);
                if !seg.is_unsplit() {
                    let pro: Vec<&str> =
                        seg.proclitics.iter().map(|p| &text[p.1.range()]).collect();
                    body.push_str(&format!(
                        "\t{}+ {} (name {})",
                        pro.join("+"),
                        &text[seg.stem.range()],
                        &text[seg.name_span().range()]
                    ));
                }
            }
            body.push('\n');
        }
        insta::with_settings!({ input_file => path, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("tokens__{stem}"), body);
        });
    }
}
