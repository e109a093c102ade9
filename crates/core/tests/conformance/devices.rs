//! Creating, getting and deleting virtual MFA devices.

use std::time::Duration;

use iam_mfa::{AssignmentStatus, ErrorKind, PageRequest, Tag};

use super::{
    Quotas, Target, assert_error, enable, near, new_device, new_user, no_such_device, serial_of,
    skipped, snapshot, unique, virtual_serials,
};

/// The PNG file signature.
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// A new device has its ARN, a 64-character base32 seed, a PNG QR code,
/// no user and no enable date.
pub async fn create_returns_serial_seed_and_qr<T: Target>(target: &T) {
    let name = unique("create");
    let device = target
        .client()
        .create_virtual_mfa_device(&name, None, &[])
        .await
        .expect("create");

    assert_eq!(device.serial_number, serial_of(target, "/", &name));
    let seed = device.base32_string_seed.as_ref().expect("seed");
    assert_eq!(seed.len(), 64, "seed length");
    assert!(
        seed.expose()
            .iter()
            .all(|b| b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains(b)),
        "the seed is base32 text"
    );
    let png = device.qr_code_png.as_ref().expect("QR code");
    assert!(
        png.png().expose().starts_with(PNG_SIGNATURE),
        "the QR code is a PNG"
    );
    assert_eq!(device.user, None);
    assert_eq!(device.enable_date, None);
    assert!(device.tags.is_empty());

    let listed = virtual_serials(target, AssignmentStatus::Unassigned, None).await;
    assert_eq!(listed, vec![device.serial_number.clone()]);
}

/// A device created under a path has the path in its serial number;
/// paths with an empty segment are valid.
pub async fn create_with_path_puts_path_in_serial<T: Target>(target: &T) {
    let client = target.client();
    for path in ["/ops/", "/test//double/", "/a/b/c/"] {
        let name = unique("pathed");
        let device = client
            .create_virtual_mfa_device(&name, Some(path), &[])
            .await
            .unwrap_or_else(|error| panic!("create under {path}: {error}"));
        assert_eq!(device.serial_number, serial_of(target, path, &name));
    }
}

/// Tags given at creation come back from the create call and from
/// ListMFADeviceTags.
pub async fn create_with_tags_keeps_them<T: Target>(target: &T) {
    let tags = vec![Tag::new("team", "ops"), Tag::new("cost-center", "42")];
    let name = unique("tagged");
    let device = target
        .client()
        .create_virtual_mfa_device(&name, None, &tags)
        .await
        .expect("create with tags");

    let mut returned = device.tags.clone();
    returned.sort();
    let mut expected = tags.clone();
    expected.sort();
    assert_eq!(returned, expected, "tags of the create answer");

    let listed = target
        .client()
        .list_mfa_device_tags(&device.serial_number, &PageRequest::first())
        .await
        .expect("list tags");
    assert_eq!(listed.items, expected, "listed tags, sorted by key");
    assert!(!listed.is_truncated);
}

/// A name is taken in the whole account, whatever the path, and the
/// refusal changes nothing.
pub async fn create_name_is_unique_whatever_the_path<T: Target>(target: &T) {
    let client = target.client();
    let name = unique("taken");
    client
        .create_virtual_mfa_device(&name, Some("/one/"), &[])
        .await
        .expect("create");
    let before = snapshot(target).await;

    for path in ["/one/", "/", "/two/"] {
        let result = client
            .create_virtual_mfa_device(&name, Some(path), &[Tag::new("k", "v")])
            .await;
        assert_error(
            result,
            ErrorKind::EntityAlreadyExists,
            "EntityAlreadyExists",
            Some("MFA device already exists."),
        );
    }
    assert_eq!(snapshot(target).await, before);
}

/// GetMFADevice of an unassigned virtual device: its serial, no user, no
/// enable date, no certifications.
pub async fn get_unassigned_device_has_no_user<T: Target>(target: &T) {
    let device = new_device(target, "get-free").await;
    let detail = target
        .client()
        .get_mfa_device(&device.serial_number, None)
        .await
        .expect("get");
    assert_eq!(detail.serial_number, device.serial_number);
    assert_eq!(detail.user_name, None);
    assert_eq!(detail.enable_date, None);
    assert!(detail.certifications.is_empty());
}

