//! Tests of the emulator through its own methods: the rules that need the
//! store (existence, assignment, quotas, drift, paging), and sharing a
//! file between backends.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::*;
use crate::totp::{Key, STEP_SECONDS};

/// A time in the middle of a step, far from the epoch.
fn start() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_700_000_000 / STEP_SECONDS * STEP_SECONDS + 10)
}

fn options() -> LocalOptions {
    LocalOptions {
        clock: Clock::manual(start()),
        ..LocalOptions::default()
    }
}

fn backend() -> LocalBackend {
    LocalBackend::open(options()).unwrap()
}

/// The codes of steps `step - 1` and `step` of a seed.
fn codes_ending_at(seed: &Secret, step: u64) -> (String, String) {
    let key = Key::from_base32(seed.expose()).unwrap();
    (
        key.code_at_step(step - 1).as_str().to_owned(),
        key.code_at_step(step).as_str().to_owned(),
    )
}

fn now_step(local: &LocalBackend) -> u64 {
    totp::step_at(local.clock().now())
}

fn create(local: &LocalBackend, name: &str) -> VirtualMfaDevice {
    local.create_virtual_mfa_device(name, "/", &[]).unwrap()
}

fn enable(local: &LocalBackend, user: &str, device: &VirtualMfaDevice) -> Result<()> {
    let seed = device.base32_string_seed.as_ref().unwrap();
    let (c1, c2) = codes_ending_at(seed, now_step(local));
    local.enable_mfa_device(user, &device.serial_number, &c1, &c2)
}

fn assert_error(result: Result<impl std::fmt::Debug>, kind: ErrorKind, message: &str) {
    let error = result.unwrap_err();
    assert_eq!(error.kind(), kind, "{error}");
    assert_eq!(error.message(), message);
}

fn with_marker(marker: &str) -> PageRequest {
    PageRequest::first().marker(marker)
}

fn all_virtual(local: &LocalBackend, status: AssignmentStatus) -> Vec<VirtualMfaDevice> {
    local
        .list_virtual_mfa_devices(status, &PageRequest::first().max_items(1000))
        .unwrap()
        .items
}

#[test]
fn the_backend_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<LocalBackend>();
}

#[test]
fn a_virtual_device_goes_through_its_lifecycle() {
    let local = backend();
    let alice = local.create_user("alice", "/staff/").unwrap();
    assert_eq!(alice.arn, "arn:aws:iam::123456789012:user/staff/alice");
    let tags = [Tag::new("team", "ops")];
    let device = local
        .create_virtual_mfa_device("alice-phone", "/ops/", &tags)
        .unwrap();
    assert_eq!(
        device.serial_number,
        "arn:aws:iam::123456789012:mfa/ops/alice-phone"
    );
    assert_eq!(device.base32_string_seed.as_ref().unwrap().len(), 64);
    assert!(
        device
            .qr_code_png
            .as_ref()
            .unwrap()
            .png()
            .expose()
            .starts_with(b"\x89PNG")
    );
    assert_eq!(device.tags, tags);

    let listed = all_virtual(&local, AssignmentStatus::Any);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].serial_number, device.serial_number);
    assert!(listed[0].base32_string_seed.is_none() && listed[0].qr_code_png.is_none());
    assert!(listed[0].user.is_none() && listed[0].enable_date.is_none());
    assert!(listed[0].tags.is_empty());

    let unassigned = local.get_mfa_device(&device.serial_number, None).unwrap();
    assert_eq!(unassigned.user_name, None);
    assert_eq!(unassigned.enable_date, None);

    enable(&local, "alice", &device).unwrap();
    let assigned = all_virtual(&local, AssignmentStatus::Assigned);
    assert_eq!(assigned[0].user.as_ref(), Some(&alice));
    let whole_seconds = users::from_seconds(users::seconds(start()));
    assert_eq!(assigned[0].enable_date, Some(whole_seconds));
    assert!(all_virtual(&local, AssignmentStatus::Unassigned).is_empty());

    let detail = local
        .get_mfa_device(&device.serial_number, Some("alice"))
        .unwrap();
    assert_eq!(detail.user_name.as_deref(), Some("alice"));
    assert_eq!(detail.enable_date, Some(whole_seconds));
    assert!(detail.certifications.is_empty());
    let mine = local
        .list_mfa_devices(Some("alice"), &PageRequest::first())
        .unwrap();
    assert_eq!(mine.items[0].serial_number, device.serial_number);

    assert_error(
        local.delete_virtual_mfa_device(&device.serial_number),
        ErrorKind::DeleteConflict,
        "Cannot delete entity, must deactivate MFA device first.",
    );
    assert_error(
        local.delete_user("alice"),
        ErrorKind::DeleteConflict,
        "Cannot delete entity, must delete MFA device first.",
    );
    local
        .deactivate_mfa_device(&device.serial_number, Some("alice"))
        .unwrap();
    assert_eq!(all_virtual(&local, AssignmentStatus::Unassigned).len(), 1);
    local
        .delete_virtual_mfa_device(&device.serial_number)
        .unwrap();
    assert!(all_virtual(&local, AssignmentStatus::Any).is_empty());
    local.delete_user("alice").unwrap();
}

