//! Killing a process in the middle of writes to a file store loses no
//! committed device and never leaves the file unreadable.
//!
//! The test re-runs its own binary as a child process that creates and
//! tags devices in a loop, printing each serial number once its device is
//! committed. The parent reads some of those lines, kills the child with
//! SIGKILL mid-stream, and reopens the file: every serial the child
//! reported must be there, SQLite's integrity check must pass, and the
//! store must take new writes. It does this several times on one file.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use iam_mfa::blocking::Client;
use iam_mfa::{AssignmentStatus, LocalOptions, Tag};

/// Set in the child's environment to the file it writes to.
const STORE_VARIABLE: &str = "IAM_MFA_CRASH_TEST_STORE";

/// Set in the child's environment to the prefix of its device names.
const PREFIX_VARIABLE: &str = "IAM_MFA_CRASH_TEST_PREFIX";

/// What the child prints before each committed serial number.
const COMMITTED: &str = "committed ";

/// How many children are killed, one after the other, on one file.
const ROUNDS: usize = 4;

/// The signal `Child::kill` sends on Unix.
const SIGKILL: i32 = 9;

fn client(path: &Path) -> Client {
    Client::local(LocalOptions {
        path: Some(path.to_path_buf()),
        max_virtual_mfa_devices: 1_000_000,
        ..LocalOptions::default()
    })
    .expect("the store opens")
}

/// Creates and tags devices named `PREFIX-N`, printing each committed
/// serial number, `limit` times or forever.
fn write_devices(client: &Client, prefix: &str, limit: Option<usize>) -> Vec<String> {
    let mut serials = Vec::new();
    let tags = [Tag::new("writer", prefix)];
    for n in 0..limit.unwrap_or(usize::MAX) {
        let device = client
            .create_virtual_mfa_device(&format!("{prefix}-{n:07}"), Some("/crash/"), &tags)
            .expect("the device is created");
        client
            .tag_mfa_device(&device.serial_number, &[Tag::new("n", n.to_string())])
            .expect("the device is tagged");
        println!("{COMMITTED}{}", device.serial_number);
        serials.push(device.serial_number);
    }
    serials
}

/// The writer half of `a_killed_writer_loses_no_committed_device`, which
/// runs it in a child process with the store's path in its environment.
/// Run on its own, it writes a few devices to a store of its own and
/// checks they are there.
#[test]
#[ignore = "run as a child process by a_killed_writer_loses_no_committed_device"]
fn writer_child() {
    match std::env::var_os(STORE_VARIABLE) {
        Some(path) => {
            let prefix = std::env::var(PREFIX_VARIABLE).expect("the parent names a prefix");
            write_devices(&client(Path::new(&path)), &prefix, None);
        }
        None => {
            let dir = tempfile::tempdir().unwrap();
            let client = client(&dir.path().join("store.sqlite"));
            let serials = write_devices(&client, "alone", Some(20));
            for serial in serials {
                client.get_mfa_device(&serial, None).unwrap();
            }
        }
    }
}

/// Runs a writer child on `path`, kills it after `kill_after` committed
/// devices, and returns every serial number it reported.
fn run_and_kill(path: &Path, prefix: &str, kill_after: usize) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["writer_child", "--exact", "--ignored", "--nocapture"])
        .args(["--test-threads", "1"])
        .env(STORE_VARIABLE, path)
        .env(PREFIX_VARIABLE, prefix)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");

    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut reported = Vec::new();
    while reported.len() < kill_after {
        let line = lines
            .next()
            .expect("the child writes until it is killed")
            .unwrap();
        if let Some(serial) = line.strip_prefix(COMMITTED) {
            reported.push(serial.to_owned());
        }
    }

    child.kill().expect("SIGKILL is delivered");
    for line in lines {
        if let Some(serial) = line.unwrap().strip_prefix(COMMITTED) {
            reported.push(serial.to_owned());
        }
    }
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(SIGKILL), "{status:?}");
    reported
}

fn integrity_check(path: &PathBuf) -> String {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn a_killed_writer_loses_no_committed_device() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite");
    let mut committed = Vec::new();

    for round in 0..ROUNDS {
        let reported = run_and_kill(&path, &format!("round{round}"), 40 + 37 * round);
        assert!(reported.len() >= 40 + 37 * round);
        committed.extend(reported);

        assert_eq!(integrity_check(&path), "ok", "after round {round}");
        let client = client(&path);
        for serial in &committed {
            let device = client.get_mfa_device(serial, None);
            assert!(device.is_ok(), "{serial} was lost: {device:?}");
        }
        let listed = client
            .list_virtual_mfa_devices_all(AssignmentStatus::Unassigned)
            .collect::<Result<Vec<_>, _>>()
            .expect("the store is readable")
            .len();
        assert!(listed >= committed.len(), "{listed} < {}", committed.len());
        client
            .create_virtual_mfa_device(&format!("after-round{round}"), None, &[])
            .expect("the store takes new writes");
    }
}
