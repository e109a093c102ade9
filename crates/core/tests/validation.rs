//! Every input rule of `iam_mfa::validate`, through the public client.
//!
//! For each rule and each operation that applies it, a value just inside
//! the rule gets past validation (the call may still fail for another
//! reason, such as an unknown user, but never with InvalidInput), and a
//! value just outside is refused with InvalidInput naming the field, and
//! leaves the emulator exactly as it was.

use std::future::Future;
use std::time::{Duration, UNIX_EPOCH};

use iam_mfa::{AssignmentStatus, Client, Clock, ErrorKind, LocalOptions, PageRequest, Result, Tag};

/// An emulator holding one user with an enabled device, and an unassigned,
/// tagged device.
struct Fixture {
    client: Client,
    user: String,
    assigned: String,
    free: String,
}

async fn fixture() -> Fixture {
    let start = UNIX_EPOCH + Duration::from_secs(1_800_000_015);
    let options = LocalOptions {
        clock: Clock::manual(start),
        ..LocalOptions::default()
    };
    let client = Client::local(options).expect("emulator");
    let user = "alice".to_owned();
    client.create_user(&user, None).await.expect("user");

    let device = client
        .create_virtual_mfa_device("alice-phone", None, &[])
        .await
        .expect("device");
    let seed = device.base32_string_seed.as_ref().expect("seed");
    let (first, second) = iam_mfa::totp::enable_codes(seed.expose(), start).expect("codes");
    client
        .enable_mfa_device(
            &user,
            &device.serial_number,
            first.as_str(),
            second.as_str(),
        )
        .await
        .expect("enable");

    let free = client
        .create_virtual_mfa_device("spare", Some("/ops/"), &[Tag::new("team", "ops")])
        .await
        .expect("device");
    Fixture {
        client,
        user,
        assigned: device.serial_number,
        free: free.serial_number,
    }
}

/// Everything a call could have changed, as text.
async fn snapshot(client: &Client) -> String {
    let devices = client
        .list_virtual_mfa_devices_paginator(AssignmentStatus::Any)
        .try_collect()
        .await
        .expect("list devices");
    let mut state = String::new();
    for device in devices {
        let tags = client
            .list_mfa_device_tags_paginator(&device.serial_number)
            .try_collect()
            .await
            .expect("list tags");
        let user = device.user.map(|user| user.user_name);
        state.push_str(&format!("{} {user:?} {tags:?}\n", device.serial_number));
    }
    let users = client
        .list_users_paginator(None)
        .try_collect()
        .await
        .expect("list users");
    for user in users {
        let enabled = client
            .list_mfa_devices_paginator(Some(&user.user_name))
            .try_collect()
            .await
            .expect("list MFA devices");
        state.push_str(&format!("{} {enabled:?}\n", user.user_name));
    }
    state
}

/// Asserts that the call gets past validation. A marker within the rule
/// that the emulator never made is its own "Invalid Marker.", which does
/// not name a field.
async fn inside<T>(what: &str, call: impl Future<Output = Result<T>>) {
    if let Err(error) = call.await {
        let refused_by_validation =
            error.kind() == ErrorKind::InvalidInput && error.message() != "Invalid Marker.";
        assert!(
            !refused_by_validation,
            "{what} should pass validation: {error}"
        );
    }
}

/// Asserts that the call is refused with InvalidInput naming `field`, and
/// that nothing changed.
async fn outside<T: std::fmt::Debug>(
    fixture: &Fixture,
    field: &str,
    call: impl Future<Output = Result<T>>,
) {
    let before = snapshot(&fixture.client).await;
    let error = match call.await {
        Ok(value) => panic!("a bad {field} was accepted: {value:?}"),
        Err(error) => error,
    };
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
    assert!(
        error.message().contains(field),
        "the message does not name {field}: {}",
        error.message()
    );
    assert_eq!(
        snapshot(&fixture.client).await,
        before,
        "after a bad {field}"
    );
}

