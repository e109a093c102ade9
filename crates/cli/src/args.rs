//! The options every IAM command takes: where to send it and how to print
//! the answer.
//!
//! Like the AWS CLI, commands talk to IAM through the AWS configuration
//! (`--region`, `--profile`, `--endpoint-url` and the usual `AWS_*`
//! environment variables). `--local`, `--state FILE` or
//! `IAM_MFA_BACKEND=local` select the embedded emulator instead, stored in
//! a SQLite file (see [`crate::backend::default_state_path`]).

use std::path::PathBuf;

use clap::Args;

use crate::output::{Format, TimestampFormat};

/// The options shared by every IAM command.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Json, env = "IAM_MFA_OUTPUT")]
    pub output: Format,

    /// How timestamps are written: `wire` as IAM sends them (the AWS CLI v1
    /// default), `iso8601` with an offset (the AWS CLI v2 default).
    #[arg(long, value_enum, default_value_t = TimestampFormat::Wire)]
    pub cli_timestamp_format: TimestampFormat,

    /// Use the embedded IAM emulator instead of IAM (also
    /// IAM_MFA_BACKEND=local).
    #[arg(long, conflicts_with_all = ["region", "profile", "endpoint_url"])]
    pub local: bool,

    /// The emulator's state file (implies --local). Default: IAM_MFA_STATE,
    /// else $XDG_DATA_HOME/iam-mfa/state.db (~/.local/share/iam-mfa/state.db).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["region", "profile", "endpoint_url"])]
    pub state: Option<PathBuf>,

    /// The AWS region to sign requests for (IAM is global; default
    /// us-east-1).
    #[arg(long)]
    pub region: Option<String>,

    /// The profile of the AWS config and credentials files to use.
    #[arg(long)]
    pub profile: Option<String>,

    /// Send requests to this URL instead of IAM, e.g. an `iam-mfa serve`.
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,

    /// Seconds to wait for a connection to IAM.
    #[arg(long, value_name = "SECONDS")]
    pub cli_connect_timeout: Option<u64>,

    /// Seconds one request to IAM may take, retries included.
    #[arg(long, value_name = "SECONDS")]
    pub cli_read_timeout: Option<u64>,

    /// Log each call on stderr: backend, operation, duration, error code
    /// (never a seed or a code).
    #[arg(long)]
    pub debug: bool,
}

/// Sends the library's debug logs to stderr when `--debug` is given.
pub fn init_debug_log(debug: bool) {
    if !debug {
        return;
    }
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(tracing_subscriber::EnvFilter::new(
            "iam_mfa=debug,iam_mfa_cli=debug",
        ))
        .try_init();
}

/// The paging options of the AWS CLI's list commands.
#[derive(Debug, Clone, Args, Default)]
#[command(next_help_heading = "Paging options")]
pub struct PagingArgs {
    /// The most items to print; when more follow, the output has a
    /// NextToken to pass to --starting-token.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_items: Option<u32>,

    /// Where to continue: the NextToken of an earlier output.
    #[arg(long, value_name = "TOKEN")]
    pub starting_token: Option<String>,

    /// How many items to ask IAM for in each call (1 to 1000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page_size: Option<u32>,
}