#[test]
fn an_imported_device_keeps_the_seed_it_was_given() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    let seed = Secret::from("JBSWY3DPEHPK3PXP".to_owned());
    let tags = [Tag::new("source", "import")];
    let serial = local
        .import_virtual_mfa_device("known", "/ci/", &seed, &tags)
        .unwrap();
    assert_eq!(serial, "arn:aws:iam::123456789012:mfa/ci/known");
    let listed = local
        .list_mfa_device_tags(&serial, &PageRequest::first())
        .unwrap();
    assert_eq!(listed.items, tags);
    let (c1, c2) = codes_ending_at(&seed, now_step(&local));
    local.enable_mfa_device("alice", &serial, &c1, &c2).unwrap();

    assert_error(
        local.import_virtual_mfa_device("KNOWN", "/", &seed, &[]),
        ErrorKind::EntityAlreadyExists,
        "MFA device already exists.",
    );
    let bad_seed = Secret::from("not base32!".to_owned());
    let error = local
        .import_virtual_mfa_device("other", "/", &bad_seed, &[])
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    let error = local
        .import_virtual_mfa_device("bad name", "/", &seed, &[])
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert_eq!(all_virtual(&local, AssignmentStatus::Any).len(), 1);
}

#[test]
fn names_are_unique_whatever_the_path_and_case() {
    let local = backend();
    create(&local, "phone");
    for (name, path) in [("phone", "/"), ("phone", "/other/"), ("PHONE", "/x/")] {
        assert_error(
            local.create_virtual_mfa_device(name, path, &[]),
            ErrorKind::EntityAlreadyExists,
            "MFA device already exists.",
        );
    }
    assert_eq!(all_virtual(&local, AssignmentStatus::Any).len(), 1);
}

#[test]
fn the_serial_number_made_must_fit_256_characters() {
    let local = backend();
    let fits = "n".repeat(256 - "arn:aws:iam::123456789012:mfa/".len());
    local.create_virtual_mfa_device(&fits, "/", &[]).unwrap();
    let error = local
        .create_virtual_mfa_device(&format!("{fits}x"), "/", &[])
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
}

#[test]
fn the_account_quota_counts_virtual_devices() {
    let local = LocalBackend::open(LocalOptions {
        max_virtual_mfa_devices: 2,
        ..options()
    })
    .unwrap();
    local
        .register_hardware_token("GAHT00000001", &Secret::from("JBSWY3DPEHPK3PXP".to_owned()))
        .unwrap();
    let first = create(&local, "one");
    create(&local, "two");
    assert_error(
        local.create_virtual_mfa_device("three", "/", &[]),
        ErrorKind::LimitExceeded,
        "Cannot exceed quota for VirtualMFADevicesPerAccount: 2",
    );
    local
        .delete_virtual_mfa_device(&first.serial_number)
        .unwrap();
    create(&local, "three");
}

