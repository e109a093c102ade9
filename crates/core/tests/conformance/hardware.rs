//! Hardware TOTP tokens, registered by serial number and seed as their
//! vendor's factory would.

use iam_mfa::totp::{Key, generate_seed};
use iam_mfa::{AssignmentStatus, ErrorKind, PageRequest, Tag};

use super::enable::wrong_pair;
use super::{
    Target, assert_error, enable_with_key, new_user, no_such_device, skipped, snapshot, step_now,
    unique, virtual_serials,
};

/// A registered token: its serial number and key, or `None` (with the
/// reason printed) when the target cannot register one.
async fn token<T: Target>(target: &T, check: &str) -> Option<(String, Key)> {
    let serial_number = unique("GAHT");
    let seed = generate_seed().expect("seed");
    let Some(registered) = target.register_hardware_token(&serial_number, &seed).await else {
        skipped(target, check, "the target cannot register hardware tokens");
        return None;
    };
    registered.expect("register a hardware token");
    let key = Key::from_base32(seed.expose()).expect("base32 seed");
    Some((serial_number, key))
}

/// A registered token enables with its codes and is listed by
/// ListMFADevices with its user, and by GetMFADevice.
pub async fn hardware_token_enables_and_lists_as_mfa_device<T: Target>(target: &T) {
    let check = "hardware_token_enables_and_lists_as_mfa_device";
    let Some((serial, key)) = token(target, check).await else {
        return;
    };
    let user = new_user(target, "fob-owner").await;

    enable_with_key(target, &user.user_name, &serial, &key)
        .await
        .expect("enable the token");

    let page = target
        .client()
        .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
        .await
        .expect("list");
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].serial_number, serial);
    assert_eq!(page.items[0].user_name, user.user_name);
    let detail = target
        .client()
        .get_mfa_device(&serial, Some(&user.user_name))
        .await
        .expect("get");
    assert_eq!(detail.serial_number, serial);
    assert_eq!(detail.user_name.as_deref(), Some(user.user_name.as_str()));
    assert!(detail.enable_date.is_some());
}

/// A token never appears among virtual devices and cannot be tagged or
/// deleted as one.
pub async fn hardware_token_is_not_a_virtual_device<T: Target>(target: &T) {
    let check = "hardware_token_is_not_a_virtual_device";
    let Some((serial, key)) = token(target, check).await else {
        return;
    };
    let user = new_user(target, "fob-user").await;
    enable_with_key(target, &user.user_name, &serial, &key)
        .await
        .expect("enable the token");
    let before = snapshot(target).await;

    for status in [
        AssignmentStatus::Any,
        AssignmentStatus::Assigned,
        AssignmentStatus::Unassigned,
    ] {
        assert!(virtual_serials(target, status, None).await.is_empty());
    }
    let result = target
        .client()
        .tag_mfa_device(&serial, &[Tag::new("k", "v")])
        .await;
    assert_error(result, ErrorKind::NoSuchEntity, "NoSuchEntity", None);
    let result = target.client().delete_virtual_mfa_device(&serial).await;
    assert_error(result, ErrorKind::NoSuchEntity, "NoSuchEntity", None);
    assert_eq!(snapshot(target).await, before);
}

/// A serial number nobody registered cannot be enabled.
pub async fn unregistered_hardware_serial_is_no_such_entity<T: Target>(target: &T) {
    let user = new_user(target, "fobless").await;
    let serial = unique("GAHT");
    let key = Key::from_bytes(b"12345678901234567890");

    let result = enable_with_key(target, &user.user_name, &serial, &key).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_device(&serial)),
    );
}

/// A token's wrong codes are refused and leave it unassigned.
pub async fn hardware_token_wrong_codes_are_refused<T: Target>(target: &T) {
    let check = "hardware_token_wrong_codes_are_refused";
    let Some((serial, key)) = token(target, check).await else {
        return;
    };
    let user = new_user(target, "fob-typo").await;
    let (first, second) = wrong_pair(&key, step_now(target));
    let before = snapshot(target).await;

    let result = target
        .client()
        .enable_mfa_device(&user.user_name, &serial, first.as_str(), second.as_str())
        .await;
    assert_error(
        result,
        ErrorKind::InvalidAuthenticationCode,
        "InvalidAuthenticationCode",
        None,
    );
    assert_eq!(snapshot(target).await, before);
}

/// A deactivated token stays registered and can be enabled again.
pub async fn hardware_token_deactivates_and_enables_again<T: Target>(target: &T) {
    let check = "hardware_token_deactivates_and_enables_again";
    let Some((serial, key)) = token(target, check).await else {
        return;
    };
    let first = new_user(target, "fob-first").await;
    let second = new_user(target, "fob-second").await;
    enable_with_key(target, &first.user_name, &serial, &key)
        .await
        .expect("enable");

    target
        .client()
        .deactivate_mfa_device(&serial, Some(&first.user_name))
        .await
        .expect("deactivate");
    let listed = target
        .client()
        .list_mfa_devices(Some(&first.user_name), &PageRequest::first())
        .await
        .expect("list");
    assert!(listed.items.is_empty());

    target
        .advance_clock(std::time::Duration::from_secs(60))
        .await;
    enable_with_key(target, &second.user_name, &serial, &key)
        .await
        .expect("enable again");
    let listed = target
        .client()
        .list_mfa_devices(Some(&second.user_name), &PageRequest::first())
        .await
        .expect("list");
    assert_eq!(listed.items.len(), 1);
}
