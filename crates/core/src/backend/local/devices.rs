//! The emulator's MFA devices: virtual devices and registered hardware
//! tokens, their assignment to users, and the lists of them.
//!
//! Both kinds live in one table keyed by serial number. A virtual device
//! also has a name, unique in the account whatever its path and its case;
//! a hardware token has only the serial number its vendor printed on it.
//! Every device keeps its seed, to check codes, and the drift that the last
//! resync found, which later checks apply.

use std::time::SystemTime;

use rusqlite::{Connection, OptionalExtension, Row, params};
use zeroize::Zeroizing;

use super::paging::{self, List};
use super::users::{self, USER_COLUMNS, UserRow};
use super::verify::{self, ENABLE_WINDOW_STEPS, RESYNC_WINDOW_STEPS};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    AssignmentStatus, MfaDevice, MfaDeviceDetail, Page, PageRequest, Tag, VirtualMfaDevice,
};
use crate::secret::Secret;
use crate::totp::Key;

/// A device as stored.
pub(super) struct DeviceRow {
    pub(super) serial_number: String,
    pub(super) hardware: bool,
    seed: Zeroizing<String>,
    user: Option<i64>,
    enable_date: Option<i64>,
    drift: i64,
}

/// The quotas that device operations enforce.
#[derive(Debug, Clone, Copy)]
pub(super) struct Quotas {
    pub(super) virtual_mfa_devices: u32,
    pub(super) mfa_devices_per_user: u32,
}

/// IAM's answer for an unknown serial number.
pub(super) fn no_such_device(serial_number: &str) -> Error {
    Error::new(
        ErrorKind::NoSuchEntity,
        format!("MFA Device with serial number {serial_number} does not exist."),
    )
}

fn not_enabled_for(serial_number: &str, user_name: &str) -> Error {
    Error::new(
        ErrorKind::NoSuchEntity,
        format!(
            "MFA Device with serial number {serial_number} is not enabled for the user with \
             name {user_name}."
        ),
    )
}

fn invalid_codes() -> Error {
    Error::new(
        ErrorKind::InvalidAuthenticationCode,
        "Authentication code for device is not valid.",
    )
}

/// The device of `serial_number`, if there is one.
///
/// # Errors
///
/// [`ErrorKind::Storage`].
pub(super) fn find(db: &Connection, serial_number: &str) -> Result<Option<DeviceRow>> {
    let mut statement = db.prepare_cached(
        "SELECT serial_number, hardware, seed, user, enable_date, drift \
         FROM devices WHERE serial_number = ?1",
    )?;
    let row = statement
        .query_row([serial_number], |row| {
            Ok(DeviceRow {
                serial_number: row.get(0)?,
                hardware: row.get(1)?,
                seed: Zeroizing::new(row.get(2)?),
                user: row.get(3)?,
                enable_date: row.get(4)?,
                drift: row.get(5)?,
            })
        })
        .optional()?;
    Ok(row)
}

/// The device of `serial_number`.
///
/// # Errors
///
/// `NoSuchEntity` when there is none.
pub(super) fn require(db: &Connection, serial_number: &str) -> Result<DeviceRow> {
    find(db, serial_number)?.ok_or_else(|| no_such_device(serial_number))
}

/// The virtual device of `serial_number`: hardware tokens are not virtual
/// devices and are answered as unknown, as IAM does.
///
/// # Errors
///
/// `NoSuchEntity` when there is no such virtual device.
pub(super) fn require_virtual(db: &Connection, serial_number: &str) -> Result<DeviceRow> {
    match find(db, serial_number)? {
        Some(device) if !device.hardware => Ok(device),
        _ => Err(no_such_device(serial_number)),
    }
}

/// What a new virtual device is made of, prepared before the transaction
/// so that the store is not held while the QR code is drawn.
pub(super) struct NewVirtualDevice<'a> {
    pub(super) serial_number: String,
    pub(super) name: &'a str,
    pub(super) seed: Secret,
    pub(super) tags: &'a [Tag],
}

