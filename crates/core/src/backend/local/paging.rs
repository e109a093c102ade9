//! Opaque markers and the shape of a page, for keyset paging.
//!
//! Every list of the emulator is ordered by a unique key (serial number,
//! or lower-cased user name) and a page starts strictly after the last key
//! of the page before, found through an index, so a page costs the same
//! wherever it starts. The marker carries that last key.
//!
//! The page queries have no `LIMIT`: SQLite compiles a statement whose
//! `LIMIT` is a bound parameter again each time it is bound, since the
//! value may change its plan, and that costs more than the query. The rows
//! come in index order, so reading `MaxItems + 1` of them and stopping
//! gives the same page.
//!
//! A marker is base64url (no padding) of: one byte naming the list, one
//! byte saying whether the key lost its account prefix, the key, and four
//! bytes of a SHA-1 check over all of it. A marker of another list, an
//! altered one or one that is not base64url is refused with IAM's
//! `Invalid Marker.`. IAM limits markers to 320 characters, which is 240
//! bytes: virtual serial numbers always fit once their common
//! `arn:aws:iam::ACCOUNT:mfa` prefix is dropped, and the emulator keeps
//! hardware serial numbers within [`KEY_BYTES_MAX`].
//!
//! Tag lists hold at most 50 tags, which are read whole; their keys may be
//! 128 characters of any script, too long for a marker, so a tag marker
//! carries the position after the last tag and a hash of its key instead.

use data_encoding::BASE64URL_NOPAD;
use sha1::{Digest, Sha1};

use crate::error::{Error, Result};
use crate::model::{Page, PageRequest};

/// IAM's page size when `MaxItems` is absent.
pub(super) const DEFAULT_MAX_ITEMS: u32 = 100;

/// The longest key a marker can carry, in bytes: 240 bytes of payload
/// (320 base64 characters) less the list byte, the prefix flag and the
/// check.
pub(super) const KEY_BYTES_MAX: usize = 240 - 2 - CHECK_BYTES;

/// The message IAM answers a bad marker with.
pub(super) const INVALID_MARKER: &str = "Invalid Marker.";

const CHECK_BYTES: usize = 4;

/// Which list a marker belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum List {
    Users,
    VirtualMfaDevices,
    MfaDevices,
    MfaDeviceTags,
}

impl List {
    fn byte(self) -> u8 {
        match self {
            List::Users => b'U',
            List::VirtualMfaDevices => b'V',
            List::MfaDevices => b'M',
            List::MfaDeviceTags => b'T',
        }
    }
}

/// The number of items a page holds: `MaxItems`, or IAM's default.
pub(super) fn max_items(page: &PageRequest) -> usize {
    page.max_items.unwrap_or(DEFAULT_MAX_ITEMS) as usize
}

/// The prefix every virtual serial number of `account_id` starts with.
pub(super) fn serial_prefix(account_id: &str) -> String {
    format!("arn:aws:iam::{account_id}:mfa")
}

/// The marker that resumes `list` after `key`.
pub(super) fn encode_key(list: List, account_id: &str, key: &str) -> String {
    let prefix = serial_prefix(account_id);
    let (flag, rest) = match key.strip_prefix(&prefix) {
        Some(rest) if list != List::Users => (1, rest),
        _ => (0, key),
    };
    let mut payload = Vec::with_capacity(2 + rest.len() + CHECK_BYTES);
    payload.push(list.byte());
    payload.push(flag);
    payload.extend_from_slice(rest.as_bytes());
    seal(payload)
}

/// The key a marker of `list` resumes after.
///
/// # Errors
///
/// `ValidationError` `Invalid Marker.` for a marker that this emulator did
/// not make for `list`.
pub(super) fn decode_key(list: List, account_id: &str, marker: &str) -> Result<String> {
    let payload = open(list, marker)?;
    let (flag, rest) = payload.split_first().ok_or_else(invalid)?;
    let rest = std::str::from_utf8(rest).map_err(|_| invalid())?;
    match flag {
        0 => Ok(rest.to_owned()),
        1 if list != List::Users => Ok(serial_prefix(account_id) + rest),
        _ => Err(invalid()),
    }
}

/// The marker that resumes a tag list at `position`, just after the tag
/// of key `last_key`.
pub(super) fn encode_tag_position(position: usize, last_key: &str) -> String {
    let mut payload = vec![List::MfaDeviceTags.byte()];
    payload.extend_from_slice(&(position as u32).to_be_bytes());
    payload.extend_from_slice(&key_hash(last_key));
    seal(payload)
}

/// Where a tag list resumes: just after the tag whose key hashes as the
/// marker says, or, when that tag was removed meanwhile, at the position
/// the marker recorded.
///
/// # Errors
///
/// `ValidationError` `Invalid Marker.` for a marker that this emulator did
/// not make for a tag list.
pub(super) fn resume_tags(marker: &str, sorted_keys: &[&str]) -> Result<usize> {
    let payload = open(List::MfaDeviceTags, marker)?;
    if payload.len() != 4 + 8 {
        return Err(invalid());
    }
    let position = u32::from_be_bytes(payload[..4].try_into().expect("four bytes")) as usize;
    let hash = &payload[4..];
    let found = sorted_keys
        .iter()
        .position(|key| key_hash(key).as_slice() == hash);
    Ok(found
        .map_or(position, |index| index + 1)
        .min(sorted_keys.len()))
}

