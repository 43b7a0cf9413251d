//! The akhbar command line.

fn main() -> anyhow::Result<()> {
    Ok(())
}
