//! The findings and mask of the values a column saw lately. Shop tables
//! repeat values (countries, cities, products, names, amounts), and what
//! the detectors find in a value, and its mask, depend on the value alone:
//! a repeated value is looked up instead of read again. Working memory
//! only — it never changes a count (pinned in the tests below) and is
//! neither compared, nor cloned, nor stored.

use super::cell::{Findings, findings};
use super::mask::mask_into;

/// Slots per column, in pairs (a value's hash names a pair; the value used
/// less lately gives way): few at first (countries), many when fewer than
/// seven values in eight were found again among few slots (40 first names
/// among 64 slots missed one in three; products and order days repeat
/// among hundreds of values). Not more: the tables of all columns (computed:
/// 1,024 slots of 112 bytes and their hashes, about 120 KB each) stay in the processor's second-level cache; with
/// 4,096 slots (then one per hash, at `32157c0`) the 1,000,000-row
/// benchmark took 1.50 s instead of 1.33 s.
const FEW: usize = 64;
const MANY: usize = 1024;
/// Longer values are read every time (free text rarely repeats, and the
/// slots stay small).
const LONGEST: usize = 64;
/// After a trial of this many lookups (four per slot of [`MANY`]) a column
/// with [`FEW`] slots whose values were found less than seven times in
/// eight gets [`MANY`]; one with [`MANY`] whose values seldom repeat
/// (fewer than one in eight found) stops looking up and tries again after
/// [`PAUSE`] cells, twice as many after each trial that failed again, at
/// most [`LONGEST_PAUSE`].
const TRIAL: u32 = 4096;
const PAUSE: u32 = 65_536;
const LONGEST_PAUSE: u32 = PAUSE << 4;

/// A value's findings and mask.
#[derive(Default)]
pub(crate) struct Seen {
    value: String,
    pub findings: Findings,
    /// The mask.
    pub mask: String,
    /// The mask was offered to the column's examples: offering it again
    /// changes nothing (the examples only ever become smaller ones).
    pub offered: bool,
}

impl Seen {
    /// Reads `value`, writing its mask into `spare` first: a mask equal to
    /// the one it replaces keeps `offered` (most values of a column share
    /// their mask, and offering it again would only compare it again).
    fn read(&mut self, value: &str, spare: &mut String) {
        self.findings = findings(value);
        mask_into(value, &self.findings, spare);
        if *spare != self.mask {
            std::mem::swap(spare, &mut self.mask);
            self.offered = false;
        }
    }
}

/// One column's lookup table.
#[derive(Default)]
pub(crate) struct Memo {
    slots: Vec<Seen>,
    /// The hash of each slot's value, apart from the slots: a value not in
    /// the table is told by these few bytes, without reading a slot.
    hashes: Vec<u64>,
    /// A value read without the table.
    scratch: Seen,
    /// A mask being written, compared with the one it replaces.
    spare: String,
    lookups: u32,
    hits: u32,
    /// Cells still to read without the table.
    paused: u32,
    /// Trials failed in a row with [`MANY`] slots.
    failures: u32,
}

impl Memo {
    /// The findings and mask of the trimmed, non-empty `value`.
    pub fn see(&mut self, value: &str) -> &mut Seen {
        if value.len() > LONGEST || self.pause() {
            self.scratch.read(value, &mut self.spare);
            return &mut self.scratch;
        }
        if self.slots.is_empty() {
            self.resize(FEW);
        }
        self.lookups += 1;
        let hash = hash_of(value);
        let first = slot_of(hash, self.slots.len() / 2) * 2;
        let found =
            (first..first + 2).find(|&at| self.hashes[at] == hash && self.slots[at].value == value);
        // The value found, or the one it replaces (the one used less
        // lately), goes first.
        let used = found.unwrap_or(first + 1);
        if used != first {
            self.slots.swap(first, used);
            self.hashes.swap(first, used);
        }
        let slot = &mut self.slots[first];
        if found.is_some() {
            self.hits += 1;
        } else {
            self.hashes[first] = hash;
            slot.value.clear();
            slot.value.push_str(value);
            slot.read(value, &mut self.spare);
        }
        slot
    }

