//! The conformance suite: IAM's MFA behaviour, written once, checked
//! against every backend.
//!
//! A test file brings the suite in at its crate root and names a factory
//! of fresh targets; the macro turns every check into its own
//! `#[tokio::test]`, which makes a new, empty target and runs the check on
//! it:
//!
//! ```ignore
//! mod conformance;
//! // or, from another crate:
//! // #[path = "../../core/tests/conformance/mod.rs"] mod conformance;
//!
//! async fn make() -> MyTarget { MyTarget::start().await }
//!
//! conformance::conformance_suite!(make);
//! ```
//!
//! The module must be named `conformance` and sit at the crate root: the
//! generated tests call the checks as `crate::conformance::...`.
//!
//! Checks speak to the target only through the public [`iam_mfa::Client`]
//! and the capabilities of [`Target`]. A target that cannot do something
//! (set its clock, register a hardware token, choose the calling user,
//! lower a quota) says so, and the checks that need it print why they were
//! skipped. A target that differs from IAM on purpose or by a known fault
//! of a peer names the check in [`Target::divergence`]: the check still
//! runs, and its failure is reported as that known divergence instead of
//! failing the test. The check itself is the same for every target.
//!
//! Seeds and codes are never printed: failures show serial numbers, names,
//! error codes and messages only.

#![allow(dead_code)]

pub mod devices;
pub mod enable;
pub mod errors;
pub mod hardware;
pub mod lists;
pub mod resync;
pub mod tags;
pub mod users;
pub mod validation;

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use iam_mfa::totp::Key;
use iam_mfa::{
    AssignmentStatus, Client, Error, ErrorKind, PageRequest, Result, Secret, Tag, User,
    VirtualMfaDevice,
};

/// The quotas a target can be opened with, when it lets them be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotas {
    /// The most virtual MFA devices the account may hold.
    pub max_virtual_mfa_devices: u32,
    /// The most MFA devices one user may hold.
    pub max_mfa_devices_per_user: u32,
}

/// A backend under test, with what it lets a test control.
///
/// Only [`Target::client`], [`Target::name`], [`Target::account_id`] and
/// [`Target::now`] are required; every capability defaults to "not
/// available", which makes the checks that need it skip.
pub trait Target {
    /// The client that every check talks through.
    fn client(&self) -> &Client;

    /// A short name for reports, such as `local` or `moto`.
    fn name(&self) -> &str;

    /// The 12-digit account id in the target's ARNs.
    fn account_id(&self) -> &str;

    /// The backend's idea of "now", which its TOTP checks use.
    fn now(&self) -> SystemTime;

    /// Sets the backend's clock; `false` when it cannot be set.
    fn set_clock(&self, _at: SystemTime) -> impl Future<Output = bool> {
        async { false }
    }

    /// Moves the backend's clock forward; `false` when it cannot be moved.
    fn advance_clock(&self, _by: Duration) -> impl Future<Output = bool> {
        async { false }
    }

    /// Registers a hardware TOTP token as its vendor would; `None` when
    /// the target has no way to.
    fn register_hardware_token(
        &self,
        _serial_number: &str,
        _seed: &Secret,
    ) -> impl Future<Output = Option<Result<()>>> {
        async { None }
    }

    /// Chooses the user that calls without a user name act for; `None`
    /// when the target cannot choose it.
    fn set_caller(&self, _user_name: Option<&str>) -> impl Future<Output = Option<Result<()>>> {
        async { None }
    }

    /// A fresh, empty target of the same kind with other quotas; `None`
    /// when quotas cannot be configured.
    fn with_quotas(&self, _quotas: Quotas) -> impl Future<Output = Option<Self>>
    where
        Self: Sized,
    {
        async { None }
    }

    /// Whether the target implements an operation, by IAM's name (such as
    /// `ListMFADeviceTags`). Checks still call every operation they are
    /// about; only [`snapshot`], which looks at everything to see that a
    /// refused call changed nothing, leaves out what the target lacks.
    fn implements(&self, _operation: &str) -> bool {
        true
    }

    /// Why this target is known to fail `check` (the check's function
    /// name), when it is a known divergence of a peer from IAM.
    fn divergence(&self, _check: &str) -> Option<&'static str> {
        None
    }
}

