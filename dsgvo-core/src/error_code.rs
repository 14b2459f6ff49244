//! One stable code for every way a call into the library can fail, with a
//! fixed number. The C ABI's status numbers and the Python exceptions' code
//! names both come from here, so every door names a failure the same way.

use crate::case::{CaseDocumentError, CaseError};
use crate::document::DocumentError;
use crate::error::{ErrorKind, InputError};
use crate::fine::FineError;
use crate::tom::TomError;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $number:literal, $name:literal;)+) => {
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
        pub enum ErrorCode { $($(#[$doc])* $variant),+ }

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

            /// The code with `number`, if there is one.
            pub fn from_number(number: u32) -> Option<ErrorCode> {
                ErrorCode::ALL.iter().copied().find(|c| c.number() == number)
            }
        }
    };
}

codes! {
    /// A required pointer argument was NULL (C).
    NullArgument = 100, "DSGVO_STATUS_NULL_ARGUMENT";
    /// A string argument is not valid UTF-8 (C).
    InvalidUtf8 = 101, "DSGVO_STATUS_INVALID_UTF8";
    /// A handle that was freed, or is not one of this library's.
    InvalidHandle = 102, "DSGVO_STATUS_INVALID_HANDLE";
    /// An argument outside its allowed values (a language, a format, a
    /// date, a naive datetime).
    InvalidArgument = 103, "DSGVO_STATUS_INVALID_ARGUMENT";
    /// The text is not JSON (or is truncated).
    JsonSyntax = 200, "DSGVO_STATUS_JSON_SYNTAX";
    /// The JSON is larger than the library accepts.
    JsonTooLarge = 201, "DSGVO_STATUS_JSON_TOO_LARGE";
    /// The JSON nests too deeply.
    JsonTooDeep = 202, "DSGVO_STATUS_JSON_TOO_DEEP";
    /// A required field is missing.
    MissingField = 203, "DSGVO_STATUS_MISSING_FIELD";
    /// A field the contract does not define.
    UnknownField = 204, "DSGVO_STATUS_UNKNOWN_FIELD";
    /// A value of the wrong JSON type.
    WrongType = 205, "DSGVO_STATUS_WRONG_TYPE";
    /// A string that is not one of the allowed values.
    UnknownValue = 206, "DSGVO_STATUS_UNKNOWN_VALUE";
    /// The `schema` names a format or version this library does not read.
    UnsupportedSchema = 207, "DSGVO_STATUS_UNSUPPORTED_SCHEMA";
    /// A timestamp without a UTC offset.
    TimestampWithoutOffset = 208, "DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET";
    /// A value out of range or malformed.
    InvalidValue = 209, "DSGVO_STATUS_INVALID_VALUE";
    /// Two fields contradict each other.
    Inconsistent = 210, "DSGVO_STATUS_INCONSISTENT";
    /// The case's rules refuse the action in its current state.
    CaseRefused = 300, "DSGVO_STATUS_CASE_REFUSED";
    /// The action is back-dated beyond the tolerance.
    CaseBackdated = 301, "DSGVO_STATUS_CASE_BACKDATED";
    /// A command is malformed (blank actor, invalid facts, ...).
    CaseInvalidCommand = 302, "DSGVO_STATUS_CASE_INVALID_COMMAND";
    /// A stored case failed verification (hash chain, sequence, rules).
    CaseBrokenChain = 303, "DSGVO_STATUS_CASE_BROKEN_CHAIN";
    /// The case has no assessment yet.
    CaseNotAssessed = 304, "DSGVO_STATUS_CASE_NOT_ASSESSED";
    /// This library would decide differently from the decision in the log.
    CaseDecisionChanged = 305, "DSGVO_STATUS_CASE_DECISION_CHANGED";
    /// A template failed to parse or render.
    DocumentTemplate = 400, "DSGVO_STATUS_DOCUMENT_TEMPLATE";
    /// A late notification needs the reasons for the delay.
    DocumentDelayReasonsRequired = 401, "DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED";
    /// A supplement needs the authority's reference.
    DocumentSupplementWithoutReference = 402, "DSGVO_STATUS_DOCUMENT_SUPPLEMENT_WITHOUT_REFERENCE";
    /// `now` lies before the awareness.
    DocumentNowBeforeAwareness = 403, "DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS";
    /// A recipient of a letter is invalid.
    DocumentInvalidRecipient = 404, "DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT";
    /// A TOM item action is not allowed in the item's state.
    TomRefused = 500, "DSGVO_STATUS_TOM_REFUSED";
    /// A field of a TOM item action is missing or invalid.
    TomInvalidAction = 501, "DSGVO_STATUS_TOM_INVALID_ACTION";
    /// No TOM item has this id.
    TomUnknownItem = 502, "DSGVO_STATUS_TOM_UNKNOWN_ITEM";
    /// A TOM item with this id exists already.
    TomDuplicateItem = 503, "DSGVO_STATUS_TOM_DUPLICATE_ITEM";
    /// A bug in the library was caught at a door.
    Panic = 900, "DSGVO_STATUS_PANIC";
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

impl Coded for CaseError {
    fn code(&self) -> ErrorCode {
        match self {
            CaseError::Refused(_) => ErrorCode::CaseRefused,
            CaseError::Backdated { .. } => ErrorCode::CaseBackdated,
            CaseError::InvalidCommand { .. } => ErrorCode::CaseInvalidCommand,
            CaseError::BrokenChain { .. } => ErrorCode::CaseBrokenChain,
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