    /// Whether to read without the table: after a trial in which too few
    /// values repeated, for a while.
    fn pause(&mut self) -> bool {
        if self.paused > 0 {
            self.paused -= 1;
            return true;
        }
        if self.lookups == TRIAL {
            if self.hits < self.lookups / 8 * 7 && self.slots.len() < MANY {
                self.resize(MANY);
            } else if self.hits < self.lookups / 8 {
                self.paused = PAUSE
                    .checked_shl(self.failures)
                    .map_or(LONGEST_PAUSE, |p| p.min(LONGEST_PAUSE));
                self.failures += 1;
            } else {
                self.failures = 0;
            }
            self.lookups = 0;
            self.hits = 0;
        }
        false
    }

    /// Empties the table and gives it `slots` slots.
    fn resize(&mut self, slots: usize) {
        self.slots.clear();
        self.slots.resize_with(slots, Seen::default);
        self.hashes.clear();
        self.hashes.resize(slots, 0);
    }
}

/// A multiplicative hash of the bytes of `value`, eight at a time (the
/// last piece padded with zeros).
fn hash_of(value: &str) -> u64 {
    let step = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    let mut pieces = value.as_bytes().chunks_exact(8);
    let mut h = (&mut pieces).fold(value.len() as u64, |h, piece| {
        step(h, u64::from_le_bytes(piece.try_into().unwrap_or_default()))
    });
    let rest = pieces.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        for (w, b) in word.iter_mut().zip(rest) {
            *w = *b;
        }
        h = step(h, u64::from_le_bytes(word));
    }
    h
}

/// The slot of a value's `hash` among `slots` (a power of two): its top
/// bits.
fn slot_of(hash: u64, slots: usize) -> usize {
    (hash >> (64 - slots.trailing_zeros())) as usize
}

/// Working memory beside a summary: left out of its comparison, its copies
/// and its stored form.
#[derive(Default)]
pub(crate) struct Memos {
    /// A lookup table per column.
    pub tables: Vec<Memo>,
    /// The rows of a block counted in the scope, by position, with their
    /// person.
    pub counted: Vec<(usize, Option<super::subject::Digest>)>,
}

impl Memos {
    pub fn new(columns: usize) -> Memos {
        Memos {
            tables: (0..columns).map(|_| Memo::default()).collect(),
            counted: Vec::new(),
        }
    }
}

impl Clone for Memos {
    fn clone(&self) -> Memos {
        Memos::new(self.tables.len())
    }
}

impl PartialEq for Memos {
    fn eq(&self, _: &Memos) -> bool {
        true
    }
}

impl Eq for Memos {}

