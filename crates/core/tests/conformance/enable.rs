//! Enabling and deactivating devices, and the clock window of enabling.

use std::time::{Duration, SystemTime};

use iam_mfa::totp::{Code, Key};
use iam_mfa::{AssignmentStatus, Client, ErrorKind, PageRequest, Result};

use super::{
    Quotas, Target, assert_error, control_clock, enable, key_of, near, new_device, new_user,
    no_such_device, no_such_user, serial_of, skipped, snapshot, step_now, unique,
};

/// Calls EnableMFADevice with two codes.
async fn enable_codes(
    client: &Client,
    user_name: &str,
    serial_number: &str,
    (first, second): (Code, Code),
) -> Result<()> {
    client
        .enable_mfa_device(user_name, serial_number, first.as_str(), second.as_str())
        .await
}

/// A pair of codes that is not the pair of any two consecutive steps near
/// `step`, so that no window, however placed, accepts it.
pub fn wrong_pair(key: &Key, step: u64) -> (Code, Code) {
    let valid: Vec<(Code, Code)> = (step - 20..step + 20)
        .map(|t| (key.code_at_step(t), key.code_at_step(t + 1)))
        .collect();
    (step + 1000..)
        .map(|t| (key.code_at_step(t), key.code_at_step(t + 7)))
        .find(|pair| !valid.contains(pair))
        .expect("some pair of codes is wrong")
}

/// Enables with the codes of steps `first` and `second` (relative to the
/// step of the target's clock, which the check sets) and expects success
/// or InvalidAuthenticationCode.
async fn window_check<T: Target>(target: &T, check: &str, first: i64, second: i64, ok: bool) {
    if !control_clock(target, check).await {
        return;
    }
    let user = new_user(target, "window").await;
    let device = new_device(target, "window").await;
    let key = key_of(&device);
    let step = step_now(target);
    let at = |offset: i64| key.code_at_step(step.checked_add_signed(offset).expect("step"));
    let before = snapshot(target).await;

    let result = enable_codes(
        target.client(),
        &user.user_name,
        &device.serial_number,
        (at(first), at(second)),
    )
    .await;

    if ok {
        result.unwrap_or_else(|error| {
            panic!("codes of steps now{first:+} and now{second:+} should pass: {error}")
        });
        let enabled = target
            .client()
            .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
            .await
            .expect("list");
        assert_eq!(enabled.items.len(), 1);
    } else {
        assert_error(
            result,
            ErrorKind::InvalidAuthenticationCode,
            "InvalidAuthenticationCode",
            None,
        );
        assert_eq!(
            snapshot(target).await,
            before,
            "a refused enable changes nothing"
        );
    }
}

/// Enabling puts the device in the user's ListMFADevices and in the
/// Assigned virtual devices, with the time of enabling.
pub async fn enable_assigns_device_to_user<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "enabler").await;
    let device = new_device(target, "enabled").await;
    enable(target, &user.user_name, &device).await;

    let page = client
        .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
        .await
        .expect("list MFA devices");
    assert_eq!(page.items.len(), 1);
    assert!(!page.is_truncated);
    let listed = &page.items[0];
    assert_eq!(listed.serial_number, device.serial_number);
    assert_eq!(listed.user_name, user.user_name);
    assert!(near(
        listed.enable_date,
        target.now(),
        Duration::from_secs(5)
    ));

    let assigned = client
        .list_virtual_mfa_devices(AssignmentStatus::Assigned, &PageRequest::first())
        .await
        .expect("list virtual MFA devices");
    assert_eq!(assigned.items.len(), 1);
    let assigned = &assigned.items[0];
    assert_eq!(assigned.serial_number, device.serial_number);
    let holder = assigned
        .user
        .as_ref()
        .expect("an assigned device has a user");
    assert_eq!(holder.user_name, user.user_name);
    assert_eq!(holder.arn, user.arn);
    assert_eq!(assigned.enable_date, Some(listed.enable_date));
}

/// Enabling for a user nobody created.
pub async fn enable_unknown_user_is_no_such_entity<T: Target>(target: &T) {
    let device = new_device(target, "orphan").await;
    let name = unique("nobody");
    let before = snapshot(target).await;

    let result =
        super::enable_with_key(target, &name, &device.serial_number, &key_of(&device)).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_user(&name)),
    );
    assert_eq!(snapshot(target).await, before);
}

/// Enabling a serial nobody created.
pub async fn enable_unknown_device_is_no_such_entity<T: Target>(target: &T) {
    let user = new_user(target, "hopeful").await;
    let serial = serial_of(target, "/", &unique("missing"));
    let key = Key::from_bytes(b"12345678901234567890");
    let before = snapshot(target).await;

    let result = super::enable_with_key(target, &user.user_name, &serial, &key).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_device(&serial)),
    );
    assert_eq!(snapshot(target).await, before);
}

