//! IAM's eleven MFA actions.

use iam_mfa::{AssignmentStatus, Client, Result};

use super::Answer;
use crate::params::Params;
use crate::xml::Xml;

/// `CreateVirtualMFADevice`: the new device with its seed and QR code.
pub(super) async fn create_virtual_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let name = params.required("VirtualMFADeviceName", "virtualMFADeviceName")?;
    let tags = params.tags("Tags", "tags")?;
    let device = client
        .create_virtual_mfa_device(name, params.get("Path"), &tags)
        .await?;

    let mut xml = Xml::new();
    xml.virtual_mfa_device("VirtualMFADevice", &device);
    Ok(Some(xml))
}

/// `EnableMFADevice`.
pub(super) async fn enable_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let user_name = params.required("UserName", "userName")?;
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    let code1 = params.required("AuthenticationCode1", "authenticationCode1")?;
    let code2 = params.required("AuthenticationCode2", "authenticationCode2")?;
    client
        .enable_mfa_device(user_name, serial_number, code1, code2)
        .await?;
    Ok(None)
}

/// `DeactivateMFADevice`; without `UserName`, the calling user's device.
pub(super) async fn deactivate_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    client
        .deactivate_mfa_device(serial_number, params.get("UserName"))
        .await?;
    Ok(None)
}

/// `DeleteVirtualMFADevice`.
pub(super) async fn delete_virtual_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    client.delete_virtual_mfa_device(serial_number).await?;
    Ok(None)
}

/// `ListMFADevices`, one page.
pub(super) async fn list_mfa_devices(client: &Client, params: &Params) -> Result<Answer> {
    let page = params.page()?;
    let page = client
        .list_mfa_devices(params.get("UserName"), &page)
        .await?;

    let mut xml = Xml::new();
    xml.page("MFADevices", &page, |xml, device| {
        xml.mfa_device(device);
    });
    Ok(Some(xml))
}

/// `ListVirtualMFADevices`, one page; `AssignmentStatus` defaults to
/// `Any`.
pub(super) async fn list_virtual_mfa_devices(client: &Client, params: &Params) -> Result<Answer> {
    let status = match params.get("AssignmentStatus") {
        Some(text) => text.parse::<AssignmentStatus>()?,
        None => AssignmentStatus::Any,
    };
    let page = params.page()?;
    let page = client.list_virtual_mfa_devices(status, &page).await?;

    let mut xml = Xml::new();
    xml.page("VirtualMFADevices", &page, |xml, device| {
        xml.virtual_mfa_device("member", device);
    });
    Ok(Some(xml))
}

/// `GetMFADevice`.
pub(super) async fn get_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    let detail = client
        .get_mfa_device(serial_number, params.get("UserName"))
        .await?;

    let mut xml = Xml::new();
    xml.mfa_device_detail(&detail);
    Ok(Some(xml))
}

/// `ResyncMFADevice`.
pub(super) async fn resync_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let user_name = params.required("UserName", "userName")?;
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    let code1 = params.required("AuthenticationCode1", "authenticationCode1")?;
    let code2 = params.required("AuthenticationCode2", "authenticationCode2")?;
    client
        .resync_mfa_device(user_name, serial_number, code1, code2)
        .await?;
    Ok(None)
}

/// `TagMFADevice`: `Tags` is required and may not be empty.
pub(super) async fn tag_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    let tags = params.tags("Tags", "tags")?;
    if tags.is_empty() && params.get("Tags").is_none() {
        return Err(crate::errors::missing_parameter("tags"));
    }
    client.tag_mfa_device(serial_number, &tags).await?;
    Ok(None)
}

/// `UntagMFADevice`: `TagKeys` is required.
pub(super) async fn untag_mfa_device(client: &Client, params: &Params) -> Result<Answer> {
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    let keys = params.strings("TagKeys")?;
    if keys.is_empty() && params.get("TagKeys").is_none() {
        return Err(crate::errors::missing_parameter("tagKeys"));
    }
    client.untag_mfa_device(serial_number, &keys).await?;
    Ok(None)
}

/// `ListMFADeviceTags`, one page.
pub(super) async fn list_mfa_device_tags(client: &Client, params: &Params) -> Result<Answer> {
    let serial_number = params.required("SerialNumber", "serialNumber")?;
    let page = params.page()?;
    let page = client.list_mfa_device_tags(serial_number, &page).await?;

    let mut xml = Xml::new();
    xml.page("Tags", &page, |xml, tag| {
        xml.open("member")
            .text("Key", &tag.key)
            .text("Value", &tag.value)
            .close("member");
    });
    Ok(Some(xml))
}
