//! Tagging devices: TagMFADevice, UntagMFADevice and ListMFADeviceTags.

use iam_mfa::{ErrorKind, PageRequest, Tag};

use super::{
    Target, assert_error, assert_invalid, new_device, no_such_device, serial_of, snapshot, unique,
};

/// Every tag of a device, following markers.
async fn tags_of<T: Target>(target: &T, serial_number: &str) -> Vec<Tag> {
    target
        .client()
        .list_mfa_device_tags_paginator(serial_number)
        .try_collect()
        .await
        .expect("list tags")
}

/// Tags come back sorted by key, whatever order they were given in.
pub async fn tags_list_sorted_by_key<T: Target>(target: &T) {
    let device = new_device(target, "sorted").await;
    let given = vec![
        Tag::new("zone", "b"),
        Tag::new("Owner", "alice"),
        Tag::new("app", ""),
        Tag::new("cost:center", "42"),
    ];
    target
        .client()
        .tag_mfa_device(&device.serial_number, &given)
        .await
        .expect("tag");

    let page = target
        .client()
        .list_mfa_device_tags(&device.serial_number, &PageRequest::first())
        .await
        .expect("list");
    let keys: Vec<&str> = page.items.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(keys, ["Owner", "app", "cost:center", "zone"]);
    assert!(!page.is_truncated);
    assert_eq!(page.items[2].value, "42");
    assert_eq!(page.items[1].value, "", "an empty value is kept");
}

/// Tagging an existing key replaces its value and adds nothing.
pub async fn tag_overwrites_value_of_existing_key<T: Target>(target: &T) {
    let device = new_device(target, "overwritten").await;
    let client = target.client();
    client
        .tag_mfa_device(
            &device.serial_number,
            &[Tag::new("team", "ops"), Tag::new("a", "1")],
        )
        .await
        .expect("tag");
    client
        .tag_mfa_device(&device.serial_number, &[Tag::new("team", "dev")])
        .await
        .expect("tag again");

    let tags = tags_of(target, &device.serial_number).await;
    assert_eq!(tags, [Tag::new("a", "1"), Tag::new("team", "dev")]);
}

/// Keys differing only in case are different keys.
pub async fn tag_keys_are_case_sensitive<T: Target>(target: &T) {
    let device = new_device(target, "cased").await;
    let client = target.client();
    client
        .tag_mfa_device(
            &device.serial_number,
            &[Tag::new("Env", "1"), Tag::new("env", "2")],
        )
        .await
        .expect("tag");
    assert_eq!(
        tags_of(target, &device.serial_number).await,
        [Tag::new("Env", "1"), Tag::new("env", "2")]
    );

    client
        .untag_mfa_device(&device.serial_number, &["ENV".to_owned(), "env".to_owned()])
        .await
        .expect("untag");
    assert_eq!(
        tags_of(target, &device.serial_number).await,
        [Tag::new("Env", "1")]
    );
}

/// Untagging removes the named keys and ignores keys the device lacks.
pub async fn untag_removes_keys_and_ignores_missing_ones<T: Target>(target: &T) {
    let device = new_device(target, "untagged").await;
    let client = target.client();
    let tags = [Tag::new("a", "1"), Tag::new("b", "2"), Tag::new("c", "3")];
    client
        .tag_mfa_device(&device.serial_number, &tags)
        .await
        .expect("tag");

    let keys = ["b".to_owned(), "missing".to_owned()];
    client
        .untag_mfa_device(&device.serial_number, &keys)
        .await
        .expect("untag");
    assert_eq!(
        tags_of(target, &device.serial_number).await,
        [Tag::new("a", "1"), Tag::new("c", "3")]
    );

    client
        .untag_mfa_device(&device.serial_number, &["a".to_owned(), "c".to_owned()])
        .await
        .expect("untag the rest");
    assert!(tags_of(target, &device.serial_number).await.is_empty());
}

