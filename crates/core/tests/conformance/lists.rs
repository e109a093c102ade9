//! Listing devices: filters, order, pages, markers and paginators.

use std::collections::HashSet;
use std::time::Duration;

use iam_mfa::{AssignmentStatus, ErrorKind, Page, PageRequest, Tag, VirtualMfaDevice};

use super::{
    Target, assert_error, enable, near, new_device, new_user, no_such_user, skipped,
    virtual_serials,
};

/// A marker that passes validation but that no backend ever made.
const BOGUS_MARKER: &str = "!!this is not a marker!!";

/// `count` new devices, with names that do not sort in creation order.
async fn devices<T: Target>(target: &T, count: usize) -> Vec<VirtualMfaDevice> {
    let mut made = Vec::new();
    for index in 0..count {
        let prefix = format!("list-{}", (index * 7) % 10);
        made.push(new_device(target, &prefix).await);
    }
    made
}

/// The sorted serial numbers of `devices`.
fn sorted_serials(devices: &[VirtualMfaDevice]) -> Vec<String> {
    let mut serials: Vec<String> = devices.iter().map(|d| d.serial_number.clone()).collect();
    serials.sort();
    serials
}

/// Asserts a page's shape: its length, whether it is truncated, and that
/// it has a marker exactly when truncated.
#[track_caller]
fn assert_page<T>(page: &Page<T>, len: usize, truncated: bool) {
    assert_eq!(page.items.len(), len, "items on the page");
    assert_eq!(page.is_truncated, truncated, "is_truncated");
    assert_eq!(
        page.marker.is_some(),
        truncated,
        "a marker exactly when more items follow"
    );
}

/// ListMFADevices lists a user's devices, only theirs, by serial number.
pub async fn list_mfa_devices_of_user_in_serial_order<T: Target>(target: &T) {
    let user = new_user(target, "many").await;
    let other = new_user(target, "few").await;
    let mine = devices(target, 3).await;
    for device in &mine {
        enable(target, &user.user_name, device).await;
    }
    let theirs = new_device(target, "theirs").await;
    enable(target, &other.user_name, &theirs).await;

    let page = target
        .client()
        .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
        .await
        .expect("list");
    assert_page(&page, 3, false);
    let serials: Vec<String> = page.items.iter().map(|d| d.serial_number.clone()).collect();
    assert_eq!(serials, sorted_serials(&mine));
    for item in &page.items {
        assert_eq!(item.user_name, user.user_name);
        assert!(near(item.enable_date, target.now(), Duration::from_secs(5)));
    }
}

/// Without a user name, ListMFADevices lists the calling user's devices.
pub async fn list_mfa_devices_without_user_uses_calling_user<T: Target>(target: &T) {
    let user = new_user(target, "me").await;
    let device = new_device(target, "mine").await;
    enable(target, &user.user_name, &device).await;
    let Some(set) = target.set_caller(Some(&user.user_name)).await else {
        let check = "list_mfa_devices_without_user_uses_calling_user";
        skipped(target, check, "the target's calling user cannot be chosen");
        return;
    };
    set.expect("set the calling user");

    let page = target
        .client()
        .list_mfa_devices(None, &PageRequest::first())
        .await
        .expect("list for the calling user");
    assert_page(&page, 1, false);
    assert_eq!(page.items[0].serial_number, device.serial_number);
    assert_eq!(page.items[0].user_name, user.user_name);
}

/// ListMFADevices of a user nobody created.
pub async fn list_mfa_devices_unknown_user_is_no_such_entity<T: Target>(target: &T) {
    let name = super::unique("nobody");
    let result = target
        .client()
        .list_mfa_devices(Some(&name), &PageRequest::first())
        .await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&no_such_user(&name)),
    );
}

/// Assigned, Unassigned and Any (the default) list the right devices, in
/// serial-number order; only assigned ones carry a user and enable date.
pub async fn list_virtual_filters_by_assignment_status<T: Target>(target: &T) {
    let user = new_user(target, "filter").await;
    let made = devices(target, 4).await;
    let assigned = [&made[1], &made[3]];
    for device in assigned {
        enable(target, &user.user_name, device).await;
    }

    let mut expected_assigned: Vec<String> =
        assigned.iter().map(|d| d.serial_number.clone()).collect();
    expected_assigned.sort();
    let mut expected_unassigned =
        vec![made[0].serial_number.clone(), made[2].serial_number.clone()];
    expected_unassigned.sort();

    let page = target
        .client()
        .list_virtual_mfa_devices(AssignmentStatus::Assigned, &PageRequest::first())
        .await
        .expect("list Assigned");
    let serials: Vec<String> = page.items.iter().map(|d| d.serial_number.clone()).collect();
    assert_eq!(serials, expected_assigned);
    for device in &page.items {
        let holder = device.user.as_ref().expect("an assigned device has a user");
        assert_eq!(holder.user_name, user.user_name);
        assert!(device.enable_date.is_some());
    }

    let page = target
        .client()
        .list_virtual_mfa_devices(AssignmentStatus::Unassigned, &PageRequest::first())
        .await
        .expect("list Unassigned");
    let serials: Vec<String> = page.items.iter().map(|d| d.serial_number.clone()).collect();
    assert_eq!(serials, expected_unassigned);
    for device in &page.items {
        assert_eq!(device.user, None);
        assert_eq!(device.enable_date, None);
    }

    let any = virtual_serials(target, AssignmentStatus::Any, None).await;
    assert_eq!(any, sorted_serials(&made));
    assert_eq!(AssignmentStatus::default(), AssignmentStatus::Any);
}

