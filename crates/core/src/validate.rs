//! Checks of every operation's parameters against IAM's API model.
//!
//! Both backends run these before doing any work, so a bad argument is
//! refused the same way whether or not anything would have been sent. The
//! messages follow IAM's own wording (`1 validation error detected: Value
//! at 'path' failed to satisfy constraint: ...`), name the field in IAM's
//! spelling, and never repeat the value, which may be a secret code.
//!
//! Lengths are counted in characters, as IAM counts them. `\w` in IAM's
//! patterns is ASCII: letters, digits and underscore.

use crate::error::{Error, Result};
use crate::model::{PageRequest, Tag};

/// The longest serial number IAM accepts.
pub const SERIAL_NUMBER_MAX: usize = 256;

/// The longest virtual MFA device name: what is left of a serial number
/// after `arn:aws:iam::123456789012:mfa/`.
pub const VIRTUAL_MFA_DEVICE_NAME_MAX: usize = 226;

/// The most tags a device may carry, and that one request may name.
pub const TAGS_MAX: usize = 50;

/// What a virtual MFA device's serial number starts with, before the
/// account id.
const ARN_PREFIX: &str = "arn:aws:iam::";

/// IAM's message for a path that is not `/` or `/.../`.
pub const BAD_PATH_MESSAGE: &str = "The specified value for path is invalid. It must begin and \
                                    end with / and contain only alphanumeric characters and/or / \
                                    characters.";

fn constraint(field: &str, rule: impl std::fmt::Display) -> Error {
    Error::validation(format!(
        "1 validation error detected: Value at '{field}' failed to satisfy constraint: {rule}"
    ))
}

fn length(field: &str, value: &str, min: usize, max: usize) -> Result<()> {
    let count = value.chars().count();
    if count < min {
        return Err(constraint(
            field,
            format_args!("Member must have length greater than or equal to {min}"),
        ));
    }
    if count > max {
        return Err(constraint(
            field,
            format_args!("Member must have length less than or equal to {max}"),
        ));
    }
    Ok(())
}

fn pattern(field: &str, value: &str, pattern: &str, allowed: impl Fn(char) -> bool) -> Result<()> {
    if value.chars().all(allowed) {
        return Ok(());
    }
    Err(constraint(
        field,
        format_args!("Member must satisfy regular expression pattern: {pattern}"),
    ))
}

/// `\w` and `+=,.@-`: the characters of IAM's names.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)
}

/// Checks a `VirtualMFADeviceName`: 1 to 226 characters of `[\w+=,.@-]`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `virtualMFADeviceName`.
pub fn virtual_mfa_device_name(name: &str) -> Result<()> {
    length("virtualMFADeviceName", name, 1, VIRTUAL_MFA_DEVICE_NAME_MAX)?;
    pattern("virtualMFADeviceName", name, r"[\w+=,.@-]+", is_name_char)
}

/// Checks a `Path`: `/`, or `/` + characters 0x21 to 0x7E + `/`, at most
/// 512 characters.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`]: IAM's length message naming `path`,
/// or IAM's message for a malformed path.
pub fn path(path: &str) -> Result<()> {
    length("path", path, 1, 512)?;
    let well_formed = path == "/"
        || (path.len() >= 3
            && path.starts_with('/')
            && path.ends_with('/')
            && path.chars().all(|c| ('\u{21}'..='\u{7e}').contains(&c)));
    if !well_formed {
        return Err(Error::validation(BAD_PATH_MESSAGE));
    }
    Ok(())
}

/// Checks a `PathPrefix` of `ListUsers`: 1 to 512 characters, `/` then
/// characters 0x21 to 0x7F.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `pathPrefix`.
pub fn path_prefix(prefix: &str) -> Result<()> {
    length("pathPrefix", prefix, 1, 512)?;
    let well_formed =
        prefix.starts_with('/') && prefix.chars().all(|c| ('\u{21}'..='\u{7f}').contains(&c));
    if !well_formed {
        return Err(constraint(
            "pathPrefix",
            r"Member must satisfy regular expression pattern: \u002F[\u0021-\u007F]*",
        ));
    }
    Ok(())
}