fn long(c: char, len: usize) -> String {
    std::iter::repeat_n(c, len).collect()
}

#[tokio::test]
async fn virtual_mfa_device_name_length_and_pattern() {
    let fx = fixture().await;
    let client = &fx.client;
    for name in ["a".to_owned(), long('n', 226), "A_z0+=,.@-".to_owned()] {
        inside(
            "a device name",
            client.create_virtual_mfa_device(&name, None, &[]),
        )
        .await;
    }
    for name in [
        String::new(),
        long('m', 227),
        "a/b".into(),
        "é".into(),
        "a b".into(),
    ] {
        let call = client.create_virtual_mfa_device(&name, None, &[]);
        outside(&fx, "virtualMFADeviceName", call).await;
    }
}

#[tokio::test]
async fn serial_number_made_of_path_and_name_stays_within_256() {
    let fx = fixture().await;
    let client = &fx.client;
    // "arn:aws:iam::123456789012:mfa" is 29 characters; with "/p/", 224
    // are left for the name.
    let (fits, over) = (long('n', 224), long('o', 225));
    let call = client.create_virtual_mfa_device(&fits, Some("/p/"), &[]);
    inside("a serial number of 256", call).await;
    let call = client.create_virtual_mfa_device(&over, Some("/p/"), &[]);
    outside(&fx, "virtualMFADeviceName", call).await;
}

#[tokio::test]
async fn path_shape_and_length() {
    let fx = fixture().await;
    let client = &fx.client;
    let longest = format!("/{}/", long('p', 510));
    for (index, path) in ["/", "/test//double/", "/~!/", longest.as_str()]
        .into_iter()
        .enumerate()
    {
        let name = format!("in{index}");
        inside("a user path", client.create_user(&name, Some(path))).await;
        if path.len() < 200 && !path.contains('~') {
            // A device's serial number holds its path, within 256
            // characters of the serial number's own character set.
            let call = client.create_virtual_mfa_device(&name, Some(path), &[]);
            inside("a device path", call).await;
        }
    }
    let too_long = format!("/{}/", long('p', 511));
    for path in [
        "",
        "ops/",
        "/ops",
        "//",
        "/a b/",
        "/\u{7f}/",
        too_long.as_str(),
    ] {
        let call = client.create_virtual_mfa_device("out", Some(path), &[]);
        outside(&fx, "path", call).await;
        outside(&fx, "path", client.create_user("out", Some(path))).await;
    }
}

#[tokio::test]
async fn path_prefix_shape_and_length() {
    let fx = fixture().await;
    let client = &fx.client;
    let longest = format!("/{}", long('p', 511));
    for prefix in ["/", "/ops", "/\u{7f}", longest.as_str()] {
        inside(
            "a path prefix",
            client.list_users(Some(prefix), &PageRequest::first()),
        )
        .await;
    }
    let too_long = format!("/{}", long('p', 512));
    for prefix in ["", "ops/", "/a b", too_long.as_str()] {
        let page = PageRequest::first();
        outside(&fx, "pathPrefix", client.list_users(Some(prefix), &page)).await;
    }
}

#[tokio::test]
async fn new_user_name_is_1_to_64() {
    let fx = fixture().await;
    let client = &fx.client;
    for name in ["b".to_owned(), long('u', 64), "A_z0+=,.@-".to_owned()] {
        inside("a new user name", client.create_user(&name, None)).await;
        inside(
            "a user name",
            client.get_mfa_device(&fx.assigned, Some(&name)),
        )
        .await;
    }
    for name in [String::new(), long('v', 65), "bob smith".to_owned()] {
        outside(&fx, "userName", client.create_user(&name, None)).await;
        let call = client.get_mfa_device(&fx.assigned, Some(&name));
        outside(&fx, "userName", call).await;
    }
}

