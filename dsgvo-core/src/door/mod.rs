//! The door vocabulary: what every binding (the C ABI and PHP through it,
//! Python, and later WebAssembly) reads and answers, in one place.
//!
//! A binding only marshals: it turns pointers or host objects into the
//! text, numbers and values taken here, calls one function, hands the
//! answer back, and maps a [`DoorError`] to the host's failure (a
//! `dsgvo_status`, a Python exception). So every door reads a time, a
//! language or a format alike, names the same argument in the same words,
//! and answers with the core's serde JSON.
//!
//! - [`args`]: the small arguments (times, dates, languages, tolerances,
//!   the closed sets of formats and levels) and JSON documents;
//! - [`breach`]: triage, many breaches at once, documents, the report,
//!   letter runs;
//! - [`case`]: the breach case and the Art. 33(5) register;
//! - [`scope`]: scoping a table pushed in batches of rows;
//! - [`tom`]: TOM checklists, the authority directory, the DPO duty, fine
//!   ceilings.
//!
//! ```
//! use dsgvo_core::{ErrorCode, door};
//!
//! let err = door::args::timestamp("2026-11-20T09:15:00", "now").unwrap_err();
//! assert_eq!(err.code, ErrorCode::TimestampWithoutOffset);
//! assert!(err.message.starts_with("now: "));
//! let err = door::tom::document("{}", "2026-12-01", None, "pdf").unwrap_err();
//! assert_eq!(err.message, "format: \"pdf\" is not one of: markdown, html");
//! ```

pub mod args;
pub mod breach;
pub mod case;
pub mod scope;
pub mod tom;

use std::fmt;

use crate::case::{CaseDocumentError, CaseError};
use crate::document::DocumentError;
use crate::fine::FineError;
use crate::scope::ScopeError;
use crate::tom::TomError;
use crate::{Coded, ErrorCode, InputError};

/// A failure at a door: its code (one of [`ErrorCode`]), a message that
/// names the argument or field, and the field path where there is one.
/// A text value of the input is repeated only where it is a code or a time
/// the caller mistyped (an unknown value, a malformed date), never a string
/// found in the wrong place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoorError {
    /// What kind of failure it is; a binding maps it to its status or
    /// exception class.
    pub code: ErrorCode,
    /// What was wrong, naming the argument (`now: ...`) or the field.
    pub message: String,
    /// The JSON path of the field, for a failure inside a JSON document
    /// (`data_subjects.count`); `[i].…` inside item `i` of a list.
    pub path: Option<String>,
}

impl DoorError {
    /// A failure with `code` and `message` and no field path.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> DoorError {
        DoorError {
            code,
            message: message.into(),
            path: None,
        }
    }

    /// An argument that is not one the function takes
    /// ([`ErrorCode::InvalidArgument`]).
    pub fn invalid(message: impl Into<String>) -> DoorError {
        DoorError::new(ErrorCode::InvalidArgument, message)
    }

    /// The same failure for item `index` of the list argument `list`: the
    /// message starts `list[index]: `, the path `[index].`.
    ///
    /// ```
    /// use dsgvo_core::door::DoorError;
    /// let e = DoorError::invalid("cause: missing").in_item("facts", 3);
    /// assert_eq!(e.message, "facts[3]: cause: missing");
    /// assert_eq!(e.path.as_deref(), Some("[3]"));
    /// ```
    pub fn in_item(self, list: &str, index: usize) -> DoorError {
        DoorError {
            code: self.code,
            message: format!("{list}[{index}]: {}", self.message),
            path: Some(match self.path.as_deref() {
                None | Some(".") => format!("[{index}]"),
                Some(p) => format!("[{index}].{p}"),
            }),
        }
    }
}

impl fmt::Display for DoorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DoorError {}

impl Coded for DoorError {
    fn code(&self) -> ErrorCode {
        self.code
    }
}

impl From<InputError> for DoorError {
    fn from(e: InputError) -> DoorError {
        DoorError {
            code: e.code(),
            path: Some(e.first().path.clone()),
            message: e.to_string(),
        }
    }
}

impl From<CaseError> for DoorError {
    fn from(e: CaseError) -> DoorError {
        match e {
            CaseError::Input(input) => DoorError::from(input),
            other => DoorError::new(other.code(), other.to_string()),
        }
    }
}

macro_rules! from_core_error {
    ($($error:ty),+) => {$(
        impl From<$error> for DoorError {
            fn from(e: $error) -> DoorError {
                DoorError::new(e.code(), e.to_string())
            }
        }
    )+};
}

from_core_error!(
    DocumentError,
    CaseDocumentError,
    TomError,
    FineError,
    ScopeError
);

/// What a door answers: the value, or a [`DoorError`]. (The door's own
/// functions spell out `Result<T, DoorError>`, so that mutation testing
/// sees a `Result` and replaces their answers with `Ok(...)` values.)
pub type DoorResult<T> = Result<T, DoorError>;

/// The core's serde JSON of `value`, as every door answers.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("the core's types serialise to JSON")
}
