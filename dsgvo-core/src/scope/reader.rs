//! Reading the files shops export: CSV (comma, semicolon or tab, as the
//! header line shows; quoted fields; a UTF-8 byte order mark) and JSON
//! Lines. The caller opens the file; the core reads the bytes it is given.

use std::io::{BufRead, Read};

use super::error::ScopeError;
use super::options::ScopeOptions;
use super::recipients::{RecipientList, Recipients};
use super::summary::{ScopeSummary, same_headers};

/// Where the readers put rows: the summary of the first pass, or the
/// recipient list of the second.
trait Rows: Sized {
    fn headers(&self) -> &[String];
    fn push_row<S: AsRef<str>>(&mut self, line: u64, fields: &[S]);
    fn push_malformed(&mut self, line: u64);
    /// A block of CSV records, each with its line.
    fn push_records(&mut self, records: &[(u64, csv::StringRecord)]);
}

impl Rows for ScopeSummary {
    fn headers(&self) -> &[String] {
        ScopeSummary::headers(self)
    }
    fn push_row<S: AsRef<str>>(&mut self, line: u64, fields: &[S]) {
        ScopeSummary::push_row(self, line, fields);
    }
    fn push_records(&mut self, records: &[(u64, csv::StringRecord)]) {
        self.push_rows(records);
    }
    fn push_malformed(&mut self, line: u64) {
        ScopeSummary::push_malformed(self, line);
    }
}

impl Rows for RecipientList {
    fn headers(&self) -> &[String] {
        RecipientList::headers(self)
    }
    fn push_row<S: AsRef<str>>(&mut self, line: u64, fields: &[S]) {
        RecipientList::push_row(self, line, fields);
    }
    fn push_malformed(&mut self, line: u64) {
        RecipientList::push_malformed(self, line);
    }
    fn push_records(&mut self, records: &[(u64, csv::StringRecord)]) {
        self.push_rows(records);
    }
}

/// The second pass needs the first pass's header.
fn same_header<S: AsRef<str>>(
    list: RecipientList,
    headers: &[S],
) -> Result<RecipientList, ScopeError> {
    if same_headers(list.headers(), headers) {
        Ok(list)
    } else {
        Err(ScopeError::Mismatch(
            "the table's header differs from the scoped one's",
        ))
    }
}

/// The text encoding of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; anything else is refused with its line.
    Utf8,
    /// ISO 8859-1 (Latin-1), as older Windows exports write it; every byte
    /// is a character.
    Latin1,
}

impl Encoding {
    fn decode(self, bytes: &[u8], line: u64) -> Result<std::borrow::Cow<'_, str>, ScopeError> {
        match self {
            Encoding::Utf8 => std::str::from_utf8(bytes)
                .map(std::borrow::Cow::Borrowed)
                .map_err(|_| ScopeError::NotUtf8 { line }),
            Encoding::Latin1 => Ok(std::borrow::Cow::Owned(
                bytes.iter().map(|b| char::from(*b)).collect(),
            )),
        }
    }
}

/// Scopes a CSV table whose first line is the header.
///
/// # Errors
///
/// [`ScopeError::Empty`] without a header, [`ScopeError::NotUtf8`] for text
/// that is not UTF-8 under [`Encoding::Utf8`], [`ScopeError::Read`] when the
/// reader fails, and the errors of [`ScopeSummary::new`]. Rows with another
/// number of fields are counted as malformed, with their lines.
///
/// # Examples
///
/// ```
/// use dsgvo_core::scope::{read_csv, Encoding, ScopeOptions};
/// let options = ScopeOptions::new("2026-11-20".parse().unwrap());
/// let summary = read_csv("email\nerika@example.de\n".as_bytes(), options, Encoding::Utf8).unwrap();
/// assert_eq!(summary.report().unwrap().records, 1);
/// ```
pub fn read_csv<R: Read>(
    input: R,
    options: ScopeOptions,
    encoding: Encoding,
) -> Result<ScopeSummary, ScopeError> {
    csv_rows(input, encoding, |headers| {
        ScopeSummary::new(headers, options)
    })
}

/// The recipients of a CSV table scoped into `summary`, read a second time
/// (the same file, the same encoding).
///
/// # Errors
///
/// As [`read_csv`]; [`ScopeError::Mismatch`] when the header is not the
/// summary's.
pub fn read_csv_recipients<R: Read>(
    input: R,
    summary: &ScopeSummary,
    encoding: Encoding,
) -> Result<Recipients, ScopeError> {
    let list = summary.recipients()?;
    csv_rows(input, encoding, |headers| same_header(list, headers)).map(RecipientList::finish)
}

