//! Scoping at the doors: a table arrives in batches of rows (a JSON array
//! from C and PHP, Python rows read by the binding), each row an array of
//! cells in the header's order or an object by header. Nested objects (a
//! WooCommerce order's `billing` array) are flattened to `billing.email`;
//! arrays in a cell are kept as their JSON text.

use serde_json::{Map, Value};

use super::{DoorError, args, to_json};
use crate::parse::from_json_limited;
use crate::scope::{RecipientList, RowCells, ScopeOptions, ScopeSummary};

/// The largest batch of rows one call takes, in bytes (64 MiB): 10,000
/// rows of the 12-column test table (`tests/scope/orders.csv`) are 1.6 MB.
pub const MAX_BATCH_BYTES: usize = 64 << 20;

/// The largest stored run [`ScopeRun::from_summary_json`] reads (1 GiB:
/// `benches/scope.rs` measured 117 bytes per person, some 120 MB for a
/// million people).
pub const MAX_SUMMARY_BYTES: usize = 1 << 30;

/// A scoping run at a door: the options, and the summary once the header
/// is known (given, or taken from the first row object). After
/// [`ScopeRun::start_recipients`], the rows pushed again go to the
/// recipient list (the second pass; never part of the stored state, as it
/// holds names and addresses).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeRun {
    options: ScopeOptions,
    summary: Option<ScopeSummary>,
    #[serde(skip)]
    recipients: Option<RecipientList>,
}

impl ScopeRun {
    /// A run with `options_json` (`ScopeOptions`) and, optionally, the
    /// header (a JSON array of strings); without it the first row must be
    /// an object, whose (flattened) keys are the header.
    ///
    /// # Errors
    ///
    /// Options or header that cannot be read (with the field path), and
    /// the errors of [`ScopeSummary::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use dsgvo_core::door::scope::ScopeRun;
    /// let mut run = ScopeRun::new(r#"{"as_of": "2026-11-20", "key": "billing.email"}"#, None).unwrap();
    /// run.push(r#"[{"id": 1, "billing": {"email": "erika@example.org", "country": "DE"}},
    ///             {"id": 2, "billing": {"email": "ERIKA@example.org", "country": "DE"}}]"#, 1).unwrap();
    /// let scope: serde_json::Value = serde_json::from_str(&run.report().unwrap()).unwrap();
    /// assert_eq!((scope["records"].as_u64(), scope["subjects"].as_u64()), (Some(2), Some(1)));
    /// ```
    pub fn new(options_json: &str, headers_json: Option<&str>) -> Result<ScopeRun, DoorError> {
        let mut run = ScopeRun {
            options: args::object("scope options", options_json)?,
            summary: None,
            recipients: None,
        };
        if let Some(h) = headers_json {
            let headers: Vec<String> = args::document("headers", h)?;
            run.table_header(&headers)?;
        }
        Ok(run)
    }

    /// A run continuing a stored one (from [`ScopeRun::summary_json`]).
    ///
    /// # Errors
    ///
    /// A stored run that cannot be read, or whose counts do not fit its
    /// header and options.
    pub fn from_summary_json(json: &str) -> Result<ScopeRun, DoorError> {
        let run: ScopeRun = from_json_limited("scope summary", json, MAX_SUMMARY_BYTES)?;
        if run
            .summary
            .as_ref()
            .is_some_and(|s| s.options != run.options)
        {
            return Err(crate::scope::ScopeError::Mismatch(
                "the summary's options differ from the run's",
            )
            .into());
        }
        Ok(run)
    }

    /// Counts a batch of rows (a JSON array); the first is on line
    /// `first_line`, the others follow. A row that is neither an array nor
    /// an object, or has a key the header has not, is counted as malformed.
    ///
    /// # Errors
    ///
    /// A batch that is no JSON array (or larger than [`MAX_BATCH_BYTES`]);
    /// without a header, a first row that is no object.
    pub fn push(&mut self, rows_json: &str, first_line: u64) -> Result<(), DoorError> {
        let rows: Vec<Value> = from_json_limited("rows", rows_json, MAX_BATCH_BYTES)?;
        for (i, row) in rows.iter().enumerate() {
            self.push_value(row, first_line.saturating_add(i as u64))?;
        }
        Ok(())
    }

