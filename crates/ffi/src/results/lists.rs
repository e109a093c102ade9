//! The three list results: pages of `ListMFADevices`,
//! `ListVirtualMFADevices` and `ListMFADeviceTags`, or every page of one
//! at once.

use std::ffi::{CString, c_char};

use crate::boundary::{Failure, arg, boundary, free, invalid};
use crate::results::{
    Pairs, c_string, iam_mfa_mfa_device, iam_mfa_tag, iam_mfa_virtual_mfa_device, lend_array,
    tag_array,
};
use crate::status::iam_mfa_status;

/// Whether more items follow, and the marker that fetches them.
struct Continuation {
    is_truncated: bool,
    marker: Option<CString>,
}

impl Continuation {
    fn of<T>(page: &core_api::Page<T>) -> Continuation {
        Continuation {
            is_truncated: page.is_truncated,
            marker: page.marker.as_deref().map(c_string),
        }
    }

    /// The continuation of a list that holds every page.
    fn complete() -> Continuation {
        Continuation {
            is_truncated: false,
            marker: None,
        }
    }
}

/// MFA devices enabled for a user: one page of `ListMFADevices`, or every
/// page at once.
///
/// Handed over by `iam_mfa_client_list_mfa_devices()` and
/// `iam_mfa_client_list_mfa_devices_all()`; free it with
/// `iam_mfa_mfa_device_list_free()`, which also ends the devices lent by
/// it. Immutable: any number of threads may read it at once.
pub struct iam_mfa_mfa_device_list {
    items: Vec<iam_mfa_mfa_device>,
    continuation: Continuation,
}

impl iam_mfa_mfa_device_list {
    pub(crate) fn page(page: &core_api::Page<core_api::MfaDevice>) -> iam_mfa_mfa_device_list {
        iam_mfa_mfa_device_list {
            items: page.items.iter().map(iam_mfa_mfa_device::from).collect(),
            continuation: Continuation::of(page),
        }
    }

    pub(crate) fn all(items: &[core_api::MfaDevice]) -> iam_mfa_mfa_device_list {
        iam_mfa_mfa_device_list {
            items: items.iter().map(iam_mfa_mfa_device::from).collect(),
            continuation: Continuation::complete(),
        }
    }
}

/// Virtual MFA devices: one page of `ListVirtualMFADevices`, or every
/// page at once. Listed devices carry no seed, QR code or tags; assigned
/// ones carry their user and enable date.
///
/// Handed over by `iam_mfa_client_list_virtual_mfa_devices()` and
/// `iam_mfa_client_list_virtual_mfa_devices_all()`; free it with
/// `iam_mfa_virtual_mfa_device_list_free()`, which also ends the devices
/// lent by it. Immutable: any number of threads may read it at once.
pub struct iam_mfa_virtual_mfa_device_list {
    items: Vec<iam_mfa_virtual_mfa_device>,
    continuation: Continuation,
}

impl iam_mfa_virtual_mfa_device_list {
    pub(crate) fn page(
        page: core_api::Page<core_api::VirtualMfaDevice>,
    ) -> iam_mfa_virtual_mfa_device_list {
        let continuation = Continuation::of(&page);
        iam_mfa_virtual_mfa_device_list {
            items: page.items.into_iter().map(Into::into).collect(),
            continuation,
        }
    }

    pub(crate) fn all(items: Vec<core_api::VirtualMfaDevice>) -> iam_mfa_virtual_mfa_device_list {
        iam_mfa_virtual_mfa_device_list {
            items: items.into_iter().map(Into::into).collect(),
            continuation: Continuation::complete(),
        }
    }
}

/// The tags of a device, sorted by key: one page of `ListMFADeviceTags`,
/// or every page at once.
///
/// Handed over by `iam_mfa_client_list_mfa_device_tags()` and
/// `iam_mfa_client_list_mfa_device_tags_all()`; free it with
/// `iam_mfa_tag_list_free()`. Immutable: any number of threads may read it
/// at once.
pub struct iam_mfa_tag_list {
    tags: Pairs<iam_mfa_tag>,
    continuation: Continuation,
}

impl iam_mfa_tag_list {
    pub(crate) fn page(page: &core_api::Page<core_api::Tag>) -> iam_mfa_tag_list {
        iam_mfa_tag_list {
            tags: tag_array(&page.items),
            continuation: Continuation::of(page),
        }
    }

    pub(crate) fn all(tags: &[core_api::Tag]) -> iam_mfa_tag_list {
        iam_mfa_tag_list {
            tags: tag_array(tags),
            continuation: Continuation::complete(),
        }
    }
}

