//! `cargo xtask bench`: end-to-end throughput of the `akhbar` commands.
//!
//! Builds a corpus of at least `--size-mb` MB from the seed texts
//! (`gold/texts/`, repeated) in a temporary directory — JSON Lines for
//! `extract` and `load`, plain text for `normalize` and `tokenize` — builds
//! akhbar in release, and runs each `--command` over it on 1 and 2 threads, on the
//! full corpus and on a quarter of it, reporting MB/s, documents/s, CPU
//! time and peak memory (the child's `VmHWM`, polled from `/proc`). Peak
//! memory should not grow with the corpus: the pipeline streams.

use anyhow::{Context, bail};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{self, Stdio};
use std::time::{Duration, Instant};

/// Arguments of `cargo xtask bench`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Size of the corpus built from the seeds, in MB (at least this).
    #[arg(long, default_value_t = 100, value_name = "N")]
    size_mb: u64,
    /// Use this corpus (file or directory) instead of building one; only
    /// its full size is measured.
    #[arg(long, value_name = "PATH")]
    corpus: Option<PathBuf>,
    /// Thread counts to measure, comma-separated.
    #[arg(long, default_value = "1,2", value_delimiter = ',', value_name = "N,N")]
    threads: Vec<usize>,
    /// Output format of `akhbar extract` during the runs.
    #[arg(long, default_value = "jsonl", value_name = "FORMAT")]
    format: String,
    /// The akhbar commands to measure, comma-separated: extract, load,
    /// normalize (search preset), tokenize.
    #[arg(
        long,
        default_value = "extract",
        value_delimiter = ',',
        value_name = "CMD,CMD"
    )]
    command: Vec<Command>,
    /// Use this akhbar binary instead of building one in release.
    #[arg(long, value_name = "FILE")]
    binary: Option<PathBuf>,
}

/// An akhbar command the bench can run.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Command {
    /// `akhbar extract --format F` over JSON Lines.
    Extract,
    /// `akhbar load --format jsonl` over JSON Lines.
    Load,
    /// `akhbar normalize --preset search` over plain text.
    Normalize,
    /// `akhbar tokenize` over plain text.
    Tokenize,
}

impl Command {
    /// True when it reads plain text rather than JSON Lines documents.
    fn reads_text(self) -> bool {
        matches!(self, Command::Normalize | Command::Tokenize)
    }

    /// Its command-line words after the global options.
    fn words(self, format: &str) -> Vec<String> {
        let w: &[&str] = match self {
            Command::Extract => &["extract", "--format", format],
            Command::Load => &["load", "--format", "jsonl"],
            Command::Normalize => &["normalize", "--preset", "search"],
            Command::Tokenize => &["tokenize"],
        };
        w.iter().map(|s| s.to_string()).collect()
    }
}

/// A corpus to measure: its path, size and document count.
struct Corpus {
    path: PathBuf,
    bytes: u64,
    docs: u64,
    temporary: bool,
}

/// What one run measured.
struct Run {
    secs: f64,
    cpu_secs: f64,
    peak_kb: u64,
    ok: bool,
}

/// Runs the task.
pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    let root = crate::project_root();
    let bin = match &args.binary {
        Some(b) => b.clone(),
        None => build_release(&root)?,
    };
    let mut failed = false;
    for &command in &args.command {
        failed |= !bench_command(&root, &bin, &args, command)?;
    }
    println!(
        "MB/s/core: corpus MB over the child's CPU time (user + system); peak MB: VmHWM of the child."
    );
    if failed {
        bail!("an akhbar command failed on the corpus");
    }
    Ok(())
}

/// Measures one command on every corpus size and thread count; false when a
/// run failed.
fn bench_command(root: &Path, bin: &Path, args: &Args, command: Command) -> anyhow::Result<bool> {
    let text = command.reads_text();
    let corpora = match &args.corpus {
        Some(p) => vec![measure_corpus(p)?],
        None => {
            let full = args.size_mb.max(1);
            let quarter = (full / 4).max(1);
            let mut v = vec![build_corpus(root, quarter, text)?];
            if full != quarter {
                v.push(build_corpus(root, full, text)?);
            }
            v
        }
    };
    let words = command.words(&args.format);
    println!("\nakhbar {} ({})", words.join(" "), bin.display());
    println!(
        "{:>9} {:>8} {:>7} {:>8} {:>9} {:>8} {:>11} {:>10} {:>9}",
        "corpus MB", "docs", "threads", "wall s", "cpu s", "MB/s", "MB/s/core", "docs/s", "peak MB"
    );
    let mut failed = false;
    for c in &corpora {
        for &t in &args.threads {
            let r = run_once(bin, &c.path, t, &words)?;
            failed |= !r.ok;
            let mb = c.bytes as f64 / 1e6;
            let per_core = if r.cpu_secs > 0.0 {
                mb / r.cpu_secs
            } else {
                f64::NAN
            };
            println!(
                "{:>9.1} {:>8} {:>7} {:>8.2} {:>9.2} {:>8.1} {:>11.1} {:>10.0} {:>9.1}{}",
                mb,
                c.docs,
                t,
                r.secs,
                r.cpu_secs,
                mb / r.secs,
                per_core,
                c.docs as f64 / r.secs,
                r.peak_kb as f64 / 1024.0,
                if r.ok { "" } else { "  (exit code not 0)" }
            );
        }
    }
    for c in corpora.iter().filter(|c| c.temporary) {
        let _ = fs::remove_file(&c.path);
    }
    Ok(!failed)
}

