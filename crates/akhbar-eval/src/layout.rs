//! The gold-set layout of ANNOTATION.md: reading, writing, and conversion
//! from the pipeline's types.

use crate::error::{EvalError, Problem};
use akhbar_core::{Annotations, CharIndex, CharSpan, Document, EntityType, RelationType, Zone};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Columns of `documents.csv`.
pub(crate) const DOCUMENT_COLUMNS: &[&str] =
    &["doc", "file", "sha256", "source", "published", "title"];
/// Columns of `zones.csv`.
pub(crate) const ZONE_COLUMNS: &[&str] = &["doc", "start", "end", "zone"];
/// Columns of `entities.csv`.
pub(crate) const ENTITY_COLUMNS: &[&str] = &[
    "doc",
    "id",
    "type",
    "start",
    "end",
    "text",
    "canonical",
    "value",
];
/// Columns of `relations.csv`.
pub(crate) const RELATION_COLUMNS: &[&str] = &["doc", "type", "head", "tail"];

/// A zone range of `zones.csv`: whole lines, in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoldZone {
    /// The lines covered, newline of the last one excluded.
    pub span: CharSpan,
    /// Their zone.
    pub zone: Zone,
}

/// An entity mention of `entities.csv`, in code points.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoldEntity {
    /// Id, unique within the document (`T1`, `T2`, …).
    pub id: String,
    /// Its type.
    pub entity_type: EntityType,
    /// Where it is.
    pub span: CharSpan,
    /// The covered text.
    pub text: String,
    /// Canonical name (PER, ORG, LOC, EVENT), slug (THREAT), or empty.
    pub canonical: String,
    /// DATE value, or empty.
    pub value: String,
}

/// A relation of `relations.csv`, between entity ids of one document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoldRelation {
    /// `has_title` or `met`.
    pub kind: RelationType,
    /// Id of the head mention.
    pub head: String,
    /// Id of the tail mention.
    pub tail: String,
}

/// One document of a gold set (or of a prediction set) with everything
/// annotated on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldDocument {
    /// The id, equal to the text file's stem.
    pub id: String,
    /// The text, when the set has it (optional for predictions).
    pub text: Option<String>,
    /// The publisher's name, or empty.
    pub source: String,
    /// The publication date (`2025-06-24`), or empty.
    pub published: String,
    /// The headline as it appears in the text, or empty.
    pub title: String,
    /// Zone ranges.
    pub zones: Vec<GoldZone>,
    /// Entity mentions.
    pub entities: Vec<GoldEntity>,
    /// Relations.
    pub relations: Vec<GoldRelation>,
}

impl GoldDocument {
    /// The gold-layout record of one document the pipeline processed: its
    /// id, text, metadata and zones, and the mentions (ids `T1`, `T2`, … in
    /// order) and relations of `ann`, with byte offsets turned into code
    /// points. Relations pointing past the mention list are dropped.
    ///
    /// ```
    /// use akhbar_core::{Annotations, ByteSpan, Document, EntityType, Mention};
    /// use akhbar_eval::GoldDocument;
    ///
    /// let doc = Document::new("d1", "زار حموشي باريس");
    /// let text = "باريس";
    /// let start = doc.text.find(text).unwrap();
    /// let ann = Annotations {
    ///     mentions: vec![Mention {
    ///         span: ByteSpan::new(start, start + text.len()),
    ///         entity_type: EntityType::Loc,
    ///         text: text.into(),
    ///         canonical: text.into(),
    ///         value: String::new(),
    ///     }],
    ///     relations: vec![],
    /// };
    /// let rec = GoldDocument::from_pipeline(&doc, &ann);
    /// assert_eq!(rec.entities[0].id, "T1");
    /// assert_eq!((rec.entities[0].span.start, rec.entities[0].span.end), (10, 15));
    /// ```
    pub fn from_pipeline(doc: &Document, ann: &Annotations) -> GoldDocument {
        let idx = CharIndex::new(&doc.text);
        let zones = doc
            .zones
            .iter()
            .map(|z| GoldZone {
                span: idx.to_chars(z.span),
                zone: z.zone,
            })
            .collect();
        let entities: Vec<GoldEntity> = ann
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| GoldEntity {
                id: format!("T{}", i + 1),
                entity_type: m.entity_type,
                span: idx.to_chars(m.span),
                text: doc
                    .text
                    .get(m.span.range())
                    .map_or_else(|| m.text.clone(), str::to_string),
                canonical: m.canonical.clone(),
                value: m.value.clone(),
            })
            .collect();
        let relations = ann
            .relations
            .iter()
            .filter_map(|r| {
                Some(GoldRelation {
                    kind: r.kind,
                    head: entities.get(r.head)?.id.clone(),
                    tail: entities.get(r.tail)?.id.clone(),
                })
            })
            .collect();
        GoldDocument {
            id: doc.id.clone(),
            text: Some(doc.text.clone()),
            source: doc.meta.source.clone().unwrap_or_default(),
            published: doc.meta.published.clone().unwrap_or_default(),
            title: doc.meta.title.clone().unwrap_or_default(),
            zones,
            entities,
            relations,
        }
    }
}

