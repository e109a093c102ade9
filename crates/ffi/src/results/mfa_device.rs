//! `iam_mfa_mfa_device`: an MFA device enabled for a user, as
//! `ListMFADevices` returns it.

use std::ffi::{CString, c_char};

use crate::boundary::{arg, boundary};
use crate::results::{c_string, unix_seconds};
use crate::status::iam_mfa_status;

/// An MFA device enabled for a user (IAM's `MFADevice` structure): a
/// virtual device or a hardware token.
///
/// Lent by `iam_mfa_mfa_device_list_get()`; it lives as long as its list
/// and is never freed on its own. Immutable: any number of threads may
/// read it at once.
pub struct iam_mfa_mfa_device {
    user_name: CString,
    serial_number: CString,
    enable_date: i64,
}

impl From<&core_api::MfaDevice> for iam_mfa_mfa_device {
    fn from(device: &core_api::MfaDevice) -> iam_mfa_mfa_device {
        iam_mfa_mfa_device {
            user_name: c_string(&device.user_name),
            serial_number: c_string(&device.serial_number),
            enable_date: unix_seconds(device.enable_date),
        }
    }
}

/// The user the device is enabled for (IAM's `UserName`).
///
/// Ownership: `*user_name_out` is lent by the device's list and lives as
/// long as it; never free it. NULL: `device` or `user_name_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; `user_name_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_user_name(
    device: *const iam_mfa_mfa_device,
    user_name_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_user_name", || {
        let device = unsafe { arg::handle("device", device) }?;
        let user_name_out = unsafe { arg::out("user_name_out", user_name_out) }?;

        *user_name_out = device.user_name.as_ptr();
        Ok(())
    })
}

/// The device's serial number (IAM's `SerialNumber`): an ARN for a
/// virtual device, the vendor's serial for a hardware token.
///
/// Ownership: `*serial_number_out` is lent by the device's list and lives
/// as long as it; never free it. NULL: `device` or `serial_number_out`
/// NULL gives `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety:
/// any thread. Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; `serial_number_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_serial_number(
    device: *const iam_mfa_mfa_device,
    serial_number_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_serial_number", || {
        let device = unsafe { arg::handle("device", device) }?;
        let serial_number_out = unsafe { arg::out("serial_number_out", serial_number_out) }?;

        *serial_number_out = device.serial_number.as_ptr();
        Ok(())
    })
}

/// When the device was enabled (IAM's `EnableDate`), in seconds since
/// the Unix epoch. A listed device is always enabled, so `*present_out`
/// is always true; the flag keeps the shape of the other date getters.
///
/// NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT` and writes
/// nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; the out-parameters NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_enable_date(
    device: *const iam_mfa_mfa_device,
    present_out: *mut bool,
    unix_seconds_out: *mut i64,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_enable_date", || {
        let device = unsafe { arg::handle("device", device) }?;
        let present_out = unsafe { arg::out("present_out", present_out) }?;
        let unix_seconds_out = unsafe { arg::out("unix_seconds_out", unix_seconds_out) }?;

        *present_out = true;
        *unix_seconds_out = device.enable_date;
        Ok(())
    })
}