    /// Takes the header of a table whose rows come as cells (an Arrow
    /// stream's field names): the run's header when it has none yet, else
    /// it must be the same.
    ///
    /// # Errors
    ///
    /// Those of [`ScopeSummary::new`]; [`crate::scope::ScopeError::Mismatch`]
    /// for another header than the run's.
    ///
    /// # Examples
    ///
    /// ```
    /// use dsgvo_core::door::scope::ScopeRun;
    /// let mut run = ScopeRun::new(r#"{"as_of": "2026-11-20"}"#, None).unwrap();
    /// run.table_header(&["email", "country"]).unwrap();
    /// run.push_cells(1, &["erika@example.org", "DE"]).unwrap();
    /// assert!(run.table_header(&["email", "land"]).is_err());
    /// ```
    pub fn table_header<S: AsRef<str>>(&mut self, headers: &[S]) -> Result<(), DoorError> {
        let Some(known) = self.summary.as_ref() else {
            self.summary = Some(ScopeSummary::new(headers, self.options.clone())?);
            return Ok(());
        };
        if crate::scope::same_headers(known.headers(), headers) {
            Ok(())
        } else {
            Err(
                crate::scope::ScopeError::Mismatch("the table's header differs from the run's")
                    .into(),
            )
        }
    }

    /// Counts one row given as cells in the header's order (the header
    /// must be known).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorCode::ScopeEmpty`] when no header is known yet.
    pub fn push_cells<S: AsRef<str>>(&mut self, line: u64, cells: &[S]) -> Result<(), DoorError> {
        match (self.recipients.as_mut(), self.summary.as_mut()) {
            (Some(list), _) => list.push_row(line, cells),
            (None, Some(s)) => s.push_row(line, cells),
            (None, None) => return Err(first_row_not_an_object(line)),
        }
        Ok(())
    }

    /// Counts rows given as cells in the header's order, each with its line
    /// (the header must be known): a batch of a columnar table, counted a
    /// column at a time (see [`ScopeSummary::push_rows`]).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorCode::ScopeEmpty`] when no header is known yet.
    pub fn push_rows<R: RowCells>(&mut self, rows: &[(u64, R)]) -> Result<(), DoorError> {
        match (self.recipients.as_mut(), self.summary.as_mut()) {
            (Some(list), _) => list.push_rows(rows),
            (None, Some(s)) => s.push_rows(rows),
            (None, None) => {
                let line = rows.first().map_or(1, |(line, _)| *line);
                return Err(first_row_not_an_object(line));
            }
        }
        Ok(())
    }

    /// Counts rows as [`ScopeRun::push_rows`] does, shared out among
    /// `threads` threads (see [`ScopeSummary::on_threads`]): the same
    /// counts as on one thread. The second pass (the recipients) reads
    /// them on the calling thread.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorCode::ScopeEmpty`] when no header is known yet.
    pub fn push_rows_on_threads<R: RowCells + Sync>(
        &mut self,
        threads: usize,
        rows: &[(u64, R)],
    ) -> Result<(), DoorError> {
        match (&self.recipients, self.summary.as_mut()) {
            (None, Some(s)) => Ok(s.on_threads(threads, |w| w.push_rows(rows))?),
            _ => self.push_rows(rows),
        }
    }

    /// Counts one row given as (flattened) header and value pairs; the
    /// first such row sets the header when none is known.
    ///
    /// # Errors
    ///
    /// Those of [`ScopeSummary::new`] for the first row.
    pub fn push_pairs(&mut self, line: u64, pairs: Vec<(String, String)>) -> Result<(), DoorError> {
        if self.summary.is_none() {
            let headers: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
            self.table_header(&headers)?;
        }
        let headers = self.known()?.headers();
        let mut cells = vec![String::new(); headers.len()];
        for (key, value) in pairs {
            match headers.iter().position(|h| *h == key.trim()) {
                Some(i) => cells[i] = value,
                None => return self.push_malformed(line),
            }
        }
        self.push_cells(line, &cells)
    }

