//! Reading documents from files, directories and stdin, streaming.

use crate::decode::{self, TextEncoding};
use crate::problem::{LoadProblem, LoadSummary, ProblemKind};
use akhbar_core::Document;
use serde_json::Value;
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

/// How a file holds its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// The whole file is one article.
    Txt,
    /// JSON Lines: one JSON object (one article) a line.
    Jsonl,
    /// One JSON array of article objects, or one object.
    Json,
    /// CSV with a header row, one article a record.
    Csv,
    /// TSV with a header row, one article a record.
    Tsv,
    /// TREC-style SGML (`<DOC><DOCNO>…<TEXT>…</TEXT></DOC>`), one or more
    /// articles a file.
    Trec,
    /// A saved HTML page, one article: its visible text (one block a line)
    /// and the metadata the page states.
    Html,
}

impl Format {
    /// Every format, in a fixed order.
    pub const ALL: [Format; 7] = [
        Format::Txt,
        Format::Jsonl,
        Format::Json,
        Format::Csv,
        Format::Tsv,
        Format::Trec,
        Format::Html,
    ];

    /// The name used on the command line (`txt`, `jsonl`, `json`, `csv`,
    /// `tsv`, `trec`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Trec => "trec",
            Format::Html => "html",
        }
    }

    /// The format a file name implies (`.gz` is looked through), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "txt" | "text" => Format::Txt,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "xml" | "sgml" | "trec" => Format::Trec,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => return None,
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == k || (k == "ndjson" && *f == Format::Jsonl))
            .ok_or_else(|| {
                format!("unknown format `{s}` (expected txt, jsonl, json, csv, tsv, trec or html)")
            })
    }
}

/// The names of the fields that hold each part of an article in JSON and
/// CSV inputs, tried in order; the first present, non-empty one wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    /// The document id (else the id is derived from the path and line).
    pub id: Vec<String>,
    /// The article text (required).
    pub text: Vec<String>,
    /// The headline.
    pub title: Vec<String>,
    /// The page address.
    pub url: Vec<String>,
    /// The publication date (any form [`parse_date`](crate::parse_date) reads).
    pub date: Vec<String>,
    /// The publisher's name.
    pub source: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

impl Default for FieldNames {
    fn default() -> Self {
        Self {
            id: names(&["id", "doc", "doc_id", "docno", "_id", "uuid"]),
            text: names(&[
                "text",
                "content",
                "body",
                "article",
                "story",
                "full_text",
                "document",
            ]),
            title: names(&["title", "headline", "heading"]),
            url: names(&["url", "link", "href", "uri"]),
            date: names(&[
                "published",
                "date",
                "published_at",
                "publish_date",
                "pubdate",
                "date_published",
                "datetime",
                "time",
            ]),
            source: names(&["source", "publisher", "site", "newspaper"]),
        }
    }
}

/// How to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Force an encoding; `None` detects it per file (BOM, then UTF-16
    /// shape, then UTF-8 validity, then chardetng).
    pub encoding: Option<TextEncoding>,
    /// Force a format; `None` takes it from the file extension (through
    /// `.gz`), or sniffs the content when the extension says nothing.
    pub format: Option<Format>,
    /// Field names for JSON and CSV inputs.
    pub fields: FieldNames,
    /// Malformed bytes skip the document (reported as undecodable) instead
    /// of being replaced by U+FFFD with a warning.
    pub strict: bool,
    /// Run [`prepare`](crate::prepare) on each document (zones and
    /// metadata). On by default.
    pub prepare: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            encoding: None,
            format: None,
            fields: FieldNames::default(),
            strict: false,
            prepare: true,
        }
    }
}

/// Something to load: a file or directory, or standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Input {
    /// A file, or a directory read recursively in sorted order.
    Path(PathBuf),
    /// Standard input (format from the options, else sniffed).
    Stdin,
}

impl From<PathBuf> for Input {
    fn from(p: PathBuf) -> Self {
        if p.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(p)
        }
    }
}

impl From<&Path> for Input {
    fn from(p: &Path) -> Self {
        Input::from(p.to_path_buf())
    }
}

impl From<String> for Input {
    fn from(p: String) -> Self {
        Input::from(PathBuf::from(p))
    }
}

