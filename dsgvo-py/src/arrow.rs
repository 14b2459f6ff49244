//! Tables through the Arrow PyCapsule interface (`__arrow_c_stream__`:
//! pyarrow, polars, pandas through pyarrow): the record batches are read
//! in place with arrow-rs, and each cell becomes the text the row path
//! (`rows.rs`) gives the same value as a Python object: null and NaN
//! empty, booleans `true`/`false`, numbers as Python writes them, dates
//! and times in ISO 8601 as `isoformat()` writes them. Strings are not
//! copied. Columns of other types (lists, structs, binary) are refused
//! with the column's name.

use std::fmt::Write;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Float16Type, Float32Type, Float64Type, Int8Type,
    Int16Type, Int32Type, Int64Type, Time32MillisecondType, Time32SecondType,
    Time64MicrosecondType, Time64NanosecondType, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use arrow_schema::{DataType, TimeUnit};
use chrono::{
    Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike,
};
use dsgvo_core::door::DoorError;
use dsgvo_core::door::scope::ScopeRun;
use dsgvo_core::scope::ROWS_PER_THREAD;

/// The cells of one column of a batch, as text.
pub(crate) enum Cells<'a> {
    Utf8(&'a StringArray),
    LargeUtf8(&'a LargeStringArray),
    Utf8View(&'a StringViewArray),
    /// Written: cell `i` is `text[ends[i - 1]..ends[i]]`.
    Written {
        text: String,
        ends: Vec<usize>,
    },
}

impl Cells<'_> {
    /// Cell `i`.
    pub fn get(&self, i: usize) -> &str {
        match self {
            Cells::Utf8(a) if !a.is_null(i) => a.value(i),
            Cells::LargeUtf8(a) if !a.is_null(i) => a.value(i),
            Cells::Utf8View(a) if !a.is_null(i) => a.value(i),
            Cells::Written { text, ends } => {
                let start = if i == 0 { 0 } else { ends[i - 1] };
                &text[start..ends[i]]
            }
            _ => "",
        }
    }
}

/// Row `at` of a batch whose columns are `columns`.
struct BatchRow<'a> {
    columns: &'a [Cells<'a>],
    at: usize,
}

impl dsgvo_core::scope::RowCells for BatchRow<'_> {
    fn width(&self) -> usize {
        self.columns.len()
    }
    fn cell(&self, column: usize) -> &str {
        self.columns[column].get(self.at)
    }
}

/// Rows a group gathers before it is scoped: enough for every thread to
/// have work, few enough that a stream is never held in memory whole.
const GROUP_ROWS: usize = 1 << 18;

/// Batches of a stream gathered to be scoped together.
#[derive(Default)]
pub(crate) struct Group {
    batches: Vec<RecordBatch>,
    rows: usize,
}

impl Group {
    pub fn add(&mut self, batch: RecordBatch) {
        self.rows += batch.num_rows();
        self.batches.push(batch);
    }

    /// The rows gathered.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Whether the group is to be scoped before the next batch is read.
    pub fn is_full(&self) -> bool {
        self.rows >= GROUP_ROWS
    }

    /// The cells of every column of every batch, by batch: columns that
    /// must be written as text (numbers, dates) are written on `threads`
    /// threads, a column of a batch at a time.
    fn cells(&self, names: &[String], threads: usize) -> Result<Vec<Vec<Cells<'_>>>, DoorError> {
        // A group too small to be worth a thread is written on the
        // calling thread (the core's figure for counting rows).
        let threads = if self.rows < ROWS_PER_THREAD {
            1
        } else {
            threads
        };
        let width = names.len();
        let arrays: Vec<&ArrayRef> = self.batches.iter().flat_map(|b| b.columns()).collect();
        let write = |t: usize| -> Result<Vec<(usize, Cells<'_>)>, DoorError> {
            (t..arrays.len())
                .step_by(threads)
                .map(|i| Ok((i, cells(arrays[i], &names[i % width])?)))
                .collect()
        };
        let mut written: Vec<(usize, Cells<'_>)> = std::thread::scope(|scope| {
            let others: Vec<_> = (1..threads)
                .map(|t| scope.spawn(move || write(t)))
                .collect();
            let mut all = write(0)?;
            for other in others {
                all.extend(
                    other
                        .join()
                        .unwrap_or_else(|p| std::panic::resume_unwind(p))?,
                );
            }
            Ok::<_, DoorError>(all)
        })?;
        written.sort_unstable_by_key(|(i, _)| *i);
        let mut written = written.into_iter().map(|(_, c)| c);
        Ok(self
            .batches
            .iter()
            .map(|_| written.by_ref().take(width).collect())
            .collect())
    }

    /// Scopes the group's rows (the columns `names`, the first row on line
    /// `first_line`) into `run` on `threads` threads.
    ///
    /// # Errors
    ///
    /// A column of a type scoping does not read, named; those of
    /// [`ScopeRun::push_rows_on_threads`].
    pub fn push(
        &self,
        run: &mut ScopeRun,
        names: &[String],
        first_line: u64,
        threads: usize,
    ) -> Result<(), DoorError> {
        let columns = self.cells(names, threads)?;
        let rows: Vec<(u64, BatchRow<'_>)> = (self.batches.iter().zip(&columns))
            .flat_map(|(batch, columns)| (0..batch.num_rows()).map(|at| BatchRow { columns, at }))
            .enumerate()
            .map(|(i, row)| (first_line.saturating_add(i as u64), row))
            .collect();
        run.push_rows_on_threads(threads, &rows)
    }
}

