//! Field-by-field conversion between the library's model and the SDK's
//! types, both ways.
//!
//! Requests: tags, page requests and assignment statuses become the SDK's
//! builders' inputs. Answers: the SDK's structures become
//! [`crate::model`] values; blobs (the base32 seed text and the QR PNG)
//! move into [`Secret`]s and timestamps become [`SystemTime`]s.
//!
//! The SDK decodes a seed into a buffer of its own before it reaches this
//! module; that buffer is moved, not copied, into the secret, but the
//! HTTP body and the XML parser's copies are the SDK's and are not wiped.

use std::time::SystemTime;

use aws_sdk_iam::operation::get_mfa_device::GetMfaDeviceOutput;
use aws_sdk_iam::types as sdk;
use aws_smithy_types::{Blob, DateTime};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, QrCodePng, Tag, User,
    VirtualMfaDevice,
};
use crate::secret::Secret;

/// Our tags as the SDK's.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] if the SDK refuses a tag; validated tags
/// always pass.
pub(super) fn tags_to_sdk(tags: &[Tag]) -> Result<Vec<sdk::Tag>> {
    tags.iter()
        .map(|tag| {
            sdk::Tag::builder()
                .key(&tag.key)
                .value(&tag.value)
                .build()
                .map_err(|error| Error::invalid_input(format!("tag '{}': {error}", tag.key)))
        })
        .collect()
}

/// The `MaxItems` of a page request, as the SDK's integer.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] for a size beyond what IAM accepts;
/// validated requests always pass.
pub(super) fn max_items(page: &PageRequest) -> Result<Option<i32>> {
    page.max_items
        .map(|max_items| {
            i32::try_from(max_items).map_err(|_| {
                Error::validation(format!(
                    "1 validation error detected: Value '{max_items}' at 'maxItems' failed to \
                     satisfy constraint: Member must have value less than or equal to 1000"
                ))
            })
        })
        .transpose()
}

/// Our assignment status as the SDK's.
pub(super) fn assignment_status(status: AssignmentStatus) -> sdk::AssignmentStatusType {
    match status {
        AssignmentStatus::Assigned => sdk::AssignmentStatusType::Assigned,
        AssignmentStatus::Unassigned => sdk::AssignmentStatusType::Unassigned,
        AssignmentStatus::Any => sdk::AssignmentStatusType::Any,
    }
}

/// A timestamp of IAM's answer as a [`SystemTime`].
///
/// # Errors
///
/// [`ErrorKind::ServiceFailure`] for a date that a `SystemTime` cannot
/// hold.
pub(super) fn time(field: &str, date: DateTime) -> Result<SystemTime> {
    SystemTime::try_from(date).map_err(|error| {
        Error::new(
            ErrorKind::ServiceFailure,
            format!("IAM answered a {field} out of range: {date}: {error}"),
        )
    })
}

/// An optional timestamp of IAM's answer.
fn optional_time(field: &str, date: Option<DateTime>) -> Result<Option<SystemTime>> {
    date.map(|date| time(field, date)).transpose()
}

/// A blob of IAM's answer, moved into a secret.
fn secret(blob: Option<Blob>) -> Option<Secret> {
    blob.map(|blob| Secret::new(blob.into_inner()))
}

/// An error for a field that IAM's model requires but the answer lacked.
pub(super) fn missing(operation: &str, field: &str) -> Error {
    Error::new(
        ErrorKind::ServiceFailure,
        format!("the answer to {operation} has no {field}; the endpoint is not behaving as IAM"),
    )
}

/// The SDK's tag as ours.
pub(super) fn tag(tag: sdk::Tag) -> Tag {
    Tag {
        key: tag.key,
        value: tag.value,
    }
}

/// The SDK's user as ours.
///
/// # Errors
///
/// [`ErrorKind::ServiceFailure`] for a creation date out of range.
pub(super) fn user(user: sdk::User) -> Result<User> {
    Ok(User {
        path: user.path,
        user_name: user.user_name,
        user_id: user.user_id,
        arn: user.arn,
        create_date: time("CreateDate", user.create_date)?,
    })
}

