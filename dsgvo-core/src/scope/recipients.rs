//! The Art. 34 recipients of a scoped table: each affected person once,
//! with the name and e-mail address the table holds for them and the
//! categories of their own data in it — read in a second pass over the
//! same rows, with the columns' kinds the first pass decided.
//!
//! Unlike the [`Scope`](super::Scope) report, a recipient list holds
//! personal data (names, addresses): it is the input of the letters and
//! stays where the table is.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::subject::DigestMap;
use super::summary::{Fate, RowCells, RowProblem, ScopeSummary};
use super::{ColumnKind, ScopeError};
use crate::facts::DataCategory;

/// One person to write to, in the shape of the letters' recipient
/// (`document::Recipient`), so the list goes to the letters as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    /// The name: the person's name cells joined with spaces, in the order
    /// of the header; without any, the e-mail address (our choice: a
    /// letter needs a name in its head).
    pub name: String,
    /// The e-mail address, if the table has one for the person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The categories of the person's own data in the table: of every
    /// column with a category that is filled in one of the person's rows.
    pub affected: Vec<DataCategory>,
}

/// The recipients of a table, in the order each person first appears.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Recipients {
    /// Every person the table gives a name or an e-mail address for.
    pub recipients: Vec<Addressee>,
    /// Rows (with their lines) of people with neither name nor e-mail
    /// address in the table: to be reached another way (Art. 34(3)(c):
    /// a public communication where that would take disproportionate
    /// effort).
    pub unreachable: RowProblem,
    /// Rows not read (another number of fields), as in the scope.
    pub malformed: RowProblem,
}

/// The recipients being collected: rows are pushed a second time, after
/// the summary of the first pass decided what each column holds.
///
/// ```
/// use dsgvo_core::scope::{ScopeOptions, ScopeSummary};
/// let options = ScopeOptions { key: Some("email".into()), ..ScopeOptions::new("2026-11-20".parse().unwrap()) };
/// let rows = [["erika@example.de", "Erika Muster", "DE89370400440532013000"],
///             ["erika@example.de", "Erika Muster", ""],
///             ["max@example.at", "", ""]];
/// let mut summary = ScopeSummary::new(&["email", "name", "iban"], options).unwrap();
/// for (i, row) in rows.iter().enumerate() { summary.push_row(i as u64 + 2, row); }
/// let mut list = summary.recipients().unwrap();
/// for (i, row) in rows.iter().enumerate() { list.push_row(i as u64 + 2, row); }
/// let r = list.finish();
/// assert_eq!(r.recipients.len(), 2);
/// assert_eq!(r.recipients[0].name, "Erika Muster");
/// assert_eq!(r.recipients[1].name, "max@example.at");
/// let affected: Vec<&str> = r.recipients[0].affected.iter().map(|c| c.as_str()).collect();
/// assert_eq!(affected, ["identity", "contact", "bank_account"]);
/// ```
#[derive(Clone)]
pub struct RecipientList {
    rows: ScopeSummary,
    kinds: Vec<ColumnKind>,
    people: DigestMap<usize>,
    found: Vec<Found>,
    unreachable: RowProblem,
    malformed: RowProblem,
}

#[derive(Clone)]
struct Found {
    names: Vec<String>,
    email: Option<String>,
    affected: BTreeSet<DataCategory>,
    /// The person's rows (counted, the first lines kept), reported if the
    /// person cannot be reached.
    rows: RowProblem,
}

/// Counts only: the list holds names and addresses, which a `{:?}` in a
/// log must not show.
impl std::fmt::Debug for RecipientList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecipientList")
            .field("people", &self.found.len())
            .field("malformed", &self.malformed.count)
            .finish_non_exhaustive()
    }
}

impl ScopeSummary {
    /// A recipient list for the second pass over the same rows, with the
    /// kinds of columns (and the key and window) of this summary.
    ///
    /// # Errors
    ///
    /// What [`ScopeSummary::report`] fails with.
    pub fn recipients(&self) -> Result<RecipientList, ScopeError> {
        let kinds = self.report()?.columns.iter().map(|c| c.kind).collect();
        Ok(RecipientList {
            rows: ScopeSummary::new(&self.headers, self.options.clone())?,
            kinds,
            people: DigestMap::default(),
            found: Vec::new(),
            unreachable: RowProblem::default(),
            malformed: RowProblem::default(),
        })
    }
}

impl RecipientList {
    /// The headers of the table (as the summary has them).
    pub fn headers(&self) -> &[String] {
        self.rows.headers()
    }

    /// Reads one row, read from line `line`: rows outside the window are
    /// passed over, as in the scope; a row's person is found by the key
    /// (without a key, every row is a person).
    pub fn push_row<S: AsRef<str>>(&mut self, line: u64, fields: &[S]) {
        self.push_cells(line, fields);
    }

    /// Reads rows as [`RecipientList::push_row`] does, each with its line.
    pub fn push_rows<R: RowCells>(&mut self, rows: &[(u64, R)]) {
        for (line, row) in rows {
            self.push_cells(*line, row);
        }
    }

    /// Reads one row, whatever holds its cells.
    fn push_cells<R: RowCells + ?Sized>(&mut self, line: u64, row: &R) {
        let person = match self.rows.fate(row) {
            Fate::Malformed => return self.malformed.add(line),
            Fate::Outside => return,
            Fate::Counted { subject, .. } => subject.map(|s| s.digest),
        };
        let at = match person.and_then(|p| self.people.get(&p).copied()) {
            Some(at) => at,
            None => {
                self.found.push(Found {
                    names: Vec::new(),
                    email: None,
                    affected: BTreeSet::new(),
                    rows: RowProblem::default(),
                });
                if let Some(p) = person {
                    self.people.insert(p, self.found.len() - 1);
                }
                self.found.len() - 1
            }
        };
        let found = &mut self.found[at];
        found.rows.add(line);
        let first_names = found.names.is_empty();
        for (column, kind) in self.kinds.iter().enumerate().take(row.width()) {
            let value = row.cell(column).trim();
            if value.is_empty() {
                continue;
            }
            match kind {
                ColumnKind::Name if first_names => found.names.push(value.to_string()),
                ColumnKind::Email if found.email.is_none() => {
                    found.email = Some(value.to_string());
                }
                _ => {}
            }
            if let Some(c) = kind.category() {
                found.affected.insert(c);
            }
        }
    }

    /// Counts a row that could not be read at all.
    pub fn push_malformed(&mut self, line: u64) {
        self.malformed.add(line);
    }

    /// The recipients, in the order each person first appeared.
    pub fn finish(self) -> Recipients {
        let mut unreachable = self.unreachable;
        let mut recipients = Vec::with_capacity(self.found.len());
        for f in self.found {
            let name = if f.names.is_empty() {
                f.email.clone()
            } else {
                Some(f.names.join(" "))
            };
            let Some(name) = name else {
                unreachable.merge(f.rows);
                continue;
            };
            recipients.push(Addressee {
                name,
                email: f.email,
                // A set of a closed set iterates in the order of its declaration.
                affected: f.affected.into_iter().collect(),
            });
        }
        Recipients {
            recipients,
            unreachable,
            malformed: self.malformed,
        }
    }
}
