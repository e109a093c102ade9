//! The error every kind of failure becomes: IAM's error answers for each
//! operation, answers without a code, throttling after retries, transport
//! failures, timeouts and missing credentials.

use std::time::{Duration, Instant};

use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{ProvideCredentials, future};
use aws_sdk_iam::error::ProvideErrorMetadata;
use aws_sdk_iam::operation::get_mfa_device::GetMFADeviceError;

use super::canned::Answer;
use super::{REQUEST_ID, backend, backend_with, error_answer, options};
use crate::backend::aws::AwsBackend;
use crate::error::{Error, ErrorKind};
use crate::model::{AssignmentStatus, PageRequest, Tag};

const SERIAL: &str = "arn:aws:iam::123456789012:mfa/alice-phone";

/// Runs operation number `index` of the eleven against `backend`,
/// expecting it to fail.
async fn fail(backend: &AwsBackend, index: usize) -> Error {
    let page = PageRequest::first();
    let tags = [Tag::new("k", "v")];
    let result = match index {
        0 => backend
            .create_virtual_mfa_device("d", "/", &[])
            .await
            .map(drop),
        1 => {
            backend
                .enable_mfa_device("alice", SERIAL, "123456", "234567")
                .await
        }
        2 => backend.deactivate_mfa_device(SERIAL, Some("alice")).await,
        3 => backend.delete_virtual_mfa_device(SERIAL).await,
        4 => backend
            .list_mfa_devices(Some("alice"), &page)
            .await
            .map(drop),
        5 => backend
            .list_virtual_mfa_devices(AssignmentStatus::Any, &page)
            .await
            .map(drop),
        6 => backend.get_mfa_device(SERIAL, None).await.map(drop),
        7 => {
            backend
                .resync_mfa_device("alice", SERIAL, "123456", "234567")
                .await
        }
        8 => backend.tag_mfa_device(SERIAL, &tags).await,
        9 => backend.untag_mfa_device(SERIAL, &["k".to_owned()]).await,
        10 => backend.list_mfa_device_tags(SERIAL, &page).await.map(drop),
        11 => backend.create_user("alice", "/").await.map(drop),
        12 => backend.get_user(Some("alice")).await.map(drop),
        13 => backend.delete_user("alice").await,
        14 => backend.list_users(None, &page).await.map(drop),
        _ => unreachable!("there are fifteen operations"),
    };
    result.expect_err("the canned answer is an error")
}

/// Every IAM error code each operation documents, and the kind it maps to.
const DOCUMENTED: [(usize, &str, u16, ErrorKind); 22] = [
    (
        0,
        "EntityAlreadyExists",
        409,
        ErrorKind::EntityAlreadyExists,
    ),
    (0, "LimitExceeded", 409, ErrorKind::LimitExceeded),
    (0, "InvalidInput", 400, ErrorKind::InvalidInput),
    (
        0,
        "ConcurrentModification",
        409,
        ErrorKind::ConcurrentModification,
    ),
    (
        1,
        "InvalidAuthenticationCode",
        403,
        ErrorKind::InvalidAuthenticationCode,
    ),
    (
        1,
        "EntityTemporarilyUnmodifiable",
        409,
        ErrorKind::EntityTemporarilyUnmodifiable,
    ),
    (2, "NoSuchEntity", 404, ErrorKind::NoSuchEntity),
    (
        2,
        "ConcurrentModification",
        409,
        ErrorKind::ConcurrentModification,
    ),
    (3, "DeleteConflict", 409, ErrorKind::DeleteConflict),
    (
        3,
        "ConcurrentModification",
        409,
        ErrorKind::ConcurrentModification,
    ),
    (4, "NoSuchEntity", 404, ErrorKind::NoSuchEntity),
    (5, "ValidationError", 400, ErrorKind::InvalidInput),
    (6, "NoSuchEntity", 404, ErrorKind::NoSuchEntity),
    (
        7,
        "InvalidAuthenticationCode",
        403,
        ErrorKind::InvalidAuthenticationCode,
    ),
    (7, "ServiceFailure", 500, ErrorKind::ServiceFailure),
    (8, "LimitExceeded", 409, ErrorKind::LimitExceeded),
    (9, "NoSuchEntity", 404, ErrorKind::NoSuchEntity),
    (10, "InvalidInput", 400, ErrorKind::InvalidInput),
    (
        11,
        "EntityAlreadyExists",
        409,
        ErrorKind::EntityAlreadyExists,
    ),
    (12, "NoSuchEntity", 404, ErrorKind::NoSuchEntity),
    (13, "DeleteConflict", 409, ErrorKind::DeleteConflict),
    (14, "ServiceFailure", 500, ErrorKind::ServiceFailure),
];

#[tokio::test]
async fn every_operation_keeps_code_message_and_request_id() {
    for (index, code, status, kind) in DOCUMENTED {
        let message = format!("message of {code} for operation {index}");
        let (backend, canned) = backend([error_answer(status, code, &message)]).await;

        let error = fail(&backend, index).await;

        assert_eq!(error.kind(), kind, "{index} {code}: {error:?}");
        assert_eq!(error.code(), Some(code), "{index}: {error:?}");
        assert_eq!(error.message(), message, "{index}: {error:?}");
        assert_eq!(error.request_id(), Some(REQUEST_ID), "{index}: {error:?}");
        assert_eq!(canned.requests().len(), 1);
    }
}

