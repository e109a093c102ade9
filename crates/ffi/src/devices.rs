//! IAM's eleven MFA operations on a client.
//!
//! Each takes its arguments as IAM names them; a NULL optional argument
//! (a path, a user name, a marker) takes IAM's default, and a `max_items`
//! of 0 is IAM's default page size of 100. Every argument is checked
//! against IAM's rules before anything is sent or changed.

use std::ffi::c_char;

use core_api::{AssignmentStatus, PageRequest, Tag};

use crate::boundary::{Failure, arg, boundary, invalid};
use crate::client::iam_mfa_client;
use crate::results::{
    iam_mfa_mfa_device_detail, iam_mfa_mfa_device_list, iam_mfa_tag, iam_mfa_tag_list,
    iam_mfa_virtual_mfa_device, iam_mfa_virtual_mfa_device_list,
};
use crate::status::iam_mfa_status;

/// Which virtual MFA devices `iam_mfa_client_list_virtual_mfa_devices()`
/// returns (IAM's `AssignmentStatus`): one of the
/// `IAM_MFA_ASSIGNMENT_STATUS_` values.
pub type iam_mfa_assignment_status = u32;

/// Every virtual device (IAM's `Any`, its default).
pub const IAM_MFA_ASSIGNMENT_STATUS_ANY: iam_mfa_assignment_status = 0;
/// Devices enabled for a user (IAM's `Assigned`).
pub const IAM_MFA_ASSIGNMENT_STATUS_ASSIGNED: iam_mfa_assignment_status = 1;
/// Devices enabled for no user (IAM's `Unassigned`).
pub const IAM_MFA_ASSIGNMENT_STATUS_UNASSIGNED: iam_mfa_assignment_status = 2;

fn to_assignment_status(value: iam_mfa_assignment_status) -> Result<AssignmentStatus, Failure> {
    match value {
        IAM_MFA_ASSIGNMENT_STATUS_ANY => Ok(AssignmentStatus::Any),
        IAM_MFA_ASSIGNMENT_STATUS_ASSIGNED => Ok(AssignmentStatus::Assigned),
        IAM_MFA_ASSIGNMENT_STATUS_UNASSIGNED => Ok(AssignmentStatus::Unassigned),
        _ => Err(invalid(format!(
            "assignment_status: {value} is not one of IAM_MFA_ASSIGNMENT_STATUS_ANY (0), \
             _ASSIGNED (1) or _UNASSIGNED (2)"
        ))),
    }
}

/// A page request from a marker (NULL: the first page) and a page size
/// (0: IAM's default).
///
/// # Safety
///
/// `marker` must be NULL or NUL-terminated.
pub(crate) unsafe fn page_request(
    marker: *const c_char,
    max_items: u32,
) -> Result<PageRequest, Failure> {
    let marker = unsafe { arg::opt_str("marker", marker) }?;
    Ok(PageRequest {
        marker: marker.map(str::to_owned),
        max_items: (max_items != 0).then_some(max_items),
    })
}

/// Tags from a C array whose keys and values must not be NULL.
///
/// # Safety
///
/// `tags` must be NULL or point to `len` tags with NUL-terminated strings.
unsafe fn tags_arg(tags: *const iam_mfa_tag, len: usize) -> Result<Vec<Tag>, Failure> {
    let tags = unsafe { arg::array("tags", tags, len) }?;
    tags.iter()
        .map(|tag| {
            let key = unsafe { arg::str("tags[].key", tag.key) }?;
            let value = unsafe { arg::str("tags[].value", tag.value) }?;
            Ok(Tag::new(key, value))
        })
        .collect()
}