impl std::fmt::Debug for Memos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memos")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(value: &str) -> (Findings, String) {
        let mut seen = Seen::default();
        seen.read(value, &mut String::new());
        (seen.findings, seen.mask)
    }

    // Values that share slots, repeat, and come back after a pause give
    // what reading them afresh gives.
    #[test]
    fn a_looked_up_value_gives_what_reading_it_gives() {
        let values: Vec<String> = (0..20_000)
            .map(|i| match i % 4 {
                0 => format!("kunde{}@example.org", i % 300),
                1 => ["DE", "AT", "Deutschland", "12.03.2010"][i % 7 % 4].to_string(),
                2 => format!("{}", i * 7919 % 100_000),
                _ => "x".repeat(i % 70 + 1),
            })
            .collect();
        let mut many = Memo::default();
        many.resize(MANY);
        for mut memo in [Memo::default(), many] {
            for v in &values {
                let seen = memo.see(v);
                assert_eq!((seen.findings.clone(), seen.mask.clone()), fresh(v), "{v}");
            }
            assert!(memo.hits > 0);
        }
    }

    #[test]
    fn long_values_are_read_without_the_table() {
        let mut memo = Memo::default();
        let long = "x".repeat(LONGEST + 1);
        assert_eq!(memo.see(&long).mask, fresh(&long).1);
        assert!(memo.slots.is_empty() && memo.lookups == 0);
        memo.see(&"x".repeat(LONGEST));
        assert_eq!((memo.slots.len(), memo.lookups), (FEW, 1));
    }

    #[test]
    fn a_column_whose_values_do_not_repeat_grows_then_pauses_the_table() {
        let mut memo = Memo::default();
        for i in 0..TRIAL + 1 {
            memo.see(&format!("{i:08}"));
        }
        assert_eq!((memo.slots.len(), memo.paused), (MANY, 0));
        let trial = TRIAL;
        for i in 0..trial {
            memo.see(&format!("x{i:08}"));
        }
        assert_eq!(memo.paused, PAUSE);
        // Paused: the next values are read without the table.
        memo.see("00000001");
        assert_eq!((memo.paused, memo.lookups), (PAUSE - 1, 1));
        // Each trial that fails again pauses twice as long, up to a limit.
        // (The pauses themselves are skipped: what is pinned is their
        // length.)
        memo.paused = 0;
        let mut pauses = Vec::new();
        for i in 0..5 * (trial + 1) {
            memo.see(&format!("y{i:08}"));
            if memo.paused > 0 {
                pauses.push(memo.paused);
                memo.paused = 0;
            }
        }
        assert_eq!(
            pauses,
            [
                PAUSE * 2,
                PAUSE * 4,
                PAUSE * 8,
                LONGEST_PAUSE,
                LONGEST_PAUSE
            ]
        );
        // A trial that finds values again keeps the table and the next
        // failure pauses for the shortest time.
        memo.paused = 0;
        memo.lookups = 0;
        memo.hits = 0;
        for _ in 0..trial {
            memo.see("DE");
        }
        memo.see("DE");
        assert_eq!((memo.failures, memo.paused), (0, 0));
        // Among many slots one value in eight found again keeps the table;
        // among few, seven in eight keep the few.
        let found_again = |memo: &mut Memo, hits: u32| {
            let values = (0..TRIAL).map(|i| match i {
                i if i <= hits => "DE".to_string(),
                i => format!("{i:08}"),
            });
            for v in values {
                memo.see(&v);
            }
            assert_eq!(memo.hits, hits);
            memo.see("AT");
            (memo.paused, memo.lookups, memo.slots.len())
        };
        let mut many = Memo::default();
        many.resize(MANY);
        assert_eq!(found_again(&mut many, TRIAL / 8), (0, 1, MANY));
        assert_eq!(
            found_again(&mut Memo::default(), TRIAL / 8 * 7),
            (0, 1, FEW)
        );
        assert_eq!(
            found_again(&mut Memo::default(), TRIAL / 8 * 7 - 1),
            (0, 1, MANY)
        );
        let mut repeating = Memo::default();
        for i in 0..TRIAL + 1 {
            repeating.see(["DE", "AT"][i as usize % 2]);
        }
        assert_eq!(
            (repeating.paused, repeating.hits, repeating.slots.len()),
            (0, 1, FEW)
        );
    }

    // Values whose hashes share a pair of slots: both stay, and a third
    // replaces the one used less lately.
    #[test]
    fn two_values_share_a_pair_of_slots() {
        let pair = |v: &str| slot_of(hash_of(v), FEW / 2);
        let mut same_pair = (0..).map(|i| format!("SKU-{i}")).filter(|v| pair(v) == 0);
        let [a, b, c] = [(); 3].map(|_| same_pair.next().unwrap());
        let mut memo = Memo::default();
        let mut hits = Vec::new();
        for v in [&a, &b, &a, &b, &c, &b, &a, &c] {
            let before = memo.hits;
            assert_eq!(memo.see(v).mask, fresh(v).1);
            hits.push(memo.hits - before);
        }
        // `c` replaces `a` (used less lately than `b`), then `a` replaces `c`.
        assert_eq!(hits, [0, 0, 1, 1, 0, 1, 0, 0]);
    }

    // A value with the mask of the one read before keeps whether the mask
    // was offered; another mask is offered anew.
    #[test]
    fn a_mask_offered_is_not_offered_again() {
        let mut memo = Memo {
            paused: 10,
            ..Memo::default()
        };
        memo.see("12345").offered = true;
        assert!(memo.see("67890").offered);
        assert!(!memo.see("abcde").offered);
        let mut slot = Seen::default();
        slot.read("12345", &mut String::new());
        assert!(!slot.offered);
    }

    // Products: 800 values in any order are seldom found among 64 slots
    // and mostly among 1,024.
    #[test]
    fn values_repeating_among_hundreds_are_found_with_many_slots() {
        let mut state: u64 = 0x2026_1204;
        let mut products = std::iter::from_fn(|| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            Some(format!("SKU-{}", state % 800))
        });
        let mut memo = Memo::default();
        for sku in products.by_ref().take(TRIAL as usize) {
            memo.see(&sku);
        }
        assert!(memo.hits < TRIAL / 8, "{}", memo.hits);
        memo.see("SKU-0");
        assert_eq!((memo.slots.len(), memo.lookups), (MANY, 1));
        let trial = TRIAL;
        for sku in products.by_ref().take(trial as usize - 2) {
            memo.see(&sku);
        }
        assert!(memo.hits > trial / 2, "{}", memo.hits);
        memo.see("SKU-1");
        assert_eq!((memo.paused, memo.slots.len()), (0, MANY));
    }

    // The hash as first written: a piece of eight bytes at a time, each
    // padded with zeros.
    #[test]
    fn the_hash_reads_eight_bytes_at_a_time() {
        let by_chunks = |value: &str| {
            let mut h: u64 = value.len() as u64;
            for chunk in value.as_bytes().chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(word))
                    .wrapping_mul(0x517c_c1b7_2722_0a95);
            }
            h
        };
        for len in 0..40 {
            let value: String = "abcdefghijklmnopqrstuvwxyz0123456789äöü"
                .chars()
                .take(len)
                .collect();
            assert_eq!(hash_of(&value), by_chunks(&value), "{value}");
        }
        assert_ne!(hash_of("12345678"), hash_of("12345679"));
    }

    // Two values of 16 bytes with the same hash (found by solving the last
    // step of the hash for the second piece): the slot's text decides, the
    // hash only saves reading it.
    #[test]
    fn values_with_the_same_hash_are_told_apart() {
        let step =
            |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
        let word = |text: &str| u64::from_le_bytes(text.as_bytes().try_into().unwrap());
        let first = "SKU-0000";
        let target = step(16, word(first)).rotate_left(5) ^ word("00000001");
        let mut state: u64 = 0x2026_1204;
        let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let twin = std::iter::from_fn(|| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let bytes = state
                .to_le_bytes()
                .map(|b| letters[usize::from(b) % letters.len()]);
            Some(String::from_utf8(bytes.to_vec()).unwrap())
        })
        .take(10_000_000)
        .find_map(|head| {
            let tail = (target ^ step(16, word(&head)).rotate_left(5)).to_le_bytes();
            tail.iter()
                .all(|b| b.is_ascii_alphanumeric())
                .then(|| format!("{head}{}", String::from_utf8(tail.to_vec()).unwrap()))
        })
        .unwrap();
        let one = format!("{first}00000001");
        assert_ne!(one, twin);
        assert_eq!(hash_of(&one), hash_of(&twin));
        let mut memo = Memo::default();
        for v in [&one, &twin, &twin, &one] {
            let seen = memo.see(v);
            assert_eq!((seen.findings.clone(), seen.mask.clone()), fresh(v), "{v}");
        }
        // Both share a pair of slots and are found again once each.
        assert_eq!(memo.hits, 2);
    }

    #[test]
    fn slots_spread_over_the_table() {
        for (values, slots) in [(1000, FEW), (10_000, MANY)] {
            let used: std::collections::BTreeSet<usize> = (0..values)
                .map(|i| slot_of(hash_of(&format!("SKU-{i}")), slots))
                .collect();
            assert!(used.len() > slots * 3 / 4, "{}", used.len());
        }
    }
}
