//! `akhbar tag`: the statistical NER tagger over token-per-line input.

use crate::Ctx;
use akhbar_tagger::{Tagger, TaggerError};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read};
use std::path::PathBuf;

/// Input and output format of `akhbar tag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TagFormat {
    /// One token per line (further columns ignored), a blank line between
    /// sentences; out: `TOKEN TAG` in IOB2 with ANERcorp's labels.
    Conll,
}

/// Tag person, organization and location names (ANERcorp labels, IOB2)
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar tag test.conll > tagged.conll
  printf 'قال\\nماكرون\\nفي\\nباريس\\n' | akhbar tag
  akhbar tag --model my.akm sentences.conll

Labels: B-/I- PERS, ORG, LOC, MISC, and O. Blank lines are kept.")]
pub struct Args {
    /// Token-per-line input; `-` or nothing reads stdin.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Input and output format.
    #[arg(long, short, value_enum, default_value = "conll")]
    format: TagFormat,
    /// A model file written by `cargo xtask train-ner` instead of the
    /// built-in model.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

/// Runs the command; `Ok(false)` when the input was malformed.
pub fn run(_ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    let owned;
    let tagger: &Tagger = match &args.model {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
            owned = Tagger::from_bytes(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            &owned
        }
        None => Tagger::builtin().ok_or_else(|| {
            anyhow::anyhow!("no built-in NER model in this build: give --model FILE")
        })?,
    };
    let (name, reader): (String, Box<dyn Read>) = match &args.file {
        Some(p) if p.as_os_str() != "-" => (
            p.display().to_string(),
            Box::new(
                File::open(p).map_err(|e| anyhow::anyhow!("{}: cannot open: {e}", p.display()))?,
            ),
        ),
        _ => ("<stdin>".to_string(), Box::new(io::stdin().lock())),
    };
    let out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match tagger.tag_conll(BufReader::with_capacity(1 << 16, reader), out) {
        Ok(()) => Ok(true),
        Err(TaggerError::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            Ok(true)
        }
        Err(TaggerError::Conll { line, message }) => {
            eprintln!("akhbar: {name}:{line}: {message}");
            Ok(false)
        }
        Err(e) => Err(anyhow::anyhow!("{name}: {e}")),
    }
}