/// `CreateVirtualMFADevice`: a new, unassigned virtual MFA device named
/// `virtual_mfa_device_name` under `path` (NULL: `/`), with a fresh seed,
/// its QR code, and `tags_len` tags (`tags` may be NULL when `tags_len` is
/// 0). The serial number is `arn:aws:iam::ACCOUNT:mfa` + path + name.
///
/// Ownership: on success `*device_out` is the caller's, carrying the seed
/// and QR code, which IAM never returns again; free it with
/// `iam_mfa_virtual_mfa_device_free()`. Nothing is written on failure.
/// NULL: `client`, `virtual_mfa_device_name`, `device_out`, or a tag's key
/// or value NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread safety: any thread.
/// Returns `IAM_MFA_OK`; `IAM_MFA_ENTITY_ALREADY_EXISTS` when the name is
/// taken in the account (whatever the path); `IAM_MFA_LIMIT_EXCEEDED` at
/// the account's quota; `IAM_MFA_INVALID_INPUT` for a bad name, path or
/// tag; `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a
/// failed transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// Pointers must be NULL or valid: `client` a live client, strings
/// NUL-terminated, `tags` an array of `tags_len` tags, `device_out`
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_create_virtual_mfa_device(
    client: *const iam_mfa_client,
    virtual_mfa_device_name: *const c_char,
    path: *const c_char,
    tags: *const iam_mfa_tag,
    tags_len: usize,
    device_out: *mut *mut iam_mfa_virtual_mfa_device,
) -> iam_mfa_status {
    boundary("iam_mfa_client_create_virtual_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let name = unsafe { arg::str("virtual_mfa_device_name", virtual_mfa_device_name) }?;
        let path = unsafe { arg::opt_str("path", path) }?;
        let tags = unsafe { tags_arg(tags, tags_len) }?;
        let device_out = unsafe { arg::out("device_out", device_out) }?;

        let device = client.inner.create_virtual_mfa_device(name, path, &tags)?;

        *device_out = Box::into_raw(Box::new(device.into()));
        Ok(())
    })
}

/// `EnableMFADevice`: assigns the device `serial_number` to the user
/// `user_name`, proven by two consecutive codes the device shows
/// (`iam_mfa_totp_enable_codes()` computes them from a seed).
///
/// NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT`. Thread safety:
/// any thread. Returns `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for an
/// unknown user or device; `IAM_MFA_ENTITY_ALREADY_EXISTS` when the device
/// is already in use; `IAM_MFA_LIMIT_EXCEEDED` when the user holds the
/// most devices allowed; `IAM_MFA_INVALID_AUTHENTICATION_CODE` when the
/// codes do not match; `IAM_MFA_INVALID_INPUT` for a malformed argument;
/// `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a failed
/// transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; the strings NULL or
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_enable_mfa_device(
    client: *const iam_mfa_client,
    user_name: *const c_char,
    serial_number: *const c_char,
    authentication_code1: *const c_char,
    authentication_code2: *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_client_enable_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::str("user_name", user_name) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let code1 = unsafe { arg::str("authentication_code1", authentication_code1) }?;
        let code2 = unsafe { arg::str("authentication_code2", authentication_code2) }?;

        client
            .inner
            .enable_mfa_device(user_name, serial_number, code1, code2)?;

        Ok(())
    })
}

/// `DeactivateMFADevice`: removes the device `serial_number` from the
/// user `user_name` (NULL: the calling user). A virtual device stays,
/// unassigned.
///
/// NULL: `client` or `serial_number` NULL gives `IAM_MFA_NULL_ARGUMENT`.
/// Thread safety: any thread. Returns `IAM_MFA_OK`;
/// `IAM_MFA_NO_SUCH_ENTITY` when the user or device is unknown or the
/// device is not enabled for that user; `IAM_MFA_INVALID_INPUT`;
/// `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a failed
/// transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; the strings NULL or
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_deactivate_mfa_device(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
    user_name: *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_client_deactivate_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let user_name = unsafe { arg::opt_str("user_name", user_name) }?;

        client
            .inner
            .deactivate_mfa_device(serial_number, user_name)?;

        Ok(())
    })
}

/// `DeleteVirtualMFADevice`: deletes the unassigned virtual device
/// `serial_number`.
///
/// NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT`. Thread safety:
/// any thread. Returns `IAM_MFA_OK`; `IAM_MFA_DELETE_CONFLICT` while the
/// device is assigned; `IAM_MFA_NO_SUCH_ENTITY` when there is no such
/// virtual device; `IAM_MFA_INVALID_INPUT`; `IAM_MFA_INVALID_UTF8`;
/// `IAM_MFA_NULL_ARGUMENT`; any status of a failed transport or service;
/// `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `serial_number` NULL or
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_delete_virtual_mfa_device(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_client_delete_virtual_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;

        client.inner.delete_virtual_mfa_device(serial_number)?;

        Ok(())
    })
}

