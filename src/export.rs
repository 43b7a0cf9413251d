//! Export writers: a document and its annotations rendered as JSON Lines,
//! CSV, CoNLL (IOB2), brat standoff or the gold layout of `ANNOTATION.md`.
//! Every offset written is in code points of the original text.
//!
//! Rendering is pure and runs on the worker threads; [`Sink`] puts the
//! rendered pieces in place, in input order.

use akhbar_core::{Annotations, ByteSpan, CharIndex, CharSpan, Document};
#[cfg(test)]
use akhbar_core::{Metadata, Zone};
use akhbar_eval::{GOLD_CSV_HEADERS, GoldDocument};
use akhbar_normalize::{sentences, tokenize};
#[cfg(test)]
use serde::Serialize;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// An output format of `akhbar extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per document: id, origin, meta, zones, mentions,
    /// relations.
    Jsonl,
    /// One row per mention, the columns of `entities.csv`.
    Csv,
    /// One token per line with its IOB2 tag, a blank line between
    /// sentences, `-DOCSTART-` between documents.
    Conll,
    /// brat standoff: `<doc>.txt` and `<doc>.ann` in `--out`.
    Brat,
    /// The gold layout of ANNOTATION.md in `--out` (scorable by `eval`).
    Gold,
}

impl ExportFormat {
    /// True for the formats that write several files and need `--out`.
    pub const fn needs_dir(self) -> bool {
        matches!(self, ExportFormat::Brat | ExportFormat::Gold)
    }

    /// The file written in `--out` by the stream formats.
    pub const fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "documents.jsonl",
            ExportFormat::Csv => "entities.csv",
            ExportFormat::Conll => "tokens.conll",
            ExportFormat::Brat => "annotation.conf",
            ExportFormat::Gold => "documents.csv",
        }
    }
}

/// The header row of `documents.csv`.
pub const DOCUMENTS_HEADER: &str = GOLD_CSV_HEADERS[0];
/// The header row of `zones.csv`.
pub const ZONES_HEADER: &str = GOLD_CSV_HEADERS[1];
/// The header row of `entities.csv`.
pub const ENTITIES_HEADER: &str = GOLD_CSV_HEADERS[2];
/// The header row of `relations.csv`.
pub const RELATIONS_HEADER: &str = GOLD_CSV_HEADERS[3];

/// One document rendered in a format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The document id (file stem for brat and gold).
    pub id: String,
    /// The main stream: a JSON line, CSV rows, a CoNLL block, the `.ann`
    /// file (brat) or the `documents.csv` row (gold).
    pub main: Vec<u8>,
    /// The text file (brat and gold).
    pub text: Option<String>,
    /// `zones.csv` rows (gold).
    pub zones: Vec<u8>,
    /// `entities.csv` rows (gold).
    pub entities: Vec<u8>,
    /// `relations.csv` rows (gold).
    pub relations: Vec<u8>,
}

#[cfg(test)]
#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    origin: &'a str,
    meta: &'a Metadata,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    zones: Vec<JsonZone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<Vec<JsonMention<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<Vec<JsonRelation>>,
}

#[cfg(test)]
#[derive(Serialize)]
struct JsonZone {
    start: usize,
    end: usize,
    zone: Zone,
}

#[cfg(test)]
#[derive(Serialize)]
struct JsonMention<'a> {
    id: String,
    #[serde(rename = "type")]
    entity_type: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    canonical: &'a str,
    value: &'a str,
}

#[cfg(test)]
#[derive(Serialize)]
struct JsonRelation {
    #[serde(rename = "type")]
    kind: &'static str,
    head: String,
    tail: String,
}

fn mention_id(i: usize) -> String {
    // `T` and the 1-based number, without the formatting machinery: this
    // runs for every mention and relation end of every document.
    let mut id = vec![b'T'];
    push_number(&mut id, i + 1);
    String::from_utf8(id).unwrap_or_default()
}