/// The cells of `array`, the column `name`.
///
/// # Errors
///
/// A type the row path has no text for, named with the column.
pub(crate) fn cells<'a>(array: &'a ArrayRef, name: &str) -> Result<Cells<'a>, DoorError> {
    if let Some(a) = array.as_string_opt::<i32>() {
        return Ok(Cells::Utf8(a));
    }
    if let Some(a) = array.as_string_opt::<i64>() {
        return Ok(Cells::LargeUtf8(a));
    }
    if let Some(a) = array.as_string_view_opt() {
        return Ok(Cells::Utf8View(a));
    }
    let mut text = String::new();
    let mut ends = Vec::with_capacity(array.len());
    let mut each = |write: &mut dyn FnMut(usize, &mut String)| {
        for i in 0..array.len() {
            if !array.is_null(i) {
                write(i, &mut text);
            }
            ends.push(text.len());
        }
    };
    // The cells of a primitive array of type `$t`, each written by `$body`
    // from the array `$a` and the row `$i` into `$out` (writing into a
    // `String` does not fail).
    macro_rules! primitive {
        ($t:ty, |$a:ident, $i:ident, $out:ident| $body:expr) => {{
            let $a = array.as_primitive::<$t>();
            each(&mut |$i, $out| {
                let _ = $body;
            })
        }};
    }
    // Integers by `itoa`, as `{}` writes them without the formatter (a
    // column of ids is a million calls).
    macro_rules! numbers {
        ($t:ty) => {
            primitive!($t, |a, i, out| out
                .push_str(itoa::Buffer::new().format(a.value(i))))
        };
    }
    macro_rules! dates {
        ($t:ty) => {
            primitive!($t, |a, i, out| a.value_as_date(i).map(|d| iso_date(d, out)))
        };
    }
    macro_rules! times {
        ($t:ty) => {
            primitive!($t, |a, i, out| iso_time(a.value_as_time(i), out))
        };
    }
    let zone = match array.data_type() {
        DataType::Timestamp(_, Some(z)) => match zone_of(z) {
            Ok(zone) => Some(zone),
            Err(()) => return Err(refused(name, "a timestamp with an unknown time zone")),
        },
        _ => None,
    };
    macro_rules! timestamps {
        ($t:ty) => {
            primitive!($t, |a, i, out| a
                .value_as_datetime(i)
                .map(|utc| iso_datetime(utc, zone.as_ref(), out)))
        };
    }
    match array.data_type() {
        DataType::Null => each(&mut |_, _| {}),
        DataType::Boolean => {
            let a = array.as_boolean();
            each(&mut |i, out| out.push_str(if a.value(i) { "true" } else { "false" }))
        }
        DataType::Int8 => numbers!(Int8Type),
        DataType::Int16 => numbers!(Int16Type),
        DataType::Int32 => numbers!(Int32Type),
        DataType::Int64 => numbers!(Int64Type),
        DataType::UInt8 => numbers!(UInt8Type),
        DataType::UInt16 => numbers!(UInt16Type),
        DataType::UInt32 => numbers!(UInt32Type),
        DataType::UInt64 => numbers!(UInt64Type),
        DataType::Float16 => primitive!(Float16Type, |a, i, out| python_float(
            f64::from(a.value(i)),
            out
        )),
        DataType::Float32 => primitive!(Float32Type, |a, i, out| python_float(
            f64::from(a.value(i)),
            out
        )),
        DataType::Float64 => primitive!(Float64Type, |a, i, out| python_float(a.value(i), out)),
        DataType::Decimal128(..) => primitive!(Decimal128Type, |a, i, out| out
            .push_str(&a.value_as_string(i))),
        DataType::Date32 => dates!(Date32Type),
        DataType::Date64 => dates!(Date64Type),
        DataType::Timestamp(TimeUnit::Second, _) => timestamps!(TimestampSecondType),
        DataType::Timestamp(TimeUnit::Millisecond, _) => timestamps!(TimestampMillisecondType),
        DataType::Timestamp(TimeUnit::Microsecond, _) => timestamps!(TimestampMicrosecondType),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => timestamps!(TimestampNanosecondType),
        DataType::Time32(TimeUnit::Second) => times!(Time32SecondType),
        DataType::Time32(_) => times!(Time32MillisecondType),
        DataType::Time64(TimeUnit::Microsecond) => times!(Time64MicrosecondType),
        DataType::Time64(_) => times!(Time64NanosecondType),
        DataType::Dictionary(..) => {
            let Some(d) = array.as_any_dictionary_opt() else {
                return Err(refused(name, "a dictionary that cannot be read"));
            };
            let values = cells(d.values(), name)?;
            let keys = d.normalized_keys();
            each(&mut |i, out| out.push_str(values.get(keys[i])))
        }
        other => {
            return Err(refused(name, &format!("Arrow type {other}")));
        }
    }
    Ok(Cells::Written { text, ends })
}