/// A gold set (or a prediction set in the same layout): documents sorted by
/// id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldSet {
    /// The documents, sorted by id, ids unique.
    pub documents: Vec<GoldDocument>,
}

impl GoldSet {
    /// A set of these documents, sorted by id.
    pub fn new(mut documents: Vec<GoldDocument>) -> GoldSet {
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        GoldSet { documents }
    }

    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&GoldDocument> {
        self.documents
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.documents[i])
    }

    /// Reads a gold set or a prediction set from `dir`.
    ///
    /// `entities.csv` is required; `texts/`, `documents.csv`, `zones.csv`
    /// and `relations.csv` are optional (a prediction set may lack them).
    /// The set's documents are those of `documents.csv` when it exists,
    /// otherwise every id met in the other files and in `texts/`.
    ///
    /// Errors name the file and row of the first problem that makes the
    /// set unreadable: malformed CSV, unknown or missing columns, unknown
    /// document, unknown type or zone, offsets outside the text or not
    /// matching the row's `text`, a sha256 that does not match, duplicate
    /// ids, relation endpoints that are not entity ids. The finer rules of
    /// ANNOTATION.md are checked by [`check_gold_set`](crate::check_gold_set).
    pub fn read(dir: &Path) -> Result<GoldSet, EvalError> {
        if !dir.is_dir() {
            return Err(EvalError::io(dir, "not a directory"));
        }
        let (parsed, problems) = parse(dir, false);
        if let Some(first) = problems.first() {
            return Err(EvalError::Invalid {
                first: first.clone(),
                more: problems.len() - 1,
            });
        }
        Ok(parsed.into_set())
    }

    /// Writes the set to `dir` in the layout of ANNOTATION.md: `texts/`
    /// (for documents that have a text), `documents.csv` (sha256 computed
    /// from the text), `zones.csv`, `entities.csv` and `relations.csv`.
    pub fn write(&self, dir: &Path) -> Result<(), EvalError> {
        let texts = dir.join("texts");
        fs::create_dir_all(&texts).map_err(|e| EvalError::io(&texts, e))?;
        let [mut documents, mut zones, mut entities, mut relations] =
            GOLD_CSV_HEADERS.map(String::from);
        for d in &self.documents {
            if let Some(t) = &d.text {
                let path = dir.join(d.text_file());
                fs::write(&path, t).map_err(|e| EvalError::io(&path, e))?;
            }
            let rows = d.csv_rows();
            documents.push_str(&rows.document);
            zones.push_str(&rows.zones);
            entities.push_str(&rows.entities);
            relations.push_str(&rows.relations);
        }
        for (name, table) in GOLD_CSV_FILES
            .into_iter()
            .zip([documents, zones, entities, relations])
        {
            let path = dir.join(name);
            fs::write(&path, table).map_err(|e| EvalError::io(&path, e))?;
        }
        Ok(())
    }
}

/// The four CSV files of the gold layout, in the order of
/// [`GOLD_CSV_HEADERS`] and of the fields of [`GoldCsvRows`].
pub const GOLD_CSV_FILES: [&str; 4] = [
    "documents.csv",
    "zones.csv",
    "entities.csv",
    "relations.csv",
];

