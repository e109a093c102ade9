//! `iam_mfa_user`: an IAM user, as user calls and assigned virtual
//! devices return it.

use std::ffi::{CString, c_char};

use crate::boundary::{arg, boundary, free};
use crate::results::{c_string, unix_seconds};
use crate::status::iam_mfa_status;

/// An IAM user (IAM's `User` structure): path, name, id, ARN and creation
/// date.
///
/// Made by `iam_mfa_client_create_user()` and `iam_mfa_client_get_user()`,
/// which hand it over to the caller (free it with `iam_mfa_user_free()`),
/// and lent by `iam_mfa_virtual_mfa_device_user()` (never free that one).
/// Immutable: any number of threads may read it at once.
pub struct iam_mfa_user {
    path: CString,
    user_name: CString,
    user_id: CString,
    arn: CString,
    create_date: i64,
}

impl From<&core_api::User> for iam_mfa_user {
    fn from(user: &core_api::User) -> iam_mfa_user {
        iam_mfa_user {
            path: c_string(&user.path),
            user_name: c_string(&user.user_name),
            user_id: c_string(&user.user_id),
            arn: c_string(&user.arn),
            create_date: unix_seconds(user.create_date),
        }
    }
}

/// The user's name (IAM's `UserName`).
///
/// Ownership: `*user_name_out` is lent by `user` and lives as long as
/// `user`; never free it. NULL: `user` or `user_name_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `user` must be NULL or a live user; `user_name_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_user_user_name(
    user: *const iam_mfa_user,
    user_name_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_user_user_name", || {
        let user = unsafe { arg::handle("user", user) }?;
        let user_name_out = unsafe { arg::out("user_name_out", user_name_out) }?;

        *user_name_out = user.user_name.as_ptr();
        Ok(())
    })
}

/// The user's path (IAM's `Path`), `/` unless it was created with
/// another.
///
/// Ownership: `*path_out` is lent by `user` and lives as long as `user`;
/// never free it. NULL: `user` or `path_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `user` must be NULL or a live user; `path_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_user_path(
    user: *const iam_mfa_user,
    path_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_user_path", || {
        let user = unsafe { arg::handle("user", user) }?;
        let path_out = unsafe { arg::out("path_out", path_out) }?;

        *path_out = user.path.as_ptr();
        Ok(())
    })
}

/// IAM's stable id of the user (IAM's `UserId`, `AIDA...`).
///
/// Ownership: `*user_id_out` is lent by `user` and lives as long as
/// `user`; never free it. NULL: `user` or `user_id_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `user` must be NULL or a live user; `user_id_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_user_user_id(
    user: *const iam_mfa_user,
    user_id_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_user_user_id", || {
        let user = unsafe { arg::handle("user", user) }?;
        let user_id_out = unsafe { arg::out("user_id_out", user_id_out) }?;

        *user_id_out = user.user_id.as_ptr();
        Ok(())
    })
}

/// The user's ARN (IAM's `Arn`): `arn:aws:iam::ACCOUNT:user` + path +
/// name.
///
/// Ownership: `*arn_out` is lent by `user` and lives as long as `user`;
/// never free it. NULL: `user` or `arn_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `user` must be NULL or a live user; `arn_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_user_arn(
    user: *const iam_mfa_user,
    arn_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_user_arn", || {
        let user = unsafe { arg::handle("user", user) }?;
        let arn_out = unsafe { arg::out("arn_out", arn_out) }?;

        *arn_out = user.arn.as_ptr();
        Ok(())
    })
}

/// When the user was created (IAM's `CreateDate`), in seconds since the
/// Unix epoch.
///
/// NULL: `user` or `unix_seconds_out` NULL gives `IAM_MFA_NULL_ARGUMENT`
/// and writes nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `user` must be NULL or a live user; `unix_seconds_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_user_create_date(
    user: *const iam_mfa_user,
    unix_seconds_out: *mut i64,
) -> iam_mfa_status {
    boundary("iam_mfa_user_create_date", || {
        let user = unsafe { arg::handle("user", user) }?;
        let unix_seconds_out = unsafe { arg::out("unix_seconds_out", unix_seconds_out) }?;

        *unix_seconds_out = user.create_date;
        Ok(())
    })
}

/// Frees a user that a call handed over (`iam_mfa_client_create_user()`,
/// `iam_mfa_client_get_user()`), and every string lent by it.
///
/// NULL is accepted and does nothing. Freeing twice, or freeing a user
/// lent by a device, is undefined behaviour. Thread safety: no other
/// thread may use the user meanwhile. Does not touch the last error.
///
/// # Safety
///
/// `user` must be NULL or a user handed over by the library, not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_user_free(user: *mut iam_mfa_user) {
    unsafe { free(user) }
}
