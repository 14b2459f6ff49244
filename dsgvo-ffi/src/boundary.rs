//! The panic boundary, the last error, and the strings that cross the door.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use crate::status::{Failure, dsgvo_status};

thread_local! {
    /// The message of the last failure on this thread.
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
    /// Whether this thread is inside an export (its panics stay silent).
    static INSIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Keeps panics inside an export off the host's stderr; panics elsewhere
/// (a Rust host's own) still reach the previous hook.
fn install_quiet_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !INSIDE.with(|i| i.get()) {
                previous(info);
            }
        }));
    });
}

fn set_last_error(message: &str) {
    // A message with an interior NUL is cut there rather than lost.
    let text = message.split('\0').next().unwrap_or_default();
    let c = CString::new(text).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = c);
}

/// Runs `body` as an export: a failure becomes its status and the last
/// error; a panic becomes `DSGVO_STATUS_PANIC`.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), Failure>) -> dsgvo_status {
    install_quiet_hook();
    INSIDE.with(|i| i.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(body));
    INSIDE.with(|i| i.set(false));
    match outcome {
        Ok(Ok(())) => {
            set_last_error("");
            dsgvo_status::DSGVO_OK
        }
        Ok(Err(f)) => {
            set_last_error(&f.message);
            f.status
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            set_last_error(&format!(
                "internal error (a bug in dsgvo, please report it): {what}"
            ));
            dsgvo_status::DSGVO_STATUS_PANIC
        }
    }
}

/// The message of the last failure on the calling thread, or `""` after a
/// success. The pointer stays valid until the next call of a `dsgvo_`
/// function on the same thread; the caller must not free it. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn dsgvo_last_error() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ptr())
}

/// Reads a required string argument.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid and
/// unchanged for `'a`.
pub(crate) unsafe fn arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::new(
            dsgvo_status::DSGVO_STATUS_NULL_ARGUMENT,
            format!("{name}: must not be NULL"),
        ));
    }
    // SAFETY: non-NULL, and the caller guarantees a NUL-terminated string
    // valid for 'a.
    let c = unsafe { CStr::from_ptr(ptr) };
    c.to_str().map_err(|e| {
        Failure::new(
            dsgvo_status::DSGVO_STATUS_INVALID_UTF8,
            format!("{name}: not valid UTF-8 (at byte {})", e.valid_up_to()),
        )
    })
}

/// Reads an optional string argument (NULL = absent).
///
/// # Safety
/// As [`arg`].
pub(crate) unsafe fn opt_arg<'a>(
    ptr: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded from the caller.
    unsafe { arg(ptr, name) }.map(Some)
}

/// Checks an out-parameter before any work is done.
pub(crate) fn out_param<T>(ptr: *mut T, name: &str) -> Result<(), Failure> {
    if ptr.is_null() {
        return Err(Failure::new(
            dsgvo_status::DSGVO_STATUS_NULL_ARGUMENT,
            format!("{name}: must not be NULL"),
        ));
    }
    Ok(())
}

/// Hands `text` to the caller through `out` (checked with [`out_param`]).
///
/// # Safety
/// `out` is non-NULL and valid for one write.
pub(crate) unsafe fn give_string(out: *mut *mut c_char, text: String) -> Result<(), Failure> {
    let c = CString::new(text).map_err(|_| {
        Failure::new(
            dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT,
            "the result contains a NUL character and cannot cross the C ABI",
        )
    })?;
    // SAFETY: the caller checked `out` and guarantees it is writable.
    unsafe { *out = c.into_raw() };
    Ok(())
}

/// Frees a string this library returned. NULL is allowed and ignored.
/// Passing any other pointer, or a string twice, is undefined behaviour.
///
/// # Safety
/// `s` is NULL or a string returned by a `dsgvo_` function, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dsgvo_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: `s` came from CString::into_raw in give_string and is freed once.
    drop(unsafe { CString::from_raw(s) });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_status_and_a_message() {
        let status = boundary(|| panic!("boom"));
        assert_eq!(status, dsgvo_status::DSGVO_STATUS_PANIC);
        // SAFETY: dsgvo_last_error returns a valid NUL-terminated string.
        let message = unsafe { CStr::from_ptr(dsgvo_last_error()) };
        assert!(message.to_str().unwrap().contains("boom"));
        assert_eq!(boundary(|| Ok(())), dsgvo_status::DSGVO_OK);
        // SAFETY: as above.
        assert_eq!(
            unsafe { CStr::from_ptr(dsgvo_last_error()) }.to_bytes(),
            b""
        );
    }

    #[test]
    fn a_message_with_a_nul_is_cut_not_lost() {
        let status = boundary(|| {
            Err(Failure::new(
                dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT,
                "before\0after",
            ))
        });
        assert_eq!(status, dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT);
        // SAFETY: as above.
        assert_eq!(
            unsafe { CStr::from_ptr(dsgvo_last_error()) }.to_bytes(),
            b"before"
        );
    }
}
