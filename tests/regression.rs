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

/// Review: an id of 100 four-byte characters made a 400-byte file name, and
/// the gold export stopped with "File name too long" naming no file. Ids
/// are cut to 240 bytes as well as 120 characters.
#[test]
fn long_ids_in_four_byte_characters_still_make_gold_files() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let input = format!(
        "{{\"id\":\"{}\",\"text\":\"نص المقال\"}}\n",
        "😀".repeat(100)
    );
    let o = run(
        &[
            "extract",
            "-",
            "--format",
            "gold",
            "--out",
            out_dir.to_str().unwrap(),
        ],
        input.as_bytes(),
    );
    assert_code(&o, 0);
    let names: Vec<String> = tree(&out_dir.join("texts"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(names, [format!("{}.txt", "😀".repeat(60))]);
    assert_code(&run(&["gold", "check", out_dir.to_str().unwrap()], b""), 0);
}

/// Review: a file the export could not write was reported as a bare
/// operating-system message ("File exists (os error 17)"), naming no path.
#[test]
fn export_errors_name_the_path_they_could_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("texts"), "a file, not a directory").unwrap();
    let o = run(
        &[
            "extract",
            "-",
            "--format",
            "gold",
            "--out",
            out_dir.to_str().unwrap(),
        ],
        "نص\n".as_bytes(),
    );
    assert_code(&o, 2);
    let texts = out_dir.join("texts");
    assert!(
        err(&o).contains(&format!("{}: cannot create directory", texts.display())),
        "{}",
        err(&o)
    );
}

/// Review: `eval` on a set it could not read exited 1, the code for "some
/// input skipped, the rest written", though nothing was written. It exits
/// 2 and names the directory once.
#[test]
fn eval_of_an_unreadable_set_is_an_error_not_a_partial_run() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let o = run(
        &[
            "eval",
            "--gold",
            missing.to_str().unwrap(),
            "--pred",
            missing.to_str().unwrap(),
        ],
        b"",
    );
    assert_code(&o, 2);
    assert!(o.stdout.is_empty());
    let e = err(&o);
    assert!(
        e.contains(&format!(
            "akhbar: gold set: {}: not a directory",
            missing.display()
        )),
        "{e}"
    );
    assert!(e.contains("akhbar: error: nothing scored"), "{e}");
}

/// Review: `normalize DIR FILE` stopped at the directory (exit 2) and never
/// read the file, while a missing file is reported and skipped (exit 1).
#[test]
fn normalize_and_tokenize_skip_a_directory_and_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "قالَ\n").unwrap();
    for (command, expected) in [("normalize", "قال\n"), ("tokenize", "قالَ\n")] {
        let o = run(
            &[
                command,
                dir.path().to_str().unwrap(),
                file.to_str().unwrap(),
            ],
            b"",
        );
        assert_code(&o, 1);
        assert_eq!(out(&o), expected, "{command}");
        assert!(
            err(&o).contains(&format!(
                "{}: cannot open: is a directory",
                dir.path().display()
            )),
            "{}",
            err(&o)
        );
    }
}
