//! One HTTP request, from bytes to IAM's answer.
//!
//! The steps: refuse methods other than POST and GET, read the body up to
//! the limit, decode the parameters, check the signature when the server
//! has credentials, check `Action` and `Version`, run the action, and
//! write the XML answer or error. Each request is logged once at info
//! level with the action, the status and the time taken; parameters,
//! seeds and codes never are.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use http::request::Parts;
use http::{HeaderValue, Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use iam_mfa::{Client, Error};

use crate::actions::{self, Answer};
use crate::params::Params;
use crate::{ServerOptions, errors, sigv4, xml};

/// What every request handler shares.
pub(crate) struct State {
    client: Client,
    options: ServerOptions,
}

impl State {
    pub(crate) fn new(client: Client, options: ServerOptions) -> State {
        State { client, options }
    }
}

/// Answers one request. Never fails: every problem becomes an IAM error
/// document.
pub(crate) async fn handle(
    state: Arc<State>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let started = Instant::now();
    let request_id = request_id();

    let mut action = None;
    let result = answer(&state, request, &mut action).await;
    let (status, code, body) = match result {
        Ok(answer) => (
            200,
            None,
            xml::response(action.unwrap_or("Unknown"), &request_id, answer),
        ),
        Err(error) => {
            let status = errors::status_of(&error);
            let code = error.code().map(str::to_owned);
            (status, code, xml::error(&error, status, &request_id))
        }
    };

    tracing::info!(
        action = action.unwrap_or("-"),
        status,
        code = code.as_deref(),
        micros = started.elapsed().as_micros() as u64,
        request_id = %request_id,
        "request"
    );

    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/xml"));
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        headers.insert("x-amzn-requestid", value);
    }
    Ok(response)
}

/// The answer to a request. `action` is set to the known action's name
/// (for the log and the envelope) as soon as it is known.
async fn answer(
    state: &State,
    request: Request<Incoming>,
    action: &mut Option<&'static str>,
) -> Result<Answer, Error> {
    let (parts, body) = request.into_parts();
    if parts.method != Method::POST && parts.method != Method::GET {
        return Err(errors::method_not_allowed(parts.method.as_str()));
    }

    let body = read_body(&parts, body, state.options.max_body_bytes).await?;
    let params = Params::parse(parts.uri.query(), &body)?;
    let known = params.get("Action").and_then(actions::known);
    *action = known;

    if let Some(credentials) = &state.options.credentials {
        sigv4::verify(credentials, &parts, &body)?;
    }

    let requested = params.get("Action").ok_or_else(errors::missing_action)?;
    let version = params.get("Version");
    let Some(known) = known.filter(|_| errors::is_iam_version(version)) else {
        *action = None;
        return Err(errors::invalid_action(requested, version));
    };
    actions::run(&state.client, known, &params).await
}

/// The whole body, refused when it is (or says it is) over `limit` bytes.
async fn read_body(parts: &Parts, body: Incoming, limit: usize) -> Result<Bytes, Error> {
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(errors::body_too_large(limit));
    }

    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.is::<http_body_util::LengthLimitError>() => {
            Err(errors::body_too_large(limit))
        }
        Err(error) => Err(errors::malformed(format!(
            "the body could not be read: {error}"
        ))),
    }
}

/// A fresh request id in IAM's form, a version 4 UUID.
fn request_id() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        bytes = nanos.to_le_bytes();
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}
