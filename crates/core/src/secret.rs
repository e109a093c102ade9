//! A byte buffer for secrets: virtual MFA seeds and their QR codes.
//!
//! IAM says to treat a seed like an access key. [`Secret`] keeps its bytes
//! in memory that is overwritten with zeros when the value is dropped, and
//! its `Debug` output says only that it is redacted, so a secret cannot end
//! up in a log line by accident.

use std::fmt;

use zeroize::Zeroizing;

/// Secret bytes, wiped from memory on drop and never shown by `Debug`.
///
/// Copies made with [`Secret::expose`] are the caller's to protect; the
/// library wipes only what it owns.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    /// Takes ownership of `bytes`; they are wiped when the secret drops.
    pub fn new(bytes: Vec<u8>) -> Secret {
        Secret(Zeroizing::new(bytes))
    }

    /// The secret bytes. Whatever the caller copies out of them is no
    /// longer wiped by the library.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// The secret as text, when it is UTF-8 (a base32 seed always is).
    pub fn expose_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.0).ok()
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<u8>> for Secret {
    fn from(bytes: Vec<u8>) -> Secret {
        Secret::new(bytes)
    }
}

impl From<String> for Secret {
    fn from(text: String) -> Secret {
        Secret::new(text.into_bytes())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret([REDACTED; {} bytes])", self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_bytes() {
        let secret = Secret::from("JBSWY3DPEHPK3PXP".to_owned());
        let shown = format!("{secret:?}");
        assert!(!shown.contains("JBSW"), "{shown}");
        assert!(shown.contains("REDACTED"));
        assert_eq!(secret.expose_str(), Some("JBSWY3DPEHPK3PXP"));
    }
}