impl From<&str> for Input {
    fn from(p: &str) -> Self {
        Input::from(PathBuf::from(p))
    }
}

type DocIter = Box<dyn Iterator<Item = Result<Document, LoadProblem>> + Send>;

/// Streams documents from inputs: an iterator of `Result<Document,
/// LoadProblem>`, one file open at a time and JSON Lines / CSV read record
/// by record, so memory stays bounded by the largest single `.txt` or
/// `.json` file. A bad file or record yields an `Err` and loading goes on;
/// [`Loader::summary`] counts everything seen so far.
///
/// Directories are walked recursively in sorted order; in them only files
/// with a known extension (`txt`, `text`, `jsonl`, `ndjson`, `json`, `csv`,
/// `tsv`, `xml`, `sgml`, `trec`, each optionally `.gz`) are read, and
/// hidden entries are skipped.
pub struct Loader {
    opts: LoadOptions,
    pending: VecDeque<(Input, bool)>,
    current: Option<DocIter>,
    summary: LoadSummary,
}

impl fmt::Debug for Loader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Loader")
            .field("opts", &self.opts)
            .field("pending", &self.pending)
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

impl Loader {
    /// A loader over `inputs`, in the order given.
    pub fn new<I, T>(inputs: I, opts: LoadOptions) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<Input>,
    {
        Self {
            opts,
            pending: inputs.into_iter().map(|i| (i.into(), false)).collect(),
            current: None,
            summary: LoadSummary::default(),
        }
    }

    /// A loader over in-memory bytes named `name` (its extension picks the
    /// format unless the options force one; ids derive from its stem).
    pub fn from_bytes(name: &str, bytes: Vec<u8>, opts: LoadOptions) -> Self {
        let mut l = Self::new(Vec::<Input>::new(), opts);
        l.summary.files += 1;
        l.current = Some(open_source(
            name,
            Box::new(Cursor::new(bytes)),
            &l.opts,
            false,
        ));
        l
    }

    /// What has been seen so far (complete once the iterator is exhausted).
    pub fn summary(&self) -> &LoadSummary {
        &self.summary
    }

    /// Consumes the loader and returns its summary.
    pub fn into_summary(self) -> LoadSummary {
        self.summary
    }

    fn next_source(&mut self) -> Option<Result<DocIter, LoadProblem>> {
        let (input, in_dir) = self.pending.pop_front()?;
        Some(match input {
            Input::Stdin => {
                self.summary.files += 1;
                Ok(open_source(
                    "stdin",
                    Box::new(io::stdin()),
                    &self.opts,
                    true,
                ))
            }
            Input::Path(p) => {
                let origin = p.display().to_string();
                match std::fs::metadata(&p) {
                    Err(e) => Err(LoadProblem::new(
                        origin,
                        None,
                        ProblemKind::Io(e.to_string()),
                    )),
                    Ok(m) if m.is_dir() => match list_dir(&p) {
                        Ok(entries) => {
                            for e in entries.into_iter().rev() {
                                self.pending.push_front((Input::Path(e), true));
                            }
                            return self.next_source();
                        }
                        Err(e) => Err(LoadProblem::new(
                            origin,
                            None,
                            ProblemKind::Io(e.to_string()),
                        )),
                    },
                    Ok(_) => {
                        if in_dir && Format::from_path(&p).is_none() {
                            self.summary.ignored_files += 1;
                            return self.next_source();
                        }
                        self.summary.files += 1;
                        match File::open(&p) {
                            Ok(f) => Ok(open_source(&origin, Box::new(f), &self.opts, false)),
                            Err(e) => Err(LoadProblem::new(
                                origin,
                                None,
                                ProblemKind::Io(e.to_string()),
                            )),
                        }
                    }
                }
            }
        })
    }
}

impl Iterator for Loader {
    type Item = Result<Document, LoadProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                match cur.next() {
                    Some(Ok(mut doc)) => {
                        if doc.text.trim().is_empty() {
                            let p = LoadProblem::at_origin(doc.origin.clone(), ProblemKind::Empty);
                            self.summary.record(&p);
                            return Some(Err(p));
                        }
                        if self.opts.prepare {
                            crate::prepare(&mut doc);
                        }
                        self.summary.read += 1;
                        return Some(Ok(doc));
                    }
                    Some(Err(p)) => {
                        self.summary.record(&p);
                        if p.kind.is_skip() {
                            return Some(Err(p));
                        }
                        continue;
                    }
                    None => self.current = None,
                }
            }
            match self.next_source()? {
                Ok(src) => self.current = Some(src),
                Err(p) => {
                    self.summary.record(&p);
                    return Some(Err(p));
                }
            }
        }
    }
}