/// Listed devices never carry a seed, a QR code or tags.
pub async fn list_virtual_never_returns_secrets_or_tags<T: Target>(target: &T) {
    let user = new_user(target, "secretive").await;
    let tags = [Tag::new("team", "ops")];
    for assign in [false, true] {
        let name = super::unique("quiet");
        let device = target
            .client()
            .create_virtual_mfa_device(&name, None, &tags)
            .await
            .expect("create");
        if assign {
            enable(target, &user.user_name, &device).await;
        }
    }

    let page = target
        .client()
        .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
        .await
        .expect("list");
    assert_page(&page, 2, false);
    for device in &page.items {
        assert!(device.base32_string_seed.is_none(), "no seed in a list");
        assert!(device.qr_code_png.is_none(), "no QR code in a list");
        assert!(device.tags.is_empty(), "no tags in a list");
    }
}

/// When the items fill the last page exactly, that page says nothing
/// follows and there is no empty page after it: for every list.
pub async fn page_exact_multiple_has_no_empty_page<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "pages").await;
    let made = devices(target, 6).await;
    for device in &made[..4] {
        enable(target, &user.user_name, device).await;
    }
    let tags: Vec<Tag> = (0..4).map(|i| Tag::new(format!("k{i}"), "v")).collect();
    client
        .tag_mfa_device(&made[5].serial_number, &tags)
        .await
        .expect("tag");
    for _ in 0..3 {
        new_user(target, "pages").await;
    }

    let first = PageRequest::first().max_items(3);
    let page = client
        .list_virtual_mfa_devices(AssignmentStatus::Any, &first)
        .await
        .expect("page 1");
    assert_page(&page, 3, true);
    let next = page.next_request(Some(3)).expect("a second page");
    let page = client
        .list_virtual_mfa_devices(AssignmentStatus::Any, &next)
        .await
        .expect("page 2");
    assert_page(&page, 3, false);
    assert!(page.next_request(Some(3)).is_none());

    let first = PageRequest::first().max_items(2);
    let page = client
        .list_mfa_devices(Some(&user.user_name), &first)
        .await
        .expect("page 1");
    assert_page(&page, 2, true);
    let next = page.next_request(Some(2)).expect("a second page");
    let page = client
        .list_mfa_devices(Some(&user.user_name), &next)
        .await
        .expect("page 2");
    assert_page(&page, 2, false);

    let page = client
        .list_mfa_device_tags(&made[5].serial_number, &first)
        .await
        .expect("page 1");
    assert_page(&page, 2, true);
    let next = page.next_request(Some(2)).expect("a second page");
    let page = client
        .list_mfa_device_tags(&made[5].serial_number, &next)
        .await
        .expect("page 2");
    assert_page(&page, 2, false);

    let page = client.list_users(None, &first).await.expect("page 1");
    assert_page(&page, 2, true);
    let next = page.next_request(Some(2)).expect("a second page");
    let page = client.list_users(None, &next).await.expect("page 2");
    assert_page(&page, 2, false);

    let all = client
        .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first().max_items(6))
        .await
        .expect("one full page");
    assert_page(&all, 6, false);
}

/// Pages of one item: every page but the last is truncated.
pub async fn page_of_one_item_at_a_time<T: Target>(target: &T) {
    let made = devices(target, 3).await;
    let mut request = PageRequest::first().max_items(1);
    let mut seen = Vec::new();
    for index in 0..3 {
        let page = target
            .client()
            .list_virtual_mfa_devices(AssignmentStatus::Unassigned, &request)
            .await
            .expect("page");
        let last = index == 2;
        assert_page(&page, 1, !last);
        seen.push(page.items[0].serial_number.clone());
        if let Some(next) = page.next_request(Some(1)) {
            request = next;
        }
    }
    assert_eq!(seen, sorted_serials(&made));
}

