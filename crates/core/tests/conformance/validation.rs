//! Input rules at their edges, end to end: a value just inside a rule is
//! carried out by the backend, a value just outside is refused with
//! InvalidInput naming the field, and the refusal changes nothing.

use iam_mfa::{AssignmentStatus, ErrorKind, PageRequest, Tag};

use super::{Target, assert_error, assert_invalid, enable, new_device, new_user};
use super::{serial_of, snapshot, unique};

/// A unique name of exactly `len` characters.
fn name_of_length(len: usize) -> String {
    let mut name = unique("n");
    name.truncate(len);
    while name.len() < len {
        name.push('n');
    }
    name
}

/// VirtualMFADeviceName: 1 to 226 characters of `[\w+=,.@-]`.
pub async fn device_name_bounds<T: Target>(target: &T) {
    let client = target.client();
    for name in [name_of_length(226), "Z".to_owned(), "A_z0+=,.@-".to_owned()] {
        let device = client
            .create_virtual_mfa_device(&name, None, &[])
            .await
            .unwrap_or_else(|error| panic!("a name of {} characters: {error}", name.len()));
        assert_eq!(device.serial_number, serial_of(target, "/", &name));
    }
    let before = snapshot(target).await;

    for name in [
        String::new(),
        name_of_length(227),
        "a/b".to_owned(),
        "a b".to_owned(),
    ] {
        let result = client.create_virtual_mfa_device(&name, None, &[]).await;
        assert_invalid(result, "virtualMFADeviceName");
    }
    assert_eq!(snapshot(target).await, before);
}

/// The serial number a path and name make is at most 256 characters.
pub async fn serial_made_of_path_and_name_bounds<T: Target>(target: &T) {
    let client = target.client();
    let path = "/p/";
    let room = 256 - serial_of(target, path, "").len();
    let name = name_of_length(room);
    let device = client
        .create_virtual_mfa_device(&name, Some(path), &[])
        .await
        .expect("a serial number of 256 characters");
    assert_eq!(device.serial_number.len(), 256);
    let detail = client
        .get_mfa_device(&device.serial_number, None)
        .await
        .expect("get by a serial number of 256 characters");
    assert_eq!(detail.serial_number, device.serial_number);
    let before = snapshot(target).await;

    let result = client
        .create_virtual_mfa_device(&name_of_length(room + 1), Some(path), &[])
        .await;
    assert_invalid(result, "virtualMFADeviceName");
    assert_eq!(snapshot(target).await, before);
}

/// Path: `/` or `/.../` of 0x21 to 0x7E, at most 512 characters.
pub async fn path_bounds<T: Target>(target: &T) {
    let client = target.client();
    let longest = format!("/{}/", "p".repeat(510));
    let user = client
        .create_user(&unique("pathy"), Some(&longest))
        .await
        .expect("a path of 512 characters");
    assert_eq!(user.path, longest);
    let odd = "/a+b=c,d.e@f-g_h:i//j/";
    let device = client
        .create_virtual_mfa_device(&unique("odd"), Some(odd), &[])
        .await
        .expect("a path of punctuation");
    assert!(device.serial_number.contains(odd));
    let before = snapshot(target).await;

    let too_long = format!("/{}/", "p".repeat(511));
    let result = client.create_user(&unique("pathy"), Some(&too_long)).await;
    assert_invalid(result, "'path'");
    for path in ["", "/p", "p/", "//", "/\u{e9}/", "/a b/"] {
        let result = client
            .create_virtual_mfa_device(&unique("pathless"), Some(path), &[])
            .await;
        assert_invalid(result, "path");
    }
    assert_eq!(snapshot(target).await, before);
}

