//! The one boundary every exported function passes through, and the
//! conversions of C arguments into Rust values.
//!
//! [`boundary`] clears the thread's last error, runs the body with panics
//! caught, and turns a failure into a status and a last error. The `arg`
//! helpers check pointers before any work is done: NULL where a value is
//! required is `IAM_MFA_NULL_ARGUMENT`, bytes that are not UTF-8 are
//! `IAM_MFA_INVALID_UTF8`, both naming the parameter. Out-parameters are
//! checked first and written last, so a failing call writes none.

use std::any::Any;
use std::ffi::{CStr, c_char};
use std::panic::{self, AssertUnwindSafe};

use crate::last_error;
use crate::status::iam_mfa_status;

/// Why a call failed.
pub(crate) enum Failure {
    /// The core library refused or failed the operation.
    Core(core_api::Error),
    /// A required pointer parameter was NULL.
    Null(&'static str),
    /// A string parameter was not UTF-8.
    Utf8(&'static str),
}

impl From<core_api::Error> for Failure {
    fn from(error: core_api::Error) -> Failure {
        Failure::Core(error)
    }
}

/// The result of a call's body.
pub(crate) type Outcome = Result<(), Failure>;

/// Runs the body of the exported function `function`, catching panics,
/// and returns its status. The thread's last error is cleared first and
/// set when the body fails.
pub(crate) fn boundary(function: &'static str, body: impl FnOnce() -> Outcome) -> iam_mfa_status {
    last_error::clear();

    let outcome = panic::catch_unwind(AssertUnwindSafe(body));

    match outcome {
        Ok(Ok(())) => iam_mfa_status::IAM_MFA_OK,
        Ok(Err(failure)) => record(function, failure),
        Err(payload) => record_panic(function, payload.as_ref()),
    }
}

fn record(function: &'static str, failure: Failure) -> iam_mfa_status {
    let (status, message, code, request_id) = match &failure {
        Failure::Core(error) => (
            iam_mfa_status::of_kind(error.kind()),
            format!("{function}: {}", error.message()),
            error.code(),
            error.request_id(),
        ),
        Failure::Null(parameter) => (
            iam_mfa_status::IAM_MFA_NULL_ARGUMENT,
            format!("{function}: {parameter} must not be NULL"),
            None,
            None,
        ),
        Failure::Utf8(parameter) => (
            iam_mfa_status::IAM_MFA_INVALID_UTF8,
            format!("{function}: {parameter} must be valid UTF-8"),
            None,
            None,
        ),
    };

    tracing::debug!(function, status = ?status, code, "C call failed");
    last_error::set(status, &message, code, request_id);
    status
}

fn record_panic(function: &'static str, payload: &(dyn Any + Send)) -> iam_mfa_status {
    let reason = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message");
    let message = format!("{function}: the library panicked and the call was abandoned: {reason}");

    let status = iam_mfa_status::IAM_MFA_PANIC;
    last_error::set(status, &message, None, None);
    status
}

/// Frees a handle made by `Box::into_raw`, for the `_free` functions: NULL
/// does nothing, a panic while dropping is caught, and the thread's last
/// error is left as it was.
///
/// # Safety
///
/// `pointer` must be NULL or come from `Box::into_raw` and not be freed.
pub(crate) unsafe fn free<T>(pointer: *mut T) {
    if pointer.is_null() {
        return;
    }
    let owned = unsafe { Box::from_raw(pointer) };

    let _ = panic::catch_unwind(AssertUnwindSafe(move || drop(owned)));
}

/// An `InvalidInput` failure with a message naming the rule broken.
pub(crate) fn invalid(message: impl Into<String>) -> Failure {
    Failure::Core(core_api::Error::invalid_input(message))
}

/// Conversions of pointer arguments. Each takes the parameter's name for
/// the message of the failure it may return.
pub(crate) mod arg {
    use super::*;

    /// A shared reference to a handle that must not be NULL.
    ///
    /// # Safety
    ///
    /// A non-NULL `pointer` must point to a live `T` made by the library.
    pub(crate) unsafe fn handle<'a, T>(
        name: &'static str,
        pointer: *const T,
    ) -> Result<&'a T, Failure> {
        unsafe { pointer.as_ref() }.ok_or(Failure::Null(name))
    }

