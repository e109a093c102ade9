//! Unit tests of the IAM backend: for every operation, the request fields
//! it sends and the model it builds from IAM's XML answers, and the error
//! each kind of failure becomes. A canned HTTP client stands in for IAM,
//! answering with bodies in the form the real service uses.

mod canned;
mod errors;
mod operations;

use std::time::Duration;

use aws_smithy_types::retry::RetryConfig;

use super::{AwsBackend, AwsOptions};
use canned::{Answer, Canned};

/// IAM's XML namespace.
const NAMESPACE: &str = "https://iam.amazonaws.com/doc/2010-05-08/";

/// The request id the canned answers carry.
const REQUEST_ID: &str = "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE";

/// The endpoint the tests point the backend at; nothing listens there.
const ENDPOINT: &str = "http://iam.canned.invalid";

/// A successful answer to `action` whose result element holds `result`.
fn answer(action: &str, result: &str) -> Answer {
    Answer::ok(format!(
        "<{action}Response xmlns=\"{NAMESPACE}\">\
         <{action}Result>{result}</{action}Result>\
         <ResponseMetadata><RequestId>{REQUEST_ID}</RequestId></ResponseMetadata>\
         </{action}Response>"
    ))
}

/// A successful answer to `action` that has no result element.
fn empty_answer(action: &str) -> Answer {
    Answer::ok(format!(
        "<{action}Response xmlns=\"{NAMESPACE}\">\
         <ResponseMetadata><RequestId>{REQUEST_ID}</RequestId></ResponseMetadata>\
         </{action}Response>"
    ))
}

/// IAM's error answer.
fn error_answer(status: u16, code: &str, message: &str) -> Answer {
    Answer::xml(
        status,
        format!(
            "<ErrorResponse xmlns=\"{NAMESPACE}\">\
             <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>\
             <RequestId>{REQUEST_ID}</RequestId>\
             </ErrorResponse>"
        ),
    )
}

/// Options as the tests use them: static keys, the canned endpoint, no
/// retries.
fn options() -> AwsOptions {
    AwsOptions::default()
        .endpoint_url(ENDPOINT)
        .static_credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG", None)
        .max_attempts(1)
}

/// A backend over a canned client that gives `answers` in order.
async fn backend(answers: impl IntoIterator<Item = Answer>) -> (AwsBackend, Canned) {
    backend_with(options(), answers).await
}

/// A backend of `options` over a canned client. Retries, when the options
/// allow them, back off by a millisecond only.
async fn backend_with(
    options: AwsOptions,
    answers: impl IntoIterator<Item = Answer>,
) -> (AwsBackend, Canned) {
    let canned = Canned::new(answers);
    let http_client = canned.clone();
    let max_attempts = options.max_attempts.unwrap_or(3);
    let backend = AwsBackend::connect_with(options, move |loader| {
        let retries = RetryConfig::standard()
            .with_max_attempts(max_attempts)
            .with_initial_backoff(Duration::from_millis(1))
            .with_max_backoff(Duration::from_millis(1));
        loader.http_client(http_client).retry_config(retries)
    })
    .await
    .expect("the backend connects");
    (backend, canned)
}
