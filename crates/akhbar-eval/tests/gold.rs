//! Reading, writing, checking and self-scoring gold sets, on the fixture
//! set `tests/fixtures/gold` and corrupted copies of it.

use akhbar_eval::{GoldSet, Problem, check_gold_set, evaluate};
use std::fs;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold")
}

/// A temporary copy of the fixture set.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("texts")).expect("texts dir");
    for sub in ["", "texts"] {
        let from = fixture().join(sub);
        for e in fs::read_dir(&from).expect("fixture dir") {
            let e = e.expect("entry");
            if e.path().is_file() {
                fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).expect("copy");
            }
        }
    }
    dir
}

/// Rewrites `dir/file` with `f`.
fn edit(dir: &Path, file: &str, f: impl FnOnce(String) -> String) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).expect("readable");
    fs::write(&path, f(text)).expect("writable");
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(Problem::to_string).collect()
}

#[test]
fn fixture_set_is_valid() {
    assert_eq!(messages(&check_gold_set(&fixture())), Vec::<String>::new());
}

#[test]
fn corrupted_copy_lists_every_problem_with_file_and_row() {
    let dir = copy();
    let d = dir.path();
    // Drifted offset (row of T2 in a1 is line 3), overlapping span (a new
    // last row), unknown type.
    edit(d, "entities.csv", |t| {
        let t = t.replace("a1,T2,LOC,50,56,", "a1,T2,LOC,51,57,");
        format!("{t}a1,T10,ORG,90,95,لفتيت,وزارة,\nb2,T8,PERSON,0,7,انتربول,x,\n")
    });
    // Bad sha for b2 (line 3).
    edit(d, "documents.csv", |t| {
        let sha = t
            .lines()
            .nth(2)
            .and_then(|l| l.split(',').nth(2))
            .expect("sha")
            .to_string();
        t.replace(&sha, &"0".repeat(64))
    });
    // Unknown column.
    edit(d, "relations.csv", |t| {
        t.replacen("doc,type,head,tail", "doc,type,head,tail,note", 1)
            .replace("T3\n", "T3,\n")
            .replace("T7\n", "T7,\n")
    });
    let got = messages(&check_gold_set(d));
    let want = [
        "documents.csv:3: sha256 of `texts/b2.txt` is ",
        "entities.csv:3: span 51..57 is `لرباط\\n` in the text, not `الرباط` (drifted offset?)",
        "entities.csv:19: unknown type `PERSON` (expected PER, ORG, LOC, TITLE, DATE, EVENT or THREAT)",
        "relations.csv:1: unknown column `note` (expected `doc,type,head,tail`)",
        "entities.csv:18: T10 90..95 overlaps T4 79..95 (entities.csv:5): mentions are flat",
    ];
    for w in want {
        assert!(
            got.iter().any(|g| g.starts_with(w)),
            "missing `{w}` in:\n{}",
            got.join("\n")
        );
    }
    assert_eq!(got.len(), want.len(), "{}", got.join("\n"));
}