    /// Counts a row that is neither cells nor pairs as malformed (the
    /// header must be known).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorCode::ScopeEmpty`] when no header is known yet.
    pub fn push_malformed(&mut self, line: u64) -> Result<(), DoorError> {
        match (self.recipients.as_mut(), self.summary.as_mut()) {
            (Some(list), _) => list.push_malformed(line),
            (None, Some(s)) => s.push_malformed(line),
            (None, None) => return Err(first_row_not_an_object(line)),
        }
        Ok(())
    }

    fn push_value(&mut self, row: &Value, line: u64) -> Result<(), DoorError> {
        match row {
            Value::Object(map) => {
                let mut pairs = Vec::with_capacity(map.len());
                flatten("", map, &mut pairs);
                self.push_pairs(line, pairs)
            }
            Value::Array(cells) => {
                let cells: Vec<String> = cells.iter().map(cell).collect();
                self.push_cells(line, &cells)
            }
            _ => self.push_malformed(line),
        }
    }

    fn known(&self) -> Result<&ScopeSummary, DoorError> {
        self.summary
            .as_ref()
            .ok_or_else(|| DoorError::from(crate::scope::ScopeError::Empty))
    }

    /// Starts the second pass: the rows pushed from now on (the same table
    /// again) give the Art. 34 recipients, with the columns' kinds this
    /// run decided; [`ScopeRun::recipients_json`] answers them.
    ///
    /// # Errors
    ///
    /// [`ErrorCode::ScopeEmpty`](crate::ErrorCode::ScopeEmpty) before any
    /// row, and what the report fails with.
    pub fn start_recipients(&mut self) -> Result<(), DoorError> {
        self.recipients = Some(self.known()?.recipients()?);
        Ok(())
    }

    /// The recipients of the second pass (`scope::Recipients` JSON: the
    /// list in the letters' recipient shape, the unreachable and malformed
    /// rows); the run goes back to scoping.
    ///
    /// # Errors
    ///
    /// [`ErrorCode::InvalidArgument`](crate::ErrorCode::InvalidArgument)
    /// when no second pass was started.
    pub fn recipients_json(&mut self) -> Result<String, DoorError> {
        let list = self.recipients.take().ok_or_else(|| {
            DoorError::invalid("recipients: start the second pass (start_recipients) and push the rows again first")
        })?;
        Ok(to_json(&list.finish()))
    }

    /// The scope of the rows so far, as JSON (`dsgvo.scope/1`).
    ///
    /// # Errors
    ///
    /// No row yet ([`crate::ErrorCode::ScopeEmpty`]); a window column
    /// without dates.
    pub fn report(&self) -> Result<String, DoorError> {
        let summary = self
            .summary
            .as_ref()
            .ok_or_else(|| DoorError::from(crate::scope::ScopeError::Empty))?;
        Ok(to_json(&summary.report()?))
    }

    /// Adds the rows of another run over another part of the same table.
    ///
    /// # Errors
    ///
    /// Parts with other headers or options.
    pub fn merge(&mut self, other: ScopeRun) -> Result<(), DoorError> {
        if other.options != self.options {
            return Err(crate::scope::ScopeError::Mismatch("the options differ").into());
        }
        match (self.summary.as_mut(), other.summary) {
            (_, None) => Ok(()),
            (None, Some(o)) => {
                self.summary = Some(o);
                Ok(())
            }
            (Some(s), Some(o)) => Ok(s.merge(o)?),
        }
    }

    /// The run's state as JSON, to store, pickle or send to another process
    /// and continue or merge there ([`ScopeRun::from_summary_json`]). It
    /// holds the digests of the people's keys (pseudonymous personal data):
    /// keep it where the table is.
    pub fn summary_json(&self) -> String {
        to_json(self)
    }
}

fn first_row_not_an_object(line: u64) -> DoorError {
    DoorError::new(
        crate::ErrorCode::ScopeEmpty,
        format!(
            "row on line {line}: without a header the first row must be an object (its keys are the header)"
        ),
    )
}

/// The text of one cell: strings as they are, `null` empty, numbers and
/// booleans as JSON writes them, arrays and objects as their JSON text.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Flattens `map` into `prefix.key` pairs.
fn flatten(prefix: &str, map: &Map<String, Value>, out: &mut Vec<(String, String)>) {
    for (key, value) in map {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Value::Object(inner) if !inner.is_empty() => flatten(&name, inner, out),
            other => out.push((name, cell(other))),
        }
    }
}
