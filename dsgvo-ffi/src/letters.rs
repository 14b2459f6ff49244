//! Art. 34 letters at the C ABI: a letter run (the breach assessed and the
//! templates prepared once) writes one batch of recipients after another,
//! so a plugin streams 100,000 letters with memory bounded by its batch.

use std::ffi::c_char;
use std::sync::{LazyLock, Mutex};

use dsgvo_core::door::{args, breach::LetterRun};

use crate::boundary::{arg, boundary, give_string, opt_arg, out_param};
use crate::handles::{Registry, free, hand_out, lock};
use crate::status::{Failure, dsgvo_status};

/// A letter run (opaque): create with `dsgvo_letter_run_new`, write
/// batches with `dsgvo_letter_run_write`, free with
/// `dsgvo_letter_run_free`. A handle, never an address (as cases).
#[allow(non_camel_case_types)]
pub struct dsgvo_letter_run {
    _opaque: [u8; 0],
}

static RUNS: LazyLock<Mutex<Registry<LetterRun>>> =
    LazyLock::new(|| Mutex::new(Registry::new("letter run")));

/// Threads for one batch: the host's cores, at most 8 (the binding asks
/// the host; the core never does).
fn host_workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// Prepares the letters of a breach: `facts_json`, optional `options_json`
/// (NULL = defaults) and `format` (`"text"` or `"html"`). The run comes
/// through `run_out`.
///
/// # Safety
/// String arguments are NULL or NUL-terminated; `run_out` is NULL or valid
/// for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_letter_run_new(
    facts_json: *const c_char,
    options_json: *const c_char,
    format: *const c_char,
    run_out: *mut *mut dsgvo_letter_run,
) -> dsgvo_status {
    boundary(|| {
        out_param(run_out, "run_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (facts, options, format) = unsafe {
            (
                arg(facts_json, "facts_json")?,
                opt_arg(options_json, "options_json")?,
                arg(format, "format")?,
            )
        };
        let run = LetterRun::new(args::facts(facts)?, format, &args::options(options)?)?;
        // SAFETY: checked non-NULL above.
        unsafe { hand_out(&RUNS, run_out, run) }
    })
}

/// Writes the letters for one batch of recipients: `recipients_json` is a
/// JSON array of `{"name", "salutation"?, "email"?, "affected"?}`, the
/// first being recipient number `start` of the run (errors name
/// `recipients[start + i]`). The letters come through `letters_out` as one
/// string in `layout`: `"jsonl"` (one `{"name", "email", "content"}` per
/// line) or `"print"` (each letter followed by a form feed).
///
/// # Safety
/// `run` is NULL or a handle from this library; strings as above;
/// `letters_out` is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_letter_run_write(
    run: *mut dsgvo_letter_run,
    recipients_json: *const c_char,
    start: u64,
    layout: *const c_char,
    letters_out: *mut *mut c_char,
) -> dsgvo_status {
    boundary(|| {
        out_param(letters_out, "letters_out")?;
        // SAFETY: the caller guarantees NUL-terminated strings or NULL.
        let (recipients, layout) = unsafe {
            (
                arg(recipients_json, "recipients_json")?,
                arg(layout, "layout")?,
            )
        };
        let start = usize::try_from(start).map_err(|_| {
            Failure::new(
                dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT,
                "start: too large",
            )
        })?;
        let block = {
            let mut runs = lock(&RUNS);
            let run = runs.get_mut(run.addr(), "run")?;
            run.write_block(recipients, start, layout, host_workers())?
        };
        let text = String::from_utf8(block).expect("letters are UTF-8");
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { give_string(letters_out, text) }
    })
}

/// Frees a letter run. NULL, runs freed already and values that are no
/// handle are ignored.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_letter_run_free(run: *mut dsgvo_letter_run) {
    free(&RUNS, run.addr());
}