/// Checks that a device of `name` under `path` makes a serial number of at
/// most 256 characters in an account of `account_id`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `virtualMFADeviceName`.
pub fn virtual_mfa_device_serial(account_id: &str, path: &str, name: &str) -> Result<()> {
    let serial = ARN_PREFIX.len() + account_id.len() + ":mfa".len() + path.len() + name.len();
    if serial > SERIAL_NUMBER_MAX {
        return Err(constraint(
            "virtualMFADeviceName",
            format_args!(
                "the serial number made of path and name must have length less than or equal \
                 to {SERIAL_NUMBER_MAX}"
            ),
        ));
    }
    Ok(())
}

/// Checks a new user's name (`userNameType`): 1 to 64 characters of
/// `[\w+=,.@-]`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `userName`.
pub fn user_name(name: &str) -> Result<()> {
    length("userName", name, 1, 64)?;
    pattern("userName", name, r"[\w+=,.@-]+", is_name_char)
}

/// Checks the name of an existing user (`existingUserNameType`): 1 to 128
/// characters of `[\w+=,.@-]`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `userName`.
pub fn existing_user_name(name: &str) -> Result<()> {
    length("userName", name, 1, 128)?;
    pattern("userName", name, r"[\w+=,.@-]+", is_name_char)
}

/// Checks a `SerialNumber`: 9 to 256 characters of `[\w+=/:,.@-]`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `serialNumber`.
pub fn serial_number(serial_number: &str) -> Result<()> {
    length("serialNumber", serial_number, 9, SERIAL_NUMBER_MAX)?;
    pattern("serialNumber", serial_number, r"[\w+=/:,.@-]+", |c| {
        is_name_char(c) || c == '/' || c == ':'
    })
}

/// Checks an authentication code: exactly 6 digits. `field` is IAM's name
/// for it, `authenticationCode1` or `authenticationCode2`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `field`.
pub fn authentication_code(field: &str, code: &str) -> Result<()> {
    length(field, code, 6, 6)?;
    pattern(field, code, r"[\d]+", |c| c.is_ascii_digit())
}

/// Checks `Marker` (1 to 320 characters from U+0020 to U+00FF) and
/// `MaxItems` (1 to 1000).
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `marker` or `maxItems`.
pub fn page_request(page: &PageRequest) -> Result<()> {
    if let Some(marker) = &page.marker {
        length("marker", marker, 1, 320)?;
        pattern("marker", marker, r"[\u0020-\u00FF]+", |c| {
            ('\u{20}'..='\u{ff}').contains(&c)
        })?;
    }
    if let Some(max_items) = page.max_items {
        if max_items < 1 {
            return Err(constraint(
                "maxItems",
                "Member must have value greater than or equal to 1",
            ));
        }
        if max_items > 1000 {
            return Err(constraint(
                "maxItems",
                "Member must have value less than or equal to 1000",
            ));
        }
    }
    Ok(())
}

/// IAM's tag character set: letters, separators, numbers and `_.:/=+-@`.
fn is_tag_char(c: char) -> bool {
    c.is_alphabetic()
        || c.is_numeric()
        || (c.is_whitespace() && !c.is_control())
        || "_.:/=+-@".contains(c)
}

const TAG_PATTERN: &str = r"[\p{L}\p{Z}\p{N}_.:/=+\-@]";

/// Checks a tag key: 1 to 128 characters of IAM's tag character set, not
/// starting with the reserved prefix `aws:` (in any case).
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `field`.
pub fn tag_key(field: &str, key: &str) -> Result<()> {
    length(field, key, 1, 128)?;
    pattern(field, key, &format!("{TAG_PATTERN}+"), is_tag_char)?;
    if key
        .as_bytes()
        .get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"aws:"))
    {
        return Err(Error::invalid_input(format!(
            "{field}: tag keys starting with 'aws:' are reserved for use by AWS"
        )));
    }
    Ok(())
}

