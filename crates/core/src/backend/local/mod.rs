//! The embedded IAM emulator: IAM's MFA operations over a SQLite store.
//!
//! [`LocalBackend`] answers the eleven MFA operations as IAM does, with
//! real seeds, real QR codes, real TOTP checks, and IAM's conflicts,
//! quotas and messages, plus the administrative calls that IAM offers
//! elsewhere: users, hardware tokens, the calling user and the clock.
//! The [`crate::Client`] checks every argument against IAM's model before
//! calling it; the backend checks what only the store knows: existence,
//! assignment, quotas, codes and the length of the serial numbers it makes.
//!
//! Choices where IAM's documentation is silent:
//! - a virtual device's name is unique in the account whatever its path
//!   and its case, as IAM's other names are;
//! - `GetMFADevice` of an unassigned device, virtual or hardware, answers
//!   with the serial number alone (no user, no enable date); with a user
//!   name, the device must be enabled for that user;
//! - `GetMFADevice` without a user name finds the device whoever holds it;
//! - hardware serial numbers are vendor serials: not ARNs, and at most
//!   [`HARDWARE_SERIAL_NUMBER_MAX`] characters so that any of them fits in
//!   a marker;
//! - without a calling user, operations whose user name is optional answer
//!   as IAM does for non-user credentials.

mod devices;
mod paging;
mod store;
mod tags;
mod users;
mod verify;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::clock::Clock;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, QrCodePng, Tag, User,
    VirtualMfaDevice,
};
use crate::secret::Secret;
use crate::{totp, validate};

use devices::{Codes, NewVirtualDevice, Quotas};
use store::Store;

/// The longest serial number a registered hardware token may have.
pub const HARDWARE_SERIAL_NUMBER_MAX: usize = paging::KEY_BYTES_MAX;

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

/// The emulator: one store, the options it was opened with, and the
/// calling user.
///
/// `Send` and `Sync`: calls from many threads take turns on one SQLite
/// connection. Several processes, or several backends in one process, may
/// open the same file; each operation is one transaction.
pub struct LocalBackend {
    /// Boxed: a SQLite connection with its statement cache is large, and
    /// the client keeps a backend inline in an enum.
    store: Box<Store>,
    options: LocalOptions,
    caller: Mutex<Option<String>>,
}

impl std::fmt::Debug for LocalBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalBackend")
            .field("path", &self.store.path())
            .field("account_id", &self.options.account_id)
            .finish_non_exhaustive()
    }
}

