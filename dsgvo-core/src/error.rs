//! Errors: every rejected input names the field (a JSON path such as
//! `data_subjects.count.min`) and what was wrong with it.

use std::fmt;

/// What kind of problem a [`FieldError`] reports. The names are stable and are
/// reused by the C and Python doors as error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The text is not JSON (or is truncated).
    Syntax,
    /// The input exceeds [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    TooLarge,
    /// The JSON nests deeper than the parser allows.
    TooDeep,
    /// A required field is missing.
    MissingField,
    /// A field that the contract does not define (often a typo).
    UnknownField,
    /// A value of the wrong JSON type (a string where a number belongs, ...).
    WrongType,
    /// A string that is not one of the values the contract allows.
    UnknownValue,
    /// The `schema` tag names a format or version this library does not read.
    UnsupportedSchema,
    /// A timestamp without a UTC offset.
    TimestampWithoutOffset,
    /// A value of the right type that is out of range or malformed.
    InvalidValue,
    /// Two fields that contradict each other (`aware_at` before
    /// `occurred.from`, a section without its breach type, ...).
    Inconsistent,
}

impl ErrorKind {
    /// The stable snake_case name of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::TooDeep => "too_deep",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::WrongType => "wrong_type",
            ErrorKind::UnknownValue => "unknown_value",
            ErrorKind::UnsupportedSchema => "unsupported_schema",
            ErrorKind::TimestampWithoutOffset => "timestamp_without_offset",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::Inconsistent => "inconsistent",
        }
    }
}

/// One problem with one field of the input.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// JSON path of the field, dot-separated, with `[i]` for array items;
    /// `.` for the document itself.
    pub path: String,
    /// What kind of problem it is.
    pub kind: ErrorKind,
    /// What was expected and what was found, in English.
    pub problem: String,
}

impl FieldError {
    pub(crate) fn new(
        path: impl Into<String>,
        kind: ErrorKind,
        problem: impl Into<String>,
    ) -> Self {
        FieldError {
            path: path.into(),
            kind,
            problem: problem.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

/// The input was rejected. Holds at least one [`FieldError`]; syntax and type
/// errors stop parsing at the first problem, consistency checks report all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// What the input was meant to be (`breach facts`, `assessment options`).
    pub document: &'static str,
    /// The problems, in document order. Never empty.
    pub errors: Vec<FieldError>,
}

impl InputError {
    pub(crate) fn single(document: &'static str, error: FieldError) -> Self {
        InputError {
            document,
            errors: vec![error],
        }
    }

    /// The first problem (there is always one).
    pub fn first(&self) -> &FieldError {
        &self.errors[0]
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {}", self.document, self.errors[0])?;
        if self.errors.len() > 1 {
            write!(f, " (and {} more)", self.errors.len() - 1)?;
        }
        Ok(())
    }
}