#[test]
fn the_user_quota_counts_every_device_of_the_user() {
    let local = LocalBackend::open(LocalOptions {
        max_mfa_devices_per_user: 2,
        ..options()
    })
    .unwrap();
    local.create_user("bob", "/").unwrap();
    let seed = Secret::from("JBSWY3DPEHPK3PXP".to_owned());
    local
        .register_hardware_token("GAHT00000001", &seed)
        .unwrap();
    let (c1, c2) = codes_ending_at(&seed, now_step(&local));
    local
        .enable_mfa_device("bob", "GAHT00000001", &c1, &c2)
        .unwrap();
    enable(&local, "bob", &create(&local, "one")).unwrap();
    let third = create(&local, "two");
    assert_error(
        enable(&local, "bob", &third),
        ErrorKind::LimitExceeded,
        "Cannot exceed quota for MFADevicesPerUser: 2",
    );
    assert_eq!(all_virtual(&local, AssignmentStatus::Unassigned).len(), 1);
}

#[test]
fn enable_answers_as_iam_and_changes_nothing_on_error() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    local.create_user("bob", "/").unwrap();
    let device = create(&local, "phone");
    let serial = device.serial_number.clone();
    let seed = device.base32_string_seed.clone().unwrap();
    let (c1, c2) = codes_ending_at(&seed, now_step(&local));

    assert_error(
        local.enable_mfa_device("carol", &serial, &c1, &c2),
        ErrorKind::NoSuchEntity,
        "The user with name carol cannot be found.",
    );
    let unknown = "arn:aws:iam::123456789012:mfa/none";
    assert_error(
        local.enable_mfa_device("alice", unknown, &c1, &c2),
        ErrorKind::NoSuchEntity,
        &format!("MFA Device with serial number {unknown} does not exist."),
    );
    assert_error(
        local.enable_mfa_device("alice", &serial, &c2, &c1),
        ErrorKind::InvalidAuthenticationCode,
        "Authentication code for device is not valid.",
    );
    assert!(all_virtual(&local, AssignmentStatus::Assigned).is_empty());

    local.enable_mfa_device("ALICE", &serial, &c1, &c2).unwrap();
    for user in ["alice", "bob"] {
        assert_error(
            local.enable_mfa_device(user, &serial, &c1, &c2),
            ErrorKind::EntityAlreadyExists,
            "MFA Device is already in use.",
        );
    }
    let holder = local.get_mfa_device(&serial, None).unwrap();
    assert_eq!(holder.user_name.as_deref(), Some("alice"));
}

#[test]
fn enable_accepts_current_and_next_codes_but_not_older_ones() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    let device = create(&local, "phone");
    let seed = device.base32_string_seed.clone().unwrap();
    let step = now_step(&local);

    let (c1, c2) = codes_ending_at(&seed, step - 2);
    assert_error(
        local.enable_mfa_device("alice", &device.serial_number, &c1, &c2),
        ErrorKind::InvalidAuthenticationCode,
        "Authentication code for device is not valid.",
    );
    let (c1, c2) = codes_ending_at(&seed, step + 1);
    local
        .enable_mfa_device("alice", &device.serial_number, &c1, &c2)
        .unwrap();
}

#[test]
fn codes_made_just_before_a_step_boundary_pass_just_after_it() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    let device = create(&local, "phone");
    let seed = device.base32_string_seed.clone().unwrap();

    let seconds_left = totp::seconds_left(local.clock().now());
    local.clock().advance(Duration::from_secs(seconds_left - 1));
    let (c1, c2) = totp::enable_codes(seed.expose(), local.clock().now()).unwrap();
    local.clock().advance(Duration::from_secs(2));
    local
        .enable_mfa_device("alice", &device.serial_number, c1.as_str(), c2.as_str())
        .unwrap();
}