/// The header row (newline included) of each file of [`GOLD_CSV_FILES`].
pub const GOLD_CSV_HEADERS: [&str; 4] = [
    "doc,file,sha256,source,published,title\n",
    "doc,start,end,zone\n",
    "doc,id,type,start,end,text,canonical,value\n",
    "doc,type,head,tail\n",
];

/// One document's rows of each CSV file of the gold layout, as CSV text
/// without header rows: exactly what [`GoldSet::write`] writes for it, for
/// writers that stream documents one at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldCsvRows {
    /// Its `documents.csv` row.
    pub document: String,
    /// Its `zones.csv` rows.
    pub zones: String,
    /// Its `entities.csv` rows.
    pub entities: String,
    /// Its `relations.csv` rows.
    pub relations: String,
}

impl GoldDocument {
    /// The path of its text relative to the set's directory
    /// (`texts/<doc>.txt`).
    pub fn text_file(&self) -> String {
        format!("texts/{}.txt", self.id)
    }

    /// Its rows of each CSV file of the gold layout; the sha256 is computed
    /// from the text (empty without one).
    pub fn csv_rows(&self) -> GoldCsvRows {
        let sha = self
            .text
            .as_deref()
            .map_or_else(String::new, |t| sha256_hex(t.as_bytes()));
        let mut rows = GoldCsvRows::default();
        push_row(
            &mut rows.document,
            [
                &self.id,
                &self.text_file(),
                &sha,
                &self.source,
                &self.published,
                &self.title,
            ],
        );
        for z in &self.zones {
            push_row(
                &mut rows.zones,
                [
                    &self.id,
                    &z.span.start.to_string(),
                    &z.span.end.to_string(),
                    z.zone.as_str(),
                ],
            );
        }
        for e in &self.entities {
            push_row(
                &mut rows.entities,
                [
                    &self.id,
                    &e.id,
                    e.entity_type.as_str(),
                    &e.span.start.to_string(),
                    &e.span.end.to_string(),
                    &e.text,
                    &e.canonical,
                    &e.value,
                ],
            );
        }
        for r in &self.relations {
            push_row(
                &mut rows.relations,
                [&self.id, r.kind.as_str(), &r.head, &r.tail],
            );
        }
        rows
    }
}

/// Appends one CSV row, RFC 4180-quoted, with its newline.
fn push_row<const N: usize>(out: &mut String, fields: [&str; N]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(f));
    }
    out.push('\n');
}

/// RFC 4180 quoting: fields holding a comma, quote or line break are
/// quoted, with quotes doubled.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Lowercase hex SHA-256 of some bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A value with the line of the file it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Located<T> {
    pub(crate) line: usize,
    pub(crate) item: T,
}

/// One document as parsed, with the lines of its rows for messages.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParsedDoc {
    /// Line of its `documents.csv` row (0 when it has none).
    pub(crate) line: usize,
    pub(crate) doc: GoldDocument,
    /// The text file, relative to the set's directory.
    pub(crate) file: String,
    pub(crate) zones: Vec<Located<GoldZone>>,
    pub(crate) entities: Vec<Located<GoldEntity>>,
    pub(crate) relations: Vec<Located<GoldRelation>>,
}

/// A parsed set: documents by id, plus which files were present.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    pub(crate) docs: BTreeMap<String, ParsedDoc>,
    pub(crate) present: BTreeSet<&'static str>,
}

impl Parsed {
    fn into_set(self) -> GoldSet {
        GoldSet::new(
            self.docs
                .into_values()
                .map(|p| GoldDocument {
                    zones: p.zones.into_iter().map(|l| l.item).collect(),
                    entities: p.entities.into_iter().map(|l| l.item).collect(),
                    relations: p.relations.into_iter().map(|l| l.item).collect(),
                    ..p.doc
                })
                .collect(),
        )
    }
}

/// The rows of one CSV file, fields in the order of the expected columns.
struct Rows {
    rows: Vec<(usize, Vec<String>)>,
}

