//! `iam-mfa local ...`: what the emulator needs that IAM provides
//! elsewhere: creating and deleting users, and registering hardware
//! tokens as a vendor's factory would.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::emit;
use crate::backend;
use crate::exit::Failure;
use crate::files;
use crate::output::{Document, Format, TimestampFormat, Value};
use crate::shapes;

/// The examples of `local --help`.
pub const EXAMPLE: &str = "\
Example:
  iam-mfa local create-user --user-name alice --state /tmp/iam.db
  iam-mfa local register-hardware-token --serial-number GAHT12345678 --seed-file token.seed
  iam-mfa local delete-user --user-name alice";

const REGISTER_EXAMPLE: &str = "\
Example:
  iam-mfa local register-hardware-token --serial-number GAHT12345678 \\
      --seed-file token.seed";

/// The options of the emulator's administrative commands.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct LocalArgs {
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Json, env = "IAM_MFA_OUTPUT")]
    pub output: Format,

    /// How timestamps are written: `wire` or `iso8601`.
    #[arg(long, value_enum, default_value_t = TimestampFormat::Wire)]
    pub cli_timestamp_format: TimestampFormat,

    /// The emulator's state file. Default: IAM_MFA_STATE, else
    /// $XDG_DATA_HOME/iam-mfa/state.db (~/.local/share/iam-mfa/state.db).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}

/// The emulator's administrative commands.
#[derive(Debug, Subcommand)]
pub enum LocalCommand {
    /// Create a user in the emulator.
    #[command(after_help = "Example:\n  iam-mfa local create-user --user-name alice")]
    CreateUser {
        /// The user's name.
        #[arg(long)]
        user_name: String,
        /// The user's path, `/` by default.
        #[arg(long)]
        path: Option<String>,
        #[command(flatten)]
        local: LocalArgs,
    },
    /// Delete a user who holds no MFA device.
    #[command(after_help = "Example:\n  iam-mfa local delete-user --user-name alice")]
    DeleteUser {
        /// The user's name.
        #[arg(long)]
        user_name: String,
        #[command(flatten)]
        local: LocalArgs,
    },
    /// Register a hardware TOTP token: its serial number and its seed.
    #[command(after_help = REGISTER_EXAMPLE)]
    RegisterHardwareToken {
        /// The token's serial number, as printed on it.
        #[arg(long)]
        serial_number: String,
        /// The token's seed, base32 text.
        #[arg(long, value_name = "FILE")]
        seed_file: PathBuf,
        #[command(flatten)]
        local: LocalArgs,
    },
}

/// Runs one of the emulator's administrative commands.
///
/// # Errors
///
/// A file failure for an unreadable seed file, the emulator's error.
pub fn run(command: LocalCommand) -> Result<(), Failure> {
    match command {
        LocalCommand::CreateUser {
            user_name,
            path,
            local,
        } => {
            let client = backend::open_local(local.state.as_deref())?;
            let user = client
                .create_user(&user_name, path.as_deref())
                .map_err(Failure::service("CreateUser"))?;
            let value =
                Value::object().with("User", shapes::user(&user, local.cli_timestamp_format));
            emit(&Document::single("CreateUser", value), local.output);
            Ok(())
        }
        LocalCommand::DeleteUser { user_name, local } => {
            let client = backend::open_local(local.state.as_deref())?;
            client
                .delete_user(&user_name)
                .map_err(Failure::service("DeleteUser"))
        }
        LocalCommand::RegisterHardwareToken {
            serial_number,
            seed_file,
            local,
        } => {
            let seed = files::read_seed(&seed_file)?;
            let client = backend::open_local(local.state.as_deref())?;
            let emulator = client.as_local().expect("open_local opens the emulator");
            emulator
                .register_hardware_token(&serial_number, &seed)
                .map_err(Failure::service("RegisterHardwareToken"))
        }
    }
}
