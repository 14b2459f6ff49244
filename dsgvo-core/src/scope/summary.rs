//! The mergeable state of a scoping run: rows are pushed one by one (from
//! a CSV file, a JSON Lines file, a batch at the C ABI, an Arrow table),
//! parts of a table are scoped apart and merged, and the result is the
//! same as one pass over all rows, whatever the split.

use chrono::{FixedOffset, NaiveDateTime, Offset, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::column::ColumnStats;
use super::detect::{self, Date};
use super::error::ScopeError;
use super::memo::Memos;
use super::options::ScopeOptions;
use super::report::holds_births;
use super::subject::{Digest, People, digest};

/// The most line numbers a problem keeps (the smallest ones); the count is
/// always complete.
pub const PROBLEM_LINES: usize = 20;

/// Rows of one kind of problem: how many, and the first lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RowProblem {
    /// How many rows.
    pub count: u64,
    /// Their line numbers (1-based, the header is line 1 in CSV), the
    /// smallest [`PROBLEM_LINES`].
    pub lines: Vec<u64>,
}

impl RowProblem {
    pub(crate) fn add(&mut self, line: u64) {
        self.count += 1;
        // Sorted, the smallest kept: a line past the last kept one is
        // inserted and cut off again.
        let at = self.lines.partition_point(|l| *l < line);
        self.lines.insert(at, line);
        self.lines.truncate(PROBLEM_LINES);
    }

    pub(crate) fn merge(&mut self, other: RowProblem) {
        let count = self.count + other.count;
        for line in other.lines {
            self.add(line);
        }
        self.count = count;
    }
}

/// A row's cells by column: what [`ScopeSummary::push_rows`] reads rows
/// through (a slice of texts, a CSV record, a row of an Arrow batch).
pub trait RowCells {
    /// How many cells the row has.
    fn width(&self) -> usize;
    /// The text of cell `column` (`column < width()`).
    fn cell(&self, column: usize) -> &str;
}

impl<S: AsRef<str>> RowCells for [S] {
    fn width(&self) -> usize {
        self.len()
    }
    fn cell(&self, column: usize) -> &str {
        self[column].as_ref()
    }
}

impl<S: AsRef<str>, const N: usize> RowCells for [S; N] {
    fn width(&self) -> usize {
        N
    }
    fn cell(&self, column: usize) -> &str {
        self[column].as_ref()
    }
}

impl<S: AsRef<str>> RowCells for Vec<S> {
    fn width(&self) -> usize {
        self.len()
    }
    fn cell(&self, column: usize) -> &str {
        self[column].as_ref()
    }
}

impl<R: RowCells + ?Sized> RowCells for &R {
    fn width(&self) -> usize {
        (**self).width()
    }
    fn cell(&self, column: usize) -> &str {
        (**self).cell(column)
    }
}

impl RowCells for csv::StringRecord {
    fn width(&self) -> usize {
        self.len()
    }
    fn cell(&self, column: usize) -> &str {
        &self[column]
    }
}

/// The scoping state of a table or a part of it.
///
/// ```
/// use dsgvo_core::scope::{ScopeOptions, ScopeSummary};
/// let options = ScopeOptions { key: Some("email".into()), ..ScopeOptions::new("2026-11-20".parse().unwrap()) };
/// let header = ["email", "country"];
/// let mut a = ScopeSummary::new(&header, options.clone()).unwrap();
/// a.push_row(2, &["erika@example.de", "DE"]);
/// let mut b = ScopeSummary::new(&header, options).unwrap();
/// b.push_row(3, &["ERIKA@example.de", "DE"]);
/// b.push_row(4, &["max@example.at", "AT"]);
/// a.merge(b).unwrap();
/// let scope = a.report().unwrap();
/// assert_eq!((scope.records, scope.subjects), (3, 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Stored")]
pub struct ScopeSummary {
    pub(crate) headers: Vec<String>,
    pub(crate) options: ScopeOptions,
    #[serde(skip)]
    key: Option<usize>,
    #[serde(skip)]
    window: Option<usize>,
    /// Per column, whether it holds dates of birth (its minors are counted).
    #[serde(skip)]
    births: Vec<bool>,
    #[serde(skip)]
    memos: Memos,
    pub(crate) records: u64,
    pub(crate) outside_window: u64,
    pub(crate) malformed: RowProblem,
    pub(crate) undated: RowProblem,
    pub(crate) without_key: RowProblem,
    pub(crate) subjects: People,
    pub(crate) columns: Vec<ColumnStats>,
}

