//! The list commands: `list-mfa-devices`, `list-virtual-mfa-devices` and
//! `list-mfa-device-tags`, paged as the AWS CLI pages them.

use clap::Args;
use iam_mfa::AssignmentStatus;

use super::emit;
use crate::args::{GlobalArgs, PagingArgs};
use crate::backend;
use crate::exit::Failure;
use crate::output::{Document, Value};
use crate::paging::{self, Collected};
use crate::shapes;

/// The example of `list-mfa-devices --help`.
pub const LIST_MFA_DEVICES_EXAMPLE: &str = "\
Example:
  iam-mfa list-mfa-devices --user-name alice
  iam-mfa list-mfa-devices --user-name alice --max-items 2 --output text";

/// The example of `list-virtual-mfa-devices --help`.
pub const LIST_VIRTUAL_EXAMPLE: &str = "\
Example:
  iam-mfa list-virtual-mfa-devices --assignment-status Unassigned
  iam-mfa list-virtual-mfa-devices --max-items 10 --starting-token TOKEN";

/// The example of `list-mfa-device-tags --help`.
pub const LIST_TAGS_EXAMPLE: &str = "\
Example:
  iam-mfa list-mfa-device-tags --serial-number arn:aws:iam::123456789012:mfa/alice-phone";

/// `--assignment-status`, spelled as IAM spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AssignmentStatusArg {
    /// Devices enabled for a user.
    #[value(name = "Assigned")]
    Assigned,
    /// Devices enabled for nobody.
    #[value(name = "Unassigned")]
    Unassigned,
    /// Every device.
    #[value(name = "Any")]
    Any,
}

impl From<AssignmentStatusArg> for AssignmentStatus {
    fn from(status: AssignmentStatusArg) -> AssignmentStatus {
        match status {
            AssignmentStatusArg::Assigned => AssignmentStatus::Assigned,
            AssignmentStatusArg::Unassigned => AssignmentStatus::Unassigned,
            AssignmentStatusArg::Any => AssignmentStatus::Any,
        }
    }
}

/// `list-mfa-devices`.
#[derive(Debug, Args)]
pub struct ListMfaDevicesArgs {
    /// The user whose devices to list; the calling user when omitted.
    #[arg(long)]
    pub user_name: Option<String>,

    #[command(flatten)]
    pub paging: PagingArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `list-virtual-mfa-devices`.
#[derive(Debug, Args)]
pub struct ListVirtualMfaDevicesArgs {
    /// Which devices to list.
    #[arg(long, value_enum, value_name = "STATUS")]
    pub assignment_status: Option<AssignmentStatusArg>,

    #[command(flatten)]
    pub paging: PagingArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `list-mfa-device-tags`.
#[derive(Debug, Args)]
pub struct ListMfaDeviceTagsArgs {
    /// The device's serial number.
    #[arg(long)]
    pub serial_number: String,

    #[command(flatten)]
    pub paging: PagingArgs,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The document of a paged answer: every item under `key`, then the
/// `NextToken`; for `text`, one part per page, as the AWS CLI prints it.
fn paged_document<T>(
    title: &'static str,
    key: &str,
    collected: &Collected<T>,
    item: impl Fn(&T) -> Value,
) -> Document {
    let all: Vec<Value> = collected.pages.iter().flatten().map(&item).collect();
    let mut parts: Vec<Value> = collected
        .pages
        .iter()
        .map(|page| Value::object().with(key, page.iter().map(&item).collect::<Vec<_>>()))
        .collect();
    let value = Value::object().with(key, all);
    let value = match &collected.next_token {
        Some(token) => {
            let inner = Value::object().with("NextToken", token.as_str());
            parts.push(Value::object().with("NextToken", inner));
            value.with("NextToken", token.as_str())
        }
        None => value,
    };
    Document {
        value,
        text_parts: Some(parts),
        title,
    }
}

/// `list-mfa-devices`.
///
/// # Errors
///
/// A usage failure for a bad starting token, the service's error.
pub fn list_mfa_devices(args: ListMfaDevicesArgs) -> Result<(), Failure> {
    let client = backend::open(&args.global)?;
    let collected = paging::collect(&args.paging, |page| {
        client
            .list_mfa_devices(args.user_name.as_deref(), page)
            .map_err(Failure::service("ListMFADevices"))
    })?;
    let format = args.global.cli_timestamp_format;
    let document = paged_document("ListMFADevices", "MFADevices", &collected, |device| {
        shapes::mfa_device(device, format)
    });
    emit(&document, args.global.output);
    Ok(())
}

/// `list-virtual-mfa-devices`.
///
/// # Errors
///
/// A usage failure for a bad starting token, the service's error.
pub fn list_virtual_mfa_devices(args: ListVirtualMfaDevicesArgs) -> Result<(), Failure> {
    let status = args
        .assignment_status
        .map_or(AssignmentStatus::Any, Into::into);
    let client = backend::open(&args.global)?;
    let collected = paging::collect(&args.paging, |page| {
        client
            .list_virtual_mfa_devices(status, page)
            .map_err(Failure::service("ListVirtualMFADevices"))
    })?;
    let format = args.global.cli_timestamp_format;
    let document = paged_document(
        "ListVirtualMFADevices",
        "VirtualMFADevices",
        &collected,
        |device| shapes::virtual_mfa_device(device, None, format),
    );
    emit(&document, args.global.output);
    Ok(())
}

/// `list-mfa-device-tags`.
///
/// # Errors
///
/// A usage failure for a bad starting token, the service's error.
pub fn list_mfa_device_tags(args: ListMfaDeviceTagsArgs) -> Result<(), Failure> {
    let client = backend::open(&args.global)?;
    let collected = paging::collect(&args.paging, |page| {
        client
            .list_mfa_device_tags(&args.serial_number, page)
            .map_err(Failure::service("ListMFADeviceTags"))
    })?;
    let document = paged_document("ListMFADeviceTags", "Tags", &collected, shapes::tag);
    emit(&document, args.global.output);
    Ok(())
}