/// Expands to one `#[tokio::test]` per check, grouped in modules by topic.
///
/// `$make` is anything callable with no arguments that returns a future of
/// a [`Target`]; it is resolved from the invoking module.
macro_rules! conformance_suite {
    ($make:expr) => {
        $crate::conformance::conformance_suite!(@topics $make;
            devices {
                create_returns_serial_seed_and_qr,
                create_with_path_puts_path_in_serial,
                create_with_tags_keeps_them,
                create_name_is_unique_whatever_the_path,
                get_unassigned_device_has_no_user,
                get_assigned_device_names_its_user,
                get_unknown_device_is_no_such_entity,
                delete_unassigned_device_frees_its_name,
                delete_assigned_device_conflicts,
                delete_unknown_device_is_no_such_entity,
                account_quota_is_limit_exceeded,
            }
            enable {
                enable_assigns_device_to_user,
                enable_unknown_user_is_no_such_entity,
                enable_unknown_device_is_no_such_entity,
                enable_device_in_use_is_entity_already_exists,
                enable_wrong_codes_change_nothing,
                enable_ninth_device_is_limit_exceeded,
                enable_per_user_quota_is_configurable,
                enable_accepts_previous_and_current,
                enable_accepts_current_and_next,
                enable_accepts_codes_across_a_step_boundary,
                enable_accepts_second_code_one_step_old,
                enable_refuses_codes_two_steps_old,
                enable_refuses_codes_two_steps_ahead,
                enable_refuses_non_consecutive_codes,
                deactivate_with_user_keeps_device_unassigned,
                deactivate_without_user_uses_calling_user,
                deactivate_for_other_user_is_no_such_entity,
                deactivate_unknown_user_is_no_such_entity,
                deactivated_device_can_be_enabled_again,
            }
            resync {
                resync_accepts_drift_of_minutes,
                resync_remembers_drift,
                resync_drift_carries_to_a_later_enable,
                resync_wrong_codes_change_nothing,
                resync_device_of_other_user_is_no_such_entity,
                resync_unknown_user_is_no_such_entity,
            }
            lists {
                list_mfa_devices_of_user_in_serial_order,
                list_mfa_devices_without_user_uses_calling_user,
                list_mfa_devices_unknown_user_is_no_such_entity,
                list_virtual_filters_by_assignment_status,
                list_virtual_never_returns_secrets_or_tags,
                page_exact_multiple_has_no_empty_page,
                page_of_one_item_at_a_time,
                markers_visit_every_item_once_in_order,
                default_page_size_is_one_hundred,
                bad_marker_is_validation_error_everywhere,
                paginators_collect_every_item,
                paginator_next_yields_items_then_none,
                paginator_stops_after_an_error,
            }
            tags {
                tags_list_sorted_by_key,
                tag_overwrites_value_of_existing_key,
                tag_keys_are_case_sensitive,
                untag_removes_keys_and_ignores_missing_ones,
                fifty_tags_then_one_more_is_limit_exceeded,
                reserved_aws_prefix_is_refused,
                tags_page_by_page,
                tag_operations_on_unknown_device_are_no_such_entity,
            }
            users {
                create_get_and_list_users,
                user_names_are_unique_case_insensitively,
                get_user_without_name_is_calling_user,
                list_users_by_path_prefix,
                delete_user_holding_mfa_conflicts,
                delete_unknown_user_is_no_such_entity,
            }
            errors {
                row_create_name_taken,
                row_enable_device_assigned,
                row_unknown_user,
                row_unknown_device,
                row_bad_path,
                row_field_over_its_length,
                row_bad_marker,
                row_delete_user_holding_mfa,
            }
            hardware {
                hardware_token_enables_and_lists_as_mfa_device,
                hardware_token_is_not_a_virtual_device,
                unregistered_hardware_serial_is_no_such_entity,
                hardware_token_wrong_codes_are_refused,
                hardware_token_deactivates_and_enables_again,
            }
            validation {
                device_name_bounds,
                serial_made_of_path_and_name_bounds,
                path_bounds,
                user_name_bounds,
                serial_number_bounds,
                authentication_code_bounds,
                max_items_bounds,
                marker_bounds,
                tag_bounds,
                tag_count_bounds,
                untag_key_bounds,
            }
        );
    };
    (@topics $make:expr; $($topic:ident { $($check:ident),* $(,)? })*) => {
        $(
            mod $topic {
                #[allow(unused_imports)]
                use super::*;

                $(
                    #[tokio::test]
                    async fn $check() {
                        let target = ($make)().await;
                        $crate::conformance::run(
                            &target,
                            stringify!($check),
                            $crate::conformance::$topic::$check(&target),
                        )
                        .await;
                    }
                )*
            }
        )*
    };
}

