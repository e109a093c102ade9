//! The library's model as the AWS CLI prints IAM's answers: the field
//! names of IAM's API and the order of its model, optional fields left out
//! when absent.

use iam_mfa::{MfaDevice, MfaDeviceDetail, Tag, User, VirtualMfaDevice};

use crate::output::{TimestampFormat, Value, timestamp};

/// IAM's `User` structure.
pub fn user(user: &User, format: TimestampFormat) -> Value {
    Value::object()
        .with("Path", user.path.as_str())
        .with("UserName", user.user_name.as_str())
        .with("UserId", user.user_id.as_str())
        .with("Arn", user.arn.as_str())
        .with("CreateDate", timestamp(user.create_date, format))
}

/// IAM's `VirtualMFADevice` structure. The seed and QR code are never
/// shown; `seed`, when given, is shown as `Base32StringSeed`.
pub fn virtual_mfa_device(
    device: &VirtualMfaDevice,
    seed: Option<&str>,
    format: TimestampFormat,
) -> Value {
    let value = Value::object()
        .with("SerialNumber", device.serial_number.as_str())
        .with_some("Base32StringSeed", seed)
        .with_some("User", device.user.as_ref().map(|u| self::user(u, format)))
        .with_some(
            "EnableDate",
            device.enable_date.map(|at| timestamp(at, format)),
        );
    if device.tags.is_empty() {
        return value;
    }
    value.with("Tags", tags(&device.tags))
}

/// IAM's `MFADevice` structure, an entry of `ListMFADevices`.
pub fn mfa_device(device: &MfaDevice, format: TimestampFormat) -> Value {
    Value::object()
        .with("UserName", device.user_name.as_str())
        .with("SerialNumber", device.serial_number.as_str())
        .with("EnableDate", timestamp(device.enable_date, format))
}

/// The answer of `GetMFADevice`.
pub fn mfa_device_detail(detail: &MfaDeviceDetail, format: TimestampFormat) -> Value {
    let value = Value::object()
        .with_some("UserName", detail.user_name.as_deref())
        .with("SerialNumber", detail.serial_number.as_str())
        .with_some(
            "EnableDate",
            detail.enable_date.map(|at| timestamp(at, format)),
        );
    if detail.certifications.is_empty() {
        return value;
    }
    let certifications = detail
        .certifications
        .iter()
        .fold(Value::object(), |map, (name, level)| {
            map.with(name, level.as_str())
        });
    value.with("Certifications", certifications)
}

/// IAM's `Tag` structure.
pub fn tag(tag: &Tag) -> Value {
    Value::object()
        .with("Key", tag.key.as_str())
        .with("Value", tag.value.as_str())
}

/// A list of tags.
pub fn tags(tags: &[Tag]) -> Value {
    Value::List(tags.iter().map(tag).collect())
}
