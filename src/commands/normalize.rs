//! `akhbar normalize`: streaming normalization, stdin to stdout.

use crate::Ctx;
use akhbar_normalize::{NormalizeError, Normalizer, Preset, StreamStats, Utf8Policy};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

/// A normalization preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PresetArg {
    /// The comparison form of ANNOTATION.md.
    Compare,
    /// Aggressive, for matching and look-up.
    Search,
    /// Invisible characters, spaces and tatweel only: safe to show.
    Clean,
}

impl From<PresetArg> for Preset {
    fn from(p: PresetArg) -> Self {
        match p {
            PresetArg::Compare => Preset::Compare,
            PresetArg::Search => Preset::Search,
            PresetArg::Clean => Preset::Clean,
        }
    }
}

/// Normalize Arabic text line by line
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  echo 'السيد فريديريك ڤـــو' | akhbar normalize --preset search
  akhbar normalize --preset compare article.txt > article.norm.txt
  akhbar normalize --lossy broken.txt

Line ends are kept; each line is normalized on its own. Invalid UTF-8 is an
error naming the byte offset, unless --lossy replaces it (with a warning).")]
pub struct Args {
    /// Files to read in order; `-` or nothing reads stdin.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Which steps run.
    #[arg(long, short, value_enum, default_value = "search")]
    preset: PresetArg,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.
    #[arg(long)]
    lossy: bool,
}

/// The inputs named on the command line (`-` or nothing is stdin), each
/// opened in turn and handed to `f` with its name; an input that cannot
/// be opened is reported. Returns false when some input failed.
pub fn each_input(
    files: &[PathBuf],
    mut f: impl FnMut(&str, Box<dyn BufRead>) -> anyhow::Result<bool>,
) -> anyhow::Result<bool> {
    let stdin_only = [PathBuf::from("-")];
    let files = if files.is_empty() {
        &stdin_only[..]
    } else {
        files
    };
    let mut ok = true;
    for path in files {
        let (name, reader): (String, Box<dyn Read>) = if path.as_os_str() == "-" {
            ("<stdin>".into(), Box::new(io::stdin().lock()))
        } else {
            match File::open(path) {
                // A directory opens on Unix but fails at the first read,
                // which would stop every input after it.
                Ok(_) if path.is_dir() => {
                    eprintln!("akhbar: {}: cannot open: is a directory", path.display());
                    ok = false;
                    continue;
                }
                Ok(f) => (path.display().to_string(), Box::new(f)),
                Err(e) => {
                    eprintln!("akhbar: {}: cannot open: {e}", path.display());
                    ok = false;
                    continue;
                }
            }
        };
        ok &= f(&name, Box::new(BufReader::with_capacity(1 << 16, reader)))?;
    }
    Ok(ok)
}

/// Turns the outcome of a stream pass into a report on stderr: false when
/// the input failed (invalid UTF-8 in strict mode), a warning when bytes
/// were replaced; an I/O error on output stops everything.
pub fn stream_outcome(
    ctx: &Ctx,
    name: &str,
    r: Result<StreamStats, NormalizeError>,
) -> anyhow::Result<bool> {
    match r {
        Ok(stats) => {
            if let (Some(at), false) = (stats.first_invalid_offset, ctx.quiet) {
                eprintln!(
                    "akhbar: warning: {name}: {} invalid UTF-8 sequences replaced with U+FFFD, the first at byte offset {at}",
                    stats.invalid_sequences
                );
            }
            Ok(true)
        }
        Err(NormalizeError::InvalidUtf8 { offset, line }) => {
            eprintln!(
                "akhbar: {name}:{line}: invalid UTF-8 at byte offset {offset} (use --lossy to replace it)"
            );
            Ok(false)
        }
        Err(NormalizeError::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            Err(source.into())
        }
        Err(e) => Err(anyhow::anyhow!("{name}: {e}")),
    }
}

/// The policy of `--lossy`.
pub fn policy(lossy: bool) -> Utf8Policy {
    if lossy {
        Utf8Policy::Lossy
    } else {
        Utf8Policy::Strict
    }
}

/// Runs the command; `Ok(false)` when some input failed.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    let normalizer = Normalizer::preset(args.preset.into());
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let ok = each_input(&args.files, |name, reader| {
        let r = normalizer.normalize_stream(reader, &mut out, policy(args.lossy));
        stream_outcome(ctx, name, r)
    })?;
    out.flush()?;
    Ok(ok)
}
