//! Integration tests of akhbar-load, one module per area.

mod broken;
mod corpora;
mod crlf;
mod formats;
mod zoning;

use std::path::PathBuf;

/// The repository root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed texts of `gold/texts`, sorted by name: (stem, text).
fn gold_texts() -> Vec<(String, String)> {
    let dir = root().join("gold/texts");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("gold/texts exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .expect("a stem")
                .to_string_lossy()
                .into_owned();
            (stem, std::fs::read_to_string(&p).expect("utf-8 gold text"))
        })
        .collect()
}
