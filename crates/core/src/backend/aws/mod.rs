//! The real IAM service (placeholder signatures; the aws-sdk-iam backend
//! replaces this file).

use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, Tag, User, VirtualMfaDevice,
};

/// How to reach IAM.
#[derive(Debug, Clone, Default)]
pub struct AwsOptions {
    /// The endpoint URL, for example an `iam-mfa serve` address.
    pub endpoint_url: Option<String>,
}

/// The IAM backend.
pub struct AwsBackend {}

fn missing() -> Error {
    Error::new(ErrorKind::ServiceFailure, "not built yet")
}

#[allow(unused_variables, missing_docs)]
impl AwsBackend {
    pub async fn connect(options: AwsOptions) -> Result<AwsBackend> {
        Err(missing())
    }
    pub async fn create_user(&self, user_name: &str, path: &str) -> Result<User> {
        Err(missing())
    }
    pub async fn get_user(&self, user_name: Option<&str>) -> Result<User> {
        Err(missing())
    }
    pub async fn delete_user(&self, user_name: &str) -> Result<()> {
        Err(missing())
    }
    pub async fn list_users(&self, prefix: Option<&str>, page: &PageRequest) -> Result<Page<User>> {
        Err(missing())
    }
    pub async fn create_virtual_mfa_device(
        &self,
        name: &str,
        path: &str,
        tags: &[Tag],
    ) -> Result<VirtualMfaDevice> {
        Err(missing())
    }
    pub async fn enable_mfa_device(&self, u: &str, s: &str, c1: &str, c2: &str) -> Result<()> {
        Err(missing())
    }
    pub async fn deactivate_mfa_device(&self, serial: &str, user: Option<&str>) -> Result<()> {
        Err(missing())
    }
    pub async fn delete_virtual_mfa_device(&self, serial: &str) -> Result<()> {
        Err(missing())
    }
    pub async fn list_mfa_devices(
        &self,
        user: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<MfaDevice>> {
        Err(missing())
    }
    pub async fn list_virtual_mfa_devices(
        &self,
        status: AssignmentStatus,
        page: &PageRequest,
    ) -> Result<Page<VirtualMfaDevice>> {
        Err(missing())
    }
    pub async fn get_mfa_device(&self, s: &str, u: Option<&str>) -> Result<MfaDeviceDetail> {
        Err(missing())
    }
    pub async fn resync_mfa_device(&self, u: &str, s: &str, c1: &str, c2: &str) -> Result<()> {
        Err(missing())
    }
    pub async fn tag_mfa_device(&self, serial: &str, tags: &[Tag]) -> Result<()> {
        Err(missing())
    }
    pub async fn untag_mfa_device(&self, serial: &str, keys: &[String]) -> Result<()> {
        Err(missing())
    }
    pub async fn list_mfa_device_tags(&self, s: &str, page: &PageRequest) -> Result<Page<Tag>> {
        Err(missing())
    }
}
