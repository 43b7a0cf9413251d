//! `cargo xtask eval`.

/// Arguments of `cargo xtask eval`.
#[derive(clap::Args)]
pub(crate) struct Args {}

/// Runs the task.
pub(crate) fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("not implemented yet")
}