fn list_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        out.push(e.path());
    }
    out.sort();
    Ok(out)
}

/// The stem of a file name, through `.gz` (`a/b.jsonl.gz` → `b`).
fn stem_of(name: &str) -> String {
    let base = Path::new(name)
        .file_name()
        .map_or_else(|| name.to_owned(), |b| b.to_string_lossy().into_owned());
    let base = base.strip_suffix(".gz").unwrap_or(&base);
    match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s.to_owned(),
        _ => base.to_owned(),
    }
}

/// Reads up to `n` bytes (fewer only at the end of the stream), and the
/// error that stopped it early, if any.
fn read_prefix(r: &mut dyn Read, n: usize) -> (Vec<u8>, Option<io::Error>) {
    let mut buf = Vec::with_capacity(n.min(1 << 16));
    let err = r.take(n as u64).read_to_end(&mut buf).err();
    (buf, err)
}

/// A reader that fails once with a stored error, then ends: it replays a
/// read error after the bytes read before it.
struct Failing(Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

const SNIFF: usize = 64 * 1024;

/// Opens one named byte stream as a source of documents.
fn open_source(
    name: &str,
    mut raw: Box<dyn Read + Send>,
    opts: &LoadOptions,
    stdin: bool,
) -> DocIter {
    let origin = name.to_owned();
    let fail_origin = origin.clone();
    let fail = move |kind: ProblemKind| -> DocIter {
        Box::new(std::iter::once(Err(LoadProblem::new(
            fail_origin.clone(),
            None,
            kind,
        ))))
    };
    // Look through gzip by its magic bytes, whatever the extension says.
    let (magic, err) = read_prefix(&mut raw, 2);
    if let Some(e) = err {
        return fail(ProblemKind::Io(e.to_string()));
    }
    let chained: Box<dyn Read + Send> = Box::new(Cursor::new(magic.clone()).chain(raw));
    let mut reader: Box<dyn Read + Send> = if magic == [0x1f, 0x8b] {
        Box::new(flate2::read::MultiGzDecoder::new(chained))
    } else {
        chained
    };
    let (prefix, err) = read_prefix(&mut reader, SNIFF);
    if let Some(e) = err {
        // Replay the error after the bytes that could be read (a truncated
        // gzip): the records before it still load.
        reader = Box::new(Failing(Some(e)));
    }
    let (enc, bom) = decode::detect(&prefix, opts.encoding);
    let body_prefix = prefix[bom.min(prefix.len())..].to_vec();
    let mut reader: Box<dyn Read + Send> = Box::new(Cursor::new(body_prefix).chain(reader));
    // Formats are recognised on the decoded beginning of the content, so
    // that UTF-16 files are recognised too.
    let head = {
        let p = &prefix[bom.min(prefix.len())..];
        let p = if enc.ascii_compatible() {
            p
        } else {
            &p[..p.len() & !1]
        };
        enc.encoding_rs()
            .decode_without_bom_handling(p)
            .0
            .into_owned()
    };
    let format = opts
        .format
        .or_else(|| {
            if stdin {
                None
            } else {
                Format::from_path(Path::new(name))
            }
        })
        .map(|f| refine(f, &head))
        .unwrap_or_else(|| sniff(&head));
    let ctx = Ctx {
        origin,
        stem: if stdin {
            "stdin".to_owned()
        } else {
            stem_of(name)
        },
        fields: opts.fields.clone(),
        strict: opts.strict,
        enc,
    };
    match format {
        Format::Jsonl | Format::Csv | Format::Tsv => {
            // Line-oriented formats stream; UTF-16 is transcoded first so
            // that lines can be split on bytes.
            let mut ctx = ctx;
            if !enc.ascii_compatible() {
                let mut all = Vec::new();
                if let Err(e) = reader.read_to_end(&mut all) {
                    return fail(ProblemKind::Io(e.to_string()));
                }
                match decode::decode(&all, enc, ctx.strict) {
                    Ok((s, _)) => reader = Box::new(Cursor::new(s.into_bytes())),
                    Err(at) => {
                        return fail(ProblemKind::Undecodable {
                            encoding: enc,
                            byte: at,
                        });
                    }
                }
                ctx.enc = TextEncoding::Utf8;
            }
            if format == Format::Jsonl {
                Box::new(JsonlSource {
                    ctx,
                    reader: BufReader::new(reader),
                    line: 0,
                    pending_doc: None,
                    buf: Vec::new(),
                })
            } else {
                csv_source(
                    ctx,
                    reader,
                    if format == Format::Tsv { b'\t' } else { b',' },
                )
            }
        }
        Format::Txt | Format::Json | Format::Trec | Format::Html => {
            let mut all = Vec::new();
            if let Err(e) = reader.read_to_end(&mut all) {
                return fail(ProblemKind::Io(e.to_string()));
            }
            let (text, lossy) = match decode::decode(&all, enc, ctx.strict) {
                Ok(x) => x,
                Err(at) => {
                    return fail(ProblemKind::Undecodable {
                        encoding: enc,
                        byte: at,
                    });
                }
            };
            if matches!(format, Format::Txt | Format::Html) {
                if let Some(share) = binary_share(&text) {
                    return fail(ProblemKind::Binary { share });
                }
            }
            let mut out: Vec<Result<Document, LoadProblem>> = Vec::new();
            if lossy {
                out.push(Err(LoadProblem::new(
                    ctx.origin.clone(),
                    None,
                    ProblemKind::Lossy { encoding: enc },
                )));
            }
            match format {
                Format::Txt => {
                    let mut d = Document::new(ctx.stem.clone(), text);
                    d.origin = ctx.origin.clone();
                    out.push(Ok(d));
                }
                Format::Trec => out.extend(trec_docs(&ctx, &text)),
                Format::Html => {
                    let page = crate::html::page(&text);
                    if page.text.trim().is_empty() {
                        out.push(Err(ctx.problem(1, ProblemKind::Empty)));
                    } else {
                        let mut d = Document::new(ctx.stem.clone(), page.text);
                        d.origin = ctx.origin.clone();
                        d.meta = page.meta;
                        out.push(Ok(d));
                    }
                }
                _ => out.extend(json_docs(&ctx, &text)),
            }
            Box::new(out.into_iter())
        }
    }
}

/// The share (percent) of control characters and replacement characters in
/// `text` when it is 10% or more: such a "text" is a binary file. Tabs,
/// line and page breaks are text.
fn binary_share(text: &str) -> Option<usize> {
    let (mut total, mut odd) = (0usize, 0usize);
    for c in text.chars().take(1 << 16) {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{fffd}' {
            odd += 1;
        }
    }
    let share = odd * 100 / total.max(1);
    (total >= 16 && share >= 10).then_some(share)
}