/// `ListMFADevices`, one page: the devices enabled for `user_name` (NULL:
/// the calling user), from `marker` (NULL: the first page), at most
/// `max_items` (1 to 1000; 0: 100).
///
/// Ownership: on success `*list_out` is the caller's; free it with
/// `iam_mfa_mfa_device_list_free()`. Nothing is written on failure. NULL:
/// `client` or `list_out` NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread
/// safety: any thread. Returns `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for
/// an unknown user; `IAM_MFA_INVALID_INPUT` for a bad marker or page size;
/// `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a failed
/// transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; the strings NULL or
/// NUL-terminated; `list_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_list_mfa_devices(
    client: *const iam_mfa_client,
    user_name: *const c_char,
    marker: *const c_char,
    max_items: u32,
    list_out: *mut *mut iam_mfa_mfa_device_list,
) -> iam_mfa_status {
    boundary("iam_mfa_client_list_mfa_devices", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::opt_str("user_name", user_name) }?;
        let page = unsafe { page_request(marker, max_items) }?;
        let list_out = unsafe { arg::out("list_out", list_out) }?;

        let page = client.inner.list_mfa_devices(user_name, &page)?;

        *list_out = Box::into_raw(Box::new(iam_mfa_mfa_device_list::page(&page)));
        Ok(())
    })
}

/// `ListMFADevices`, every page: follows markers until the last page and
/// returns all the devices enabled for `user_name` (NULL: the calling
/// user) in one list.
///
/// Ownership, NULL, thread safety and statuses: as
/// `iam_mfa_client_list_mfa_devices()`, less the marker.
///
/// # Safety
///
/// `client` must be NULL or a live client; `user_name` NULL or
/// NUL-terminated; `list_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_list_mfa_devices_all(
    client: *const iam_mfa_client,
    user_name: *const c_char,
    list_out: *mut *mut iam_mfa_mfa_device_list,
) -> iam_mfa_status {
    boundary("iam_mfa_client_list_mfa_devices_all", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::opt_str("user_name", user_name) }?;
        let list_out = unsafe { arg::out("list_out", list_out) }?;

        let devices = client
            .inner
            .list_mfa_devices_all(user_name)
            .collect::<Result<Vec<_>, _>>()?;

        *list_out = Box::into_raw(Box::new(iam_mfa_mfa_device_list::all(&devices)));
        Ok(())
    })
}

/// `ListVirtualMFADevices`, one page: the virtual devices of
/// `assignment_status`, from `marker` (NULL: the first page), at most
/// `max_items` (1 to 1000; 0: 100). Listed devices carry no seed, QR code
/// or tags.
///
/// Ownership: on success `*list_out` is the caller's; free it with
/// `iam_mfa_virtual_mfa_device_list_free()`. Nothing is written on
/// failure. NULL: `client` or `list_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT`. Thread safety: any thread. Returns
/// `IAM_MFA_OK`; `IAM_MFA_INVALID_INPUT` for a bad marker, page size or
/// assignment status; `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any
/// status of a failed transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `marker` NULL or
/// NUL-terminated; `list_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_list_virtual_mfa_devices(
    client: *const iam_mfa_client,
    assignment_status: iam_mfa_assignment_status,
    marker: *const c_char,
    max_items: u32,
    list_out: *mut *mut iam_mfa_virtual_mfa_device_list,
) -> iam_mfa_status {
    boundary("iam_mfa_client_list_virtual_mfa_devices", || {
        let client = unsafe { arg::handle("client", client) }?;
        let status = to_assignment_status(assignment_status)?;
        let page = unsafe { page_request(marker, max_items) }?;
        let list_out = unsafe { arg::out("list_out", list_out) }?;

        let page = client.inner.list_virtual_mfa_devices(status, &page)?;

        *list_out = Box::into_raw(Box::new(iam_mfa_virtual_mfa_device_list::page(page)));
        Ok(())
    })
}

