//! The commands that change or show one device: create, enable,
//! deactivate, delete, get and resync.

use std::path::PathBuf;
use std::time::SystemTime;

use clap::{Args, ValueEnum};
use iam_mfa::Secret;
use iam_mfa::totp;

use super::emit;
use crate::args::GlobalArgs;
use crate::backend;
use crate::exit::Failure;
use crate::files::{self, SecretFile};
use crate::output::{Document, Value};
use crate::shapes;

/// The examples of `create-virtual-mfa-device --help`.
pub const CREATE_EXAMPLE: &str = "\
Example:
  iam-mfa create-virtual-mfa-device --virtual-mfa-device-name alice-phone \\
      --outfile alice-phone.png --bootstrap-method QRCodePNG
  iam-mfa create-virtual-mfa-device --local --virtual-mfa-device-name bob-phone \\
      --tags Key=team,Value=ops --outfile bob.seed --bootstrap-method Base32StringSeed \\
      --qr-terminal";

/// The example of `enable-mfa-device --help`.
pub const ENABLE_EXAMPLE: &str = "\
Example:
  iam-mfa enable-mfa-device --user-name alice \\
      --serial-number arn:aws:iam::123456789012:mfa/alice-phone \\
      --authentication-code1 123456 --authentication-code2 789012
  iam-mfa enable-mfa-device --local --user-name bob \\
      --serial-number arn:aws:iam::123456789012:mfa/bob-phone --seed-file bob.seed";

/// The example of `deactivate-mfa-device --help`.
pub const DEACTIVATE_EXAMPLE: &str = "\
Example:
  iam-mfa deactivate-mfa-device --user-name alice \\
      --serial-number arn:aws:iam::123456789012:mfa/alice-phone";

/// The example of `delete-virtual-mfa-device --help`.
pub const DELETE_EXAMPLE: &str = "\
Example:
  iam-mfa delete-virtual-mfa-device \\
      --serial-number arn:aws:iam::123456789012:mfa/alice-phone";

/// The example of `get-mfa-device --help`.
pub const GET_EXAMPLE: &str = "\
Example:
  iam-mfa get-mfa-device --serial-number arn:aws:iam::123456789012:mfa/alice-phone";

/// The example of `resync-mfa-device --help`.
pub const RESYNC_EXAMPLE: &str = "\
Example:
  iam-mfa resync-mfa-device --user-name alice \\
      --serial-number arn:aws:iam::123456789012:mfa/alice-phone \\
      --authentication-code1 123456 --authentication-code2 789012
  iam-mfa resync-mfa-device --local --user-name bob \\
      --serial-number arn:aws:iam::123456789012:mfa/bob-phone --seed-file bob.seed";

/// What `--outfile` receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BootstrapMethod {
    /// The QR code, as a PNG image.
    #[value(name = "QRCodePNG")]
    QrCodePng,
    /// The seed, as base32 text.
    #[value(name = "Base32StringSeed")]
    Base32StringSeed,
}

/// `create-virtual-mfa-device`.
#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("bootstrap")
        .args(["outfile", "qr_terminal", "show_seed"])
        .required(true)
        .multiple(true)
))]
pub struct CreateVirtualMfaDeviceArgs {
    /// The device's name, unique in the account whatever its path.
    #[arg(long)]
    pub virtual_mfa_device_name: String,

    /// The device's path, `/` by default, e.g. /ops/.
    #[arg(long)]
    pub path: Option<String>,

    /// Tags: `Key=k,Value=v ...` or a JSON list of {"Key","Value"}.
    #[arg(long, num_args = 1.., value_name = "TAGS")]
    pub tags: Vec<String>,

    /// Where to save the seed or QR code (mode 0600, never overwritten
    /// without --force).
    #[arg(long, value_name = "FILE", requires = "bootstrap_method")]
    pub outfile: Option<PathBuf>,

    /// What to save in --outfile.
    #[arg(long, value_enum, requires = "outfile")]
    pub bootstrap_method: Option<BootstrapMethod>,

    /// Replace --outfile if it exists.
    #[arg(long, requires = "outfile")]
    pub force: bool,

    /// Draw the QR code in the terminal (on stderr) for a phone to scan.
    #[arg(long)]
    pub qr_terminal: bool,

