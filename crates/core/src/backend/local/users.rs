//! The emulator's IAM users: the few user operations that MFA devices
//! need (create, get, delete, list) and the lookups the device operations
//! share.
//!
//! User names are unique in the account whatever their case, as in IAM: a
//! user is found by the lower-cased name and answers with the name it was
//! created with. Users are listed in the order of their lower-cased names.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::paging::{self, List};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Page, PageRequest, User};

/// The characters of a user id after its `AIDA` prefix.
const USER_ID_ALPHABET: &[u8; 36] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// The number of random characters in a user id.
const USER_ID_RANDOM_CHARS: usize = 17;

/// IAM's message for a caller that is not a user and names no user.
pub(super) const NO_CALLING_USER: &str =
    "Must specify userName when calling with non-User credentials";

/// A user and the row id that devices refer to it by.
pub(super) struct UserRow {
    pub(super) id: i64,
    pub(super) user: User,
}

/// The columns [`user_from_row`] reads, in its order.
pub(super) const USER_COLUMNS: &str = "users.id, users.user_name, users.path, users.user_id, \
                                       users.create_date";

/// Reads the columns of [`USER_COLUMNS`] starting at column `first`.
pub(super) fn user_from_row(
    row: &Row<'_>,
    first: usize,
    account_id: &str,
) -> rusqlite::Result<UserRow> {
    let user_name: String = row.get(first + 1)?;
    let path: String = row.get(first + 2)?;
    Ok(UserRow {
        id: row.get(first)?,
        user: User {
            arn: format!("arn:aws:iam::{account_id}:user{path}{user_name}"),
            path,
            user_name,
            user_id: row.get(first + 3)?,
            create_date: from_seconds(row.get(first + 4)?),
        },
    })
}

/// The user named `user_name` in any case, if there is one.
///
/// # Errors
///
/// [`ErrorKind::Storage`].
pub(super) fn find(db: &Connection, account_id: &str, user_name: &str) -> Result<Option<UserRow>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE name_key = ?1");
    let mut statement = db.prepare_cached(&sql)?;
    let user = statement
        .query_row([name_key(user_name)], |row| {
            user_from_row(row, 0, account_id)
        })
        .optional()?;
    Ok(user)
}

/// The user named `user_name`.
///
/// # Errors
///
/// `NoSuchEntity` naming the user when there is none.
pub(super) fn require(db: &Connection, account_id: &str, user_name: &str) -> Result<UserRow> {
    find(db, account_id, user_name)?.ok_or_else(|| no_such_user(user_name))
}

/// IAM's answer for an unknown user.
pub(super) fn no_such_user(user_name: &str) -> Error {
    Error::new(
        ErrorKind::NoSuchEntity,
        format!("The user with name {user_name} cannot be found."),
    )
}

/// Creates a user.
///
/// # Errors
///
/// `EntityAlreadyExists` when the name is taken in any case.
pub(super) fn create(
    db: &Connection,
    account_id: &str,
    user_name: &str,
    path: &str,
    now: SystemTime,
) -> Result<User> {
    if find(db, account_id, user_name)?.is_some() {
        return Err(Error::new(
            ErrorKind::EntityAlreadyExists,
            format!("User with name {user_name} already exists."),
        ));
    }

    let user_id = new_user_id()?;
    let create_date = seconds(now);
    db.prepare_cached(
        "INSERT INTO users (user_name, name_key, path, user_id, create_date) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        user_name,
        name_key(user_name),
        path,
        user_id,
        create_date
    ])?;

    Ok(User {
        path: path.to_owned(),
        user_name: user_name.to_owned(),
        user_id,
        arn: format!("arn:aws:iam::{account_id}:user{path}{user_name}"),
        create_date: from_seconds(create_date),
    })
}

/// Deletes a user who holds no MFA device.
///
/// # Errors
///
/// `NoSuchEntity` for an unknown user, `DeleteConflict` while the user
/// holds MFA devices.
pub(super) fn delete(db: &Connection, account_id: &str, user_name: &str) -> Result<()> {
    let user = require(db, account_id, user_name)?;
    let devices: i64 = db
        .prepare_cached("SELECT count(*) FROM devices WHERE user = ?1")?
        .query_row([user.id], |row| row.get(0))?;
    if devices > 0 {
        return Err(Error::new(
            ErrorKind::DeleteConflict,
            "Cannot delete entity, must delete MFA device first.",
        ));
    }
    db.prepare_cached("DELETE FROM users WHERE id = ?1")?
        .execute([user.id])?;
    Ok(())
}

/// One page of the users whose path starts with `path_prefix`.
///
/// # Errors
///
/// `ValidationError` for a bad marker.
pub(super) fn list(
    db: &Connection,
    account_id: &str,
    path_prefix: Option<&str>,
    page: &PageRequest,
) -> Result<Page<User>> {
    let after = match &page.marker {
        Some(marker) => paging::decode_key(List::Users, account_id, marker)?,
        None => String::new(),
    };
    let prefix = path_prefix.unwrap_or("/");
    let limit = paging::max_items(page);

    let mut statement = db.prepare_cached(&list_sql())?;
    let rows = statement
        .query_map(params![after, prefix], |row| {
            user_from_row(row, 0, account_id).map(|row| row.user)
        })?
        .take(limit + 1)
        .collect::<rusqlite::Result<Vec<User>>>()?;

    Ok(paging::page_of(rows, limit, |user| {
        paging::encode_key(List::Users, account_id, &name_key(&user.user_name))
    }))
}

/// The query of the users after a marker: marker, path prefix.
pub(super) fn list_sql() -> String {
    format!(
        "SELECT {USER_COLUMNS} FROM users \
         WHERE name_key > ?1 AND substr(path, 1, length(?2)) = ?2 \
         ORDER BY name_key"
    )
}

/// The key a user name is unique and ordered by.
pub(super) fn name_key(user_name: &str) -> String {
    user_name.to_ascii_lowercase()
}

/// `AIDA` and 17 random characters of `A-Z0-9`, as IAM's user ids look.
fn new_user_id() -> Result<String> {
    let mut id = String::from("AIDA");
    while id.len() < 4 + USER_ID_RANDOM_CHARS {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|error| {
            Error::new(
                ErrorKind::ServiceFailure,
                format!("the system's random number generator failed: {error}"),
            )
        })?;
        let fair = bytes.iter().filter(|&&byte| usize::from(byte) < 36 * 7);
        for &byte in fair.take(4 + USER_ID_RANDOM_CHARS - id.len()) {
            id.push(char::from(USER_ID_ALPHABET[usize::from(byte) % 36]));
        }
    }
    Ok(id)
}

/// A time as whole seconds since the epoch, as IAM reports times.
pub(super) fn seconds(at: SystemTime) -> i64 {
    let since = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since.as_secs()).unwrap_or(i64::MAX)
}

/// The time of whole seconds since the epoch.
pub(super) fn from_seconds(seconds: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(u64::try_from(seconds).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_ids_look_like_iams() {
        let one = new_user_id().unwrap();
        let two = new_user_id().unwrap();
        assert_ne!(one, two);
        assert_eq!(one.len(), 21);
        assert!(one.starts_with("AIDA"));
        assert!(
            one.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        );
    }

    #[test]
    fn times_keep_whole_seconds() {
        let at = UNIX_EPOCH + Duration::from_millis(1_700_000_000_999);
        assert_eq!(seconds(at), 1_700_000_000);
        assert_eq!(
            from_seconds(seconds(at)),
            UNIX_EPOCH + Duration::from_secs(1_700_000_000)
        );
    }
}
