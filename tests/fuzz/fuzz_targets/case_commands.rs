//! Case commands, one per line, applied to a freshly opened case: a refused
//! command leaves the case unchanged; whatever was applied is written out
//! and loads again unchanged.
#![no_main]
use std::ffi::CString;
use std::ptr::null_mut;

use dsgvo_ffi::{
    dsgvo_case, dsgvo_case_apply, dsgvo_case_free, dsgvo_case_load, dsgvo_case_open,
    dsgvo_case_status, dsgvo_case_to_json,
};
use dsgvo_fuzz::{FACTS, NOW, c, call, finish};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut case: *mut dsgvo_case = null_mut();
    // SAFETY: NUL-terminated strings, valid out-parameters, a live handle
    // until the one free at the end.
    unsafe {
        let status = dsgvo_case_open(
            c"2026-017".as_ptr(),
            FACTS.as_ptr(),
            c"2026-11-20T09:20:00+01:00".as_ptr(),
            c"DSB".as_ptr(),
            &mut case,
        );
        finish(status, case.is_null(), || ()).expect("the fixed case opens");
        for line in data.split(|&b| b == b'\n').take(64) {
            let command = c(line);
            let before = call(|out| dsgvo_case_to_json(case, out)).unwrap();
            let applied = call(|out| dsgvo_case_apply(case, command.as_ptr(), 300, out));
            let after = call(|out| dsgvo_case_to_json(case, out)).unwrap();
            if applied.is_err() {
                assert_eq!(before, after, "a refused command changes nothing");
            }
        }
        let _ = call(|out| dsgvo_case_status(case, NOW.as_ptr(), out));
        let json = call(|out| dsgvo_case_to_json(case, out)).unwrap();
        dsgvo_case_free(case);
        let text = CString::new(json.clone()).unwrap();
        let mut again: *mut dsgvo_case = null_mut();
        let status = dsgvo_case_load(text.as_ptr(), 300, &mut again);
        finish(status, again.is_null(), || ()).expect("a case the library wrote loads");
        let json2 = call(|out| dsgvo_case_to_json(again, out)).unwrap();
        assert_eq!(json, json2, "load and write back is lossless");
        dsgvo_case_free(again);
    }
});
