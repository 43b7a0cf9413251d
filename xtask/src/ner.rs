//! `cargo xtask train-ner` and `cargo xtask bench-ner`.

/// Arguments of `cargo xtask train-ner`.
#[derive(clap::Args)]
pub(crate) struct TrainArgs {}

/// Arguments of `cargo xtask bench-ner`.
#[derive(clap::Args)]
pub(crate) struct BenchArgs {}

/// Trains the tagger.
pub(crate) fn train(_args: TrainArgs) -> anyhow::Result<()> {
    anyhow::bail!("not implemented yet")
}

/// Benchmarks the tagger.
pub(crate) fn bench(_args: BenchArgs) -> anyhow::Result<()> {
    anyhow::bail!("not implemented yet")
}