#[tokio::test]
async fn every_operation_maps_the_design_table_rows() {
    let rows = [
        (0, "EntityAlreadyExists", 409, "MFA device already exists."),
        (
            1,
            "EntityAlreadyExists",
            409,
            "MFA Device is already in use.",
        ),
        (
            1,
            "NoSuchEntity",
            404,
            "The user with name alice cannot be found.",
        ),
        (
            3,
            "NoSuchEntity",
            404,
            "MFA Device with serial number X does not exist.",
        ),
        (5, "ValidationError", 400, "Invalid Marker."),
        (
            13,
            "DeleteConflict",
            409,
            "Cannot delete entity, must delete MFA device first.",
        ),
    ];
    for (index, code, status, message) in rows {
        let (backend, _) = backend([error_answer(status, code, message)]).await;
        let error = fail(&backend, index).await;
        assert_eq!(error.kind(), ErrorKind::from_aws_code(code));
        assert_eq!(
            error.to_string(),
            format!("{code}: {message} (request id {REQUEST_ID})")
        );
    }
}

#[tokio::test]
async fn the_sdk_error_stays_available_as_the_source() {
    let answer = error_answer(
        404,
        "NoSuchEntity",
        "MFA Device with serial number X does not exist.",
    );
    let (backend, _) = backend([answer]).await;

    let error = fail(&backend, 6).await;

    let source = std::error::Error::source(&error).expect("a source");
    let typed = source
        .downcast_ref::<GetMFADeviceError>()
        .expect("the SDK's GetMFADevice error");
    assert_eq!(typed.code(), Some("NoSuchEntity"));
}

#[tokio::test]
async fn unknown_codes_are_unhandled_and_keep_the_code() {
    let (backend, _) = backend([error_answer(400, "SomethingNew", "new")]).await;

    let error = fail(&backend, 4).await;

    assert_eq!(error.kind(), ErrorKind::Unhandled);
    assert_eq!(error.code(), Some("SomethingNew"));
}

#[tokio::test]
async fn rejected_credentials_say_what_to_check() {
    let answer = error_answer(
        403,
        "InvalidClientTokenId",
        "The security token is invalid.",
    );
    let (backend, _) = backend([answer]).await;

    let error = fail(&backend, 5).await;

    assert_eq!(error.kind(), ErrorKind::Credentials);
    assert_eq!(error.code(), Some("InvalidClientTokenId"));
    assert!(error.message().contains("check the access key"), "{error}");
}

#[tokio::test]
async fn an_html_server_error_is_a_service_failure_naming_the_operation() {
    let html = Answer::Http {
        status: 500,
        content_type: "text/html",
        body: "<!doctype html><title>500 Internal Server Error</title>".into(),
    };
    let (backend, canned) = backend([html]).await;

    let error = fail(&backend, 6).await;

    assert_eq!(error.kind(), ErrorKind::ServiceFailure, "{error:?}");
    assert!(error.message().contains("GetMFADevice"), "{error}");
    assert_eq!(canned.requests().len(), 1, "max_attempts 1 sends once");
}

#[tokio::test]
async fn throttling_after_every_retry_is_throttling() {
    let throttled = || error_answer(400, "Throttling", "Rate exceeded");
    let options = options().max_attempts(3);
    let (backend, canned) = backend_with(options, [throttled(), throttled(), throttled()]).await;

    let error = fail(&backend, 5).await;

    assert_eq!(error.kind(), ErrorKind::Throttling);
    assert_eq!(error.code(), Some("Throttling"));
    assert!(error.message().contains("after every retry"), "{error}");
    assert_eq!(canned.requests().len(), 3);
}

#[tokio::test]
async fn throttling_then_success_is_retried_transparently() {
    let answers = [
        error_answer(400, "Throttling", "Rate exceeded"),
        super::empty_answer("DeleteVirtualMFADevice"),
    ];
    let (backend, canned) = backend_with(options().max_attempts(2), answers).await;

    backend.delete_virtual_mfa_device(SERIAL).await.unwrap();

    assert_eq!(canned.requests().len(), 2);
}

#[tokio::test]
async fn an_unreachable_endpoint_is_a_transport_error() {
    let (backend, _) = backend([Answer::IoError]).await;

    let error = fail(&backend, 3).await;

    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
    assert!(
        error.message().contains("check the endpoint URL"),
        "{error}"
    );
    assert_eq!(error.code(), None);
}

#[tokio::test]
async fn a_connect_timeout_is_a_timeout() {
    let (backend, _) = backend([Answer::ConnectTimeout]).await;

    let error = fail(&backend, 3).await;

    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert!(error.message().contains("connect timeout"), "{error}");
}

#[tokio::test]
async fn the_operation_timeout_ends_a_call_that_never_answers() {
    let options = options().operation_timeout(Duration::from_millis(200));
    let (backend, _) = backend_with(options, [Answer::Never]).await;
    let started = Instant::now();

    let error = fail(&backend, 1).await;

    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert!(error.message().contains("operation timeout"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// A credentials provider that has nothing to give, as the default chain
/// has when nothing is configured.
#[derive(Debug)]
struct NoCredentials;

impl ProvideCredentials for NoCredentials {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::ready(Err(CredentialsError::not_loaded("nothing configured")))
    }
}

#[tokio::test]
async fn missing_credentials_name_the_fix_and_send_nothing() {
    let canned = super::canned::Canned::new([]);
    let http_client = canned.clone();
    let options = crate::backend::aws::AwsOptions::default()
        .endpoint_url(super::ENDPOINT)
        .max_attempts(1);
    let backend = AwsBackend::connect_with(options, move |loader| {
        loader
            .http_client(http_client)
            .credentials_provider(NoCredentials)
    })
    .await
    .unwrap();

    let error = fail(&backend, 5).await;

    assert_eq!(error.kind(), ErrorKind::Credentials, "{error:?}");
    assert!(error.message().contains("AWS_ACCESS_KEY_ID"), "{error}");
    assert!(error.message().contains("AWS_PROFILE"), "{error}");
    assert!(canned.requests().is_empty());
}
