//! The errors of the query protocol itself, before any action runs.
//!
//! Each is an [`iam_mfa::Error`] with the AWS code IAM answers with, so the
//! server renders them exactly as it renders the errors of the actions.

use iam_mfa::{Error, ErrorKind};

use crate::IAM_VERSION;

/// The action is not one the server knows, or the version is not IAM's.
/// IAM answers both with this code and message.
pub(crate) fn invalid_action(action: &str, version: Option<&str>) -> Error {
    let version = version.unwrap_or("NO_VERSION_SPECIFIED");
    Error::invalid_input(format!(
        "Could not find operation {action} for version {version}"
    ))
    .with_code("InvalidAction")
}

/// The request names no action at all.
pub(crate) fn missing_action() -> Error {
    Error::invalid_input("The request must contain the parameter Action").with_code("MissingAction")
}

/// A required parameter is absent. IAM reports it as a validation error
/// on the member, in the member's camelCase name.
pub(crate) fn missing_parameter(member: &str) -> Error {
    Error::validation(format!(
        "1 validation error detected: Value null at '{member}' failed to satisfy constraint: \
         Member must not be null"
    ))
}

/// A parameter value that is not of the member's type, such as a
/// `MaxItems` that is not a number.
pub(crate) fn not_a_number(member: &str, value: &str) -> Error {
    Error::validation(format!(
        "1 validation error detected: Value '{value}' at '{member}' failed to satisfy \
         constraint: Member must be a number"
    ))
}

/// The form body or query string cannot be decoded.
pub(crate) fn malformed(reason: impl std::fmt::Display) -> Error {
    Error::invalid_input(format!("The query string is malformed: {reason}"))
        .with_code("MalformedQueryString")
}

/// The body is larger than the server accepts.
pub(crate) fn body_too_large(limit: usize) -> Error {
    Error::invalid_input(format!(
        "The request body is larger than the limit of {limit} bytes"
    ))
    .with_code("RequestEntityTooLarge")
}

/// A method other than POST and GET.
pub(crate) fn method_not_allowed(method: &str) -> Error {
    Error::invalid_input(format!(
        "IAM's query protocol takes POST and GET requests, not {method}"
    ))
    .with_code("InvalidAction")
}

/// A request to the emulator's extensions when the clock is not manual
/// or the backend is not the emulator.
pub(crate) fn not_supported(what: &str) -> Error {
    Error::invalid_input(format!("{what} is not available on this server"))
        .with_code("InvalidAction")
}

/// The credentials errors of a SigV4 check, with IAM's codes.
pub(crate) fn credentials(code: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Credentials, message).with_code(code)
}

/// The HTTP status of an error: the status of its AWS code when the code
/// is one of the taxonomy's, else the status of its kind.
pub(crate) fn status_of(error: &Error) -> u16 {
    let by_kind = error.kind().aws_code_and_status().1;
    match error.code() {
        Some("RequestEntityTooLarge") => 413,
        Some(code) => match ErrorKind::from_aws_code(code) {
            ErrorKind::Unhandled => by_kind,
            kind => kind.aws_code_and_status().1,
        },
        None => by_kind,
    }
}

/// Whether the version parameter names IAM's API version.
pub(crate) fn is_iam_version(version: Option<&str>) -> bool {
    version == Some(IAM_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_errors_answer_with_iam_codes_and_statuses() {
        let error = invalid_action("Bogus", Some("2010-05-08"));
        assert_eq!(error.code(), Some("InvalidAction"));
        assert_eq!(
            error.message(),
            "Could not find operation Bogus for version 2010-05-08"
        );
        assert_eq!(status_of(&error), 400);

        let error = missing_parameter("userName");
        assert_eq!(error.code(), Some("ValidationError"));
        assert!(
            error.message().contains("'userName'"),
            "{}",
            error.message()
        );

        assert_eq!(status_of(&body_too_large(10)), 413);
        assert_eq!(status_of(&credentials("SignatureDoesNotMatch", "bad")), 403);
        assert_eq!(status_of(&credentials("InvalidClientTokenId", "bad")), 403);
        let failure = Error::new(ErrorKind::Storage, "disk full");
        assert_eq!(status_of(&failure), 500);
    }

    #[test]
    fn only_iam_s_version_is_accepted() {
        assert!(is_iam_version(Some("2010-05-08")));
        assert!(!is_iam_version(Some("2011-01-01")));
        assert!(!is_iam_version(None));
    }
}
