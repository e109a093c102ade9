//! The conformance suite against moto in server mode, through the `aws`
//! backend: the same checks as for the emulator, sent over HTTP with
//! `aws-sdk-iam` to a `moto_server` on a free port of 127.0.0.1.
//!
//! One server serves the whole test binary. Checks take turns on it (a
//! lock held for the life of each target) and each starts on a reset,
//! empty server. SDK retries are off: moto answers the operations it lacks
//! with an HTML 500, which the SDK would otherwise retry.
//!
//! moto implements CreateVirtualMFADevice, EnableMFADevice,
//! DeactivateMFADevice, DeleteVirtualMFADevice, ListVirtualMFADevices and
//! ListMFADevices (and the user operations). Where it is not faithful to
//! IAM, the check is named in [`Moto::divergence`] with the reason, and
//! still runs: its failure is reported as that divergence, and a check
//! that starts passing is reported too.

#![cfg(feature = "aws")]

mod conformance;
#[path = "support/moto.rs"]
mod moto;

use std::sync::OnceLock;
use std::time::SystemTime;

use conformance::Target;
use iam_mfa::{AssignmentStatus, AwsOptions, Client, PageRequest};
use tokio::sync::{Mutex, MutexGuard};

/// The server of this test binary, started by the first check.
static SERVER: OnceLock<Result<moto::Moto, String>> = OnceLock::new();

/// Held by the check that is using the server.
static TURN: Mutex<()> = Mutex::const_new(());

/// moto, reset, behind a client of the `aws` backend.
struct Moto {
    client: Client,
    _turn: MutexGuard<'static, ()>,
}

impl Target for Moto {
    fn client(&self) -> &Client {
        &self.client
    }

    fn name(&self) -> &str {
        "moto"
    }

    fn account_id(&self) -> &str {
        moto::ACCOUNT_ID
    }

    fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn divergence(&self, check: &str) -> Option<&'static str> {
        divergence(check)
    }
}

/// Why moto is known to fail a check, by the check's name. Each reason is
/// the first difference from IAM that the check meets; read against moto
/// 5.2 (`moto/iam/models.py` and `responses.py`).
fn divergence(check: &str) -> Option<&'static str> {
    const NO_LIST_TAGS: &str = "moto lacks ListMFADeviceTags (it answers HTML 500), which the \
         check needs to see that nothing changed";
    const NO_TAGGING: &str = "moto lacks TagMFADevice, UntagMFADevice and ListMFADeviceTags \
         (it answers HTML 500)";
    const NO_GET: &str = "moto lacks GetMFADevice (it answers HTML 500)";
    const NO_RESYNC: &str = "moto lacks ResyncMFADevice (it answers HTML 500)";
    const ENABLE_UNCHECKED: &str = "moto's EnableMFADevice checks neither the codes, nor that \
         the device exists, nor whether it is already in use";
    const CREATION_ORDER: &str = "moto lists in creation order, not by serial number (it \
         discards the result of its sort)";
    const BAD_MARKER: &str = "moto fails with HTML 500 on a marker it did not make, instead \
         of ValidationError 'Invalid Marker.'";
    const MESSAGE: &str = "moto's error message differs from IAM's ('VirtualMFADevice with \
         serial number X doesn't exist.', 'MFADevice entity at the same path and name already \
         exists.')";
    const PATHS: &str = "moto refuses paths IAM accepts, such as /test//double/ and paths of \
         punctuation";

    let reason = match check {
        "create_name_is_unique_whatever_the_path"
        | "delete_assigned_device_conflicts"
        | "deactivate_for_other_user_is_no_such_entity"
        | "deactivate_unknown_user_is_no_such_entity"
        | "enable_device_in_use_is_entity_already_exists"
        | "enable_ninth_device_is_limit_exceeded"
        | "enable_unknown_user_is_no_such_entity"
        | "enable_wrong_codes_change_nothing"
        | "resync_device_of_other_user_is_no_such_entity"
        | "resync_wrong_codes_change_nothing"
        | "reserved_aws_prefix_is_refused"
        | "delete_user_holding_mfa_conflicts"
        | "authentication_code_bounds"
        | "device_name_bounds"
        | "max_items_bounds"
        | "tag_count_bounds" => NO_LIST_TAGS,
        "page_exact_multiple_has_no_empty_page"
        | "paginators_collect_every_item"
        | "fifty_tags_then_one_more_is_limit_exceeded"
        | "tag_keys_are_case_sensitive"
        | "tag_operations_on_unknown_device_are_no_such_entity"
        | "tag_overwrites_value_of_existing_key"
        | "tags_list_sorted_by_key"
        | "tags_page_by_page"
        | "untag_removes_keys_and_ignores_missing_ones"
        | "tag_bounds"
        | "untag_key_bounds" => NO_TAGGING,
        "delete_unassigned_device_frees_its_name"
        | "get_assigned_device_names_its_user"
        | "get_unassigned_device_has_no_user"
        | "get_unknown_device_is_no_such_entity"
        | "serial_made_of_path_and_name_bounds"
        | "serial_number_bounds" => NO_GET,
        "resync_unknown_user_is_no_such_entity" => NO_RESYNC,
        "enable_unknown_device_is_no_such_entity"
        | "row_enable_device_assigned"
        | "unregistered_hardware_serial_is_no_such_entity" => ENABLE_UNCHECKED,
        "list_mfa_devices_of_user_in_serial_order"
        | "list_virtual_filters_by_assignment_status"
        | "default_page_size_is_one_hundred"
        | "markers_visit_every_item_once_in_order"
        | "paginator_next_yields_items_then_none" => CREATION_ORDER,
        "row_bad_marker"
        | "bad_marker_is_validation_error_everywhere"
        | "paginator_stops_after_an_error"
        | "marker_bounds" => BAD_MARKER,
        "delete_unknown_device_is_no_such_entity"
        | "row_unknown_device"
        | "row_create_name_taken" => MESSAGE,
        "create_with_path_puts_path_in_serial" | "path_bounds" => PATHS,
        "create_returns_serial_seed_and_qr" => {
            "moto's QRCodePNG is 64 random bytes, not a PNG of the otpauth URI"
        }
        "create_with_tags_keeps_them" => "moto ignores Tags on CreateVirtualMFADevice",
        "enable_assigns_device_to_user" => {
            "moto stores EnableDate twice, microseconds apart, so ListMFADevices and \
             ListVirtualMFADevices disagree (IAM reports whole seconds)"
        }
        "row_delete_user_holding_mfa" => {
            "moto deletes a user who still holds an MFA device instead of DeleteConflict"
        }
        "list_virtual_never_returns_secrets_or_tags" => {
            "moto returns the seed and QR code in ListVirtualMFADevices"
        }
        "page_of_one_item_at_a_time" => "moto sets IsTruncated on a last page that is full",
        "user_names_are_unique_case_insensitively" => "moto treats user names as case-sensitive",
        _ => return None,
    };
    Some(reason)
}

