//! Tagging a virtual MFA device: `TagMFADevice` and `UntagMFADevice`.
//! Listing tags lives with the other list operations.

use crate::error::Result;
use crate::model::Tag;

use super::AwsBackend;
use super::convert;
use super::error::from_sdk;

impl AwsBackend {
    /// `TagMFADevice`; see [`crate::Client::tag_mfa_device`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn tag_mfa_device(&self, serial_number: &str, tags: &[Tag]) -> Result<()> {
        self.client
            .tag_mfa_device()
            .serial_number(serial_number)
            .set_tags(Some(convert::tags_to_sdk(tags)?))
            .send()
            .await
            .map_err(|error| from_sdk("TagMFADevice", error))?;
        Ok(())
    }

    /// `UntagMFADevice`; see [`crate::Client::untag_mfa_device`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn untag_mfa_device(&self, serial_number: &str, tag_keys: &[String]) -> Result<()> {
        self.client
            .untag_mfa_device()
            .serial_number(serial_number)
            .set_tag_keys(Some(tag_keys.to_vec()))
            .send()
            .await
            .map_err(|error| from_sdk("UntagMFADevice", error))?;
        Ok(())
    }
}