#[test]
fn resync_finds_and_remembers_the_drift() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    let device = create(&local, "phone");
    let serial = device.serial_number.clone();
    let seed = device.base32_string_seed.clone().unwrap();
    enable(&local, "alice", &device).unwrap();

    // The device's clock runs 8 steps (4 minutes) ahead.
    let ahead = now_step(&local) + 8;
    let (c1, c2) = codes_ending_at(&seed, ahead);
    local.resync_mfa_device("alice", &serial, &c1, &c2).unwrap();

    // 17 steps ahead is beyond the window around now, but within the
    // window around the remembered drift.
    let further = now_step(&local) + 17;
    let (c1, c2) = codes_ending_at(&seed, further);
    local.resync_mfa_device("alice", &serial, &c1, &c2).unwrap();

    // Enable applies the drift too.
    local.deactivate_mfa_device(&serial, Some("alice")).unwrap();
    let (c1, c2) = codes_ending_at(&seed, now_step(&local));
    assert_error(
        local.enable_mfa_device("alice", &serial, &c1, &c2),
        ErrorKind::InvalidAuthenticationCode,
        "Authentication code for device is not valid.",
    );
    let (c1, c2) = codes_ending_at(&seed, further);
    local.enable_mfa_device("alice", &serial, &c1, &c2).unwrap();
}

#[test]
fn resync_refuses_codes_outside_its_window_and_other_users() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    local.create_user("bob", "/").unwrap();
    let device = create(&local, "phone");
    let serial = device.serial_number.clone();
    let seed = device.base32_string_seed.clone().unwrap();

    let (c1, c2) = codes_ending_at(&seed, now_step(&local));
    assert_error(
        local.resync_mfa_device("alice", &serial, &c1, &c2),
        ErrorKind::NoSuchEntity,
        &format!(
            "MFA Device with serial number {serial} is not enabled for the user with name alice."
        ),
    );
    enable(&local, "alice", &device).unwrap();
    let error = local
        .resync_mfa_device("bob", &serial, &c1, &c2)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NoSuchEntity);

    let (c1, c2) = codes_ending_at(&seed, now_step(&local) + 11);
    assert_error(
        local.resync_mfa_device("alice", &serial, &c1, &c2),
        ErrorKind::InvalidAuthenticationCode,
        "Authentication code for device is not valid.",
    );
}

#[test]
fn deactivate_without_a_user_name_acts_as_the_calling_user() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    local.create_user("bob", "/").unwrap();
    let device = create(&local, "phone");
    enable(&local, "alice", &device).unwrap();

    assert_error(
        local.deactivate_mfa_device(&device.serial_number, None),
        ErrorKind::InvalidInput,
        users::NO_CALLING_USER,
    );
    assert_error(
        local.set_caller(Some("nobody")),
        ErrorKind::NoSuchEntity,
        "The user with name nobody cannot be found.",
    );
    local.set_caller(Some("BOB")).unwrap();
    assert_eq!(local.caller().as_deref(), Some("bob"));
    let error = local
        .deactivate_mfa_device(&device.serial_number, None)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NoSuchEntity);

    local.set_caller(Some("alice")).unwrap();
    assert_eq!(local.get_user(None).unwrap().user_name, "alice");
    let mine = local.list_mfa_devices(None, &PageRequest::first()).unwrap();
    assert_eq!(mine.items.len(), 1);
    local
        .deactivate_mfa_device(&device.serial_number, None)
        .unwrap();
    assert_eq!(all_virtual(&local, AssignmentStatus::Unassigned).len(), 1);

    local.set_caller(None).unwrap();
    assert_eq!(local.caller(), None);
}

