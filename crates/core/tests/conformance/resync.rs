//! Resynchronising devices whose clock drifted.

use iam_mfa::totp::Key;
use iam_mfa::{ErrorKind, Result, VirtualMfaDevice};

use super::enable::wrong_pair;
use super::{
    Target, assert_error, control_clock, enable, key_of, new_device, new_user, no_such_user,
    snapshot, step_now, unique,
};

/// Steps of 30 seconds in three minutes: a drift IAM's resync window
/// accepts.
const FEW_MINUTES: i64 = 6;

/// Three hours: beyond any resync window of minutes.
const HOURS_OF_STEPS: i64 = 360;

/// Resyncs with the codes a device shows when its clock is `drift` steps
/// off the target's.
async fn resync_at<T: Target>(
    target: &T,
    user_name: &str,
    serial_number: &str,
    key: &Key,
    drift: i64,
) -> Result<()> {
    let shown = step_now(target)
        .checked_add_signed(drift)
        .expect("a step after 1970");
    let first = key.code_at_step(shown - 1);
    let second = key.code_at_step(shown);
    target
        .client()
        .resync_mfa_device(user_name, serial_number, first.as_str(), second.as_str())
        .await
}

/// A user with one enabled device.
async fn enabled_device<T: Target>(target: &T, prefix: &str) -> (String, VirtualMfaDevice) {
    let user = new_user(target, prefix).await;
    let device = new_device(target, prefix).await;
    enable(target, &user.user_name, &device).await;
    (user.user_name, device)
}

/// A device three minutes fast or three minutes slow resyncs.
pub async fn resync_accepts_drift_of_minutes<T: Target>(target: &T) {
    if !control_clock(target, "resync_accepts_drift_of_minutes").await {
        return;
    }
    for drift in [FEW_MINUTES, -FEW_MINUTES, 0] {
        let (user_name, device) = enabled_device(target, "drifting").await;
        resync_at(
            target,
            &user_name,
            &device.serial_number,
            &key_of(&device),
            drift,
        )
        .await
        .unwrap_or_else(|error| panic!("a drift of {drift} steps should resync: {error}"));
    }
}

/// The drift a resync finds is remembered: a device that drifts a few
/// minutes at a time can be followed for hours, while a device that
/// never resynced is refused at the same drift.
pub async fn resync_remembers_drift<T: Target>(target: &T) {
    if !control_clock(target, "resync_remembers_drift").await {
        return;
    }
    let (user_name, walker) = enabled_device(target, "walker").await;
    let key = key_of(&walker);
    let mut drift = 0;
    while drift < HOURS_OF_STEPS {
        drift += FEW_MINUTES;
        resync_at(target, &user_name, &walker.serial_number, &key, drift)
            .await
            .unwrap_or_else(|error| {
                panic!("a drift of {drift} steps, {FEW_MINUTES} past the last, resyncs: {error}")
            });
    }

    let (other_user, fresh) = enabled_device(target, "fresh").await;
    let result = resync_at(
        target,
        &other_user,
        &fresh.serial_number,
        &key_of(&fresh),
        HOURS_OF_STEPS,
    )
    .await;
    assert_error(
        result,
        ErrorKind::InvalidAuthenticationCode,
        "InvalidAuthenticationCode",
        None,
    );
}

/// Wrong codes are InvalidAuthenticationCode and change nothing.
pub async fn resync_wrong_codes_change_nothing<T: Target>(target: &T) {
    let (user_name, device) = enabled_device(target, "wrong").await;
    let (first, second) = wrong_pair(&key_of(&device), step_now(target));
    let before = snapshot(target).await;

    let result = target
        .client()
        .resync_mfa_device(
            &user_name,
            &device.serial_number,
            first.as_str(),
            second.as_str(),
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

/// Resyncing a device for a user it is not enabled for.
pub async fn resync_device_of_other_user_is_no_such_entity<T: Target>(target: &T) {
    let (_, device) = enabled_device(target, "theirs").await;
    let other = new_user(target, "not-theirs").await;
    let before = snapshot(target).await;

    let result = resync_at(
        target,
        &other.user_name,
        &device.serial_number,
        &key_of(&device),
        0,
    )
    .await;
    assert_error(result, ErrorKind::NoSuchEntity, "NoSuchEntity", None);
    assert_eq!(snapshot(target).await, before);
}

/// Resyncing for a user nobody created.
pub async fn resync_unknown_user_is_no_such_entity<T: Target>(target: &T) {
    let (_, device) = enabled_device(target, "orphaned").await;
    let name = unique("nobody");

    let result = resync_at(target, &name, &device.serial_number, &key_of(&device), 0).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_user(&name)),
    );
}

/// The drift a resync finds carries over to a later enable of the same
/// device: after deactivating it, codes showing that drift enable it
/// again, while the same drift on a device that never resynced is refused.
pub async fn resync_drift_carries_to_a_later_enable<T: Target>(target: &T) {
    if !control_clock(target, "resync_drift_carries_to_a_later_enable").await {
        return;
    }
    let (user_name, device) = enabled_device(target, "carried").await;
    let key = key_of(&device);
    resync_at(target, &user_name, &device.serial_number, &key, FEW_MINUTES)
        .await
        .expect("resync with a drift of minutes");
    target
        .client()
        .deactivate_mfa_device(&device.serial_number, Some(&user_name))
        .await
        .expect("deactivate");

    let shown = step_now(target) + FEW_MINUTES as u64;
    let (first, second) = (key.code_at_step(shown - 1), key.code_at_step(shown));
    target
        .client()
        .enable_mfa_device(
            &user_name,
            &device.serial_number,
            first.as_str(),
            second.as_str(),
        )
        .await
        .expect("codes showing the remembered drift enable the device again");

    let other = new_user(target, "never-resynced").await;
    let fresh = new_device(target, "never-resynced").await;
    let key = key_of(&fresh);
    let (first, second) = (key.code_at_step(shown - 1), key.code_at_step(shown));
    let result = target
        .client()
        .enable_mfa_device(
            &other.user_name,
            &fresh.serial_number,
            first.as_str(),
            second.as_str(),
        )
        .await;
    assert_error(
        result,
        ErrorKind::InvalidAuthenticationCode,
        "InvalidAuthenticationCode",
        None,
    );
}
