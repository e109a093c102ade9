//! IAM's user actions, so that scripts can set up their users against the
//! server as they would against IAM.
//!
//! `CreateUser` takes `UserName` and `Path`; its `Tags` and
//! `PermissionsBoundary` are accepted and not kept, since the emulator
//! models users only as holders of MFA devices.

use iam_mfa::{Client, Result};

use super::Answer;
use crate::params::Params;
use crate::xml::Xml;

/// `CreateUser`.
pub(super) async fn create_user(client: &Client, params: &Params) -> Result<Answer> {
    let user_name = params.required("UserName", "userName")?;
    let user = client.create_user(user_name, params.get("Path")).await?;

    let mut xml = Xml::new();
    xml.user("User", &user);
    Ok(Some(xml))
}

/// `GetUser`; without `UserName`, the calling user.
pub(super) async fn get_user(client: &Client, params: &Params) -> Result<Answer> {
    let user = client.get_user(params.get("UserName")).await?;

    let mut xml = Xml::new();
    xml.user("User", &user);
    Ok(Some(xml))
}

/// `DeleteUser`.
pub(super) async fn delete_user(client: &Client, params: &Params) -> Result<Answer> {
    let user_name = params.required("UserName", "userName")?;
    client.delete_user(user_name).await?;
    Ok(None)
}

/// `ListUsers`, one page.
pub(super) async fn list_users(client: &Client, params: &Params) -> Result<Answer> {
    let page = params.page()?;
    let page = client.list_users(params.get("PathPrefix"), &page).await?;

    let mut xml = Xml::new();
    xml.page("Users", &page, |xml, user| {
        xml.user("member", user);
    });
    Ok(Some(xml))
}