impl LocalBackend {
    /// Opens the store of `options.path`, creating it (owner-only) when it
    /// does not exist, or a fresh one in memory.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when the account id is not 12 digits or
    /// the file belongs to another account; [`ErrorKind::Storage`] when the
    /// file cannot be opened, is not an emulator store, or was written by
    /// a newer version of this library.
    pub fn open(options: LocalOptions) -> Result<LocalBackend> {
        let account_id = &options.account_id;
        if account_id.len() != 12 || !account_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::validation("accountId: must be exactly 12 digits"));
        }
        let store = Box::new(Store::open(options.path.as_deref(), account_id)?);
        Ok(LocalBackend {
            store,
            options,
            caller: Mutex::new(None),
        })
    }

    /// The options the emulator was opened with.
    pub fn options(&self) -> &LocalOptions {
        &self.options
    }

    /// The store's file, `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.store.path()
    }

    /// The account id in every ARN.
    pub fn account_id(&self) -> &str {
        &self.options.account_id
    }

    /// The emulator's clock. Move a manual clock through this reference or
    /// a clone of it.
    pub fn clock(&self) -> &Clock {
        &self.options.clock
    }

    /// Chooses the user that calls without a user name act as, or none.
    /// The choice belongs to this backend only, not to the store.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user.
    pub fn set_caller(&self, user_name: Option<&str>) -> Result<()> {
        let caller = match user_name {
            Some(name) => {
                validate::existing_user_name(name)?;
                let user = self
                    .store
                    .read(|db| users::require(db, self.account_id(), name))?;
                Some(user.user.user_name)
            }
            None => None,
        };
        *self.caller.lock().unwrap_or_else(|p| p.into_inner()) = caller;
        Ok(())
    }

    /// The calling user, if one is set.
    pub fn caller(&self) -> Option<String> {
        self.caller
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Registers a hardware TOTP token, as its vendor's factory would: its
    /// serial number and its base32 seed. It can then be enabled for a
    /// user like a virtual device.
    ///
    /// # Errors
    ///
    /// `InvalidInput` for a bad serial number (IAM's rule, not an ARN, at
    /// most [`HARDWARE_SERIAL_NUMBER_MAX`] characters) or a seed that is
    /// not base32; `EntityAlreadyExists` when the serial number is taken.
    pub fn register_hardware_token(&self, serial_number: &str, seed: &Secret) -> Result<()> {
        validate::serial_number(serial_number)?;
        if serial_number.len() > HARDWARE_SERIAL_NUMBER_MAX {
            return Err(Error::validation(format!(
                "serialNumber: a hardware token's serial number must have length less than or \
                 equal to {HARDWARE_SERIAL_NUMBER_MAX}"
            )));
        }
        if serial_number.starts_with("arn:") {
            return Err(Error::validation(
                "serialNumber: a hardware token's serial number is its vendor's, not an ARN",
            ));
        }
        totp::Key::from_base32(seed.expose())?;
        let seed = seed
            .expose_str()
            .ok_or_else(|| Error::validation("seed: must be base32 text"))?;

        let now = self.clock().now();
        self.store
            .write(|db| devices::register_hardware(db, serial_number, seed, now))?;
        tracing::debug!(serial_number, "hardware token registered");
        Ok(())
    }

    /// `CreateUser`.
    ///
    /// # Errors
    ///
    /// `EntityAlreadyExists` when the name is taken in any case.
    pub fn create_user(&self, user_name: &str, path: &str) -> Result<User> {
        let now = self.clock().now();
        self.store
            .write(|db| users::create(db, self.account_id(), user_name, path, now))
    }

    /// `GetUser`; without a name, the calling user.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user; `ValidationError` without a name
    /// when no calling user is set.
    pub fn get_user(&self, user_name: Option<&str>) -> Result<User> {
        let user_name = self.user_or_caller(user_name)?;
        self.store
            .read(|db| users::require(db, self.account_id(), &user_name))
            .map(|row| row.user)
    }

    /// `DeleteUser`.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user, `DeleteConflict` while the user
    /// holds MFA devices.
    pub fn delete_user(&self, user_name: &str) -> Result<()> {
        self.store
            .write(|db| users::delete(db, self.account_id(), user_name))
    }

    /// `ListUsers`, one page, in the order of the names.
    ///
    /// # Errors
    ///
    /// `ValidationError` for a bad marker.
    pub fn list_users(&self, path_prefix: Option<&str>, page: &PageRequest) -> Result<Page<User>> {
        self.store
            .read(|db| users::list(db, self.account_id(), path_prefix, page))
    }

    /// `CreateVirtualMFADevice`: a fresh seed, its QR code (drawn when the
    /// caller first reads it), and the device stored unassigned with its
    /// tags.
    ///
    /// # Errors
    ///
    /// `InvalidInput` when path and name make a serial number longer than
    /// 256 characters, `EntityAlreadyExists` when the name is taken,
    /// `LimitExceeded` at the account's quota.
    pub fn create_virtual_mfa_device(
        &self,
        name: &str,
        path: &str,
        tags: &[Tag],
    ) -> Result<VirtualMfaDevice> {
        let account_id = self.account_id();
        validate::virtual_mfa_device_serial(account_id, path, name)?;

        let seed = totp::generate_seed()?;
        let qr_code_png = QrCodePng::of_uri(totp::otpauth_uri(name, account_id, &seed))?;
        let device = NewVirtualDevice {
            serial_number: format!("{}{path}{name}", paging::serial_prefix(account_id)),
            name,
            seed,
            tags,
        };

        let now = self.clock().now();
        let quotas = self.quotas();
        self.store
            .write(|db| devices::create_virtual(db, &device, quotas, now))?;

        Ok(VirtualMfaDevice {
            serial_number: device.serial_number,
            base32_string_seed: Some(device.seed),
            qr_code_png: Some(qr_code_png),
            user: None,
            enable_date: None,
            tags: tags.to_vec(),
        })
    }

    /// Stores a virtual device with a seed of the caller's choosing, as
    /// `CreateVirtualMFADevice` would store it but without drawing its QR
    /// code: for tests that need a known seed, and for loading many devices
    /// quickly. Returns its serial number.
    ///
    /// # Errors
    ///
    /// `InvalidInput` for a bad name, path, tag or seed, or a serial number
    /// longer than 256 characters; `EntityAlreadyExists` when the name is
    /// taken; `LimitExceeded` at the account's quota.
    pub fn import_virtual_mfa_device(
        &self,
        name: &str,
        path: &str,
        seed: &Secret,
        tags: &[Tag],
    ) -> Result<String> {
        let account_id = self.account_id();
        validate::virtual_mfa_device_name(name)?;
        validate::path(path)?;
        validate::tags(tags)?;
        validate::virtual_mfa_device_serial(account_id, path, name)?;
        totp::Key::from_base32(seed.expose())?;
        if seed.expose_str().is_none() {
            return Err(Error::validation("seed: must be base32 text"));
        }

        let device = NewVirtualDevice {
            serial_number: format!("{}{path}{name}", paging::serial_prefix(account_id)),
            name,
            seed: seed.clone(),
            tags,
        };
        let now = self.clock().now();
        let quotas = self.quotas();
        self.store
            .write(|db| devices::create_virtual(db, &device, quotas, now))?;
        Ok(device.serial_number)
    }

    /// `EnableMFADevice`.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user or device, `EntityAlreadyExists`
    /// when the device is assigned, `LimitExceeded` when the user holds the
    /// most devices allowed, `InvalidAuthenticationCode` unless the codes
    /// are those of consecutive steps, the second within one step of now.
    pub fn enable_mfa_device(&self, user: &str, serial: &str, c1: &str, c2: &str) -> Result<()> {
        let codes = Codes {
            first: c1,
            second: c2,
        };
        let now = self.clock().now();
        let quotas = self.quotas();
        self.store
            .write(|db| devices::enable(db, self.account_id(), user, serial, &codes, quotas, now))
    }

    /// `DeactivateMFADevice`; without a user name, the calling user's
    /// device. A virtual device stays, unassigned.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` unless the device is enabled for the user;
    /// `ValidationError` without a name when no calling user is set.
    pub fn deactivate_mfa_device(&self, serial: &str, user: Option<&str>) -> Result<()> {
        let user = self.user_or_caller(user)?;
        self.store
            .write(|db| devices::deactivate(db, self.account_id(), &user, serial))
    }

    /// `DeleteVirtualMFADevice`.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` when there is no such virtual device (hardware tokens
    /// included), `DeleteConflict` while it is assigned.
    pub fn delete_virtual_mfa_device(&self, serial: &str) -> Result<()> {
        self.store.write(|db| devices::delete_virtual(db, serial))
    }

    /// `ListMFADevices`, one page; without a user name, the calling user's
    /// devices.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown user, `ValidationError` for a bad
    /// marker or without a name when no calling user is set.
    pub fn list_mfa_devices(
        &self,
        user: Option<&str>,
        page: &PageRequest,
    ) -> Result<Page<MfaDevice>> {
        let user = self.user_or_caller(user)?;
        self.store
            .read(|db| devices::list_for_user(db, self.account_id(), &user, page))
    }

    /// `ListVirtualMFADevices`, one page.
    ///
    /// # Errors
    ///
    /// `ValidationError` for a bad marker.
    pub fn list_virtual_mfa_devices(
        &self,
        status: AssignmentStatus,
        page: &PageRequest,
    ) -> Result<Page<VirtualMfaDevice>> {
        self.store
            .read(|db| devices::list_virtual(db, self.account_id(), status, page))
    }

    /// `GetMFADevice`. An unassigned device answers with its serial number
    /// alone; with a user name, the device must be enabled for that user.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` for an unknown device or user, or a device that is
    /// not that user's.
    pub fn get_mfa_device(&self, serial: &str, user: Option<&str>) -> Result<MfaDeviceDetail> {
        self.store
            .read(|db| devices::get(db, self.account_id(), serial, user))
    }

    /// `ResyncMFADevice`: finds the codes within minutes of now and
    /// remembers the drift for later checks.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` unless the device is enabled for the user,
    /// `InvalidAuthenticationCode` when the codes do not match.
    pub fn resync_mfa_device(&self, user: &str, serial: &str, c1: &str, c2: &str) -> Result<()> {
        let codes = Codes {
            first: c1,
            second: c2,
        };
        let now = self.clock().now();
        self.store
            .write(|db| devices::resync(db, self.account_id(), user, serial, &codes, now))
    }

    /// `TagMFADevice`.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` when there is no such virtual device, `LimitExceeded`
    /// past 50 tags.
    pub fn tag_mfa_device(&self, serial: &str, tags: &[Tag]) -> Result<()> {
        self.store.write(|db| tags::tag(db, serial, tags))
    }

    /// `UntagMFADevice`.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` when there is no such virtual device.
    pub fn untag_mfa_device(&self, serial: &str, keys: &[String]) -> Result<()> {
        self.store.write(|db| tags::untag(db, serial, keys))
    }

    /// `ListMFADeviceTags`, one page, sorted by key.
    ///
    /// # Errors
    ///
    /// `NoSuchEntity` when there is no such virtual device,
    /// `ValidationError` for a bad marker.
    pub fn list_mfa_device_tags(&self, serial: &str, page: &PageRequest) -> Result<Page<Tag>> {
        self.store.read(|db| tags::list(db, serial, page))
    }

    fn quotas(&self) -> Quotas {
        Quotas {
            virtual_mfa_devices: self.options.max_virtual_mfa_devices,
            mfa_devices_per_user: self.options.max_mfa_devices_per_user,
        }
    }

    /// The user name given, or the calling user's.
    fn user_or_caller(&self, user_name: Option<&str>) -> Result<String> {
        match user_name {
            Some(name) => Ok(name.to_owned()),
            None => self
                .caller()
                .ok_or_else(|| Error::new(ErrorKind::InvalidInput, users::NO_CALLING_USER)),
        }
    }
}

#[cfg(test)]
mod tests;