/// Stores a new virtual device and its tags.
///
/// # Errors
///
/// `EntityAlreadyExists` when the name is taken, `LimitExceeded` at the
/// account's quota of virtual devices.
pub(super) fn create_virtual(
    db: &Connection,
    device: &NewVirtualDevice<'_>,
    quotas: Quotas,
    now: SystemTime,
) -> Result<()> {
    let name_key = device.name.to_ascii_lowercase();
    let taken: bool = db
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM devices WHERE name_key = ?1 OR serial_number = ?2)",
        )?
        .query_row(params![name_key, device.serial_number], |row| row.get(0))?;
    if taken {
        return Err(Error::new(
            ErrorKind::EntityAlreadyExists,
            "MFA device already exists.",
        ));
    }

    let count: i64 = db
        .prepare_cached("SELECT virtual_devices FROM account WHERE id = 1")?
        .query_row([], |row| row.get(0))?;
    if count >= i64::from(quotas.virtual_mfa_devices) {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            format!(
                "Cannot exceed quota for VirtualMFADevicesPerAccount: {}",
                quotas.virtual_mfa_devices
            ),
        ));
    }

    let seed = device.seed.expose_str().unwrap_or_default();
    db.prepare_cached(
        "INSERT INTO devices (serial_number, hardware, name_key, seed, create_date) \
         VALUES (?1, 0, ?2, ?3, ?4)",
    )?
    .execute(params![
        device.serial_number,
        name_key,
        seed,
        users::seconds(now)
    ])?;
    super::tags::insert(db, &device.serial_number, device.tags)
}

/// Stores a hardware token's serial number and seed.
///
/// # Errors
///
/// `EntityAlreadyExists` when the serial number is taken.
pub(super) fn register_hardware(
    db: &Connection,
    serial_number: &str,
    seed: &str,
    now: SystemTime,
) -> Result<()> {
    if find(db, serial_number)?.is_some() {
        return Err(Error::new(
            ErrorKind::EntityAlreadyExists,
            format!("MFA Device with serial number {serial_number} already exists."),
        ));
    }
    db.prepare_cached(
        "INSERT INTO devices (serial_number, hardware, seed, create_date) VALUES (?1, 1, ?2, ?3)",
    )?
    .execute(params![serial_number, seed, users::seconds(now)])?;
    Ok(())
}

/// A pair of codes to check.
pub(super) struct Codes<'a> {
    pub(super) first: &'a str,
    pub(super) second: &'a str,
}

/// Assigns a device to a user, proven by two consecutive codes.
///
/// # Errors
///
/// `NoSuchEntity` for an unknown user or device, `EntityAlreadyExists`
/// when the device is assigned, `LimitExceeded` when the user holds the
/// most devices allowed, `InvalidAuthenticationCode` when the codes do not
/// match.
pub(super) fn enable(
    db: &Connection,
    account_id: &str,
    user_name: &str,
    serial_number: &str,
    codes: &Codes<'_>,
    quotas: Quotas,
    now: SystemTime,
) -> Result<()> {
    let user = users::require(db, account_id, user_name)?;
    let device = require(db, serial_number)?;
    if device.user.is_some() {
        return Err(Error::new(
            ErrorKind::EntityAlreadyExists,
            "MFA Device is already in use.",
        ));
    }

    let held: i64 = db
        .prepare_cached("SELECT count(*) FROM devices WHERE user = ?1")?
        .query_row([user.id], |row| row.get(0))?;
    if held >= i64::from(quotas.mfa_devices_per_user) {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            format!(
                "Cannot exceed quota for MFADevicesPerUser: {}",
                quotas.mfa_devices_per_user
            ),
        ));
    }

    let key = Key::from_base32(device.seed.as_bytes())?;
    let matched = verify::find_drift(
        &key,
        now,
        device.drift,
        ENABLE_WINDOW_STEPS,
        codes.first,
        codes.second,
    );
    if matched.is_none() {
        return Err(invalid_codes());
    }

    db.prepare_cached("UPDATE devices SET user = ?1, enable_date = ?2 WHERE serial_number = ?3")?
        .execute(params![user.id, users::seconds(now), serial_number])?;
    Ok(())
}