/// The code-point offsets of the few byte offsets a record needs, counted
/// in one sweep of the text: cheaper than a [`CharIndex`] of every
/// character when a document has a handful of spans. Converts exactly as
/// [`CharIndex::to_chars`] does (a byte inside a character maps to that
/// character's start; past the end, to the length).
struct CharOffsets {
    /// Sorted, distinct byte offsets and their code-point offsets.
    table: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str, spans: impl Iterator<Item = ByteSpan>) -> Self {
        let mut bytes: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let raw = text.as_bytes();
        let (mut at, mut chars) = (0, 0);
        let table = bytes
            .into_iter()
            .map(|b| {
                let end = b.min(raw.len());
                // Code points start at every byte that is not a UTF-8
                // continuation byte (0b10xx_xxxx).
                chars += raw[at..end].iter().filter(|&&x| (x as i8) >= -0x40).count();
                at = end;
                let inside = !text.is_char_boundary(end);
                (b, chars - usize::from(inside))
            })
            .collect();
        Self { table }
    }

    fn to_chars(&self, span: ByteSpan) -> CharSpan {
        let of = |b: usize| {
            self.table
                .binary_search_by_key(&b, |&(byte, _)| byte)
                .map_or(0, |i| self.table[i].1)
        };
        CharSpan::new(of(span.start), of(span.end))
    }
}

/// The JSON line of a document (newline included): with its text when
/// `with_text`, with mentions and relations when `ann` is given.
///
/// Written field by field (strings escaped by serde_json, numbers by hand):
/// the same bytes as serializing the record with serde, at a fraction of
/// the cost on corpora of millions of mentions (a test compares the two).
pub fn json_line(doc: &Document, ann: Option<&Annotations>, with_text: bool) -> Vec<u8> {
    let spans = doc.zones.iter().map(|z| z.span).chain(
        ann.into_iter()
            .flat_map(|a| a.mentions.iter().map(|m| m.span)),
    );
    let idx = CharOffsets::new(&doc.text, spans);
    // Sized for a typical record so that the buffer rarely grows.
    let mut out = Vec::with_capacity(1024 + 128 * ann.map_or(0, |a| a.mentions.len()));
    out.extend_from_slice(b"{\"id\":");
    json_str(&mut out, &doc.id);
    out.extend_from_slice(b",\"origin\":");
    json_str(&mut out, &doc.origin);
    out.extend_from_slice(b",\"meta\":");
    if serde_json::to_writer(&mut out, &doc.meta).is_err() {
        out.extend_from_slice(b"{}");
    }
    if with_text {
        out.extend_from_slice(b",\"text\":");
        json_str(&mut out, &doc.text);
    }
    out.extend_from_slice(b",\"zones\":[");
    for (k, z) in doc.zones.iter().enumerate() {
        let c = idx.to_chars(z.span);
        if k > 0 {
            out.push(b',');
        }
        out.push(b'{');
        push_span(&mut out, c);
        out.extend_from_slice(b",\"zone\":\"");
        out.extend_from_slice(z.zone.as_str().as_bytes());
        out.extend_from_slice(b"\"}");
    }
    out.push(b']');
    if let Some(a) = ann {
        out.extend_from_slice(b",\"mentions\":[");
        for (i, m) in a.mentions.iter().enumerate() {
            let c = idx.to_chars(m.span);
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":\"T");
            push_number(&mut out, i + 1);
            out.extend_from_slice(b"\",\"type\":\"");
            out.extend_from_slice(m.entity_type.as_str().as_bytes());
            out.extend_from_slice(b"\",");
            push_span(&mut out, c);
            out.extend_from_slice(b",\"text\":");
            json_str(&mut out, &m.text);
            out.extend_from_slice(b",\"canonical\":");
            json_str(&mut out, &m.canonical);
            out.extend_from_slice(b",\"value\":");
            json_str(&mut out, &m.value);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"relations\":[");
        for (k, r) in a.relations.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"type\":\"");
            out.extend_from_slice(r.kind.as_str().as_bytes());
            out.extend_from_slice(b"\",\"head\":\"T");
            push_number(&mut out, r.head + 1);
            out.extend_from_slice(b"\",\"tail\":\"T");
            push_number(&mut out, r.tail + 1);
            out.extend_from_slice(b"\"}");
        }
        out.push(b']');
    }
    out.extend_from_slice(b"}\n");
    out
}

