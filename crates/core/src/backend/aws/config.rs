//! How the IAM backend finds its region, credentials and endpoint.
//!
//! [`AwsOptions`] holds what a caller sets explicitly; everything left
//! unset comes from the standard AWS configuration chain (environment
//! variables, the shared config and credentials files, profiles, SSO,
//! web identity, the ECS and EC2 metadata services), exactly as the AWS CLI
//! and the SDKs resolve it.
//!
//! IAM is a global service: one endpoint per partition, signed for
//! `us-east-1` in the commercial partition. When neither the options nor
//! `AWS_REGION`/`AWS_DEFAULT_REGION` nor the profile name a region, the
//! backend uses `us-east-1`. The EC2 metadata service is not asked for a
//! region (the AWS CLI does not ask it either), so building a client never
//! waits on it; it is still asked for credentials when nothing else has
//! them.

use std::fmt;
use std::time::Duration;

use aws_config::environment::region::EnvironmentVariableRegionProvider;
use aws_config::meta::region::RegionProviderChain;
use aws_config::profile::ProfileFileRegionProvider;
use aws_config::{BehaviorVersion, ConfigLoader, Region};
use aws_credential_types::Credentials;
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// The region IAM is signed for when nothing else names one.
pub const DEFAULT_REGION: &str = "us-east-1";

/// The name under which static credentials from [`AwsOptions`] appear in
/// the SDK's logs.
const STATIC_PROVIDER_NAME: &str = "iam-mfa-options";

/// How to reach IAM. Every field left `None` comes from the standard AWS
/// configuration chain.
///
/// ```
/// use std::time::Duration;
/// use iam_mfa::AwsOptions;
///
/// let options = AwsOptions::default()
///     .profile("ops")
///     .operation_timeout(Duration::from_secs(20))
///     .max_attempts(5);
/// assert_eq!(options.profile.as_deref(), Some("ops"));
/// ```
///
/// `Debug` shows the access key id but never the secret access key or the
/// session token.
#[derive(Clone, Default)]
pub struct AwsOptions {
    /// The region to sign for. Without it: `AWS_REGION`,
    /// `AWS_DEFAULT_REGION`, the profile's `region`, then `us-east-1`.
    pub region: Option<String>,
    /// The profile of the shared config and credentials files to use,
    /// instead of `AWS_PROFILE` or `default`.
    pub profile: Option<String>,
    /// The endpoint to send requests to, for example an `iam-mfa serve`
    /// or moto address. Without it: `AWS_ENDPOINT_URL_IAM`,
    /// `AWS_ENDPOINT_URL`, the profile's `endpoint_url`, then IAM itself.
    pub endpoint_url: Option<String>,
    /// The access key id of static credentials; needs
    /// [`AwsOptions::secret_access_key`].
    pub access_key_id: Option<String>,
    /// The secret access key of static credentials, wiped on drop.
    pub secret_access_key: Option<Secret>,
    /// The session token of temporary static credentials, wiped on drop.
    pub session_token: Option<Secret>,
    /// How long to wait for a connection to be established. The SDK's
    /// default is 3.1 seconds.
    pub connect_timeout: Option<Duration>,
    /// How long one operation may take, all retries included. The SDK
    /// sets no limit by default.
    pub operation_timeout: Option<Duration>,
    /// How many attempts an operation gets, the first included: `1` turns
    /// retries off. Without it: `AWS_MAX_ATTEMPTS`, the profile's
    /// `max_attempts`, then the SDK's default of 3.
    pub max_attempts: Option<u32>,
}

impl AwsOptions {
    /// Sets the region.
    pub fn region(mut self, region: impl Into<String>) -> AwsOptions {
        self.region = Some(region.into());
        self
    }

    /// Sets the profile.
    pub fn profile(mut self, profile: impl Into<String>) -> AwsOptions {
        self.profile = Some(profile.into());
        self
    }

    /// Sets the endpoint URL.
    pub fn endpoint_url(mut self, endpoint_url: impl Into<String>) -> AwsOptions {
        self.endpoint_url = Some(endpoint_url.into());
        self
    }

    /// Sets static credentials, replacing the credential chain.
    pub fn static_credentials(
        mut self,
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
    ) -> AwsOptions {
        self.access_key_id = Some(access_key_id.into());
        self.secret_access_key = Some(Secret::from(secret_access_key.into()));
        self.session_token = session_token.map(Secret::from);
        self
    }

