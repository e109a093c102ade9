//! The whole life of a virtual MFA device, on the embedded IAM emulator.
//!
//! Run it with `cargo run -p iam-mfa --example quickstart`. Everything
//! happens in an in-memory emulator that disappears when the program ends.
//! The QR code image is written owner-only to the system's temporary
//! directory and removed at the end. The seed and the authentication codes
//! are never printed.

use std::error::Error;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use iam_mfa::{AssignmentStatus, Client, PageRequest, Secret, Tag, totp};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let client = Client::in_memory()?;
    let account = client.as_local().map_or("?", |local| local.account_id());
    println!("Started an in-memory IAM emulator of account {account}.");

    let user = client.create_user("alice", None).await?;
    println!("Created the user {} ({}).", user.user_name, user.arn);

    let tags = [Tag::new("team", "ops")];
    let device = client
        .create_virtual_mfa_device("alice-phone", None, &tags)
        .await?;
    println!("Created the virtual MFA device {}.", device.serial_number);

    let qr_code = device
        .qr_code_png
        .as_ref()
        .ok_or("the device has no QR code")?;
    let qr_path = write_owner_only(&qr_code_path(), qr_code.png())?;
    println!(
        "Wrote its QR code, which an authenticator app scans, to {} (readable by you alone).",
        qr_path.display()
    );

    let seed = device
        .base32_string_seed
        .as_ref()
        .ok_or("the device has no seed")?;
    let (code1, code2) = totp::enable_codes(seed.expose(), SystemTime::now())?;
    client
        .enable_mfa_device(
            &user.user_name,
            &device.serial_number,
            code1.as_str(),
            code2.as_str(),
        )
        .await?;
    println!(
        "Enabled the device for {} with two consecutive codes computed from its seed.",
        user.user_name
    );

    let enabled = client
        .list_mfa_devices(Some(&user.user_name), &PageRequest::first())
        .await?;
    println!(
        "{} has {} MFA device(s):",
        user.user_name,
        enabled.items.len()
    );
    for listed in &enabled.items {
        println!("  {}", listed.serial_number);
    }

    let virtual_devices = client
        .list_virtual_mfa_devices_paginator(AssignmentStatus::Any)
        .try_collect()
        .await?;
    println!(
        "The account has {} virtual MFA device(s):",
        virtual_devices.len()
    );
    for listed in &virtual_devices {
        let holder = listed
            .user
            .as_ref()
            .map_or("nobody", |u| u.user_name.as_str());
        println!("  {}, assigned to {holder}", listed.serial_number);
    }

    let more_tags = [Tag::new("owner", "alice"), Tag::new("team", "security")];
    client
        .tag_mfa_device(&device.serial_number, &more_tags)
        .await?;
    println!("Tagged the device with owner=alice and changed team to security.");

    let tags = client
        .list_mfa_device_tags(&device.serial_number, &PageRequest::first())
        .await?;
    println!("Its tags, sorted by key:");
    for tag in &tags.items {
        println!("  {} = {}", tag.key, tag.value);
    }

    let detail = client
        .get_mfa_device(&device.serial_number, Some(&user.user_name))
        .await?;
    let holder = detail.user_name.as_deref().unwrap_or("nobody");
    let since = detail.enable_date.map_or("never".to_owned(), utc);
    println!("GetMFADevice says it belongs to {holder}, enabled at {since}.");

    let (code1, code2) = totp::enable_codes(seed.expose(), SystemTime::now())?;
    client
        .resync_mfa_device(
            &user.user_name,
            &device.serial_number,
            code1.as_str(),
            code2.as_str(),
        )
        .await?;
    println!("Resynchronised the device with two fresh codes.");

    client
        .deactivate_mfa_device(&device.serial_number, Some(&user.user_name))
        .await?;
    println!(
        "Deactivated the device: it is no longer {}'s.",
        user.user_name
    );

    client
        .delete_virtual_mfa_device(&device.serial_number)
        .await?;
    println!("Deleted the device.");

    client.delete_user(&user.user_name).await?;
    println!("Deleted the user {}.", user.user_name);

    std::fs::remove_file(&qr_path)?;
    println!("Removed the QR code file. Done.");
    Ok(())
}

/// A file name in the temporary directory that no other run uses.
fn qr_code_path() -> PathBuf {
    let name = format!("iam-mfa-quickstart-{}-alice-phone.png", std::process::id());
    std::env::temp_dir().join(name)
}

/// Writes `secret` to a new file at `path` that only its owner can read.
/// An existing file is never overwritten.
///
/// # Errors
///
/// Any error creating or writing the file, including that it exists.
fn write_owner_only(path: &Path, secret: &Secret) -> std::io::Result<PathBuf> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(secret.expose())?;
    file.sync_all()?;
    Ok(path.to_owned())
}

/// `at` as `YYYY-MM-DD hh:mm:ss UTC`.
fn utc(at: SystemTime) -> String {
    let seconds = at
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let (days, time) = (seconds / 86_400, seconds % 86_400);

    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let shifted = days + 719_468;
    let era = shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);

    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        time / 3_600,
        time / 60 % 60,
        time % 60
    )
}