/// Appends `s` as a JSON string (quoted and escaped as serde_json does).
fn json_str(out: &mut Vec<u8>, s: &str) {
    if serde_json::to_writer(&mut *out, s).is_err() {
        out.extend_from_slice(b"\"\"");
    }
}

/// Appends `"start":S,"end":E`.
fn push_span(out: &mut Vec<u8>, c: CharSpan) {
    out.extend_from_slice(b"\"start\":");
    push_number(out, c.start);
    out.extend_from_slice(b",\"end\":");
    push_number(out, c.end);
}

/// Appends `n` in decimal.
fn push_number(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let (mut n, mut k) = (n, digits.len());
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[k..]);
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new())
}

fn csv_bytes(w: csv::Writer<Vec<u8>>) -> Vec<u8> {
    w.into_inner().unwrap_or_default()
}

/// The `entities.csv` rows of a document.
pub fn entity_rows(doc: &Document, ann: &Annotations, idx: &CharIndex) -> Vec<u8> {
    let mut w = csv_writer();
    for (i, m) in ann.mentions.iter().enumerate() {
        let c = idx.to_chars(m.span);
        let _ = w.write_record([
            doc.id.as_str(),
            &mention_id(i),
            m.entity_type.as_str(),
            &c.start.to_string(),
            &c.end.to_string(),
            &m.text,
            &m.canonical,
            &m.value,
        ]);
    }
    csv_bytes(w)
}

