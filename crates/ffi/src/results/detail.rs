//! `iam_mfa_mfa_device_detail`: what `GetMFADevice` returns about a
//! device.

use std::ffi::{CString, c_char};

use crate::boundary::{arg, boundary, free};
use crate::results::{Pairs, c_string, iam_mfa_certification, lend_array, unix_seconds};
use crate::status::iam_mfa_status;

/// What IAM knows of one MFA device (the answer to `GetMFADevice`): its
/// serial number, the user and enable date when it is enabled, and its
/// certifications.
///
/// Handed over by `iam_mfa_client_get_mfa_device()`; free it with
/// `iam_mfa_mfa_device_detail_free()`. Immutable: any number of threads
/// may read it at once.
pub struct iam_mfa_mfa_device_detail {
    user_name: Option<CString>,
    serial_number: CString,
    enable_date: Option<i64>,
    certifications: Pairs<iam_mfa_certification>,
}

impl From<&core_api::MfaDeviceDetail> for iam_mfa_mfa_device_detail {
    fn from(detail: &core_api::MfaDeviceDetail) -> iam_mfa_mfa_device_detail {
        iam_mfa_mfa_device_detail {
            user_name: detail.user_name.as_deref().map(c_string),
            serial_number: c_string(&detail.serial_number),
            enable_date: detail.enable_date.map(unix_seconds),
            certifications: Pairs::new(
                detail
                    .certifications
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str())),
                |name, value| iam_mfa_certification { name, value },
            ),
        }
    }
}

/// The user the device is enabled for (IAM's `UserName`), or NULL in
/// `*user_name_out` when it is not enabled.
///
/// Ownership: the string is lent by `detail` and lives as long as it;
/// never free it. NULL: `detail` or `user_name_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `detail` must be NULL or a live detail; `user_name_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_detail_user_name(
    detail: *const iam_mfa_mfa_device_detail,
    user_name_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_detail_user_name", || {
        let detail = unsafe { arg::handle("detail", detail) }?;
        let user_name_out = unsafe { arg::out("user_name_out", user_name_out) }?;

        *user_name_out = detail
            .user_name
            .as_ref()
            .map_or(std::ptr::null(), |name| name.as_ptr());
        Ok(())
    })
}

/// The device's serial number (IAM's `SerialNumber`).
///
/// Ownership: the string is lent by `detail` and lives as long as it;
/// never free it. NULL: `detail` or `serial_number_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `detail` must be NULL or a live detail; `serial_number_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_detail_serial_number(
    detail: *const iam_mfa_mfa_device_detail,
    serial_number_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_detail_serial_number", || {
        let detail = unsafe { arg::handle("detail", detail) }?;
        let serial_number_out = unsafe { arg::out("serial_number_out", serial_number_out) }?;

        *serial_number_out = detail.serial_number.as_ptr();
        Ok(())
    })
}

/// When the device was enabled (IAM's `EnableDate`), in seconds since
/// the Unix epoch. `*present_out` is false, and `*unix_seconds_out` 0,
/// when it is not enabled.
///
/// NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT` and writes
/// nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `detail` must be NULL or a live detail; the out-parameters NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_detail_enable_date(
    detail: *const iam_mfa_mfa_device_detail,
    present_out: *mut bool,
    unix_seconds_out: *mut i64,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_detail_enable_date", || {
        let detail = unsafe { arg::handle("detail", detail) }?;
        let present_out = unsafe { arg::out("present_out", present_out) }?;
        let unix_seconds_out = unsafe { arg::out("unix_seconds_out", unix_seconds_out) }?;

        *present_out = detail.enable_date.is_some();
        *unix_seconds_out = detail.enable_date.unwrap_or(0);
        Ok(())
    })
}

/// The device's certifications (IAM's `Certifications`), as an array of
/// `*certifications_len_out` entries sorted by name; NULL and 0 for TOTP
/// devices, which have none.
///
/// Ownership: the array and its strings are lent by `detail` and live as
/// long as it; never free them. NULL: any NULL argument gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `detail` must be NULL or a live detail; the out-parameters NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_detail_certifications(
    detail: *const iam_mfa_mfa_device_detail,
    certifications_out: *mut *const iam_mfa_certification,
    certifications_len_out: *mut usize,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_detail_certifications", || {
        let detail = unsafe { arg::handle("detail", detail) }?;
        let certifications_out = unsafe { arg::out("certifications_out", certifications_out) }?;
        let certifications_len_out =
            unsafe { arg::out("certifications_len_out", certifications_len_out) }?;

        let entries = detail.certifications.entries();

        lend_array(entries, certifications_out, certifications_len_out);
        Ok(())
    })
}

/// Frees a detail handed over by `iam_mfa_client_get_mfa_device()`, and
/// every pointer lent by it.
///
/// NULL is accepted and does nothing. Freeing twice is undefined
/// behaviour. Thread safety: no other thread may use the detail
/// meanwhile. Does not touch the last error.
///
/// # Safety
///
/// `detail` must be NULL or a detail handed over by the library, not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_detail_free(detail: *mut iam_mfa_mfa_device_detail) {
    unsafe { free(detail) }
}
