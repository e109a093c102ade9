//! The rows of the table of what IAM answers: code, status and message.
//!
//! Each check provokes one row and asserts the error's kind, its AWS code,
//! the HTTP status the kind maps to and the exact message IAM gives.

use iam_mfa::{AssignmentStatus, Error, ErrorKind, PageRequest, Result};

use super::{Target, assert_error, enable, new_device, new_user, serial_of, snapshot, unique};

/// Asserts one row of the table.
#[track_caller]
fn assert_row<T: std::fmt::Debug>(
    result: Result<T>,
    kind: ErrorKind,
    code: &str,
    status: u16,
    message: &str,
) -> Error {
    let error = assert_error(result, kind, code, Some(message));
    assert_eq!(error.kind().aws_code_and_status().1, status, "HTTP status");
    error
}

/// create, name taken: EntityAlreadyExists, 409.
pub async fn row_create_name_taken<T: Target>(target: &T) {
    let name = unique("row-taken");
    let client = target.client();
    client
        .create_virtual_mfa_device(&name, None, &[])
        .await
        .expect("create");

    let result = client.create_virtual_mfa_device(&name, None, &[]).await;
    assert_row(
        result,
        ErrorKind::EntityAlreadyExists,
        "EntityAlreadyExists",
        409,
        "MFA device already exists.",
    );
}

/// enable, device assigned to anyone: EntityAlreadyExists, 409.
pub async fn row_enable_device_assigned<T: Target>(target: &T) {
    let owner = new_user(target, "row-owner").await;
    let other = new_user(target, "row-other").await;
    let device = new_device(target, "row-used").await;
    enable(target, &owner.user_name, &device).await;

    let key = super::key_of(&device);
    let result =
        super::enable_with_key(target, &other.user_name, &device.serial_number, &key).await;
    assert_row(
        result,
        ErrorKind::EntityAlreadyExists,
        "EntityAlreadyExists",
        409,
        "MFA Device is already in use.",
    );
}

/// unknown user: NoSuchEntity, 404, naming the user.
pub async fn row_unknown_user<T: Target>(target: &T) {
    let name = unique("row-nobody");
    let result = target.client().get_user(Some(&name)).await;
    assert_row(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        404,
        &format!("The user with name {name} cannot be found."),
    );
}

/// unknown device: NoSuchEntity, 404, naming the serial number.
pub async fn row_unknown_device<T: Target>(target: &T) {
    let serial = serial_of(target, "/", &unique("row-ghost"));
    let result = target.client().delete_virtual_mfa_device(&serial).await;
    assert_row(
        result,
        ErrorKind::NoSuchEntity,
        "NoSuchEntity",
        404,
        &format!("MFA Device with serial number {serial} does not exist."),
    );
}

/// bad path: ValidationError, 400; nothing is created.
pub async fn row_bad_path<T: Target>(target: &T) {
    let before = snapshot(target).await;
    let message = "The specified value for path is invalid. It must begin and end with / and \
                   contain only alphanumeric characters and/or / characters.";
    for path in ["/ops", "ops/", "//", "/a b/"] {
        let result = target
            .client()
            .create_virtual_mfa_device(&unique("row-path"), Some(path), &[])
            .await;
        assert_row(
            result,
            ErrorKind::InvalidInput,
            "ValidationError",
            400,
            message,
        );
    }
    assert_eq!(snapshot(target).await, before);
}

/// a field over its length: ValidationError, 400, naming the field and
/// the bound.
pub async fn row_field_over_its_length<T: Target>(target: &T) {
    let client = target.client();
    let before = snapshot(target).await;

    let path = format!("/{}/", "p".repeat(511));
    let result = client
        .create_virtual_mfa_device(&unique("row-long"), Some(&path), &[])
        .await;
    assert_row(
        result,
        ErrorKind::InvalidInput,
        "ValidationError",
        400,
        "1 validation error detected: Value at 'path' failed to satisfy constraint: Member \
         must have length less than or equal to 512",
    );

    let result = client.create_user(&"u".repeat(65), None).await;
    assert_row(
        result,
        ErrorKind::InvalidInput,
        "ValidationError",
        400,
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: \
         Member must have length less than or equal to 64",
    );
    assert_eq!(snapshot(target).await, before);
}

/// bad marker: ValidationError, 400, `Invalid Marker.`
pub async fn row_bad_marker<T: Target>(target: &T) {
    new_device(target, "row-marked").await;
    let result = target
        .client()
        .list_virtual_mfa_devices(
            AssignmentStatus::Any,
            &PageRequest::first().marker("no such marker"),
        )
        .await;
    assert_row(
        result,
        ErrorKind::InvalidInput,
        "ValidationError",
        400,
        "Invalid Marker.",
    );
}

/// delete user holding MFA: DeleteConflict, 409.
pub async fn row_delete_user_holding_mfa<T: Target>(target: &T) {
    let user = new_user(target, "row-holder").await;
    let device = new_device(target, "row-held").await;
    enable(target, &user.user_name, &device).await;

    let result = target.client().delete_user(&user.user_name).await;
    assert_row(
        result,
        ErrorKind::DeleteConflict,
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete MFA device first.",
    );
}
