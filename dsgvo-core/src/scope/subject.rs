//! Telling people apart without keeping who they are: the key of a row
//! (trimmed, in lower case) is kept as a 128-bit digest (SHA-256, cut),
//! never as written. Digests of e-mail addresses are still pseudonymous
//! personal data (Art. 4(5) GDPR): a summary that holds them stays where
//! the table is; the [`super::Scope`] report holds none.

use sha2::{Digest as _, Sha256};

/// The digest of one person's key.
pub(crate) type Digest = [u8; 16];

/// The digest of `key` as the scoping compares keys.
pub(crate) fn digest(key: &str) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update(b"dsgvo.scope.key\0");
    hasher.update(key.trim().to_lowercase().as_bytes());
    let full = hasher.finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(&full[..16]);
    out
}

#[cfg(test)]
mod tests {
    use super::digest;

    #[test]
    fn keys_compare_trimmed_and_in_lower_case() {
        assert_eq!(digest(" Erika@Example.DE "), digest("erika@example.de"));
        assert_ne!(digest("erika@example.de"), digest("erik@example.de"));
    }
}
