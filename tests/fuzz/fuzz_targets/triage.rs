//! Breach facts through `dsgvo_triage` and `dsgvo_documents`: the same
//! facts give the same verdict; valid facts give JSON documents or a named
//! error.
#![no_main]
use std::ptr::null;

use dsgvo_ffi::{dsgvo_documents, dsgvo_triage};
use dsgvo_fuzz::{NOW, c, call, is_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let facts = c(data);
    // SAFETY: NUL-terminated strings and a valid out-parameter.
    let first = call(|out| unsafe { dsgvo_triage(facts.as_ptr(), null(), out) });
    let Ok(verdict) = first else { return };
    is_json(&verdict);
    // SAFETY: as above.
    let again = call(|out| unsafe { dsgvo_triage(facts.as_ptr(), null(), out) });
    assert_eq!(
        again.as_deref(),
        Ok(verdict.as_str()),
        "triage is deterministic"
    );
    // SAFETY: as above.
    if let Ok(docs) = call(|out| unsafe {
        dsgvo_documents(
            facts.as_ptr(),
            null(),
            NOW.as_ptr(),
            c"Forensik".as_ptr(),
            out,
        )
    }) {
        is_json(&docs);
    }
});