    /// Sets the connect timeout.
    pub fn connect_timeout(mut self, timeout: Duration) -> AwsOptions {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Sets the operation timeout.
    pub fn operation_timeout(mut self, timeout: Duration) -> AwsOptions {
        self.operation_timeout = Some(timeout);
        self
    }

    /// Sets the number of attempts per operation (`1`: no retries).
    pub fn max_attempts(mut self, max_attempts: u32) -> AwsOptions {
        self.max_attempts = Some(max_attempts);
        self
    }
}

impl fmt::Debug for AwsOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |secret: &Option<Secret>| secret.as_ref().map(|_| "[REDACTED]");
        f.debug_struct("AwsOptions")
            .field("region", &self.region)
            .field("profile", &self.profile)
            .field("endpoint_url", &self.endpoint_url)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &redacted(&self.secret_access_key))
            .field("session_token", &redacted(&self.session_token))
            .field("connect_timeout", &self.connect_timeout)
            .field("operation_timeout", &self.operation_timeout)
            .field("max_attempts", &self.max_attempts)
            .finish()
    }
}

/// Checks the options and turns them into a loader of the SDK's
/// configuration, which fills in what the options leave unset.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] for an empty region or profile, an
/// endpoint URL that is not `http://` or `https://`, half of a pair of
/// static credentials, a session token without keys, a zero timeout or
/// zero attempts.
pub(super) fn loader(options: &AwsOptions) -> Result<ConfigLoader> {
    check(options)?;

    let mut loader = aws_config::defaults(BehaviorVersion::latest()).region(region_chain(options));

    if let Some(profile) = &options.profile {
        loader = loader.profile_name(profile);
    }

    if let Some(endpoint_url) = &options.endpoint_url {
        loader = loader.endpoint_url(endpoint_url);
    }

    if let Some(credentials) = static_credentials(options)? {
        loader = loader.credentials_provider(credentials);
    }

    if options.connect_timeout.is_some() || options.operation_timeout.is_some() {
        let mut timeouts = TimeoutConfig::builder();
        timeouts.set_connect_timeout(options.connect_timeout);
        timeouts.set_operation_timeout(options.operation_timeout);
        loader = loader.timeout_config(timeouts.build());
    }

    if let Some(max_attempts) = options.max_attempts {
        loader = loader.retry_config(RetryConfig::standard().with_max_attempts(max_attempts));
    }

    Ok(loader)
}

/// The explicit region, else the environment's, else the profile's, else
/// [`DEFAULT_REGION`].
fn region_chain(options: &AwsOptions) -> RegionProviderChain {
    let explicit = options.region.clone().map(Region::new);
    let mut profile = ProfileFileRegionProvider::builder();
    if let Some(name) = &options.profile {
        profile = profile.profile_name(name);
    }

    RegionProviderChain::first_try(explicit)
        .or_else(EnvironmentVariableRegionProvider::new())
        .or_else(profile.build())
        .or_else(Region::from_static(DEFAULT_REGION))
}

/// The static credentials of the options, when they give a pair of keys.
fn static_credentials(options: &AwsOptions) -> Result<Option<Credentials>> {
    let (access_key_id, secret_access_key) =
        match (&options.access_key_id, &options.secret_access_key) {
            (Some(id), Some(secret)) => (id, secret),
            _ => return Ok(None),
        };

    let secret_access_key = secret_access_key
        .expose_str()
        .ok_or_else(|| Error::invalid_input("the AWS secret access key must be UTF-8 text"))?;
    let session_token = match &options.session_token {
        Some(token) => Some(
            token
                .expose_str()
                .ok_or_else(|| Error::invalid_input("the AWS session token must be UTF-8 text"))?,
        ),
        None => None,
    };

    Ok(Some(Credentials::new(
        access_key_id.as_str(),
        secret_access_key,
        session_token.map(str::to_owned),
        None,
        STATIC_PROVIDER_NAME,
    )))
}

