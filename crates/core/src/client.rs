//! The asynchronous [`Client`]: every operation, once, over either backend.
//!
//! Each method checks its arguments against IAM's model, hands the call to
//! the backend, and logs one debug line with the backend, the operation,
//! how long it took and the error code if any. Secrets never reach the log.
//!
//! The local backend does its work without waiting on anything, so its
//! calls complete on their first poll; the blocking client relies on that.

use std::sync::Arc;
use std::time::Instant;

use crate::backend::Backend;
use crate::backend::local::{LocalBackend, LocalOptions};
use crate::error::Result;
use crate::model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, Tag, User, VirtualMfaDevice,
};
use crate::pager::{
    ListMfaDeviceTags, ListMfaDevices, ListUsers, ListVirtualMfaDevices, Paginator,
};
use crate::validate;

#[cfg(feature = "aws")]
use crate::backend::aws::{AwsBackend, AwsOptions};

/// A client of IAM's MFA operations, over the real service or the
/// embedded emulator.
///
/// Cloning is cheap and clones share one backend. A `Client` is `Send` and
/// `Sync`; calls from many tasks at once are safe.
#[derive(Clone)]
pub struct Client {
    backend: Arc<Backend>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("backend", &self.backend_name())
            .finish()
    }
}

impl Client {
    /// A client of a new or existing emulator store.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Storage`] when the store cannot be opened or was
    /// written by a newer version; [`crate::ErrorKind::InvalidInput`] for
    /// a malformed account id.
    pub fn local(options: LocalOptions) -> Result<Client> {
        let backend = LocalBackend::open(options)?;
        Ok(Client::from_backend(Backend::Local(backend)))
    }

    /// A client of a fresh in-memory emulator with IAM's default quotas,
    /// account `123456789012` and the system clock.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Storage`] when SQLite cannot start.
    pub fn in_memory() -> Result<Client> {
        Client::local(LocalOptions::default())
    }

    /// A client of the real IAM service, configured from `options` and the
    /// standard AWS configuration chain.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] for contradictory options, such
    /// as half of a pair of static credentials.
    #[cfg(feature = "aws")]
    pub async fn aws(options: AwsOptions) -> Result<Client> {
        let backend = AwsBackend::connect(options).await?;
        Ok(Client::from_backend(Backend::Aws(backend)))
    }

    pub(crate) fn from_backend(backend: Backend) -> Client {
        Client {
            backend: Arc::new(backend),
        }
    }

