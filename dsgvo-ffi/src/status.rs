//! Status codes: fixed numbers, grouped by area, never reused.

use dsgvo_core::ErrorKind;
use dsgvo_core::InputError;
use dsgvo_core::case::{CaseDocumentError, CaseError};
use dsgvo_core::document::DocumentError;
use dsgvo_core::tom::TomError;

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

use dsgvo_status::*;

impl From<InputError> for Failure {
    fn from(e: InputError) -> Failure {
        let status = match e.first().kind {
            ErrorKind::Syntax => DSGVO_STATUS_JSON_SYNTAX,
            ErrorKind::TooLarge => DSGVO_STATUS_JSON_TOO_LARGE,
            ErrorKind::TooDeep => DSGVO_STATUS_JSON_TOO_DEEP,
            ErrorKind::MissingField => DSGVO_STATUS_MISSING_FIELD,
            ErrorKind::UnknownField => DSGVO_STATUS_UNKNOWN_FIELD,
            ErrorKind::WrongType => DSGVO_STATUS_WRONG_TYPE,
            ErrorKind::UnknownValue => DSGVO_STATUS_UNKNOWN_VALUE,
            ErrorKind::UnsupportedSchema => DSGVO_STATUS_UNSUPPORTED_SCHEMA,
            ErrorKind::TimestampWithoutOffset => DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET,
            ErrorKind::InvalidValue => DSGVO_STATUS_INVALID_VALUE,
            ErrorKind::Inconsistent => DSGVO_STATUS_INCONSISTENT,
        };
        Failure::new(status, e.to_string())
    }
}

impl From<CaseError> for Failure {
    fn from(e: CaseError) -> Failure {
        let status = match &e {
            CaseError::Refused(_) => DSGVO_STATUS_CASE_REFUSED,
            CaseError::Backdated { .. } => DSGVO_STATUS_CASE_BACKDATED,
            CaseError::InvalidCommand { .. } => DSGVO_STATUS_CASE_INVALID_COMMAND,
            CaseError::BrokenChain { .. } => DSGVO_STATUS_CASE_BROKEN_CHAIN,
            CaseError::Input(i) => return Failure::from(i.clone()),
        };
        Failure::new(status, e.to_string())
    }
}

impl From<DocumentError> for Failure {
    fn from(e: DocumentError) -> Failure {
        let status = match &e {
            DocumentError::Template { .. } => DSGVO_STATUS_DOCUMENT_TEMPLATE,
            DocumentError::DelayReasonsRequired { .. } => {
                DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED
            }
            DocumentError::SupplementWithoutReference => {
                DSGVO_STATUS_DOCUMENT_SUPPLEMENT_WITHOUT_REFERENCE
            }
            DocumentError::NowBeforeAwareness { .. } => DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS,
            DocumentError::InvalidRecipient { .. } => DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT,
        };
        Failure::new(status, e.to_string())
    }
}

impl From<CaseDocumentError> for Failure {
    fn from(e: CaseDocumentError) -> Failure {
        match e {
            CaseDocumentError::NotAssessed => {
                Failure::new(DSGVO_STATUS_CASE_NOT_ASSESSED, e.to_string())
            }
            CaseDocumentError::DecisionChanged { .. } => {
                Failure::new(DSGVO_STATUS_CASE_DECISION_CHANGED, e.to_string())
            }
            CaseDocumentError::Document(d) => Failure::from(d),
        }
    }
}

impl From<TomError> for Failure {
    fn from(e: TomError) -> Failure {
        let status = match &e {
            TomError::Refused { .. } => DSGVO_STATUS_TOM_REFUSED,
            TomError::InvalidAction { .. } => DSGVO_STATUS_TOM_INVALID_ACTION,
            TomError::UnknownItem { .. } => DSGVO_STATUS_TOM_UNKNOWN_ITEM,
            TomError::DuplicateItem { .. } => DSGVO_STATUS_TOM_DUPLICATE_ITEM,
        };
        Failure::new(status, e.to_string())
    }
}

/// The name of a status (`"DSGVO_STATUS_CASE_REFUSED"`), as a static string
/// the caller must not free; `"DSGVO_STATUS_UNKNOWN"` for a number this
/// library does not define. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_status_name(status: u32) -> *const std::ffi::c_char {
    let name: &'static str = match status {
        0 => "DSGVO_OK\0",
        100 => "DSGVO_STATUS_NULL_ARGUMENT\0",
        101 => "DSGVO_STATUS_INVALID_UTF8\0",
        102 => "DSGVO_STATUS_INVALID_HANDLE\0",
        103 => "DSGVO_STATUS_INVALID_ARGUMENT\0",
        200 => "DSGVO_STATUS_JSON_SYNTAX\0",
        201 => "DSGVO_STATUS_JSON_TOO_LARGE\0",
        202 => "DSGVO_STATUS_JSON_TOO_DEEP\0",
        203 => "DSGVO_STATUS_MISSING_FIELD\0",
        204 => "DSGVO_STATUS_UNKNOWN_FIELD\0",
        205 => "DSGVO_STATUS_WRONG_TYPE\0",
        206 => "DSGVO_STATUS_UNKNOWN_VALUE\0",
        207 => "DSGVO_STATUS_UNSUPPORTED_SCHEMA\0",
        208 => "DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET\0",
        209 => "DSGVO_STATUS_INVALID_VALUE\0",
        210 => "DSGVO_STATUS_INCONSISTENT\0",
        300 => "DSGVO_STATUS_CASE_REFUSED\0",
        301 => "DSGVO_STATUS_CASE_BACKDATED\0",
        302 => "DSGVO_STATUS_CASE_INVALID_COMMAND\0",
        303 => "DSGVO_STATUS_CASE_BROKEN_CHAIN\0",
        304 => "DSGVO_STATUS_CASE_NOT_ASSESSED\0",
        305 => "DSGVO_STATUS_CASE_DECISION_CHANGED\0",
        400 => "DSGVO_STATUS_DOCUMENT_TEMPLATE\0",
        401 => "DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED\0",
        402 => "DSGVO_STATUS_DOCUMENT_SUPPLEMENT_WITHOUT_REFERENCE\0",
        403 => "DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS\0",
        404 => "DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT\0",
        500 => "DSGVO_STATUS_TOM_REFUSED\0",
        501 => "DSGVO_STATUS_TOM_INVALID_ACTION\0",
        502 => "DSGVO_STATUS_TOM_UNKNOWN_ITEM\0",
        503 => "DSGVO_STATUS_TOM_DUPLICATE_ITEM\0",
        900 => "DSGVO_STATUS_PANIC\0",
        _ => "DSGVO_STATUS_UNKNOWN\0",
    };
    name.as_ptr().cast()
}
