//! `akhbar completions`: shell completion scripts.

use clap::CommandFactory;
use clap_complete::Shell;

/// Print a shell completion script
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  akhbar completions bash > ~/.local/share/bash-completion/completions/akhbar
  akhbar completions zsh > ~/.zfunc/_akhbar
  akhbar completions fish > ~/.config/fish/completions/akhbar.fish")]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    shell: Shell,
}

/// Prints the script for `C`'s command line.
pub fn run<C: CommandFactory>(args: Args) -> anyhow::Result<bool> {
    let mut cmd = C::command();
    clap_complete::generate(args.shell, &mut cmd, "akhbar", &mut std::io::stdout());
    Ok(true)
}
