//! Unit tests of the exports' unsafe paths: strings in and out, handles
//! handed out, used, freed, used after free and freed twice. Small inputs,
//! so that they also run under Miri (`cargo +nightly miri test -p
//! dsgvo-ffi --lib`), which checks every pointer use for undefined
//! behaviour.

use std::ffi::{CStr, c_char};
use std::ptr::{null, null_mut};

use crate::*;

const FACTS: &CStr = c"{\"schema\":\"dsgvo.breach-facts/1\",\"role\":\"controller\",\
\"controller\":{\"name\":\"Shop\",\"country\":\"DE\",\"region\":\"DE-BY\",\"established_in_eu\":true},\
\"aware_at\":\"2026-11-20T09:15:00+01:00\",\"types\":[\"confidentiality\"],\"cause\":\"hacking\",\
\"data_categories\":[\"identity\",\"contact\"],\"data_subjects\":{\"count\":500},\
\"confidentiality\":{\"recipients\":\"unknown\",\"exfiltrated\":\"yes\"}}";

/// Takes a string the library handed out, and frees it.
fn take(s: *mut c_char) -> String {
    assert!(!s.is_null());
    // SAFETY: a string from the library, not yet freed; freed once here.
    let text = unsafe { CStr::from_ptr(s) }.to_str().unwrap().to_string();
    // SAFETY: as above.
    unsafe { dsgvo_string_free(s) };
    text
}

#[test]
fn strings_cross_both_ways_and_failures_hand_out_nothing() {
    let mut out: *mut c_char = null_mut();
    // SAFETY: NUL-terminated input, a valid out-parameter.
    let status = unsafe { dsgvo_triage(FACTS.as_ptr(), null(), &mut out) };
    assert_eq!(status, dsgvo_status::DSGVO_OK);
    assert!(take(out).contains("\"schema\":\"dsgvo.verdict/2\""));

    let mut out: *mut c_char = null_mut();
    let bad = c"{\"schema\":\"\xff\"}";
    // SAFETY: as above.
    let status = unsafe { dsgvo_triage(bad.as_ptr(), null(), &mut out) };
    assert_eq!(status, dsgvo_status::DSGVO_STATUS_INVALID_UTF8);
    assert!(out.is_null());
    // SAFETY: NULL arguments are allowed and reported.
    let status = unsafe { dsgvo_triage(null(), null(), &mut out) };
    assert_eq!(status, dsgvo_status::DSGVO_STATUS_NULL_ARGUMENT);
    // SAFETY: as above.
    let status = unsafe { dsgvo_triage(FACTS.as_ptr(), null(), null_mut()) };
    assert_eq!(status, dsgvo_status::DSGVO_STATUS_NULL_ARGUMENT);
    // SAFETY: NULL is allowed.
    unsafe { dsgvo_string_free(null_mut()) };
}

#[test]
fn a_case_handle_lives_until_freed_and_is_refused_after() {
    let mut case: *mut dsgvo_case = null_mut();
    // SAFETY: NUL-terminated strings, a valid out-parameter; the handle is
    // used while live, then after free only through the checked exports.
    unsafe {
        let status = dsgvo_case_open(
            c"2026-017".as_ptr(),
            FACTS.as_ptr(),
            c"2026-11-20T09:20:00+01:00".as_ptr(),
            c"DSB".as_ptr(),
            &mut case,
        );
        assert_eq!(status, dsgvo_status::DSGVO_OK);
        let mut entry: *mut c_char = null_mut();
        let command = c"{\"at\":\"2026-11-20T09:30:00+01:00\",\"actor\":\"DSB\",\"action\":{\"type\":\"assess\"}}";
        assert_eq!(
            dsgvo_case_apply(case, command.as_ptr(), 300, &mut entry),
            dsgvo_status::DSGVO_OK
        );
        assert!(take(entry).contains("assess"));
        let mut json: *mut c_char = null_mut();
        assert_eq!(dsgvo_case_to_json(case, &mut json), dsgvo_status::DSGVO_OK);
        let stored = std::ffi::CString::new(take(json)).unwrap();

        let mut loaded: *mut dsgvo_case = null_mut();
        assert_eq!(
            dsgvo_case_load(stored.as_ptr(), 300, &mut loaded),
            dsgvo_status::DSGVO_OK
        );
        dsgvo_case_free(loaded);

        dsgvo_case_free(case);
        let mut status_out: *mut c_char = null_mut();
        let status =
            dsgvo_case_status(case, c"2026-11-22T10:00:00+01:00".as_ptr(), &mut status_out);
        assert_eq!(status, dsgvo_status::DSGVO_STATUS_INVALID_HANDLE);
        assert!(status_out.is_null());
        dsgvo_case_free(case); // a second free is detected and ignored
        dsgvo_case_free(null_mut());
    }
}

