//! Every error of the SDK as the library's [`Error`].
//!
//! An answer from the service keeps its AWS code, message and request id,
//! and its kind comes from [`ErrorKind::from_aws_code`]. Failures before an
//! answer arrives get their own kinds, with a message that says what to
//! do: [`ErrorKind::Credentials`] when no credentials could be loaded,
//! [`ErrorKind::Timeout`] when a timeout ran out, [`ErrorKind::Transport`]
//! when the endpoint could not be reached or its answer not read.

use std::error::Error as StdError;

use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_iam::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_iam::operation::RequestId;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;

use crate::error::{Error, ErrorKind};

/// Where credentials can come from, for every credentials error.
const CREDENTIALS_FIX: &str = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, choose a \
     profile with AWS_PROFILE or the profile option (see ~/.aws/credentials and ~/.aws/config), \
     run `aws sso login` for an SSO profile, or pass static credentials in AwsOptions";

/// The library's error for an SDK error of `operation`.
pub(super) fn from_sdk<E>(operation: &str, error: SdkError<E, HttpResponse>) -> Error
where
    E: ProvideErrorMetadata + RequestId + StdError + Send + Sync + 'static,
{
    let header_request_id = error.request_id().map(str::to_owned);
    let error = match error {
        SdkError::ServiceError(context) => {
            let status = context.raw().status().as_u16();
            let mut mapped = service_error(operation, status, context.err());
            if mapped.request_id().is_none() {
                let body = context.raw().body().bytes().unwrap_or_default();
                if let Some(request_id) = request_id_in_body(body) {
                    mapped = mapped.with_request_id(request_id);
                }
            }
            mapped.with_source(context.into_err())
        }
        SdkError::TimeoutError(_) => Error::new(
            ErrorKind::Timeout,
            format!(
                "{operation} took longer than the operation timeout; raise the timeout or check \
                 the network to the IAM endpoint"
            ),
        )
        .with_source(error),
        SdkError::DispatchFailure(ref failure) => {
            if let Some(credentials) = credentials_error(&error) {
                credentials.with_source(error)
            } else if failure.is_timeout() {
                Error::new(
                    ErrorKind::Timeout,
                    format!(
                        "{operation} could not connect to the IAM endpoint in time: {}; check \
                         the endpoint URL and the network, or raise the connect timeout",
                        causes(&error)
                    ),
                )
                .with_source(error)
            } else {
                Error::new(
                    ErrorKind::Transport,
                    format!(
                        "{operation} could not be sent to the IAM endpoint: {}; check the \
                         endpoint URL, proxy and network",
                        causes(&error)
                    ),
                )
                .with_source(error)
            }
        }
        SdkError::ResponseError(_) => Error::new(
            ErrorKind::Transport,
            format!(
                "the answer to {operation} could not be read: {}; the endpoint may not be IAM",
                causes(&error)
            ),
        )
        .with_source(error),
        _ => match credentials_error(&error) {
            Some(credentials) => credentials.with_source(error),
            None => Error::new(
                ErrorKind::InvalidInput,
                format!("{operation} could not be built: {}", causes(&error)),
            )
            .with_source(error),
        },
    };

    match (error.request_id(), header_request_id) {
        (None, Some(request_id)) => error.with_request_id(request_id),
        _ => error,
    }
}

/// The error of an answer from the service.
fn service_error<E>(operation: &str, status: u16, error: &E) -> Error
where
    E: ProvideErrorMetadata + RequestId,
{
    let message = error.message().unwrap_or_default();
    let mut mapped = match error.code() {
        Some(code) => {
            let kind = ErrorKind::from_aws_code(code);
            let message = match kind {
                ErrorKind::Throttling => format!(
                    "{message} ({operation} was still throttled after every retry; retry later \
                     or raise max_attempts)"
                ),
                ErrorKind::Credentials => format!(
                    "{message} (the credentials were rejected; check the access key, its \
                     secret and the clock, or refresh the session)"
                ),
                _ if message.is_empty() => format!("{operation} failed with {code}"),
                _ => message.to_owned(),
            };
            Error::new(kind, message).with_code(code)
        }
        None if status >= 500 => Error::new(
            ErrorKind::ServiceFailure,
            format!(
                "{operation} failed with HTTP {status} and no AWS error code; the service \
                 failed, or the endpoint does not implement {operation}"
            ),
        ),
        None => Error::new(
            ErrorKind::Unhandled,
            format!("{operation} failed with HTTP {status} and no AWS error code"),
        ),
    };

    if let Some(request_id) = error.request_id() {
        mapped = mapped.with_request_id(request_id);
    }
    mapped
}

/// An error and its sources, each shown once, joined by colons.
fn causes(error: &(dyn StdError + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(current) = cause {
        let shown = current.to_string();
        if !text.ends_with(&shown) {
            text.push_str(": ");
            text.push_str(&shown);
        }
        cause = current.source();
    }
    text
}

/// The `RequestId` element of an XML error body. IAM also sends the id in
/// the `x-amzn-RequestId` header, which the SDK reads; emulators often send
/// only the body.
fn request_id_in_body(body: &[u8]) -> Option<String> {
    let body = std::str::from_utf8(body).ok()?;
    let start = body.find("<RequestId>")? + "<RequestId>".len();
    let length = body[start..].find("</RequestId>")?;
    let request_id = body[start..start + length].trim();
    (!request_id.is_empty()).then(|| request_id.to_owned())
}

/// A [`ErrorKind::Credentials`] error when `error` comes from loading
/// credentials.
fn credentials_error(error: &(dyn StdError + 'static)) -> Option<Error> {
    let mut cause: Option<&(dyn StdError + 'static)> = Some(error);
    while let Some(current) = cause {
        if let Some(credentials) = current.downcast_ref::<CredentialsError>() {
            return Some(describe_credentials_error(credentials));
        }
        cause = current.source();
    }
    None
}

/// The message for each way loading credentials fails. Each names the
/// fix: the last source the chain tries is the EC2 metadata service, whose
/// failure is rarely the one to fix outside EC2.
fn describe_credentials_error(error: &CredentialsError) -> Error {
    let message = match error {
        CredentialsError::CredentialsNotLoaded(_) => {
            format!("no AWS credentials found: {CREDENTIALS_FIX}")
        }
        CredentialsError::ProviderTimedOut(_) => format!(
            "loading AWS credentials timed out ({}); outside EC2 and ECS set \
             AWS_EC2_METADATA_DISABLED=true and {CREDENTIALS_FIX}",
            causes(error)
        ),
        CredentialsError::InvalidConfiguration(_) => format!(
            "the AWS configuration is invalid: {}; fix ~/.aws/config or the AWS_* variables",
            causes(error)
        ),
        _ => format!(
            "could not load AWS credentials: {}; {CREDENTIALS_FIX}",
            causes(error)
        ),
    };
    Error::new(ErrorKind::Credentials, message)
}

#[cfg(test)]
mod tests {
    use super::request_id_in_body;

    #[test]
    fn request_ids_are_read_from_error_bodies() {
        let body = b"<ErrorResponse><Error><Code>X</Code></Error>\
            <RequestId> abc-123 </RequestId></ErrorResponse>";
        assert_eq!(request_id_in_body(body).as_deref(), Some("abc-123"));
        assert_eq!(request_id_in_body(b"<RequestId></RequestId>"), None);
        assert_eq!(request_id_in_body(b"<html>500</html>"), None);
    }
}
