//! Scoping: from the shop's own data — the leaked table, an export of the
//! orders of the affected period — to the Art. 33(3)(a) facts (categories
//! of data, approximate number of people, their countries, minors among
//! them, how passwords were stored) and a report of every column.
//!
//! The engine is pure and streaming: a [`ScopeSummary`] counts rows pushed
//! one by one and keeps no value of the table — counts, digests of the
//! key (to tell people apart) and masked examples. Parts of a table are
//! scoped apart and merged ([`ScopeSummary::merge`]) with exactly the
//! result of one pass; on several threads the same way
//! ([`ScopeSummary::on_threads`]). [`read_csv`] and [`read_json_lines`]
//! read the two file formats shops export; other doors push rows
//! themselves.
//!
//! Decision support: the kinds of the columns are read from headers (our
//! list of German and English names of common shop exports) and from
//! validated value detectors ([`detect`]); the user confirms them or
//! overrides them ([`ScopeOptions::overrides`]).
//!
//! ```
//! use dsgvo_core::scope::{read_csv, Encoding, ScopeOptions};
//! let csv = "Kundennummer;E-Mail;Geburtsdatum;Land\n1;erika@example.de;12.03.2010;DE\n2;max@example.at;01.01.1980;AT\n1;erika@example.de;12.03.2010;DE\n";
//! let options = ScopeOptions { key: Some("Kundennummer".into()), ..ScopeOptions::new("2026-11-20".parse().unwrap()) };
//! let scope = read_csv(csv.as_bytes(), options, Encoding::Utf8).unwrap().report().unwrap();
//! assert_eq!((scope.records, scope.subjects, scope.minors), (3, 2, Some(1)));
//! let facts = serde_json::to_value(&scope.facts).unwrap();
//! assert_eq!(facts["data_categories"], serde_json::json!(["identity", "contact"]));
//! assert_eq!(facts["data_subjects"]["residence"], serde_json::json!(["AT", "DE"]));
//! ```

mod cell;
mod column;
pub mod detect;
mod error;
mod header;
mod kind;
mod mask;
mod memo;
mod options;
mod reader;
mod recipients;
mod report;
mod subject;
mod summary;
mod threads;

pub use cell::Evidence;
pub use error::ScopeError;
pub use header::header_kind;
pub use kind::ColumnKind;
pub use mask::mask;
pub use options::{ScopeOptions, Window};
pub use reader::{
    Encoding, read_csv, read_csv_recipients, read_json_lines, read_json_lines_recipients,
};
pub use recipients::{Addressee, RecipientList, Recipients};
pub use report::{
    ColumnReport, CountryCount, DecidedBy, HEADER_CONFIRMED_PERCENT, Scope, ScopeFacts,
    ScopedProtection, ScopedSubjects, VALUES_DECIDE_PERCENT,
};
pub(crate) use summary::same_headers;
pub use summary::{PROBLEM_LINES, RowCells, RowProblem, ScopeSummary};
pub use threads::{ROWS_PER_THREAD, Workers};
