//! One test per bug fixed, named after its issue.

use crate::util::*;

/// Issue 8: two inputs with the same stem gave two documents with one id,
/// so the gold export wrote one text over the other. Ids are made unique.
#[test]
fn issue_8_same_stem_in_two_dirs_gives_two_gold_texts() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(
            dir.path().join(sub).join("x.txt"),
            format!("نص المقال {sub}\n"),
        )
        .unwrap();
    }
    let out_dir = dir.path().join("out");
    let o = run(
        &[
            "extract",
            dir.path().join("a").to_str().unwrap(),
            dir.path().join("b").to_str().unwrap(),
            "--format",
            "gold",
            "--out",
            out_dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_code(&o, 0);
    let mut names: Vec<String> = std::fs::read_dir(out_dir.join("texts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["x.txt", "x~2.txt"]);
    assert_code(&run(&["gold", "check", out_dir.to_str().unwrap()], b""), 0);
}

/// Issue 8: JSON Lines ids like `../../etc/x` or `dump:3` must not leave
/// `--out` nor break file names.
#[test]
fn issue_8_ids_are_file_safe_in_brat_and_gold() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"id\":\"../../evil\",\"text\":\"نص\"}\n{\"text\":\"نص آخر\"}\n";
    for format in ["brat", "gold"] {
        let out_dir = dir.path().join(format);
        let o = run(
            &[
                "extract",
                "-",
                "--format",
                format,
                "--out",
                out_dir.to_str().unwrap(),
            ],
            input.as_bytes(),
        );
        assert_code(&o, 0);
        let files: Vec<String> = tree(&out_dir).into_iter().map(|(p, _)| p).collect();
        assert!(
            files
                .iter()
                .all(|f| !f.contains("..") || f.starts_with("texts/.._") || f.starts_with(".._")),
            "{files:?}"
        );
        assert!(!dir.path().parent().unwrap().join("evil.txt").exists());
    }
}

/// Issue 8: `akhbar … | head -1` must stop quietly, not panic on the closed
/// pipe.
#[test]
fn issue_8_closed_stdout_is_not_an_error() {
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("akhbar");
    let mut child = Command::new(bin)
        .args([
            "extract",
            "gold/texts",
            "gold/texts",
            "gold/texts",
            "--format",
            "conll",
        ])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!err(&o).contains("panicked"), "{}", err(&o));
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}
