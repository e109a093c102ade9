//! The operations on one MFA device: create, enable, resync, deactivate,
//! delete and get.

use crate::error::Result;
use crate::model::{MfaDeviceDetail, Tag, VirtualMfaDevice};

use super::AwsBackend;
use super::convert;
use super::error::from_sdk;

impl AwsBackend {
    /// `CreateVirtualMFADevice`; see [`crate::Client::create_virtual_mfa_device`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn create_virtual_mfa_device(
        &self,
        name: &str,
        path: &str,
        tags: &[Tag],
    ) -> Result<VirtualMfaDevice> {
        const OPERATION: &str = "CreateVirtualMFADevice";
        let tags = convert::tags_to_sdk(tags)?;

        let output = self
            .client
            .create_virtual_mfa_device()
            .virtual_mfa_device_name(name)
            .path(path)
            .set_tags((!tags.is_empty()).then_some(tags))
            .send()
            .await
            .map_err(|error| from_sdk(OPERATION, error))?;

        let device = output
            .virtual_mfa_device
            .ok_or_else(|| convert::missing(OPERATION, "VirtualMFADevice"))?;
        convert::virtual_mfa_device(device)
    }

    /// `EnableMFADevice`; see [`crate::Client::enable_mfa_device`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn enable_mfa_device(
        &self,
        user_name: &str,
        serial_number: &str,
        authentication_code1: &str,
        authentication_code2: &str,
    ) -> Result<()> {
        self.client
            .enable_mfa_device()
            .user_name(user_name)
            .serial_number(serial_number)
            .authentication_code1(authentication_code1)
            .authentication_code2(authentication_code2)
            .send()
            .await
            .map_err(|error| from_sdk("EnableMFADevice", error))?;
        Ok(())
    }

    /// `DeactivateMFADevice`; see [`crate::Client::deactivate_mfa_device`].
    /// Without a user name, IAM acts for the calling user.
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn deactivate_mfa_device(
        &self,
        serial_number: &str,
        user_name: Option<&str>,
    ) -> Result<()> {
        self.client
            .deactivate_mfa_device()
            .serial_number(serial_number)
            .set_user_name(user_name.map(str::to_owned))
            .send()
            .await
            .map_err(|error| from_sdk("DeactivateMFADevice", error))?;
        Ok(())
    }

    /// `DeleteVirtualMFADevice`; see
    /// [`crate::Client::delete_virtual_mfa_device`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn delete_virtual_mfa_device(&self, serial_number: &str) -> Result<()> {
        self.client
            .delete_virtual_mfa_device()
            .serial_number(serial_number)
            .send()
            .await
            .map_err(|error| from_sdk("DeleteVirtualMFADevice", error))?;
        Ok(())
    }

    /// `GetMFADevice`; see [`crate::Client::get_mfa_device`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn get_mfa_device(
        &self,
        serial_number: &str,
        user_name: Option<&str>,
    ) -> Result<MfaDeviceDetail> {
        let output = self
            .client
            .get_mfa_device()
            .serial_number(serial_number)
            .set_user_name(user_name.map(str::to_owned))
            .send()
            .await
            .map_err(|error| from_sdk("GetMFADevice", error))?;
        convert::mfa_device_detail(output)
    }

    /// `ResyncMFADevice`; see [`crate::Client::resync_mfa_device`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn resync_mfa_device(
        &self,
        user_name: &str,
        serial_number: &str,
        authentication_code1: &str,
        authentication_code2: &str,
    ) -> Result<()> {
        self.client
            .resync_mfa_device()
            .user_name(user_name)
            .serial_number(serial_number)
            .authentication_code1(authentication_code1)
            .authentication_code2(authentication_code2)
            .send()
            .await
            .map_err(|error| from_sdk("ResyncMFADevice", error))?;
        Ok(())
    }
}
