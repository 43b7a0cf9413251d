//! `cargo xtask gold check [DIR]`: validates a gold set against
//! ANNOTATION.md.

use anyhow::Context;
use std::path::PathBuf;

/// Arguments of `cargo xtask gold`.
#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Check a gold set (default `gold/`): prints every problem as
    /// `file:row: message` and exits 1 if there is any.
    Check {
        /// The gold set's directory.
        dir: Option<PathBuf>,
    },
}

/// Runs the task.
pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    match args.command {
        Command::Check { dir } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("gold"));
            // `cargo xtask` runs from anywhere in the workspace; a relative
            // path is taken from the workspace root, as `gold/` is.
            let dir = if dir.is_relative() && !dir.exists() {
                crate::project_root().join(dir)
            } else {
                dir
            };
            let problems = akhbar_eval::check_gold_set(&dir);
            if problems.is_empty() {
                let set = akhbar_eval::GoldSet::read(&dir)
                    .with_context(|| format!("reading {}", dir.display()))?;
                println!("{}", summary(&set));
                return Ok(());
            }
            for p in &problems {
                // `gold/entities.csv:14: …`: a path an editor can open.
                let file = dir.join(&p.file);
                if p.row == 0 {
                    println!("{}: {}", file.display(), p.message);
                } else {
                    println!("{}:{}: {}", file.display(), p.row, p.message);
                }
            }
            eprintln!(
                "{} problem{} in {}: fix each row named above (ANNOTATION.md says what each column holds)",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                dir.display()
            );
            std::process::exit(1);
        }
    }
}

/// One line: `ok: 5 documents, 99 zones, 312 entities (PER 40, …), 20 relations`.
pub(crate) fn summary(set: &akhbar_eval::GoldSet) -> String {
    let docs = &set.documents;
    let zones: usize = docs.iter().map(|d| d.zones.len()).sum();
    let entities: usize = docs.iter().map(|d| d.entities.len()).sum();
    let relations: usize = docs.iter().map(|d| d.relations.len()).sum();
    let per_type: Vec<String> = akhbar_core::EntityType::ALL
        .iter()
        .map(|t| {
            let n: usize = docs
                .iter()
                .map(|d| d.entities.iter().filter(|e| e.entity_type == *t).count())
                .sum();
            format!("{} {n}", t.as_str())
        })
        .collect();
    format!(
        "ok: {} documents, {zones} zones, {entities} entities ({}), {relations} relations",
        docs.len(),
        per_type.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use std::fs;

    #[test]
    fn gold_passes_and_a_corrupted_copy_fails_with_file_and_row() {
        let gold = crate::project_root().join("gold");
        let problems = akhbar_eval::check_gold_set(&gold);
        assert!(problems.is_empty(), "gold/ has problems:\n{problems:#?}");

        let tmp = tempfile::tempdir().expect("temp dir");
        fs::create_dir(tmp.path().join("texts")).expect("texts dir");
        for sub in ["", "texts"] {
            for e in fs::read_dir(gold.join(sub)).expect("gold dir") {
                let e = e.expect("entry");
                if e.path().is_file() {
                    fs::copy(e.path(), tmp.path().join(sub).join(e.file_name())).expect("copy");
                }
            }
        }
        // Shift the first entity's start by one, and change one character
        // of the first text (its sha256 no longer matches).
        let path = tmp.path().join("entities.csv");
        let entities = fs::read_to_string(&path).expect("entities.csv");
        let mut lines: Vec<String> = entities.lines().map(str::to_string).collect();
        let mut fields: Vec<String> = lines[1].split(',').map(str::to_string).collect();
        let start: usize = fields[3].parse().expect("start");
        fields[3] = (start + 1).to_string();
        lines[1] = fields.join(",");
        fs::write(&path, lines.join("\n") + "\n").expect("write");
        let set = akhbar_eval::GoldSet::read(&gold).expect("gold reads");
        let first = &set.documents[0].id;
        let text_path = tmp.path().join(format!("texts/{first}.txt"));
        let text = fs::read_to_string(&text_path).expect("text");
        fs::write(&text_path, text + " ").expect("write");

        let got: Vec<String> = akhbar_eval::check_gold_set(tmp.path())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            got.iter().any(|p| p.starts_with("entities.csv:2: span ")),
            "{got:#?}"
        );
        assert!(
            got.iter()
                .any(|p| p.starts_with("documents.csv:2: sha256 of ")),
            "{got:#?}"
        );
        assert!(super::summary(&set).starts_with("ok: 5 documents, "));
    }
}
