//! The result of a scoping run: per column what it holds and why, and the
//! facts it gives for the Art. 33(3)(a) notification — counts, categories
//! and masked examples, never a value of the table.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cell::Evidence;
use super::column::ColumnStats;
use super::detect::PasswordFormat;
use super::error::ScopeError;
use super::header::header_kind;
use super::kind::ColumnKind;
use super::summary::{RowProblem, ScopeSummary};
use crate::facts::{ApproxCount, CountryCode, DataCategory, PasswordHashing, Tristate};

/// The share of a column's values a detector must recognise for the values
/// alone to decide its kind (our threshold: a column of e-mail addresses
/// with a few typos is still one; a free-text column with an address in
/// it is not).
pub const VALUES_DECIDE_PERCENT: u8 = 80;

/// The share below which values that contradict the header are reported.
pub const HEADER_CONFIRMED_PERCENT: u8 = 50;

/// How a column's kind was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// The user set it.
    Override,
    /// The header names it and the values confirm it.
    HeaderAndValues,
    /// The header names it; its values have no detector, or are empty.
    Header,
    /// The header names it, but fewer than half of the values look like it.
    HeaderAgainstValues,
    /// The values alone.
    Values,
    /// Nothing recognised.
    Nothing,
}

/// What one column holds, and the evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ColumnReport {
    /// Position, from 0.
    pub index: usize,
    /// The header.
    pub header: String,
    /// What it holds.
    pub kind: ColumnKind,
    /// The data category it puts into the facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<DataCategory>,
    /// How sure, in percent: the share of values that confirm the kind (100
    /// for an override; 70 for a header whose kind no detector checks —
    /// our figure).
    pub confidence: u8,
    /// How the kind was decided.
    pub decided_by: DecidedBy,
    /// Non-empty cells in the scope.
    pub non_empty: u64,
    /// Cells each detector recognised.
    pub evidence: BTreeMap<Evidence, u64>,
    /// Password hash formats found.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub password_formats: BTreeMap<PasswordFormat, u64>,
    /// Up to three masked examples.
    pub examples: Vec<String>,
}

/// A country of residence and the rows that name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CountryCount {
    /// The country.
    pub country: CountryCode,
    /// Rows in the scope with it.
    pub rows: u64,
}

/// The facts a scoping run gives, in the shape of the breach facts (v2):
/// merge them into the facts of the breach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ScopeFacts {
    /// The categories of the columns, in the contract's order.
    pub data_categories: Vec<DataCategory>,
    /// The affected people.
    pub data_subjects: ScopedSubjects,
    /// How stored passwords were protected, when the table has passwords.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection: Option<ScopedProtection>,
}

/// `data_subjects` of [`ScopeFacts`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ScopedSubjects {
    /// Distinct people (or rows, without a key).
    pub count: ApproxCount,
    /// `yes` when minors are among them; left out otherwise (the table
    /// cannot show that nobody else is vulnerable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vulnerable: Option<Tristate>,
    /// Countries of the addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub residence: Vec<CountryCode>,
}

/// `protection` of [`ScopeFacts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ScopedProtection {
    /// The weakest storage of the passwords found.
    pub password_hashing: PasswordHashing,
}

/// The result of scoping a table. Decision support: check the columns'
/// kinds and correct them with overrides before notifying.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Scope {
    /// `dsgvo.scope/1`.
    pub schema: &'static str,
    /// Rows counted (in the window, when there is one).
    pub records: u64,
    /// Distinct people by the key; without a key, the rows.
    pub subjects: u64,
    /// The key column, if one was named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// People (or rows) younger than 18 on `as_of` by a birth-date column;
    /// `None` without such a column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minors: Option<u64>,
    /// Countries of the addresses, by rows.
    pub residence: Vec<CountryCount>,
    /// Rows outside the window, not counted.
    pub outside_window: u64,
    /// Rows that could not be read, not counted.
    pub malformed: RowProblem,
    /// Rows whose window date could not be read, counted.
    pub undated: RowProblem,
    /// Rows with an empty key, each counted as a person of its own (rows
    /// identical in every cell as one).
    pub without_key: RowProblem,
    /// Every column.
    pub columns: Vec<ColumnReport>,
    /// The facts for the notification.
    pub facts: ScopeFacts,
}

/// The detector that confirms a kind, for kinds values can show.
fn confirming(kind: ColumnKind) -> Option<Evidence> {
    use ColumnKind as K;
    Some(match kind {
        K::Email => Evidence::Email,
        K::Phone => Evidence::Phone,
        K::Iban => Evidence::Iban,
        K::CardNumber => Evidence::CardNumber,
        K::MaskedCard => Evidence::MaskedCard,
        K::BirthDate | K::Date => Evidence::Date,
        K::Country => Evidence::Country,
        K::IpAddress => Evidence::IpAddress,
        K::TaxId => Evidence::TaxId,
        _ => return None,
    })
}