/// The item at `index`, or a failure naming the list's length.
fn item<T>(items: &[T], index: usize) -> Result<&T, Failure> {
    items.get(index).ok_or_else(|| {
        invalid(format!(
            "index: {index} is past the end of a list of {} items",
            items.len()
        ))
    })
}

fn marker_pointer(continuation: &Continuation) -> *const c_char {
    continuation
        .marker
        .as_ref()
        .map_or(std::ptr::null(), |marker| marker.as_ptr())
}

/// The number of devices in the list.
///
/// NULL: `list` or `len_out` NULL gives `IAM_MFA_NULL_ARGUMENT` and writes
/// nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `len_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_list_len(
    list: *const iam_mfa_mfa_device_list,
    len_out: *mut usize,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_list_len", || {
        let list = unsafe { arg::handle("list", list) }?;
        let len_out = unsafe { arg::out("len_out", len_out) }?;

        *len_out = list.items.len();
        Ok(())
    })
}

/// The device at `index` (from 0), in IAM's order (by serial number).
///
/// Ownership: the device is lent by `list` and lives as long as it; never
/// free it. NULL: `list` or `device_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK`, `IAM_MFA_NULL_ARGUMENT`, or
/// `IAM_MFA_INVALID_INPUT` when `index` is not below the list's length.
///
/// # Safety
///
/// `list` must be NULL or a live list; `device_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_list_get(
    list: *const iam_mfa_mfa_device_list,
    index: usize,
    device_out: *mut *const iam_mfa_mfa_device,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_list_get", || {
        let list = unsafe { arg::handle("list", list) }?;
        let device_out = unsafe { arg::out("device_out", device_out) }?;

        let device = item(&list.items, index)?;

        *device_out = device;
        Ok(())
    })
}

/// Whether more devices follow this page (IAM's `IsTruncated`). Always
/// false for a list of every page.
///
/// NULL: `list` or `is_truncated_out` NULL gives `IAM_MFA_NULL_ARGUMENT`
/// and writes nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `is_truncated_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_list_is_truncated(
    list: *const iam_mfa_mfa_device_list,
    is_truncated_out: *mut bool,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_list_is_truncated", || {
        let list = unsafe { arg::handle("list", list) }?;
        let is_truncated_out = unsafe { arg::out("is_truncated_out", is_truncated_out) }?;

        *is_truncated_out = list.continuation.is_truncated;
        Ok(())
    })
}

/// The marker to pass for the next page (IAM's `Marker`), or NULL in
/// `*marker_out` when nothing follows.
///
/// Ownership: the string is lent by `list` and lives as long as it; never
/// free it (pass it to the next call before freeing the list). NULL:
/// `list` or `marker_out` NULL gives `IAM_MFA_NULL_ARGUMENT` and writes
/// nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `marker_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_list_marker(
    list: *const iam_mfa_mfa_device_list,
    marker_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_mfa_device_list_marker", || {
        let list = unsafe { arg::handle("list", list) }?;
        let marker_out = unsafe { arg::out("marker_out", marker_out) }?;

        *marker_out = marker_pointer(&list.continuation);
        Ok(())
    })
}

/// Frees a list of MFA devices and every device and string lent by it.
///
/// NULL is accepted and does nothing. Freeing twice is undefined
/// behaviour. Thread safety: no other thread may use the list meanwhile.
/// Does not touch the last error.
///
/// # Safety
///
/// `list` must be NULL or a list handed over by the library, not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_mfa_device_list_free(list: *mut iam_mfa_mfa_device_list) {
    unsafe { free(list) }
}

/// The number of devices in the list.
///
/// NULL: `list` or `len_out` NULL gives `IAM_MFA_NULL_ARGUMENT` and writes
/// nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `len_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_list_len(
    list: *const iam_mfa_virtual_mfa_device_list,
    len_out: *mut usize,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_list_len", || {
        let list = unsafe { arg::handle("list", list) }?;
        let len_out = unsafe { arg::out("len_out", len_out) }?;

        *len_out = list.items.len();
        Ok(())
    })
}

/// The device at `index` (from 0), in IAM's order (by serial number).
///
/// Ownership: the device is lent by `list` and lives as long as it; never
/// free it. NULL: `list` or `device_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK`, `IAM_MFA_NULL_ARGUMENT`, or
/// `IAM_MFA_INVALID_INPUT` when `index` is not below the list's length.
///
/// # Safety
///
/// `list` must be NULL or a live list; `device_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_list_get(
    list: *const iam_mfa_virtual_mfa_device_list,
    index: usize,
    device_out: *mut *const iam_mfa_virtual_mfa_device,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_list_get", || {
        let list = unsafe { arg::handle("list", list) }?;
        let device_out = unsafe { arg::out("device_out", device_out) }?;

        let device = item(&list.items, index)?;

        *device_out = device;
        Ok(())
    })
}