#[test]
fn semantic_rules_are_checked() {
    let dir = copy();
    let d = dir.path();
    edit(d, "entities.csv", |t| {
        t.replace(
            "a1,T8,THREAT,194,201,الإرهاب,terrorism,",
            "a1,T8,THREAT,194,201,الإرهاب,terror,",
        )
        .replace(",,2025-06-24", ",,2025-13-01")
        .replace(
            "b2,T6,LOC,118,122,ليون,ليون,",
            "b2,T6,LOC,118,122,ليون,ليون الفرنسية,",
        )
        .replace(
            "b2,T5,DATE,102,114,الصيف المقبل,,XXXX-SU",
            "b2,T5,LOC,102,114,الصيف المقبل,,XXXX-SU",
        )
    });
    edit(d, "zones.csv", |t| {
        t.replace("a1,0,11,meta\n", "a1,0,11,title\n")
            .replace("a1,173,222,body\n", "a1,173,222,boilerplate\n")
            .replace("b2,29,130,body\n", "b2,29,125,body\n")
    });
    edit(d, "relations.csv", |t| {
        format!("{t}a1,has_title,T4,T7\na1,met,T7,T4\n")
    });
    let got = messages(&check_gold_set(d)).join("\n");
    for w in [
        "zones.csv:8: zone 29..125 does not end at the end of a line (newline excluded)",
        "entities.csv:9: T8 `الإرهاب` is in a boilerplate zone: entities are annotated in title and body zones only",
        "entities.csv:9: T8 canonical `terror` is not a THREAT slug",
        "entities.csv:6: T5 DATE value `2025-13-01`: a month is `01` to `12` or `XX`",
        "entities.csv:15: T5 is LOC but has no canonical",
        "entities.csv:15: T5 is LOC: value must be empty, not `XXXX-SU`",
        "entities.csv:17: T7 `فرنسا` is not inside one title or body zone",
        "entities.csv:16: T6 `ليون` has canonical `ليون الفرنسية` but `ليون` at entities.csv:12: one entity, one canonical",
        "relations.csv:4: has_title joins PER T4 to PER T7: it needs head PER and tail TITLE",
        "relations.csv:5: met T7 T4 is annotated twice (met is symmetric: once per pair)",
    ] {
        assert!(got.contains(w), "missing `{w}` in:\n{got}");
    }
}

#[test]
fn uncovered_lines_and_missing_files_are_reported() {
    let dir = copy();
    let d = dir.path();
    edit(d, "zones.csv", |t| t.replace("a1,58,172,body\n", ""));
    fs::remove_file(d.join("relations.csv")).expect("remove");
    let got = messages(&check_gold_set(d));
    assert!(
        got.contains(&"relations.csv: missing file".to_string()),
        "{got:?}"
    );
    assert!(
        got.contains(&"texts/a1.txt:5: line is in no zone (code points 58..172)".to_string()),
        "{got:?}"
    );
    // Entities of that line now lie in no zone.
    assert!(
        got.iter()
            .any(|g| g.contains("T4 `عبد الوافي لفتيت` is not inside one title or body zone"))
    );
}

#[test]
fn read_fails_naming_file_and_row() {
    let dir = copy();
    edit(dir.path(), "entities.csv", |t| {
        t.replace("b2,T6,LOC,118,122,", "b2,T6,LOC,118,999,")
    });
    let err = GoldSet::read(dir.path()).expect_err("out of bounds");
    assert_eq!(
        err.to_string(),
        "entities.csv:16: span 118..999 is past the end of the text (131 code points)"
    );
    let dir = copy();
    edit(dir.path(), "zones.csv", |t| format!("{t}zz,0,1,body\n"));
    let err = GoldSet::read(dir.path()).expect_err("unknown doc");
    assert_eq!(
        err.to_string(),
        "zones.csv:9: unknown document `zz` (not in documents.csv)"
    );
    let dir = copy();
    edit(dir.path(), "entities.csv", |t| format!("{t}a1,\"T1\n"));
    let err = GoldSet::read(dir.path()).expect_err("malformed");
    assert!(err.to_string().starts_with("entities.csv:18: "), "{err}");
}

#[test]
fn write_then_read_round_trips() {
    let gold = GoldSet::read(&fixture()).expect("fixture reads");
    let dir = tempfile::tempdir().expect("temp dir");
    gold.write(dir.path()).expect("writes");
    assert_eq!(GoldSet::read(dir.path()).expect("reads back"), gold);
    assert!(check_gold_set(dir.path()).is_empty());
    for name in [
        "documents.csv",
        "zones.csv",
        "entities.csv",
        "relations.csv",
    ] {
        assert_eq!(
            fs::read_to_string(dir.path().join(name)).expect("written"),
            fs::read_to_string(fixture().join(name)).expect("fixture"),
            "{name}"
        );
    }
}

