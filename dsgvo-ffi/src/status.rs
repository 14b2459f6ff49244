//! Status codes: fixed numbers, grouped by area, never reused.

use std::ffi::CString;
use std::sync::LazyLock;

use dsgvo_core::case::{CaseDocumentError, CaseError};
use dsgvo_core::document::DocumentError;
use dsgvo_core::fine::FineError;
use dsgvo_core::tom::TomError;
use dsgvo_core::{Coded, ErrorCode, InputError};

/// The result of every fallible function. `DSGVO_OK` is 0; the hundreds
/// group the areas: 1xx arguments, 2xx JSON input, 3xx cases, 4xx
/// documents, 5xx TOMs, 9xx the library itself. Numbers are never reused.
/// After any failure `dsgvo_last_error()` says what went wrong.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum dsgvo_status {
    /// Success.
    DSGVO_OK = 0,
    /// A required pointer argument was NULL.
    DSGVO_STATUS_NULL_ARGUMENT = 100,
    /// A string argument is not valid UTF-8.
    DSGVO_STATUS_INVALID_UTF8 = 101,
    /// A handle that was freed, or is not a handle of this library.
    DSGVO_STATUS_INVALID_HANDLE = 102,
    /// An argument outside its allowed values (a language, a format, a date).
    DSGVO_STATUS_INVALID_ARGUMENT = 103,
    /// The text is not JSON (or is truncated).
    DSGVO_STATUS_JSON_SYNTAX = 200,
    /// The JSON is larger than the library accepts.
    DSGVO_STATUS_JSON_TOO_LARGE = 201,
    /// The JSON nests too deeply.
    DSGVO_STATUS_JSON_TOO_DEEP = 202,
    /// A required field is missing.
    DSGVO_STATUS_MISSING_FIELD = 203,
    /// A field the contract does not define.
    DSGVO_STATUS_UNKNOWN_FIELD = 204,
    /// A value of the wrong JSON type.
    DSGVO_STATUS_WRONG_TYPE = 205,
    /// A string that is not one of the allowed values.
    DSGVO_STATUS_UNKNOWN_VALUE = 206,
    /// The `schema` names a format or version this library does not read.
    DSGVO_STATUS_UNSUPPORTED_SCHEMA = 207,
    /// A timestamp without a UTC offset.
    DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET = 208,
    /// A value out of range or malformed.
    DSGVO_STATUS_INVALID_VALUE = 209,
    /// Two fields contradict each other.
    DSGVO_STATUS_INCONSISTENT = 210,
    /// The case's rules refuse the action in its current state.
    DSGVO_STATUS_CASE_REFUSED = 300,
    /// The action is back-dated beyond the tolerance.
    DSGVO_STATUS_CASE_BACKDATED = 301,
    /// A command is malformed (blank actor, invalid facts, ...).
    DSGVO_STATUS_CASE_INVALID_COMMAND = 302,
    /// A stored case failed verification (hash chain, sequence, rules).
    DSGVO_STATUS_CASE_BROKEN_CHAIN = 303,
    /// The case has no assessment yet.
    DSGVO_STATUS_CASE_NOT_ASSESSED = 304,
    /// This library would decide differently from the decision in the log.
    DSGVO_STATUS_CASE_DECISION_CHANGED = 305,
    /// A template failed to parse or render.
    DSGVO_STATUS_DOCUMENT_TEMPLATE = 400,
    /// A late notification needs the reasons for the delay.
    DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED = 401,
    /// A supplement needs the authority's reference.
    DSGVO_STATUS_DOCUMENT_SUPPLEMENT_WITHOUT_REFERENCE = 402,
    /// `now` lies before the awareness.
    DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS = 403,
    /// A recipient of a letter is invalid.
    DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT = 404,
    /// A TOM item action is not allowed in the item's state.
    DSGVO_STATUS_TOM_REFUSED = 500,
    /// A field of a TOM item action is missing or invalid.
    DSGVO_STATUS_TOM_INVALID_ACTION = 501,
    /// No TOM item has this id.
    DSGVO_STATUS_TOM_UNKNOWN_ITEM = 502,
    /// A TOM item with this id exists already.
    DSGVO_STATUS_TOM_DUPLICATE_ITEM = 503,
    /// A bug in the library was caught; the call had no effect on the host.
    DSGVO_STATUS_PANIC = 900,
}

/// A failure: its status and its message.
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: dsgvo_status,
    pub message: String,
}

impl Failure {
    pub(crate) fn new(status: dsgvo_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }
}

impl Failure {
    /// The failure of a core error: its code and its message.
    pub(crate) fn of<E: Coded + std::fmt::Display>(e: &E) -> Failure {
        Failure::new(dsgvo_status::from(e.code()), e.to_string())
    }
}

