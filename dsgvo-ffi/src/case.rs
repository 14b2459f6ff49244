//! The breach case as an opaque handle: open or load, apply commands,
//! query duties, serialise, free.

use std::ffi::c_char;
use std::sync::{LazyLock, Mutex};

use dsgvo_core::case::Case;
use dsgvo_core::door::{case as door, to_json};

use crate::boundary::{arg, boundary, give_string, opt_arg, out_param};
use crate::handles::{Registry, free, hand_out, lock};
use crate::status::{Failure, dsgvo_status};

/// A breach case (opaque). Create with `dsgvo_case_open` or
/// `dsgvo_case_load`; free with `dsgvo_case_free`.
///
/// A `dsgvo_case *` is a handle, not an address: a number this library
/// never hands out twice in a process. A handle that was freed stays
/// unknown (`DSGVO_STATUS_INVALID_HANDLE`) even after a new case is opened,
/// whatever the allocator does.
#[allow(non_camel_case_types)]
pub struct dsgvo_case {
    _opaque: [u8; 0],
}

static CASES: LazyLock<Mutex<Registry<Case>>> = LazyLock::new(|| Mutex::new(Registry::new("case")));

/// Runs `f` on the case behind `handle`, if it is alive.
fn with_case<R>(
    handle: *mut dsgvo_case,
    f: impl FnOnce(&mut Case) -> Result<R, Failure>,
) -> Result<R, Failure> {
    f(lock(&CASES).get_mut(handle.addr(), "case")?)
}

/// Opens a case with the facts known at detection. `at` (RFC 3339 with
/// offset) is when it is opened; `actor` who opens it. The new handle comes
/// through `case_out`; free it with `dsgvo_case_free`.
///
/// # Safety
/// String arguments are NULL or NUL-terminated; `case_out` is NULL or valid
/// for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_open(
    id: *const c_char,
    facts_json: *const c_char,
    at: *const c_char,
    actor: *const c_char,
    case_out: *mut *mut dsgvo_case,
) -> dsgvo_status {
    boundary(|| {
        out_param(case_out, "case_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (id, facts, at, actor) = unsafe {
            (
                arg(id, "id")?,
                arg(facts_json, "facts_json")?,
                arg(at, "at")?,
                arg(actor, "actor")?,
            )
        };
        let case = door::open(id, facts, at, actor)?;
        // SAFETY: checked non-NULL above.
        unsafe { hand_out(&CASES, case_out, case) }
    })
}

/// Loads a stored case (`dsgvo.case/2`) and verifies it: hash chain,
/// sequence, back-dating beyond `tolerance_seconds` (0–604800; 300 is the
/// library's default), and the lifecycle rules.
///
/// # Safety
/// As [`dsgvo_case_open`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_load(
    case_json: *const c_char,
    tolerance_seconds: i64,
    case_out: *mut *mut dsgvo_case,
) -> dsgvo_status {
    boundary(|| {
        out_param(case_out, "case_out")?;
        // SAFETY: the caller guarantees a NUL-terminated string or NULL.
        let text = unsafe { arg(case_json, "case_json") }?;
        let case = door::load(text, tolerance_seconds)?;
        // SAFETY: checked non-NULL above.
        unsafe { hand_out(&CASES, case_out, case) }
    })
}

/// Applies a command (`{"at", "actor", "reason"?, "action": {"type", ...}}`)
/// to the case; on failure the case is unchanged. The new log entry comes
/// as JSON through `entry_out` unless it is NULL.
///
/// # Safety
/// `case` is NULL or a handle from this library; strings as above;
/// `entry_out` is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_apply(
    case: *mut dsgvo_case,
    command_json: *const c_char,
    tolerance_seconds: i64,
    entry_out: *mut *mut c_char,
) -> dsgvo_status {
    // SAFETY: the caller's guarantees are those of `apply_command`.
    unsafe { apply_command(case, command_json, tolerance_seconds, None, entry_out) }
}

/// The body of both apply exports; `now` is read when given.
///
/// # Safety
/// As [`dsgvo_case_apply_at`].
unsafe fn apply_command(
    case: *mut dsgvo_case,
    command_json: *const c_char,
    tolerance_seconds: i64,
    now: Option<*const c_char>,
    entry_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let text = unsafe { arg(command_json, "command_json") }?;
        // SAFETY: as above.
        let now = now.map(|n| unsafe { arg(n, "now") }).transpose()?;
        let entry = with_case(case, |c| Ok(door::apply(c, text, tolerance_seconds, now)?))?;
        if !entry_out.is_null() {
            // SAFETY: non-NULL; the caller guarantees it is writable.
            unsafe { give_string(entry_out, entry) }?;
        }
        Ok(())
    })
}