/// The SDK's virtual MFA device as ours.
///
/// # Errors
///
/// [`ErrorKind::ServiceFailure`] for a date out of range.
pub(super) fn virtual_mfa_device(device: sdk::VirtualMfaDevice) -> Result<VirtualMfaDevice> {
    Ok(VirtualMfaDevice {
        serial_number: device.serial_number,
        base32_string_seed: secret(device.base32_string_seed),
        qr_code_png: secret(device.qr_code_png).map(QrCodePng::new),
        user: device.user.map(user).transpose()?,
        enable_date: optional_time("EnableDate", device.enable_date)?,
        tags: device
            .tags
            .unwrap_or_default()
            .into_iter()
            .map(tag)
            .collect(),
    })
}

/// The SDK's MFA device (an entry of `ListMFADevices`) as ours.
///
/// # Errors
///
/// [`ErrorKind::ServiceFailure`] for a date out of range.
pub(super) fn mfa_device(device: sdk::MfaDevice) -> Result<MfaDevice> {
    Ok(MfaDevice {
        user_name: device.user_name,
        serial_number: device.serial_number,
        enable_date: time("EnableDate", device.enable_date)?,
    })
}

/// The answer to `GetMFADevice` as ours. Certifications come back sorted
/// by name.
///
/// # Errors
///
/// [`ErrorKind::ServiceFailure`] for a date out of range.
pub(super) fn mfa_device_detail(output: GetMfaDeviceOutput) -> Result<MfaDeviceDetail> {
    Ok(MfaDeviceDetail {
        user_name: output.user_name,
        serial_number: output.serial_number,
        enable_date: optional_time("EnableDate", output.enable_date)?,
        certifications: output
            .certifications
            .unwrap_or_default()
            .into_iter()
            .collect(),
    })
}

/// One page of a list answer: its items converted, and the marker kept
/// only when IAM says more items follow.
///
/// # Errors
///
/// [`ErrorKind::ServiceFailure`] when IAM says more items follow but gives
/// no marker to fetch them with, or when an item fails to convert.
pub(super) fn page<S, T>(
    operation: &str,
    items: Vec<S>,
    is_truncated: bool,
    marker: Option<String>,
    convert: impl FnMut(S) -> Result<T>,
) -> Result<Page<T>> {
    let items = items.into_iter().map(convert).collect::<Result<Vec<T>>>()?;
    let marker = match (is_truncated, marker) {
        (true, Some(marker)) => Some(marker),
        (true, None) => return Err(missing(operation, "Marker although IsTruncated is true")),
        (false, _) => None,
    };
    Ok(Page {
        items,
        is_truncated,
        marker,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn tags_keep_key_and_value_both_ways() {
        let ours = vec![Tag::new("team", "ops"), Tag::new("empty", "")];
        let theirs = tags_to_sdk(&ours).unwrap();
        assert_eq!(theirs[0].key(), "team");
        assert_eq!(theirs[0].value(), "ops");
        assert_eq!(theirs[1].value(), "");
        let back: Vec<Tag> = theirs.into_iter().map(tag).collect();
        assert_eq!(back, ours);
    }

    #[test]
    fn assignment_statuses_map_one_to_one() {
        for status in [
            AssignmentStatus::Assigned,
            AssignmentStatus::Unassigned,
            AssignmentStatus::Any,
        ] {
            assert_eq!(assignment_status(status).as_str(), status.as_str());
        }
    }

    #[test]
    fn max_items_passes_through() {
        assert_eq!(max_items(&PageRequest::first()).unwrap(), None);
        assert_eq!(
            max_items(&PageRequest::first().max_items(1000)).unwrap(),
            Some(1000)
        );
        let too_big = PageRequest::first().max_items(u32::MAX);
        assert_eq!(
            max_items(&too_big).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }

    #[test]
    fn dates_keep_their_seconds() {
        let date = DateTime::from_secs(1_700_000_000);
        let expected = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(time("EnableDate", date).unwrap(), expected);
    }

    #[test]
    fn a_marker_without_truncation_is_dropped() {
        let page = page("ListUsers", vec![1], false, Some("m".into()), Ok).unwrap();
        assert_eq!(page.marker, None);
        let page = page_of_one(true, Some("m".into())).unwrap();
        assert_eq!(page.marker.as_deref(), Some("m"));
        let error = page_of_one(true, None).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::ServiceFailure);
        assert!(error.message().contains("Marker"), "{}", error.message());
    }

    fn page_of_one(is_truncated: bool, marker: Option<String>) -> Result<Page<i32>> {
        page("ListUsers", vec![1], is_truncated, marker, Ok)
    }
}
