//! Telling people apart without keeping who they are: the key of a row
//! (trimmed, in lower case) is kept as a 128-bit digest (SHA-256, cut),
//! never as written. Digests of e-mail addresses are still pseudonymous
//! personal data (Art. 4(5) GDPR): a summary that holds them stays where
//! the table is; the [`super::Scope`] report holds none.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// The digest of one person's key.
pub(crate) type Digest = [u8; 16];

/// Hashes a digest by its first eight bytes: they are already the output
/// of SHA-256, so hashing them again would add nothing but time; the
/// fixed function keeps the core free of a random seed.
#[derive(Default)]
pub(crate) struct DigestHasher(u64);

impl Hasher for DigestHasher {
    fn write(&mut self, bytes: &[u8]) {
        // A digest is written as its length, then its 16 bytes.
        for b in bytes.iter().take(8) {
            self.0 = self.0 << 8 | u64::from(*b);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map by digest.
pub(crate) type DigestMap<V> = HashMap<Digest, V, BuildHasherDefault<DigestHasher>>;

/// People told apart by the digests of their keys. Stored sorted, so the
/// same people give the same bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct People(HashSet<Digest, BuildHasherDefault<DigestHasher>>);

impl People {
    pub fn insert(&mut self, person: Digest) {
        self.0.insert(person);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Adds the people of another part of the table.
    pub fn merge(&mut self, other: People) {
        self.0.extend(other.0);
    }
}

impl Serialize for People {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut sorted: Vec<&Digest> = self.0.iter().collect();
        sorted.sort_unstable();
        sorted.serialize(s)
    }
}

impl<'de> Deserialize<'de> for People {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = Vec::<Digest>::deserialize(d)?;
        Ok(People(list.into_iter().collect()))
    }
}

/// The digest of `key` as the scoping compares keys.
pub(crate) fn digest(key: &str) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update(b"dsgvo.scope.key\0");
    let key = key.trim();
    if key.is_ascii() {
        // In lower case without a copy on the heap, a piece at a time.
        for piece in key.as_bytes().chunks(64) {
            let mut lower = [0u8; 64];
            let lower = &mut lower[..piece.len()];
            lower.copy_from_slice(piece);
            lower.make_ascii_lowercase();
            hasher.update(&*lower);
        }
    } else {
        hasher.update(key.to_lowercase().as_bytes());
    }
    let full = hasher.finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(&full[..16]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_stored_sorted_and_counted_once() {
        let mut a = People::default();
        for key in ["c", "a", "b", "A"] {
            a.insert(digest(key));
        }
        assert_eq!(a.len(), 3);
        let json = serde_json::to_value(&a).unwrap();
        let list: Vec<Digest> = serde_json::from_value(json.clone()).unwrap();
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(serde_json::from_value::<People>(json).unwrap(), a);
    }

    #[test]
    fn a_digest_hashes_by_its_first_eight_bytes() {
        let mut h = DigestHasher::default();
        std::hash::Hash::hash(
            &[1u8, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
            &mut h,
        );
        assert_eq!(h.finish(), 0x0102_0304_0506_0708);
    }

    #[test]
    fn keys_compare_trimmed_and_in_lower_case() {
        assert_eq!(digest(" Erika@Example.DE "), digest("erika@example.de"));
        assert_ne!(digest("erika@example.de"), digest("erik@example.de"));
        // Beyond ASCII, and longer than one piece of the ASCII path.
        assert_eq!(digest("ÄRGER@Example.de"), digest("ärger@example.de"));
        let long = "Kunde-".repeat(30);
        assert_eq!(digest(&long), digest(&long.to_lowercase()));
        let sha = |text: &str| -> Digest {
            let full = Sha256::digest(format!("dsgvo.scope.key\0{text}").as_bytes());
            full[..16].try_into().unwrap()
        };
        assert_eq!(digest(&long), sha(&long.to_lowercase()));
    }
}
