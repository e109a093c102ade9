//! The emulator's SQLite store: opening it, its schema, and transactions.
//!
//! A store is private memory, or a file that several processes may share.
//! A file is created readable and writable by its owner only (SQLite gives
//! its `-wal` and `-shm` companions the same permissions), kept in WAL mode
//! with `synchronous=FULL`, so a committed write survives the process being
//! killed and the machine losing power, and waited on for up to
//! [`BUSY_TIMEOUT`] when another process holds the write lock.
//!
//! The schema's version is SQLite's `user_version`. An empty file is given
//! the current schema; a file of a newer schema is refused rather than
//! misread. Every operation runs in one transaction, `IMMEDIATE` when it
//! writes, so its checks and its writes see one state and an error (or a
//! panic) leaves the store as it was.
//!
//! Statements are prepared once and kept in the connection's cache, the
//! transaction's own `BEGIN` and `COMMIT` included: an operation then costs
//! a few microseconds of SQLite work rather than parsing its SQL again.
//!
//! Seeds are stored in clear text in the store, which is why a file is
//! owner-only; SQLite's own page buffers are not wiped.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::error::{Error, ErrorKind, Result};

/// How long a writer waits for another process's write lock.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How many prepared statements the connection keeps: more than the
/// emulator's distinct statements, so that none is ever prepared twice.
const STATEMENT_CACHE_CAPACITY: usize = 64;

/// The version of the schema below, kept in `PRAGMA user_version`.
pub(super) const SCHEMA_VERSION: i64 = 1;

/// Version 1 of the schema.
///
/// Devices are keyed by serial number; partial indexes keep each list's
/// rows in serial order, so a page is one index range. A trigger keeps the
/// count of virtual devices that the account's quota is checked against.
const SCHEMA_V1: &str = "
CREATE TABLE account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    account_id TEXT NOT NULL,
    virtual_devices INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    user_id TEXT NOT NULL UNIQUE,
    create_date INTEGER NOT NULL
);
CREATE TABLE devices (
    serial_number TEXT NOT NULL PRIMARY KEY,
    hardware INTEGER NOT NULL CHECK (hardware IN (0, 1)),
    name_key TEXT UNIQUE,
    seed TEXT NOT NULL,
    user INTEGER REFERENCES users (id),
    enable_date INTEGER,
    drift INTEGER NOT NULL DEFAULT 0,
    create_date INTEGER NOT NULL,
    CHECK ((user IS NULL) = (enable_date IS NULL)),
    CHECK ((hardware = 1) = (name_key IS NULL))
);
CREATE INDEX devices_of_user ON devices (user, serial_number) WHERE user IS NOT NULL;
CREATE INDEX virtual_devices ON devices (serial_number) WHERE hardware = 0;
CREATE INDEX virtual_assigned ON devices (serial_number)
    WHERE hardware = 0 AND user IS NOT NULL;
CREATE INDEX virtual_unassigned ON devices (serial_number)
    WHERE hardware = 0 AND user IS NULL;
CREATE TABLE tags (
    serial_number TEXT NOT NULL REFERENCES devices (serial_number) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (serial_number, key)
) WITHOUT ROWID;
CREATE TRIGGER virtual_device_added AFTER INSERT ON devices WHEN NEW.hardware = 0
BEGIN
    UPDATE account SET virtual_devices = virtual_devices + 1;
END;
CREATE TRIGGER virtual_device_deleted AFTER DELETE ON devices WHEN OLD.hardware = 0
BEGIN
    UPDATE account SET virtual_devices = virtual_devices - 1;
END;
";