/// A device in use cannot be enabled again, for its user or anyone else.
pub async fn enable_device_in_use_is_entity_already_exists<T: Target>(target: &T) {
    let owner = new_user(target, "owner").await;
    let other = new_user(target, "other").await;
    let device = new_device(target, "shared").await;
    enable(target, &owner.user_name, &device).await;
    let before = snapshot(target).await;

    for user in [&owner, &other] {
        let result = super::enable_with_key(
            target,
            &user.user_name,
            &device.serial_number,
            &key_of(&device),
        )
        .await;
        assert_error(
            result,
            ErrorKind::EntityAlreadyExists,
            "EntityAlreadyExists",
            Some("MFA Device is already in use."),
        );
    }
    assert_eq!(snapshot(target).await, before);
}

/// Wrong codes are InvalidAuthenticationCode and leave the device
/// unassigned.
pub async fn enable_wrong_codes_change_nothing<T: Target>(target: &T) {
    let user = new_user(target, "typo").await;
    let device = new_device(target, "typo").await;
    let pair = wrong_pair(&key_of(&device), step_now(target));
    let before = snapshot(target).await;

    let result = enable_codes(
        target.client(),
        &user.user_name,
        &device.serial_number,
        pair,
    )
    .await;
    assert_error(
        result,
        ErrorKind::InvalidAuthenticationCode,
        "InvalidAuthenticationCode",
        None,
    );
    assert_eq!(snapshot(target).await, before);
}

/// A user holds at most 8 MFA devices: the ninth is LimitExceeded.
pub async fn enable_ninth_device_is_limit_exceeded<T: Target>(target: &T) {
    let user = new_user(target, "collector").await;
    for _ in 0..8 {
        let device = new_device(target, "one-of-eight").await;
        enable(target, &user.user_name, &device).await;
    }
    let ninth = new_device(target, "ninth").await;
    let before = snapshot(target).await;

    let result = super::enable_with_key(
        target,
        &user.user_name,
        &ninth.serial_number,
        &key_of(&ninth),
    )
    .await;
    assert_error(result, ErrorKind::LimitExceeded, "LimitExceeded", None);
    assert_eq!(snapshot(target).await, before);
}

/// The per-user quota follows the target's configuration.
pub async fn enable_per_user_quota_is_configurable<T: Target>(target: &T) {
    let quotas = Quotas {
        max_virtual_mfa_devices: 5000,
        max_mfa_devices_per_user: 2,
    };
    let Some(small) = target.with_quotas(quotas).await else {
        let check = "enable_per_user_quota_is_configurable";
        skipped(target, check, "the target's quotas cannot be configured");
        return;
    };
    let user = new_user(&small, "pair").await;
    for _ in 0..2 {
        let device = new_device(&small, "one-of-two").await;
        enable(&small, &user.user_name, &device).await;
    }
    let third = new_device(&small, "third").await;
    let result = super::enable_with_key(
        &small,
        &user.user_name,
        &third.serial_number,
        &key_of(&third),
    )
    .await;
    assert_error(result, ErrorKind::LimitExceeded, "LimitExceeded", None);
}

/// The codes of the previous and the current step pass.
pub async fn enable_accepts_previous_and_current<T: Target>(target: &T) {
    window_check(target, "enable_accepts_previous_and_current", -1, 0, true).await;
}

/// The codes of the current and the next step pass.
pub async fn enable_accepts_current_and_next<T: Target>(target: &T) {
    window_check(target, "enable_accepts_current_and_next", 0, 1, true).await;
}

/// Codes whose second is one step old pass: the second code is within
/// one step of now.
pub async fn enable_accepts_second_code_one_step_old<T: Target>(target: &T) {
    window_check(
        target,
        "enable_accepts_second_code_one_step_old",
        -2,
        -1,
        true,
    )
    .await;
}

/// Codes whose second is two steps old are refused.
pub async fn enable_refuses_codes_two_steps_old<T: Target>(target: &T) {
    window_check(target, "enable_refuses_codes_two_steps_old", -3, -2, false).await;
}

/// Codes whose second is two steps ahead are refused.
pub async fn enable_refuses_codes_two_steps_ahead<T: Target>(target: &T) {
    window_check(target, "enable_refuses_codes_two_steps_ahead", 1, 2, false).await;
}

/// Two valid codes that are not of consecutive steps, or not in order,
/// are refused.
pub async fn enable_refuses_non_consecutive_codes<T: Target>(target: &T) {
    let check = "enable_refuses_non_consecutive_codes";
    if !control_clock(target, check).await {
        return;
    }
    window_check(target, check, -1, 1, false).await;
    window_check(target, check, 0, -1, false).await;
    window_check(target, check, 0, 0, false).await;
}