/// Rejects options that cannot work, naming the option and the rule.
fn check(options: &AwsOptions) -> Result<()> {
    if options.region.as_deref() == Some("") {
        return Err(Error::invalid_input("the AWS region must not be empty"));
    }
    if options.profile.as_deref() == Some("") {
        return Err(Error::invalid_input(
            "the AWS profile name must not be empty",
        ));
    }

    if let Some(url) = &options.endpoint_url {
        let scheme_ok = url.starts_with("http://") || url.starts_with("https://");
        let host_ok = url
            .split_once("://")
            .is_some_and(|(_, rest)| !rest.is_empty());
        if !scheme_ok || !host_ok {
            return Err(Error::invalid_input(format!(
                "the endpoint URL '{url}' must start with http:// or https:// and name a host"
            )));
        }
    }

    match (&options.access_key_id, &options.secret_access_key) {
        (Some(id), Some(_)) if id.is_empty() => {
            return Err(Error::invalid_input(
                "the AWS access key id must not be empty",
            ));
        }
        (Some(_), None) => {
            return Err(Error::invalid_input(
                "an AWS access key id was given without its secret access key",
            ));
        }
        (None, Some(_)) => {
            return Err(Error::invalid_input(
                "an AWS secret access key was given without its access key id",
            ));
        }
        _ => {}
    }
    if options.session_token.is_some() && options.access_key_id.is_none() {
        return Err(Error::invalid_input(
            "an AWS session token was given without an access key id and secret access key",
        ));
    }

    let timeouts = [
        ("connect timeout", options.connect_timeout),
        ("operation timeout", options.operation_timeout),
    ];
    for (name, timeout) in timeouts {
        if timeout == Some(Duration::ZERO) {
            return Err(Error::invalid_input(format!(
                "the {name} must be more than zero"
            )));
        }
    }
    if options.max_attempts == Some(0) {
        return Err(Error::invalid_input(
            "max attempts must be at least 1 (1 turns retries off)",
        ));
    }

    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn rejected(options: AwsOptions) -> String {
        let error = check(&options).expect_err("the options should be rejected");
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
        error.message().to_owned()
    }

    #[test]
    fn half_a_pair_of_keys_is_rejected() {
        let options = AwsOptions {
            access_key_id: Some("AKIDEXAMPLE".into()),
            ..AwsOptions::default()
        };
        assert!(rejected(options).contains("without its secret access key"));

        let options = AwsOptions {
            secret_access_key: Some(Secret::from("s".to_owned())),
            ..AwsOptions::default()
        };
        assert!(rejected(options).contains("without its access key id"));

        let options = AwsOptions {
            session_token: Some(Secret::from("t".to_owned())),
            ..AwsOptions::default()
        };
        assert!(rejected(options).contains("session token"));
    }

    #[test]
    fn bad_values_are_rejected_with_their_name() {
        assert!(rejected(AwsOptions::default().region("")).contains("region"));
        assert!(rejected(AwsOptions::default().profile("")).contains("profile"));
        assert!(rejected(AwsOptions::default().endpoint_url("localhost:5000")).contains("http"));
        assert!(rejected(AwsOptions::default().endpoint_url("http://")).contains("host"));
        let zero = Duration::ZERO;
        assert!(rejected(AwsOptions::default().connect_timeout(zero)).contains("connect"));
        assert!(rejected(AwsOptions::default().operation_timeout(zero)).contains("operation"));
        assert!(rejected(AwsOptions::default().max_attempts(0)).contains("at least 1"));
    }

    #[test]
    fn good_values_pass() {
        let options = AwsOptions::default()
            .region("eu-west-1")
            .profile("ops")
            .endpoint_url("http://127.0.0.1:5000")
            .static_credentials("AKIDEXAMPLE", "secret", Some("token".into()))
            .connect_timeout(Duration::from_millis(1))
            .operation_timeout(Duration::from_millis(1))
            .max_attempts(1);
        check(&options).expect("valid options");
        assert!(static_credentials(&options).unwrap().is_some());
    }

    #[test]
    fn debug_redacts_the_secret_key_and_token() {
        let options = AwsOptions::default().static_credentials(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI",
            Some("FwoG".into()),
        );
        let shown = format!("{options:?}");
        assert!(shown.contains("AKIDEXAMPLE"), "{shown}");
        assert!(!shown.contains("wJalrXUtnFEMI"), "{shown}");
        assert!(!shown.contains("FwoG"), "{shown}");
    }
}