pub(crate) use conformance_suite;

/// Runs one check, turning its failure into a report when the target
/// declares a known divergence for it.
pub async fn run<T: Target>(target: &T, check: &str, body: impl Future<Output = ()>) {
    let outcome = CatchUnwind(Box::pin(body)).await;
    match (outcome, target.divergence(check)) {
        (Ok(()), None) => {}
        (Ok(()), Some(reason)) => {
            println!(
                "{check}: passes on {} although a divergence is declared: {reason}",
                target.name()
            );
        }
        (Err(_), Some(reason)) => {
            println!("{check}: known divergence of {}: {reason}", target.name());
        }
        (Err(panic), None) => resume_unwind(panic),
    }
}

/// A future that turns a panic while polling into an `Err`.
struct CatchUnwind<'a>(Pin<Box<dyn Future<Output = ()> + 'a>>);

impl Future for CatchUnwind<'_> {
    type Output = std::result::Result<(), Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(())) => Poll::Ready(Ok(())),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

/// Says why a check did not run on this target.
pub fn skipped<T: Target>(target: &T, check: &str, reason: &str) {
    println!("{check}: skipped on {}: {reason}", target.name());
}

/// A name no other check of this process uses, starting with `prefix`, so
/// that checks against a shared peer never collide.
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let run = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_micros());
    let count = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}-{}-{run:x}-{count}", std::process::id())
}

/// The ARN that a virtual device of `name` under `path` has.
pub fn serial_of<T: Target>(target: &T, path: &str, name: &str) -> String {
    format!("arn:aws:iam::{}:mfa{path}{name}", target.account_id())
}

/// IAM's message for an unknown user.
pub fn no_such_user(user_name: &str) -> String {
    format!("The user with name {user_name} cannot be found.")
}

/// IAM's message for an unknown device.
pub fn no_such_device(serial_number: &str) -> String {
    format!("MFA Device with serial number {serial_number} does not exist.")
}

/// Asserts that `result` failed with `kind` and the AWS `code`, and, when
/// given, exactly `message`. Returns the error for further checks.
#[track_caller]
pub fn assert_error<T: std::fmt::Debug>(
    result: Result<T>,
    kind: ErrorKind,
    code: &str,
    message: Option<&str>,
) -> Error {
    let error = match result {
        Ok(value) => panic!("expected {code}, got success: {value:?}"),
        Err(error) => error,
    };
    assert_eq!(error.kind(), kind, "kind of {error}");
    assert_eq!(error.code(), Some(code), "code of {error}");
    if let Some(message) = message {
        assert_eq!(error.message(), message, "message of {error}");
    }
    error
}

/// Asserts that `result` was refused by validation, naming `field` (and
/// anything else given) in its message.
#[track_caller]
pub fn assert_invalid<T: std::fmt::Debug>(result: Result<T>, field: &str) -> Error {
    let error = match result {
        Ok(value) => panic!("expected a refusal naming {field}, got success: {value:?}"),
        Err(error) => error,
    };
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "kind of {error}");
    assert!(
        error.message().contains(field),
        "the message does not name {field}: {}",
        error.message()
    );
    error
}

/// Asserts that `result` was not refused by validation: it may succeed,
/// or fail for another reason (an unknown entity, say).
#[track_caller]
pub fn assert_not_invalid<T>(result: Result<T>, what: &str) {
    if let Err(error) = result {
        assert_ne!(
            error.kind(),
            ErrorKind::InvalidInput,
            "{what} should pass validation: {error}"
        );
    }
}

/// The seed of a device as `CreateVirtualMFADevice` returned it.
#[track_caller]
pub fn seed_of(device: &VirtualMfaDevice) -> &Secret {
    device
        .base32_string_seed
        .as_ref()
        .expect("a new device carries its seed")
}

/// The TOTP key of a device as `CreateVirtualMFADevice` returned it.
#[track_caller]
pub fn key_of(device: &VirtualMfaDevice) -> Key {
    Key::from_base32(seed_of(device).expose()).expect("the seed is base32")
}

/// The time step the target's clock is in.
pub fn step_now<T: Target>(target: &T) -> u64 {
    iam_mfa::totp::step_at(target.now())
}

