//! What one column's values showed: counts per detector, the countries,
//! password formats and minors found, and a few masked examples. Counts
//! only add up, so columns of parts of a table merge exactly.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cell::{Evidence, EvidenceCounts, Findings};
use super::detect::PasswordFormat;
use super::subject::{Digest, People};
use crate::facts::CountryCode;

/// The most masked examples a column keeps.
pub(crate) const EXAMPLES: usize = 3;

/// The counts of one column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ColumnStats {
    pub non_empty: u64,
    pub evidence: EvidenceCounts,
    pub countries: BTreeMap<CountryCode, u64>,
    pub passwords: BTreeMap<PasswordFormat, u64>,
    /// Rows whose date in this column, a column of dates of birth, makes
    /// the person younger than 18 on `as_of` (by subject when there is a
    /// key); empty in other columns.
    pub minors: Minors,
    /// The smallest masked examples (smallest, so that any split of the
    /// rows keeps the same ones).
    pub examples: BTreeSet<String>,
}

/// Minors found: people by the digest of their key, and rows without a
/// key (each a person of its own).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Minors {
    pub people: People,
    pub rows: u64,
}

impl Minors {
    pub fn count(&self) -> u64 {
        self.people.len() as u64 + self.rows
    }

    fn add(&mut self, subject: Option<Digest>) {
        match subject {
            Some(d) => {
                self.people.insert(d);
            }
            None => self.rows += 1,
        }
    }

    fn merge(&mut self, other: Minors) {
        self.people.merge(other.people);
        self.rows += other.rows;
    }
}

impl ColumnStats {
    /// Counts one non-empty cell of a row counted in the scope, with what
    /// the detectors found in it.
    pub fn count(&mut self, found: &Findings) {
        self.non_empty += 1;
        self.evidence.add(found);
        if let Some(country) = &found.country {
            match self.countries.get_mut(country) {
                Some(n) => *n += 1,
                None => {
                    self.countries.insert(country.clone(), 1);
                }
            }
        }
        if let Some(format) = found.password {
            *self.passwords.entry(format).or_default() += 1;
        }
    }

    /// Counts the person of a row as a minor when the cell, a date of
    /// birth, makes them younger than 18 on `as_of`. Only columns of dates
    /// of birth count minors (see `report::holds_births`).
    pub fn count_minor(&mut self, found: &Findings, as_of: NaiveDate, subject: Option<Digest>) {
        if found
            .date
            .and_then(|date| date.age_on(as_of))
            .is_some_and(|age| age < 18)
        {
            self.minors.add(subject);
        }
    }

    /// Keeps `masked` when it is among the smallest examples.
    pub fn example(&mut self, masked: &str) {
        let full = self.examples.len() >= EXAMPLES;
        if full && self.examples.last().is_some_and(|l| masked >= l.as_str())
            || self.examples.contains(masked)
        {
            return; // allocates only for a value that enters the set
        }
        self.examples.insert(masked.to_owned());
        while self.examples.len() > EXAMPLES {
            self.examples.pop_last();
        }
    }

    /// Adds the counts of the same column of another part of the table.
    pub fn merge(&mut self, other: ColumnStats) {
        self.non_empty += other.non_empty;
        self.evidence.merge(&other.evidence);
        add(&mut self.countries, other.countries);
        add(&mut self.passwords, other.passwords);
        self.minors.merge(other.minors);
        for e in other.examples {
            self.example(&e);
        }
    }

    /// The share of non-empty cells with `evidence`, in percent (rounded
    /// down).
    pub fn percent(&self, evidence: Evidence) -> u8 {
        let hits = self.evidence.get(evidence);
        percent(hits, self.non_empty)
    }
}

fn add<K: Ord>(into: &mut BTreeMap<K, u64>, from: BTreeMap<K, u64>) {
    for (k, n) in from {
        *into.entry(k).or_default() += n;
    }
}

/// `part` of `whole` in percent, rounded down; 0 of 0 is 0.
pub(crate) fn percent(part: u64, whole: u64) -> u8 {
    if whole == 0 {
        return 0;
    }
    u8::try_from(part.saturating_mul(100) / whole).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::super::cell::findings;
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn read(values: &[&str]) -> ColumnStats {
        let mut stats = ColumnStats::default();
        for v in values {
            let found = findings(v);
            stats.count(&found);
            stats.count_minor(&found, day("2026-11-20"), None);
        }
        stats
    }

    fn hits(stats: &ColumnStats, e: Evidence) -> u64 {
        stats.evidence.get(e)
    }

    // Our reading: the GDPR sets no age for a child (Recital 75 names
    // children among the vulnerable); we take under 18, as Article 1 of the
    // UN Convention on the Rights of the Child does. On the 18th birthday a
    // person is no longer one.
    #[test]
    fn minors_are_under_18_on_the_day_and_counted_by_rows_without_a_key() {
        let stats = read(&["2008-11-21", "2008-11-20", "2010-01-01", "1990-05-05"]);
        assert_eq!(stats.minors.count(), 2);
        let mut merged = read(&["2012-02-02"]);
        merged.merge(stats);
        assert_eq!((merged.minors.count(), merged.minors.rows), (3, 3));
    }

    // A cell is evidence of a kind only when the kind's check passes: an
    // `@` makes no e-mail address, a `:` no IPv6 address.
    #[test]
    fn shapes_alone_are_no_evidence() {
        let stats = read(&[
            "erika@localhost",
            "10:30",
            "Lieferung um 10:30",
            "2001:db8::1",
        ]);
        assert_eq!(hits(&stats, Evidence::Email), 0);
        assert_eq!(hits(&stats, Evidence::IpAddress), 1);
    }

    #[test]
    fn countries_are_counted_per_row() {
        let stats = read(&["DE", "Deutschland", "AT", "xx"]);
        let counts: Vec<(&str, u64)> = stats
            .countries
            .iter()
            .map(|(c, n)| (c.as_str(), *n))
            .collect();
        assert_eq!(counts, [("AT", 1), ("DE", 2)]);
        assert_eq!(hits(&stats, Evidence::Country), 3);
    }

    // Our figure: free text is more than 40 characters with a space.
    #[test]
    fn long_text_is_more_than_40_characters_with_a_space() {
        let forty = "abcd efghi".repeat(4);
        assert_eq!(forty.chars().count(), 40);
        let longer = format!("{forty}x");
        let stats = read(&[
            &forty,
            &longer,
            &format!("{longer} und mehr"),
            &"x".repeat(45),
        ]);
        assert_eq!(hits(&stats, Evidence::LongText), 2);
    }

    #[test]
    fn the_three_smallest_examples_are_kept_whatever_the_order() {
        let mut few = ColumnStats::default();
        for e in ["a", "b"] {
            few.example(e);
        }
        assert_eq!(
            few.examples.len(),
            2,
            "a larger one enters a set not yet full"
        );
        let mut a = ColumnStats::default();
        for e in ["d", "b", "a", "c", "b"] {
            a.example(e);
        }
        assert_eq!(
            a.examples.iter().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }
}