#[tokio::test]
async fn existing_user_name_is_1_to_128() {
    let fx = fixture().await;
    let client = &fx.client;
    let (serial, code) = (fx.assigned.as_str(), "123456");
    let page = PageRequest::first();
    for name in [long('u', 128), "x".to_owned()] {
        let name = name.as_str();
        inside(
            "enable",
            client.enable_mfa_device(name, &fx.free, code, code),
        )
        .await;
        inside(
            "deactivate",
            client.deactivate_mfa_device(serial, Some(name)),
        )
        .await;
        inside("list", client.list_mfa_devices(Some(name), &page)).await;
        inside("resync", client.resync_mfa_device(name, serial, code, code)).await;
        inside("get user", client.get_user(Some(name))).await;
        inside("delete user", client.delete_user(name)).await;
    }
    for name in [String::new(), long('u', 129), "a b".to_owned()] {
        let name = name.as_str();
        let field = "userName";
        outside(
            &fx,
            field,
            client.enable_mfa_device(name, &fx.free, code, code),
        )
        .await;
        outside(&fx, field, client.deactivate_mfa_device(serial, Some(name))).await;
        outside(&fx, field, client.list_mfa_devices(Some(name), &page)).await;
        outside(
            &fx,
            field,
            client.resync_mfa_device(name, serial, code, code),
        )
        .await;
        outside(&fx, field, client.get_user(Some(name))).await;
        outside(&fx, field, client.delete_user(name)).await;
    }
}

#[tokio::test]
async fn serial_number_is_9_to_256_of_its_characters() {
    let fx = fixture().await;
    let client = &fx.client;
    let (user, code) = (Some(fx.user.as_str()), "123456");
    let page = PageRequest::first();
    let tags = [Tag::new("k", "v")];
    let keys = ["k".to_owned()];
    let longest = format!("arn:aws:iam::123456789012:mfa/{}", long('s', 226));
    for serial in ["GAHT12345", "a+=/:,.@-", longest.as_str()] {
        inside(
            "enable",
            client.enable_mfa_device(&fx.user, serial, code, code),
        )
        .await;
        inside("deactivate", client.deactivate_mfa_device(serial, user)).await;
        inside("delete", client.delete_virtual_mfa_device(serial)).await;
        inside("get", client.get_mfa_device(serial, None)).await;
        inside(
            "resync",
            client.resync_mfa_device(&fx.user, serial, code, code),
        )
        .await;
        inside("tag", client.tag_mfa_device(serial, &tags)).await;
        inside("untag", client.untag_mfa_device(serial, &keys)).await;
        inside("list tags", client.list_mfa_device_tags(serial, &page)).await;
    }
    let too_long = format!("{longest}s");
    for serial in ["GAHT1234", "GAHT 12345", "GAHT12345!", too_long.as_str()] {
        let field = "serialNumber";
        let call = client.enable_mfa_device(&fx.user, serial, code, code);
        outside(&fx, field, call).await;
        outside(&fx, field, client.deactivate_mfa_device(serial, user)).await;
        outside(&fx, field, client.delete_virtual_mfa_device(serial)).await;
        outside(&fx, field, client.get_mfa_device(serial, None)).await;
        let call = client.resync_mfa_device(&fx.user, serial, code, code);
        outside(&fx, field, call).await;
        outside(&fx, field, client.tag_mfa_device(serial, &tags)).await;
        outside(&fx, field, client.untag_mfa_device(serial, &keys)).await;
        outside(&fx, field, client.list_mfa_device_tags(serial, &page)).await;
    }
}