fn refused(column: &str, what: &str) -> DoorError {
    DoorError::invalid(format!(
        "table: column \"{column}\" holds {what}, which scoping does not read; \
         cast it to text (or pass the rows as dicts)"
    ))
}

/// A float as Python's `repr` writes it: the shortest text that reads
/// back, `.0` on whole numbers, exponents from 1e16 and below 1e-4
/// (`1e+16`, `1.5e-05`); NaN (pandas' missing value) empty.
fn python_float(v: f64, out: &mut String) {
    if v.is_nan() {
        return;
    }
    if v.is_infinite() {
        out.push_str(if v > 0.0 { "inf" } else { "-inf" });
        return;
    }
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        let e = format!("{v:e}"); // `1.5e-5`, `1e16`
        let (mantissa, exponent) = e.split_once('e').unwrap_or((&e, "0"));
        let (sign, digits) = match exponent.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', exponent),
        };
        let _ = write!(out, "{mantissa}e{sign}{digits:0>2}");
        return;
    }
    // Here both write plain decimals with the shortest digits that read
    // back, and `.0` on whole numbers.
    out.push_str(zmij::Buffer::new().format_finite(v));
}

/// The offset of an Arrow time zone: `UTC`, `+01:00`, or an IANA name
/// (its offset at each instant).
enum Zone {
    Fixed(FixedOffset),
    Named(chrono_tz::Tz),
}

fn zone_of(name: &str) -> Result<Zone, ()> {
    if matches!(name, "UTC" | "Z" | "Etc/UTC" | "utc") {
        return Ok(Zone::Fixed(chrono::Utc.fix()));
    }
    if let Some(sign) = name.strip_prefix(['+', '-']).map(|_| name.as_bytes()[0]) {
        let digits: String = name[1..].chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 4 {
            let h: i32 = digits[..2].parse().map_err(|_| ())?;
            let m: i32 = digits[2..].parse().map_err(|_| ())?;
            let secs = (h * 3600 + m * 60) * if sign == b'-' { -1 } else { 1 };
            return FixedOffset::east_opt(secs).map(Zone::Fixed).ok_or(());
        }
        return Err(());
    }
    name.parse::<chrono_tz::Tz>()
        .map(Zone::Named)
        .map_err(|_| ())
}

/// `isoformat()` of a datetime: naive without a zone, else in the zone's
/// local time with its offset; fractions only when not zero (six digits,
/// nine for nanoseconds, as pandas writes them).
fn iso_datetime(utc: NaiveDateTime, zone: Option<&Zone>, out: &mut String) {
    let (local, offset) = match zone {
        None => (utc, None),
        Some(Zone::Fixed(o)) => (utc + *o, Some(*o)),
        Some(Zone::Named(tz)) => {
            let o = tz.offset_from_utc_datetime(&utc).fix();
            (utc + o, Some(o))
        }
    };
    iso_date(local.date(), out);
    out.push('T');
    iso_time(Some(local.time()), out);
    if let Some(o) = offset {
        let secs = o.local_minus_utc();
        let sign = if secs < 0 { '-' } else { '+' };
        let secs = secs.abs();
        let _ = write!(out, "{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60);
    }
}

fn iso_time(time: Option<NaiveTime>, out: &mut String) {
    let Some(t) = time else { return };
    two_digits(t.hour(), out);
    out.push(':');
    two_digits(t.minute(), out);
    out.push(':');
    two_digits(t.second(), out);
    let nanos = t.nanosecond() % 1_000_000_000;
    if nanos % 1000 != 0 {
        let _ = write!(out, ".{nanos:09}");
    } else if nanos != 0 {
        let _ = write!(out, ".{:06}", nanos / 1000);
    }
}

/// A number below 100 with two digits.
fn two_digits(n: u32, out: &mut String) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// A date as `isoformat()` writes it (`2026-11-03`, `0999-01-02`); years
/// before 1 or after 9999, which Python's dates do not have, as chrono
/// writes them.
fn iso_date(day: NaiveDate, out: &mut String) {
    match u32::try_from(day.year()) {
        Ok(year @ 1..=9999) => {
            two_digits(year / 100, out);
            two_digits(year % 100, out);
            out.push('-');
            two_digits(day.month(), out);
            out.push('-');
            two_digits(day.day(), out);
        }
        _ => {
            let _ = write!(out, "{day}");
        }
    }
}
