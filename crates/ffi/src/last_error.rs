//! The thread's last error: what the most recent failing call on this
//! thread said, kept until the next call that returns a status.

use std::cell::RefCell;
use std::ffi::{CString, c_char};
use std::ptr;

use crate::status::iam_mfa_status;

/// The details of one failure, as NUL-terminated strings for C.
struct LastError {
    status: iam_mfa_status,
    message: CString,
    code: Option<CString>,
    request_id: Option<CString>,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// Forgets the thread's last error; every status-returning call starts so.
pub(crate) fn clear() {
    LAST_ERROR.with(|last| {
        if let Ok(mut last) = last.try_borrow_mut() {
            *last = None;
        }
    });
}

/// Records a failure. Interior NUL bytes, which C strings cannot hold,
/// are dropped from the texts.
pub(crate) fn set(
    status: iam_mfa_status,
    message: &str,
    code: Option<&str>,
    request_id: Option<&str>,
) {
    let error = LastError {
        status,
        message: c_string(message),
        code: code.map(c_string),
        request_id: request_id.map(c_string),
    };

    LAST_ERROR.with(|last| {
        if let Ok(mut last) = last.try_borrow_mut() {
            *last = Some(error);
        }
    });
}

fn c_string(text: &str) -> CString {
    CString::new(text.replace('\0', "")).unwrap_or_default()
}

/// A pointer to one field of the last error, or NULL.
fn read(field: impl FnOnce(&LastError) -> Option<&CString>) -> *const c_char {
    LAST_ERROR.with(|last| match last.try_borrow() {
        Ok(last) => last
            .as_ref()
            .and_then(field)
            .map_or(ptr::null(), |text| text.as_ptr()),
        Err(_) => ptr::null(),
    })
}

/// The message of the last failing call on this thread: which function
/// failed and why, naming the argument or entity concerned, for example
/// `iam_mfa_client_enable_mfa_device: The user with name bob cannot be
/// found.` NULL when the last status-returning call on this thread
/// succeeded, or none was made.
///
/// Ownership: the string belongs to the library; never free it. Lifetime:
/// valid until the next status-returning call on this thread (reading the
/// last error, freeing handles and `iam_mfa_status_str` do not end it).
/// Thread safety: each thread has its own last error.
#[unsafe(no_mangle)]
pub extern "C" fn iam_mfa_last_error_message() -> *const c_char {
    read(|error| Some(&error.message))
}

/// The AWS error code of the last failure on this thread, such as
/// `"NoSuchEntity"` or `"ValidationError"`, when there is one; NULL
/// otherwise (transport failures, NULL arguments, no failure at all).
///
/// Ownership, lifetime and thread safety: as
/// `iam_mfa_last_error_message()`.
#[unsafe(no_mangle)]
pub extern "C" fn iam_mfa_last_error_code() -> *const c_char {
    read(|error| error.code.as_ref())
}

/// The request id of the service's answer to the last failing call on
/// this thread, when the service gave one; NULL otherwise (always NULL
/// for the local emulator).
///
/// Ownership, lifetime and thread safety: as
/// `iam_mfa_last_error_message()`.
#[unsafe(no_mangle)]
pub extern "C" fn iam_mfa_last_error_request_id() -> *const c_char {
    read(|error| error.request_id.as_ref())
}

/// The status of the last failing call on this thread, or `IAM_MFA_OK`
/// when the last status-returning call succeeded.
///
/// Thread safety: each thread has its own last error.
#[unsafe(no_mangle)]
pub extern "C" fn iam_mfa_last_error_status() -> iam_mfa_status {
    LAST_ERROR.with(|last| match last.try_borrow() {
        Ok(last) => last
            .as_ref()
            .map_or(iam_mfa_status::IAM_MFA_OK, |error| error.status),
        Err(_) => iam_mfa_status::IAM_MFA_OK,
    })
}