/// Checks a format taken from an extension against the content: a `.txt`
/// holding TREC SGML is TREC, a `.json` holding one object a line is JSON
/// Lines.
fn refine(f: Format, head: &str) -> Format {
    match f {
        Format::Txt if starts_trec(head) => Format::Trec,
        Format::Txt if crate::html::looks_like_html(head) => Format::Html,
        Format::Trec if !starts_trec(head) => Format::Txt,
        Format::Json => {
            let t = head.trim_start();
            let first_line = t.lines().next().unwrap_or("").trim();
            let lines = t.lines().filter(|l| !l.trim().is_empty()).count();
            if t.starts_with('{') && lines > 1 && first_line.ends_with('}') {
                Format::Jsonl
            } else {
                Format::Json
            }
        }
        f => f,
    }
}

fn starts_trec(head: &str) -> bool {
    head.trim_start().starts_with("<DOC>")
}

/// The format of content with no telling name.
fn sniff(head: &str) -> Format {
    let t = head.trim_start();
    if t.starts_with('[') {
        Format::Json
    } else if t.starts_with('{') {
        refine(Format::Json, head)
    } else if starts_trec(head) {
        Format::Trec
    } else if crate::html::looks_like_html(head) {
        Format::Html
    } else {
        Format::Txt
    }
}