/// GetMFADevice of an enabled device names its user and enable date.
pub async fn get_assigned_device_names_its_user<T: Target>(target: &T) {
    let user = new_user(target, "get-owner").await;
    let device = new_device(target, "get-used").await;
    enable(target, &user.user_name, &device).await;

    let detail = target
        .client()
        .get_mfa_device(&device.serial_number, Some(&user.user_name))
        .await
        .expect("get");
    assert_eq!(detail.serial_number, device.serial_number);
    assert_eq!(detail.user_name.as_deref(), Some(user.user_name.as_str()));
    let enabled = detail.enable_date.expect("enable date");
    assert!(
        near(enabled, target.now(), Duration::from_secs(5)),
        "the enable date is the time of enabling"
    );
    assert!(detail.certifications.is_empty());
}

/// GetMFADevice of a serial nobody created.
pub async fn get_unknown_device_is_no_such_entity<T: Target>(target: &T) {
    let serial = serial_of(target, "/", &unique("ghost"));
    let result = target.client().get_mfa_device(&serial, None).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_device(&serial)),
    );
}

/// Deleting an unassigned device removes it from every list and frees its
/// name.
pub async fn delete_unassigned_device_frees_its_name<T: Target>(target: &T) {
    let client = target.client();
    let name = unique("doomed");
    let device = client
        .create_virtual_mfa_device(&name, None, &[Tag::new("k", "v")])
        .await
        .expect("create");
    let kept = new_device(target, "kept").await;

    client
        .delete_virtual_mfa_device(&device.serial_number)
        .await
        .expect("delete");

    let listed = virtual_serials(target, AssignmentStatus::Any, None).await;
    assert_eq!(listed, vec![kept.serial_number.clone()]);
    assert_error(
        client.get_mfa_device(&device.serial_number, None).await,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_device(&device.serial_number)),
    );
    assert_error(
        client
            .list_mfa_device_tags(&device.serial_number, &PageRequest::first())
            .await,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        None,
    );

    let again = client
        .create_virtual_mfa_device(&name, None, &[])
        .await
        .expect("the name is free again");
    assert_eq!(again.serial_number, device.serial_number);
    let tags = client
        .list_mfa_device_tags(&again.serial_number, &PageRequest::first())
        .await
        .expect("list tags");
    assert!(tags.items.is_empty(), "a new device does not inherit tags");
}

/// An assigned device cannot be deleted, and stays assigned.
pub async fn delete_assigned_device_conflicts<T: Target>(target: &T) {
    let user = new_user(target, "holder").await;
    let device = new_device(target, "held").await;
    enable(target, &user.user_name, &device).await;
    let before = snapshot(target).await;

    let result = target
        .client()
        .delete_virtual_mfa_device(&device.serial_number)
        .await;
    assert_error(result, ErrorKind::DeleteConflict, "DeleteConflict", None);
    assert_eq!(snapshot(target).await, before);
}

/// Deleting a serial nobody created.
pub async fn delete_unknown_device_is_no_such_entity<T: Target>(target: &T) {
    let serial = serial_of(target, "/", &unique("nothing"));
    let result = target.client().delete_virtual_mfa_device(&serial).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_device(&serial)),
    );
}

/// At the account's quota of virtual devices, one more is LimitExceeded;
/// deleting one makes room again.
pub async fn account_quota_is_limit_exceeded<T: Target>(target: &T) {
    let check = "account_quota_is_limit_exceeded";
    let quotas = Quotas {
        max_virtual_mfa_devices: 3,
        max_mfa_devices_per_user: 8,
    };
    let Some(small) = target.with_quotas(quotas).await else {
        skipped(target, check, "the target's quotas cannot be configured");
        return;
    };

    let mut devices = Vec::new();
    for _ in 0..3 {
        devices.push(new_device(&small, "quota").await);
    }
    let before = snapshot(&small).await;
    let result = small
        .client()
        .create_virtual_mfa_device(&unique("over"), None, &[])
        .await;
    assert_error(result, ErrorKind::LimitExceeded, "LimitExceeded", None);
    assert_eq!(snapshot(&small).await, before);

    small
        .client()
        .delete_virtual_mfa_device(&devices[0].serial_number)
        .await
        .expect("delete");
    new_device(&small, "room").await;
}
