//! Project tasks for akhbar, run as `cargo xtask <task>`.

use std::path::PathBuf;

/// The workspace root, found from this crate's manifest directory.
fn project_root() -> PathBuf {
    let dir = std::env::var("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    dir.parent().map(PathBuf::from).unwrap_or(dir)
}

fn main() -> anyhow::Result<()> {
    let _ = project_root();
    Ok(())
}
