//! Time-based one-time passwords as IAM's virtual MFA devices use them.
//!
//! RFC 6238 with IAM's parameters: HMAC-SHA1 over the seed, 30-second
//! steps counted from the Unix epoch, 6 decimal digits. Seeds are handled
//! as IAM hands them out, base32 text, and decoded keys live in memory
//! that is wiped on drop.

use std::fmt;
use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac};
use sha1::Sha1;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// The length of one time step, in seconds.
pub const STEP_SECONDS: u64 = 30;

/// The number of digits of a code.
pub const DIGITS: usize = 6;

/// The number of random bytes in a new seed: 40 bytes are 64 base32
/// characters without padding, the length IAM's seeds have.
pub const SEED_BYTES: usize = 40;

/// Base32 without padding that, as authenticator apps do, ignores the
/// unused bits of the last character. Built once: building an encoding
/// costs more than decoding a seed.
static LENIENT_BASE32: LazyLock<data_encoding::Encoding> = LazyLock::new(|| {
    let mut spec = data_encoding::BASE32_NOPAD.specification();
    spec.check_trailing_bits = false;
    spec.encoding()
        .expect("RFC 4648's alphabet with trailing bits ignored is a valid encoding")
});

/// A one-time code: six ASCII digits, wiped on drop, redacted in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Code(Zeroizing<String>);

impl Code {
    /// The six digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Code([REDACTED])")
    }
}

/// A seed decoded to the HMAC key it stands for. Wiped on drop.
#[derive(Clone)]
pub struct Key(Zeroizing<Vec<u8>>);

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key([REDACTED])")
    }
}

impl Key {
    /// Decodes a base32 seed (RFC 4648 alphabet; case, padding, spaces and
    /// dashes are ignored, as authenticator apps do).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] when the seed is empty or not
    /// base32.
    pub fn from_base32(seed: &[u8]) -> Result<Key> {
        let mut text = Zeroizing::new(Vec::with_capacity(seed.len()));
        for &byte in seed {
            match byte {
                b' ' | b'-' | b'=' => {}
                _ => text.push(byte.to_ascii_uppercase()),
            }
        }
        if text.is_empty() {
            return Err(Error::validation("seed: must not be empty"));
        }
        let key = LENIENT_BASE32.decode(&text).map_err(|_| {
            Error::validation("seed: must be base32 text (letters A-Z and digits 2-7)")
        })?;
        Ok(Key(Zeroizing::new(key)))
    }

    /// A key from raw bytes, as RFC 6238's test vectors give them.
    pub fn from_bytes(bytes: &[u8]) -> Key {
        Key(Zeroizing::new(bytes.to_vec()))
    }

    /// The code of time step `step`.
    pub fn code_at_step(&self, step: u64) -> Code {
        let mut digits = Zeroizing::new(String::with_capacity(DIGITS));
        let value = self.truncated_value(step) % 1_000_000;
        for divisor in [100_000, 10_000, 1_000, 100, 10, 1] {
            digits.push(char::from(b'0' + (value / divisor % 10) as u8));
        }
        Code(digits)
    }

    /// Whether `code` is the code of time step `step`.
    pub fn matches(&self, step: u64, code: &str) -> bool {
        code.len() == DIGITS && self.code_at_step(step).as_str() == code
    }

    /// RFC 4226's dynamic truncation of HMAC-SHA1(key, step).
    fn truncated_value(&self, step: u64) -> u32 {
        let mut mac = Hmac::<Sha1>::new_from_slice(&self.0).expect("HMAC takes keys of any size");
        mac.update(&step.to_be_bytes());
        let hash: Zeroizing<[u8; 20]> = Zeroizing::new(mac.finalize().into_bytes().into());
        let offset = usize::from(hash[19] & 0x0f);
        let bytes = [
            hash[offset] & 0x7f,
            hash[offset + 1],
            hash[offset + 2],
            hash[offset + 3],
        ];
        u32::from_be_bytes(bytes)
    }
}

/// The time step that `at` falls in. Times before 1970 are step 0.
pub fn step_at(at: SystemTime) -> u64 {
    let seconds = at
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    seconds / STEP_SECONDS
}

/// The code of a base32 seed at time `at`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] when the seed is not base32.
pub fn code_at(seed: &[u8], at: SystemTime) -> Result<Code> {
    Ok(Key::from_base32(seed)?.code_at_step(step_at(at)))
}

