//! The real IAM service, through `aws-sdk-iam` and `aws-config`.
//!
//! [`AwsBackend::connect`] resolves the region, credentials and endpoint
//! from [`AwsOptions`] and the standard AWS configuration chain; each
//! operation then sends one IAM request (retried as the retry settings
//! say) and converts the answer into the library's model. Arguments reach
//! this module already validated by the [`crate::Client`], so nothing
//! malformed is ever sent.
//!
//! The files of this module: `config` (options and the SDK's loader),
//! `convert` (model to SDK and back), `error` (SDK errors to the
//! library's), and one file per group of operations: `devices`, `lists`,
//! `tags`, `users`.

mod config;
mod convert;
mod devices;
mod error;
mod lists;
mod tags;
mod users;

#[cfg(test)]
mod tests;

use std::time::Instant;

use aws_config::ConfigLoader;

pub use config::{AwsOptions, DEFAULT_REGION};

use crate::error::Result;

/// The IAM backend: an `aws-sdk-iam` client and the configuration it was
/// built from.
///
/// Its methods are those of [`crate::Client`], which validates arguments
/// before calling them; call them through the `Client`.
#[derive(Debug, Clone)]
pub struct AwsBackend {
    client: aws_sdk_iam::Client,
}

impl AwsBackend {
    /// Resolves the configuration and builds the SDK client. Credentials
    /// are loaded on the first call, not here.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] for contradictory or empty
    /// options (see [`AwsOptions`]).
    pub async fn connect(options: AwsOptions) -> Result<AwsBackend> {
        AwsBackend::connect_with(options, |loader| loader).await
    }

    /// [`AwsBackend::connect`], with a last say on the SDK's loader (the
    /// unit tests give it a canned HTTP client this way).
    pub(crate) async fn connect_with(
        options: AwsOptions,
        customize: impl FnOnce(ConfigLoader) -> ConfigLoader,
    ) -> Result<AwsBackend> {
        let started = Instant::now();
        let loader = customize(config::loader(&options)?);
        let sdk_config = loader.load().await;
        let client = aws_sdk_iam::Client::new(&sdk_config);

        let service_config = client.config();
        tracing::debug!(
            backend = "aws",
            region = service_config.region().map(|region| region.as_ref()),
            endpoint_url = sdk_config.endpoint_url(),
            profile = options.profile.as_deref(),
            static_credentials = options.access_key_id.is_some(),
            micros = started.elapsed().as_micros() as u64,
            "configured"
        );
        Ok(AwsBackend { client })
    }

    /// The region requests are signed for.
    pub fn region(&self) -> Option<&str> {
        self.client.config().region().map(|region| region.as_ref())
    }
}
