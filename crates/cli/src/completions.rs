//! `iam-mfa completions SHELL`: the shell completion script of the whole
//! command, generated from its definition by `clap_complete`.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::exit::Failure;

/// The examples of `completions --help`.
pub const EXAMPLE: &str = "\
Example:
  iam-mfa completions bash > ~/.local/share/bash-completion/completions/iam-mfa
  iam-mfa completions zsh > ~/.zfunc/_iam-mfa
  iam-mfa completions fish > ~/.config/fish/completions/iam-mfa.fish";

/// `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script of the whole command on stdout.
///
/// # Errors
///
/// None in practice; the signature matches the other commands.
pub fn run(args: CompletionsArgs) -> Result<(), Failure> {
    let mut command = crate::Cli::command();
    clap_complete::generate(args.shell, &mut command, "iam-mfa", &mut std::io::stdout());
    Ok(())
}