/// One connection to the store, shared by the threads of a backend.
pub(super) struct Store {
    connection: Mutex<Connection>,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (and creates when needed) the store of `account_id` at `path`,
    /// or a private one in memory when `path` is `None`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Storage`] when the file cannot be created or opened,
    /// is not an emulator store, or has a newer schema;
    /// [`ErrorKind::InvalidInput`] when it belongs to another account.
    pub(super) fn open(path: Option<&Path>, account_id: &str) -> Result<Store> {
        let mut connection = match path {
            None => Connection::open_in_memory()?,
            Some(path) => {
                create_owner_only(path)?;
                Connection::open(path).map_err(|error| storage(path, error))?
            }
        };

        connection.busy_timeout(BUSY_TIMEOUT)?;
        connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE_CAPACITY);
        connection.pragma_update(None, "foreign_keys", true)?;
        if let Some(path) = path {
            let mode: String =
                connection
                    .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::new(
                    ErrorKind::Storage,
                    format!("emulator store {}: cannot use WAL mode", path.display()),
                ));
            }
            connection.pragma_update(None, "synchronous", "FULL")?;
        }

        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        prepare_schema(&transaction, path, account_id)?;
        transaction.commit()?;

        tracing::debug!(path = ?path, schema = SCHEMA_VERSION, "emulator store open");
        Ok(Store {
            connection: Mutex::new(connection),
            path: path.map(Path::to_path_buf),
        })
    }

    /// The file of the store, `None` in memory.
    pub(super) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `work` in a read transaction.
    ///
    /// # Errors
    ///
    /// What `work` returns, or [`ErrorKind::Storage`].
    pub(super) fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.run("BEGIN DEFERRED", work)
    }

    /// Runs `work` in a write transaction, committed only when `work`
    /// succeeds.
    ///
    /// # Errors
    ///
    /// What `work` returns, or [`ErrorKind::Storage`].
    pub(super) fn write<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.run("BEGIN IMMEDIATE", work)
    }

    fn run<T>(&self, begin: &str, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let connection = self.lock();
        let open = OpenTransaction::begin(&connection, begin)?;
        let value = work(&connection)?;
        open.commit()?;
        Ok(value)
    }

    /// The connection. A thread that panicked while holding it left no
    /// transaction open (dropping a transaction rolls it back), so a
    /// poisoned lock is still safe to use.
    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A transaction begun with a cached statement; rolled back when dropped
/// uncommitted, whether `work` failed, panicked or the commit failed.
struct OpenTransaction<'a> {
    connection: &'a Connection,
    done: bool,
}

impl<'a> OpenTransaction<'a> {
    fn begin(connection: &'a Connection, begin: &str) -> Result<OpenTransaction<'a>> {
        connection.prepare_cached(begin)?.execute([])?;
        Ok(OpenTransaction {
            connection,
            done: false,
        })
    }

    fn commit(mut self) -> Result<()> {
        self.connection.prepare_cached("COMMIT")?.execute([])?;
        self.done = true;
        Ok(())
    }
}

impl Drop for OpenTransaction<'_> {
    fn drop(&mut self) {
        if !self.done && !self.connection.is_autocommit() {
            // Nothing more can be done if the rollback itself fails; the
            // next BEGIN then reports the connection's state.
            let _ = self.connection.execute_batch("ROLLBACK");
        }
    }
}

/// Creates the file with mode 0600 if it does not exist yet, so that the
/// seeds it will hold are never readable by others, not even briefly.
fn create_owner_only(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop).map_err(|error| {
        Error::new(
            ErrorKind::Storage,
            format!("emulator store {}: cannot create: {error}", path.display()),
        )
        .with_source(error)
    })
}

