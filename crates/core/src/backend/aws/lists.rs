//! The list operations, one page per call: `ListMFADevices`,
//! `ListVirtualMFADevices` and `ListMFADeviceTags`. Following markers is
//! the [`crate::pager`]'s work.

use crate::error::Result;
use crate::model::{AssignmentStatus, MfaDevice, Page, PageRequest, Tag, VirtualMfaDevice};

use super::AwsBackend;
use super::convert;
use super::error::from_sdk;

impl AwsBackend {
    /// `ListMFADevices`; see [`crate::Client::list_mfa_devices`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn list_mfa_devices(
        &self,
        user_name: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<MfaDevice>> {
        const OPERATION: &str = "ListMFADevices";
        let output = self
            .client
            .list_mfa_devices()
            .set_user_name(user_name.map(str::to_owned))
            .set_marker(page.marker.clone())
            .set_max_items(convert::max_items(page)?)
            .send()
            .await
            .map_err(|error| from_sdk(OPERATION, error))?;

        convert::page(
            OPERATION,
            output.mfa_devices,
            output.is_truncated,
            output.marker,
            convert::mfa_device,
        )
    }

    /// `ListVirtualMFADevices`; see
    /// [`crate::Client::list_virtual_mfa_devices`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn list_virtual_mfa_devices(
        &self,
        assignment_status: AssignmentStatus,
        page: &PageRequest,
    ) -> Result<Page<VirtualMfaDevice>> {
        const OPERATION: &str = "ListVirtualMFADevices";
        let output = self
            .client
            .list_virtual_mfa_devices()
            .assignment_status(convert::assignment_status(assignment_status))
            .set_marker(page.marker.clone())
            .set_max_items(convert::max_items(page)?)
            .send()
            .await
            .map_err(|error| from_sdk(OPERATION, error))?;

        convert::page(
            OPERATION,
            output.virtual_mfa_devices,
            output.is_truncated,
            output.marker,
            convert::virtual_mfa_device,
        )
    }

    /// `ListMFADeviceTags`; see [`crate::Client::list_mfa_device_tags`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn list_mfa_device_tags(
        &self,
        serial_number: &str,
        page: &PageRequest,
    ) -> Result<Page<Tag>> {
        const OPERATION: &str = "ListMFADeviceTags";
        let output = self
            .client
            .list_mfa_device_tags()
            .serial_number(serial_number)
            .set_marker(page.marker.clone())
            .set_max_items(convert::max_items(page)?)
            .send()
            .await
            .map_err(|error| from_sdk(OPERATION, error))?;

        convert::page(
            OPERATION,
            output.tags,
            output.is_truncated,
            output.marker,
            |tag| Ok(convert::tag(tag)),
        )
    }
}
