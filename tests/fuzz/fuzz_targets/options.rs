//! Assessment options (`options_json`) with fixed facts.
#![no_main]
use dsgvo_ffi::dsgvo_triage;
use dsgvo_fuzz::{FACTS, c, call, is_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = c(data);
    // SAFETY: NUL-terminated strings and a valid out-parameter.
    if let Ok(verdict) = call(|out| unsafe { dsgvo_triage(FACTS.as_ptr(), options.as_ptr(), out) })
    {
        is_json(&verdict);
    }
});