impl ScopeSummary {
    /// A summary of no rows of a table with `headers`.
    ///
    /// # Errors
    ///
    /// [`ScopeError::Empty`] without headers, [`ScopeError::DuplicateColumn`],
    /// [`ScopeError::MissingColumn`] when the key, the window column or an
    /// override names no column.
    pub fn new<S: AsRef<str>>(
        headers: &[S],
        options: ScopeOptions,
    ) -> Result<ScopeSummary, ScopeError> {
        let headers: Vec<String> = headers
            .iter()
            .map(|h| h.as_ref().trim().to_string())
            .collect();
        if headers.is_empty() || headers.iter().all(String::is_empty) {
            return Err(ScopeError::Empty);
        }
        for (i, h) in headers.iter().enumerate() {
            if headers[..i].contains(h) {
                return Err(ScopeError::DuplicateColumn { column: h.clone() });
            }
        }
        let (key, window) = columns_of(&headers, &options)?;
        Ok(ScopeSummary {
            columns: vec![ColumnStats::default(); headers.len()],
            memos: Memos::new(headers.len()),
            births: births(&headers, &options),
            headers,
            options,
            key,
            window,
            records: 0,
            outside_window: 0,
            malformed: RowProblem::default(),
            undated: RowProblem::default(),
            without_key: RowProblem::default(),
            subjects: People::default(),
        })
    }

    /// The headers, trimmed.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Counts one row, read from line `line`. A row with another number of
    /// fields than the header is not read but reported as malformed; a row
    /// outside the window is counted as such; a row whose window date cannot
    /// be read is counted in the scope (it may belong to it) and reported.
    pub fn push_row<S: AsRef<str>>(&mut self, line: u64, fields: &[S]) {
        self.push_rows(&[(line, fields)]);
    }

    /// Counts rows as [`ScopeSummary::push_row`] does, each with its line,
    /// a column at a time: one column's lookup table serves all the rows
    /// while it is in the processor's cache. The counts are those of the
    /// rows pushed one by one (they only add up).
    ///
    /// # Examples
    ///
    /// ```
    /// use dsgvo_core::scope::{ScopeOptions, ScopeSummary};
    /// let options = ScopeOptions::new("2026-11-20".parse().unwrap());
    /// let mut summary = ScopeSummary::new(&["email", "land"], options).unwrap();
    /// summary.push_rows(&[(2, ["erika@example.de", "DE"]), (3, ["max@example.at", "AT"])]);
    /// assert_eq!(summary.report().unwrap().records, 2);
    /// ```
    pub fn push_rows<R: RowCells>(&mut self, rows: &[(u64, R)]) {
        let mut counted = std::mem::take(&mut self.memos.counted);
        counted.clear();
        for (at, (line, row)) in rows.iter().enumerate() {
            if let Some(subject) = self.count_row(*line, row) {
                counted.push((at, subject));
            }
        }
        let as_of = self.options.as_of;
        let columns = self.columns.iter_mut().zip(&mut self.memos.tables);
        for (column, ((stats, memo), births)) in columns.zip(&self.births).enumerate() {
            for (at, subject) in &counted {
                let value = detect::trimmed(rows[*at].1.cell(column));
                if value.is_empty() {
                    continue;
                }
                let seen = memo.see(value);
                stats.count(&seen.findings);
                if *births {
                    stats.count_minor(&seen.findings, as_of, *subject);
                }
                if !seen.offered {
                    stats.example(&seen.mask);
                    seen.offered = true;
                }
            }
        }
        self.memos.counted = counted;
    }

    /// Counts a row's fate and person; the person (if any) of a row
    /// counted in the scope, whose cells are to be read.
    fn count_row<R: RowCells + ?Sized>(&mut self, line: u64, row: &R) -> Option<Option<Digest>> {
        let (undated, subject) = match self.fate(row) {
            Fate::Malformed => {
                self.malformed.add(line);
                return None;
            }
            Fate::Outside => {
                self.outside_window += 1;
                return None;
            }
            Fate::Counted { undated, subject } => (undated, subject),
        };
        if undated {
            self.undated.add(line);
        }
        self.records += 1;
        if subject.as_ref().is_some_and(|s| s.without_key) {
            self.without_key.add(line);
        }
        let subject = subject.map(|s| s.digest);
        if let Some(s) = subject {
            self.subjects.insert(s);
        }
        Some(subject)
    }

    /// Counts a row that could not be read at all (broken quoting, a JSON
    /// line that is no object).
    pub fn push_malformed(&mut self, line: u64) {
        self.malformed.add(line);
    }

    /// Adds the counts of another part of the same table.
    ///
    /// # Errors
    ///
    /// [`ScopeError::Mismatch`] when the parts have other headers or options.
    pub fn merge(&mut self, other: ScopeSummary) -> Result<(), ScopeError> {
        if other.headers != self.headers {
            return Err(ScopeError::Mismatch("the headers differ"));
        }
        if other.options != self.options {
            return Err(ScopeError::Mismatch("the options differ"));
        }
        self.records += other.records;
        self.outside_window += other.outside_window;
        self.malformed.merge(other.malformed);
        self.undated.merge(other.undated);
        self.without_key.merge(other.without_key);
        self.subjects.merge(other.subjects);
        for (a, b) in self.columns.iter_mut().zip(other.columns) {
            a.merge(b);
        }
        Ok(())
    }

