//! The result handles that operations hand out, their getters, and the
//! conversions that build them from the core crate's model.
//!
//! A result is converted once, when the call returns: every string becomes
//! a NUL-terminated copy owned by the handle, so getters only lend
//! pointers and never allocate. Results are immutable, so any number of
//! threads may read one at once; freeing one while another thread reads it
//! is the caller's error.

mod detail;
mod lists;
mod mfa_device;
mod user;
mod virtual_device;

use std::ffi::{CString, c_char};
use std::time::{SystemTime, UNIX_EPOCH};

pub use detail::iam_mfa_mfa_device_detail;
pub use lists::{iam_mfa_mfa_device_list, iam_mfa_tag_list, iam_mfa_virtual_mfa_device_list};
pub use mfa_device::iam_mfa_mfa_device;
pub use user::iam_mfa_user;
pub use virtual_device::iam_mfa_virtual_mfa_device;

/// A tag: a key and a value, both NUL-terminated UTF-8.
///
/// As an argument, the strings belong to the caller and are only read
/// during the call. As a result, they belong to the handle that returned
/// the array and live until it is freed.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iam_mfa_tag {
    /// The key: 1 to 128 characters, case-sensitive.
    pub key: *const c_char,
    /// The value: 0 to 256 characters.
    pub value: *const c_char,
}

/// One certification of an MFA device (FIPS and similar, for FIDO
/// security keys), as `GetMFADevice` reports it. Both strings belong to
/// the device detail that returned them.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct iam_mfa_certification {
    /// The certification's name, such as `FIPS-140-2`.
    pub name: *const c_char,
    /// Its value, such as a level.
    pub value: *const c_char,
}

/// A NUL-terminated copy of `text`. IAM's strings hold no NUL byte; one
/// that came from elsewhere is dropped rather than cut the text short.
pub(crate) fn c_string(text: &str) -> CString {
    CString::new(text.replace('\0', "")).unwrap_or_default()
}

/// Seconds since the Unix epoch, negative before it.
pub(crate) fn unix_seconds(at: SystemTime) -> i64 {
    match at.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}

/// Pairs of strings owned together with the C array that points into
/// them. The `CString`s' bytes are on the heap, so the pointers stay valid
/// however the vectors move.
pub(crate) struct Pairs<T> {
    _strings: Vec<(CString, CString)>,
    entries: Vec<T>,
}

impl<T> Pairs<T> {
    /// Copies `pairs` and builds the C entries with `entry`.
    pub(crate) fn new<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        entry: impl Fn(*const c_char, *const c_char) -> T,
    ) -> Pairs<T> {
        let strings: Vec<(CString, CString)> = pairs
            .into_iter()
            .map(|(first, second)| (c_string(first), c_string(second)))
            .collect();
        let entries = strings
            .iter()
            .map(|(first, second)| entry(first.as_ptr(), second.as_ptr()))
            .collect();
        Pairs {
            _strings: strings,
            entries,
        }
    }

    /// The C array.
    pub(crate) fn entries(&self) -> &[T] {
        &self.entries
    }
}

/// Tags as a C array.
pub(crate) fn tag_array(tags: &[core_api::Tag]) -> Pairs<iam_mfa_tag> {
    Pairs::new(
        tags.iter()
            .map(|tag| (tag.key.as_str(), tag.value.as_str())),
        |key, value| iam_mfa_tag { key, value },
    )
}

/// Writes a borrowed array to its two out-parameters. An empty array is
/// a NULL pointer and a length of 0.
pub(crate) fn lend_array<T>(entries: &[T], array_out: &mut *const T, len_out: &mut usize) {
    *array_out = if entries.is_empty() {
        std::ptr::null()
    } else {
        entries.as_ptr()
    };
    *len_out = entries.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn unix_seconds_are_signed() {
        let after = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(unix_seconds(after), 1_700_000_000);
        let before = UNIX_EPOCH - Duration::from_secs(5);
        assert_eq!(unix_seconds(before), -5);
    }

    #[test]
    fn nul_bytes_are_dropped_not_truncating() {
        assert_eq!(c_string("a\0b").to_str(), Ok("ab"));
    }
}
