//! Byte buffers handed over to the caller (seeds and QR codes), and the
//! function that wipes and frees them.

use std::panic::{self, AssertUnwindSafe};

use core_api::Secret;
use zeroize::Zeroize;

/// A caller-owned copy of a secret, as a pointer and a length; NULL and 0
/// for no secret or an empty one. The buffer is a boxed slice, which
/// [`iam_mfa_bytes_free`] rebuilds from the same pointer and length.
pub(crate) fn hand_over(secret: Option<&Secret>) -> (*mut u8, usize) {
    match secret {
        Some(secret) if !secret.is_empty() => {
            let copy: Box<[u8]> = secret.expose().into();
            let len = copy.len();
            (Box::into_raw(copy).cast::<u8>(), len)
        }
        _ => (std::ptr::null_mut(), 0),
    }
}

/// Wipes a byte buffer that the library handed over (a seed from
/// `iam_mfa_virtual_mfa_device_base32_string_seed()`, a QR code from
/// `iam_mfa_virtual_mfa_device_qr_code_png()`) with zeros, then frees it.
///
/// `len` must be the length the library gave with the buffer. NULL is
/// accepted and does nothing. Freeing twice, or freeing memory the library
/// did not hand over, is undefined behaviour. Thread safety: any thread,
/// once no other thread uses the buffer. Does not touch the last error.
///
/// # Safety
///
/// `bytes` must be NULL or a buffer handed over by the library with
/// length `len`, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iam_mfa_bytes_free(bytes: *mut u8, len: usize) {
    if bytes.is_null() {
        return;
    }
    let slice = std::ptr::slice_from_raw_parts_mut(bytes, len);
    let mut owned: Box<[u8]> = unsafe { Box::from_raw(slice) };

    let _ = panic::catch_unwind(AssertUnwindSafe(move || {
        owned.zeroize();
        drop(owned);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handed_over_copy_matches_and_frees() {
        let secret = Secret::from("JBSWY3DPEHPK3PXP".to_owned());

        let (bytes, len) = hand_over(Some(&secret));

        assert_eq!(
            unsafe { std::slice::from_raw_parts(bytes, len) },
            secret.expose()
        );
        unsafe { iam_mfa_bytes_free(bytes, len) };
        assert_eq!(hand_over(None), (std::ptr::null_mut(), 0));
    }
}