/// The CoNLL block of a document: the tokens of its title and body zones
/// (its whole text when it is not zoned), one per line with an IOB2 tag;
/// a token that overlaps a mention takes its type.
pub fn conll_block(doc: &Document, ann: &Annotations) -> Vec<u8> {
    let mut out = "-DOCSTART- O\n\n".to_string();
    let text = &doc.text;
    let ranges: Vec<(usize, usize)> = if doc.zones.is_empty() {
        vec![(0, text.len())]
    } else {
        doc.zones
            .iter()
            .filter(|z| z.zone.is_content())
            .map(|z| (z.span.start, z.span.end.min(text.len())))
            .collect()
    };
    let mut m = 0;
    for (start, end) in ranges {
        let Some(part) = text.get(start..end) else {
            continue;
        };
        for sentence in sentences(part) {
            let base = start + sentence.start;
            let mut inside: Option<usize> = None;
            let tokens = tokenize(&part[sentence.range()]);
            if tokens.is_empty() {
                continue;
            }
            for t in tokens {
                let (ts, te) = (base + t.span.start, base + t.span.end);
                while m < ann.mentions.len() && ann.mentions[m].span.end <= ts {
                    m += 1;
                }
                let tag = match ann.mentions.get(m) {
                    Some(men) if men.span.start < te => {
                        let ty = men.entity_type.as_str();
                        if inside == Some(m) {
                            format!("I-{ty}")
                        } else {
                            inside = Some(m);
                            format!("B-{ty}")
                        }
                    }
                    _ => {
                        inside = None;
                        "O".to_string()
                    }
                };
                out.push_str(t.text);
                out.push(' ');
                out.push_str(&tag);
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out.into_bytes()
}

/// The brat `.ann` file of a document: a `T` line per mention (split into
/// fragments at line ends), an `AnnotatorNotes` line with its canonical and
/// value, an `R` line per relation.
pub fn brat_ann(doc: &Document, ann: &Annotations, idx: &CharIndex) -> Vec<u8> {
    let mut out = String::new();
    let mut note = 0;
    for (i, m) in ann.mentions.iter().enumerate() {
        let mut fragments = Vec::new();
        let mut off = m.span.start;
        for piece in doc.text.get(m.span.range()).unwrap_or("").split('\n') {
            if !piece.is_empty() {
                let c = idx.to_chars(akhbar_core::ByteSpan::new(off, off + piece.len()));
                fragments.push(format!("{} {}", c.start, c.end));
            }
            off += piece.len() + 1;
        }
        let shown = m.text.replace(['\n', '\t'], " ");
        out.push_str(&format!(
            "{}\t{} {}\t{}\n",
            mention_id(i),
            m.entity_type,
            fragments.join(";"),
            shown
        ));
        let mut notes = Vec::new();
        if !m.canonical.is_empty() {
            notes.push(format!("canonical={}", m.canonical));
        }
        if !m.value.is_empty() {
            notes.push(format!("value={}", m.value));
        }
        if !notes.is_empty() {
            note += 1;
            out.push_str(&format!(
                "#{note}\tAnnotatorNotes {}\t{}\n",
                mention_id(i),
                notes.join("; ").replace(['\n', '\t'], " ")
            ));
        }
    }
    for (i, r) in ann.relations.iter().enumerate() {
        out.push_str(&format!(
            "R{}\t{} Arg1:{} Arg2:{}\n",
            i + 1,
            r.kind,
            mention_id(r.head),
            mention_id(r.tail)
        ));
    }
    out.into_bytes()
}

/// The brat configuration written once in `--out`.
pub const BRAT_CONF: &str = "[entities]\nPER\nORG\nLOC\nTITLE\nDATE\nEVENT\nTHREAT\n\n[relations]\nhas_title\tArg1:PER, Arg2:TITLE\nmet\tArg1:PER, Arg2:PER\n\n[events]\n\n[attributes]\n";

/// Renders one document in `format`. `with_text` adds the text to JSON
/// Lines records.
pub fn render(
    format: ExportFormat,
    doc: &Document,
    ann: &Annotations,
    with_text: bool,
) -> Rendered {
    let mut r = Rendered {
        id: doc.id.clone(),
        ..Rendered::default()
    };
    match format {
        ExportFormat::Jsonl => r.main = json_line(doc, Some(ann), with_text),
        ExportFormat::Csv => r.main = entity_rows(doc, ann, &CharIndex::new(&doc.text)),
        ExportFormat::Conll => r.main = conll_block(doc, ann),
        ExportFormat::Brat => {
            r.main = brat_ann(doc, ann, &CharIndex::new(&doc.text));
            r.text = Some(doc.text.clone());
        }
        ExportFormat::Gold => {
            // One conversion to the gold layout and one CSV writer, shared
            // with the scorer.
            let rows = GoldDocument::from_pipeline(doc, ann).csv_rows();
            r.main = rows.document.into_bytes();
            r.zones = rows.zones.into_bytes();
            r.entities = rows.entities.into_bytes();
            r.relations = rows.relations.into_bytes();
            r.text = Some(doc.text.clone());
        }
    }
    r
}

/// Where rendered documents go: stdout, or files in a directory.
pub struct Sink {
    format: ExportFormat,
    dir: Option<PathBuf>,
    main: Box<dyn Write + Send>,
    zones: Option<BufWriter<File>>,
    entities: Option<BufWriter<File>>,
    relations: Option<BufWriter<File>>,
}

fn create(path: &Path) -> io::Result<BufWriter<File>> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 16, f))
        .map_err(|e| io::Error::new(e.kind(), format!("{}: cannot create: {e}", path.display())))
}

/// Writes a whole file; the error names it.
fn write_file(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    fs::write(path, contents)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: cannot write: {e}", path.display())))
}

impl Sink {
    /// Opens the outputs of `format`: `out` is the `--out` directory
    /// (created if needed), or `None` for stdout. Writes the headers.
    pub fn open(format: ExportFormat, out: Option<&Path>) -> io::Result<Self> {
        let main: Box<dyn Write + Send> = match out {
            Some(dir) => {
                fs::create_dir_all(dir).map_err(|e| {
                    io::Error::new(
                        e.kind(),
                        format!("{}: cannot create directory: {e}", dir.display()),
                    )
                })?;
                if format == ExportFormat::Gold {
                    let texts = dir.join("texts");
                    fs::create_dir_all(&texts).map_err(|e| {
                        io::Error::new(
                            e.kind(),
                            format!("{}: cannot create directory: {e}", texts.display()),
                        )
                    })?;
                }
                Box::new(create(&dir.join(format.file_name()))?)
            }
            None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
        };
        let mut sink = Sink {
            format,
            dir: out.map(Path::to_path_buf),
            main,
            zones: None,
            entities: None,
            relations: None,
        };
        match format {
            ExportFormat::Csv => sink.main.write_all(ENTITIES_HEADER.as_bytes())?,
            ExportFormat::Brat => sink.main.write_all(BRAT_CONF.as_bytes())?,
            ExportFormat::Gold => {
                sink.main.write_all(DOCUMENTS_HEADER.as_bytes())?;
                let dir = sink.dir.clone().unwrap_or_default();
                let open = |name: &str, header: &str| -> io::Result<Option<BufWriter<File>>> {
                    let mut w = create(&dir.join(name))?;
                    w.write_all(header.as_bytes())?;
                    Ok(Some(w))
                };
                sink.zones = open("zones.csv", ZONES_HEADER)?;
                sink.entities = open("entities.csv", ENTITIES_HEADER)?;
                sink.relations = open("relations.csv", RELATIONS_HEADER)?;
            }
            ExportFormat::Jsonl | ExportFormat::Conll => {}
        }
        Ok(sink)
    }