/// A page of `rows`, which holds up to one item more than the page: that
/// extra item only tells that more follow. `key` gives the marker of the
/// last item kept.
pub(super) fn page_of<T>(mut rows: Vec<T>, limit: usize, key: impl Fn(&T) -> String) -> Page<T> {
    let is_truncated = rows.len() > limit;
    rows.truncate(limit);
    let marker = if is_truncated {
        rows.last().map(key)
    } else {
        None
    };
    Page {
        items: rows,
        is_truncated,
        marker,
    }
}

fn key_hash(key: &str) -> [u8; 8] {
    let digest = Sha1::new()
        .chain_update(b"iam-mfa tag key\0")
        .chain_update(key.as_bytes())
        .finalize();
    digest[..8].try_into().expect("SHA-1 has 20 bytes")
}

fn check(payload: &[u8]) -> [u8; CHECK_BYTES] {
    let digest = Sha1::new()
        .chain_update(b"iam-mfa marker\0")
        .chain_update(payload)
        .finalize();
    digest[..CHECK_BYTES]
        .try_into()
        .expect("SHA-1 has 20 bytes")
}

/// Appends the check and encodes.
fn seal(mut payload: Vec<u8>) -> String {
    let check = check(&payload);
    payload.extend_from_slice(&check);
    BASE64URL_NOPAD.encode(&payload)
}

/// Decodes, verifies the check and the list, and returns what follows the
/// list byte.
fn open(list: List, marker: &str) -> Result<Vec<u8>> {
    let bytes = BASE64URL_NOPAD
        .decode(marker.as_bytes())
        .map_err(|_| invalid())?;
    if bytes.len() < 1 + CHECK_BYTES {
        return Err(invalid());
    }
    let (payload, sum) = bytes.split_at(bytes.len() - CHECK_BYTES);
    if check(payload) != sum || payload[0] != list.byte() {
        return Err(invalid());
    }
    Ok(payload[1..].to_vec())
}

fn invalid() -> Error {
    Error::validation(INVALID_MARKER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    const ACCOUNT: &str = "123456789012";

    #[test]
    fn keys_round_trip_through_markers() {
        let longest_virtual = format!("arn:aws:iam::{ACCOUNT}:mfa/{}", "n".repeat(226));
        let longest_hardware = "H".repeat(KEY_BYTES_MAX);
        let keys = [
            (List::VirtualMfaDevices, longest_virtual.as_str()),
            (List::MfaDevices, "GAHT12345678"),
            (List::MfaDevices, longest_hardware.as_str()),
            (List::Users, "alice"),
        ];
        for (list, key) in keys {
            let marker = encode_key(list, ACCOUNT, key);
            assert!(marker.len() <= 320, "{} characters", marker.len());
            assert!(!marker.contains(key), "the marker shows its key");
            assert_eq!(decode_key(list, ACCOUNT, &marker).unwrap(), key);
        }
    }

    #[test]
    fn altered_markers_are_invalid() {
        let marker = encode_key(List::VirtualMfaDevices, ACCOUNT, "arn:aws:iam::1:mfa/x");
        let mut bytes = marker.clone().into_bytes();
        for index in 0..bytes.len() {
            let original = bytes[index];
            bytes[index] = if original == b'A' { b'B' } else { b'A' };
            let altered = String::from_utf8(bytes.clone()).unwrap();
            let error = decode_key(List::VirtualMfaDevices, ACCOUNT, &altered).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::InvalidInput);
            assert_eq!(error.message(), INVALID_MARKER);
            bytes[index] = original;
        }
        for bad in ["", "x", "not base64!", &marker[..marker.len() - 1]] {
            assert!(
                decode_key(List::VirtualMfaDevices, ACCOUNT, bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_marker_of_another_list_is_invalid() {
        let marker = encode_key(List::Users, ACCOUNT, "alice");
        let error = decode_key(List::MfaDevices, ACCOUNT, &marker).unwrap_err();
        assert_eq!(error.message(), INVALID_MARKER);
        let tags = encode_tag_position(1, "a");
        assert!(decode_key(List::Users, ACCOUNT, &tags).is_err());
        assert!(resume_tags(&marker, &["a"]).is_err());
    }

    #[test]
    fn tag_markers_resume_after_their_key_or_at_their_position() {
        let marker = encode_tag_position(2, "b");
        assert_eq!(resume_tags(&marker, &["a", "b", "c", "d"]).unwrap(), 2);
        assert_eq!(resume_tags(&marker, &["0", "a", "b", "c"]).unwrap(), 3);
        assert_eq!(resume_tags(&marker, &["a", "c", "d"]).unwrap(), 2);
        assert_eq!(resume_tags(&marker, &["a"]).unwrap(), 1);
    }

    #[test]
    fn a_page_is_truncated_only_when_more_follow() {
        let full = page_of(vec![1, 2, 3], 3, |n| n.to_string());
        assert!(!full.is_truncated);
        assert_eq!(full.marker, None);
        let more = page_of(vec![1, 2, 3, 4], 3, |n| n.to_string());
        assert!(more.is_truncated);
        assert_eq!(more.items, [1, 2, 3]);
        assert_eq!(more.marker.as_deref(), Some("3"));
    }
}