    /// `"local"` or `"aws"`.
    pub fn backend_name(&self) -> &'static str {
        self.backend.name()
    }

    /// The emulator behind this client, for its administrative calls
    /// (hardware tokens, the calling user, the clock); `None` for IAM.
    pub fn as_local(&self) -> Option<&LocalBackend> {
        match &*self.backend {
            Backend::Local(local) => Some(local),
            #[cfg(feature = "aws")]
            Backend::Aws(_) => None,
        }
    }

    /// `CreateVirtualMFADevice`: a new, unassigned virtual device with a
    /// fresh seed and its QR code. `path` is `/` when `None`.
    ///
    /// # Errors
    ///
    /// `EntityAlreadyExists` when the name is taken in the account,
    /// `LimitExceeded` at the account's quota, `InvalidInput` for a bad
    /// name, path or tag.
    pub async fn create_virtual_mfa_device(
        &self,
        virtual_mfa_device_name: &str,
        path: Option<&str>,
        tags: &[Tag],
    ) -> Result<VirtualMfaDevice> {
        let started = Instant::now();
        let path = path.unwrap_or("/");
        let result = async {
            validate::virtual_mfa_device_name(virtual_mfa_device_name)?;
            validate::path(path)?;
            validate::tags(tags)?;
            match &*self.backend {
                Backend::Local(local) => {
                    local.create_virtual_mfa_device(virtual_mfa_device_name, path, tags)
                }
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => {
                    aws.create_virtual_mfa_device(virtual_mfa_device_name, path, tags)
                        .await
                }
            }
        }
        .await;
        self.log("CreateVirtualMFADevice", started, result)
    }

    /// `EnableMFADevice`: assigns a device to a user, proven by two
    /// consecutive codes.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user or device, `EntityAlreadyExists`
    /// when the device is in use, `LimitExceeded` when the user holds the
    /// most devices allowed, `InvalidAuthenticationCode` when the codes do
    /// not match.
    pub async fn enable_mfa_device(
        &self,
        user_name: &str,
        serial_number: &str,
        authentication_code1: &str,
        authentication_code2: &str,
    ) -> Result<()> {
        let started = Instant::now();
        let result = async {
            validate::existing_user_name(user_name)?;
            validate::serial_number(serial_number)?;
            validate::authentication_code("authenticationCode1", authentication_code1)?;
            validate::authentication_code("authenticationCode2", authentication_code2)?;
            match &*self.backend {
                Backend::Local(local) => local.enable_mfa_device(
                    user_name,
                    serial_number,
                    authentication_code1,
                    authentication_code2,
                ),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => {
                    aws.enable_mfa_device(
                        user_name,
                        serial_number,
                        authentication_code1,
                        authentication_code2,
                    )
                    .await
                }
            }
        }
        .await;
        self.log("EnableMFADevice", started, result)
    }

    /// `DeactivateMFADevice`: removes a device from its user. A virtual
    /// device stays, unassigned. Without `user_name`, the calling user.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` when the user or device is unknown or the device is
    /// not enabled for that user.
    pub async fn deactivate_mfa_device(
        &self,
        serial_number: &str,
        user_name: Option<&str>,
    ) -> Result<()> {
        let started = Instant::now();
        let result = async {
            validate::serial_number(serial_number)?;
            if let Some(user_name) = user_name {
                validate::existing_user_name(user_name)?;
            }
            match &*self.backend {
                Backend::Local(local) => local.deactivate_mfa_device(serial_number, user_name),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.deactivate_mfa_device(serial_number, user_name).await,
            }
        }
        .await;
        self.log("DeactivateMFADevice", started, result)
    }

    /// `DeleteVirtualMFADevice`: deletes an unassigned virtual device.
    ///
    /// # Errors
    ///
    /// `DeleteConflict` while the device is assigned, `NoSuchEntity` when
    /// there is no such virtual device.
    pub async fn delete_virtual_mfa_device(&self, serial_number: &str) -> Result<()> {
        let started = Instant::now();
        let result = async {
            validate::serial_number(serial_number)?;
            match &*self.backend {
                Backend::Local(local) => local.delete_virtual_mfa_device(serial_number),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.delete_virtual_mfa_device(serial_number).await,
            }
        }
        .await;
        self.log("DeleteVirtualMFADevice", started, result)
    }

    /// `ListMFADevices`, one page: the devices enabled for a user (the
    /// calling user without `user_name`).
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user, `InvalidInput` for a bad marker.
    pub async fn list_mfa_devices(
        &self,
        user_name: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<MfaDevice>> {
        let started = Instant::now();
        let result = async {
            if let Some(user_name) = user_name {
                validate::existing_user_name(user_name)?;
            }
            validate::page_request(page)?;
            match &*self.backend {
                Backend::Local(local) => local.list_mfa_devices(user_name, page),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.list_mfa_devices(user_name, page).await,
            }
        }
        .await;
        self.log("ListMFADevices", started, result)
    }

    /// `ListVirtualMFADevices`, one page. Results carry no seed, QR code
    /// or tags; assigned devices carry their user and enable date.
    ///
    /// # Errors
    ///
    /// `InvalidInput` for a bad marker or page size.
    pub async fn list_virtual_mfa_devices(
        &self,
        assignment_status: AssignmentStatus,
        page: &PageRequest,
    ) -> Result<Page<VirtualMfaDevice>> {
        let started = Instant::now();
        let result = async {
            validate::page_request(page)?;
            match &*self.backend {
                Backend::Local(local) => local.list_virtual_mfa_devices(assignment_status, page),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.list_virtual_mfa_devices(assignment_status, page).await,
            }
        }
        .await;
        self.log("ListVirtualMFADevices", started, result)
    }

    /// `GetMFADevice`: what IAM knows of one device.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown device or user.
    pub async fn get_mfa_device(
        &self,
        serial_number: &str,
        user_name: Option<&str>,
    ) -> Result<MfaDeviceDetail> {
        let started = Instant::now();
        let result = async {
            validate::serial_number(serial_number)?;
            if let Some(user_name) = user_name {
                validate::user_name(user_name)?;
            }
            match &*self.backend {
                Backend::Local(local) => local.get_mfa_device(serial_number, user_name),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.get_mfa_device(serial_number, user_name).await,
            }
        }
        .await;
        self.log("GetMFADevice", started, result)
    }

    /// `ResyncMFADevice`: brings a device whose clock drifted back in step,
    /// from two consecutive codes it shows now.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` when the device is not enabled for the user,
    /// `InvalidAuthenticationCode` when the codes do not match.
    pub async fn resync_mfa_device(
        &self,
        user_name: &str,
        serial_number: &str,
        authentication_code1: &str,
        authentication_code2: &str,
    ) -> Result<()> {
        let started = Instant::now();
        let result = async {
            validate::existing_user_name(user_name)?;
            validate::serial_number(serial_number)?;
            validate::authentication_code("authenticationCode1", authentication_code1)?;
            validate::authentication_code("authenticationCode2", authentication_code2)?;
            match &*self.backend {
                Backend::Local(local) => local.resync_mfa_device(
                    user_name,
                    serial_number,
                    authentication_code1,
                    authentication_code2,
                ),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => {
                    aws.resync_mfa_device(
                        user_name,
                        serial_number,
                        authentication_code1,
                        authentication_code2,
                    )
                    .await
                }
            }
        }
        .await;
        self.log("ResyncMFADevice", started, result)
    }

    /// `TagMFADevice`: adds tags to a virtual device, replacing the value
    /// of a key it already has.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown device, `LimitExceeded` past 50 tags,
    /// `InvalidInput` for a bad or reserved key.
    pub async fn tag_mfa_device(&self, serial_number: &str, tags: &[Tag]) -> Result<()> {
        let started = Instant::now();
        let result = async {
            validate::serial_number(serial_number)?;
            validate::tags(tags)?;
            match &*self.backend {
                Backend::Local(local) => local.tag_mfa_device(serial_number, tags),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.tag_mfa_device(serial_number, tags).await,
            }
        }
        .await;
        self.log("TagMFADevice", started, result)
    }

    /// `UntagMFADevice`: removes the tags of the given keys; keys the
    /// device does not have are ignored.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown device.
    pub async fn untag_mfa_device(&self, serial_number: &str, tag_keys: &[String]) -> Result<()> {
        let started = Instant::now();
        let result = async {
            validate::serial_number(serial_number)?;
            validate::tag_keys(tag_keys)?;
            match &*self.backend {
                Backend::Local(local) => local.untag_mfa_device(serial_number, tag_keys),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.untag_mfa_device(serial_number, tag_keys).await,
            }
        }
        .await;
        self.log("UntagMFADevice", started, result)
    }

    /// `ListMFADeviceTags`, one page, sorted by key.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown device.
    pub async fn list_mfa_device_tags(
        &self,
        serial_number: &str,
        page: &PageRequest,
    ) -> Result<Page<Tag>> {
        let started = Instant::now();
        let result = async {
            validate::serial_number(serial_number)?;
            validate::page_request(page)?;
            match &*self.backend {
                Backend::Local(local) => local.list_mfa_device_tags(serial_number, page),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.list_mfa_device_tags(serial_number, page).await,
            }
        }
        .await;
        self.log("ListMFADeviceTags", started, result)
    }

    /// `CreateUser`: a user to enable devices for. `path` is `/` when
    /// `None`.
    ///
    /// # Errors
    ///
    /// `EntityAlreadyExists` when the name is taken (case-insensitively).
    pub async fn create_user(&self, user_name: &str, path: Option<&str>) -> Result<User> {
        let started = Instant::now();
        let path = path.unwrap_or("/");
        let result = async {
            validate::user_name(user_name)?;
            validate::path(path)?;
            match &*self.backend {
                Backend::Local(local) => local.create_user(user_name, path),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.create_user(user_name, path).await,
            }
        }
        .await;
        self.log("CreateUser", started, result)
    }

    /// `GetUser`: one user, or the calling user without `user_name`.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user.
    pub async fn get_user(&self, user_name: Option<&str>) -> Result<User> {
        let started = Instant::now();
        let result = async {
            if let Some(user_name) = user_name {
                validate::existing_user_name(user_name)?;
            }
            match &*self.backend {
                Backend::Local(local) => local.get_user(user_name),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.get_user(user_name).await,
            }
        }
        .await;
        self.log("GetUser", started, result)
    }

    /// `DeleteUser`.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user, `DeleteConflict` while the user
    /// holds MFA devices.
    pub async fn delete_user(&self, user_name: &str) -> Result<()> {
        let started = Instant::now();
        let result = async {
            validate::existing_user_name(user_name)?;
            match &*self.backend {
                Backend::Local(local) => local.delete_user(user_name),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.delete_user(user_name).await,
            }
        }
        .await;
        self.log("DeleteUser", started, result)
    }

    /// `ListUsers`, one page, optionally only users whose path starts with
    /// `path_prefix`.
    ///
    /// # Errors
    ///
    /// `InvalidInput` for a bad prefix, marker or page size.
    pub async fn list_users(
        &self,
        path_prefix: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<User>> {
        let started = Instant::now();
        let result = async {
            if let Some(prefix) = path_prefix {
                validate::path_prefix(prefix)?;
            }
            validate::page_request(page)?;
            match &*self.backend {
                Backend::Local(local) => local.list_users(path_prefix, page),
                #[cfg(feature = "aws")]
                Backend::Aws(aws) => aws.list_users(path_prefix, page).await,
            }
        }
        .await;
        self.log("ListUsers", started, result)
    }

    /// Every device enabled for a user, following markers page by page.
    pub fn list_mfa_devices_paginator(&self, user_name: Option<&str>) -> Paginator<ListMfaDevices> {
        let listing = ListMfaDevices {
            user_name: user_name.map(str::to_owned),
        };
        Paginator::new(self.clone(), listing)
    }

    /// Every virtual device of an assignment status, following markers.
    pub fn list_virtual_mfa_devices_paginator(
        &self,
        assignment_status: AssignmentStatus,
    ) -> Paginator<ListVirtualMfaDevices> {
        Paginator::new(self.clone(), ListVirtualMfaDevices { assignment_status })
    }

    /// Every tag of a device, following markers.
    pub fn list_mfa_device_tags_paginator(
        &self,
        serial_number: &str,
    ) -> Paginator<ListMfaDeviceTags> {
        let listing = ListMfaDeviceTags {
            serial_number: serial_number.to_owned(),
        };
        Paginator::new(self.clone(), listing)
    }

    /// Every user, following markers.
    pub fn list_users_paginator(&self, path_prefix: Option<&str>) -> Paginator<ListUsers> {
        let listing = ListUsers {
            path_prefix: path_prefix.map(str::to_owned),
        };
        Paginator::new(self.clone(), listing)
    }

    /// Logs the end of a call and hands its result back.
    fn log<T>(&self, operation: &'static str, started: Instant, result: Result<T>) -> Result<T> {
        let micros = started.elapsed().as_micros() as u64;
        match &result {
            Ok(_) => tracing::debug!(backend = self.backend_name(), operation, micros, "ok"),
            Err(error) => tracing::debug!(
                backend = self.backend_name(),
                operation,
                micros,
                kind = error.kind().name(),
                code = error.code(),
                request_id = error.request_id(),
                "failed"
            ),
        }
        result
    }
}
