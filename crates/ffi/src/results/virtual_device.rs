//! `iam_mfa_virtual_mfa_device`: a virtual MFA device, as
//! `CreateVirtualMFADevice` and `ListVirtualMFADevices` return it.

use std::ffi::{CString, c_char};

use core_api::{QrCodePng, Secret};

use crate::boundary::{arg, boundary, free};
use crate::bytes::hand_over;
use crate::results::unix_seconds;
use crate::results::{Pairs, c_string, iam_mfa_tag, iam_mfa_user, lend_array, tag_array};
use crate::status::iam_mfa_status;

/// A virtual MFA device (IAM's `VirtualMFADevice` structure).
///
/// Handed over by `iam_mfa_client_create_virtual_mfa_device()` (free it
/// with `iam_mfa_virtual_mfa_device_free()`), whose device carries its
/// seed, QR code and tags; lent by the virtual device lists, whose devices
/// carry none of those. Its seed and QR code are wiped from memory when it
/// is freed. Immutable: any number of threads may read it at once.
pub struct iam_mfa_virtual_mfa_device {
    serial_number: CString,
    base32_string_seed: Option<Secret>,
    qr_code_png: Option<QrCodePng>,
    user: Option<iam_mfa_user>,
    enable_date: Option<i64>,
    tags: Pairs<iam_mfa_tag>,
}

impl From<core_api::VirtualMfaDevice> for iam_mfa_virtual_mfa_device {
    fn from(device: core_api::VirtualMfaDevice) -> iam_mfa_virtual_mfa_device {
        iam_mfa_virtual_mfa_device {
            serial_number: c_string(&device.serial_number),
            user: device.user.as_ref().map(iam_mfa_user::from),
            enable_date: device.enable_date.map(unix_seconds),
            tags: tag_array(&device.tags),
            base32_string_seed: device.base32_string_seed,
            qr_code_png: device.qr_code_png,
        }
    }
}

/// The device's serial number (IAM's `SerialNumber`), its ARN:
/// `arn:aws:iam::ACCOUNT:mfa` + path + name.
///
/// Ownership: `*serial_number_out` is lent by `device` and lives as long
/// as it; never free it. NULL: `device` or `serial_number_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; `serial_number_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_serial_number(
    device: *const iam_mfa_virtual_mfa_device,
    serial_number_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_serial_number", || {
        let device = unsafe { arg::handle("device", device) }?;
        let serial_number_out = unsafe { arg::out("serial_number_out", serial_number_out) }?;

        *serial_number_out = device.serial_number.as_ptr();
        Ok(())
    })
}

/// A copy of the device's seed (IAM's `Base32StringSeed`): the base32
/// text itself, 64 ASCII characters, without a terminating NUL. Only a
/// device just created carries it; for others `*seed_out` is NULL and
/// `*seed_len_out` 0.
///
/// The seed is a secret, like an access key. Ownership: the copy is the
/// caller's; release it with `iam_mfa_bytes_free(seed, seed_len)`, which
/// wipes it first. NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT`
/// and writes nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; the out-parameters NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_base32_string_seed(
    device: *const iam_mfa_virtual_mfa_device,
    seed_out: *mut *mut u8,
    seed_len_out: *mut usize,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_base32_string_seed", || {
        let device = unsafe { arg::handle("device", device) }?;
        let seed_out = unsafe { arg::out("seed_out", seed_out) }?;
        let seed_len_out = unsafe { arg::out("seed_len_out", seed_len_out) }?;

        let (seed, seed_len) = hand_over(device.base32_string_seed.as_ref());

        *seed_out = seed;
        *seed_len_out = seed_len;
        Ok(())
    })
}

/// A copy of the device's QR code (IAM's `QRCodePNG`): a PNG image of
/// the device's `otpauth://` URI. Only a device just created carries it;
/// for others `*png_out` is NULL and `*png_len_out` 0. The emulator draws
/// the image the first time it is asked for (about 0.1 ms), so a program
/// that only needs the seed never pays for it.
///
/// The QR code holds the seed and is as secret. Ownership: the copy is
/// the caller's; release it with `iam_mfa_bytes_free(png, png_len)`, which
/// wipes it first. NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT`
/// and writes nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; the out-parameters NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_qr_code_png(
    device: *const iam_mfa_virtual_mfa_device,
    png_out: *mut *mut u8,
    png_len_out: *mut usize,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_qr_code_png", || {
        let device = unsafe { arg::handle("device", device) }?;
        let png_out = unsafe { arg::out("png_out", png_out) }?;
        let png_len_out = unsafe { arg::out("png_len_out", png_len_out) }?;

        let (png, png_len) = hand_over(device.qr_code_png.as_ref().map(QrCodePng::png));

        *png_out = png;
        *png_len_out = png_len;
        Ok(())
    })
}

/// The user the device is enabled for (IAM's `User`), or NULL in
/// `*user_out` when the device is unassigned or just created.
///
/// Ownership: the user is lent by `device` and lives as long as it; never
/// free it. NULL: `device` or `user_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; `user_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_user(
    device: *const iam_mfa_virtual_mfa_device,
    user_out: *mut *const iam_mfa_user,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_user", || {
        let device = unsafe { arg::handle("device", device) }?;
        let user_out = unsafe { arg::out("user_out", user_out) }?;

        *user_out = device
            .user
            .as_ref()
            .map_or(std::ptr::null(), |user| user as *const iam_mfa_user);
        Ok(())
    })
}

/// When the device was enabled (IAM's `EnableDate`), in seconds since
/// the Unix epoch. `*present_out` is false, and `*unix_seconds_out` 0,
/// when the device is not enabled.
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
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_enable_date(
    device: *const iam_mfa_virtual_mfa_device,
    present_out: *mut bool,
    unix_seconds_out: *mut i64,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_enable_date", || {
        let device = unsafe { arg::handle("device", device) }?;
        let present_out = unsafe { arg::out("present_out", present_out) }?;
        let unix_seconds_out = unsafe { arg::out("unix_seconds_out", unix_seconds_out) }?;

        *present_out = device.enable_date.is_some();
        *unix_seconds_out = device.enable_date.unwrap_or(0);
        Ok(())
    })
}

/// The device's tags (IAM's `Tags`), as an array of `*tags_len_out`
/// entries; NULL and 0 when it has none. Only a device just created
/// carries its tags; list results never do (use
/// `iam_mfa_client_list_mfa_device_tags()`).
///
/// Ownership: the array and its strings are lent by `device` and live as
/// long as it; never free them. NULL: any NULL argument gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `device` must be NULL or a live device; the out-parameters NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_tags(
    device: *const iam_mfa_virtual_mfa_device,
    tags_out: *mut *const iam_mfa_tag,
    tags_len_out: *mut usize,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_tags", || {
        let device = unsafe { arg::handle("device", device) }?;
        let tags_out = unsafe { arg::out("tags_out", tags_out) }?;
        let tags_len_out = unsafe { arg::out("tags_len_out", tags_len_out) }?;

        lend_array(device.tags.entries(), tags_out, tags_len_out);
        Ok(())
    })
}

/// Frees a device handed over by
/// `iam_mfa_client_create_virtual_mfa_device()`, wiping its seed and QR
/// code, and every pointer lent by it.
///
/// NULL is accepted and does nothing. Freeing twice, or freeing a device
/// lent by a list, is undefined behaviour. Thread safety: no other thread
/// may use the device meanwhile. Does not touch the last error.
///
/// # Safety
///
/// `device` must be NULL or a device handed over by the library, not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_free(device: *mut iam_mfa_virtual_mfa_device) {
    unsafe { free(device) }
}
