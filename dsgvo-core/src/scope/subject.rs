//! Telling people apart without keeping who they are: the key of a row
//! (trimmed, in lower case) is kept as a 128-bit digest (SHA-256, cut),
//! never as written. Digests of e-mail addresses are still pseudonymous
//! personal data (Art. 4(5) GDPR): a summary that holds them stays where
//! the table is; the [`super::Scope`] report holds none.

use std::collections::HashMap;
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

/// Digests gathered before they are sorted in, at least.
const BATCH: usize = 1 << 14;

/// People told apart by the digests of their keys: a sorted list of
/// distinct digests and the digests of the rows since it was last sorted.
/// A hash set touches a random place of a large table for every row; a
/// batch sorted in and merged reads memory in order, and is several times
/// faster for the same set. Compared and stored as the sorted list, so the
/// same people give the same bytes however they came.
#[derive(Clone, Debug, Default)]
pub(crate) struct People {
    /// Distinct, ascending (a digest's bytes read as a big-endian number
    /// order as the bytes do).
    sorted: Vec<u128>,
    /// Not yet in `sorted`; in any order, repeats allowed.
    pending: Vec<u128>,
}

impl People {
    pub fn insert(&mut self, person: Digest) {
        self.pending.push(u128::from_be_bytes(person));
        // A batch of at least half the list: merging copies each digest a
        // bounded number of times, and the batch is bounded by the people.
        if self.pending.len() >= BATCH.max(self.sorted.len() / 2) {
            self.sort_in();
        }
    }

    /// How many distinct people.
    pub fn len(&self) -> usize {
        self.distinct().len()
    }

    /// Adds the people of another part of the table: both parts' pending
    /// digests are sorted in together, and the other part's sorted list is
    /// joined in one pass, rather than sorted in again (linear instead of
    /// n log n in the people; not timed apart).
    pub fn merge(&mut self, mut other: People) {
        self.pending.append(&mut other.pending);
        self.sort_in();
        self.sorted = union(&self.sorted, &other.sorted);
    }

    /// Merges the pending digests into the sorted list.
    fn sort_in(&mut self) {
        if self.pending.is_empty() {
            return; // nothing to add: the list stays as it is, uncopied
        }
        let merged = merged(&self.sorted, &mut self.pending);
        self.sorted = merged;
        self.pending.clear();
    }

    /// The distinct digests, ascending.
    fn distinct(&self) -> std::borrow::Cow<'_, [u128]> {
        if self.pending.is_empty() {
            std::borrow::Cow::Borrowed(&self.sorted)
        } else {
            let mut pending = self.pending.clone();
            std::borrow::Cow::Owned(merged(&self.sorted, &mut pending))
        }
    }
}

/// The distinct values of the ascending, distinct `sorted` and of
/// `pending` (sorted here), ascending.
fn merged(sorted: &[u128], pending: &mut Vec<u128>) -> Vec<u128> {
    pending.sort_unstable();
    pending.dedup();
    union(sorted, pending)
}

/// The distinct values of the ascending, distinct `a` and `b`, ascending.
fn union(a: &[u128], b: &[u128]) -> Vec<u128> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => out.extend(a.next()),
            std::cmp::Ordering::Greater => out.extend(b.next()),
            std::cmp::Ordering::Equal => {
                out.extend(a.next());
                b.next();
            }
        }
    }
    out.extend(a);
    out.extend(b);
    out
}

impl PartialEq for People {
    fn eq(&self, other: &People) -> bool {
        self.distinct() == other.distinct()
    }
}

impl Eq for People {}

impl Serialize for People {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.distinct().iter().map(|d| d.to_be_bytes()))
    }
}

impl<'de> Deserialize<'de> for People {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = Vec::<Digest>::deserialize(d)?;
        let mut people = People {
            sorted: Vec::new(),
            pending: list.into_iter().map(u128::from_be_bytes).collect(),
        };
        people.sort_in();
        Ok(people)
    }
}

/// The digest of `key` as the scoping compares keys.
pub(crate) fn digest(key: &str) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update(b"dsgvo.scope.key\0");
    let key = super::detect::trimmed(key);
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

    // Any order of inserts and merges gives the distinct digests, as a set
    // counts them; batches sort in at their size.
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        #[test]
        fn people_are_the_distinct_digests_however_they_come(
            rows in proptest::collection::vec((0u16..3000, proptest::bool::ANY), 0..6000),
        ) {
            let key = |n: u16| digest(&n.to_string());
            let mut one = People::default();
            let mut parts = (People::default(), People::default());
            let mut set = std::collections::BTreeSet::new();
            for (n, first) in &rows {
                one.insert(key(*n));
                if *first { parts.0.insert(key(*n)) } else { parts.1.insert(key(*n)) }
                set.insert(key(*n));
            }
            proptest::prop_assert_eq!(one.len(), set.len());
            let listed: Vec<Digest> = one.distinct().iter().map(|d| d.to_be_bytes()).collect();
            proptest::prop_assert_eq!(listed, set.iter().copied().collect::<Vec<_>>());
            parts.0.merge(parts.1);
            proptest::prop_assert_eq!(&parts.0, &one);
            proptest::prop_assert!(parts.0.pending.is_empty());
        }
    }

    #[test]
    fn a_batch_is_sorted_in_at_its_size_or_half_the_list() {
        let mut people = People::default();
        for n in 0..BATCH {
            people.insert(digest(&n.to_string()));
        }
        assert_eq!((people.sorted.len(), people.pending.len()), (BATCH, 0));
        for n in 0..BATCH - 1 {
            people.insert(digest(&n.to_string()));
        }
        assert_eq!(people.pending.len(), BATCH - 1, "repeats wait too");
        assert_eq!(people.len(), BATCH);
        people.insert(digest("new"));
        assert_eq!((people.sorted.len(), people.pending.len()), (BATCH + 1, 0));
        let big = People {
            sorted: (0..4 * BATCH as u128).collect(),
            pending: Vec::new(),
        };
        let mut big = big;
        for n in 0..2 * BATCH - 1 {
            big.insert(digest(&n.to_string()));
        }
        assert_eq!(big.pending.len(), 2 * BATCH - 1, "half the list waits");
        big.insert(digest("new"));
        assert!(big.pending.is_empty());
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
