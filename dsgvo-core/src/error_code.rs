//! One stable code for every way a call into the library can fail, with a
//! fixed number. This list is the single source: the C ABI's `dsgvo_status`
//! (`dsgvo-ffi/src/status_codes.rs`) and the Python exception classes
//! (`dsgvo-py/python/dsgvo/_codes.py`) are generated from it by
//! `UPDATE_GENERATED=1 cargo test -p dsgvo-core --test generated`, and that test fails
//! while they differ. Adding a failure is one line here plus that command.

use crate::case::{CaseDocumentError, CaseError};
use crate::document::DocumentError;
use crate::error::{ErrorKind, InputError};
use crate::fine::FineError;
use crate::scope::ScopeError;
use crate::tom::TomError;

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $number:literal, $name:literal, $class:literal;)+) => {
        /// A failure's stable code. Numbers group the areas (1xx arguments
        /// at the doors, 2xx JSON input, 3xx cases, 4xx documents, 5xx
        /// TOMs, 9xx the library itself) and are never reused.
        ///
        /// ```
        /// use dsgvo_core::{BreachFacts, ErrorCode, Coded};
        /// let err = BreachFacts::from_json("{").unwrap_err();
        /// assert_eq!(err.code(), ErrorCode::JsonSyntax);
        /// assert_eq!((err.code().number(), err.code().name()), (200, "DSGVO_STATUS_JSON_SYNTAX"));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorCode { $($(#[doc = $doc])* $variant),+ }

        impl ErrorCode {
            /// Every code.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The fixed number (the C ABI's `dsgvo_status`).
            pub fn number(self) -> u32 {
                match self { $(ErrorCode::$variant => $number),+ }
            }

            /// The name (`DSGVO_STATUS_UNKNOWN_VALUE`), as in C and Python.
            pub fn name(self) -> &'static str {
                match self { $(ErrorCode::$variant => $name),+ }
            }

            /// The Python exception class of this code (`CaseRefusedError`).
            pub fn python_class(self) -> &'static str {
                match self { $(ErrorCode::$variant => $class),+ }
            }

            /// What the failure means, in one sentence (the generated C and
            /// Python documentation use it).
            pub fn meaning(self) -> &'static str {
                match self { $(ErrorCode::$variant => concat!($($doc),*)),+ }
            }

            /// The variant's name (`CaseRefused`), for generated code.
            pub fn variant(self) -> &'static str {
                match self { $(ErrorCode::$variant => stringify!($variant)),+ }
            }

            /// The code with `number`, if there is one.
            pub fn from_number(number: u32) -> Option<ErrorCode> {
                ErrorCode::ALL.iter().copied().find(|c| c.number() == number)
            }
        }
    };
}