#[tokio::test]
async fn authentication_codes_are_six_digits() {
    let fx = fixture().await;
    let client = &fx.client;
    let (user, assigned, free) = (fx.user.as_str(), fx.assigned.as_str(), fx.free.as_str());
    for code in ["000000", "999999"] {
        inside(
            "enable",
            client.enable_mfa_device(user, free, code, "123456"),
        )
        .await;
        inside(
            "enable",
            client.enable_mfa_device(user, free, "123456", code),
        )
        .await;
        inside(
            "resync",
            client.resync_mfa_device(user, assigned, code, "123456"),
        )
        .await;
        inside(
            "resync",
            client.resync_mfa_device(user, assigned, "123456", code),
        )
        .await;
    }
    for code in ["", "00000", "0000000", "00000a", "12 456", "\u{661}23456"] {
        let (one, two) = ("authenticationCode1", "authenticationCode2");
        outside(
            &fx,
            one,
            client.enable_mfa_device(user, free, code, "123456"),
        )
        .await;
        outside(
            &fx,
            two,
            client.enable_mfa_device(user, free, "123456", code),
        )
        .await;
        let call = client.resync_mfa_device(user, assigned, code, "123456");
        outside(&fx, one, call).await;
        let call = client.resync_mfa_device(user, assigned, "123456", code);
        outside(&fx, two, call).await;
    }
}

#[tokio::test]
async fn max_items_is_1_to_1000_in_every_list() {
    let fx = fixture().await;
    let client = &fx.client;
    let (user, serial) = (Some(fx.user.as_str()), fx.free.as_str());
    for max_items in [1, 1000] {
        let page = PageRequest::first().max_items(max_items);
        let any = AssignmentStatus::Any;
        inside("list virtual", client.list_virtual_mfa_devices(any, &page)).await;
        inside("list MFA", client.list_mfa_devices(user, &page)).await;
        inside("list tags", client.list_mfa_device_tags(serial, &page)).await;
        inside("list users", client.list_users(None, &page)).await;
    }
    for max_items in [0, 1001, u32::MAX] {
        let page = PageRequest::first().max_items(max_items);
        let any = AssignmentStatus::Any;
        let field = "maxItems";
        outside(&fx, field, client.list_virtual_mfa_devices(any, &page)).await;
        outside(&fx, field, client.list_mfa_devices(user, &page)).await;
        outside(&fx, field, client.list_mfa_device_tags(serial, &page)).await;
        outside(&fx, field, client.list_users(None, &page)).await;
    }
}

#[tokio::test]
async fn marker_is_1_to_320_of_latin_1() {
    let fx = fixture().await;
    let client = &fx.client;
    let (user, serial) = (Some(fx.user.as_str()), fx.free.as_str());
    for marker in ["m".to_owned(), long('m', 320), "\u{20}\u{ff}".to_owned()] {
        let page = PageRequest::first().marker(marker);
        let any = AssignmentStatus::Any;
        inside("list virtual", client.list_virtual_mfa_devices(any, &page)).await;
        inside("list MFA", client.list_mfa_devices(user, &page)).await;
        inside("list tags", client.list_mfa_device_tags(serial, &page)).await;
        inside("list users", client.list_users(None, &page)).await;
    }
    for marker in [
        String::new(),
        long('m', 321),
        "\u{100}".to_owned(),
        "\u{1f}".to_owned(),
    ] {
        let page = PageRequest::first().marker(marker);
        let any = AssignmentStatus::Any;
        let field = "'marker'";
        outside(&fx, field, client.list_virtual_mfa_devices(any, &page)).await;
        outside(&fx, field, client.list_mfa_devices(user, &page)).await;
        outside(&fx, field, client.list_mfa_device_tags(serial, &page)).await;
        outside(&fx, field, client.list_users(None, &page)).await;
    }
}

/// Tags with one bad member at `index` (1-based), the rest fine.
fn with_bad_member(bad: Tag, index: usize) -> Vec<Tag> {
    let mut tags: Vec<Tag> = (1..=3).map(|i| Tag::new(format!("good{i}"), "v")).collect();
    tags.insert(index - 1, bad);
    tags
}

