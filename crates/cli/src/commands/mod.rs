//! The IAM MFA commands, named and flagged as the AWS CLI's `aws iam`
//! commands, and the commands that go beyond it (`local`, `totp`, `demo`,
//! `completions`).
//!
//! Each command parses its flags, opens the backend the global options
//! select, makes its calls and prints one document; [`run`] turns the
//! outcome into an exit code (see [`crate::exit`]).

mod devices;
mod lists;
mod local;
mod tags;
mod totp;

use std::process::ExitCode;

use clap::Subcommand;

use crate::exit::{self, Failure};
use crate::output::{self, Document, Format};

pub use devices::otpauth_uri;
pub use devices::{
    CreateVirtualMfaDeviceArgs, DeactivateMfaDeviceArgs, DeleteVirtualMfaDeviceArgs,
    EnableMfaDeviceArgs, GetMfaDeviceArgs, ResyncMfaDeviceArgs,
};
pub use lists::{ListMfaDeviceTagsArgs, ListMfaDevicesArgs, ListVirtualMfaDevicesArgs};
pub use local::LocalCommand;
pub use tags::{TagMfaDeviceArgs, UntagMfaDeviceArgs};
pub use totp::TotpArgs;

/// The end of `iam-mfa --help`: how to pick a backend, and examples.
pub const OVERVIEW: &str = "\
Commands talk to IAM through the AWS configuration (--region, --profile,
--endpoint-url, AWS_* variables), like the AWS CLI. --local, --state FILE or
IAM_MFA_BACKEND=local use the embedded emulator instead.

Example:
  iam-mfa demo
  iam-mfa local create-user --user-name alice
  iam-mfa create-virtual-mfa-device --local --virtual-mfa-device-name alice-phone \\
      --outfile alice.seed --bootstrap-method Base32StringSeed --qr-terminal
  iam-mfa enable-mfa-device --local --user-name alice \\
      --serial-number arn:aws:iam::123456789012:mfa/alice-phone --seed-file alice.seed
  iam-mfa list-mfa-devices --user-name alice --output table";

/// Every command of `iam-mfa` but `serve`.
#[derive(Debug, Subcommand)]
pub enum IamCommand {
    /// Create a virtual MFA device and save its seed or QR code.
    #[command(after_help = devices::CREATE_EXAMPLE)]
    CreateVirtualMfaDevice(CreateVirtualMfaDeviceArgs),
    /// Enable an MFA device for a user, proven by two consecutive codes.
    #[command(after_help = devices::ENABLE_EXAMPLE)]
    EnableMfaDevice(EnableMfaDeviceArgs),
    /// Deactivate an MFA device; a virtual one stays, unassigned.
    #[command(after_help = devices::DEACTIVATE_EXAMPLE)]
    DeactivateMfaDevice(DeactivateMfaDeviceArgs),
    /// Delete an unassigned virtual MFA device.
    #[command(after_help = devices::DELETE_EXAMPLE)]
    DeleteVirtualMfaDevice(DeleteVirtualMfaDeviceArgs),
    /// List the MFA devices enabled for a user.
    #[command(after_help = lists::LIST_MFA_DEVICES_EXAMPLE)]
    ListMfaDevices(ListMfaDevicesArgs),
    /// List the account's virtual MFA devices.
    #[command(after_help = lists::LIST_VIRTUAL_EXAMPLE)]
    ListVirtualMfaDevices(ListVirtualMfaDevicesArgs),
    /// Show an MFA device: its user, enable date and certifications.
    #[command(after_help = devices::GET_EXAMPLE)]
    GetMfaDevice(GetMfaDeviceArgs),
    /// Resynchronize an MFA device whose clock has drifted.
    #[command(after_help = devices::RESYNC_EXAMPLE)]
    ResyncMfaDevice(ResyncMfaDeviceArgs),
    /// Add tags to a virtual MFA device, replacing values of existing keys.
    #[command(after_help = tags::TAG_EXAMPLE)]
    TagMfaDevice(TagMfaDeviceArgs),
    /// Remove tags from a virtual MFA device.
    #[command(after_help = tags::UNTAG_EXAMPLE)]
    UntagMfaDevice(UntagMfaDeviceArgs),
    /// List a virtual MFA device's tags.
    #[command(after_help = lists::LIST_TAGS_EXAMPLE)]
    ListMfaDeviceTags(ListMfaDeviceTagsArgs),
    /// Administer the local emulator: users and hardware tokens.
    #[command(subcommand, after_help = local::EXAMPLE)]
    Local(LocalCommand),
    /// Print the current code of a seed file and the seconds it has left.
    #[command(after_help = totp::EXAMPLE)]
    Totp(TotpArgs),
    /// Walk through a device's whole life on a fresh in-memory emulator.
    #[command(after_help = crate::demo::EXAMPLE)]
    Demo(crate::demo::DemoArgs),
    /// Print a shell completion script.
    #[command(after_help = crate::completions::EXAMPLE)]
    Completions(crate::completions::CompletionsArgs),
}

/// Runs a command and gives the process's exit code.
pub fn run(command: IamCommand) -> ExitCode {
    exit::report(dispatch(command))
}

fn dispatch(command: IamCommand) -> Result<(), Failure> {
    match command {
        IamCommand::CreateVirtualMfaDevice(args) => devices::create(args),
        IamCommand::EnableMfaDevice(args) => devices::enable(args),
        IamCommand::DeactivateMfaDevice(args) => devices::deactivate(args),
        IamCommand::DeleteVirtualMfaDevice(args) => devices::delete(args),
        IamCommand::ListMfaDevices(args) => lists::list_mfa_devices(args),
        IamCommand::ListVirtualMfaDevices(args) => lists::list_virtual_mfa_devices(args),
        IamCommand::GetMfaDevice(args) => devices::get(args),
        IamCommand::ResyncMfaDevice(args) => devices::resync(args),
        IamCommand::TagMfaDevice(args) => tags::tag(args),
        IamCommand::UntagMfaDevice(args) => tags::untag(args),
        IamCommand::ListMfaDeviceTags(args) => lists::list_mfa_device_tags(args),
        IamCommand::Local(command) => local::run(command),
        IamCommand::Totp(args) => totp::run(args),
        IamCommand::Demo(args) => crate::demo::run(args),
        IamCommand::Completions(args) => crate::completions::run(args),
    }
}

/// Prints a command's document.
fn emit(document: &Document, format: Format) {
    output::print(document, format);
}