/// A device holds at most 50 tags: a 51st key is LimitExceeded and
/// changes nothing, while overwriting one of the 50 is fine.
pub async fn fifty_tags_then_one_more_is_limit_exceeded<T: Target>(target: &T) {
    let device = new_device(target, "full").await;
    let client = target.client();
    let fifty: Vec<Tag> = (0..50).map(|i| Tag::new(format!("k{i:02}"), "v")).collect();
    client
        .tag_mfa_device(&device.serial_number, &fifty[..30])
        .await
        .expect("30 tags");
    client
        .tag_mfa_device(&device.serial_number, &fifty[30..])
        .await
        .expect("20 more");
    let before = snapshot(target).await;

    let result = client
        .tag_mfa_device(&device.serial_number, &[Tag::new("k50", "v")])
        .await;
    assert_error(result, ErrorKind::LimitExceeded, "LimitExceeded", None);
    let mixed = [Tag::new("k00", "new"), Tag::new("extra", "v")];
    let result = client.tag_mfa_device(&device.serial_number, &mixed).await;
    assert_error(result, ErrorKind::LimitExceeded, "LimitExceeded", None);
    assert_eq!(
        snapshot(target).await,
        before,
        "a refused tag changes nothing"
    );

    client
        .tag_mfa_device(&device.serial_number, &[Tag::new("k00", "new")])
        .await
        .expect("overwriting at the limit");
    let tags = tags_of(target, &device.serial_number).await;
    assert_eq!(tags.len(), 50);
    assert_eq!(tags[0], Tag::new("k00", "new"));
}

/// Keys starting with `aws:`, in any case, are reserved.
pub async fn reserved_aws_prefix_is_refused<T: Target>(target: &T) {
    let client = target.client();
    let device = new_device(target, "reserved").await;
    let before = snapshot(target).await;

    for key in ["aws:owner", "AWS:owner", "Aws:x"] {
        let result = client
            .tag_mfa_device(&device.serial_number, &[Tag::new(key, "v")])
            .await;
        assert_invalid(result, "aws:");
        let result = client
            .create_virtual_mfa_device(&unique("reserved"), None, &[Tag::new(key, "v")])
            .await;
        assert_invalid(result, "aws:");
    }
    assert_eq!(snapshot(target).await, before);

    client
        .tag_mfa_device(&device.serial_number, &[Tag::new("awsome", "v")])
        .await
        .expect("a key merely starting with aws is fine");
}

/// Tags follow markers like every list.
pub async fn tags_page_by_page<T: Target>(target: &T) {
    let device = new_device(target, "paged-tags").await;
    let tags: Vec<Tag> = (0..5).map(|i| Tag::new(format!("t{i}"), "v")).collect();
    target
        .client()
        .tag_mfa_device(&device.serial_number, &tags)
        .await
        .expect("tag");

    let mut seen = Vec::new();
    let mut request = PageRequest::first().max_items(2);
    loop {
        let page = target
            .client()
            .list_mfa_device_tags(&device.serial_number, &request)
            .await
            .expect("page");
        assert!(page.items.len() <= 2);
        seen.extend(page.items.iter().cloned());
        match page.next_request(Some(2)) {
            Some(next) => request = next,
            None => break,
        }
    }
    assert_eq!(seen, tags);
}

/// Tagging, untagging and listing the tags of an unknown device.
pub async fn tag_operations_on_unknown_device_are_no_such_entity<T: Target>(target: &T) {
    let client = target.client();
    let serial = serial_of(target, "/", &unique("ghost"));
    let message = no_such_device(&serial);

    let result = client.tag_mfa_device(&serial, &[Tag::new("k", "v")]).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&message),
    );
    let result = client.untag_mfa_device(&serial, &["k".to_owned()]).await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&message),
    );
    let result = client
        .list_mfa_device_tags(&serial, &PageRequest::first())
        .await;
    assert_error(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        Some(&message),
    );
}