struct Ctx {
    origin: String,
    stem: String,
    fields: FieldNames,
    strict: bool,
    enc: TextEncoding,
}

impl Ctx {
    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.origin)
    }

    fn problem(&self, line: usize, kind: ProblemKind) -> LoadProblem {
        LoadProblem::new(self.origin.clone(), Some(line), kind)
    }

    /// A document from named fields (`get` looks one up), numbered `line`.
    fn record_doc(
        &self,
        line: usize,
        get: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Document, LoadProblem> {
        let pick = |list: &[String]| {
            list.iter()
                .find_map(|k| get(k).filter(|v| !v.trim().is_empty()))
        };
        let Some(text) = list_text(&self.fields.text, get) else {
            return Err(self.problem(line, ProblemKind::MissingText(self.fields.text.join(", "))));
        };
        let id = pick(&self.fields.id)
            .map_or_else(|| format!("{}:{line}", self.stem), |s| s.trim().to_owned());
        let mut d = Document::new(id, text);
        d.origin = self.at(line);
        d.meta.title = pick(&self.fields.title).map(|s| s.trim().to_owned());
        d.meta.url = pick(&self.fields.url).map(|s| s.trim().to_owned());
        d.meta.published = pick(&self.fields.date).and_then(|s| crate::meta::parse_date(&s));
        d.meta.source = pick(&self.fields.source).map(|s| s.trim().to_owned());
        Ok(d)
    }
}

/// The text field: the first present one, even when empty (an empty text
/// is an empty document, not a missing field).
fn list_text(list: &[String], get: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut found_empty = None;
    for k in list {
        match get(k) {
            Some(v) if !v.trim().is_empty() => return Some(v),
            Some(v) => found_empty = found_empty.or(Some(v)),
            None => {}
        }
    }
    found_empty
}

fn json_field(v: &Value, k: &str) -> Option<String> {
    match v.get(k)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => {
            let parts: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n"))
        }
        _ => None,
    }
}

fn json_record(ctx: &Ctx, line: usize, v: &Value) -> Result<Document, LoadProblem> {
    if !v.is_object() {
        return Err(ctx.problem(line, ProblemKind::Json("not an object".to_owned())));
    }
    ctx.record_doc(line, &|k| json_field(v, k))
}

/// Documents of a JSON array (numbered by item, from 1) or single object.
fn json_docs(ctx: &Ctx, text: &str) -> Vec<Result<Document, LoadProblem>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| json_record(ctx, i + 1, v))
            .collect(),
        Ok(v) => vec![json_record(ctx, 1, &v)],
        Err(e) => vec![Err(ctx.problem(e.line(), ProblemKind::Json(e.to_string())))],
    }
}

struct JsonlSource {
    ctx: Ctx,
    reader: BufReader<Box<dyn Read + Send>>,
    line: usize,
    pending_doc: Option<Result<Document, LoadProblem>>,
    /// The current line's bytes, kept from line to line so that it grows
    /// once, not for every record.
    buf: Vec<u8>,
}

impl Iterator for JsonlSource {
    type Item = Result<Document, LoadProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(d) = self.pending_doc.take() {
            return Some(d);
        }
        let buf = &mut self.buf;
        loop {
            buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // An unreadable stream (a truncated gzip) ends the file.
                    let p = self.ctx.problem(self.line, ProblemKind::Io(e.to_string()));
                    self.reader = BufReader::new(Box::new(io::empty()));
                    return Some(Err(p));
                }
            }
            if buf.trim_ascii().is_empty() {
                continue;
            }
            let line = self.line;
            let (text, lossy) =
                match decode::decode_borrowed(buf.trim_ascii(), self.ctx.enc, self.ctx.strict) {
                    Ok(x) => x,
                    Err(at) => {
                        return Some(Err(self.ctx.problem(
                            line,
                            ProblemKind::Undecodable {
                                encoding: self.ctx.enc,
                                byte: at,
                            },
                        )));
                    }
                };
            let doc = match serde_json::from_str::<Value>(&text) {
                Ok(v) => json_record(&self.ctx, line, &v),
                Err(e) => Err(self.ctx.problem(line, ProblemKind::Json(e.to_string()))),
            };
            if lossy && doc.is_ok() {
                // Report the lossy line as a warning, then the document.
                let warn = self.ctx.problem(
                    line,
                    ProblemKind::Lossy {
                        encoding: self.ctx.enc,
                    },
                );
                self.pending_doc = Some(doc);
                return Some(Err(warn));
            }
            return Some(doc);
        }
    }
}

