//! Scoping at the C ABI: a table pushed in batches of rows (a JSON array
//! per batch; each row an array of cells in the header's order or an
//! object by header, nested objects flattened to `billing.email`), the
//! report as JSON, runs over parts of a table merged, and a run's state
//! stored and read back. All of it is `dsgvo_core::door::scope`.

use std::ffi::c_char;
use std::sync::{LazyLock, Mutex};

use dsgvo_core::door::DoorError;
use dsgvo_core::door::scope::ScopeRun;

use crate::boundary::{arg, boundary, give_string, opt_arg, out_param};
use crate::handles::{Registry, free, hand_out, lock};
use crate::status::{Failure, dsgvo_status};

/// A scoping run (opaque): create with `dsgvo_scope_new`, push rows with
/// `dsgvo_scope_push`, read with `dsgvo_scope_report`, free with
/// `dsgvo_scope_free`. A handle, never an address (as cases).
#[allow(non_camel_case_types)]
pub struct dsgvo_scope {
    _opaque: [u8; 0],
}

static SCOPES: LazyLock<Mutex<Registry<ScopeRun>>> =
    LazyLock::new(|| Mutex::new(Registry::new("scope")));

/// Runs `f` on the run behind `handle` (as `with_case` does for cases).
fn with_scope<R>(
    handle: *mut dsgvo_scope,
    f: impl FnOnce(&mut ScopeRun) -> Result<R, DoorError>,
) -> Result<R, Failure> {
    Ok(f(lock(&SCOPES).get_mut(handle.addr(), "scope")?)?)
}

/// Starts a scoping run with `options_json` (`{"as_of": "YYYY-MM-DD",
/// "key"?, "window"?, "overrides"?}`) and `headers_json` (a JSON array of
/// the column names; NULL: the keys of the first row, which must then be
/// an object). The run comes through `scope_out`.
///
/// # Safety
/// String arguments are NULL or NUL-terminated; `scope_out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_scope_new(
    options_json: *const c_char,
    headers_json: *const c_char,
    scope_out: *mut *mut dsgvo_scope,
) -> dsgvo_status {
    boundary(|| {
        out_param(scope_out, "scope_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (options, headers) = unsafe {
            (
                arg(options_json, "options_json")?,
                opt_arg(headers_json, "headers_json")?,
            )
        };
        let run = ScopeRun::new(options, headers)?;
        // SAFETY: checked non-NULL above.
        unsafe { hand_out(&SCOPES, scope_out, run) }
    })
}

/// Reads back a run stored with `dsgvo_scope_state` (in this process or
/// another), to go on pushing rows or to merge it.
///
/// # Safety
/// `state_json` is NULL or NUL-terminated; `scope_out` is NULL or valid
/// for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_scope_from_state(
    state_json: *const c_char,
    scope_out: *mut *mut dsgvo_scope,
) -> dsgvo_status {
    boundary(|| {
        out_param(scope_out, "scope_out")?;
        // SAFETY: the caller guarantees a NUL-terminated string or NULL.
        let state = unsafe { arg(state_json, "state_json")? };
        let run = ScopeRun::from_summary_json(state)?;
        // SAFETY: checked non-NULL above.
        unsafe { hand_out(&SCOPES, scope_out, run) }
    })
}

/// Counts a batch of rows (`rows_json`, a JSON array); the first row is on
/// line `first_line` (the lines of malformed rows are reported), the
/// others follow.
///
/// # Safety
/// `scope` is NULL or a handle from this library; `rows_json` is NULL or
/// NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_scope_push(
    scope: *mut dsgvo_scope,
    rows_json: *const c_char,
    first_line: u64,
) -> dsgvo_status {
    boundary(|| {
        // SAFETY: the caller guarantees a NUL-terminated string or NULL.
        let rows = unsafe { arg(rows_json, "rows_json")? };
        with_scope(scope, |r| r.push(rows, first_line))
    })
}

/// The scope of the rows so far (JSON, `dsgvo.scope/1`) through
/// `report_out`; free it with `dsgvo_string_free`.
///
/// # Safety
/// `scope` is NULL or a handle from this library; `report_out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_scope_report(
    scope: *mut dsgvo_scope,
    report_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(report_out, "report_out")?;
        let report = with_scope(scope, |r| r.report())?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { give_string(report_out, report) }
    })
}

/// Starts the second pass over the same table: the rows pushed from now on
/// (`dsgvo_scope_push`, the same batches again) give the Art. 34
/// recipients, read with `dsgvo_scope_recipients`. The scope of the first
/// pass stays as it was.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_scope_start_recipients(scope: *mut dsgvo_scope) -> dsgvo_status {
    boundary(|| with_scope(scope, ScopeRun::start_recipients))
}

/// The recipients of the second pass (JSON: `recipients`, in the shape
/// `dsgvo_letters_*` take, `unreachable`, `malformed`) through
/// `recipients_out`; free it with `dsgvo_string_free`. They hold names and
/// addresses: the letters' input, never for a log.
///
/// # Safety
/// `scope` is NULL or a handle from this library; `recipients_out` is NULL
/// or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_scope_recipients(
    scope: *mut dsgvo_scope,
    recipients_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(recipients_out, "recipients_out")?;
        let list = with_scope(scope, ScopeRun::recipients_json)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { give_string(recipients_out, list) }
    })
}

/// The run's state as JSON through `state_out` (for
/// `dsgvo_scope_from_state`). It holds digests of the people's keys —
/// pseudonymous personal data: keep it where the table is.
///
/// # Safety
/// `scope` is NULL or a handle from this library; `state_out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_scope_state(
    scope: *mut dsgvo_scope,
    state_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(state_out, "state_out")?;
        let state = with_scope(scope, |r| Ok(r.summary_json()))?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { give_string(state_out, state) }
    })
}

/// Adds the rows of `from` (a run over another part of the same table, with
/// the same options) to `into`; `from` is unchanged and still to be freed.
///
/// # Safety
/// Both are NULL or handles from this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_scope_merge(
    into: *mut dsgvo_scope,
    from: *mut dsgvo_scope,
) -> dsgvo_status {
    boundary(|| {
        if into.addr() == from.addr() && !into.is_null() {
            return Err(Failure::new(
                dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT,
                "from: the same scope as into (its rows would count twice)",
            ));
        }
        let mut scopes = lock(&SCOPES);
        let other = scopes.get_mut(from.addr(), "from")?.clone();
        scopes.get_mut(into.addr(), "into")?.merge(other)?;
        Ok(())
    })
}

/// Frees a scoping run. NULL, runs freed already and values that are no
/// handle are ignored.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_scope_free(scope: *mut dsgvo_scope) {
    free(&SCOPES, scope.addr());
}
