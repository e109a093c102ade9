//! The C ABI of iam-mfa: `libiam_mfa.so`, `libiam_mfa.a` and the header
//! `include/iam_mfa.h`, which cbindgen generates from this crate.
//!
//! Every exported function follows one rhythm: check and convert its
//! pointer arguments, do the work on the core crate's blocking client,
//! then write its out-parameters and return `IAM_MFA_OK`. The boundary in
//! [`boundary`] wraps each of them: it clears the thread's last error,
//! catches panics, and turns every failure into a status and a message.
//!
//! Handles are opaque boxes made by the library and released by the one
//! `_free` function of their type. Results are immutable once made, and
//! their strings live as long as the handle that holds them.

#![allow(non_camel_case_types)]

mod boundary;
mod bytes;
mod client;
mod devices;
mod last_error;
mod local;
mod results;
mod status;
mod totp;
mod users;
mod version;

// The functions reach C by their symbol names; only the constants that
// become the header's macros are named here, so that they count as used.
pub use totp::IAM_MFA_TOTP_CODE_SIZE;
pub use version::{
    IAM_MFA_VERSION, IAM_MFA_VERSION_MAJOR, IAM_MFA_VERSION_MINOR, IAM_MFA_VERSION_PATCH,
};