/// `ListVirtualMFADevices`, every page: follows markers until the last
/// page and returns all the virtual devices of `assignment_status` in one
/// list.
///
/// Ownership, NULL, thread safety and statuses: as
/// `iam_mfa_client_list_virtual_mfa_devices()`, less the marker.
///
/// # Safety
///
/// `client` must be NULL or a live client; `list_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_list_virtual_mfa_devices_all(
    client: *const iam_mfa_client,
    assignment_status: iam_mfa_assignment_status,
    list_out: *mut *mut iam_mfa_virtual_mfa_device_list,
) -> iam_mfa_status {
    boundary("iam_mfa_client_list_virtual_mfa_devices_all", || {
        let client = unsafe { arg::handle("client", client) }?;
        let status = to_assignment_status(assignment_status)?;
        let list_out = unsafe { arg::out("list_out", list_out) }?;

        let devices = client
            .inner
            .list_virtual_mfa_devices_all(status)
            .collect::<Result<Vec<_>, _>>()?;

        *list_out = Box::into_raw(Box::new(iam_mfa_virtual_mfa_device_list::all(devices)));
        Ok(())
    })
}

/// `GetMFADevice`: what IAM knows of the device `serial_number`, enabled
/// for `user_name` (NULL: whoever holds it, or the calling user).
///
/// Ownership: on success `*detail_out` is the caller's; free it with
/// `iam_mfa_mfa_device_detail_free()`. Nothing is written on failure.
/// NULL: `client`, `serial_number` or `detail_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT`. Thread safety: any thread. Returns
/// `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for an unknown device or user;
/// `IAM_MFA_INVALID_INPUT`; `IAM_MFA_INVALID_UTF8`;
/// `IAM_MFA_NULL_ARGUMENT`; any status of a failed transport or service;
/// `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; the strings NULL or
/// NUL-terminated; `detail_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_get_mfa_device(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
    user_name: *const c_char,
    detail_out: *mut *mut iam_mfa_mfa_device_detail,
) -> iam_mfa_status {
    boundary("iam_mfa_client_get_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let user_name = unsafe { arg::opt_str("user_name", user_name) }?;
        let detail_out = unsafe { arg::out("detail_out", detail_out) }?;

        let detail = client.inner.get_mfa_device(serial_number, user_name)?;

        *detail_out = Box::into_raw(Box::new((&detail).into()));
        Ok(())
    })
}

/// `ResyncMFADevice`: brings the device `serial_number` of `user_name`
/// back in step after its clock drifted, from two consecutive codes it
/// shows now. The emulator looks over a window of minutes and remembers
/// the drift it found.
///
/// NULL: any NULL argument gives `IAM_MFA_NULL_ARGUMENT`. Thread safety:
/// any thread. Returns `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` when the
/// device is not enabled for the user;
/// `IAM_MFA_INVALID_AUTHENTICATION_CODE` when the codes do not match;
/// `IAM_MFA_INVALID_INPUT`; `IAM_MFA_INVALID_UTF8`;
/// `IAM_MFA_NULL_ARGUMENT`; any status of a failed transport or service;
/// `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; the strings NULL or
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_resync_mfa_device(
    client: *const iam_mfa_client,
    user_name: *const c_char,
    serial_number: *const c_char,
    authentication_code1: *const c_char,
    authentication_code2: *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_client_resync_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let user_name = unsafe { arg::str("user_name", user_name) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let code1 = unsafe { arg::str("authentication_code1", authentication_code1) }?;
        let code2 = unsafe { arg::str("authentication_code2", authentication_code2) }?;

        client
            .inner
            .resync_mfa_device(user_name, serial_number, code1, code2)?;

        Ok(())
    })
}

/// `TagMFADevice`: adds `tags_len` tags to the virtual device
/// `serial_number`, replacing the value of a key it already has.
///
/// NULL: `client`, `serial_number`, `tags` (when `tags_len` is not 0), or
/// a tag's key or value NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread safety:
/// any thread. Returns `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for an
/// unknown device; `IAM_MFA_LIMIT_EXCEEDED` past 50 tags;
/// `IAM_MFA_INVALID_INPUT` for a bad key or value (or an `aws:` prefix);
/// `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a failed
/// transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `serial_number` NULL or
/// NUL-terminated; `tags` NULL or an array of `tags_len` tags.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_tag_mfa_device(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
    tags: *const iam_mfa_tag,
    tags_len: usize,
) -> iam_mfa_status {
    boundary("iam_mfa_client_tag_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let tags = unsafe { tags_arg(tags, tags_len) }?;

        client.inner.tag_mfa_device(serial_number, &tags)?;

        Ok(())
    })
}