#[test]
fn status_names_and_versions_are_static_strings() {
    // SAFETY: the library returns static NUL-terminated strings.
    unsafe {
        assert_eq!(
            CStr::from_ptr(dsgvo_status_name(0)).to_str().unwrap(),
            "DSGVO_OK"
        );
        assert_eq!(
            CStr::from_ptr(dsgvo_status_name(12345)).to_str().unwrap(),
            "DSGVO_STATUS_UNKNOWN"
        );
        assert!(!CStr::from_ptr(dsgvo_version()).to_bytes().is_empty());
    }
}

/// Opens a case named `id` and returns its handle.
fn open(id: &str) -> *mut dsgvo_case {
    let id = std::ffi::CString::new(id).unwrap();
    let mut case: *mut dsgvo_case = null_mut();
    // SAFETY: NUL-terminated strings, a valid out-parameter.
    let status = unsafe {
        dsgvo_case_open(
            id.as_ptr(),
            FACTS.as_ptr(),
            c"2026-11-20T09:20:00+01:00".as_ptr(),
            c"DSB".as_ptr(),
            &mut case,
        )
    };
    assert_eq!(status, dsgvo_status::DSGVO_OK);
    case
}

/// The id of the case behind `handle`, or the status of the refusal.
fn id_of(handle: *mut dsgvo_case) -> Result<String, dsgvo_status> {
    let mut json: *mut c_char = null_mut();
    // SAFETY: a valid out-parameter; the handle is checked by the export.
    match unsafe { dsgvo_case_to_json(handle, &mut json) } {
        dsgvo_status::DSGVO_OK => {
            let case: serde_json::Value = serde_json::from_str(&take(json)).unwrap();
            Ok(case["id"].as_str().unwrap().to_string())
        }
        refused => {
            assert!(json.is_null());
            Err(refused)
        }
    }
}

/// Issue 19 item 3: `$a->free(); $b = open(); $a->use()` reached `$b` when
/// the allocator gave `$b` the address `$a` had.
#[test]
fn a_freed_handle_never_reaches_a_case_opened_after() {
    let a = open("A");
    dsgvo_case_free(a);
    let b = open("B");
    assert_eq!(id_of(a), Err(dsgvo_status::DSGVO_STATUS_INVALID_HANDLE));
    dsgvo_case_free(a); // the stale handle frees nothing
    assert_eq!(id_of(b), Ok("B".to_string()));
    dsgvo_case_free(b);
}

/// Any sequence of opens, uses and frees (including frees of freed
/// handles): a live handle reaches its own case, a freed one nothing.
#[test]
fn any_sequence_of_open_use_free_keeps_handles_apart() {
    let steps = if cfg!(miri) { 3 } else { 3_000 };
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        // xorshift64: a fixed, reproducible sequence.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut live: Vec<(*mut dsgvo_case, String)> = Vec::new();
    let mut freed: Vec<*mut dsgvo_case> = Vec::new();
    for step in 0..steps {
        match next(4) {
            0 | 1 => {
                let id = format!("case-{step}");
                live.push((open(&id), id));
            }
            2 if !live.is_empty() => {
                let (handle, _) = live.swap_remove(next(live.len()));
                dsgvo_case_free(handle);
                freed.push(handle);
            }
            _ if !freed.is_empty() => {
                let stale = freed[next(freed.len())];
                assert_eq!(id_of(stale), Err(dsgvo_status::DSGVO_STATUS_INVALID_HANDLE));
                dsgvo_case_free(stale);
            }
            _ => {}
        }
        if let Some((handle, id)) = live.get(next(live.len().max(1))) {
            assert_eq!(id_of(*handle).as_ref(), Ok(id), "step {step}");
        }
    }
    for (handle, _) in live {
        dsgvo_case_free(handle);
    }
}