/// Codes read in the last second of a step still pass two seconds later,
/// in the next step.
pub async fn enable_accepts_codes_across_a_step_boundary<T: Target>(target: &T) {
    let check = "enable_accepts_codes_across_a_step_boundary";
    if !control_clock(target, check).await {
        return;
    }
    let user = new_user(target, "boundary").await;
    let device = new_device(target, "boundary").await;

    let step = step_now(target);
    let last_second = SystemTime::UNIX_EPOCH + Duration::from_secs((step + 1) * 30 - 1);
    assert!(target.set_clock(last_second).await);
    let seed = super::seed_of(&device);
    let pair = iam_mfa::totp::enable_codes(seed.expose(), target.now()).expect("codes");
    assert!(target.advance_clock(Duration::from_secs(2)).await);
    assert_eq!(step_now(target), step + 1, "the clock is in the next step");

    enable_codes(
        target.client(),
        &user.user_name,
        &device.serial_number,
        pair,
    )
    .await
    .expect("codes of the step that just ended pass");
}

/// Deactivating with the user's name: the device leaves the user's list
/// and becomes Unassigned, and is still there.
pub async fn deactivate_with_user_keeps_device_unassigned<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "quitter").await;
    let device = new_device(target, "returned").await;
    enable(target, &user.user_name, &device).await;

    client
        .deactivate_mfa_device(&device.serial_number, Some(&user.user_name))
        .await
        .expect("deactivate");

    let listed = client
        .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
        .await
        .expect("list MFA devices");
    assert!(listed.items.is_empty());
    let free = client
        .list_virtual_mfa_devices(AssignmentStatus::Unassigned, &PageRequest::first())
        .await
        .expect("list virtual MFA devices");
    assert_eq!(free.items.len(), 1);
    assert_eq!(free.items[0].serial_number, device.serial_number);
    assert_eq!(free.items[0].user, None);
    assert_eq!(free.items[0].enable_date, None);
}

/// Without a user name, DeactivateMFADevice acts for the calling user.
pub async fn deactivate_without_user_uses_calling_user<T: Target>(target: &T) {
    let user = new_user(target, "caller").await;
    let device = new_device(target, "callers").await;
    enable(target, &user.user_name, &device).await;
    let Some(set) = target.set_caller(Some(&user.user_name)).await else {
        let check = "deactivate_without_user_uses_calling_user";
        skipped(target, check, "the target's calling user cannot be chosen");
        return;
    };
    set.expect("set the calling user");

    target
        .client()
        .deactivate_mfa_device(&device.serial_number, None)
        .await
        .expect("deactivate for the calling user");
    let listed = target
        .client()
        .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
        .await
        .expect("list");
    assert!(listed.items.is_empty());
}

/// Deactivating a device for a user it is not enabled for changes
/// nothing.
pub async fn deactivate_for_other_user_is_no_such_entity<T: Target>(target: &T) {
    let owner = new_user(target, "keeper").await;
    let other = new_user(target, "stranger").await;
    let device = new_device(target, "kept").await;
    enable(target, &owner.user_name, &device).await;
    let before = snapshot(target).await;

    let result = target
        .client()
        .deactivate_mfa_device(&device.serial_number, Some(&other.user_name))
        .await;
    assert_error(result, ErrorKind::NoSuchEntity, "NoSuchEntity", None);
    assert_eq!(snapshot(target).await, before);
}

/// Deactivating for a user nobody created.
pub async fn deactivate_unknown_user_is_no_such_entity<T: Target>(target: &T) {
    let owner = new_user(target, "keeper").await;
    let device = new_device(target, "kept").await;
    enable(target, &owner.user_name, &device).await;
    let name = unique("nobody");
    let before = snapshot(target).await;

    let result = target
        .client()
        .deactivate_mfa_device(&device.serial_number, Some(&name))
        .await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_user(&name)),
    );
    assert_eq!(snapshot(target).await, before);
}

/// A deactivated device can be enabled again, for another user.
pub async fn deactivated_device_can_be_enabled_again<T: Target>(target: &T) {
    let first = new_user(target, "first").await;
    let second = new_user(target, "second").await;
    let device = new_device(target, "passed-on").await;
    enable(target, &first.user_name, &device).await;
    target
        .client()
        .deactivate_mfa_device(&device.serial_number, Some(&first.user_name))
        .await
        .expect("deactivate");

    target.advance_clock(Duration::from_secs(60)).await;
    enable(target, &second.user_name, &device).await;
    let listed = target
        .client()
        .list_mfa_devices(Some(&second.user_name), &PageRequest::first())
        .await
        .expect("list");
    assert_eq!(listed.items.len(), 1);
    assert_eq!(listed.items[0].serial_number, device.serial_number);
}