/// Following markers visits every item exactly once, in serial-number
/// order, whatever the page size.
pub async fn markers_visit_every_item_once_in_order<T: Target>(target: &T) {
    let made = devices(target, 11).await;
    let expected = sorted_serials(&made);
    for max_items in [1, 2, 3, 4, 5, 10, 11, 12, 1000] {
        let seen = virtual_serials(target, AssignmentStatus::Any, Some(max_items)).await;
        let unique: HashSet<&String> = seen.iter().collect();
        assert_eq!(
            unique.len(),
            seen.len(),
            "no item twice with pages of {max_items}"
        );
        assert_eq!(seen, expected, "pages of {max_items}");
    }

    let user = new_user(target, "walker").await;
    for device in &made[..5] {
        enable(target, &user.user_name, device).await;
    }
    let mut expected = sorted_serials(&made[..5]);
    let assigned = virtual_serials(target, AssignmentStatus::Assigned, Some(2)).await;
    assert_eq!(assigned, expected);
    let listed = target
        .client()
        .list_mfa_devices_paginator(Some(&user.user_name))
        .page_size(2)
        .try_collect()
        .await
        .expect("list MFA devices");
    let listed: Vec<String> = listed.into_iter().map(|d| d.serial_number).collect();
    assert_eq!(listed, expected);

    expected = sorted_serials(&made[5..]);
    let unassigned = virtual_serials(target, AssignmentStatus::Unassigned, Some(4)).await;
    assert_eq!(unassigned, expected);
}

/// Without MaxItems a page holds 100 items.
pub async fn default_page_size_is_one_hundred<T: Target>(target: &T) {
    let made = devices(target, 101).await;
    let page = target
        .client()
        .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
        .await
        .expect("page 1");
    assert_page(&page, 100, true);
    let next = page.next_request(None).expect("a second page");
    let last = target
        .client()
        .list_virtual_mfa_devices(AssignmentStatus::Any, &next)
        .await
        .expect("page 2");
    assert_page(&last, 1, false);
    assert_eq!(last.items[0].serial_number, sorted_serials(&made)[100]);
}

/// A marker the backend did not make is ValidationError "Invalid Marker."
/// in every list.
pub async fn bad_marker_is_validation_error_everywhere<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "marked").await;
    let device = new_device(target, "marked").await;
    let bogus = PageRequest::first().marker(BOGUS_MARKER);
    let message = Some("Invalid Marker.");
    let code = "ValidationError";

    let result = client
        .list_virtual_mfa_devices(AssignmentStatus::Any, &bogus)
        .await;
    assert_error(result, ErrorKind::InvalidInput, code, message);
    let result = client.list_mfa_devices(Some(&user.user_name), &bogus).await;
    assert_error(result, ErrorKind::InvalidInput, code, message);
    let result = client
        .list_mfa_device_tags(&device.serial_number, &bogus)
        .await;
    assert_error(result, ErrorKind::InvalidInput, code, message);
    let result = client.list_users(None, &bogus).await;
    assert_error(result, ErrorKind::InvalidInput, code, message);
}

/// Every paginator collects every item, across pages.
pub async fn paginators_collect_every_item<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "paged").await;
    let made = devices(target, 5).await;
    for device in &made[..3] {
        enable(target, &user.user_name, device).await;
    }
    let tags: Vec<Tag> = (0..5).map(|i| Tag::new(format!("k{i}"), "v")).collect();
    client
        .tag_mfa_device(&made[4].serial_number, &tags)
        .await
        .expect("tag");

    let virtual_devices = client
        .list_virtual_mfa_devices_paginator(AssignmentStatus::Any)
        .page_size(2)
        .try_collect()
        .await
        .expect("virtual devices");
    let serials: Vec<String> = virtual_devices
        .into_iter()
        .map(|d| d.serial_number)
        .collect();
    assert_eq!(serials, sorted_serials(&made));

    let enabled = client
        .list_mfa_devices_paginator(Some(&user.user_name))
        .page_size(1)
        .try_collect()
        .await
        .expect("MFA devices");
    let serials: Vec<String> = enabled.into_iter().map(|d| d.serial_number).collect();
    assert_eq!(serials, sorted_serials(&made[..3]));

    let listed = client
        .list_mfa_device_tags_paginator(&made[4].serial_number)
        .page_size(2)
        .try_collect()
        .await
        .expect("tags");
    assert_eq!(listed, tags);

    let users = client
        .list_users_paginator(None)
        .page_size(1)
        .try_collect()
        .await
        .expect("users");
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].user_name, user.user_name);
}

/// `next` yields the items one by one across pages, then `None` for good.
pub async fn paginator_next_yields_items_then_none<T: Target>(target: &T) {
    let made = devices(target, 3).await;
    let mut paginator = target
        .client()
        .list_virtual_mfa_devices_paginator(AssignmentStatus::Unassigned)
        .page_size(2);
    let mut seen = Vec::new();
    while let Some(item) = paginator.next().await {
        seen.push(item.expect("item").serial_number);
    }
    assert_eq!(seen, sorted_serials(&made));
    assert!(paginator.next().await.is_none());
    assert!(paginator.next_page().await.is_none());
}

/// After an error a paginator is finished.
pub async fn paginator_stops_after_an_error<T: Target>(target: &T) {
    devices(target, 2).await;
    let mut paginator = target
        .client()
        .list_virtual_mfa_devices_paginator(AssignmentStatus::Any)
        .starting_at(BOGUS_MARKER);
    let first = paginator.next().await.expect("an answer");
    assert_error(
        first,
        ErrorKind::InvalidInput,
        "ValidationError",
        Some("Invalid Marker."),
    );
    assert!(paginator.next().await.is_none());
}
