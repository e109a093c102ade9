//! Checking the SigV4 signature of a request, when the server is given
//! credentials.
//!
//! The check signs the request again with `aws-sigv4`, over exactly the
//! headers the client says it signed, at the time and in the region and
//! service of its `Credential` scope, and compares the two signatures.
//! Only signatures in the `Authorization` header are understood; presigned
//! URLs (signature in the query string) are refused as unsigned. The
//! request time is not compared with the server's clock, so a replayed
//! request is accepted.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_credential_types::Credentials as AwsCredentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use http::HeaderMap;
use http::request::Parts;
use iam_mfa::{Error, Result, Secret};

use crate::errors;

/// The one access key the server accepts when it checks signatures.
#[derive(Clone)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: Secret,
}

impl Credentials {
    /// An access key id and its secret.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: Secret) -> Credentials {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key,
        }
    }

    /// Parses `ACCESS_KEY_ID:SECRET_ACCESS_KEY`.
    ///
    /// # Errors
    ///
    /// A message naming what is missing when there is no colon or either
    /// side is empty.
    pub fn parse(text: &str) -> std::result::Result<Credentials, String> {
        match text.split_once(':') {
            Some((key, secret)) if !key.is_empty() && !secret.is_empty() => {
                Ok(Credentials::new(key, Secret::from(secret.to_owned())))
            }
            _ => Err("credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, both non-empty".into()),
        }
    }

    /// The access key id.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &self.secret_access_key)
            .finish()
    }
}

/// What an `Authorization: AWS4-HMAC-SHA256 ...` header says.
struct Authorization<'a> {
    access_key_id: &'a str,
    region: &'a str,
    service: &'a str,
    signed_headers: Vec<&'a str>,
    signature: &'a str,
}

/// Checks the signature of a request against `credentials`.
///
/// # Errors
///
/// `MissingAuthenticationToken` for an unsigned request,
/// `IncompleteSignature` for a malformed `Authorization` header,
/// `InvalidClientTokenId` for another access key, and
/// `SignatureDoesNotMatch` for a wrong signature; all are HTTP 403.
pub(crate) fn verify(credentials: &Credentials, parts: &Parts, body: &[u8]) -> Result<()> {
    let Some(header) = parts.headers.get(http::header::AUTHORIZATION) else {
        return Err(errors::credentials(
            "MissingAuthenticationToken",
            "Request is missing Authentication Token",
        ));
    };
    let authorization = header
        .to_str()
        .ok()
        .and_then(parse_authorization)
        .ok_or_else(|| {
            errors::credentials(
                "IncompleteSignature",
                "The Authorization header is not a complete AWS4-HMAC-SHA256 signature",
            )
        })?;

    if authorization.access_key_id != credentials.access_key_id {
        return Err(errors::credentials(
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
        ));
    }

    let time = parts
        .headers
        .get("x-amz-date")
        .and_then(|value| value.to_str().ok())
        .and_then(parse_amz_date)
        .ok_or_else(|| {
            errors::credentials(
                "IncompleteSignature",
                "The request must carry an X-Amz-Date header of the form 20240101T120000Z",
            )
        })?;

    let expected = signature(credentials, parts, body, &authorization, time)?;
    if expected != authorization.signature {
        return Err(errors::credentials(
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. \
             Check your AWS Secret Access Key and signing method.",
        ));
    }
    Ok(())
}

/// Signs the request again as the client says it signed it.
fn signature(
    credentials: &Credentials,
    parts: &Parts,
    body: &[u8],
    authorization: &Authorization<'_>,
    time: SystemTime,
) -> Result<String> {
    let session_token = header_str(&parts.headers, "x-amz-security-token").map(str::to_owned);
    let identity: Identity = AwsCredentials::new(
        credentials.access_key_id.clone(),
        credentials
            .secret_access_key
            .expose_str()
            .unwrap_or_default()
            .to_owned(),
        session_token,
        None,
        "iam-mfa-server",
    )
    .into();

    let mut settings = SigningSettings::default();
    settings.excluded_headers = None;
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(authorization.region)
        .name(authorization.service)
        .time(time)
        .settings(settings)
        .build()
        .map_err(|error| Error::validation(format!("cannot check the signature: {error}")))?;
    let params = params.into();

    let host = header_str(&parts.headers, "host").unwrap_or("localhost");
    let path = parts
        .uri
        .path_and_query()
        .map(|path| path.as_str())
        .unwrap_or("/");
    let uri = format!("http://{host}{path}");
    let headers = authorization
        .signed_headers
        .iter()
        .filter(|name| !matches!(**name, "x-amz-date" | "x-amz-security-token"))
        .filter_map(|name| header_str(&parts.headers, name).map(|value| (*name, value)));

    let unsigned = |error: &dyn fmt::Display| {
        errors::credentials(
            "SignatureDoesNotMatch",
            format!("The request cannot be signed again to check it: {error}"),
        )
    };
    let request = SignableRequest::new(
        parts.method.as_str(),
        uri,
        headers,
        SignableBody::Bytes(body),
    )
    .map_err(|error| unsigned(&error))?;
    let output = sign(request, &params).map_err(|error| unsigned(&error))?;
    Ok(output.signature().to_owned())
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// Parses `AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request,
/// SignedHeaders=a;b, Signature=HEX`.
fn parse_authorization(header: &str) -> Option<Authorization<'_>> {
    let rest = header.strip_prefix("AWS4-HMAC-SHA256")?.trim_start();
    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for part in rest.split(',') {
        let (name, value) = part.trim().split_once('=')?;
        match name {
            "Credential" => credential = Some(value),
            "SignedHeaders" => signed_headers = Some(value),
            "Signature" => signature = Some(value),
            _ => return None,
        }
    }

    let mut scope = credential?.split('/');
    let access_key_id = scope.next()?;
    let _date = scope.next()?;
    let region = scope.next()?;
    let service = scope.next()?;
    if scope.next()? != "aws4_request" || scope.next().is_some() {
        return None;
    }
    Some(Authorization {
        access_key_id,
        region,
        service,
        signed_headers: signed_headers?.split(';').collect(),
        signature: signature?,
    })
}