codes! {
    /// A required argument is missing (a NULL pointer in C, `None` in Python).
    NullArgument = 100, "DSGVO_STATUS_NULL_ARGUMENT", "NullArgumentError";
    /// A string argument is not valid UTF-8.
    InvalidUtf8 = 101, "DSGVO_STATUS_INVALID_UTF8", "InvalidUtf8Error";
    /// A handle that was freed, or is not one of this library's.
    InvalidHandle = 102, "DSGVO_STATUS_INVALID_HANDLE", "InvalidHandleError";
    /// An argument outside its allowed values (a language, a format, a
    /// date, a naive datetime).
    InvalidArgument = 103, "DSGVO_STATUS_INVALID_ARGUMENT", "InvalidArgumentError";
    /// The text is not JSON (or is truncated).
    JsonSyntax = 200, "DSGVO_STATUS_JSON_SYNTAX", "JsonSyntaxError";
    /// The JSON is larger than the library accepts.
    JsonTooLarge = 201, "DSGVO_STATUS_JSON_TOO_LARGE", "JsonTooLargeError";
    /// The JSON nests too deeply.
    JsonTooDeep = 202, "DSGVO_STATUS_JSON_TOO_DEEP", "JsonTooDeepError";
    /// A required field is missing.
    MissingField = 203, "DSGVO_STATUS_MISSING_FIELD", "MissingFieldError";
    /// A field the contract does not define.
    UnknownField = 204, "DSGVO_STATUS_UNKNOWN_FIELD", "UnknownFieldError";
    /// A value of the wrong JSON type.
    WrongType = 205, "DSGVO_STATUS_WRONG_TYPE", "WrongTypeError";
    /// A string that is not one of the allowed values.
    UnknownValue = 206, "DSGVO_STATUS_UNKNOWN_VALUE", "UnknownValueError";
    /// The `schema` names a format or version this library does not read.
    UnsupportedSchema = 207, "DSGVO_STATUS_UNSUPPORTED_SCHEMA", "UnsupportedSchemaError";
    /// A timestamp without a UTC offset.
    TimestampWithoutOffset = 208, "DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET", "TimestampWithoutOffsetError";
    /// A value out of range or malformed.
    InvalidValue = 209, "DSGVO_STATUS_INVALID_VALUE", "InvalidValueError";
    /// Two fields contradict each other.
    Inconsistent = 210, "DSGVO_STATUS_INCONSISTENT", "InconsistentError";
    /// The case's rules refuse the action in its current state.
    CaseRefused = 300, "DSGVO_STATUS_CASE_REFUSED", "CaseRefusedError";
    /// The action is back-dated beyond the tolerance.
    CaseBackdated = 301, "DSGVO_STATUS_CASE_BACKDATED", "CaseBackdatedError";
    /// A command is malformed (blank actor, invalid facts, ...).
    CaseInvalidCommand = 302, "DSGVO_STATUS_CASE_INVALID_COMMAND", "CaseInvalidCommandError";
    /// A stored case failed verification (hash chain, sequence, rules).
    CaseBrokenChain = 303, "DSGVO_STATUS_CASE_BROKEN_CHAIN", "CaseBrokenChainError";
    /// The case has no assessment yet.
    CaseNotAssessed = 304, "DSGVO_STATUS_CASE_NOT_ASSESSED", "CaseNotAssessedError";
    /// This library would decide differently from the decision in the log.
    CaseDecisionChanged = 305, "DSGVO_STATUS_CASE_DECISION_CHANGED", "CaseDecisionChangedError";
    /// The register holds a case id twice.
    CaseDuplicate = 306, "DSGVO_STATUS_CASE_DUPLICATE", "CaseDuplicateError";
    /// A template failed to parse or render.
    DocumentTemplate = 400, "DSGVO_STATUS_DOCUMENT_TEMPLATE", "TemplateError";
    /// A late notification needs the reasons for the delay.
    DocumentDelayReasonsRequired = 401, "DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED", "DelayReasonsRequiredError";
    /// A supplement needs the authority's reference.
    DocumentSupplementWithoutReference = 402, "DSGVO_STATUS_DOCUMENT_SUPPLEMENT_WITHOUT_REFERENCE", "SupplementWithoutReferenceError";
    /// `now` lies before the awareness.
    DocumentNowBeforeAwareness = 403, "DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS", "NowBeforeAwarenessError";
    /// A recipient of a letter is invalid.
    DocumentInvalidRecipient = 404, "DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT", "InvalidRecipientError";
    /// A TOM item action is not allowed in the item's state.
    TomRefused = 500, "DSGVO_STATUS_TOM_REFUSED", "TomRefusedError";
    /// A field of a TOM item action is missing or invalid.
    TomInvalidAction = 501, "DSGVO_STATUS_TOM_INVALID_ACTION", "TomInvalidActionError";
    /// No TOM item has this id.
    TomUnknownItem = 502, "DSGVO_STATUS_TOM_UNKNOWN_ITEM", "TomUnknownItemError";
    /// A TOM item with this id exists already.
    TomDuplicateItem = 503, "DSGVO_STATUS_TOM_DUPLICATE_ITEM", "TomDuplicateItemError";
    /// The table has no header row.
    ScopeEmpty = 600, "DSGVO_STATUS_SCOPE_EMPTY", "ScopeEmptyError";
    /// A column named in the scoping options (key, window, override) is not
    /// in the table's header.
    ScopeMissingColumn = 601, "DSGVO_STATUS_SCOPE_MISSING_COLUMN", "ScopeMissingColumnError";
    /// Two columns of the table have the same header.
    ScopeDuplicateColumn = 602, "DSGVO_STATUS_SCOPE_DUPLICATE_COLUMN", "ScopeDuplicateColumnError";
    /// The window column holds no date.
    ScopeWindowNotDates = 603, "DSGVO_STATUS_SCOPE_WINDOW_NOT_DATES", "ScopeWindowNotDatesError";
    /// The table's text is not UTF-8 (a Latin-1 export?).
    ScopeNotUtf8 = 604, "DSGVO_STATUS_SCOPE_NOT_UTF8", "ScopeNotUtf8Error";
    /// Scoped parts of a table with other headers or options do not merge.
    ScopeMismatch = 605, "DSGVO_STATUS_SCOPE_MISMATCH", "ScopeMismatchError";
    /// The table could not be read (the reader failed, or its first line is
    /// no header).
    ScopeUnreadable = 606, "DSGVO_STATUS_SCOPE_UNREADABLE", "ScopeUnreadableError";
    /// A bug in the library was caught at the door; the call had no effect
    /// on the host.
    Panic = 900, "DSGVO_STATUS_PANIC", "InternalError";
}