    /// Writes one rendered document.
    pub fn write(&mut self, r: Rendered) -> io::Result<()> {
        match self.format {
            ExportFormat::Jsonl | ExportFormat::Csv | ExportFormat::Conll => {
                self.main.write_all(&r.main)
            }
            ExportFormat::Brat => {
                let dir = self.dir.clone().unwrap_or_default();
                write_file(
                    &dir.join(format!("{}.txt", r.id)),
                    r.text.unwrap_or_default(),
                )?;
                write_file(&dir.join(format!("{}.ann", r.id)), &r.main)
            }
            ExportFormat::Gold => {
                let dir = self.dir.clone().unwrap_or_default();
                write_file(
                    &dir.join("texts").join(format!("{}.txt", r.id)),
                    r.text.unwrap_or_default(),
                )?;
                self.main.write_all(&r.main)?;
                for (w, rows) in [
                    (&mut self.zones, &r.zones),
                    (&mut self.entities, &r.entities),
                    (&mut self.relations, &r.relations),
                ] {
                    if let Some(w) = w {
                        w.write_all(rows)?;
                    }
                }
                Ok(())
            }
        }
    }

    /// Flushes every output.
    pub fn finish(mut self) -> io::Result<()> {
        self.main.flush()?;
        for w in [&mut self.zones, &mut self.entities, &mut self.relations]
            .into_iter()
            .flatten()
        {
            w.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The serde rendering [`json_line`] must equal byte for byte.
    fn json_line_serde(doc: &Document, ann: Option<&Annotations>, with_text: bool) -> Vec<u8> {
        let spans = doc.zones.iter().map(|z| z.span).chain(
            ann.into_iter()
                .flat_map(|a| a.mentions.iter().map(|m| m.span)),
        );
        let idx = CharOffsets::new(&doc.text, spans);
        let zones = doc
            .zones
            .iter()
            .map(|z| {
                let c = idx.to_chars(z.span);
                JsonZone {
                    start: c.start,
                    end: c.end,
                    zone: z.zone,
                }
            })
            .collect();
        let mentions = ann.map(|a| {
            a.mentions
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let c = idx.to_chars(m.span);
                    JsonMention {
                        id: mention_id(i),
                        entity_type: m.entity_type.as_str(),
                        start: c.start,
                        end: c.end,
                        text: &m.text,
                        canonical: &m.canonical,
                        value: &m.value,
                    }
                })
                .collect()
        });
        let relations = ann.map(|a| {
            a.relations
                .iter()
                .map(|r| JsonRelation {
                    kind: r.kind.as_str(),
                    head: mention_id(r.head),
                    tail: mention_id(r.tail),
                })
                .collect()
        });
        let record = JsonDoc {
            id: &doc.id,
            origin: &doc.origin,
            meta: &doc.meta,
            text: with_text.then_some(doc.text.as_str()),
            zones,
            mentions,
            relations,
        };
        // Sized for a typical record so that the writer rarely grows the buffer.
        let mut out = Vec::with_capacity(1024 + 96 * ann.map_or(0, |a| a.mentions.len()));
        if serde_json::to_writer(&mut out, &record).is_err() {
            out.clear();
        }
        out.push(b'\n');
        out
    }
    use akhbar_core::{ByteSpan, EntityType, Mention, Relation, RelationType};