/// Checks two consecutive codes over a window of minutes and remembers
/// the drift they show.
///
/// # Errors
///
/// `NoSuchEntity` unless the device is enabled for the user,
/// `InvalidAuthenticationCode` when the codes do not match.
pub(super) fn resync(
    db: &Connection,
    account_id: &str,
    user_name: &str,
    serial_number: &str,
    codes: &Codes<'_>,
    now: SystemTime,
) -> Result<()> {
    let (_, device) = require_enabled_for(db, account_id, user_name, serial_number)?;

    let key = Key::from_base32(device.seed.as_bytes())?;
    let drift = verify::find_drift(
        &key,
        now,
        device.drift,
        RESYNC_WINDOW_STEPS,
        codes.first,
        codes.second,
    )
    .ok_or_else(invalid_codes)?;

    tracing::debug!(drift_steps = drift, "device resynchronised");
    db.prepare_cached("UPDATE devices SET drift = ?1 WHERE serial_number = ?2")?
        .execute(params![drift, serial_number])?;
    Ok(())
}

/// Removes a device from its user; the device itself stays.
///
/// # Errors
///
/// `NoSuchEntity` unless the device is enabled for the user.
pub(super) fn deactivate(
    db: &Connection,
    account_id: &str,
    user_name: &str,
    serial_number: &str,
) -> Result<()> {
    require_enabled_for(db, account_id, user_name, serial_number)?;
    db.prepare_cached(
        "UPDATE devices SET user = NULL, enable_date = NULL WHERE serial_number = ?1",
    )?
    .execute([serial_number])?;
    Ok(())
}

/// Deletes an unassigned virtual device and its tags.
///
/// # Errors
///
/// `NoSuchEntity` when there is no such virtual device, `DeleteConflict`
/// while it is assigned.
pub(super) fn delete_virtual(db: &Connection, serial_number: &str) -> Result<()> {
    let device = require_virtual(db, serial_number)?;
    if device.user.is_some() {
        return Err(Error::new(
            ErrorKind::DeleteConflict,
            "Cannot delete entity, must deactivate MFA device first.",
        ));
    }
    db.prepare_cached("DELETE FROM devices WHERE serial_number = ?1")?
        .execute([serial_number])?;
    Ok(())
}

/// What `GetMFADevice` says of a device. An unassigned device, virtual or
/// hardware, answers with its serial number alone; with `user_name`, the
/// device must be enabled for that user.
///
/// # Errors
///
/// `NoSuchEntity` for an unknown user or device, or a device that is not
/// that user's.
pub(super) fn get(
    db: &Connection,
    account_id: &str,
    serial_number: &str,
    user_name: Option<&str>,
) -> Result<MfaDeviceDetail> {
    let (owner, device) = match user_name {
        Some(user_name) => {
            let (user, device) = require_enabled_for(db, account_id, user_name, serial_number)?;
            (Some(user), device)
        }
        None => {
            let device = require(db, serial_number)?;
            let owner = match device.user {
                Some(id) => Some(user_by_id(db, account_id, id)?),
                None => None,
            };
            (owner, device)
        }
    };
    Ok(MfaDeviceDetail {
        user_name: owner.map(|owner| owner.user.user_name),
        serial_number: device.serial_number,
        enable_date: device.enable_date.map(users::from_seconds),
        certifications: Default::default(),
    })
}

/// The query of a user's devices after a marker: user, marker.
pub(super) const LIST_FOR_USER_SQL: &str = "SELECT serial_number, enable_date FROM devices \
     WHERE user = ?1 AND serial_number > ?2 ORDER BY serial_number";