/// Gives an empty store the schema, refuses a newer one, and checks that
/// the store belongs to `account_id`.
fn prepare_schema(
    transaction: &Transaction<'_>,
    path: Option<&Path>,
    account_id: &str,
) -> Result<()> {
    let name = path.map_or_else(|| "in memory".to_owned(), |p| p.display().to_string());
    let version: i64 = transaction.query_row("PRAGMA user_version", [], |row| row.get(0))?;

    if version > SCHEMA_VERSION {
        return Err(Error::new(
            ErrorKind::Storage,
            format!(
                "emulator store {name}: schema version {version} is newer than the version \
                 {SCHEMA_VERSION} this library knows; open it with a newer iam-mfa"
            ),
        ));
    }
    if version == 0 {
        let tables: i64 =
            transaction.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
        if tables > 0 {
            return Err(Error::new(
                ErrorKind::Storage,
                format!("emulator store {name}: not an iam-mfa store (tables but no version)"),
            ));
        }
        transaction.execute_batch(SCHEMA_V1)?;
        transaction.execute(
            "INSERT INTO account (id, account_id) VALUES (1, ?1)",
            [account_id],
        )?;
        transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tracing::debug!(store = %name, schema = SCHEMA_VERSION, "emulator store created");
    }

    let owner: Option<String> = transaction
        .query_row("SELECT account_id FROM account WHERE id = 1", [], |row| {
            row.get(0)
        })
        .optional()?;
    match owner {
        Some(owner) if owner == account_id => Ok(()),
        Some(owner) => Err(Error::validation(format!(
            "accountId: the emulator store {name} belongs to account {owner}, not {account_id}"
        ))),
        None => Err(Error::new(
            ErrorKind::Storage,
            format!("emulator store {name}: its account record is missing"),
        )),
    }
}

fn storage(path: &Path, error: rusqlite::Error) -> Error {
    Error::new(
        ErrorKind::Storage,
        format!("emulator store {}: {error}", path.display()),
    )
    .with_source(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str = "123456789012";

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_owner_only_with_its_companions() {
        use std::os::unix::fs::PermissionsExt;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("iam.sqlite");
        let store = Store::open(Some(&path), ACCOUNT).unwrap();
        store
            .write(|tx| {
                tx.execute("UPDATE account SET virtual_devices = 0", [])?;
                Ok(())
            })
            .unwrap();
        for file in ["iam.sqlite", "iam.sqlite-wal", "iam.sqlite-shm"] {
            let mode = std::fs::metadata(dir.path().join(file))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{file}: {mode:o}");
        }
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("iam.sqlite");
        drop(Store::open(Some(&path), ACCOUNT).unwrap());
        let connection = Connection::open(&path).unwrap();
        connection
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(connection);

        let error = Store::open(Some(&path), ACCOUNT).err().unwrap();
        assert_eq!(error.kind(), ErrorKind::Storage);
        assert!(error.message().contains("newer"), "{}", error.message());
    }

    #[test]
    fn a_foreign_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.sqlite");
        let connection = Connection::open(&path).unwrap();
        connection.execute_batch("CREATE TABLE t (x)").unwrap();
        drop(connection);

        let error = Store::open(Some(&path), ACCOUNT).err().unwrap();
        assert_eq!(error.kind(), ErrorKind::Storage);
        assert!(error.message().contains("not an iam-mfa store"));
    }

    #[test]
    fn a_store_of_another_account_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("iam.sqlite");
        drop(Store::open(Some(&path), ACCOUNT).unwrap());
        let error = Store::open(Some(&path), "210987654321").err().unwrap();
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
        assert!(error.message().contains("belongs to account"));
    }

    #[test]
    fn a_failed_write_changes_nothing() {
        let store = Store::open(None, ACCOUNT).unwrap();
        let result: Result<()> = store.write(|tx| {
            tx.execute("UPDATE account SET virtual_devices = 7", [])?;
            Err(Error::validation("stop"))
        });
        assert!(result.is_err());
        let count: i64 = store
            .read(|tx| Ok(tx.query_row("SELECT virtual_devices FROM account", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn a_panic_in_a_write_rolls_it_back() {
        let store = Store::open(None, ACCOUNT).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _: Result<()> = store.write(|tx| {
                tx.execute("UPDATE account SET virtual_devices = 7", [])?;
                panic!("stop");
            });
        }));
        assert!(outcome.is_err());

        let count: i64 = store
            .write(|tx| Ok(tx.query_row("SELECT virtual_devices FROM account", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(count, 0);
    }
}
