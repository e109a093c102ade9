//! The embedded IAM emulator (placeholder signatures; the SQLite store
//! replaces this file).

use std::path::PathBuf;

use crate::clock::Clock;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, Tag, User, VirtualMfaDevice,
};
use crate::secret::Secret;

/// How to open an emulator.
#[derive(Debug, Clone)]
pub struct LocalOptions {
    /// The SQLite file; `None` keeps everything in memory.
    pub path: Option<PathBuf>,
    /// The 12-digit account id in every ARN.
    pub account_id: String,
    /// The most virtual MFA devices the account may hold.
    pub max_virtual_mfa_devices: u32,
    /// The most MFA devices one user may hold.
    pub max_mfa_devices_per_user: u32,
    /// Where "now" comes from.
    pub clock: Clock,
}

impl Default for LocalOptions {
    fn default() -> LocalOptions {
        LocalOptions {
            path: None,
            account_id: "123456789012".to_owned(),
            max_virtual_mfa_devices: 5000,
            max_mfa_devices_per_user: 8,
            clock: Clock::system(),
        }
    }
}

/// The emulator.
pub struct LocalBackend {
    options: LocalOptions,
}

fn missing() -> Error {
    Error::new(ErrorKind::ServiceFailure, "not built yet")
}

#[allow(unused_variables, missing_docs)]
impl LocalBackend {
    pub fn open(options: LocalOptions) -> Result<LocalBackend> {
        Ok(LocalBackend { options })
    }
    pub fn account_id(&self) -> &str {
        &self.options.account_id
    }
    pub fn clock(&self) -> &Clock {
        &self.options.clock
    }
    pub fn set_caller(&self, user_name: Option<&str>) -> Result<()> {
        Err(missing())
    }
    pub fn caller(&self) -> Option<String> {
        None
    }
    pub fn register_hardware_token(&self, serial_number: &str, seed: &Secret) -> Result<()> {
        Err(missing())
    }
    pub fn create_user(&self, user_name: &str, path: &str) -> Result<User> {
        Err(missing())
    }
    pub fn get_user(&self, user_name: Option<&str>) -> Result<User> {
        Err(missing())
    }
    pub fn delete_user(&self, user_name: &str) -> Result<()> {
        Err(missing())
    }
    pub fn list_users(&self, path_prefix: Option<&str>, page: &PageRequest) -> Result<Page<User>> {
        Err(missing())
    }
    pub fn create_virtual_mfa_device(
        &self,
        name: &str,
        path: &str,
        tags: &[Tag],
    ) -> Result<VirtualMfaDevice> {
        Err(missing())
    }
    pub fn enable_mfa_device(&self, user: &str, serial: &str, c1: &str, c2: &str) -> Result<()> {
        Err(missing())
    }
    pub fn deactivate_mfa_device(&self, serial: &str, user: Option<&str>) -> Result<()> {
        Err(missing())
    }
    pub fn delete_virtual_mfa_device(&self, serial: &str) -> Result<()> {
        Err(missing())
    }
    pub fn list_mfa_devices(
        &self,
        user: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<MfaDevice>> {
        Err(missing())
    }
    pub fn list_virtual_mfa_devices(
        &self,
        status: AssignmentStatus,
        page: &PageRequest,
    ) -> Result<Page<VirtualMfaDevice>> {
        Err(missing())
    }
    pub fn get_mfa_device(&self, serial: &str, user: Option<&str>) -> Result<MfaDeviceDetail> {
        Err(missing())
    }
    pub fn resync_mfa_device(&self, user: &str, serial: &str, c1: &str, c2: &str) -> Result<()> {
        Err(missing())
    }
    pub fn tag_mfa_device(&self, serial: &str, tags: &[Tag]) -> Result<()> {
        Err(missing())
    }
    pub fn untag_mfa_device(&self, serial: &str, keys: &[String]) -> Result<()> {
        Err(missing())
    }
    pub fn list_mfa_device_tags(&self, serial: &str, page: &PageRequest) -> Result<Page<Tag>> {
        Err(missing())
    }
}