/// One page of the devices enabled for a user, virtual and hardware.
///
/// # Errors
///
/// `NoSuchEntity` for an unknown user, `ValidationError` for a bad marker.
pub(super) fn list_for_user(
    db: &Connection,
    account_id: &str,
    user_name: &str,
    page: &PageRequest,
) -> Result<Page<MfaDevice>> {
    let user = users::require(db, account_id, user_name)?;
    let after = match &page.marker {
        Some(marker) => paging::decode_key(List::MfaDevices, account_id, marker)?,
        None => String::new(),
    };
    let limit = paging::max_items(page);

    let mut statement = db.prepare_cached(LIST_FOR_USER_SQL)?;
    let rows = statement
        .query_map(params![user.id, after], |row| {
            Ok(MfaDevice {
                user_name: user.user.user_name.clone(),
                serial_number: row.get(0)?,
                enable_date: users::from_seconds(row.get(1)?),
            })
        })?
        .take(limit + 1)
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok(paging::page_of(rows, limit, |device| {
        paging::encode_key(List::MfaDevices, account_id, &device.serial_number)
    }))
}

/// One page of the virtual devices of an assignment status. No seed, QR
/// code or tags; an assigned device carries its user and enable date.
///
/// # Errors
///
/// `ValidationError` for a bad marker.
pub(super) fn list_virtual(
    db: &Connection,
    account_id: &str,
    status: AssignmentStatus,
    page: &PageRequest,
) -> Result<Page<VirtualMfaDevice>> {
    let after = match &page.marker {
        Some(marker) => paging::decode_key(List::VirtualMfaDevices, account_id, marker)?,
        None => String::new(),
    };
    let limit = paging::max_items(page);

    let mut statement = db.prepare_cached(&list_virtual_sql(status))?;
    let rows = statement
        .query_map([after], |row| virtual_from_row(row, account_id))?
        .take(limit + 1)
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok(paging::page_of(rows, limit, |device| {
        paging::encode_key(List::VirtualMfaDevices, account_id, &device.serial_number)
    }))
}

/// The query of the virtual devices of an assignment status after a
/// marker. Each status's condition is written exactly as the condition of
/// its partial index, so that SQLite walks that index from the marker on.
pub(super) fn list_virtual_sql(status: AssignmentStatus) -> String {
    let filter = match status {
        AssignmentStatus::Any => "devices.hardware = 0",
        AssignmentStatus::Assigned => "devices.hardware = 0 AND devices.user IS NOT NULL",
        AssignmentStatus::Unassigned => "devices.hardware = 0 AND devices.user IS NULL",
    };
    format!(
        "SELECT devices.serial_number, devices.enable_date, {USER_COLUMNS} \
         FROM devices LEFT JOIN users ON users.id = devices.user \
         WHERE {filter} AND devices.serial_number > ?1 \
         ORDER BY devices.serial_number"
    )
}

fn virtual_from_row(row: &Row<'_>, account_id: &str) -> rusqlite::Result<VirtualMfaDevice> {
    let enable_date: Option<i64> = row.get(1)?;
    let user = match row.get::<_, Option<i64>>(2)? {
        Some(_) => Some(users::user_from_row(row, 2, account_id)?.user),
        None => None,
    };
    Ok(VirtualMfaDevice {
        serial_number: row.get(0)?,
        base32_string_seed: None,
        qr_code_png: None,
        user,
        enable_date: enable_date.map(users::from_seconds),
        tags: Vec::new(),
    })
}

/// The user and the device, when the device is enabled for that user.
fn require_enabled_for(
    db: &Connection,
    account_id: &str,
    user_name: &str,
    serial_number: &str,
) -> Result<(UserRow, DeviceRow)> {
    let user = users::require(db, account_id, user_name)?;
    let device = require(db, serial_number)?;
    if device.user != Some(user.id) {
        return Err(not_enabled_for(serial_number, &user.user.user_name));
    }
    Ok((user, device))
}

fn user_by_id(db: &Connection, account_id: &str, id: i64) -> Result<UserRow> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1");
    let user = db
        .prepare_cached(&sql)?
        .query_row([id], |row| users::user_from_row(row, 0, account_id))?;
    Ok(user)
}