/// Watches the quotes of a CSV stream as the csv reader pulls it: whether a
/// quoted field is open, and the line it opened on. A quote opens a field
/// only at the field's start (elsewhere it is a literal, as the csv reader
/// takes it); inside a quoted field every quote toggles, so a doubled quote
/// leaves it open.
struct QuoteWatch<R> {
    inner: R,
    state: Arc<QuoteState>,
    delim: u8,
    line: usize,
    open: bool,
    /// The previous byte (a newline at the start).
    prev: u8,
    /// The previous byte was a quote that closed a quoted field.
    closed: bool,
}

#[derive(Default)]
struct QuoteState {
    /// 0 when no quote is open, else the line of the open quote.
    open_line: AtomicUsize,
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            let closed = self.closed;
            self.closed = false;
            if b == b'"' {
                if self.open {
                    self.open = false;
                    self.closed = true;
                    self.state.open_line.store(0, Ordering::Relaxed);
                } else if closed || matches!(self.prev, b'\n' | b'\r') || self.prev == self.delim {
                    // A field's opening quote, or the second quote of a
                    // doubled pair inside a quoted field.
                    self.open = true;
                    self.state.open_line.store(self.line, Ordering::Relaxed);
                }
            } else if b == b'\n' {
                self.line += 1;
            }
            self.prev = b;
        }
        Ok(n)
    }
}

fn csv_source(ctx: Ctx, reader: Box<dyn Read + Send>, delim: u8) -> DocIter {
    let quotes = Arc::new(QuoteState::default());
    let watched = QuoteWatch {
        inner: reader,
        state: Arc::clone(&quotes),
        delim,
        line: 1,
        open: false,
        prev: b'\n',
        closed: false,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .has_headers(true)
        .from_reader(watched);
    let headers: Vec<String> = match rdr.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|f| {
                decode::decode(f, ctx.enc, false)
                    .map(|(s, _)| s.trim().to_owned())
                    .unwrap_or_default()
            })
            .collect(),
        Err(e) => {
            return Box::new(std::iter::once(Err(
                ctx.problem(1, ProblemKind::Csv(e.to_string()))
            )));
        }
    };
    let mut records = rdr.into_byte_records();
    let mut last_err_line = None;
    let mut told = false;
    Box::new(std::iter::from_fn(move || {
        loop {
            let Some(rec) = records.next() else {
                // At the end: a quote still open swallowed the rest.
                let line = quotes.open_line.load(Ordering::Relaxed);
                if line == 0 || told {
                    return None;
                }
                told = true;
                return Some(Err(
                    ctx.problem(line, ProblemKind::UnterminatedQuote { line })
                ));
            };
            let line = rec
                .as_ref()
                .ok()
                .and_then(|r| r.position())
                .map_or(0, |p| p.line() as usize);
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    let l = e.position().map_or(0, |p| p.line() as usize);
                    if last_err_line == Some(l) {
                        return None;
                    }
                    last_err_line = Some(l);
                    return Some(Err(ctx.problem(l, ProblemKind::Csv(e.to_string()))));
                }
            };
            if rec.iter().all(|f| f.trim_ascii().is_empty()) {
                continue;
            }
            let mut fields = Vec::with_capacity(rec.len());
            for f in rec.iter() {
                match decode::decode(f, ctx.enc, ctx.strict) {
                    Ok((s, _)) => fields.push(s),
                    Err(at) => {
                        return Some(Err(ctx.problem(
                            line,
                            ProblemKind::Undecodable {
                                encoding: ctx.enc,
                                byte: at,
                            },
                        )));
                    }
                }
            }
            let get = |k: &str| {
                headers
                    .iter()
                    .position(|h| h.eq_ignore_ascii_case(k))
                    .and_then(|i| fields.get(i).cloned())
            };
            return Some(ctx.record_doc(line, &get));
        }
    }))
}

