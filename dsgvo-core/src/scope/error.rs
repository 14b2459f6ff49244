//! Why a table cannot be scoped. Rows that cannot be read are no error:
//! they are counted and reported with their line numbers.

/// A failure of a scoping run, naming the column or line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    /// The table has no header row.
    #[error("the table is empty: no header row")]
    Empty,
    /// A column named in the options is not in the header.
    #[error("{role} column `{column}` is not in the table's header")]
    MissingColumn {
        /// What the options use it for (`key`, `window`, `override`).
        role: &'static str,
        /// The header named.
        column: String,
    },
    /// Two columns have the same header.
    #[error("column `{column}` appears twice in the header")]
    DuplicateColumn {
        /// The header.
        column: String,
    },
    /// The window column holds no date the scoping can read.
    #[error(
        "window column `{column}` holds no date (read: 2026-11-19, 2026-11-19 08:15, 19.11.2026, RFC 3339) in {values} non-empty values"
    )]
    WindowNotDates {
        /// The column.
        column: String,
        /// Its non-empty values.
        values: u64,
    },
    /// The input is not UTF-8 (Latin-1 exports are common).
    #[error(
        "line {line}: the text is not UTF-8; a Latin-1 (Windows-1252) export? Read it with `Encoding::Latin1` or convert it"
    )]
    NotUtf8 {
        /// The line.
        line: u64,
    },
    /// The reader handed in failed.
    #[error("the input could not be read: {0}")]
    Read(String),
    /// Parts scoped with other headers or options do not merge.
    #[error("the parts do not merge: {0}")]
    Mismatch(&'static str),
    /// The header is no valid JSON line (JSON Lines input).
    #[error("line {line}: {message}")]
    Header {
        /// The line.
        line: u64,
        /// What is wrong.
        message: String,
    },
}
