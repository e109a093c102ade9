//! Manage AWS IAM multi-factor authentication devices.
//!
//! One [`Client`] offers IAM's eleven MFA operations (create, enable,
//! resync, deactivate, delete, get, list and tag virtual MFA devices and
//! hardware TOTP tokens) over two backends: the real IAM service through
//! `aws-sdk-iam` (feature `aws`, on by default), and an embedded IAM
//! emulator stored in SQLite, in memory or in a file, that checks real TOTP
//! codes and enforces IAM's conflicts and quotas.
//!
//! ```
//! use iam_mfa::blocking::Client;
//! use iam_mfa::totp;
//! use std::time::SystemTime;
//!
//! let client = Client::in_memory()?;
//! client.create_user("alice", None)?;
//! let device = client.create_virtual_mfa_device("alice-phone", None, &[])?;
//! let seed = device.base32_string_seed.as_ref().expect("a new device has its seed");
//! let (code1, code2) = totp::enable_codes(seed.expose(), SystemTime::now())?;
//! client.enable_mfa_device("alice", &device.serial_number, code1.as_str(), code2.as_str())?;
//! # Ok::<(), iam_mfa::Error>(())
//! ```
//!
//! The async [`Client`] is the primary API; [`blocking::Client`] wraps it
//! for callers without a runtime.

pub mod backend;
pub mod blocking;
mod client;
pub mod clock;
mod error;
pub mod model;
pub mod pager;
pub mod qr;
pub mod runtime;
mod secret;
pub mod totp;
pub mod validate;

pub use backend::local::{LocalBackend, LocalOptions};
pub use client::Client;
pub use clock::Clock;
pub use error::{Error, ErrorKind, Result};
pub use model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, QrCodePng, Tag, User,
    VirtualMfaDevice,
};
pub use secret::Secret;

#[cfg(feature = "aws")]
pub use backend::aws::{AwsBackend, AwsOptions};
