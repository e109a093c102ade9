//! Tags on virtual MFA devices: add or overwrite, remove, list by key.
//!
//! A device carries at most [`TAGS_MAX`] tags once new ones are merged
//! with those it has. Keys are case-sensitive and compared as SQLite
//! compares text, byte by byte, which for UTF-8 is code point order.
//! Hardware tokens carry no tags: IAM answers for them as for an unknown
//! virtual device.

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

use super::devices;
use super::paging;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Page, PageRequest, Tag};
use crate::validate::TAGS_MAX;

/// Adds `tags` to a device that has none yet (a new device).
///
/// # Errors
///
/// [`ErrorKind::Storage`].
pub(super) fn insert(db: &Connection, serial_number: &str, tags: &[Tag]) -> Result<()> {
    let mut statement = db.prepare_cached(
        "INSERT INTO tags (serial_number, key, value) VALUES (?1, ?2, ?3) \
         ON CONFLICT (serial_number, key) DO UPDATE SET value = excluded.value",
    )?;
    for tag in tags {
        statement.execute(params![serial_number, tag.key, tag.value])?;
    }
    Ok(())
}

/// Adds tags to a virtual device, overwriting the values of keys it has.
///
/// # Errors
///
/// `NoSuchEntity` when there is no such virtual device, `LimitExceeded`
/// when the device would carry more than 50 tags.
pub(super) fn tag(db: &Connection, serial_number: &str, tags: &[Tag]) -> Result<()> {
    devices::require_virtual(db, serial_number)?;

    let mut keys: BTreeSet<String> = sorted(db, serial_number)?
        .into_iter()
        .map(|tag| tag.key)
        .collect();
    keys.extend(tags.iter().map(|tag| tag.key.clone()));
    if keys.len() > TAGS_MAX {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            format!(
                "The number of tags has reached the maximum limit: a device may carry at most \
                 {TAGS_MAX} tags."
            ),
        ));
    }

    insert(db, serial_number, tags)
}

/// Removes the tags of `keys` from a virtual device, ignoring keys it does
/// not have.
///
/// # Errors
///
/// `NoSuchEntity` when there is no such virtual device.
pub(super) fn untag(db: &Connection, serial_number: &str, keys: &[String]) -> Result<()> {
    devices::require_virtual(db, serial_number)?;
    let mut statement =
        db.prepare_cached("DELETE FROM tags WHERE serial_number = ?1 AND key = ?2")?;
    for key in keys {
        statement.execute(params![serial_number, key])?;
    }
    Ok(())
}

/// One page of a virtual device's tags, sorted by key.
///
/// # Errors
///
/// `NoSuchEntity` when there is no such virtual device, `ValidationError`
/// for a bad marker.
pub(super) fn list(db: &Connection, serial_number: &str, page: &PageRequest) -> Result<Page<Tag>> {
    devices::require_virtual(db, serial_number)?;
    let all = sorted(db, serial_number)?;

    let start = match &page.marker {
        Some(marker) => {
            let keys: Vec<&str> = all.iter().map(|tag| tag.key.as_str()).collect();
            paging::resume_tags(marker, &keys)?
        }
        None => 0,
    };
    let limit = paging::max_items(page);
    let rows: Vec<Tag> = all.into_iter().skip(start).take(limit + 1).collect();

    // A marker is made only for a full page, whose last tag is at
    // position `start + limit - 1`.
    Ok(paging::page_of(rows, limit, |tag| {
        paging::encode_tag_position(start + limit, &tag.key)
    }))
}

/// Every tag of a device, sorted by key.
fn sorted(db: &Connection, serial_number: &str) -> Result<Vec<Tag>> {
    let mut statement =
        db.prepare_cached("SELECT key, value FROM tags WHERE serial_number = ?1 ORDER BY key")?;
    let tags = statement
        .query_map([serial_number], |row| {
            Ok(Tag {
                key: row.get(0)?,
                value: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(tags)
}
