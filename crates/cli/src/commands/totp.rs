//! `iam-mfa totp`: the current code of a seed file, and how long it
//! lasts, for scripts and for people without an authenticator app.

use std::path::PathBuf;
use std::time::SystemTime;

use clap::Args;
use iam_mfa::totp;

use super::emit;
use crate::exit::Failure;
use crate::files;
use crate::output::{Document, Format, Value};

/// The examples of `totp --help`.
pub const EXAMPLE: &str = "\
Example:
  iam-mfa totp --seed-file alice.seed
  iam-mfa totp --seed-file alice.seed --output text | cut -f1";

/// `totp`.
#[derive(Debug, Args)]
pub struct TotpArgs {
    /// The seed, base32 text (as --bootstrap-method Base32StringSeed
    /// writes it).
    #[arg(long, value_name = "FILE")]
    pub seed_file: PathBuf,

    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Json, env = "IAM_MFA_OUTPUT")]
    pub output: Format,
}

/// Prints the current code of the seed file and the seconds it has left.
///
/// # Errors
///
/// A file failure when the seed file is unreadable or not base32.
pub fn run(args: TotpArgs) -> Result<(), Failure> {
    let seed = files::read_seed(&args.seed_file)?;
    let now = SystemTime::now();
    let code = totp::code_at(seed.expose(), now)
        .map_err(|error| Failure::File(error.message().to_owned()))?;
    let value = Value::object()
        .with("AuthenticationCode", code.as_str())
        .with("SecondsLeft", totp::seconds_left(now));
    emit(&Document::single("Totp", value), args.output);
    Ok(())
}