static TREC_DOC: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?s)<DOC>(.*?)</DOC>").expect("valid regex"));

fn trec_field<'a>(block: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let s = block.find(&open)? + open.len();
    let e = s + block[s..].find(&close)?;
    Some(&block[s..e])
}

/// Documents of a TREC-style file. The text of each is the content of its
/// `<TEXT>` element (one newline after the opening tag and before the
/// closing tag dropped), exactly as in the file.
fn trec_docs(ctx: &Ctx, text: &str) -> Vec<Result<Document, LoadProblem>> {
    let mut out = Vec::new();
    let blocks: Vec<(usize, &str)> = TREC_DOC
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| (text[..m.start()].matches('\n').count() + 1, m.as_str()))
        .collect();
    if blocks.is_empty() {
        out.push(Err(
            ctx.problem(1, ProblemKind::MissingText("<DOC>".to_owned()))
        ));
    }
    let many = blocks.len() > 1;
    for (line, block) in blocks {
        let Some(body) = trec_field(block, "TEXT") else {
            out.push(Err(
                ctx.problem(line, ProblemKind::MissingText("<TEXT>".to_owned()))
            ));
            continue;
        };
        let body = body
            .strip_prefix("\r\n")
            .or_else(|| body.strip_prefix('\n'))
            .unwrap_or(body);
        let body = body
            .strip_suffix("\r\n")
            .or_else(|| body.strip_suffix('\n'))
            .unwrap_or(body);
        let field = |t: &str| {
            trec_field(block, t)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let id = field("DOCNO").unwrap_or_else(|| {
            if many {
                format!("{}:{line}", ctx.stem)
            } else {
                ctx.stem.clone()
            }
        });
        let mut d = Document::new(id, body);
        d.origin = if many {
            ctx.at(line)
        } else {
            ctx.origin.clone()
        };
        d.meta.title = field("TITLE").or_else(|| field("HEADLINE"));
        d.meta.url = field("URL");
        d.meta.source = field("SRC").or_else(|| field("SOURCE"));
        d.meta.published = field("TIME")
            .or_else(|| field("DATE"))
            .and_then(|s| crate::meta::parse_date(&s));
        out.push(Ok(d));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trec_documents_take_their_fields() {
        let sgml = "<DOC>\n<DOCNO>JA-1</DOCNO>\n<URL>http://x.invalid/1</URL>\n<SRC>Jawhara FM</SRC>\n\
                    <TITLE>عنوان الخبر</TITLE>\n<TIME>29/07/2016</TIME>\n<TEXT>\nسطر أول.\r\nسطر ثان.\n</TEXT>\n</DOC>\n";
        let mut l = Loader::from_bytes("a.txt", sgml.as_bytes().to_vec(), LoadOptions::default());
        let d = l.next().expect("one").expect("loads");
        assert_eq!(d.id, "JA-1");
        assert_eq!(d.text, "سطر أول.\r\nسطر ثان.");
        assert_eq!(d.meta.title.as_deref(), Some("عنوان الخبر"));
        assert_eq!(d.meta.published.as_deref(), Some("2016-07-29"));
        assert_eq!(d.meta.source.as_deref(), Some("Jawhara FM"));
        assert_eq!(d.meta.url.as_deref(), Some("http://x.invalid/1"));
        assert!(l.next().is_none());
    }

    #[test]
    fn names_and_formats_parse() {
        assert_eq!(
            Format::from_path(Path::new("a/b.JSONL.gz")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::from_path(Path::new("b.md")), None);
        assert_eq!("ndjson".parse(), Ok(Format::Jsonl));
        assert_eq!(stem_of("dir/x.tar.jsonl.gz"), "x.tar");
        assert_eq!(Input::from("-"), Input::Stdin);
    }

    #[test]
    fn problems_convert_to_diagnostics() {
        let p = LoadProblem::new(
            "a.jsonl".to_owned(),
            Some(3),
            ProblemKind::Json("eof".to_owned()),
        );
        let d = p.to_diagnostic();
        assert_eq!(d.origin, "a.jsonl:3");
        assert_eq!(d.message, "broken json: eof");
        assert_eq!(p.to_string(), "a.jsonl:3: broken json: eof");
    }
}