/// A user with a unique name starting with `prefix`.
pub async fn new_user<T: Target>(target: &T, prefix: &str) -> User {
    let name = unique(prefix);
    target
        .client()
        .create_user(&name, None)
        .await
        .unwrap_or_else(|error| panic!("create user {name}: {error}"))
}

/// A virtual device with a unique name starting with `prefix`, at `/`.
pub async fn new_device<T: Target>(target: &T, prefix: &str) -> VirtualMfaDevice {
    let name = unique(prefix);
    target
        .client()
        .create_virtual_mfa_device(&name, None, &[])
        .await
        .unwrap_or_else(|error| panic!("create device {name}: {error}"))
}

/// Enables `device` for `user_name` with the codes of the previous and
/// current steps of the target's clock.
pub async fn enable<T: Target>(target: &T, user_name: &str, device: &VirtualMfaDevice) {
    let key = key_of(device);
    enable_with_key(target, user_name, &device.serial_number, &key)
        .await
        .unwrap_or_else(|error| panic!("enable {}: {error}", device.serial_number));
}

/// Enables `serial_number` for `user_name` with the codes of `key` for
/// the previous and current steps of the target's clock.
pub async fn enable_with_key<T: Target>(
    target: &T,
    user_name: &str,
    serial_number: &str,
    key: &Key,
) -> Result<()> {
    let step = step_now(target);
    let first = key.code_at_step(step - 1);
    let second = key.code_at_step(step);
    target
        .client()
        .enable_mfa_device(user_name, serial_number, first.as_str(), second.as_str())
        .await
}

/// Sets the target's clock to the middle of a step, or says why the check
/// is skipped and returns `false`.
pub async fn control_clock<T: Target>(target: &T, check: &str) -> bool {
    let middle_of_a_step = UNIX_EPOCH + Duration::from_secs(1_800_000_015);
    if target.set_clock(middle_of_a_step).await {
        return true;
    }
    skipped(target, check, "the target's clock cannot be set");
    false
}

/// Everything a call could change that checks can observe: every virtual
/// device with its user and tags, every user with the devices enabled for
/// them.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    devices: Vec<(String, Option<String>, Vec<Tag>)>,
    users: Vec<(String, Vec<String>)>,
}

/// What the target holds now. Tags are left out on a target that does
/// not implement ListMFADeviceTags.
pub async fn snapshot<T: Target>(target: &T) -> Snapshot {
    let client = target.client();
    let with_tags = target.implements("ListMFADeviceTags");
    let mut devices = Vec::new();
    let virtual_devices = client
        .list_virtual_mfa_devices_paginator(AssignmentStatus::Any)
        .try_collect()
        .await
        .expect("list virtual MFA devices");
    for device in virtual_devices {
        let tags = if with_tags {
            client
                .list_mfa_device_tags_paginator(&device.serial_number)
                .try_collect()
                .await
                .expect("list MFA device tags")
        } else {
            Vec::new()
        };
        let user = device.user.map(|user| user.user_name);
        devices.push((device.serial_number, user, tags));
    }

    let mut users = Vec::new();
    let all_users = client
        .list_users_paginator(None)
        .try_collect()
        .await
        .expect("list users");
    for user in all_users {
        let serials = client
            .list_mfa_devices_paginator(Some(&user.user_name))
            .try_collect()
            .await
            .expect("list MFA devices")
            .into_iter()
            .map(|device| device.serial_number)
            .collect();
        users.push((user.user_name, serials));
    }
    Snapshot { devices, users }
}

/// The serial numbers of the items of every page of virtual devices of
/// `status`, following markers with pages of `max_items`.
pub async fn virtual_serials<T: Target>(
    target: &T,
    status: AssignmentStatus,
    max_items: Option<u32>,
) -> Vec<String> {
    let mut serials = Vec::new();
    let mut request = PageRequest {
        marker: None,
        max_items,
    };
    loop {
        let page = target
            .client()
            .list_virtual_mfa_devices(status, &request)
            .await
            .expect("list virtual MFA devices");
        serials.extend(page.items.iter().map(|d| d.serial_number.clone()));
        match page.next_request(max_items) {
            Some(next) => request = next,
            None => return serials,
        }
    }
}

/// Whether `at` is within `slack` of `expected`, either way.
pub fn near(at: SystemTime, expected: SystemTime, slack: Duration) -> bool {
    let gap = match at.duration_since(expected) {
        Ok(after) => after,
        Err(before) => before.duration(),
    };
    gap <= slack
}