/// Whether more devices follow this page (IAM's `IsTruncated`). Always
/// false for a list of every page.
///
/// NULL: `list` or `is_truncated_out` NULL gives `IAM_MFA_NULL_ARGUMENT`
/// and writes nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `is_truncated_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_list_is_truncated(
    list: *const iam_mfa_virtual_mfa_device_list,
    is_truncated_out: *mut bool,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_list_is_truncated", || {
        let list = unsafe { arg::handle("list", list) }?;
        let is_truncated_out = unsafe { arg::out("is_truncated_out", is_truncated_out) }?;

        *is_truncated_out = list.continuation.is_truncated;
        Ok(())
    })
}

/// The marker to pass for the next page (IAM's `Marker`), or NULL in
/// `*marker_out` when nothing follows.
///
/// Ownership: the string is lent by `list` and lives as long as it; never
/// free it. NULL: `list` or `marker_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `marker_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_list_marker(
    list: *const iam_mfa_virtual_mfa_device_list,
    marker_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_virtual_mfa_device_list_marker", || {
        let list = unsafe { arg::handle("list", list) }?;
        let marker_out = unsafe { arg::out("marker_out", marker_out) }?;

        *marker_out = marker_pointer(&list.continuation);
        Ok(())
    })
}

/// Frees a list of virtual MFA devices and every device and string lent
/// by it.
///
/// NULL is accepted and does nothing. Freeing twice is undefined
/// behaviour. Thread safety: no other thread may use the list meanwhile.
/// Does not touch the last error.
///
/// # Safety
///
/// `list` must be NULL or a list handed over by the library, not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_virtual_mfa_device_list_free(
    list: *mut iam_mfa_virtual_mfa_device_list,
) {
    unsafe { free(list) }
}

/// The tags of the list, as an array of `*tags_len_out` entries sorted by
/// key; NULL and 0 when there are none.
///
/// Ownership: the array and its strings are lent by `list` and live as
/// long as it; never free them. NULL: any NULL argument gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; the out-parameters NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_tag_list_tags(
    list: *const iam_mfa_tag_list,
    tags_out: *mut *const iam_mfa_tag,
    tags_len_out: *mut usize,
) -> iam_mfa_status {
    boundary("iam_mfa_tag_list_tags", || {
        let list = unsafe { arg::handle("list", list) }?;
        let tags_out = unsafe { arg::out("tags_out", tags_out) }?;
        let tags_len_out = unsafe { arg::out("tags_len_out", tags_len_out) }?;

        lend_array(list.tags.entries(), tags_out, tags_len_out);
        Ok(())
    })
}

/// Whether more tags follow this page (IAM's `IsTruncated`). Always false
/// for a list of every page.
///
/// NULL: `list` or `is_truncated_out` NULL gives `IAM_MFA_NULL_ARGUMENT`
/// and writes nothing. Thread safety: any thread. Returns `IAM_MFA_OK` or
/// `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `is_truncated_out` NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_tag_list_is_truncated(
    list: *const iam_mfa_tag_list,
    is_truncated_out: *mut bool,
) -> iam_mfa_status {
    boundary("iam_mfa_tag_list_is_truncated", || {
        let list = unsafe { arg::handle("list", list) }?;
        let is_truncated_out = unsafe { arg::out("is_truncated_out", is_truncated_out) }?;

        *is_truncated_out = list.continuation.is_truncated;
        Ok(())
    })
}

/// The marker to pass for the next page (IAM's `Marker`), or NULL in
/// `*marker_out` when nothing follows.
///
/// Ownership: the string is lent by `list` and lives as long as it; never
/// free it. NULL: `list` or `marker_out` NULL gives
/// `IAM_MFA_NULL_ARGUMENT` and writes nothing. Thread safety: any thread.
/// Returns `IAM_MFA_OK` or `IAM_MFA_NULL_ARGUMENT`.
///
/// # Safety
///
/// `list` must be NULL or a live list; `marker_out` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_tag_list_marker(
    list: *const iam_mfa_tag_list,
    marker_out: *mut *const c_char,
) -> iam_mfa_status {
    boundary("iam_mfa_tag_list_marker", || {
        let list = unsafe { arg::handle("list", list) }?;
        let marker_out = unsafe { arg::out("marker_out", marker_out) }?;

        *marker_out = marker_pointer(&list.continuation);
        Ok(())
    })
}

/// Frees a list of tags and every string lent by it.
///
/// NULL is accepted and does nothing. Freeing twice is undefined
/// behaviour. Thread safety: no other thread may use the list meanwhile.
/// Does not touch the last error.
///
/// # Safety
///
/// `list` must be NULL or a list handed over by the library, not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_tag_list_free(list: *mut iam_mfa_tag_list) {
    unsafe { free(list) }
}