fn build_release(root: &Path) -> anyhow::Result<PathBuf> {
    eprintln!("building akhbar in release…");
    let status = process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "akhbar",
            "--bin",
            "akhbar",
        ])
        .current_dir(root)
        .status()
        .context("cannot run cargo build")?;
    if !status.success() {
        bail!("cargo build --release -p akhbar failed");
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let bin = target.join("release").join("akhbar");
    if !bin.exists() {
        bail!("{}: not found after the build", bin.display());
    }
    Ok(bin)
}

/// Writes `gold/texts/*.txt` as JSON Lines, repeated until `mb` MB.
/// Writes a corpus of at least `mb` MB from the seeds: JSON Lines, one
/// document a line, or (`text`) the texts one after another.
fn build_corpus(root: &Path, mb: u64, text: bool) -> anyhow::Result<Corpus> {
    let dir = root.join("gold").join("texts");
    let mut seeds: Vec<PathBuf> = fs::read_dir(&dir)
        .with_context(|| format!("{}: cannot read", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let texts: Vec<String> = seeds
        .iter()
        .map(|p| fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display())))
        .collect::<Result<_, _>>()?;
    if texts.is_empty() {
        bail!("{}: no seed texts", dir.display());
    }
    let ext = if text { "txt" } else { "jsonl" };
    let path =
        std::env::temp_dir().join(format!("akhbar-bench-{mb}mb-{}.{ext}", std::process::id()));
    let mut w = BufWriter::new(
        File::create(&path).with_context(|| format!("{}: cannot create", path.display()))?,
    );
    let (mut bytes, mut docs) = (0u64, 0u64);
    let target = mb * 1_000_000;
    while bytes < target {
        for (i, t) in texts.iter().enumerate() {
            let line = if text {
                t.clone()
            } else {
                serde_json::json!({"id": format!("s{i}-{docs}"), "text": t}).to_string()
            };
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
            bytes += line.len() as u64 + 1;
            docs += 1;
        }
    }
    w.flush()?;
    eprintln!(
        "corpus: {} ({:.1} MB, {docs} documents)",
        path.display(),
        bytes as f64 / 1e6
    );
    Ok(Corpus {
        path,
        bytes,
        docs,
        temporary: true,
    })
}

fn measure_corpus(path: &Path) -> anyhow::Result<Corpus> {
    fn walk(p: &Path, bytes: &mut u64, files: &mut u64) {
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                for e in fs::read_dir(p).into_iter().flatten().flatten() {
                    walk(&e.path(), bytes, files);
                }
            }
            Ok(m) => {
                *bytes += m.len();
                *files += 1;
            }
            Err(_) => {}
        }
    }
    let (mut bytes, mut files) = (0, 0);
    walk(path, &mut bytes, &mut files);
    if bytes == 0 {
        bail!("{}: empty or unreadable corpus", path.display());
    }
    // Documents: lines of JSON Lines files, else files.
    let docs = if path.extension().is_some_and(|e| e == "jsonl") {
        fs::read(path)
            .map(|b| b.iter().filter(|&&c| c == b'\n').count() as u64)
            .unwrap_or(files)
    } else {
        files
    };
    Ok(Corpus {
        path: path.to_path_buf(),
        bytes,
        docs,
        temporary: false,
    })
}

/// The child's peak resident set (`VmHWM`, kB) and CPU time so far, from
/// `/proc`; `None` once it is gone.
fn sample(pid: u32) -> Option<(u64, f64)> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let hwm = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())?;
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start at ')'.
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some((hwm, ticks / clock_ticks()))
}

/// Clock ticks per second (`getconf CLK_TCK`, 100 on Linux almost always).
fn clock_ticks() -> f64 {
    process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

fn run_once(bin: &Path, corpus: &Path, threads: usize, words: &[String]) -> anyhow::Result<Run> {
    let started = Instant::now();
    let mut child = process::Command::new(bin)
        .args(["--quiet", "--threads", &threads.to_string()])
        .args(words)
        .arg(corpus)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("{}: cannot run", bin.display()))?;
    let pid = child.id();
    let (mut peak_kb, mut cpu_secs) = (0, 0.0);
    let status = loop {
        if let Some((hwm, cpu)) = sample(pid) {
            peak_kb = peak_kb.max(hwm);
            cpu_secs = cpu;
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(Run {
        secs: started.elapsed().as_secs_f64(),
        cpu_secs,
        peak_kb,
        ok: status.success(),
    })
}