/// UserName: 1 to 64 characters for a new user, up to 128 for an
/// existing one, of `[\w+=,.@-]`.
pub async fn user_name_bounds<T: Target>(target: &T) {
    let client = target.client();
    let longest = name_of_length(64);
    client
        .create_user(&longest, None)
        .await
        .expect("a name of 64 characters");
    client
        .create_user("Q", None)
        .await
        .expect("a name of 1 character");
    let absent = name_of_length(128);
    let result = client.get_user(Some(&absent)).await;
    assert_error(result, ErrorKind::NoSuchEntity, "NoSuchEntity", None);
    let before = snapshot(target).await;

    for name in [String::new(), name_of_length(65), "a b".to_owned()] {
        assert_invalid(client.create_user(&name, None).await, "userName");
    }
    let result = client.get_user(Some(&name_of_length(129))).await;
    assert_invalid(result, "userName");
    let result = client
        .list_mfa_devices(Some(&name_of_length(129)), &PageRequest::first())
        .await;
    assert_invalid(result, "userName");
    assert_eq!(snapshot(target).await, before);
}

/// SerialNumber: 9 to 256 characters of `[\w+=/:,.@-]`.
pub async fn serial_number_bounds<T: Target>(target: &T) {
    let client = target.client();
    for serial in ["GAHT12345".to_owned(), format!("GAHT{}", "9".repeat(252))] {
        let result = client.get_mfa_device(&serial, None).await;
        assert_error(result, ErrorKind::NoSuchEntity, "NoSuchEntity", None);
    }
    new_device(target, "serial").await;
    let before = snapshot(target).await;

    for serial in [
        "GAHT1234".to_owned(),
        format!("GAHT{}", "9".repeat(253)),
        "GAHT 12345".into(),
    ] {
        let result = client.delete_virtual_mfa_device(&serial).await;
        assert_invalid(result, "serialNumber");
    }
    assert_eq!(snapshot(target).await, before);
}

/// Authentication codes: exactly 6 digits, for enable and resync.
pub async fn authentication_code_bounds<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "coder").await;
    let device = new_device(target, "coded").await;
    let serial = device.serial_number.clone();
    let before = snapshot(target).await;

    let cases = [
        ("12345", "123456", "authenticationCode1"),
        ("123456", "1234567", "authenticationCode2"),
        ("12345a", "123456", "authenticationCode1"),
        ("123456", "", "authenticationCode2"),
    ];
    for (first, second, field) in cases {
        let result = client
            .enable_mfa_device(&user.user_name, &serial, first, second)
            .await;
        assert_invalid(result, field);
    }
    assert_eq!(snapshot(target).await, before);

    enable(target, &user.user_name, &device).await;
    let before = snapshot(target).await;
    for (first, second, field) in cases {
        let result = client
            .resync_mfa_device(&user.user_name, &serial, first, second)
            .await;
        assert_invalid(result, field);
    }
    assert_eq!(snapshot(target).await, before);
}

/// MaxItems: 1 to 1000, in every list.
pub async fn max_items_bounds<T: Target>(target: &T) {
    let client = target.client();
    let user = new_user(target, "sized").await;
    let device = new_device(target, "sized").await;
    for max_items in [1, 1000] {
        let page = PageRequest::first().max_items(max_items);
        client
            .list_virtual_mfa_devices(AssignmentStatus::Any, &page)
            .await
            .expect("list virtual");
        client
            .list_mfa_devices(Some(&user.user_name), &page)
            .await
            .expect("list MFA devices");
        client
            .list_mfa_device_tags(&device.serial_number, &page)
            .await
            .expect("list tags");
        client.list_users(None, &page).await.expect("list users");
    }
    for max_items in [0, 1001] {
        let page = PageRequest::first().max_items(max_items);
        let result = client
            .list_virtual_mfa_devices(AssignmentStatus::Any, &page)
            .await;
        assert_invalid(result, "maxItems");
        let result = client.list_mfa_devices(Some(&user.user_name), &page).await;
        assert_invalid(result, "maxItems");
        let result = client
            .list_mfa_device_tags(&device.serial_number, &page)
            .await;
        assert_invalid(result, "maxItems");
        assert_invalid(client.list_users(None, &page).await, "maxItems");
    }
}