/// Kinds the values alone can decide, in order of precedence (the most
/// specific check first: a valid card number is also digits a phone
/// detector may take).
const BY_VALUES: &[(Evidence, ColumnKind)] = &[
    (Evidence::Email, ColumnKind::Email),
    (Evidence::Iban, ColumnKind::Iban),
    (Evidence::CardNumber, ColumnKind::CardNumber),
    (Evidence::MaskedCard, ColumnKind::MaskedCard),
    (Evidence::PasswordHash, ColumnKind::Password),
    (Evidence::IpAddress, ColumnKind::IpAddress),
    (Evidence::Phone, ColumnKind::Phone),
    (Evidence::Country, ColumnKind::Country),
    (Evidence::Date, ColumnKind::Date),
];

/// Kinds of what a header names that the values correct: a card column of
/// masked numbers holds masked numbers.
fn corrected(kind: ColumnKind, stats: &ColumnStats) -> ColumnKind {
    if kind == ColumnKind::CardNumber
        && stats.percent(Evidence::MaskedCard) >= VALUES_DECIDE_PERCENT
    {
        return ColumnKind::MaskedCard;
    }
    kind
}

/// Whether the column `header` holds dates of birth whatever its values
/// show: only an override or the header make one (a value shows a date,
/// not whose birthday it is), so minors are counted in these columns alone
/// and no order date makes a customer a newborn.
pub(crate) fn holds_births(header: &str, overrides: &BTreeMap<String, ColumnKind>) -> bool {
    match overrides.get(header) {
        Some(kind) => *kind == ColumnKind::BirthDate,
        None => header_kind(header) == Some(ColumnKind::BirthDate),
    }
}

fn classify(
    header: &str,
    stats: &ColumnStats,
    overrides: &BTreeMap<String, ColumnKind>,
) -> (ColumnKind, u8, DecidedBy) {
    if let Some(kind) = overrides.get(header) {
        return (*kind, 100, DecidedBy::Override);
    }
    if let Some(kind) = header_kind(header).map(|k| corrected(k, stats)) {
        return match confirming(kind) {
            Some(_) if stats.non_empty == 0 => (kind, 70, DecidedBy::Header),
            Some(e) => {
                let share = stats.percent(e);
                let by = if share >= HEADER_CONFIRMED_PERCENT {
                    DecidedBy::HeaderAndValues
                } else {
                    DecidedBy::HeaderAgainstValues
                };
                (kind, share, by)
            }
            None => (kind, 70, DecidedBy::Header),
        };
    }
    for (evidence, kind) in BY_VALUES {
        let share = stats.percent(*evidence);
        if share >= VALUES_DECIDE_PERCENT {
            return (*kind, share, DecidedBy::Values);
        }
    }
    let text = stats.percent(Evidence::LongText);
    if text >= HEADER_CONFIRMED_PERCENT {
        return (ColumnKind::FreeText, text, DecidedBy::Values);
    }
    (ColumnKind::Other, 0, DecidedBy::Nothing)
}

/// The weakest password storage of a password column: plain text when a
/// value is no hash.
fn password_storage(stats: &ColumnStats) -> PasswordHashing {
    let hashed: u64 = stats.passwords.values().sum();
    if hashed < stats.non_empty {
        return PasswordHashing::None;
    }
    stats
        .passwords
        .keys()
        .map(|f| f.strength())
        .min_by_key(|s| weakness_rank(*s))
        .unwrap_or(PasswordHashing::NotApplicable)
}

/// Lower is weaker.
fn weakness_rank(s: PasswordHashing) -> u8 {
    match s {
        PasswordHashing::None => 0,
        PasswordHashing::Weak => 1,
        PasswordHashing::StateOfTheArt => 2,
        PasswordHashing::NotApplicable => 3,
    }
}