    /// What becomes of a row: not read (another number of fields), outside
    /// the window, or counted — with whether its window date was unreadable
    /// and, with a key, the person it belongs to.
    pub(crate) fn fate<R: RowCells + ?Sized>(&self, row: &R) -> Fate {
        if row.width() != self.headers.len() {
            return Fate::Malformed;
        }
        let mut undated = false;
        if let Some(w) = self.window {
            match detect::read_date(row.cell(w)) {
                Some(date) if !self.in_window(&date) => return Fate::Outside,
                Some(_) => {}
                None => undated = true,
            }
        }
        let subject = self.key.map(|k| {
            let key = row.cell(k);
            if detect::trimmed(key).is_empty() {
                // A row without a key is a person of its own, told apart by
                // the whole row.
                let whole: Vec<&str> = (0..row.width()).map(|i| row.cell(i)).collect();
                Person {
                    digest: digest(&format!("\u{1}row\u{1}{}", whole.join("\u{1f}"))),
                    without_key: true,
                }
            } else {
                Person {
                    digest: digest(key),
                    without_key: false,
                }
            }
        });
        Fate::Counted { undated, subject }
    }

    fn in_window(&self, date: &Date) -> bool {
        let Some(w) = &self.options.window else {
            return true;
        };
        let bound = w.from.or(w.until).map(|t| *t.with_offset().offset());
        let at = instant(date, bound);
        w.from.is_none_or(|f| at >= f.to_utc().naive_utc())
            && w.until.is_none_or(|u| at < u.to_utc().naive_utc())
    }
}

/// What becomes of a row (see [`ScopeSummary::fate`]).
pub(crate) enum Fate {
    Malformed,
    Outside,
    Counted {
        undated: bool,
        subject: Option<Person>,
    },
}

/// The person a row belongs to, by the digest of its key.
pub(crate) struct Person {
    pub digest: Digest,
    /// The key cell was empty: the digest is of the whole row.
    pub without_key: bool,
}

/// A summary as stored: every field but the column positions, which are
/// found again on reading, and the counts checked against the header.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    headers: Vec<String>,
    options: ScopeOptions,
    records: u64,
    outside_window: u64,
    malformed: RowProblem,
    undated: RowProblem,
    without_key: RowProblem,
    subjects: People,
    columns: Vec<ColumnStats>,
}

impl TryFrom<Stored> for ScopeSummary {
    type Error = ScopeError;

    fn try_from(s: Stored) -> Result<ScopeSummary, ScopeError> {
        let (key, window) = columns_of(&s.headers, &s.options)?;
        if s.columns.len() != s.headers.len() {
            return Err(ScopeError::Mismatch(
                "the summary's columns do not match its header",
            ));
        }
        Ok(ScopeSummary {
            births: births(&s.headers, &s.options),
            headers: s.headers,
            options: s.options,
            key,
            window,
            memos: Memos::new(s.columns.len()),
            records: s.records,
            outside_window: s.outside_window,
            malformed: s.malformed,
            undated: s.undated,
            without_key: s.without_key,
            subjects: s.subjects,
            columns: s.columns,
        })
    }
}

/// Whether `given` (as a table has it) is the header `known` (trimmed).
pub(crate) fn same_headers<S: AsRef<str>>(known: &[String], given: &[S]) -> bool {
    known.len() == given.len() && known.iter().zip(given).all(|(a, b)| a == b.as_ref().trim())
}

/// Per column of `headers`, whether it holds dates of birth.
fn births(headers: &[String], options: &ScopeOptions) -> Vec<bool> {
    headers
        .iter()
        .map(|h| holds_births(h, &options.overrides))
        .collect()
}

/// The positions of the key and window columns in `headers`; every column
/// the options name must be there.
fn columns_of(
    headers: &[String],
    options: &ScopeOptions,
) -> Result<(Option<usize>, Option<usize>), ScopeError> {
    let find = |role: &'static str, name: &str| {
        headers
            .iter()
            .position(|h| h == name.trim())
            .ok_or_else(|| ScopeError::MissingColumn {
                role,
                column: name.to_string(),
            })
    };
    let key = options.key.as_deref().map(|k| find("key", k)).transpose()?;
    let window = options
        .window
        .as_ref()
        .map(|w| find("window", &w.column))
        .transpose()?;
    for column in options.overrides.keys() {
        find("override", column)?;
    }
    Ok((key, window))
}

/// The instant of `date` in UTC: its own offset, else the offset of the
/// window's bounds, else UTC.
fn instant(date: &Date, bound: Option<FixedOffset>) -> NaiveDateTime {
    let local = detect::local(date);
    let offset = date
        .offset
        .and_then(FixedOffset::east_opt)
        .or(bound)
        .unwrap_or(Utc.fix());
    offset
        .from_local_datetime(&local)
        .single()
        .map_or(local, |t| t.naive_utc())
}