/// An error with a stable [`ErrorCode`].
pub trait Coded {
    /// The error's code.
    fn code(&self) -> ErrorCode;
}

impl Coded for InputError {
    fn code(&self) -> ErrorCode {
        match self.first().kind {
            ErrorKind::Syntax => ErrorCode::JsonSyntax,
            ErrorKind::TooLarge => ErrorCode::JsonTooLarge,
            ErrorKind::TooDeep => ErrorCode::JsonTooDeep,
            ErrorKind::MissingField => ErrorCode::MissingField,
            ErrorKind::UnknownField => ErrorCode::UnknownField,
            ErrorKind::WrongType => ErrorCode::WrongType,
            ErrorKind::UnknownValue => ErrorCode::UnknownValue,
            ErrorKind::UnsupportedSchema => ErrorCode::UnsupportedSchema,
            ErrorKind::TimestampWithoutOffset => ErrorCode::TimestampWithoutOffset,
            ErrorKind::InvalidValue => ErrorCode::InvalidValue,
            ErrorKind::Inconsistent => ErrorCode::Inconsistent,
        }
    }
}

impl Coded for ScopeError {
    fn code(&self) -> ErrorCode {
        match self {
            ScopeError::Empty => ErrorCode::ScopeEmpty,
            ScopeError::MissingColumn { .. } => ErrorCode::ScopeMissingColumn,
            ScopeError::DuplicateColumn { .. } => ErrorCode::ScopeDuplicateColumn,
            ScopeError::WindowNotDates { .. } => ErrorCode::ScopeWindowNotDates,
            ScopeError::NotUtf8 { .. } => ErrorCode::ScopeNotUtf8,
            ScopeError::Mismatch(_) => ErrorCode::ScopeMismatch,
            ScopeError::Read(_) | ScopeError::Header { .. } => ErrorCode::ScopeUnreadable,
        }
    }
}

impl Coded for CaseError {
    fn code(&self) -> ErrorCode {
        match self {
            CaseError::Refused(_) => ErrorCode::CaseRefused,
            CaseError::Backdated { .. } => ErrorCode::CaseBackdated,
            CaseError::InvalidCommand { .. } => ErrorCode::CaseInvalidCommand,
            CaseError::BrokenChain { .. } => ErrorCode::CaseBrokenChain,
            CaseError::Duplicate { .. } => ErrorCode::CaseDuplicate,
            CaseError::Input(i) => i.code(),
        }
    }
}

impl Coded for DocumentError {
    fn code(&self) -> ErrorCode {
        match self {
            DocumentError::Template { .. } => ErrorCode::DocumentTemplate,
            DocumentError::DelayReasonsRequired { .. } => ErrorCode::DocumentDelayReasonsRequired,
            DocumentError::SupplementWithoutReference => {
                ErrorCode::DocumentSupplementWithoutReference
            }
            DocumentError::NowBeforeAwareness { .. } => ErrorCode::DocumentNowBeforeAwareness,
            DocumentError::InvalidRecipient { .. } => ErrorCode::DocumentInvalidRecipient,
        }
    }
}

impl Coded for CaseDocumentError {
    fn code(&self) -> ErrorCode {
        match self {
            CaseDocumentError::NotAssessed => ErrorCode::CaseNotAssessed,
            CaseDocumentError::DecisionChanged { .. } => ErrorCode::CaseDecisionChanged,
            CaseDocumentError::Document(d) => d.code(),
        }
    }
}

impl Coded for TomError {
    fn code(&self) -> ErrorCode {
        match self {
            TomError::Refused { .. } => ErrorCode::TomRefused,
            TomError::InvalidAction { .. } => ErrorCode::TomInvalidAction,
            TomError::UnknownItem { .. } => ErrorCode::TomUnknownItem,
            TomError::DuplicateItem { .. } => ErrorCode::TomDuplicateItem,
        }
    }
}

impl Coded for FineError {
    fn code(&self) -> ErrorCode {
        match self {
            FineError::UndertakingBelowOwn { .. } | FineError::NotInGroupButDifferent { .. } => {
                ErrorCode::Inconsistent
            }
        }
    }
}
