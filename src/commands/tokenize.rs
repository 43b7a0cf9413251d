//! `akhbar tokenize`: tokens of each line, streaming.

use super::normalize::{each_input, policy, stream_outcome};
use crate::Ctx;
use akhbar_normalize::{for_each_line, tokenize};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// Output format of `akhbar tokenize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TokenFormat {
    /// The tokens of each input line separated by spaces, one line out per
    /// line in.
    Text,
    /// One JSON object per input line: its number and its tokens with
    /// code-point offsets into the input.
    Jsonl,
}

/// Split text into tokens (words, numbers, Latin, URLs, e-mails, tags, punctuation)
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  echo 'زار حموشي باريس يوم 24 يونيو.' | akhbar tokenize
  akhbar tokenize --format jsonl article.txt

JSON offsets are code points from the start of each input.")]
pub struct Args {
    /// Files to read in order; `-` or nothing reads stdin.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    format: TokenFormat,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.
    #[arg(long)]
    lossy: bool,
}

#[derive(Serialize)]
struct JsonToken<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: &'static str,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    line: u64,
    tokens: Vec<JsonToken<'a>>,
}

/// Runs the command; `Ok(false)` when some input failed.
pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let format = args.format;
    let ok = each_input(&args.files, |name, reader| {
        let mut chars = 0usize;
        let r = for_each_line(reader, policy(args.lossy), |line| {
            let tokens = tokenize(line.text);
            match format {
                TokenFormat::Text => {
                    for (i, t) in tokens.iter().enumerate() {
                        if i > 0 {
                            out.write_all(b" ")?;
                        }
                        out.write_all(t.text.as_bytes())?;
                    }
                    out.write_all(if line.terminator.is_empty() {
                        b""
                    } else {
                        b"\n"
                    })?;
                }
                TokenFormat::Jsonl => {
                    let (mut at, mut last) = (chars, 0);
                    let tokens = tokens
                        .iter()
                        .map(|t| {
                            at += line.text[last..t.span.start].chars().count();
                            let start = at;
                            at += t.text.chars().count();
                            last = t.span.end;
                            JsonToken {
                                text: t.text,
                                start,
                                end: at,
                                kind: t.kind.as_str(),
                            }
                        })
                        .collect();
                    serde_json::to_writer(
                        &mut out,
                        &JsonLine {
                            line: line.number,
                            tokens,
                        },
                    )?;
                    out.write_all(b"\n")?;
                }
            }
            chars += line.text.chars().count() + line.terminator.chars().count();
            Ok(())
        });
        stream_outcome(ctx, name, r)
    })?;
    out.flush()?;
    Ok(ok)
}