impl From<ErrorCode> for dsgvo_status {
    fn from(code: ErrorCode) -> dsgvo_status {
        use dsgvo_status::*;
        match code {
            ErrorCode::NullArgument => DSGVO_STATUS_NULL_ARGUMENT,
            ErrorCode::InvalidUtf8 => DSGVO_STATUS_INVALID_UTF8,
            ErrorCode::InvalidHandle => DSGVO_STATUS_INVALID_HANDLE,
            ErrorCode::InvalidArgument => DSGVO_STATUS_INVALID_ARGUMENT,
            ErrorCode::JsonSyntax => DSGVO_STATUS_JSON_SYNTAX,
            ErrorCode::JsonTooLarge => DSGVO_STATUS_JSON_TOO_LARGE,
            ErrorCode::JsonTooDeep => DSGVO_STATUS_JSON_TOO_DEEP,
            ErrorCode::MissingField => DSGVO_STATUS_MISSING_FIELD,
            ErrorCode::UnknownField => DSGVO_STATUS_UNKNOWN_FIELD,
            ErrorCode::WrongType => DSGVO_STATUS_WRONG_TYPE,
            ErrorCode::UnknownValue => DSGVO_STATUS_UNKNOWN_VALUE,
            ErrorCode::UnsupportedSchema => DSGVO_STATUS_UNSUPPORTED_SCHEMA,
            ErrorCode::TimestampWithoutOffset => DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET,
            ErrorCode::InvalidValue => DSGVO_STATUS_INVALID_VALUE,
            ErrorCode::Inconsistent => DSGVO_STATUS_INCONSISTENT,
            ErrorCode::CaseRefused => DSGVO_STATUS_CASE_REFUSED,
            ErrorCode::CaseBackdated => DSGVO_STATUS_CASE_BACKDATED,
            ErrorCode::CaseInvalidCommand => DSGVO_STATUS_CASE_INVALID_COMMAND,
            ErrorCode::CaseBrokenChain => DSGVO_STATUS_CASE_BROKEN_CHAIN,
            ErrorCode::CaseNotAssessed => DSGVO_STATUS_CASE_NOT_ASSESSED,
            ErrorCode::CaseDecisionChanged => DSGVO_STATUS_CASE_DECISION_CHANGED,
            ErrorCode::DocumentTemplate => DSGVO_STATUS_DOCUMENT_TEMPLATE,
            ErrorCode::DocumentDelayReasonsRequired => DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED,
            ErrorCode::DocumentSupplementWithoutReference => {
                DSGVO_STATUS_DOCUMENT_SUPPLEMENT_WITHOUT_REFERENCE
            }
            ErrorCode::DocumentNowBeforeAwareness => DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS,
            ErrorCode::DocumentInvalidRecipient => DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT,
            ErrorCode::TomRefused => DSGVO_STATUS_TOM_REFUSED,
            ErrorCode::TomInvalidAction => DSGVO_STATUS_TOM_INVALID_ACTION,
            ErrorCode::TomUnknownItem => DSGVO_STATUS_TOM_UNKNOWN_ITEM,
            ErrorCode::TomDuplicateItem => DSGVO_STATUS_TOM_DUPLICATE_ITEM,
            ErrorCode::Panic => DSGVO_STATUS_PANIC,
        }
    }
}

macro_rules! from_core {
    ($($error:ty),+) => {$(
        impl From<$error> for Failure {
            fn from(e: $error) -> Failure {
                Failure::of(&e)
            }
        }
    )+};
}

from_core!(
    InputError,
    CaseError,
    DocumentError,
    CaseDocumentError,
    TomError,
    FineError
);

/// NUL-terminated names, built once from the core's codes.
static NAMES: LazyLock<Vec<(u32, CString)>> = LazyLock::new(|| {
    ErrorCode::ALL
        .iter()
        .map(|c| {
            (
                c.number(),
                CString::new(c.name()).expect("names have no NUL"),
            )
        })
        .collect()
});

/// The name of a status (`"DSGVO_STATUS_CASE_REFUSED"`), as a static string
/// the caller must not free; `"DSGVO_STATUS_UNKNOWN"` for a number this
/// library does not define. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_status_name(status: u32) -> *const std::ffi::c_char {
    if status == 0 {
        return c"DSGVO_OK".as_ptr();
    }
    NAMES
        .iter()
        .find(|(n, _)| *n == status)
        .map(|(_, name)| name.as_ptr())
        .unwrap_or(c"DSGVO_STATUS_UNKNOWN".as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_code_has_its_status_with_the_same_number() {
        for code in ErrorCode::ALL {
            assert_eq!(dsgvo_status::from(*code) as u32, code.number(), "{code:?}");
        }
    }
}
