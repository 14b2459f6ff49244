//! Triage and documents: facts in, verdict and documents out, as JSON.

use std::ffi::c_char;

use dsgvo_core::door::{breach, to_json};

use crate::boundary::{arg, boundary, give_string, opt_arg, out_param};
use crate::status::dsgvo_status;

/// Triages a breach: `facts_json` (`dsgvo.breach-facts/1`) and optional
/// `options_json` (NULL = defaults) in; the verdict JSON
/// (`dsgvo.verdict/1`) out through `verdict_out`, to be freed with
/// `dsgvo_string_free`. On failure `*verdict_out` is left unchanged.
///
/// # Safety
/// String arguments are NULL or NUL-terminated; `verdict_out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_triage(
    facts_json: *const c_char,
    options_json: *const c_char,
    verdict_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(verdict_out, "verdict_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (facts, options) = unsafe {
            (
                arg(facts_json, "facts_json")?,
                opt_arg(options_json, "options_json")?,
            )
        };
        let verdict = breach::triage(facts, options)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { give_string(verdict_out, verdict) }
    })
}

/// Every document for a breach (notification, form blocks, sample letter,
/// public communication, register entry, completeness check) as a JSON
/// array of `{"file_name", "content"}`. `now` (RFC 3339 with offset) is when
/// the notification is made; `delay_reasons` may be NULL (required when
/// late). Free the result with `dsgvo_string_free`.
///
/// # Safety
/// As [`dsgvo_triage`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_documents(
    facts_json: *const c_char,
    options_json: *const c_char,
    now: *const c_char,
    delay_reasons: *const c_char,
    documents_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(documents_out, "documents_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (facts, options, now, delay) = unsafe {
            (
                arg(facts_json, "facts_json")?,
                opt_arg(options_json, "options_json")?,
                arg(now, "now")?,
                opt_arg(delay_reasons, "delay_reasons")?,
            )
        };
        let docs = breach::documents(facts, options, now, delay)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(documents_out, to_json(&docs)) }
    })
}
