//! C ABI of `dsgvo` for C, ERP code and PHP FFI.
//!
//! Conventions (as `rustls-ffi`): every fallible function returns a
//! [`dsgvo_status`] and hands results out only through out-parameters and
//! only on success; every pointer is checked for NULL; strings the library
//! returns are freed with [`dsgvo_string_free`], case handles with
//! [`dsgvo_case_free`] (both accept NULL); after a failure
//! [`dsgvo_last_error`] names the problem (per thread); every export runs
//! inside a panic boundary, so a bug returns `DSGVO_STATUS_PANIC` and
//! prints nothing to the host's stderr. Aggregates cross as versioned JSON
//! built from the core's serde types; no business logic lives here.
//!
//! This crate is the only place where `unsafe` may appear; every block
//! carries a `// SAFETY:` comment.

mod boundary;
mod case;
mod handles;
mod letters;
mod scope;
mod status;
mod status_codes;
mod tom;
mod triage;

pub use boundary::{dsgvo_last_error, dsgvo_string_free};
pub use case::{
    dsgvo_case, dsgvo_case_anchor, dsgvo_case_apply, dsgvo_case_apply_at, dsgvo_case_check_anchor,
    dsgvo_case_documents, dsgvo_case_free, dsgvo_case_load, dsgvo_case_open, dsgvo_case_status,
    dsgvo_case_to_json, dsgvo_register_export,
};
pub use letters::{
    dsgvo_letter_run, dsgvo_letter_run_free, dsgvo_letter_run_new, dsgvo_letter_run_write,
};
pub use scope::{
    dsgvo_scope, dsgvo_scope_free, dsgvo_scope_from_state, dsgvo_scope_merge, dsgvo_scope_new,
    dsgvo_scope_push, dsgvo_scope_recipients, dsgvo_scope_report, dsgvo_scope_start_recipients,
    dsgvo_scope_state,
};
pub use status::{dsgvo_status, dsgvo_status_name};
pub use tom::{
    dsgvo_authorities, dsgvo_dpo_duty, dsgvo_fine_ceilings, dsgvo_fine_ceilings_for,
    dsgvo_tom_apply, dsgvo_tom_document, dsgvo_tom_evaluate, dsgvo_tom_import,
    dsgvo_tom_record_breach,
};
pub use triage::{dsgvo_documents, dsgvo_triage};

/// ABI version: raised on every incompatible change of the C interface.
pub const DSGVO_ABI_VERSION: u32 = 1;

/// NUL-terminated library version, e.g. `"0.1.0"`.
const VERSION_CSTR: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The ABI version of the loaded library. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_abi_version() -> u32 {
    DSGVO_ABI_VERSION
}

/// The library version as a static NUL-terminated string. The caller must
/// not free it. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_version() -> *const std::ffi::c_char {
    VERSION_CSTR.as_ptr().cast()
}

#[cfg(test)]
mod tests;