#[test]
fn gold_scored_against_itself_is_perfect_everywhere() {
    let gold = GoldSet::read(&fixture()).expect("fixture reads");
    let r = evaluate(&gold, &gold).expect("scores");
    let figures = r.figures();
    let rates: Vec<_> = figures
        .iter()
        .filter(|(k, _)| {
            let leaf = k.rsplit('.').next().unwrap_or("");
            let rate = ["precision", "recall", "f1", "accuracy"]
                .iter()
                .any(|r| leaf.ends_with(r));
            // The fixture has no EVENT: its per-type figures are 0 / 0.
            rate && !k.contains(".per_type.EVENT.")
        })
        .collect();
    assert!(rates.len() > 40, "{}", rates.len());
    for (k, v) in rates {
        assert_eq!(*v, 1.0, "{k}");
    }
    assert_eq!(r.entities.strict_f1_ci95, [1.0, 1.0]);
    assert_eq!(r.entities.overall.strict.possible, 16);
    assert_eq!(r.linking.matched, 12);
    assert_eq!(r.dates.matched, 2);
    assert_eq!(r.relations.all.gold, 2);
    assert_eq!(r.zones.lines, 7);
}

#[test]
fn prediction_sets_may_lack_optional_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("entities.csv"),
        "doc,id,type,start,end,text,canonical,value\nb2,T1,ORG,0,7,انتربول,المنظمة الدولية للشرطة الجنائيّة,\n",
    )
    .expect("write");
    let pred = GoldSet::read(dir.path()).expect("reads");
    assert_eq!(pred.documents.len(), 1);
    let gold = GoldSet::read(&fixture()).expect("fixture reads");
    let r = evaluate(&gold, &pred).expect("scores");
    assert_eq!(r.entities.overall.strict.correct, 1);
    assert_eq!(r.entities.overall.strict.missed, 15);
    assert_eq!((r.linking.matched, r.linking.correct), (1, 1));
    assert_eq!(r.zones.content_recall, 0.0);

    fs::write(
        dir.path().join("entities.csv"),
        "doc,id,type,start,end,text,canonical,value\nc3,T1,ORG,0,7,انتربول,أنتربول,\n",
    )
    .expect("write");
    let pred = GoldSet::read(dir.path()).expect("reads");
    let err = evaluate(&gold, &pred).expect_err("unknown document");
    assert_eq!(
        err.to_string(),
        "predictions hold document `c3`, which is not in the gold set"
    );
}

/// Regression (found in review): `gold check` read and hashed whatever
/// path the `file` column named, even outside the set (`/etc/hostname`).
/// Only `texts/<doc>.txt` is read now, and ids that are not file stems are
/// refused.
#[test]
fn file_column_never_reads_outside_the_set() {
    let dir = copy();
    let d = dir.path();
    let outside = tempfile::NamedTempFile::new().expect("temp file");
    fs::write(outside.path(), "secret").expect("writable");
    let target = outside.path().display().to_string();
    edit(d, "documents.csv", |t| {
        t.replacen("a1,texts/a1.txt,", &format!("a1,{target},"), 1)
    });
    let got = messages(&check_gold_set(d));
    assert!(
        got.iter()
            .any(|g| g.starts_with("documents.csv:2: file `")
                && g.ends_with("should be `texts/a1.txt`")),
        "{got:?}"
    );
    // The text checked (and hashed) is still the set's own: no sha problem.
    assert!(!got.iter().any(|g| g.contains("sha256")), "{got:?}");
    edit(d, "documents.csv", |t| {
        format!("{t}../b2,texts/../b2.txt,,,,\n")
    });
    let got = messages(&check_gold_set(d));
    assert!(
        got.iter()
            .any(|g| g.contains("document id `../b2` is not a file stem")),
        "{got:?}"
    );
}
