//! TOTP helpers: the code a device shows at a time, and the two codes
//! that enable it. IAM's parameters: HMAC-SHA1, 30-second steps, 6 digits.

use std::ffi::c_char;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::boundary::{Failure, arg, boundary, invalid};
use crate::status::iam_mfa_status;

/// The size of a buffer that holds one code: six digits and a NUL.
pub const IAM_MFA_TOTP_CODE_SIZE: usize = 7;

fn instant(unix_seconds: i64) -> Result<SystemTime, Failure> {
    let seconds =
        u64::try_from(unix_seconds).map_err(|_| invalid("unix_seconds: must be 0 or more"))?;
    Ok(UNIX_EPOCH + Duration::from_secs(seconds))
}

/// Copies a code and its NUL into a caller's buffer.
fn write_code(code: &core_api::totp::Code, buffer: &mut [c_char; IAM_MFA_TOTP_CODE_SIZE]) {
    for (slot, digit) in buffer.iter_mut().zip(code.as_str().bytes()) {
        *slot = digit as c_char;
    }
    buffer[IAM_MFA_TOTP_CODE_SIZE - 1] = 0;
}

/// The six-digit code that a device with the base32 seed `seed`
/// (`seed_len` bytes, as `iam_mfa_virtual_mfa_device_base32_string_seed()`
/// gives it; case, spaces and dashes are ignored) shows at `unix_seconds`.
///
/// Ownership: `code_out` is the caller's buffer of at least
/// `IAM_MFA_TOTP_CODE_SIZE` bytes; it receives six digits and a NUL, and
/// nothing on failure. Codes are secrets while they are valid: do not log
/// them. NULL: `seed` or `code_out` NULL gives `IAM_MFA_NULL_ARGUMENT`.
/// Thread safety: any thread. Returns `IAM_MFA_OK`;
/// `IAM_MFA_INVALID_INPUT` for a seed that is empty or not base32, or a
/// negative time; `IAM_MFA_NULL_ARGUMENT`; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `seed` must be NULL or `seed_len` readable bytes; `code_out` NULL or
/// `IAM_MFA_TOTP_CODE_SIZE` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_totp_code_at(
    seed: *const u8,
    seed_len: usize,
    unix_seconds: i64,
    code_out: *mut c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_totp_code_at", || {
        let seed = unsafe { arg::bytes("seed", seed, seed_len) }?;
        let at = instant(unix_seconds)?;
        let code_out = unsafe { arg::out("code_out", code_out.cast()) }?;

        let code = core_api::totp::code_at(seed, at)?;

        write_code(&code, code_out);
        Ok(())
    })
}

/// The two consecutive codes that enable a device with the base32 seed
/// `seed` at `unix_seconds`: the codes of the previous and of the current
/// 30-second step, the pair IAM accepts for the longest time after it.
/// Pass them to `iam_mfa_client_enable_mfa_device()` or
/// `iam_mfa_client_resync_mfa_device()`.
///
/// Ownership: `code1_out` and `code2_out` are the caller's buffers of at
/// least `IAM_MFA_TOTP_CODE_SIZE` bytes each; each receives six digits and
/// a NUL, and nothing on failure. NULL: any NULL pointer gives
/// `IAM_MFA_NULL_ARGUMENT`. Thread safety: any thread. Returns
/// `IAM_MFA_OK`; `IAM_MFA_INVALID_INPUT` for a seed that is empty or not
/// base32, or a negative time; `IAM_MFA_NULL_ARGUMENT`; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `seed` must be NULL or `seed_len` readable bytes; each code buffer
/// NULL or `IAM_MFA_TOTP_CODE_SIZE` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_totp_enable_codes(
    seed: *const u8,
    seed_len: usize,
    unix_seconds: i64,
    code1_out: *mut c_char,
    code2_out: *mut c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_totp_enable_codes", || {
        let seed = unsafe { arg::bytes("seed", seed, seed_len) }?;
        let at = instant(unix_seconds)?;
        let code1_out = unsafe { arg::out("code1_out", code1_out.cast()) }?;
        let code2_out = unsafe { arg::out("code2_out", code2_out.cast()) }?;

        let (code1, code2) = core_api::totp::enable_codes(seed, at)?;

        write_code(&code1, code1_out);
        write_code(&code2, code2_out);
        Ok(())
    })
}
