//! `iam-mfa serve`: the emulator over IAM's HTTP query protocol.
//!
//! It prints one line, `listening on http://HOST:PORT`, to stdout once the
//! port is bound, logs one line per request to stderr, and stops on SIGINT
//! or SIGTERM after the requests in flight have finished.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use iam_mfa::{Client, LocalOptions};
use iam_mfa_server::{Credentials, Server, ServerOptions};
use tracing_subscriber::EnvFilter;

/// The options of `iam-mfa serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,

    /// The port to listen on; 0 picks a free one (printed on start).
    #[arg(long, default_value_t = 0)]
    port: u16,

    /// The SQLite file that keeps the emulator's state across restarts;
    /// without it, state lives in memory and ends with the server.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,

    /// The 12-digit account id in every ARN.
    #[arg(long, default_value = "123456789012")]
    account_id: String,

    /// Check every request's SigV4 signature against this access key
    /// (ACCESS_KEY_ID:SECRET_ACCESS_KEY); without it, any signature is
    /// accepted. On the command line the value is visible to other local
    /// users in the process list; the environment variable is not.
    #[arg(
        long,
        value_name = "KEY:SECRET",
        value_parser = Credentials::parse,
        env = "IAM_MFA_SERVE_CREDENTIALS",
        hide_env_values = true
    )]
    credentials: Option<Credentials>,

    /// The largest request body accepted, in bytes.
    #[arg(long, default_value_t = ServerOptions::default().max_body_bytes)]
    max_body_bytes: usize,
}

/// Runs the server until SIGINT or SIGTERM.
pub fn run(args: ServeArgs) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("iam-mfa serve: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("iam-mfa serve: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    let options = LocalOptions {
        path: args.state.clone(),
        account_id: args.account_id.clone(),
        ..LocalOptions::default()
    };
    let client = Client::local(options).map_err(|error| match &args.state {
        Some(path) => format!("cannot open the state file {}: {error}", path.display()),
        None => format!("cannot start the emulator: {error}"),
    })?;

    let address = resolve(&args.host, args.port).await?;
    let server_options = ServerOptions {
        credentials: args.credentials,
        max_body_bytes: args.max_body_bytes,
    };
    let server = Server::bind(address, client, server_options)
        .await
        .map_err(|error| format!("cannot listen on {address}: {error}"))?;

    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{}", server.local_addr())
        .and_then(|()| stdout.flush())
        .map_err(|error| format!("cannot write to stdout: {error}"))?;
    drop(stdout);

    server
        .serve(stop_signal())
        .await
        .map_err(|error| format!("the server failed: {error}"))
}

/// The first address `host` resolves to, with `port`.
async fn resolve(host: &str, port: u16) -> Result<SocketAddr, String> {
    tokio::net::lookup_host((host, port))
        .await
        .map_err(|error| format!("cannot resolve --host {host}: {error}"))?
        .next()
        .ok_or_else(|| format!("--host {host} resolves to no address"))
}

/// Completes on SIGINT or SIGTERM.
async fn stop_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                interrupt.await.ok();
            }
        }
    }
    #[cfg(not(unix))]
    {
        interrupt.await.ok();
    }
    tracing::info!("signal received, finishing requests in flight");
}