#[test]
fn hardware_tokens_are_enabled_but_never_virtual() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    let seed = Secret::from("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".to_owned());
    local
        .register_hardware_token("GAHT12345678", &seed)
        .unwrap();
    assert_error(
        local.register_hardware_token("GAHT12345678", &seed),
        ErrorKind::EntityAlreadyExists,
        "MFA Device with serial number GAHT12345678 already exists.",
    );
    for bad in ["short", "arn:aws:iam::123456789012:mfa/token"] {
        let error = local.register_hardware_token(bad, &seed).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{bad}");
    }
    let too_long = "H".repeat(HARDWARE_SERIAL_NUMBER_MAX + 1);
    assert!(local.register_hardware_token(&too_long, &seed).is_err());
    let bad_seed = Secret::from("not base32!".to_owned());
    assert!(
        local
            .register_hardware_token("GAHT00000009", &bad_seed)
            .is_err()
    );

    let (c1, c2) = codes_ending_at(&seed, now_step(&local));
    local
        .enable_mfa_device("alice", "GAHT12345678", &c1, &c2)
        .unwrap();
    let listed = local
        .list_mfa_devices(Some("alice"), &PageRequest::first())
        .unwrap();
    assert_eq!(listed.items[0].serial_number, "GAHT12345678");
    assert!(all_virtual(&local, AssignmentStatus::Any).is_empty());

    let absent = "MFA Device with serial number GAHT12345678 does not exist.";
    let tags = [Tag::new("k", "v")];
    assert_error(
        local.tag_mfa_device("GAHT12345678", &tags),
        ErrorKind::NoSuchEntity,
        absent,
    );
    assert_error(
        local.untag_mfa_device("GAHT12345678", &["k".to_owned()]),
        ErrorKind::NoSuchEntity,
        absent,
    );
    assert_error(
        local.list_mfa_device_tags("GAHT12345678", &PageRequest::first()),
        ErrorKind::NoSuchEntity,
        absent,
    );
    assert_error(
        local.delete_virtual_mfa_device("GAHT12345678"),
        ErrorKind::NoSuchEntity,
        absent,
    );

    local
        .deactivate_mfa_device("GAHT12345678", Some("alice"))
        .unwrap();
    let detail = local.get_mfa_device("GAHT12345678", None).unwrap();
    assert_eq!(detail.user_name, None);
}