fn csv_rows<R: Read, T: Rows>(
    mut input: R,
    encoding: Encoding,
    start: impl FnOnce(&[String]) -> Result<T, ScopeError>,
) -> Result<T, ScopeError> {
    let mut start = Some(start);
    // The delimiter is the one the header line uses most.
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let n = input.read(&mut buffer).map_err(read_error)?;
        head.extend_from_slice(&buffer[..n]);
        if n == 0 || head.contains(&b'\n') {
            break;
        }
    }
    let delimiter = delimiter(&head);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(READ_BUFFER)
        .from_reader(head.as_slice().chain(input));
    let mut record = csv::ByteRecord::new();
    let mut summary: Option<T> = None;
    // UTF-8 records gathered, counted a block at a time; their buffers are
    // used again.
    let mut block: Vec<(u64, csv::StringRecord)> = Vec::with_capacity(BLOCK);
    let mut spare: Vec<csv::ByteRecord> = Vec::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                match e.kind() {
                    csv::ErrorKind::Io(_) => return Err(read_error(e)),
                    _ => {
                        if let Some(s) = summary.as_mut() {
                            s.push_malformed(line);
                            continue;
                        }
                        return Err(ScopeError::Empty);
                    }
                }
            }
        }
        let line = record.position().map_or(0, csv::Position::line);
        let Some(rows) = summary.as_mut() else {
            let mut headers: Vec<String> = decoded(&record, encoding, line)?;
            if let Some(first) = headers.first_mut() {
                *first = first.trim_start_matches('\u{feff}').to_string();
            }
            let start = start.take().ok_or(ScopeError::Empty)?;
            summary = Some(start(&headers)?);
            continue;
        };
        match encoding {
            // UTF-8 is checked once for the whole record, and the fields
            // are read where they are.
            Encoding::Utf8 => {
                let next = spare.pop().unwrap_or_default();
                let text =
                    csv::StringRecord::from_byte_record(std::mem::replace(&mut record, next))
                        .map_err(|_| ScopeError::NotUtf8 { line })?;
                block.push((line, text));
                if block.len() == BLOCK {
                    rows.push_records(&block);
                    spare.extend(block.drain(..).map(|(_, r)| r.into_byte_record()));
                }
            }
            Encoding::Latin1 => rows.push_row(line, &decoded(&record, encoding, line)?),
        }
    }
    let mut summary = summary.ok_or(ScopeError::Empty)?;
    summary.push_records(&block);
    Ok(summary)
}

/// The bytes the CSV reader reads at a time: more than the `csv` crate's
/// 8 KiB (measured on the 1,000,000-row benchmark, six alternating runs:
/// medians 0.969–0.991 s against 0.996–1.028 s; 256 KiB was no quicker).
const READ_BUFFER: usize = 1 << 16;

/// Records counted at a time: a block of shop rows (a few hundred bytes
/// each) stays in the processor's cache while each column is read.
const BLOCK: usize = 256;

/// The fields of `record` as text.
fn decoded(
    record: &csv::ByteRecord,
    encoding: Encoding,
    line: u64,
) -> Result<Vec<String>, ScopeError> {
    record
        .iter()
        .map(|f| encoding.decode(f, line).map(std::borrow::Cow::into_owned))
        .collect()
}

fn delimiter(head: &[u8]) -> u8 {
    let line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let most = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][most]
}

fn read_error(e: impl std::fmt::Display) -> ScopeError {
    ScopeError::Read(e.to_string())
}

/// Scopes JSON Lines: one object per line; the first line's keys are the
/// columns (in key order). A line that is no object, or has a key the
/// first has not, is counted as malformed with its line; strings are read
/// as they are, numbers and booleans as written, `null` as empty, arrays
/// and objects as their JSON text.
///
/// # Errors
///
/// As [`read_csv`]; [`ScopeError::Header`] when the first line is no object.
pub fn read_json_lines<R: BufRead>(
    input: R,
    options: ScopeOptions,
    encoding: Encoding,
) -> Result<ScopeSummary, ScopeError> {
    json_lines_rows(input, encoding, |keys| ScopeSummary::new(keys, options))
}