    /// A required NUL-terminated UTF-8 string.
    ///
    /// # Safety
    ///
    /// A non-NULL `pointer` must point to a NUL-terminated string that
    /// lives as long as `'a`.
    pub(crate) unsafe fn str<'a>(
        name: &'static str,
        pointer: *const c_char,
    ) -> Result<&'a str, Failure> {
        if pointer.is_null() {
            return Err(Failure::Null(name));
        }
        let bytes = unsafe { CStr::from_ptr(pointer) };
        bytes.to_str().map_err(|_| Failure::Utf8(name))
    }

    /// An optional string: NULL is `None`.
    ///
    /// # Safety
    ///
    /// As [`str`].
    pub(crate) unsafe fn opt_str<'a>(
        name: &'static str,
        pointer: *const c_char,
    ) -> Result<Option<&'a str>, Failure> {
        if pointer.is_null() {
            return Ok(None);
        }
        unsafe { str(name, pointer) }.map(Some)
    }

    /// A byte buffer of `len` bytes; NULL is refused even when `len` is 0.
    ///
    /// # Safety
    ///
    /// A non-NULL `pointer` must point to `len` readable bytes.
    pub(crate) unsafe fn bytes<'a>(
        name: &'static str,
        pointer: *const u8,
        len: usize,
    ) -> Result<&'a [u8], Failure> {
        if pointer.is_null() {
            return Err(Failure::Null(name));
        }
        Ok(unsafe { std::slice::from_raw_parts(pointer, len) })
    }

    /// An array of `len` items; NULL is accepted only when `len` is 0.
    ///
    /// # Safety
    ///
    /// A non-NULL `pointer` must point to `len` initialised items.
    pub(crate) unsafe fn array<'a, T>(
        name: &'static str,
        pointer: *const T,
        len: usize,
    ) -> Result<&'a [T], Failure> {
        if len == 0 {
            return Ok(&[]);
        }
        if pointer.is_null() {
            return Err(Failure::Null(name));
        }
        Ok(unsafe { std::slice::from_raw_parts(pointer, len) })
    }

    /// An out-parameter, checked now and written at the end of the call.
    ///
    /// # Safety
    ///
    /// A non-NULL `pointer` must be valid for writing a `T`.
    pub(crate) unsafe fn out<'a, T>(
        name: &'static str,
        pointer: *mut T,
    ) -> Result<&'a mut T, Failure> {
        unsafe { pointer.as_mut() }.ok_or(Failure::Null(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn last_message() -> String {
        let message = crate::last_error::iam_mfa_last_error_message();
        assert!(!message.is_null());
        unsafe { CStr::from_ptr(message) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn a_panic_becomes_a_status_and_a_message() {
        let status = boundary("iam_mfa_test", || panic!("deliberate"));

        assert_eq!(status, iam_mfa_status::IAM_MFA_PANIC);
        assert!(last_message().contains("iam_mfa_test"));
        assert!(last_message().contains("deliberate"));
    }

    #[test]
    fn success_clears_the_last_error() {
        boundary("iam_mfa_test", || Err(Failure::Null("thing")));
        assert_eq!(last_message(), "iam_mfa_test: thing must not be NULL");

        let status = boundary("iam_mfa_test", || Ok(()));

        assert_eq!(status, iam_mfa_status::IAM_MFA_OK);
        assert!(crate::last_error::iam_mfa_last_error_message().is_null());
    }

    #[test]
    fn strings_are_checked_for_null_and_utf8() {
        let bad = c"\xff\xfe";
        let status = boundary("iam_mfa_test", || {
            unsafe { arg::str("user_name", bad.as_ptr()) }?;
            Ok(())
        });

        assert_eq!(status, iam_mfa_status::IAM_MFA_INVALID_UTF8);
        assert_eq!(
            last_message(),
            "iam_mfa_test: user_name must be valid UTF-8"
        );
    }
}