/// The two consecutive codes that enable a device at time `at`: the codes
/// of the previous and of the current time step, the pair that IAM accepts
/// for the longest time after `at`.
///
/// # Errors
///
/// [`crate::ErrorKind::InvalidInput`] when the seed is not base32.
pub fn enable_codes(seed: &[u8], at: SystemTime) -> Result<(Code, Code)> {
    let key = Key::from_base32(seed)?;
    let step = step_at(at).max(1);
    Ok((key.code_at_step(step - 1), key.code_at_step(step)))
}

/// The number of seconds left before the code of `at` changes.
pub fn seconds_left(at: SystemTime) -> u64 {
    let seconds = at
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    STEP_SECONDS - seconds % STEP_SECONDS
}

/// A new random seed: [`SEED_BYTES`] bytes from the operating system's
/// generator, as base32 text without padding.
///
/// # Errors
///
/// [`crate::ErrorKind::ServiceFailure`] when the operating system's random
/// generator fails.
pub fn generate_seed() -> Result<Secret> {
    let mut bytes = Zeroizing::new([0u8; SEED_BYTES]);
    getrandom::fill(bytes.as_mut()).map_err(|error| {
        Error::new(
            crate::ErrorKind::ServiceFailure,
            format!("the system's random number generator failed: {error}"),
        )
    })?;
    Ok(Secret::from(
        data_encoding::BASE32_NOPAD.encode(bytes.as_ref()),
    ))
}

/// The `otpauth://` URI that authenticator apps read from IAM's QR codes:
/// issuer `Amazon Web Services`, account `NAME@ACCOUNT` where NAME is the
/// device name without its path.
pub fn otpauth_uri(device_name: &str, account_id: &str, seed: &Secret) -> Secret {
    let seed = seed.expose_str().unwrap_or_default();
    Secret::from(format!(
        "otpauth://totp/Amazon%20Web%20Services:{device_name}@{account_id}\
         ?secret={seed}&issuer=Amazon%20Web%20Services"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    /// RFC 6238, appendix B, the SHA1 column. The RFC's codes have eight
    /// digits; IAM's six are the last six of them.
    #[test]
    fn rfc_6238_sha1_test_vectors() {
        let key = Key::from_bytes(b"12345678901234567890");
        let vectors = [
            (59, "94287082"),
            (1111111109, "07081804"),
            (1111111111, "14050471"),
            (1234567890, "89005924"),
            (2000000000, "69279037"),
            (20000000000, "65353130"),
        ];
        for (seconds, eight_digits) in vectors {
            let code = key.code_at_step(step_at(at(seconds)));
            assert_eq!(code.as_str(), &eight_digits[2..], "at {seconds}");
        }
    }

    #[test]
    fn base32_seed_decodes_like_its_raw_key() {
        // "12345678901234567890" in base32.
        let seed = b"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        let code = code_at(seed, at(59)).unwrap();
        assert_eq!(code.as_str(), "287082");
        let lower = code_at(b"gezdgnbvgy3tqojqgezdgnbvgy3tqojq", at(59)).unwrap();
        assert_eq!(lower, code);
    }

    #[test]
    fn bad_seeds_are_refused() {
        assert!(Key::from_base32(b"").is_err());
        assert!(Key::from_base32(b"not base32!").is_err());
        assert!(Key::from_base32(b"ABC1").is_err());
    }

    #[test]
    fn enable_codes_are_previous_and_current_step() {
        let seed = generate_seed().unwrap();
        let key = Key::from_base32(seed.expose()).unwrap();
        let (first, second) = enable_codes(seed.expose(), at(3000)).unwrap();
        assert_eq!(first, key.code_at_step(99));
        assert_eq!(second, key.code_at_step(100));
    }

    #[test]
    fn new_seeds_are_64_base32_characters_and_differ() {
        let one = generate_seed().unwrap();
        let two = generate_seed().unwrap();
        assert_eq!(one.len(), 64);
        assert!(
            one.expose()
                .iter()
                .all(|b| b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains(b))
        );
        assert_ne!(one, two);
    }

    #[test]
    fn seconds_left_counts_down_to_the_next_step() {
        assert_eq!(seconds_left(at(60)), 30);
        assert_eq!(seconds_left(at(89)), 1);
    }

    #[test]
    fn code_debug_is_redacted() {
        let code = code_at(b"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", at(59)).unwrap();
        assert!(!format!("{code:?}").contains("287082"));
    }
}