    /// Print the seed in the output, as Base32StringSeed.
    #[arg(long)]
    pub show_seed: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Two consecutive codes, typed or computed from a seed file.
#[derive(Args)]
pub struct CodesArgs {
    /// The device's code of one time step.
    #[arg(
        long,
        required_unless_present = "seed_file",
        conflicts_with = "seed_file"
    )]
    pub authentication_code1: Option<String>,

    /// The device's code of the next time step.
    #[arg(
        long,
        required_unless_present = "seed_file",
        conflicts_with = "seed_file"
    )]
    pub authentication_code2: Option<String>,

    /// Compute both codes from this seed file (base32 text, as
    /// --bootstrap-method Base32StringSeed writes it).
    #[arg(long, value_name = "FILE")]
    pub seed_file: Option<PathBuf>,
}

impl std::fmt::Debug for CodesArgs {
    /// Shows whether codes were given, never the codes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redacted = |code: &Option<String>| code.as_ref().map(|_| "[REDACTED]");
        f.debug_struct("CodesArgs")
            .field(
                "authentication_code1",
                &redacted(&self.authentication_code1),
            )
            .field(
                "authentication_code2",
                &redacted(&self.authentication_code2),
            )
            .field("seed_file", &self.seed_file)
            .finish()
    }
}

impl CodesArgs {
    /// The two codes, computed from the seed file when one is given.
    fn codes(&self) -> Result<(Secret, Secret), Failure> {
        if let Some(path) = &self.seed_file {
            let seed = files::read_seed(path)?;
            let (first, second) = totp::enable_codes(seed.expose(), SystemTime::now())
                .map_err(|error| Failure::File(error.message().to_owned()))?;
            return Ok((
                Secret::from(first.as_str().to_owned()),
                Secret::from(second.as_str().to_owned()),
            ));
        }
        let code = |code: &Option<String>| Secret::from(code.clone().unwrap_or_default());
        Ok((
            code(&self.authentication_code1),
            code(&self.authentication_code2),
        ))
    }
}

/// `enable-mfa-device`.
#[derive(Debug, Args)]
pub struct EnableMfaDeviceArgs {
    /// The user to enable the device for.
    #[arg(long)]
    pub user_name: String,

    /// The device's serial number (its ARN for a virtual device).
    #[arg(long)]
    pub serial_number: String,

    #[command(flatten)]
    pub codes: CodesArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `resync-mfa-device`.
#[derive(Debug, Args)]
pub struct ResyncMfaDeviceArgs {
    /// The user the device is enabled for.
    #[arg(long)]
    pub user_name: String,

    /// The device's serial number.
    #[arg(long)]
    pub serial_number: String,

    #[command(flatten)]
    pub codes: CodesArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `deactivate-mfa-device`.
#[derive(Debug, Args)]
pub struct DeactivateMfaDeviceArgs {
    /// The user the device is enabled for; the calling user when omitted.
    #[arg(long)]
    pub user_name: Option<String>,

    /// The device's serial number.
    #[arg(long)]
    pub serial_number: String,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `delete-virtual-mfa-device`.
#[derive(Debug, Args)]
pub struct DeleteVirtualMfaDeviceArgs {
    /// The device's serial number.
    #[arg(long)]
    pub serial_number: String,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `get-mfa-device`.
#[derive(Debug, Args)]
pub struct GetMfaDeviceArgs {
    /// The device's serial number.
    #[arg(long)]
    pub serial_number: String,