/// Checks a list of tags: at most 50, each key and value valid, no key
/// twice.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `tags` or the member at fault.
pub fn tags(tags: &[Tag]) -> Result<()> {
    if tags.len() > TAGS_MAX {
        return Err(constraint(
            "tags",
            format_args!("Member must have length less than or equal to {TAGS_MAX}"),
        ));
    }
    for (index, tag) in tags.iter().enumerate() {
        let member = index + 1;
        tag_key(&format!("tags.{member}.member.key"), &tag.key)?;
        let field = format!("tags.{member}.member.value");
        length(&field, &tag.value, 0, 256)?;
        pattern(&field, &tag.value, &format!("{TAG_PATTERN}*"), is_tag_char)?;
    }
    for (index, tag) in tags.iter().enumerate() {
        if tags[..index].iter().any(|earlier| earlier.key == tag.key) {
            return Err(Error::invalid_input("tags: duplicate tag keys found"));
        }
    }
    Ok(())
}

/// Checks the keys of `UntagMFADevice`: at most 50, each a valid key.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] naming `tagKeys` or the member at
/// fault.
pub fn tag_keys(keys: &[String]) -> Result<()> {
    if keys.len() > TAGS_MAX {
        return Err(constraint(
            "tagKeys",
            format_args!("Member must have length less than or equal to {TAGS_MAX}"),
        ));
    }
    for (index, key) in keys.iter().enumerate() {
        length(&format!("tagKeys.{}", index + 1), key, 1, 128)?;
        pattern(
            &format!("tagKeys.{}", index + 1),
            key,
            &format!("{TAG_PATTERN}+"),
            is_tag_char,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn refused(result: Result<()>, field: &str) {
        let error = result.expect_err("should be refused");
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
        assert!(
            error.message().contains(field),
            "{field} not in {}",
            error.message()
        );
    }

    #[test]
    fn device_name_length_and_pattern() {
        assert!(virtual_mfa_device_name("a").is_ok());
        refused(virtual_mfa_device_name(""), "virtualMFADeviceName");
        assert!(virtual_mfa_device_name(&"n".repeat(226)).is_ok());
        refused(
            virtual_mfa_device_name(&"n".repeat(227)),
            "length less than or equal to 226",
        );
        assert!(virtual_mfa_device_name("A_z0+=,.@-").is_ok());
        refused(virtual_mfa_device_name("a/b"), "pattern");
        refused(virtual_mfa_device_name("é"), "pattern");
    }

    #[test]
    fn serial_made_from_path_and_name_stays_within_256() {
        let account = "123456789012";
        // 29 characters of prefix, a path of one and a name of 226: 256.
        assert!(virtual_mfa_device_serial(account, "/", &"n".repeat(226)).is_ok());
        refused(
            virtual_mfa_device_serial(account, "/p/", &"n".repeat(225)),
            "virtualMFADeviceName",
        );
    }

    #[test]
    fn path_shape_and_length() {
        assert!(path("/").is_ok());
        assert!(path("/ops/").is_ok());
        assert!(path("/test//double/").is_ok());
        refused(path(""), "'path'");
        refused(path("ops/"), "must begin and end with /");
        refused(path("/ops"), "must begin and end with /");
        refused(path("//"), "must begin and end with /");
        refused(path("/a b/"), "must begin and end with /");
        let longest = format!("/{}/", "p".repeat(510));
        assert!(path(&longest).is_ok());
        let too_long = format!("/{}/", "p".repeat(511));
        refused(path(&too_long), "length less than or equal to 512");
    }

    #[test]
    fn path_prefix_shape_and_length() {
        assert!(path_prefix("/").is_ok());
        assert!(path_prefix("/ops").is_ok());
        refused(path_prefix(""), "pathPrefix");
        refused(path_prefix("ops"), "pathPrefix");
        assert!(path_prefix(&format!("/{}", "p".repeat(511))).is_ok());
        refused(path_prefix(&format!("/{}", "p".repeat(512))), "pathPrefix");
    }

    #[test]
    fn user_names_new_and_existing() {
        assert!(user_name(&"u".repeat(64)).is_ok());
        refused(
            user_name(&"u".repeat(65)),
            "length less than or equal to 64",
        );
        refused(user_name(""), "userName");
        assert!(existing_user_name(&"u".repeat(128)).is_ok());
        refused(
            existing_user_name(&"u".repeat(129)),
            "length less than or equal to 128",
        );
        refused(existing_user_name(""), "greater than or equal to 1");
        refused(user_name("bob smith"), "pattern");
    }

    #[test]
    fn serial_number_length_and_pattern() {
        assert!(serial_number("GAHT12345").is_ok());
        refused(serial_number("GAHT1234"), "greater than or equal to 9");
        assert!(serial_number(&"s".repeat(256)).is_ok());
        refused(serial_number(&"s".repeat(257)), "less than or equal to 256");
        assert!(serial_number("arn:aws:iam::123456789012:mfa/ops/alice").is_ok());
        refused(
            serial_number("arn:aws:iam::123456789012:mfa/a b"),
            "serialNumber",
        );
    }

    #[test]
    fn authentication_codes_are_six_digits() {
        assert!(authentication_code("authenticationCode1", "012345").is_ok());
        refused(
            authentication_code("authenticationCode1", "01234"),
            "authenticationCode1",
        );
        refused(
            authentication_code("authenticationCode2", "0123456"),
            "authenticationCode2",
        );
        refused(
            authentication_code("authenticationCode1", "01234a"),
            "pattern",
        );
    }

    #[test]
    fn page_request_bounds() {
        assert!(page_request(&PageRequest::first().max_items(1)).is_ok());
        assert!(page_request(&PageRequest::first().max_items(1000)).is_ok());
        refused(page_request(&PageRequest::first().max_items(0)), "maxItems");
        refused(
            page_request(&PageRequest::first().max_items(1001)),
            "maxItems",
        );
        assert!(page_request(&PageRequest::first().marker("m")).is_ok());
        assert!(page_request(&PageRequest::first().marker("m".repeat(320))).is_ok());
        refused(page_request(&PageRequest::first().marker("")), "marker");
        refused(
            page_request(&PageRequest::first().marker("m".repeat(321))),
            "marker",
        );
        refused(
            page_request(&PageRequest::first().marker("\u{100}")),
            "marker",
        );
    }

    #[test]
    fn tags_count_keys_and_values() {
        let fifty: Vec<Tag> = (0..50).map(|i| Tag::new(format!("k{i}"), "v")).collect();
        assert!(tags(&fifty).is_ok());
        let mut fifty_one = fifty.clone();
        fifty_one.push(Tag::new("k50", "v"));
        refused(tags(&fifty_one), "'tags'");

        assert!(tags(&[Tag::new("k".repeat(128), "")]).is_ok());
        refused(tags(&[Tag::new("k".repeat(129), "")]), "tags.1.member.key");
        refused(tags(&[Tag::new("", "v")]), "tags.1.member.key");
        assert!(tags(&[Tag::new("k", "v".repeat(256))]).is_ok());
        refused(
            tags(&[Tag::new("k", "v".repeat(257))]),
            "tags.1.member.value",
        );
        assert!(tags(&[Tag::new("Ünï côde_.:/=+-@ 9", "日本 ٣")]).is_ok());
        refused(tags(&[Tag::new("k", "a*b")]), "tags.1.member.value");
        refused(tags(&[Tag::new("k\t", "v")]), "tags.1.member.key");
        refused(tags(&[Tag::new("AWS:owner", "v")]), "reserved");
        assert!(tags(&[Tag::new("awsowner", "v")]).is_ok());
        refused(tags(&[Tag::new("k", "1"), Tag::new("k", "2")]), "duplicate");
        assert!(tags(&[Tag::new("k", "1"), Tag::new("K", "2")]).is_ok());
    }

    #[test]
    fn tag_keys_for_untag() {
        let fifty: Vec<String> = (0..50).map(|i| format!("k{i}")).collect();
        assert!(tag_keys(&fifty).is_ok());
        let mut fifty_one = fifty.clone();
        fifty_one.push("k50".into());
        refused(tag_keys(&fifty_one), "tagKeys");
        refused(tag_keys(&["".into()]), "tagKeys.1");
        refused(tag_keys(&["k".repeat(129)]), "tagKeys.1");
        refused(tag_keys(&["a*".into()]), "tagKeys.1");
    }
}
