//! The `iam-mfa` command.

mod args;
mod backend;
mod commands;
mod completions;
mod demo;
mod exit;
mod files;
mod output;
mod paging;
mod qr_terminal;
mod serve;
mod shapes;
mod table;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// IAM MFA devices from the shell, and the emulator's server.
#[derive(Parser)]
#[command(name = "iam-mfa", version, about, after_help = commands::OVERVIEW)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the emulator over IAM's HTTP query protocol.
    Serve(serve::ServeArgs),
    #[command(flatten)]
    Iam(commands::IamCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Iam(command) => commands::run(command),
    }
}