/// Reads `dir/name` with the expected `columns`. `None` when the file does
/// not exist; problems (missing or unknown columns, malformed rows) are
/// pushed and the readable rows returned.
fn read_rows(
    dir: &Path,
    name: &'static str,
    columns: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<Rows> {
    let path = dir.join(name);
    if !path.exists() {
        return None;
    }
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            problems.push(Problem::new(name, 0, format!("cannot read: {e}")));
            return Some(Rows { rows: vec![] });
        }
    };
    let bytes = match bytes.strip_prefix("\u{FEFF}".as_bytes()) {
        Some(rest) => {
            problems.push(Problem::new(name, 1, "starts with a byte-order mark"));
            rest.to_vec()
        }
        None => bytes,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes.as_slice());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            problems.push(Problem::new(
                name,
                1,
                format!("unreadable header: {}", csv_message(&e)),
            ));
            return Some(Rows { rows: vec![] });
        }
    };
    if header.is_empty() || (header.len() == 1 && header[0].is_empty()) {
        problems.push(Problem::new(
            name,
            1,
            format!("empty header, expected `{}`", columns.join(",")),
        ));
        return Some(Rows { rows: vec![] });
    }
    let mut position = vec![None; columns.len()];
    let mut header_ok = true;
    for (i, h) in header.iter().enumerate() {
        match columns.iter().position(|c| c == h) {
            Some(c) if position[c].is_none() => position[c] = Some(i),
            Some(_) => {
                problems.push(Problem::new(name, 1, format!("column `{h}` appears twice")));
                header_ok = false;
            }
            None => {
                problems.push(Problem::new(
                    name,
                    1,
                    format!("unknown column `{h}` (expected `{}`)", columns.join(",")),
                ));
            }
        }
    }
    for (c, p) in columns.iter().zip(&position) {
        if p.is_none() {
            problems.push(Problem::new(name, 1, format!("missing column `{c}`")));
            header_ok = false;
        }
    }
    if !header_ok {
        return Some(Rows { rows: vec![] });
    }
    let mut rows = Vec::new();
    for rec in reader.records() {
        match rec {
            Ok(rec) => {
                let line = rec.position().map_or(0, |p| p.line() as usize);
                let fields = position
                    .iter()
                    .map(|p| p.and_then(|i| rec.get(i)).unwrap_or("").to_string())
                    .collect();
                rows.push((line, fields));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Problem::new(name, line, csv_message(&e)));
            }
        }
    }
    Some(Rows { rows })
}

/// A CSV error's message without its position (the problem carries it).
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("row has {len} fields, the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
        _ => format!("malformed CSV: {e}"),
    }
}

/// Parses a span's offsets and checks them against the text.
fn parse_span(
    fields: (&str, &str),
    text: Option<&(String, CharIndex)>,
) -> Result<CharSpan, String> {
    let start: usize = fields
        .0
        .trim()
        .parse()
        .map_err(|_| format!("start `{}` is not a non-negative integer", fields.0))?;
    let end: usize = fields
        .1
        .trim()
        .parse()
        .map_err(|_| format!("end `{}` is not a non-negative integer", fields.1))?;
    if end <= start {
        return Err(format!("span {start}..{end} is empty or reversed"));
    }
    if let Some((_, idx)) = text.filter(|(_, idx)| end > idx.char_len()) {
        return Err(format!(
            "span {start}..{end} is past the end of the text ({} code points)",
            idx.char_len()
        ));
    }
    Ok(CharSpan::new(start, end))
}

/// The slice of a text at a code-point span.
pub(crate) fn slice<'a>(text: &'a str, idx: &CharIndex, span: CharSpan) -> Option<&'a str> {
    let b = idx.to_bytes(span).ok()?;
    text.get(b.range())
}

/// A text for a one-line message: line breaks and tabs escaped, cut after
/// 60 characters.
pub(crate) fn show(s: &str) -> String {
    const MAX: usize = 60;
    let mut s = s.to_string();
    if let Some((cut, _)) = s.char_indices().nth(MAX) {
        s.truncate(cut);
        s.push('…');
    }
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
        .replace('\t', "\\t")
}

