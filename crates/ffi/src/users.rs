//! IAM users: create, get and delete them, on either backend. Enabling a
//! device needs a user; the emulator starts with none.

use std::ffi::c_char;

use crate::boundary::{arg, boundary};
use crate::client::iam_mfa_client;
use crate::results::iam_mfa_user;
use crate::status::iam_mfa_status;

/// `CreateUser`: a new IAM user named `user_name` under `path` (NULL:
/// `/`).
///
/// Ownership: on success `*user_out` is the caller's; free it with
/// `iam_mfa_user_free()`. Nothing is written on failure. NULL: `client`,
/// `user_name` or `user_out` NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread
/// safety: any thread. Returns `IAM_MFA_OK`;
/// `IAM_MFA_ENTITY_ALREADY_EXISTS` when the name is taken (names are
/// unique whatever their case); `IAM_MFA_INVALID_INPUT` for a bad name or
/// path; `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a
/// failed transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; the strings NULL or
/// NUL-terminated; `user_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_create_user(
    client: *const iam_mfa_client,
    user_name: *const c_char,
    path: *const c_char,
    user_out: *mut *mut iam_mfa_user,
) -> iam_mfa_status {
    boundary("iam_mfa_client_create_user", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::str("user_name", user_name) }?;
        let path = unsafe { arg::opt_str("path", path) }?;
        let user_out = unsafe { arg::out("user_out", user_out) }?;

        let user = client.inner.create_user(user_name, path)?;

        *user_out = Box::into_raw(Box::new((&user).into()));
        Ok(())
    })
}

/// `GetUser`: the user `user_name` (NULL: the calling user).
///
/// Ownership: on success `*user_out` is the caller's; free it with
/// `iam_mfa_user_free()`. Nothing is written on failure. NULL: `client` or
/// `user_out` NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread safety: any
/// thread. Returns `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for an unknown
/// user or when no calling user is set; `IAM_MFA_INVALID_INPUT`;
/// `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a failed
/// transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `user_name` NULL or
/// NUL-terminated; `user_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_get_user(
    client: *const iam_mfa_client,
    user_name: *const c_char,
    user_out: *mut *mut iam_mfa_user,
) -> iam_mfa_status {
    boundary("iam_mfa_client_get_user", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::opt_str("user_name", user_name) }?;
        let user_out = unsafe { arg::out("user_out", user_out) }?;

        let user = client.inner.get_user(user_name)?;

        *user_out = Box::into_raw(Box::new((&user).into()));
        Ok(())
    })
}

/// `DeleteUser`: deletes the user `user_name`, which must hold no MFA
/// device.
///
/// NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT`. Thread safety:
/// any thread. Returns `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for an
/// unknown user; `IAM_MFA_DELETE_CONFLICT` while the user holds MFA
/// devices; `IAM_MFA_INVALID_INPUT`; `IAM_MFA_INVALID_UTF8`;
/// `IAM_MFA_NULL_ARGUMENT`; any status of a failed transport or service;
/// `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `user_name` NULL or
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_delete_user(
    client: *const iam_mfa_client,
    user_name: *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_client_delete_user", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::str("user_name", user_name) }?;

        client.inner.delete_user(user_name)?;

        Ok(())
    })
}