/// Parses an `X-Amz-Date` of the form `20240101T120000Z`.
fn parse_amz_date(text: &str) -> Option<SystemTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = text.get(range)?;
        if !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = (number(9..11)?, number(11..13)?, number(13..15)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second;
    let seconds = u64::try_from(seconds).ok()?;
    Some(UNIX_EPOCH + Duration::from_secs(seconds))
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amz_dates_parse_to_the_second() {
        let at = parse_amz_date("20240101T120000Z").unwrap();
        assert_eq!(
            at.duration_since(UNIX_EPOCH).unwrap().as_secs(),
            1_704_110_400
        );
        assert!(parse_amz_date("2024-01-01T12:00:00Z").is_none());
        assert!(parse_amz_date("20241301T120000Z").is_none());
    }

    #[test]
    fn authorization_headers_parse() {
        let header = "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/iam/aws4_request, \
                      SignedHeaders=content-type;host;x-amz-date, Signature=abc123";
        let parsed = parse_authorization(header).unwrap();
        assert_eq!(parsed.access_key_id, "AKID");
        assert_eq!(parsed.region, "us-east-1");
        assert_eq!(parsed.service, "iam");
        assert_eq!(
            parsed.signed_headers,
            ["content-type", "host", "x-amz-date"]
        );
        assert_eq!(parsed.signature, "abc123");
        assert!(parse_authorization("AWS4-HMAC-SHA256 Credential=AKID").is_none());
        assert!(parse_authorization("Basic dXNlcjpwYXNz").is_none());
    }

    #[test]
    fn credentials_parse_and_hide_the_secret() {
        let credentials = Credentials::parse("AKID:s3cr3t").unwrap();
        assert_eq!(credentials.access_key_id(), "AKID");
        assert!(!format!("{credentials:?}").contains("s3cr3t"));
        assert!(Credentials::parse("AKID").is_err());
        assert!(Credentials::parse(":secret").is_err());
    }

    /// Signs a request with `aws-sigv4` as a client would, and checks that
    /// the server accepts it, and refuses it once the body changes or with
    /// another secret.
    #[test]
    fn a_request_signed_by_aws_sigv4_verifies() {
        let credentials = Credentials::parse("AKIDEXAMPLE:secret").unwrap();
        let body = b"Action=ListUsers&Version=2010-05-08";
        let time = parse_amz_date("20240101T120000Z").unwrap();
        let identity: Identity =
            AwsCredentials::new("AKIDEXAMPLE", "secret", None, None, "test").into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region("us-east-1")
            .name("iam")
            .time(time)
            .settings(SigningSettings::default())
            .build()
            .unwrap()
            .into();
        let headers = [
            ("host", "127.0.0.1:4567"),
            (
                "content-type",
                "application/x-www-form-urlencoded; charset=utf-8",
            ),
        ];
        let signable = SignableRequest::new(
            "POST",
            "http://127.0.0.1:4567/",
            headers.iter().copied(),
            SignableBody::Bytes(body),
        )
        .unwrap();
        let (instructions, _) = sign(signable, &params).unwrap().into_parts();
        let mut request = http::Request::builder()
            .method("POST")
            .uri("/")
            .header("host", headers[0].1)
            .header("content-type", headers[1].1)
            .body(())
            .unwrap();
        instructions.apply_to_request_http1x(&mut request);
        let (parts, ()) = request.into_parts();

        verify(&credentials, &parts, body).unwrap();

        let error = verify(&credentials, &parts, b"Action=DeleteUser").unwrap_err();
        assert_eq!(error.code(), Some("SignatureDoesNotMatch"));
        let other = Credentials::parse("AKIDEXAMPLE:other").unwrap();
        let error = verify(&other, &parts, body).unwrap_err();
        assert_eq!(error.code(), Some("SignatureDoesNotMatch"));
        let stranger = Credentials::parse("AKIDOTHER:secret").unwrap();
        let error = verify(&stranger, &parts, body).unwrap_err();
        assert_eq!(error.code(), Some("InvalidClientTokenId"));
    }
}
