//! The entities of IAM's MFA surface, with IAM's fields and optionality.
//!
//! Names follow IAM's API reference: a `VirtualMfaDevice` is IAM's
//! `VirtualMFADevice` structure, an `MfaDevice` is an entry of
//! `ListMFADevices`, and so on. Timestamps are [`SystemTime`]s, which IAM
//! reports to the second.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;
use std::time::SystemTime;

use crate::error::Error;
use crate::qr;
use crate::secret::Secret;

/// A key and value attached to an MFA device.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag {
    /// The key: 1 to 128 characters, case-sensitive, not starting `aws:`.
    pub key: String,
    /// The value: 0 to 256 characters.
    pub value: String,
}

impl Tag {
    /// A tag of `key` and `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Tag {
        Tag {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// An IAM user, as IAM returns it inside other structures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The path, `/` unless the user was created with another one.
    pub path: String,
    /// The user's name, unique in the account (case-insensitively).
    pub user_name: String,
    /// IAM's stable id for the user (`AIDA...`).
    pub user_id: String,
    /// `arn:aws:iam::ACCOUNT:user` + path + name.
    pub arn: String,
    /// When the user was created.
    pub create_date: SystemTime,
}

/// Which virtual MFA devices `ListVirtualMFADevices` returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AssignmentStatus {
    /// Devices enabled for a user.
    Assigned,
    /// Devices not enabled for any user.
    Unassigned,
    /// Every device (IAM's default).
    #[default]
    Any,
}

impl AssignmentStatus {
    /// IAM's name for the status: `Assigned`, `Unassigned` or `Any`.
    pub fn as_str(self) -> &'static str {
        match self {
            AssignmentStatus::Assigned => "Assigned",
            AssignmentStatus::Unassigned => "Unassigned",
            AssignmentStatus::Any => "Any",
        }
    }
}

impl fmt::Display for AssignmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AssignmentStatus {
    type Err = Error;

    /// Parses IAM's names, exactly as IAM spells them.
    fn from_str(text: &str) -> Result<AssignmentStatus, Error> {
        match text {
            "Assigned" => Ok(AssignmentStatus::Assigned),
            "Unassigned" => Ok(AssignmentStatus::Unassigned),
            "Any" => Ok(AssignmentStatus::Any),
            _ => Err(Error::validation(format!(
                "1 validation error detected: Value '{text}' at 'assignmentStatus' failed to \
                 satisfy constraint: Member must satisfy enum value set: [Any, Assigned, Unassigned]"
            ))),
        }
    }
}

/// A virtual MFA device, as `CreateVirtualMFADevice` and
/// `ListVirtualMFADevices` return it.
///
/// The seed and QR code are present only in the answer to
/// `CreateVirtualMFADevice`; IAM never returns them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VirtualMfaDevice {
    /// The device's ARN: `arn:aws:iam::ACCOUNT:mfa` + path + name.
    pub serial_number: String,
    /// The seed as base32 text (64 ASCII characters for a new device).
    pub base32_string_seed: Option<Secret>,
    /// A PNG of a QR code of the device's `otpauth://` URI.
    pub qr_code_png: Option<QrCodePng>,
    /// The user the device is enabled for, if any.
    pub user: Option<User>,
    /// When the device was enabled, if it is.
    pub enable_date: Option<SystemTime>,
    /// The device's tags. Empty in list results, which never carry tags.
    pub tags: Vec<Tag>,
}

/// The PNG image of a new virtual device's QR code: a secret, like the
/// seed it encodes.
///
/// IAM sends the image with the device. The emulator keeps the device's
/// `otpauth://` URI instead and draws the image the first time it is read:
/// most callers enable a device from its seed and never look at the
/// picture, and drawing it costs more than the rest of creating the
/// device. The image drawn is kept, so every read gives the same bytes.
#[derive(Clone)]
pub struct QrCodePng {
    /// The URI to draw, for an image not drawn yet.
    uri: Option<Secret>,
    png: OnceLock<Secret>,
}

impl QrCodePng {
    /// An image as IAM sent it.
    pub fn new(png: Secret) -> QrCodePng {
        QrCodePng {
            uri: None,
            png: OnceLock::from(png),
        }
    }

    /// The image of `uri`, drawn when it is first read.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when
    /// the URI is too long for a QR code.
    pub fn of_uri(uri: Secret) -> crate::Result<QrCodePng> {
        qr::check_fits(uri.expose())?;
        Ok(QrCodePng {
            uri: Some(uri),
            png: OnceLock::new(),
        })
    }

    /// The PNG bytes, drawn now if they have not been yet.
    pub fn png(&self) -> &Secret {
        self.png.get_or_init(|| {
            let uri = self.uri.as_ref().expect("an image not drawn yet has a URI");
            qr::png(uri).expect("a URI checked by `of_uri` fits in a QR code")
        })
    }