#[tokio::test]
async fn tag_keys_and_values_on_create_and_tag() {
    let fx = fixture().await;
    let client = &fx.client;
    let inside_tags = [
        Tag::new("k", ""),
        Tag::new(long('k', 128), long('v', 256)),
        Tag::new("Ünï côde_.:/=+-@ 9", "日本 ٣"),
        Tag::new("awsome", "v"),
        Tag::new("aws", "v"),
    ];
    for (index, tag) in inside_tags.into_iter().enumerate() {
        let name = format!("tagged{index}");
        let tags = [tag];
        inside(
            "create",
            client.create_virtual_mfa_device(&name, None, &tags),
        )
        .await;
        inside("tag", client.tag_mfa_device(&fx.free, &tags)).await;
    }

    let outside_tags = [
        (Tag::new("", "v"), "member.key"),
        (Tag::new(long('k', 129), "v"), "member.key"),
        (Tag::new("k*", "v"), "member.key"),
        (Tag::new("k\t", "v"), "member.key"),
        (Tag::new("aws:owner", "v"), "member.key"),
        (Tag::new("AWS:owner", "v"), "reserved"),
        (Tag::new("k", long('v', 257)), "member.value"),
        (Tag::new("k", "a*b"), "member.value"),
        (Tag::new("k", "line\nbreak"), "member.value"),
    ];
    for (bad, rule) in outside_tags {
        for index in [1, 2] {
            let tags = with_bad_member(bad.clone(), index);
            let field = format!("tags.{index}.{rule}");
            let field = if rule == "reserved" {
                "reserved".to_owned()
            } else {
                field
            };
            let call = client.create_virtual_mfa_device("bad-tags", None, &tags);
            outside(&fx, &field, call).await;
            outside(&fx, &field, client.tag_mfa_device(&fx.free, &tags)).await;
        }
    }

    let twice = [Tag::new("k", "1"), Tag::new("k", "2")];
    outside(
        &fx,
        "tags",
        client.create_virtual_mfa_device("dup", None, &twice),
    )
    .await;
    outside(&fx, "tags", client.tag_mfa_device(&fx.free, &twice)).await;
    let cased = [Tag::new("k", "1"), Tag::new("K", "2")];
    inside(
        "keys differing in case",
        client.tag_mfa_device(&fx.free, &cased),
    )
    .await;
}

#[tokio::test]
async fn at_most_50_tags_on_create_and_tag() {
    let fx = fixture().await;
    let client = &fx.client;
    let fifty: Vec<Tag> = (0..50).map(|i| Tag::new(format!("k{i:02}"), "v")).collect();
    inside(
        "create",
        client.create_virtual_mfa_device("fifty", None, &fifty),
    )
    .await;
    let device = client
        .create_virtual_mfa_device("fresh", None, &[])
        .await
        .expect("device");
    inside("tag", client.tag_mfa_device(&device.serial_number, &fifty)).await;

    let mut fifty_one = fifty.clone();
    fifty_one.push(Tag::new("k50", "v"));
    let call = client.create_virtual_mfa_device("fifty-one", None, &fifty_one);
    outside(&fx, "'tags'", call).await;
    outside(&fx, "'tags'", client.tag_mfa_device(&fx.free, &fifty_one)).await;
}

#[tokio::test]
async fn untag_keys_are_at_most_50_valid_keys() {
    let fx = fixture().await;
    let client = &fx.client;
    let fifty: Vec<String> = (0..50).map(|i| format!("k{i:02}")).collect();
    inside("50 keys", client.untag_mfa_device(&fx.free, &fifty)).await;
    for key in ["k".to_owned(), long('k', 128), "aws:owner".to_owned()] {
        inside("a key", client.untag_mfa_device(&fx.free, &[key])).await;
    }

    let mut fifty_one = fifty.clone();
    fifty_one.push("team".to_owned());
    outside(
        &fx,
        "tagKeys",
        client.untag_mfa_device(&fx.free, &fifty_one),
    )
    .await;
    for key in [String::new(), long('k', 129), "k*".to_owned()] {
        let keys = ["team".to_owned(), key];
        outside(&fx, "tagKeys.2", client.untag_mfa_device(&fx.free, &keys)).await;
    }
}
