//! The status every fallible function returns, one per error kind of the
//! core crate plus the failures that only a C caller can cause.

use std::ffi::{c_char, c_int};

use core_api::ErrorKind;

/// What a call came to. `IAM_MFA_OK` is zero; every other value is a
/// failure, and the thread's last error
/// (`iam_mfa_last_error_message()`) says what went wrong.
///
/// Values 1 to 99 follow the library's error kinds in a fixed order;
/// values from 100 are failures that only a C caller can cause. Values are
/// never renumbered and a retired value is never reused. Later versions
/// may add values: treat an unknown one as a failure.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum iam_mfa_status {
    /// The call succeeded.
    IAM_MFA_OK = 0,
    /// The user, device or serial number does not exist
    /// (`NoSuchEntity`).
    IAM_MFA_NO_SUCH_ENTITY = 1,
    /// A device of that name exists, or the device is already assigned
    /// (`EntityAlreadyExists`).
    IAM_MFA_ENTITY_ALREADY_EXISTS = 2,
    /// The entity is still in use: an assigned device, or a user who holds
    /// MFA devices (`DeleteConflict`).
    IAM_MFA_DELETE_CONFLICT = 3,
    /// The authentication codes did not match the device
    /// (`InvalidAuthenticationCode`).
    IAM_MFA_INVALID_AUTHENTICATION_CODE = 4,
    /// A quota would be exceeded (`LimitExceeded`).
    IAM_MFA_LIMIT_EXCEEDED = 5,
    /// An argument broke one of IAM's rules (`ValidationError` or
    /// `InvalidInput`); nothing was sent and nothing changed.
    IAM_MFA_INVALID_INPUT = 6,
    /// The entity is being changed elsewhere
    /// (`EntityTemporarilyUnmodifiable`).
    IAM_MFA_ENTITY_TEMPORARILY_UNMODIFIABLE = 7,
    /// Another request changed the same entity at the same time
    /// (`ConcurrentModification`).
    IAM_MFA_CONCURRENT_MODIFICATION = 8,
    /// The service failed (`ServiceFailure`, or an HTTP 5xx answer).
    IAM_MFA_SERVICE_FAILURE = 9,
    /// The caller is not allowed to make the request (`AccessDenied`).
    IAM_MFA_ACCESS_DENIED = 10,
    /// No credentials were found, or the service rejected them.
    IAM_MFA_CREDENTIALS = 11,
    /// The request could not be sent or its answer not read; it may or
    /// may not have reached the service.
    IAM_MFA_TRANSPORT = 12,
    /// The request took longer than the configured timeout; it may or may
    /// not have been carried out.
    IAM_MFA_TIMEOUT = 13,
    /// The service kept throttling the request after every retry.
    IAM_MFA_THROTTLING = 14,
    /// The emulator's SQLite store failed.
    IAM_MFA_STORAGE = 15,
    /// The service answered with an error code this library does not
    /// know; `iam_mfa_last_error_code()` gives it.
    IAM_MFA_UNHANDLED = 16,
    /// A pointer argument that must not be NULL was NULL.
    IAM_MFA_NULL_ARGUMENT = 100,
    /// A string argument was not valid UTF-8.
    IAM_MFA_INVALID_UTF8 = 101,
    /// The library panicked; the call was abandoned and nothing was
    /// returned. The panic's message is in the last error.
    IAM_MFA_PANIC = 102,
}

use iam_mfa_status::*;

/// Every status, in numeric order, for tests and for `iam_mfa_status_str`.
pub(crate) const ALL: [iam_mfa_status; 20] = [
    IAM_MFA_OK,
    IAM_MFA_NO_SUCH_ENTITY,
    IAM_MFA_ENTITY_ALREADY_EXISTS,
    IAM_MFA_DELETE_CONFLICT,
    IAM_MFA_INVALID_AUTHENTICATION_CODE,
    IAM_MFA_LIMIT_EXCEEDED,
    IAM_MFA_INVALID_INPUT,
    IAM_MFA_ENTITY_TEMPORARILY_UNMODIFIABLE,
    IAM_MFA_CONCURRENT_MODIFICATION,
    IAM_MFA_SERVICE_FAILURE,
    IAM_MFA_ACCESS_DENIED,
    IAM_MFA_CREDENTIALS,
    IAM_MFA_TRANSPORT,
    IAM_MFA_TIMEOUT,
    IAM_MFA_THROTTLING,
    IAM_MFA_STORAGE,
    IAM_MFA_UNHANDLED,
    IAM_MFA_NULL_ARGUMENT,
    IAM_MFA_INVALID_UTF8,
    IAM_MFA_PANIC,
];

