//! Stored case files (`dsgvo.case/2`) through `dsgvo_case_load`: a file
//! that loads is written back unchanged by `dsgvo_case_to_json` and loads
//! again; the register of that one case exports in every format.
#![no_main]
use std::ffi::CString;
use std::ptr::null_mut;

use dsgvo_ffi::{
    dsgvo_case, dsgvo_case_documents, dsgvo_case_free, dsgvo_case_load, dsgvo_case_status,
    dsgvo_case_to_json, dsgvo_register_export,
};
use dsgvo_fuzz::{NOW, c, call, finish, is_json};
use libfuzzer_sys::fuzz_target;

fn load(text: &CString, tolerance: i64) -> Option<*mut dsgvo_case> {
    let mut case: *mut dsgvo_case = null_mut();
    // SAFETY: a NUL-terminated string and a valid out-parameter.
    let status = unsafe { dsgvo_case_load(text.as_ptr(), tolerance, &mut case) };
    finish(status, case.is_null(), || case).ok()
}

fuzz_target!(|data: &[u8]| {
    let (tolerance, text) = match data.split_first() {
        Some((&t, rest)) => (i64::from(t) * 60 - 600, c(rest)),
        None => (300, c(data)),
    };
    let Some(case) = load(&text, tolerance) else {
        return;
    };
    // SAFETY: a live handle; valid out-parameters; freed once at the end.
    unsafe {
        let json = call(|out| dsgvo_case_to_json(case, out)).expect("a loaded case serialises");
        let again =
            load(&CString::new(json.clone()).unwrap(), tolerance).expect("written cases load");
        let json2 = call(|out| dsgvo_case_to_json(again, out)).unwrap();
        assert_eq!(json, json2, "load and write back is lossless");
        dsgvo_case_free(again);
        if let Ok(status) = call(|out| dsgvo_case_status(case, NOW.as_ptr(), out)) {
            is_json(&status);
        }
        let _ = call(|out| dsgvo_case_documents(case, NOW.as_ptr(), c"Forensik".as_ptr(), out));
        dsgvo_case_free(case);
        let register = CString::new(format!("[{json}]")).unwrap();
        for format in [c"csv", c"json", c"markdown", c"figures"] {
            call(|out| dsgvo_register_export(register.as_ptr(), tolerance, format.as_ptr(), out))
                .expect("the register of a loaded case exports");
        }
    }
});