impl ScopeSummary {
    /// The report of the rows pushed and merged so far.
    ///
    /// # Errors
    ///
    /// [`ScopeError::WindowNotDates`] when the window column has values but
    /// none is a date.
    pub fn report(&self) -> Result<Scope, ScopeError> {
        if let Some(w) = &self.options.window {
            let i = self.headers.iter().position(|h| *h == w.column.trim());
            let stats = i.map(|i| &self.columns[i]);
            if let Some(s) = stats {
                let dates = s.evidence.get(Evidence::Date);
                if self.outside_window == 0 && dates == 0 && self.undated.count > 0 {
                    return Err(ScopeError::WindowNotDates {
                        column: w.column.clone(),
                        values: self.undated.count,
                    });
                }
            }
        }
        let columns: Vec<ColumnReport> = self
            .headers
            .iter()
            .zip(&self.columns)
            .enumerate()
            .map(|(index, (header, stats))| {
                let (kind, confidence, decided_by) =
                    classify(header, stats, &self.options.overrides);
                ColumnReport {
                    index,
                    header: header.clone(),
                    kind,
                    category: kind.category(),
                    confidence,
                    decided_by,
                    non_empty: stats.non_empty,
                    evidence: stats.evidence.to_map(),
                    password_formats: stats.passwords.clone(),
                    examples: stats.examples.iter().cloned().collect(),
                }
            })
            .collect();
        Ok(self.scope(columns))
    }

    fn scope(&self, columns: Vec<ColumnReport>) -> Scope {
        let of_kind = |kind: ColumnKind| {
            columns
                .iter()
                .filter(move |c| c.kind == kind && c.non_empty > 0)
                .map(|c| &self.columns[c.index])
        };
        let minors = of_kind(ColumnKind::BirthDate)
            .map(|s| s.minors.count())
            .reduce(u64::max);
        let mut residence: BTreeMap<CountryCode, u64> = BTreeMap::new();
        for stats in of_kind(ColumnKind::Country) {
            for (country, rows) in &stats.countries {
                *residence.entry(country.clone()).or_default() += rows;
            }
        }
        let password_hashing = of_kind(ColumnKind::Password)
            .map(password_storage)
            .min_by_key(|s| weakness_rank(*s));
        let mut data_categories: Vec<DataCategory> = columns
            .iter()
            .filter(|c| c.non_empty > 0)
            .filter_map(|c| c.category)
            .collect();
        data_categories.sort_by_key(|c| DataCategory::ALL.iter().position(|a| a == c));
        data_categories.dedup();
        let subjects = if self.options.key.is_some() {
            self.subjects.len() as u64
        } else {
            self.records
        };
        Scope {
            schema: "dsgvo.scope/1",
            records: self.records,
            subjects,
            key: self.options.key.clone(),
            minors,
            residence: residence
                .iter()
                .map(|(country, rows)| CountryCount {
                    country: country.clone(),
                    rows: *rows,
                })
                .collect(),
            outside_window: self.outside_window,
            malformed: self.malformed.clone(),
            undated: self.undated.clone(),
            without_key: self.without_key.clone(),
            facts: ScopeFacts {
                data_categories,
                data_subjects: ScopedSubjects {
                    count: ApproxCount::Exact(subjects),
                    vulnerable: minors.filter(|m| *m > 0).map(|_| Tristate::Yes),
                    residence: residence.into_keys().collect(),
                },
                protection: password_hashing.map(|p| ScopedProtection {
                    password_hashing: p,
                }),
            },
            columns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::cell::findings;
    use super::super::column::percent;
    use super::*;

    // Minors are counted only where the report can call the column one of
    // dates of birth: whatever the values, `holds_births` and `classify`
    // agree on every header and override.
    #[test]
    fn minors_are_counted_where_the_report_finds_dates_of_birth() {
        let mut dates = ColumnStats::default();
        let mut mixed = ColumnStats::default();
        for v in ["12.03.2010", "2026-11-02", "DE", "erika@example.de"] {
            dates.count(&findings("1990-01-01"));
            mixed.count(&findings(v));
        }
        let headers = [
            "Geburtsdatum",
            "date_of_birth",
            "dob",
            "order_date",
            "Datum",
            "email",
            "notes",
        ];
        let override_sets: Vec<BTreeMap<String, ColumnKind>> = vec![
            BTreeMap::new(),
            headers
                .iter()
                .map(|h| (h.to_string(), ColumnKind::BirthDate))
                .collect(),
            headers
                .iter()
                .map(|h| (h.to_string(), ColumnKind::Date))
                .collect(),
        ];
        let mut births = 0;
        for overrides in &override_sets {
            for header in headers {
                let holds = holds_births(header, overrides);
                births += usize::from(holds);
                for stats in [&ColumnStats::default(), &dates, &mixed] {
                    let kind = classify(header, stats, overrides).0;
                    assert_eq!(
                        kind == ColumnKind::BirthDate,
                        holds,
                        "{header} {overrides:?}"
                    );
                }
            }
        }
        // Three headers name dates of birth; all seven by override; none
        // when overridden as dates.
        assert_eq!(births, 10);
    }

    #[test]
    fn percent_rounds_down_and_zero_of_zero_is_zero() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(4, 5), 80);
        assert_eq!(percent(79, 100), 79);
        assert_eq!(percent(799, 1000), 79);
    }
}