    /// The PNG bytes, drawn now if they have not been yet.
    pub fn into_png(self) -> Secret {
        self.png();
        self.png.into_inner().expect("drawn just above")
    }
}

impl PartialEq for QrCodePng {
    fn eq(&self, other: &QrCodePng) -> bool {
        self.png() == other.png()
    }
}

impl Eq for QrCodePng {}

impl fmt::Debug for QrCodePng {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.png.get() {
            Some(png) => write!(f, "QrCodePng([REDACTED; {} bytes])", png.len()),
            None => f.write_str("QrCodePng([REDACTED; not drawn yet])"),
        }
    }
}

/// An MFA device enabled for a user, as `ListMFADevices` returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfaDevice {
    /// The user the device is enabled for.
    pub user_name: String,
    /// The device's serial number: an ARN for a virtual device, the
    /// vendor's serial for a hardware token.
    pub serial_number: String,
    /// When the device was enabled.
    pub enable_date: SystemTime,
}

/// What `GetMFADevice` returns about a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfaDeviceDetail {
    /// The user the device is enabled for, when it is.
    pub user_name: Option<String>,
    /// The device's serial number.
    pub serial_number: String,
    /// When the device was enabled, when it is.
    pub enable_date: Option<SystemTime>,
    /// The device's certifications (FIPS and similar, for FIDO keys),
    /// by certification name. Empty for TOTP devices.
    pub certifications: BTreeMap<String, String>,
}

/// Where a list operation starts and how many items it returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageRequest {
    /// The `Marker` of the previous page; `None` starts at the beginning.
    pub marker: Option<String>,
    /// At most this many items, 1 to 1000; `None` is IAM's default of 100.
    pub max_items: Option<u32>,
}

impl PageRequest {
    /// The first page, of IAM's default size.
    pub fn first() -> PageRequest {
        PageRequest::default()
    }

    /// Sets the page size.
    pub fn max_items(mut self, max_items: u32) -> PageRequest {
        self.max_items = Some(max_items);
        self
    }

    /// Sets where the page starts.
    pub fn marker(mut self, marker: impl Into<String>) -> PageRequest {
        self.marker = Some(marker.into());
        self
    }
}

/// One page of a list operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// The items of this page, in the order IAM lists them.
    pub items: Vec<T>,
    /// Whether more items follow. Never true on a page after which nothing
    /// follows, even when the page is full.
    pub is_truncated: bool,
    /// The marker to pass for the next page, present exactly when
    /// `is_truncated` is true.
    pub marker: Option<String>,
}

impl<T> Page<T> {
    /// The request for the page after this one, if there is one.
    pub fn next_request(&self, max_items: Option<u32>) -> Option<PageRequest> {
        match (&self.marker, self.is_truncated) {
            (Some(marker), true) => Some(PageRequest {
                marker: Some(marker.clone()),
                max_items,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URI: &str = "otpauth://totp/Amazon%20Web%20Services:phone@123456789012\
                       ?secret=JBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services";

    #[test]
    fn a_qr_code_is_drawn_on_first_read_and_kept() {
        let qr_code = QrCodePng::of_uri(Secret::from(URI.to_owned())).unwrap();
        assert_eq!(
            format!("{qr_code:?}"),
            "QrCodePng([REDACTED; not drawn yet])"
        );

        let first = qr_code.png();
        let expected = qr::png(&Secret::from(URI.to_owned())).unwrap();
        assert_eq!(first, &expected);
        assert!(std::ptr::eq(first, qr_code.png()), "drawn twice");
        assert_eq!(
            format!("{qr_code:?}"),
            format!("QrCodePng([REDACTED; {} bytes])", expected.len())
        );
        assert_eq!(qr_code.clone().into_png(), expected);
    }

    #[test]
    fn a_received_image_compares_equal_to_the_same_image_drawn() {
        let drawn = QrCodePng::of_uri(Secret::from(URI.to_owned())).unwrap();
        let received = QrCodePng::new(qr::png(&Secret::from(URI.to_owned())).unwrap());
        assert_eq!(drawn, received);
        assert_ne!(received, QrCodePng::new(Secret::new(b"\x89PNG".to_vec())));
    }

    #[test]
    fn a_uri_too_long_for_a_qr_code_is_refused_before_drawing() {
        let fits = "a".repeat(qr::MAX_BYTES);
        assert!(QrCodePng::of_uri(Secret::from(fits.clone())).is_ok());
        assert!(
            qr::png(&Secret::from(fits)).is_ok(),
            "MAX_BYTES is too high"
        );

        let too_long = "a".repeat(qr::MAX_BYTES + 1);
        assert!(
            qr::png(&Secret::from(too_long.clone())).is_err(),
            "MAX_BYTES is too low"
        );
        let error = QrCodePng::of_uri(Secret::from(too_long)).unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::InvalidInput);
        assert!(
            error.message().contains("2332 bytes"),
            "{}",
            error.message()
        );
    }
}
