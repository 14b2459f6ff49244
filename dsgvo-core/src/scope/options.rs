//! What the caller tells the scoping: whose rows count, in which window,
//! on which day ages are taken, and the columns they have classified.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::kind::ColumnKind;
use crate::facts::Timestamp;

/// Options of one scoping run. Every part of a split table is scoped with
/// the same options, or the parts do not merge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeOptions {
    /// The column whose values tell people apart (a customer number, an
    /// e-mail address: compared trimmed and in lower case). Without it
    /// every row counts as a person of its own — an upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Only rows whose date in `window.column` lies in the window count
    /// (the breach's `occurred.from` / `until`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The day ages are taken on (dates of birth → minors); the caller's
    /// `now` or the day of awareness. The core reads no clock.
    pub as_of: NaiveDate,
    /// Kinds the user has set for columns, by header; they win over the
    /// header and the values.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, ColumnKind>,
}

impl ScopeOptions {
    /// Options with no key, no window and no overrides.
    pub fn new(as_of: NaiveDate) -> ScopeOptions {
        ScopeOptions {
            key: None,
            window: None,
            as_of,
            overrides: BTreeMap::new(),
        }
    }
}

/// A time window on a date column: `from` inclusive, `until` exclusive,
/// either open. A date without offset in the column is read on the clock
/// of the window's bounds (our choice: a shop's export and its breach
/// window are on the shop's clock); a date without a time is its midnight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The column with the rows' dates.
    pub column: String,
    /// Start, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Timestamp>,
    /// End, exclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Timestamp>,
}
