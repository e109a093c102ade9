//! The library's version, at compile time (macros in the header) and at
//! run time (`iam_mfa_version()`), so that a program can check that the
//! header it was built with matches the library it runs with.

use std::ffi::c_char;

/// The major version of the header. Programs built against one major
/// version run against any library of the same major version (from 1.0
/// on; before 1.0 the minor version plays that part).
pub const IAM_MFA_VERSION_MAJOR: u32 = 0;

/// The minor version of the header.
pub const IAM_MFA_VERSION_MINOR: u32 = 1;

/// The patch version of the header.
pub const IAM_MFA_VERSION_PATCH: u32 = 0;

/// The version of the header as text, `MAJOR.MINOR.PATCH`.
pub const IAM_MFA_VERSION: &str = "0.1.0";

const VERSION_NUL: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The version of the library that is running, `MAJOR.MINOR.PATCH`, the
/// same text as the `IAM_MFA_VERSION` macro of the header it was built
/// with.
///
/// Ownership: the string is static; never free it. Thread safety: any
/// thread. Does not touch the last error.
#[unsafe(no_mangle)]
pub extern "C" fn iam_mfa_version() -> *const c_char {
    VERSION_NUL.as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_macros_match_the_crate_version() {
        let expected =
            format!("{IAM_MFA_VERSION_MAJOR}.{IAM_MFA_VERSION_MINOR}.{IAM_MFA_VERSION_PATCH}");
        assert_eq!(env!("CARGO_PKG_VERSION"), expected);
        assert_eq!(IAM_MFA_VERSION, expected);
        let runtime = unsafe { std::ffi::CStr::from_ptr(iam_mfa_version()) };
        assert_eq!(runtime.to_str(), Ok(expected.as_str()));
    }
}
