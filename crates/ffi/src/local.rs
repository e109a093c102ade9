//! The local emulator's administrative calls: hardware tokens, the calling
//! user, and the test clock. On a client of IAM they fail with
//! `IAM_MFA_INVALID_INPUT`, since IAM offers them elsewhere or not at all.

use std::ffi::c_char;
use std::time::{Duration, UNIX_EPOCH};

use core_api::{LocalBackend, Secret};

use crate::boundary::{Failure, arg, boundary, invalid};
use crate::client::iam_mfa_client;
use crate::status::iam_mfa_status;

/// The emulator behind a client, or a failure naming the call.
fn emulator<'a>(client: &'a iam_mfa_client, call: &str) -> Result<&'a LocalBackend, Failure> {
    client.inner.as_local().ok_or_else(|| {
        invalid(format!(
            "{call} needs a client of the local emulator, and this client talks to IAM"
        ))
    })
}

/// Registers a hardware TOTP token, as its vendor's factory would: the
/// serial number `serial_number` with the base32 seed `seed` of
/// `seed_len` bytes. Only registered serials can be enabled as hardware
/// tokens. Local emulator only.
///
/// Ownership: the seed stays the caller's; the library keeps its own copy,
/// wiped when the emulator drops it. NULL: any NULL pointer gives
/// `IAM_MFA_NULL_ARGUMENT`. Thread safety: any thread. Returns
/// `IAM_MFA_OK`; `IAM_MFA_ENTITY_ALREADY_EXISTS` for a serial registered
/// already; `IAM_MFA_INVALID_INPUT` for a bad serial or seed, or a client
/// of IAM; `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`;
/// `IAM_MFA_STORAGE`; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `serial_number` NULL or
/// NUL-terminated; `seed` NULL or `seed_len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_register_hardware_token(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
    seed: *const u8,
    seed_len: usize,
) -> iam_mfa_status {
    boundary("iam_mfa_client_register_hardware_token", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let seed = Secret::new(unsafe { arg::bytes("seed", seed, seed_len) }?.to_vec());
        let emulator = emulator(client, "iam_mfa_client_register_hardware_token")?;

        emulator.register_hardware_token(serial_number, &seed)?;

        Ok(())
    })
}

/// Sets the user that calls without a user name act as (IAM's caller
/// identity), or clears it when `user_name` is NULL. Local emulator only.
///
/// NULL: `client` NULL gives `IAM_MFA_NULL_ARGUMENT`; `user_name` NULL
/// clears the calling user. Thread safety: any thread; the calling user is
/// the client's, shared by every thread. Returns `IAM_MFA_OK`;
/// `IAM_MFA_NO_SUCH_ENTITY` for an unknown user; `IAM_MFA_INVALID_INPUT`
/// for a bad name or a client of IAM; `IAM_MFA_INVALID_UTF8`;
/// `IAM_MFA_NULL_ARGUMENT`; `IAM_MFA_STORAGE`; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `user_name` NULL or
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_set_caller(
    client: *const iam_mfa_client,
    user_name: *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_client_set_caller", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::opt_str("user_name", user_name) }?;
        let emulator = emulator(client, "iam_mfa_client_set_caller")?;

        emulator.set_caller(user_name)?;

        Ok(())
    })
}

/// Sets the emulator's manual clock to `unix_seconds` (0 or more). The
/// client must have been opened with `manual_clock` set. Local emulator
/// only.
///
/// NULL: `client` NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread safety: any
/// thread; the clock is the emulator's, shared by every thread. Returns
/// `IAM_MFA_OK`; `IAM_MFA_INVALID_INPUT` for a negative time, a clock that
/// follows the system, or a client of IAM; `IAM_MFA_NULL_ARGUMENT`;
/// `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_set_time(
    client: *const iam_mfa_client,
    unix_seconds: i64,
) -> iam_mfa_status {
    boundary("iam_mfa_client_set_time", || {
        let client = unsafe { arg::handle("client", client) }?;
        let seconds =
            u64::try_from(unix_seconds).map_err(|_| invalid("unix_seconds: must be 0 or more"))?;
        let mut clock = manual_clock(client, "iam_mfa_client_set_time")?;

        clock.set(UNIX_EPOCH + Duration::from_secs(seconds));

        Ok(())
    })
}

/// Moves the emulator's manual clock forward by `seconds` (0 or more).
/// The client must have been opened with `manual_clock` set. Local
/// emulator only.
///
/// NULL: `client` NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread safety: any
/// thread. Returns `IAM_MFA_OK`; `IAM_MFA_INVALID_INPUT` for a negative
/// step, a clock that follows the system, or a client of IAM;
/// `IAM_MFA_NULL_ARGUMENT`; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_advance_time(
    client: *const iam_mfa_client,
    seconds: i64,
) -> iam_mfa_status {
    boundary("iam_mfa_client_advance_time", || {
        let client = unsafe { arg::handle("client", client) }?;
        let seconds = u64::try_from(seconds).map_err(|_| invalid("seconds: must be 0 or more"))?;
        let clock = manual_clock(client, "iam_mfa_client_advance_time")?;

        clock.advance(Duration::from_secs(seconds));

        Ok(())
    })
}

/// The emulator's clock, which must be a manual one. Clones of a manual
/// clock share its time, so setting the clone sets the emulator's.
fn manual_clock(client: &iam_mfa_client, call: &str) -> Result<core_api::Clock, Failure> {
    let clock = emulator(client, call)?.clock().clone();
    if !clock.is_manual() {
        return Err(invalid(format!(
            "{call}: the emulator's clock follows the system; open the client with \
             options.manual_clock set to move it"
        )));
    }
    Ok(clock)
}