    /// The user the device is enabled for.
    #[arg(long)]
    pub user_name: Option<String>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The `otpauth://` URI of a new virtual device, from its serial number
/// (`arn:aws:iam::ACCOUNT:mfa/PATH/NAME`) and seed.
pub fn otpauth_uri(serial_number: &str, seed: &Secret) -> Result<Secret, Failure> {
    let account = serial_number
        .strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'))
        .map(|(account, _)| account);
    let name = serial_number.rsplit('/').next();
    match (account, name) {
        (Some(account), Some(name)) => Ok(totp::otpauth_uri(name, account, seed)),
        _ => Err(Failure::Usage(format!(
            "cannot draw a QR code: {serial_number} is not a virtual MFA device's ARN"
        ))),
    }
}

/// `create-virtual-mfa-device`: reserves `--outfile`, creates the device,
/// saves or draws its seed or QR code, prints the device.
///
/// # Errors
///
/// A file failure when `--outfile` exists or cannot be written (checked
/// before the call), a usage failure for bad tags, the service's error.
pub fn create(args: CreateVirtualMfaDeviceArgs) -> Result<(), Failure> {
    let tags = super::tags::parse_tags(&args.tags)?;
    let outfile = match &args.outfile {
        Some(path) => Some(SecretFile::create(path, args.force)?),
        None => None,
    };
    let client = backend::open(&args.global)?;

    let device = client
        .create_virtual_mfa_device(&args.virtual_mfa_device_name, args.path.as_deref(), &tags)
        .map_err(Failure::service("CreateVirtualMFADevice"))?;

    let seed = device.base32_string_seed.as_ref();
    let missing = |what: &str| {
        Failure::service("CreateVirtualMFADevice")(iam_mfa::Error::new(
            iam_mfa::ErrorKind::ServiceFailure,
            format!(
                "the service returned no {what} for {}; the device exists without it",
                device.serial_number
            ),
        ))
    };
    if let Some(outfile) = outfile {
        let contents = match args.bootstrap_method {
            Some(BootstrapMethod::QrCodePng) => device.qr_code_png.as_ref().map(|qr| qr.png()),
            _ => seed,
        };
        let contents = contents.ok_or_else(|| missing("bootstrap data"))?;
        outfile.write(contents.expose())?;
    }
    if args.qr_terminal {
        let seed = seed.ok_or_else(|| missing("seed"))?;
        let uri = otpauth_uri(&device.serial_number, seed)?;
        crate::qr_terminal::print(&uri).map_err(Failure::service("CreateVirtualMFADevice"))?;
    }

    let shown_seed = if args.show_seed {
        Some(
            seed.and_then(Secret::expose_str)
                .ok_or_else(|| missing("seed"))?,
        )
    } else {
        None
    };
    let format = args.global.cli_timestamp_format;
    let value = Value::object().with(
        "VirtualMFADevice",
        shapes::virtual_mfa_device(&device, shown_seed, format),
    );
    emit(
        &Document::single("CreateVirtualMFADevice", value),
        args.global.output,
    );
    Ok(())
}

/// `enable-mfa-device`, with typed codes or codes from a seed file.
///
/// # Errors
///
/// A file failure for an unreadable seed file, the service's error.
pub fn enable(args: EnableMfaDeviceArgs) -> Result<(), Failure> {
    let (code1, code2) = args.codes.codes()?;
    let client = backend::open(&args.global)?;
    client
        .enable_mfa_device(
            &args.user_name,
            &args.serial_number,
            code1.expose_str().unwrap_or_default(),
            code2.expose_str().unwrap_or_default(),
        )
        .map_err(Failure::service("EnableMFADevice"))
}

/// `resync-mfa-device`, with typed codes or codes from a seed file.
///
/// # Errors
///
/// A file failure for an unreadable seed file, the service's error.
pub fn resync(args: ResyncMfaDeviceArgs) -> Result<(), Failure> {
    let (code1, code2) = args.codes.codes()?;
    let client = backend::open(&args.global)?;
    client
        .resync_mfa_device(
            &args.user_name,
            &args.serial_number,
            code1.expose_str().unwrap_or_default(),
            code2.expose_str().unwrap_or_default(),
        )
        .map_err(Failure::service("ResyncMFADevice"))
}

/// `deactivate-mfa-device`.
///
/// # Errors
///
/// The service's error.
pub fn deactivate(args: DeactivateMfaDeviceArgs) -> Result<(), Failure> {
    let client = backend::open(&args.global)?;
    client
        .deactivate_mfa_device(&args.serial_number, args.user_name.as_deref())
        .map_err(Failure::service("DeactivateMFADevice"))
}

/// `delete-virtual-mfa-device`.
///
/// # Errors
///
/// The service's error.
pub fn delete(args: DeleteVirtualMfaDeviceArgs) -> Result<(), Failure> {
    let client = backend::open(&args.global)?;
    client
        .delete_virtual_mfa_device(&args.serial_number)
        .map_err(Failure::service("DeleteVirtualMFADevice"))
}

/// `get-mfa-device`.
///
/// # Errors
///
/// The service's error.
pub fn get(args: GetMfaDeviceArgs) -> Result<(), Failure> {
    let client = backend::open(&args.global)?;
    let detail = client
        .get_mfa_device(&args.serial_number, args.user_name.as_deref())
        .map_err(Failure::service("GetMFADevice"))?;
    let value = shapes::mfa_device_detail(&detail, args.global.cli_timestamp_format);
    emit(&Document::single("GetMFADevice", value), args.global.output);
    Ok(())
}
