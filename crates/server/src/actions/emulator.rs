//! The emulator's own actions, which IAM does not have: registering a
//! hardware token as its vendor would, choosing the calling user, and
//! moving a manual clock. Their names start with `IamMfa` so that they
//! cannot be mistaken for IAM's.

use std::time::Duration;

use iam_mfa::{Client, Error, LocalBackend, Result, Secret};

use super::Answer;
use crate::errors;
use crate::params::Params;

fn emulator(client: &Client) -> Result<&LocalBackend> {
    client
        .as_local()
        .ok_or_else(|| errors::not_supported("The emulator's actions"))
}

/// `IamMfaRegisterHardwareToken`: `SerialNumber` and `Base32StringSeed`
/// (the base32 text itself, not base64 of it).
pub(super) fn register_hardware_token(client: &Client, params: &Params) -> Result<Answer> {
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    let seed = params.required("Base32StringSeed", "base32StringSeed")?;
    let seed = Secret::from(seed.to_owned());
    emulator(client)?.register_hardware_token(serial_number, &seed)?;
    Ok(None)
}

/// `IamMfaSetCallingUser`: the user that `GetUser`, `ListMFADevices` and
/// `DeactivateMFADevice` stand for when they name none; no `UserName`
/// clears it.
pub(super) fn set_calling_user(client: &Client, params: &Params) -> Result<Answer> {
    emulator(client)?.set_caller(params.get("UserName"))?;
    Ok(None)
}

/// `IamMfaAdvanceClock`: moves a manual clock forward by `Seconds`.
pub(super) fn advance_clock(client: &Client, params: &Params) -> Result<Answer> {
    let text = params.required("Seconds", "seconds")?;
    let seconds: u64 = text
        .parse()
        .map_err(|_| errors::not_a_number("seconds", text))?;
    let clock = emulator(client)?.clock();
    if !clock.is_manual() {
        return Err(Error::invalid_input(
            "The emulator's clock follows the system's; start the server with a manual clock \
             to move it",
        ));
    }
    clock.advance(Duration::from_secs(seconds));
    Ok(None)
}