/// `UntagMFADevice`: removes the tags of `tag_keys_len` keys from the
/// virtual device `serial_number`; keys it does not have are ignored.
///
/// NULL: `client`, `serial_number`, `tag_keys` (when `tag_keys_len` is not
/// 0) or one of its keys NULL gives `IAM_MFA_NULL_ARGUMENT`. Thread
/// safety: any thread. Returns `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for
/// an unknown device; `IAM_MFA_INVALID_INPUT` for a bad key;
/// `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a failed
/// transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; `serial_number` NULL or
/// NUL-terminated; `tag_keys` NULL or an array of `tag_keys_len` strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_untag_mfa_device(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
    tag_keys: *const *const c_char,
    tag_keys_len: usize,
) -> iam_mfa_status {
    boundary("iam_mfa_client_untag_mfa_device", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let tag_keys = unsafe { arg::array("tag_keys", tag_keys, tag_keys_len) }?
            .iter()
            .map(|key| unsafe { arg::str("tag_keys[]", *key) }.map(str::to_owned))
            .collect::<Result<Vec<String>, Failure>>()?;

        client.inner.untag_mfa_device(serial_number, &tag_keys)?;

        Ok(())
    })
}

/// `ListMFADeviceTags`, one page: the tags of the device `serial_number`,
/// sorted by key, from `marker` (NULL: the first page), at most
/// `max_items` (1 to 1000; 0: 100).
///
/// Ownership: on success `*list_out` is the caller's; free it with
/// `iam_mfa_tag_list_free()`. Nothing is written on failure. NULL:
/// `client`, `serial_number` or `list_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT`. Thread safety: any thread. Returns
/// `IAM_MFA_OK`; `IAM_MFA_NO_SUCH_ENTITY` for an unknown device;
/// `IAM_MFA_INVALID_INPUT` for a bad marker or page size;
/// `IAM_MFA_INVALID_UTF8`; `IAM_MFA_NULL_ARGUMENT`; any status of a failed
/// transport or service; `IAM_MFA_PANIC`.
///
/// # Safety
///
/// `client` must be NULL or a live client; the strings NULL or
/// NUL-terminated; `list_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_list_mfa_device_tags(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
    marker: *const c_char,
    max_items: u32,
    list_out: *mut *mut iam_mfa_tag_list,
) -> iam_mfa_status {
    boundary("iam_mfa_client_list_mfa_device_tags", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let page = unsafe { page_request(marker, max_items) }?;
        let list_out = unsafe { arg::out("list_out", list_out) }?;

        let page = client.inner.list_mfa_device_tags(serial_number, &page)?;

        *list_out = Box::into_raw(Box::new(iam_mfa_tag_list::page(&page)));
        Ok(())
    })
}

/// `ListMFADeviceTags`, every page: follows markers until the last page
/// and returns all the tags of the device `serial_number` in one list.
///
/// Ownership, NULL, thread safety and statuses: as
/// `iam_mfa_client_list_mfa_device_tags()`, less the marker.
///
/// # Safety
///
/// `client` must be NULL or a live client; `serial_number` NULL or
/// NUL-terminated; `list_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_client_list_mfa_device_tags_all(
    client: *const iam_mfa_client,
    serial_number: *const c_char,
    list_out: *mut *mut iam_mfa_tag_list,
) -> iam_mfa_status {
    boundary("iam_mfa_client_list_mfa_device_tags_all", || {
        let client = unsafe { arg::handle("client", client) }?;
        let serial_number = unsafe { arg::str("serial_number", serial_number) }?;
        let list_out = unsafe { arg::out("list_out", list_out) }?;

        let tags = client
            .inner
            .list_mfa_device_tags_all(serial_number)
            .collect::<Result<Vec<_>, _>>()?;

        *list_out = Box::into_raw(Box::new(iam_mfa_tag_list::all(&tags)));
        Ok(())
    })
}
