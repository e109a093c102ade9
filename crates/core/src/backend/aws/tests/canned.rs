//! An HTTP client for the SDK that answers from a list of canned responses
//! and records every request it was given, so that the mapping tests need
//! no network.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_runtime_api::shared::IntoShared;
use aws_smithy_types::body::SdkBody;

/// What the canned client does with one request.
#[derive(Debug, Clone)]
pub(super) enum Answer {
    /// An HTTP response of this status, content type and body.
    Http {
        status: u16,
        content_type: &'static str,
        body: String,
    },
    /// A connection failure, as an I/O error.
    IoError,
    /// A connect timeout.
    ConnectTimeout,
    /// No answer, ever.
    Never,
}

impl Answer {
    /// An XML answer of status 200.
    pub(super) fn ok(body: impl Into<String>) -> Answer {
        Answer::xml(200, body)
    }

    /// An XML answer.
    pub(super) fn xml(status: u16, body: impl Into<String>) -> Answer {
        Answer::Http {
            status,
            content_type: "text/xml",
            body: body.into(),
        }
    }
}

/// One request the client received: its URI, headers and form fields.
#[derive(Debug, Clone)]
pub(super) struct Recorded {
    pub uri: String,
    pub headers: BTreeMap<String, String>,
    pub form: BTreeMap<String, String>,
}

#[derive(Debug, Default)]
struct State {
    answers: VecDeque<Answer>,
    requests: Vec<Recorded>,
}

/// The canned client. Clones share their answers and records.
#[derive(Debug, Clone, Default)]
pub(super) struct Canned {
    state: Arc<Mutex<State>>,
}

impl Canned {
    /// A client that gives `answers` in order.
    pub(super) fn new(answers: impl IntoIterator<Item = Answer>) -> Canned {
        let canned = Canned::default();
        canned.state.lock().unwrap().answers.extend(answers);
        canned
    }

    /// Every request received so far.
    pub(super) fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    /// The form fields of the only request received.
    pub(super) fn only_form(&self) -> BTreeMap<String, String> {
        let requests = self.requests();
        assert_eq!(requests.len(), 1, "{requests:#?}");
        requests[0].form.clone()
    }
}

impl HttpConnector for Canned {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let body = request.body().bytes().unwrap_or_default();
        let recorded = Recorded {
            uri: request.uri().to_owned(),
            headers: request
                .headers()
                .iter()
                .map(|(name, value)| (name.to_ascii_lowercase(), value.to_owned()))
                .collect(),
            form: parse_form(&String::from_utf8_lossy(body)),
        };

        let mut state = self.state.lock().unwrap();
        state.requests.push(recorded);
        let answer = state
            .answers
            .pop_front()
            .expect("a canned answer for every request");
        match answer {
            Answer::Http {
                status,
                content_type,
                body,
            } => {
                let mut response =
                    HttpResponse::new(StatusCode::try_from(status).unwrap(), SdkBody::from(body));
                response.headers_mut().insert("content-type", content_type);
                HttpConnectorFuture::ready(Ok(response))
            }
            Answer::IoError => {
                HttpConnectorFuture::ready(Err(ConnectorError::io("connection refused".into())))
            }
            Answer::ConnectTimeout => {
                let timeout = ConnectorError::timeout("connect timed out".into());
                HttpConnectorFuture::ready(Err(timeout))
            }
            Answer::Never => HttpConnectorFuture::new(std::future::pending()),
        }
    }
}

impl HttpClient for Canned {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        self.clone().into_shared()
    }
}

/// The fields of an `application/x-www-form-urlencoded` body.
fn parse_form(body: &str) -> BTreeMap<String, String> {
    body.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' if index + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap();
                decoded.push(u8::from_str_radix(hex, 16).unwrap());
                index += 3;
            }
            b'+' => {
                decoded.push(b' ');
                index += 1;
            }
            byte => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap()
}

#[test]
fn forms_are_decoded() {
    let form = parse_form("Action=TagMFADevice&Tags.member.1.Value=a%2Fb+c&Empty=");
    assert_eq!(form["Action"], "TagMFADevice");
    assert_eq!(form["Tags.member.1.Value"], "a/b c");
    assert_eq!(form["Empty"], "");
}