/// Issue 20: a scoping run at the C ABI — rows as objects (nested ones
/// flattened) and as cell arrays, the report, the state read back, two
/// parts merged to the whole, and the handle refused after free.
#[test]
fn a_scope_run_counts_merges_and_is_refused_after_free() {
    let options = c"{\"as_of\":\"2026-11-20\",\"key\":\"billing.email\"}";
    let new = |headers: *const c_char| {
        let mut scope: *mut dsgvo_scope = null_mut();
        // SAFETY: NUL-terminated strings, a valid out-parameter.
        let status = unsafe { dsgvo_scope_new(options.as_ptr(), headers, &mut scope) };
        assert_eq!(status, dsgvo_status::DSGVO_OK);
        scope
    };
    let report = |scope: *mut dsgvo_scope| {
        let mut out: *mut c_char = null_mut();
        // SAFETY: a live handle, a valid out-parameter.
        assert_eq!(
            unsafe { dsgvo_scope_report(scope, &mut out) },
            dsgvo_status::DSGVO_OK
        );
        serde_json::from_str::<serde_json::Value>(&take(out)).unwrap()
    };
    let a = new(null());
    let b = new(null());
    // SAFETY: live handles, NUL-terminated rows.
    unsafe {
        let first = c"[{\"billing\":{\"email\":\"erika@example.org\",\"country\":\"DE\"}},{\"billing\":{\"email\":\"max@example.org\",\"country\":\"AT\"}}]";
        assert_eq!(
            dsgvo_scope_push(a, first.as_ptr(), 2),
            dsgvo_status::DSGVO_OK
        );
        // The header of `b` is the same: its first row is an object too.
        let second = c"[{\"billing\":{\"email\":\"ERIKA@example.org\",\"country\":\"DE\"}},[\"DE\",\"eva@example.org\"],7]";
        assert_eq!(
            dsgvo_scope_push(b, second.as_ptr(), 4),
            dsgvo_status::DSGVO_OK
        );
        assert_eq!(dsgvo_scope_merge(a, b), dsgvo_status::DSGVO_OK);
        assert_eq!(
            dsgvo_scope_merge(a, a),
            dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT
        );
    }
    let whole = report(a);
    assert_eq!(
        (
            &whole["records"],
            &whole["subjects"],
            &whole["malformed"]["lines"]
        ),
        (
            &serde_json::json!(4),
            &serde_json::json!(3),
            &serde_json::json!([6])
        )
    );
    let mut state: *mut c_char = null_mut();
    let mut again: *mut dsgvo_scope = null_mut();
    // SAFETY: live handles, valid out-parameters, the state freed once.
    unsafe {
        assert_eq!(dsgvo_scope_state(a, &mut state), dsgvo_status::DSGVO_OK);
        let text = std::ffi::CString::new(take(state)).unwrap();
        assert_eq!(
            dsgvo_scope_from_state(text.as_ptr(), &mut again),
            dsgvo_status::DSGVO_OK
        );
    }
    assert_eq!(report(again), whole);
    // The second pass over the rows of `a` gives its two people.
    let mut list: *mut c_char = null_mut();
    // SAFETY: a live handle, NUL-terminated rows, a valid out-parameter.
    unsafe {
        assert_eq!(
            dsgvo_scope_recipients(again, &mut list),
            dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT
        );
        assert_eq!(dsgvo_scope_start_recipients(again), dsgvo_status::DSGVO_OK);
        let first = c"[{\"billing\":{\"email\":\"erika@example.org\",\"country\":\"DE\"}},{\"billing\":{\"email\":\"max@example.org\",\"country\":\"AT\"}}]";
        assert_eq!(
            dsgvo_scope_push(again, first.as_ptr(), 2),
            dsgvo_status::DSGVO_OK
        );
        assert_eq!(
            dsgvo_scope_recipients(again, &mut list),
            dsgvo_status::DSGVO_OK
        );
    }
    let list: serde_json::Value = serde_json::from_str(&take(list)).unwrap();
    assert_eq!(
        list["recipients"][1],
        serde_json::json!({"name": "max@example.org", "email": "max@example.org", "affected": ["contact"]})
    );
    dsgvo_scope_free(a);
    dsgvo_scope_free(b);
    dsgvo_scope_free(again);
    dsgvo_scope_free(a);
    let mut out: *mut c_char = null_mut();
    // SAFETY: a freed handle goes only to the checked exports.
    let status = unsafe { dsgvo_scope_report(a, &mut out) };
    assert_eq!(status, dsgvo_status::DSGVO_STATUS_INVALID_HANDLE);
    assert!(out.is_null());
    // A run whose first row is no object has no header.
    let c = new(null());
    // SAFETY: a live handle, NUL-terminated rows.
    let status = unsafe { dsgvo_scope_push(c, c"[[1,2]]".as_ptr(), 1) };
    assert_eq!(status, dsgvo_status::DSGVO_STATUS_SCOPE_EMPTY);
    dsgvo_scope_free(c);
}
