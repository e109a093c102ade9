//! Which backend a command runs on, and opening it.
//!
//! The emulator is chosen by `--local`, `--state FILE` or
//! `IAM_MFA_BACKEND=local`; IAM by default or by `IAM_MFA_BACKEND=aws`.
//! On the emulator every command says so on stderr, with the state file's
//! path, so that nobody mistakes its answers for IAM's.

use std::path::{Path, PathBuf};
use std::time::Duration;

use iam_mfa::blocking::Client;
use iam_mfa::{AwsOptions, LocalOptions};

use crate::args::GlobalArgs;
use crate::exit::Failure;

/// The environment variable that selects the backend: `local` or `aws`.
pub const BACKEND_VARIABLE: &str = "IAM_MFA_BACKEND";

/// The environment variable naming the emulator's state file.
pub const STATE_VARIABLE: &str = "IAM_MFA_STATE";

/// The emulator's state file when neither `--state` nor `IAM_MFA_STATE`
/// names one: `$XDG_DATA_HOME/iam-mfa/state.db`, where `XDG_DATA_HOME`
/// defaults to `~/.local/share` (on macOS, `~/Library/Application
/// Support`).
///
/// # Errors
///
/// A usage failure when neither `XDG_DATA_HOME` nor `HOME` is set.
pub fn default_state_path() -> Result<PathBuf, Failure> {
    let data_home = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(data_home) => PathBuf::from(data_home),
        None => {
            let home = std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .ok_or_else(|| {
                    Failure::Usage(
                        "no state file: set --state, IAM_MFA_STATE, XDG_DATA_HOME or HOME"
                            .to_owned(),
                    )
                })?;
            if cfg!(target_os = "macos") {
                Path::new(&home).join("Library/Application Support")
            } else {
                Path::new(&home).join(".local/share")
            }
        }
    };
    Ok(data_home.join("iam-mfa").join("state.db"))
}

/// Whether the options select the emulator.
///
/// # Errors
///
/// A usage failure for an `IAM_MFA_BACKEND` other than `local` or `aws`,
/// or for the emulator chosen together with IAM's options.
pub fn is_local(global: &GlobalArgs) -> Result<bool, Failure> {
    if global.local || global.state.is_some() {
        return Ok(true);
    }
    let chosen = std::env::var(BACKEND_VARIABLE).unwrap_or_default();
    match chosen.as_str() {
        "" | "aws" => Ok(false),
        "local" => {
            if global.endpoint_url.is_some() || global.profile.is_some() {
                return Err(Failure::Usage(format!(
                    "{BACKEND_VARIABLE}=local selects the emulator; --endpoint-url and \
                     --profile are for IAM"
                )));
            }
            Ok(true)
        }
        other => Err(Failure::Usage(format!(
            "{BACKEND_VARIABLE} must be `local` or `aws`, not `{other}`"
        ))),
    }
}

/// The emulator's state file: `state` when given, else `IAM_MFA_STATE`,
/// else [`default_state_path`].
///
/// # Errors
///
/// As [`default_state_path`].
pub fn state_path(state: Option<&Path>) -> Result<PathBuf, Failure> {
    if let Some(state) = state {
        return Ok(state.to_owned());
    }
    match std::env::var_os(STATE_VARIABLE).filter(|v| !v.is_empty()) {
        Some(state) => Ok(PathBuf::from(state)),
        None => default_state_path(),
    }
}

/// Opens the emulator's state file, creating it and, for the default
/// path, its directory (owner-only), and says so on stderr.
///
/// # Errors
///
/// A file failure when the directory cannot be made; a `Storage` service
/// failure when SQLite cannot open the file.
pub fn open_local(state: Option<&Path>) -> Result<Client, Failure> {
    let path = state_path(state)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            create_private_dir(parent)?;
        }
    }
    eprintln!("using the local emulator at {}", path.display());
    let options = LocalOptions {
        path: Some(path),
        ..LocalOptions::default()
    };
    Client::local(options).map_err(Failure::service("OpenLocalEmulator"))
}

fn create_private_dir(dir: &Path) -> Result<(), Failure> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|error| Failure::File(format!("cannot create {}: {error}", dir.display())))
}

/// The IAM options of the command line.
pub fn aws_options(global: &GlobalArgs) -> AwsOptions {
    let mut options = AwsOptions::default();
    if let Some(region) = &global.region {
        options = options.region(region);
    }
    if let Some(profile) = &global.profile {
        options = options.profile(profile);
    }
    if let Some(endpoint_url) = &global.endpoint_url {
        options = options.endpoint_url(endpoint_url);
    }
    if let Some(seconds) = global.cli_connect_timeout {
        options = options.connect_timeout(Duration::from_secs(seconds));
    }
    if let Some(seconds) = global.cli_read_timeout {
        options = options.operation_timeout(Duration::from_secs(seconds));
    }
    options
}

/// The client the options select.
///
/// # Errors
///
/// As [`is_local`] and [`open_local`]; for IAM, a service failure when
/// the options contradict each other.
pub fn open(global: &GlobalArgs) -> Result<Client, Failure> {
    crate::args::init_debug_log(global.debug);
    if is_local(global)? {
        return open_local(global.state.as_deref());
    }
    Client::aws(aws_options(global)).map_err(Failure::service("Configure"))
}