/// `dsgvo_case_apply` with the caller's clock: `now` (RFC 3339, the host's
/// current time); a command dated after it by more than the tolerance is
/// refused (`DSGVO_STATUS_CASE_INVALID_COMMAND`, field `at`), so a
/// mistyped year cannot lock the case.
///
/// # Safety
/// As [`dsgvo_case_apply`]; `now` is NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_apply_at(
    case: *mut dsgvo_case,
    command_json: *const c_char,
    tolerance_seconds: i64,
    now: *const c_char,
    entry_out: *mut *mut c_char,
) -> dsgvo_status {
    // SAFETY: the caller's guarantees are those of `apply_command`.
    unsafe { apply_command(case, command_json, tolerance_seconds, Some(now), entry_out) }
}

/// The anchor of the case (`{"id", "entries", "head"}` JSON) through
/// `anchor_out`: keep it outside the stored case (the register, an audit
/// log) and check it after loading with `dsgvo_case_check_anchor`, which
/// finds entries removed from the end or a log rewritten with recomputed
/// hashes; the hash chain alone finds neither.
///
/// # Safety
/// As [`dsgvo_case_apply`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_anchor(
    case: *mut dsgvo_case,
    anchor_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(anchor_out, "anchor_out")?;
        let anchor = with_case(case, |c| Ok(door::anchor(c)))?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { give_string(anchor_out, anchor) }
    })
}

/// Checks a loaded case against an anchor kept outside it
/// (`DSGVO_STATUS_CASE_BROKEN_CHAIN` naming the entry where it departs).
///
/// # Safety
/// As [`dsgvo_case_apply`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_check_anchor(
    case: *mut dsgvo_case,
    anchor_json: *const c_char,
) -> dsgvo_status {
    boundary(|| {
        // SAFETY: the caller guarantees a NUL-terminated string or NULL.
        let text = unsafe { arg(anchor_json, "anchor_json") }?;
        with_case(case, |c| Ok(door::check_anchor(c, text)?))
    })
}

/// The case as stored (`dsgvo.case/2` JSON), for a database column.
///
/// # Safety
/// As [`dsgvo_case_apply`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_to_json(
    case: *mut dsgvo_case,
    json_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(json_out, "json_out")?;
        let json = with_case(case, |c| Ok(c.to_json()))?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(json_out, json) }
    })
}

/// Where the case stands at `now` (RFC 3339): `{"id", "state",
/// "decision", "verdict", "open_duties", "delay_justification_needed",
/// "next_step"}` as JSON.
///
/// # Safety
/// As [`dsgvo_case_apply`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_status(
    case: *mut dsgvo_case,
    now: *const c_char,
    status_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(status_out, "status_out")?;
        // SAFETY: the caller guarantees a NUL-terminated string or NULL.
        let now = unsafe { arg(now, "now") }?;
        let json = with_case(case, |c| Ok(door::status(c, now)?))?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(status_out, json) }
    })
}

/// Every document for the case as it stands, as in `dsgvo_documents`.
///
/// # Safety
/// As [`dsgvo_case_apply`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_case_documents(
    case: *mut dsgvo_case,
    now: *const c_char,
    delay_reasons: *const c_char,
    documents_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(documents_out, "documents_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (now, delay) = unsafe { (arg(now, "now")?, opt_arg(delay_reasons, "delay_reasons")?) };
        let json = with_case(case, |c| Ok(to_json(&door::documents(c, now, delay)?)))?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(documents_out, json) }
    })
}

/// Frees a case. NULL, handles freed already and values that are no
/// handle are ignored.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_case_free(case: *mut dsgvo_case) {
    free(&CASES, case.addr());
}

/// The Art. 33(5) register of stored cases (a JSON array of
/// `dsgvo.case/2`), every case verified: `format` is `"csv"`, `"json"`
/// (rows), `"markdown"` or `"figures"` (what a DPO reports).
///
/// # Safety
/// String arguments are NULL or NUL-terminated; `register_out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_register_export(
    cases_json: *const c_char,
    tolerance_seconds: i64,
    format: *const c_char,
    register_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(register_out, "register_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (cases, format) = unsafe { (arg(cases_json, "cases_json")?, arg(format, "format")?) };
        // One thread: a C host runs its own workers.
        let out = door::register_export_json(cases, tolerance_seconds, format, 1)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(register_out, out) }
    })
}
