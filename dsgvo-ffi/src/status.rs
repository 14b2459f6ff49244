//! Status codes: fixed numbers, grouped by area, never reused.

use std::ffi::CString;
use std::sync::LazyLock;

use dsgvo_core::ErrorCode;
use dsgvo_core::door::DoorError;

pub use crate::status_codes::dsgvo_status;

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

impl From<DoorError> for Failure {
    fn from(e: DoorError) -> Failure {
        Failure::new(dsgvo_status::from(e.code), e.message)
    }
}

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