/// The recipients of JSON Lines scoped into `summary`, read a second time.
///
/// # Errors
///
/// As [`read_json_lines`]; [`ScopeError::Mismatch`] when the first line's
/// keys are not the summary's header.
pub fn read_json_lines_recipients<R: BufRead>(
    input: R,
    summary: &ScopeSummary,
    encoding: Encoding,
) -> Result<Recipients, ScopeError> {
    let list = summary.recipients()?;
    json_lines_rows(input, encoding, |keys| same_header(list, keys)).map(RecipientList::finish)
}

fn json_lines_rows<R: BufRead, T: Rows>(
    input: R,
    encoding: Encoding,
    start: impl FnOnce(&[&String]) -> Result<T, ScopeError>,
) -> Result<T, ScopeError> {
    let mut start = Some(start);
    let mut summary: Option<T> = None;
    let mut fields: Vec<String> = Vec::new();
    for (n, raw) in input.split(b'\n').enumerate() {
        let line = n as u64 + 1;
        let raw = raw.map_err(read_error)?;
        let text = encoding.decode(&raw, line)?;
        let text = text.trim().trim_start_matches('\u{feff}');
        if text.is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
        {
            Ok(o) => o,
            Err(e) => match summary.as_mut() {
                Some(s) => {
                    s.push_malformed(line);
                    continue;
                }
                None => {
                    return Err(ScopeError::Header {
                        line,
                        message: format!(
                            "the first line is no JSON object: {}",
                            e.classify_message()
                        ),
                    });
                }
            },
        };
        let Some(s) = summary.as_mut() else {
            let keys: Vec<&String> = object.keys().collect();
            let start = start.take().ok_or(ScopeError::Empty)?;
            let mut first = start(&keys)?;
            push_object(&mut first, line, &object, &mut fields);
            summary = Some(first);
            continue;
        };
        push_object(s, line, &object, &mut fields);
    }
    summary.ok_or(ScopeError::Empty)
}

trait Classify {
    fn classify_message(&self) -> &'static str;
}

impl Classify for serde_json::Error {
    /// The kind of problem, without the text (which may quote data).
    fn classify_message(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "the line could not be read",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "a JSON value that is no object",
            serde_json::error::Category::Eof => "the line ends early",
        }
    }
}

fn push_object<T: Rows>(
    summary: &mut T,
    line: u64,
    object: &serde_json::Map<String, serde_json::Value>,
    fields: &mut Vec<String>,
) {
    if object
        .keys()
        .any(|k| !summary.headers().iter().any(|h| h == k.trim()))
    {
        summary.push_malformed(line);
        return;
    }
    fields.clear();
    for header in summary.headers() {
        let value = object.get(header.as_str());
        fields.push(match value {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        });
    }
    let row = std::mem::take(fields);
    summary.push_row(line, &row);
    *fields = row;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows that keep the size of each block pushed.
    struct Blocks(Vec<String>, Vec<usize>);

    impl Rows for Blocks {
        fn headers(&self) -> &[String] {
            &self.0
        }
        fn push_row<S: AsRef<str>>(&mut self, _: u64, _: &[S]) {
            self.1.push(1);
        }
        fn push_malformed(&mut self, _: u64) {}
        fn push_records(&mut self, records: &[(u64, csv::StringRecord)]) {
            self.1.push(records.len());
        }
    }

    // Records are counted a block at a time, so a block's memory is
    // bounded; the rest at the end.
    #[test]
    fn records_are_pushed_in_blocks() {
        let text: String = std::iter::once("a\n".to_string())
            .chain((0..600).map(|i| format!("{i}\n")))
            .collect();
        let blocks = csv_rows(text.as_bytes(), Encoding::Utf8, |h| {
            Ok(Blocks(h.to_vec(), Vec::new()))
        })
        .unwrap();
        assert_eq!(blocks.1, [BLOCK, BLOCK, 600 - 2 * BLOCK]);
    }

    // Our rule: the delimiter the header line uses most outside quotes;
    // on a tie comma, then semicolon, then tab.
    #[test]
    fn the_header_line_names_the_delimiter() {
        for (line, expected) in [
            ("a,b,c\n", b','),
            ("a;b;c\n", b';'),
            ("a\tb\tc\n", b'\t'),
            ("a,b,c;d\n", b','),
            ("a\tb\tc;d\n", b'\t'),
            ("a;b;c,d\n", b';'),
            ("a,b;c\n", b','),
            ("a;b\tc\n", b';'),
            ("\"a;b;c\",d\n", b','),
            ("\"a\tb\tc\",d\n", b','),
            ("\"a,b,c\";d\n", b';'),
            ("single\n", b','),
        ] {
            assert_eq!(delimiter(line.as_bytes()), expected, "{line:?}");
        }
    }
}
