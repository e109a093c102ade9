//! The actions the server answers, by IAM's action name.
//!
//! Each action reads its parameters, calls the [`iam_mfa::Client`], and
//! writes the fields of its `<ActionResult>`; actions that return nothing
//! have no result element, as in IAM.

mod emulator;
mod mfa;
mod users;

use iam_mfa::{Client, Result};

use crate::params::Params;
use crate::xml::Xml;

/// What a successful action answers inside its response envelope:
/// `None` for actions without a result.
pub(crate) type Answer = Option<Xml>;

/// The names of every action the server knows: IAM's eleven MFA actions,
/// IAM's four user actions, and the emulator's extensions.
pub(crate) const ACTIONS: [&str; 18] = [
    "CreateVirtualMFADevice",
    "EnableMFADevice",
    "DeactivateMFADevice",
    "DeleteVirtualMFADevice",
    "ListMFADevices",
    "ListVirtualMFADevices",
    "GetMFADevice",
    "ResyncMFADevice",
    "TagMFADevice",
    "UntagMFADevice",
    "ListMFADeviceTags",
    "CreateUser",
    "GetUser",
    "DeleteUser",
    "ListUsers",
    "IamMfaRegisterHardwareToken",
    "IamMfaSetCallingUser",
    "IamMfaAdvanceClock",
];

/// The canonical spelling of a known action, for logs that must not carry
/// text the client chose.
pub(crate) fn known(action: &str) -> Option<&'static str> {
    ACTIONS.iter().copied().find(|known| *known == action)
}

/// Runs `action`, which [`known`] has recognised.
///
/// # Errors
///
/// The action's own error, or a validation error for a missing or
/// malformed parameter.
pub(crate) async fn run(client: &Client, action: &'static str, params: &Params) -> Result<Answer> {
    match action {
        "CreateVirtualMFADevice" => mfa::create_virtual_mfa_device(client, params).await,
        "EnableMFADevice" => mfa::enable_mfa_device(client, params).await,
        "DeactivateMFADevice" => mfa::deactivate_mfa_device(client, params).await,
        "DeleteVirtualMFADevice" => mfa::delete_virtual_mfa_device(client, params).await,
        "ListMFADevices" => mfa::list_mfa_devices(client, params).await,
        "ListVirtualMFADevices" => mfa::list_virtual_mfa_devices(client, params).await,
        "GetMFADevice" => mfa::get_mfa_device(client, params).await,
        "ResyncMFADevice" => mfa::resync_mfa_device(client, params).await,
        "TagMFADevice" => mfa::tag_mfa_device(client, params).await,
        "UntagMFADevice" => mfa::untag_mfa_device(client, params).await,
        "ListMFADeviceTags" => mfa::list_mfa_device_tags(client, params).await,
        "CreateUser" => users::create_user(client, params).await,
        "GetUser" => users::get_user(client, params).await,
        "DeleteUser" => users::delete_user(client, params).await,
        "ListUsers" => users::list_users(client, params).await,
        "IamMfaRegisterHardwareToken" => emulator::register_hardware_token(client, params),
        "IamMfaSetCallingUser" => emulator::set_calling_user(client, params),
        "IamMfaAdvanceClock" => emulator::advance_clock(client, params),
        _ => unreachable!("run is only called with a known action"),
    }
}