/// Waits for the server, resets it and connects a client to it.
async fn make() -> Moto {
    let turn = TURN.lock().await;
    let server = SERVER
        .get_or_init(moto::Moto::start)
        .as_ref()
        .unwrap_or_else(|error| panic!("{error}"));
    server.reset();

    let options = AwsOptions::default()
        .endpoint_url(server.url())
        .region("us-east-1")
        .static_credentials("testing", "testing", None)
        .max_attempts(1);
    let client = Client::aws(options).await.expect("a client of moto");
    Moto {
        client,
        _turn: turn,
    }
}

conformance::conformance_suite!(make);

/// The six operations moto has, in one lifecycle, checked where moto is
/// faithful: so that each of them is seen to work through the `aws`
/// backend even where a suite check meets one of moto's divergences first.
#[tokio::test]
async fn the_six_operations_moto_has_work_through_the_aws_backend() {
    let target = make().await;
    let client = target.client();
    let user = conformance::new_user(&target, "six").await;

    let device = client
        .create_virtual_mfa_device("six-phone", Some("/team/"), &[])
        .await
        .expect("create");
    let serial = format!("arn:aws:iam::{}:mfa/team/six-phone", moto::ACCOUNT_ID);
    assert_eq!(device.serial_number, serial);
    let seed = conformance::seed_of(&device);
    assert_eq!(seed.len(), 64);
    assert!(
        seed.expose()
            .iter()
            .all(|byte| b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains(byte))
    );
    assert!(
        device
            .qr_code_png
            .as_ref()
            .is_some_and(|qr| !qr.png().is_empty())
    );

    conformance::enable(&target, &user.user_name, &device).await;
    let listed = client
        .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
        .await
        .expect("list MFA devices");
    assert_eq!(listed.items.len(), 1);
    assert_eq!(listed.items[0].serial_number, serial);
    assert_eq!(listed.items[0].user_name, user.user_name);
    let assigned = client
        .list_virtual_mfa_devices(AssignmentStatus::Assigned, &PageRequest::first())
        .await
        .expect("list assigned virtual MFA devices");
    assert_eq!(assigned.items.len(), 1);
    let holder = assigned.items[0]
        .user
        .as_ref()
        .expect("an assigned device has a user");
    assert_eq!(holder.user_name, user.user_name);

    client
        .deactivate_mfa_device(&serial, Some(&user.user_name))
        .await
        .expect("deactivate");
    let unassigned = client
        .list_virtual_mfa_devices(AssignmentStatus::Unassigned, &PageRequest::first())
        .await
        .expect("list unassigned virtual MFA devices");
    assert_eq!(unassigned.items.len(), 1);
    assert!(unassigned.items[0].user.is_none());

    client
        .delete_virtual_mfa_device(&serial)
        .await
        .expect("delete");
    let remaining = client
        .list_virtual_mfa_devices(AssignmentStatus::Any, &PageRequest::first())
        .await
        .expect("list virtual MFA devices");
    assert!(remaining.items.is_empty(), "{:?}", remaining.items);
    let error = client.delete_virtual_mfa_device(&serial).await.unwrap_err();
    assert_eq!(error.kind(), iam_mfa::ErrorKind::NoSuchEntity, "{error}");
    assert!(error.request_id().is_some(), "{error:?}");
}
