//! The user operations the MFA surface needs: `CreateUser`, `GetUser`,
//! `DeleteUser` and `ListUsers`.

use crate::error::Result;
use crate::model::{Page, PageRequest, User};

use super::AwsBackend;
use super::convert;
use super::error::from_sdk;

impl AwsBackend {
    /// `CreateUser`; see [`crate::Client::create_user`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn create_user(&self, user_name: &str, path: &str) -> Result<User> {
        const OPERATION: &str = "CreateUser";
        let output = self
            .client
            .create_user()
            .user_name(user_name)
            .path(path)
            .send()
            .await
            .map_err(|error| from_sdk(OPERATION, error))?;

        let user = output
            .user
            .ok_or_else(|| convert::missing(OPERATION, "User"))?;
        convert::user(user)
    }

    /// `GetUser`; see [`crate::Client::get_user`]. Without a user name,
    /// the user whose credentials sign the request.
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn get_user(&self, user_name: Option<&str>) -> Result<User> {
        const OPERATION: &str = "GetUser";
        let output = self
            .client
            .get_user()
            .set_user_name(user_name.map(str::to_owned))
            .send()
            .await
            .map_err(|error| from_sdk(OPERATION, error))?;

        let user = output
            .user
            .ok_or_else(|| convert::missing(OPERATION, "User"))?;
        convert::user(user)
    }

    /// `DeleteUser`; see [`crate::Client::delete_user`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn delete_user(&self, user_name: &str) -> Result<()> {
        self.client
            .delete_user()
            .user_name(user_name)
            .send()
            .await
            .map_err(|error| from_sdk("DeleteUser", error))?;
        Ok(())
    }

    /// `ListUsers`; see [`crate::Client::list_users`].
    ///
    /// # Errors
    ///
    /// The service's error, or a transport, timeout or credentials error.
    pub async fn list_users(
        &self,
        path_prefix: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<User>> {
        const OPERATION: &str = "ListUsers";
        let output = self
            .client
            .list_users()
            .set_path_prefix(path_prefix.map(str::to_owned))
            .set_marker(page.marker.clone())
            .set_max_items(convert::max_items(page)?)
            .send()
            .await
            .map_err(|error| from_sdk(OPERATION, error))?;

        convert::page(
            OPERATION,
            output.users,
            output.is_truncated,
            output.marker,
            convert::user,
        )
    }
}