/// Reads a text file: UTF-8, no BOM.
fn read_text(dir: &Path, file: &str) -> Result<String, String> {
    let bytes = fs::read(dir.join(file)).map_err(|e| format!("cannot read `{file}`: {e}"))?;
    if bytes.starts_with("\u{FEFF}".as_bytes()) {
        return Err(format!("`{file}` starts with a byte-order mark"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "`{file}` is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Parses a set. With `strict` (a gold set to check), every file is
/// required and the documents are those of `documents.csv`; otherwise (a
/// set to score) only `entities.csv` is. Returns what could be read and
/// the problems met, in file order.
pub(crate) fn parse(dir: &Path, strict: bool) -> (Parsed, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut parsed = Parsed::default();
    let mut texts: BTreeMap<String, (String, CharIndex)> = BTreeMap::new();

    // documents.csv
    let documents = read_rows(dir, "documents.csv", DOCUMENT_COLUMNS, &mut problems);
    let has_documents = documents.is_some();
    match documents {
        Some(rows) => {
            parsed.present.insert("documents.csv");
            for (line, f) in rows.rows {
                let [doc, file, sha, source, published, title] =
                    <[String; 6]>::try_from(f).unwrap_or_default();
                if doc.is_empty() {
                    problems.push(Problem::new("documents.csv", line, "empty `doc`"));
                    continue;
                }
                if parsed.docs.contains_key(&doc) {
                    problems.push(Problem::new(
                        "documents.csv",
                        line,
                        format!("document `{doc}` appears twice"),
                    ));
                    continue;
                }
                if doc.contains(['/', '\\']) || doc.starts_with('.') {
                    problems.push(Problem::new(
                        "documents.csv",
                        line,
                        format!("document id `{doc}` is not a file stem"),
                    ));
                    continue;
                }
                let expected_file = format!("texts/{doc}.txt");
                if file != expected_file {
                    problems.push(Problem::new(
                        "documents.csv",
                        line,
                        format!("file `{file}` should be `{expected_file}`"),
                    ));
                }
                // Only the set's own `texts/<doc>.txt` is ever read, whatever
                // the `file` column says (a mismatch is reported above).
                let text_file = expected_file;
                let text = if dir.join(&text_file).is_file() {
                    match read_text(dir, &text_file) {
                        Ok(t) => Some(t),
                        Err(m) => {
                            problems.push(Problem::new("documents.csv", line, m));
                            None
                        }
                    }
                } else {
                    if strict {
                        problems.push(Problem::new(
                            "documents.csv",
                            line,
                            format!("text file `{text_file}` does not exist"),
                        ));
                    }
                    None
                };
                if let Some(t) = &text {
                    let actual = sha256_hex(t.as_bytes());
                    if (strict || !sha.is_empty()) && !sha.eq_ignore_ascii_case(&actual) {
                        problems.push(Problem::new(
                            "documents.csv",
                            line,
                            format!(
                                "sha256 of `{text_file}` is {actual}, not `{sha}`: the text changed under its annotations"
                            ),
                        ));
                    }
                    texts.insert(doc.clone(), (t.clone(), CharIndex::new(t)));
                }
                parsed.docs.insert(
                    doc.clone(),
                    ParsedDoc {
                        line,
                        file: text_file,
                        doc: GoldDocument {
                            id: doc,
                            text,
                            source,
                            published,
                            title,
                            ..GoldDocument::default()
                        },
                        ..ParsedDoc::default()
                    },
                );
            }
        }
        None if strict => problems.push(Problem::new("documents.csv", 0, "missing file")),
        None => {}
    }

    // texts/ without a documents.csv row.
    let mut text_files: Vec<String> = fs::read_dir(dir.join("texts"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    text_files.sort();
    for name in text_files {
        let id = name.trim_end_matches(".txt").to_string();
        if parsed.docs.contains_key(&id) {
            continue;
        }
        let file = format!("texts/{name}");
        if has_documents {
            if strict {
                problems.push(Problem::new(&file, 0, "no row in documents.csv"));
            }
            continue;
        }
        let text = match read_text(dir, &file) {
            Ok(t) => t,
            Err(m) => {
                problems.push(Problem::new(&file, 0, m));
                continue;
            }
        };
        texts.insert(id.clone(), (text.clone(), CharIndex::new(&text)));
        parsed.docs.insert(
            id.clone(),
            ParsedDoc {
                file,
                doc: GoldDocument {
                    id,
                    text: Some(text),
                    ..GoldDocument::default()
                },
                ..ParsedDoc::default()
            },
        );
    }

    // Looks up (or, for a prediction set without documents.csv, creates)
    // the document of a row.
    fn doc_of<'a>(
        parsed: &'a mut Parsed,
        id: &str,
        create: bool,
        file: &str,
        line: usize,
        problems: &mut Vec<Problem>,
    ) -> Option<&'a mut ParsedDoc> {
        if id.is_empty() {
            problems.push(Problem::new(file, line, "empty `doc`"));
            return None;
        }
        if !parsed.docs.contains_key(id) {
            if !create {
                problems.push(Problem::new(
                    file,
                    line,
                    format!("unknown document `{id}` (not in documents.csv)"),
                ));
                return None;
            }
            parsed.docs.insert(
                id.to_string(),
                ParsedDoc {
                    file: format!("texts/{id}.txt"),
                    doc: GoldDocument {
                        id: id.to_string(),
                        ..GoldDocument::default()
                    },
                    ..ParsedDoc::default()
                },
            );
        }
        parsed.docs.get_mut(id)
    }
    let create = !has_documents;

    // zones.csv
    match read_rows(dir, "zones.csv", ZONE_COLUMNS, &mut problems) {
        Some(rows) => {
            parsed.present.insert("zones.csv");
            for (line, f) in rows.rows {
                let [doc, start, end, zone] = <[String; 4]>::try_from(f).unwrap_or_default();
                let Some(pd) = doc_of(&mut parsed, &doc, create, "zones.csv", line, &mut problems)
                else {
                    continue;
                };
                let zone: Zone = match zone.parse() {
                    Ok(z) => z,
                    Err(_) => {
                        problems.push(Problem::new(
                            "zones.csv",
                            line,
                            format!(
                                "unknown zone `{zone}` (expected title, meta, body or boilerplate)"
                            ),
                        ));
                        continue;
                    }
                };
                match parse_span((&start, &end), texts.get(&doc)) {
                    Ok(span) => pd.zones.push(Located {
                        line,
                        item: GoldZone { span, zone },
                    }),
                    Err(m) => problems.push(Problem::new("zones.csv", line, m)),
                }
            }
        }
        None if strict => problems.push(Problem::new("zones.csv", 0, "missing file")),
        None => {}
    }

    // entities.csv
    match read_rows(dir, "entities.csv", ENTITY_COLUMNS, &mut problems) {
        Some(rows) => {
            parsed.present.insert("entities.csv");
            for (line, f) in rows.rows {
                let [doc, id, ty, start, end, text, canonical, value] =
                    <[String; 8]>::try_from(f).unwrap_or_default();
                let Some(pd) = doc_of(
                    &mut parsed,
                    &doc,
                    create,
                    "entities.csv",
                    line,
                    &mut problems,
                ) else {
                    continue;
                };
                if id.is_empty() {
                    problems.push(Problem::new("entities.csv", line, "empty `id`"));
                    continue;
                }
                if pd.entities.iter().any(|e| e.item.id == id) {
                    problems.push(Problem::new(
                        "entities.csv",
                        line,
                        format!("id `{id}` appears twice in document `{doc}`"),
                    ));
                    continue;
                }
                let entity_type: EntityType = match ty.parse() {
                    Ok(t) => t,
                    Err(_) => {
                        problems.push(Problem::new(
                            "entities.csv",
                            line,
                            format!("unknown type `{ty}` (expected PER, ORG, LOC, TITLE, DATE, EVENT or THREAT)"),
                        ));
                        continue;
                    }
                };
                let t = texts.get(&doc);
                let span = match parse_span((&start, &end), t) {
                    Ok(s) => s,
                    Err(m) => {
                        problems.push(Problem::new("entities.csv", line, m));
                        continue;
                    }
                };
                if let Some((full, idx)) = t {
                    let got = slice(full, idx, span).unwrap_or("");
                    if got != text {
                        problems.push(Problem::new(
                            "entities.csv",
                            line,
                            format!(
                                "span {}..{} is `{}` in the text, not `{}` (drifted offset?)",
                                span.start,
                                span.end,
                                show(got),
                                show(&text)
                            ),
                        ));
                        continue;
                    }
                }
                pd.entities.push(Located {
                    line,
                    item: GoldEntity {
                        id,
                        entity_type,
                        span,
                        text,
                        canonical,
                        value,
                    },
                });
            }
        }
        None => problems.push(Problem::new("entities.csv", 0, "missing file")),
    }

    // relations.csv
    match read_rows(dir, "relations.csv", RELATION_COLUMNS, &mut problems) {
        Some(rows) => {
            parsed.present.insert("relations.csv");
            for (line, f) in rows.rows {
                let [doc, ty, head, tail] = <[String; 4]>::try_from(f).unwrap_or_default();
                let Some(pd) = doc_of(
                    &mut parsed,
                    &doc,
                    create,
                    "relations.csv",
                    line,
                    &mut problems,
                ) else {
                    continue;
                };
                let kind: RelationType = match ty.parse() {
                    Ok(k) => k,
                    Err(_) => {
                        problems.push(Problem::new(
                            "relations.csv",
                            line,
                            format!("unknown relation type `{ty}` (expected has_title or met)"),
                        ));
                        continue;
                    }
                };
                let mut ok = true;
                for (role, id) in [("head", &head), ("tail", &tail)] {
                    if !pd.entities.iter().any(|e| &e.item.id == id) {
                        problems.push(Problem::new(
                            "relations.csv",
                            line,
                            format!("{role} `{id}` is not an entity id of document `{doc}`"),
                        ));
                        ok = false;
                    }
                }
                if ok {
                    pd.relations.push(Located {
                        line,
                        item: GoldRelation { kind, head, tail },
                    });
                }
            }
        }
        None if strict => problems.push(Problem::new("relations.csv", 0, "missing file")),
        None => {}
    }

    (parsed, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Field text with everything CSV must quote: commas, quotes, line
    /// breaks, Arabic, Latin.
    fn field() -> impl Strategy<Value = String> {
        "[a-z\u{0621}-\u{064A} ,\"\n\r]{0,12}"
    }

    fn document() -> impl Strategy<Value = GoldDocument> {
        (field(), field(), field(), field(), field()).prop_map(
            |(source, title, text, canonical, value)| GoldDocument {
                id: "d1".into(),
                text: None,
                source,
                published: String::new(),
                title,
                zones: vec![GoldZone {
                    span: CharSpan::new(0, 3),
                    zone: Zone::Body,
                }],
                entities: vec![GoldEntity {
                    id: "T1".into(),
                    entity_type: EntityType::Per,
                    span: CharSpan::new(1, 2),
                    text,
                    canonical,
                    value,
                }],
                relations: vec![GoldRelation {
                    kind: RelationType::Met,
                    head: "T1".into(),
                    tail: "T1".into(),
                }],
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn csv_round_trip(doc in document()) {
            let dir = tempfile::tempdir().expect("temp dir");
            let set = GoldSet::new(vec![doc]);
            set.write(dir.path()).expect("writes");
            prop_assert_eq!(GoldSet::read(dir.path()).expect("reads"), set);
        }
    }

    #[test]
    fn csv_rows_quote_fields_and_hash_the_text() {
        let doc = GoldDocument {
            id: "d1".into(),
            text: Some("نص، \"مقتبس\"".into()),
            title: "a,b".into(),
            ..GoldDocument::default()
        };
        let rows = doc.csv_rows();
        let sha = sha256_hex("نص، \"مقتبس\"".as_bytes());
        assert_eq!(rows.document, format!("d1,texts/d1.txt,{sha},,,\"a,b\"\n"));
        assert_eq!(rows.zones, "");
        let dir = tempfile::tempdir().expect("temp dir");
        GoldSet::new(vec![doc]).write(dir.path()).expect("writes");
        let written = fs::read_to_string(dir.path().join("documents.csv")).expect("reads");
        assert_eq!(written, format!("{}{}", GOLD_CSV_HEADERS[0], rows.document));
    }

    #[test]
    fn pipeline_relations_past_the_mentions_are_dropped() {
        let doc = Document::new("d", "abc");
        let ann = Annotations {
            mentions: vec![],
            relations: vec![akhbar_core::Relation {
                kind: RelationType::Met,
                head: 0,
                tail: 3,
            }],
        };
        assert!(GoldDocument::from_pipeline(&doc, &ann).relations.is_empty());
    }
}
