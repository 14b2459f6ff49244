//! What every fuzz target checks at the C ABI, whatever the input: no
//! panic (the boundary would turn it into `DSGVO_STATUS_PANIC`), a result
//! exactly when the status is OK, nothing written to the out-parameter on
//! failure, and a named problem in `dsgvo_last_error`.

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use dsgvo_ffi::{dsgvo_last_error, dsgvo_status, dsgvo_string_free};

/// The breach most targets use besides their own input.
pub const FACTS: &CStr = c"{\"schema\":\"dsgvo.breach-facts/1\",\"role\":\"controller\",\
\"controller\":{\"name\":\"Beispiel Shop GmbH\",\"country\":\"DE\",\"region\":\"DE-BY\",\"established_in_eu\":true},\
\"aware_at\":\"2026-11-20T09:15:00+01:00\",\"types\":[\"confidentiality\"],\"cause\":\"hacking\",\"malicious\":true,\
\"data_categories\":[\"identity\",\"contact\",\"payment_card\"],\"data_subjects\":{\"count\":2500},\
\"confidentiality\":{\"recipients\":\"unknown\",\"exfiltrated\":\"yes\"},\"reference\":\"2026-017\"}";

/// A `now` after the awareness of [`FACTS`].
pub const NOW: &CStr = c"2026-11-22T10:00:00+01:00";

/// `bytes` up to the first NUL, as a C string (may be invalid UTF-8).
pub fn c(bytes: &[u8]) -> CString {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    CString::new(&bytes[..end]).expect("cut at the first NUL")
}

/// The first `n` NUL-separated fields of `data` (missing ones empty).
pub fn fields(data: &[u8], n: usize) -> Vec<CString> {
    let mut parts = data.splitn(n, |&b| b == 0);
    (0..n)
        .map(|_| c(parts.next().unwrap_or_default()))
        .collect()
}

/// The outcome of one export: the string it handed out, or its status and
/// message.
pub type Outcome = Result<String, (dsgvo_status, String)>;

/// Calls an export that hands out one string, checks the contract, frees
/// the string.
pub fn call(f: impl FnOnce(*mut *mut c_char) -> dsgvo_status) -> Outcome {
    let mut out: *mut c_char = ptr::null_mut();
    let status = f(&mut out);
    finish(status, out.is_null(), || {
        // SAFETY: OK with a non-NULL result: a string from the library,
        // read once and freed once.
        let text = unsafe { CStr::from_ptr(out) }
            .to_str()
            .expect("results are UTF-8")
            .to_string();
        unsafe { dsgvo_string_free(out) };
        text
    })
}

/// Checks the contract for an export's `status`, given whether its
/// out-parameter is still NULL; `take` reads the result on success.
pub fn finish<T>(
    status: dsgvo_status,
    out_is_null: bool,
    take: impl FnOnce() -> T,
) -> Result<T, (dsgvo_status, String)> {
    assert_ne!(
        status,
        dsgvo_status::DSGVO_STATUS_PANIC,
        "panic: {}",
        last_error()
    );
    if status == dsgvo_status::DSGVO_OK {
        assert!(!out_is_null, "OK without a result");
        assert_eq!(last_error(), "", "OK leaves no error");
        Ok(take())
    } else {
        assert!(out_is_null, "a result handed out on failure ({status:?})");
        let message = last_error();
        assert!(!message.trim().is_empty(), "{status:?} without a message");
        Err((status, message))
    }
}

/// The calling thread's last error.
pub fn last_error() -> String {
    // SAFETY: always a valid NUL-terminated string owned by the library.
    unsafe { CStr::from_ptr(dsgvo_last_error()) }
        .to_string_lossy()
        .into_owned()
}

/// Asserts that `json` parses as JSON.
pub fn is_json(json: &str) {
    serde_json::from_str::<serde_json::Value>(json).expect("results are JSON");
}