impl iam_mfa_status {
    /// The status of an error kind. Kinds added to the core crate after
    /// this table was written come out as `IAM_MFA_UNHANDLED`.
    pub(crate) fn of_kind(kind: ErrorKind) -> iam_mfa_status {
        match kind {
            ErrorKind::NoSuchEntity => IAM_MFA_NO_SUCH_ENTITY,
            ErrorKind::EntityAlreadyExists => IAM_MFA_ENTITY_ALREADY_EXISTS,
            ErrorKind::DeleteConflict => IAM_MFA_DELETE_CONFLICT,
            ErrorKind::InvalidAuthenticationCode => IAM_MFA_INVALID_AUTHENTICATION_CODE,
            ErrorKind::LimitExceeded => IAM_MFA_LIMIT_EXCEEDED,
            ErrorKind::InvalidInput => IAM_MFA_INVALID_INPUT,
            ErrorKind::EntityTemporarilyUnmodifiable => IAM_MFA_ENTITY_TEMPORARILY_UNMODIFIABLE,
            ErrorKind::ConcurrentModification => IAM_MFA_CONCURRENT_MODIFICATION,
            ErrorKind::ServiceFailure => IAM_MFA_SERVICE_FAILURE,
            ErrorKind::AccessDenied => IAM_MFA_ACCESS_DENIED,
            ErrorKind::Credentials => IAM_MFA_CREDENTIALS,
            ErrorKind::Transport => IAM_MFA_TRANSPORT,
            ErrorKind::Timeout => IAM_MFA_TIMEOUT,
            ErrorKind::Throttling => IAM_MFA_THROTTLING,
            ErrorKind::Storage => IAM_MFA_STORAGE,
            _ => IAM_MFA_UNHANDLED,
        }
    }

    /// The status's name without its prefix, NUL-terminated.
    fn name(self) -> &'static [u8] {
        match self {
            IAM_MFA_OK => b"OK\0",
            IAM_MFA_NO_SUCH_ENTITY => b"NoSuchEntity\0",
            IAM_MFA_ENTITY_ALREADY_EXISTS => b"EntityAlreadyExists\0",
            IAM_MFA_DELETE_CONFLICT => b"DeleteConflict\0",
            IAM_MFA_INVALID_AUTHENTICATION_CODE => b"InvalidAuthenticationCode\0",
            IAM_MFA_LIMIT_EXCEEDED => b"LimitExceeded\0",
            IAM_MFA_INVALID_INPUT => b"InvalidInput\0",
            IAM_MFA_ENTITY_TEMPORARILY_UNMODIFIABLE => b"EntityTemporarilyUnmodifiable\0",
            IAM_MFA_CONCURRENT_MODIFICATION => b"ConcurrentModification\0",
            IAM_MFA_SERVICE_FAILURE => b"ServiceFailure\0",
            IAM_MFA_ACCESS_DENIED => b"AccessDenied\0",
            IAM_MFA_CREDENTIALS => b"Credentials\0",
            IAM_MFA_TRANSPORT => b"Transport\0",
            IAM_MFA_TIMEOUT => b"Timeout\0",
            IAM_MFA_THROTTLING => b"Throttling\0",
            IAM_MFA_STORAGE => b"Storage\0",
            IAM_MFA_UNHANDLED => b"Unhandled\0",
            IAM_MFA_NULL_ARGUMENT => b"NullArgument\0",
            IAM_MFA_INVALID_UTF8 => b"InvalidUtf8\0",
            IAM_MFA_PANIC => b"Panic\0",
        }
    }
}

/// The name of a status, such as `"NoSuchEntity"` for
/// `IAM_MFA_NO_SUCH_ENTITY` or `"OK"` for `IAM_MFA_OK`; the names of the
/// error kinds are IAM's own error codes where IAM has one. A value that
/// is not a status gives `"Unknown"`.
///
/// Ownership: the string is static; never free it. Thread safety: safe
/// from any thread. Does not touch the thread's last error.
#[unsafe(no_mangle)]
pub extern "C" fn iam_mfa_status_str(status: c_int) -> *const c_char {
    let name = ALL
        .iter()
        .find(|known| **known as c_int == status)
        .map_or(&b"Unknown\0"[..], |known| known.name());

    name.as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn error_kinds_take_statuses_1_to_16_in_their_table_order() {
        for (index, kind) in ErrorKind::ALL.into_iter().enumerate() {
            let status = iam_mfa_status::of_kind(kind);
            assert_eq!(status as usize, index + 1, "{kind}");
            assert_eq!(status.name(), format!("{}\0", kind.name()).as_bytes());
        }
    }

    #[test]
    fn every_status_has_a_distinct_name() {
        let mut names: Vec<&CStr> = ALL
            .iter()
            .map(|status| unsafe { CStr::from_ptr(iam_mfa_status_str(*status as c_int)) })
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
        let unknown = unsafe { CStr::from_ptr(iam_mfa_status_str(42)) };
        assert_eq!(unknown.to_str(), Ok("Unknown"));
    }
}