#[test]
fn tags_merge_overwrite_and_stop_at_fifty() {
    let local = backend();
    let serial = local
        .create_virtual_mfa_device("phone", "/", &[Tag::new("b", "1"), Tag::new("a", "2")])
        .unwrap()
        .serial_number;
    local
        .tag_mfa_device(&serial, &[Tag::new("b", "new"), Tag::new("c", "3")])
        .unwrap();
    let tags = local
        .list_mfa_device_tags(&serial, &PageRequest::first())
        .unwrap();
    assert_eq!(
        tags.items,
        [Tag::new("a", "2"), Tag::new("b", "new"), Tag::new("c", "3")]
    );
    local
        .untag_mfa_device(&serial, &["a".to_owned(), "absent".to_owned()])
        .unwrap();

    let many: Vec<Tag> = (0..48).map(|i| Tag::new(format!("k{i:02}"), "v")).collect();
    local.tag_mfa_device(&serial, &many).unwrap();
    let fifty_first = [Tag::new("z", "v")];
    assert_error(
        local.tag_mfa_device(&serial, &fifty_first),
        ErrorKind::LimitExceeded,
        "The number of tags has reached the maximum limit: a device may carry at most 50 tags.",
    );
    local
        .tag_mfa_device(&serial, &[Tag::new("b", "again")])
        .unwrap();

    let mut seen = Vec::new();
    let mut request = PageRequest::first().max_items(7);
    loop {
        let page = local.list_mfa_device_tags(&serial, &request).unwrap();
        assert!(page.items.len() <= 7);
        seen.extend(page.items.iter().map(|tag| tag.key.clone()));
        match page.next_request(Some(7)) {
            Some(next) => request = next,
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen.len(), 50);
    assert_eq!(seen, sorted);
}

#[test]
fn lists_page_in_serial_order_without_an_empty_last_page() {
    let local = backend();
    for index in (0..30).rev() {
        create(&local, &format!("device-{index:02}"));
    }
    let mut serials = Vec::new();
    let mut request = PageRequest::first().max_items(10);
    let mut pages = 0;
    loop {
        let page = local
            .list_virtual_mfa_devices(AssignmentStatus::Any, &request)
            .unwrap();
        pages += 1;
        assert_eq!(page.items.len(), 10);
        assert_eq!(page.is_truncated, page.marker.is_some());
        serials.extend(page.items.into_iter().map(|device| device.serial_number));
        match page.marker {
            Some(marker) => request = PageRequest::first().max_items(10).marker(marker),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let mut sorted = serials.clone();
    sorted.sort();
    assert_eq!(serials, sorted);
    assert_eq!(serials.len(), 30);

    let default_page = local
        .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
        .unwrap();
    assert_eq!(default_page.items.len(), 30);
    assert!(!default_page.is_truncated);
}

#[test]
fn a_bad_or_foreign_marker_is_invalid() {
    let local = backend();
    local.create_user("a", "/").unwrap();
    local.create_user("b", "/").unwrap();
    let users = local
        .list_users(None, &PageRequest::first().max_items(1))
        .unwrap();
    let marker = users.marker.unwrap();
    let next = local
        .list_users(None, &PageRequest::first().marker(marker.clone()))
        .unwrap();
    assert_eq!(next.items[0].user_name, "b");

    for bad in [marker.as_str(), "garbage", "QUJD"] {
        assert_error(
            local.list_virtual_mfa_devices(AssignmentStatus::Any, &with_marker(bad)),
            ErrorKind::InvalidInput,
            "Invalid Marker.",
        );
    }
}

#[test]
fn users_are_unique_whatever_the_case_and_listed_by_prefix() {
    let local = backend();
    let alice = local.create_user("Alice", "/staff/").unwrap();
    assert!(alice.user_id.starts_with("AIDA"));
    assert_error(
        local.create_user("alice", "/"),
        ErrorKind::EntityAlreadyExists,
        "User with name alice already exists.",
    );
    local.create_user("bob", "/").unwrap();
    assert_eq!(local.get_user(Some("ALICE")).unwrap(), alice);
    let staff = local
        .list_users(Some("/staff/"), &PageRequest::first())
        .unwrap();
    assert_eq!(staff.items, [alice]);
    assert_eq!(
        local
            .list_users(None, &PageRequest::first())
            .unwrap()
            .items
            .len(),
        2
    );
    assert_error(
        local.get_user(None),
        ErrorKind::InvalidInput,
        users::NO_CALLING_USER,
    );
    assert_error(
        local.delete_user("carol"),
        ErrorKind::NoSuchEntity,
        "The user with name carol cannot be found.",
    );
}

#[test]
fn get_with_a_user_name_requires_that_users_device() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    local.create_user("bob", "/").unwrap();
    let device = create(&local, "phone");
    let serial = &device.serial_number;
    assert_eq!(
        local
            .get_mfa_device(serial, Some("alice"))
            .unwrap_err()
            .kind(),
        ErrorKind::NoSuchEntity
    );
    enable(&local, "alice", &device).unwrap();
    assert_eq!(
        local
            .get_mfa_device(serial, Some("bob"))
            .unwrap_err()
            .kind(),
        ErrorKind::NoSuchEntity
    );
    assert_error(
        local.get_mfa_device(serial, Some("carol")),
        ErrorKind::NoSuchEntity,
        "The user with name carol cannot be found.",
    );
    assert_error(
        local.list_mfa_devices(Some("carol"), &PageRequest::first()),
        ErrorKind::NoSuchEntity,
        "The user with name carol cannot be found.",
    );
}

/// Each page query with the index it should walk.
fn page_queries() -> [(String, &'static str); 5] {
    [
        (
            devices::list_virtual_sql(AssignmentStatus::Any),
            "virtual_devices",
        ),
        (
            devices::list_virtual_sql(AssignmentStatus::Assigned),
            "virtual_assigned",
        ),
        (
            devices::list_virtual_sql(AssignmentStatus::Unassigned),
            "virtual_unassigned",
        ),
        (devices::LIST_FOR_USER_SQL.to_owned(), "devices_of_user"),
        (users::list_sql(), "sqlite_autoindex_users_1"),
    ]
}

#[test]
fn every_list_walks_an_index_from_its_marker() {
    let queries = page_queries();
    let local = backend();
    for (sql, index) in queries {
        let plan = local
            .store
            .read(|db| {
                let mut statement = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                let count = statement.parameter_count();
                let parameters = vec![rusqlite::types::Value::Null; count];
                let rows = statement.query_map(rusqlite::params_from_iter(parameters), |row| {
                    row.get::<_, String>(3)
                })?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("; "))
            })
            .unwrap();
        assert!(
            plan.contains(&format!("INDEX {index} (")),
            "{index}: {plan}"
        );
        assert!(
            plan.contains('>'),
            "{index} does not seek to the marker: {plan}"
        );
        assert!(!plan.contains("TEMP B-TREE"), "{index} sorts: {plan}");
    }
}

#[test]
fn page_queries_are_compiled_once_whatever_the_page_size() {
    let local = backend();
    local.create_user("alice", "/").unwrap();
    for max_items in 1..=3 {
        let page = PageRequest {
            marker: None,
            max_items: Some(max_items),
        };
        local.list_users(None, &page).unwrap();
        local.list_mfa_devices(Some("alice"), &page).unwrap();
        for status in [
            AssignmentStatus::Any,
            AssignmentStatus::Assigned,
            AssignmentStatus::Unassigned,
        ] {
            local.list_virtual_mfa_devices(status, &page).unwrap();
        }
    }

    for (sql, index) in page_queries() {
        let (runs, recompiled) = local
            .store
            .read(|db| {
                let statement = db.prepare_cached(&sql)?;
                Ok((
                    statement.get_status(rusqlite::StatementStatus::Run),
                    statement.get_status(rusqlite::StatementStatus::RePrepare),
                ))
            })
            .unwrap();
        assert_eq!(runs, 3, "{index}: the cached statement did not run");
        assert_eq!(recompiled, 0, "{index}: compiled again {recompiled} times");
    }
}

#[test]
fn two_backends_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = LocalOptions {
        path: Some(dir.path().join("iam.sqlite")),
        ..options()
    };
    let one = LocalBackend::open(file.clone()).unwrap();
    let two = LocalBackend::open(file.clone()).unwrap();
    assert_eq!(one.path(), Some(dir.path().join("iam.sqlite").as_path()));

    one.create_user("alice", "/").unwrap();
    let device = create(&one, "phone");
    assert_eq!(two.get_user(Some("alice")).unwrap().user_name, "alice");
    enable(&two, "alice", &device).unwrap();
    assert_eq!(all_virtual(&one, AssignmentStatus::Assigned).len(), 1);

    std::thread::scope(|scope| {
        for (index, local) in [&one, &two].into_iter().enumerate() {
            scope.spawn(move || {
                for n in 0..25 {
                    create(local, &format!("t{index}-{n}"));
                }
            });
        }
    });
    assert_eq!(all_virtual(&two, AssignmentStatus::Any).len(), 51);

    drop((one, two));
    let reopened = LocalBackend::open(file).unwrap();
    assert_eq!(all_virtual(&reopened, AssignmentStatus::Any).len(), 51);
}

#[test]
fn a_bad_account_id_is_refused() {
    for account_id in ["12345678901", "1234567890123", "12345678901x"] {
        let error = LocalBackend::open(LocalOptions {
            account_id: account_id.to_owned(),
            ..options()
        })
        .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{account_id}");
    }
}