    fn sample() -> (Document, Annotations) {
        let mut doc = Document::new("d", "التقى السيد حموشي بالمدير\nفي باريس.");
        akhbar_load::prepare(&mut doc);
        let span = |s: &str| {
            let start = doc.text.find(s).unwrap();
            ByteSpan::new(start, start + s.len())
        };
        let mention = |s: &str, t, c: &str| Mention {
            span: span(s),
            entity_type: t,
            text: s.into(),
            canonical: c.into(),
            value: String::new(),
        };
        let ann = Annotations {
            mentions: vec![
                mention("حموشي", EntityType::Per, "عبد اللطيف حموشي"),
                mention("المدير", EntityType::Title, ""),
                mention("باريس", EntityType::Loc, "باريس"),
            ],
            relations: vec![Relation {
                kind: RelationType::HasTitle,
                head: 0,
                tail: 1,
            }],
        };
        (doc, ann)
    }

    #[test]
    fn conll_tags_tokens_in_iob2() {
        let (doc, ann) = sample();
        let out = String::from_utf8(conll_block(&doc, &ann)).unwrap();
        assert_eq!(
            out,
            "-DOCSTART- O\n\nالتقى O\nالسيد O\nحموشي B-PER\nبالمدير B-TITLE\n\nفي O\nباريس B-LOC\n. O\n\n"
        );
    }

    #[test]
    fn brat_offsets_are_code_points() {
        let (doc, ann) = sample();
        let idx = CharIndex::new(&doc.text);
        let out = String::from_utf8(brat_ann(&doc, &ann, &idx)).unwrap();
        assert!(
            out.starts_with(
                "T1\tPER 12 17\tحموشي\n#1\tAnnotatorNotes T1\tcanonical=عبد اللطيف حموشي\n"
            ),
            "{out}"
        );
        assert!(out.ends_with("R1\thas_title Arg1:T1 Arg2:T2\n"), "{out}");
    }

    proptest::proptest! {
        #[test]
        fn char_offsets_convert_as_the_full_index(
            text in "[\\u{0600}-\\u{06FF}a-z \\u{1F600}]{0,30}",
            cuts in proptest::collection::vec((0usize..130, 0usize..130), 0..8),
        ) {
            let spans: Vec<ByteSpan> = cuts
                .iter()
                .map(|&(a, b)| ByteSpan::new(a.min(b), a.max(b)))
                .collect();
            let full = CharIndex::new(&text);
            let sparse = CharOffsets::new(&text, spans.iter().copied());
            for s in spans {
                proptest::prop_assert_eq!(sparse.to_chars(s), full.to_chars(s));
            }
        }
    }

    #[test]
    fn json_line_writes_what_serde_writes() {
        let (mut doc, mut ann) = sample();
        for (with_text, with_ann) in [(false, true), (true, true), (true, false), (false, false)] {
            let a = with_ann.then_some(&ann);
            assert_eq!(
                String::from_utf8(json_line(&doc, a, with_text)).unwrap(),
                String::from_utf8(json_line_serde(&doc, a, with_text)).unwrap()
            );
        }
        // Characters JSON must escape, in every string field.
        let odd = "q\"b\\s\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f} ‏ü";
        doc.id = odd.into();
        doc.origin = odd.into();
        doc.meta.title = Some(odd.into());
        for m in &mut ann.mentions {
            m.canonical = odd.into();
            m.value = odd.into();
        }
        assert_eq!(
            json_line(&doc, Some(&ann), true),
            json_line_serde(&doc, Some(&ann), true)
        );
    }

    #[test]
    fn mention_ids_count_from_one() {
        assert_eq!(mention_id(0), "T1");
        assert_eq!(mention_id(9), "T10");
        assert_eq!(mention_id(122), "T123");
    }

    #[test]
    fn json_line_is_one_line_with_char_offsets() {
        let (doc, ann) = sample();
        let line = String::from_utf8(json_line(&doc, Some(&ann), false)).unwrap();
        assert_eq!(line.matches('\n').count(), 1);
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["mentions"][0]["start"], 12);
        assert_eq!(v["relations"][0]["head"], "T1");
    }
}