/// Marker: 1 to 320 characters of U+0020 to U+00FF. A marker within the
/// rule that the backend never made is "Invalid Marker." instead.
pub async fn marker_bounds<T: Target>(target: &T) {
    let client = target.client();
    new_device(target, "marked").await;
    for marker in ["m".to_owned(), "m".repeat(320), "\u{ff} \u{20}".to_owned()] {
        let page = PageRequest::first().marker(marker);
        let result = client
            .list_virtual_mfa_devices(AssignmentStatus::Any, &page)
            .await;
        assert_error(
            result,
            ErrorKind::InvalidInput,
            "ValidationError",
            Some("Invalid Marker."),
        );
    }
    for marker in [String::new(), "m".repeat(321), "\u{100}".to_owned()] {
        let page = PageRequest::first().marker(marker);
        let result = client
            .list_virtual_mfa_devices(AssignmentStatus::Any, &page)
            .await;
        assert_invalid(result, "'marker'");
    }
}

/// Tag keys of 1 to 128 and values of 0 to 256 characters of IAM's tag
/// character set.
pub async fn tag_bounds<T: Target>(target: &T) {
    let client = target.client();
    let device = new_device(target, "tag-edges").await;
    let inside = [
        Tag::new("k".repeat(128), "v".repeat(256)),
        Tag::new("K", ""),
        Tag::new("Ünï côde_.:/=+-@ 9", "日本 ٣"),
    ];
    client
        .tag_mfa_device(&device.serial_number, &inside)
        .await
        .expect("tags at the edges");
    let before = snapshot(target).await;

    let outside = [
        (Tag::new("k".repeat(129), "v"), "tags.1.member.key"),
        (Tag::new("", "v"), "tags.1.member.key"),
        (Tag::new("k", "v".repeat(257)), "tags.1.member.value"),
        (Tag::new("k*", "v"), "tags.1.member.key"),
        (Tag::new("k", "a\tb"), "tags.1.member.value"),
    ];
    for (tag, field) in outside {
        let result = client.tag_mfa_device(&device.serial_number, &[tag]).await;
        assert_invalid(result, field);
    }
    let result = client
        .create_virtual_mfa_device(&unique("bad-tag"), None, &[Tag::new("", "v")])
        .await;
    assert_invalid(result, "tags.1.member.key");
    let twice = [Tag::new("k", "1"), Tag::new("k", "2")];
    let result = client.tag_mfa_device(&device.serial_number, &twice).await;
    assert_invalid(result, "tags");
    assert_eq!(snapshot(target).await, before);
}

/// At most 50 tags in one request.
pub async fn tag_count_bounds<T: Target>(target: &T) {
    let client = target.client();
    let fifty: Vec<Tag> = (0..50).map(|i| Tag::new(format!("k{i:02}"), "v")).collect();
    let device = client
        .create_virtual_mfa_device(&unique("fifty"), None, &fifty)
        .await
        .expect("50 tags at creation");
    let before = snapshot(target).await;

    let mut fifty_one = fifty.clone();
    fifty_one.push(Tag::new("k50", "v"));
    let result = client
        .create_virtual_mfa_device(&unique("fifty-one"), None, &fifty_one)
        .await;
    assert_invalid(result, "'tags'");
    let result = client
        .tag_mfa_device(&device.serial_number, &fifty_one)
        .await;
    assert_invalid(result, "'tags'");
    assert_eq!(snapshot(target).await, before);
}

/// UntagMFADevice: at most 50 keys of 1 to 128 characters.
pub async fn untag_key_bounds<T: Target>(target: &T) {
    let client = target.client();
    let device = new_device(target, "untag-edges").await;
    client
        .tag_mfa_device(&device.serial_number, &[Tag::new("keep", "v")])
        .await
        .expect("tag");
    let fifty: Vec<String> = (0..50).map(|i| format!("k{i:02}")).collect();
    client
        .untag_mfa_device(&device.serial_number, &fifty)
        .await
        .expect("50 keys");
    client
        .untag_mfa_device(&device.serial_number, &["k".repeat(128)])
        .await
        .expect("a key of 128 characters");
    let before = snapshot(target).await;

    let mut fifty_one = fifty.clone();
    fifty_one.push("keep".to_owned());
    let result = client
        .untag_mfa_device(&device.serial_number, &fifty_one)
        .await;
    assert_invalid(result, "tagKeys");
    for key in [String::new(), "k".repeat(129), "k*".to_owned()] {
        let result = client.untag_mfa_device(&device.serial_number, &[key]).await;
        assert_invalid(result, "tagKeys.1");
    }
    assert_eq!(snapshot(target).await, before);
}
