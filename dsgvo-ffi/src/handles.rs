//! Opaque handles: a number this library never hands out twice in a
//! process, never an address. A freed handle stays unknown
//! (`DSGVO_STATUS_INVALID_HANDLE`) even after new values are handed out,
//! whatever the allocator does; the lock keeps two threads off one value.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use crate::status::{Failure, dsgvo_status};

/// The values alive now, by handle.
pub(crate) struct Registry<T> {
    /// The last handle handed out; handles only grow, so none repeats.
    last: usize,
    live: HashMap<usize, T>,
    /// What the handles are, for messages (`case`, `letter run`).
    what: &'static str,
}

impl<T> Registry<T> {
    pub(crate) fn new(what: &'static str) -> Registry<T> {
        Registry {
            last: 0,
            live: HashMap::new(),
            what,
        }
    }
}

/// Keeps `value` in `registry` and hands its new handle to the caller
/// through `out` (checked non-NULL by the caller).
///
/// # Safety
/// `out` is valid for one write.
pub(crate) unsafe fn hand_out<T, H>(
    registry: &Mutex<Registry<T>>,
    out: *mut *mut H,
    value: T,
) -> Result<(), Failure> {
    let handle = lock(registry).insert(value)?;
    // SAFETY: guaranteed by the caller. The handle is a number, never
    // dereferenced (a pointer without provenance).
    unsafe { *out = std::ptr::without_provenance_mut(handle) };
    Ok(())
}

/// Frees the value behind `handle`, inside the panic boundary; NULL, a
/// handle freed already or any other number is ignored. The value is
/// dropped after the lock is released.
pub(crate) fn free<T>(registry: &Mutex<Registry<T>>, handle: usize) {
    let _ = crate::boundary::boundary(|| {
        let freed = lock(registry).remove(handle);
        drop(freed);
        Ok(())
    });
}

/// A registry behind its lock (a panic elsewhere does not poison it).
pub(crate) fn lock<T>(registry: &Mutex<Registry<T>>) -> MutexGuard<'_, Registry<T>> {
    registry.lock().unwrap_or_else(|p| p.into_inner())
}

impl<T> Registry<T> {
    /// Keeps `value` and returns its new handle.
    pub(crate) fn insert(&mut self, value: T) -> Result<usize, Failure> {
        let handle = self.last.checked_add(1).ok_or_else(|| {
            Failure::new(
                dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT,
                format!("{}: this process has used up its handles", self.what),
            )
        })?;
        self.last = handle;
        self.live.insert(handle, value);
        Ok(handle)
    }

    /// The value behind `handle` (named `argument` in errors), if alive.
    pub(crate) fn get_mut(&mut self, handle: usize, argument: &str) -> Result<&mut T, Failure> {
        if handle == 0 {
            return Err(Failure::new(
                dsgvo_status::DSGVO_STATUS_NULL_ARGUMENT,
                format!("{argument}: must not be NULL"),
            ));
        }
        let what = self.what;
        self.live.get_mut(&handle).ok_or_else(|| {
            Failure::new(
                dsgvo_status::DSGVO_STATUS_INVALID_HANDLE,
                format!(
                    "{argument}: not a live {what} handle (freed already, or not from this library)"
                ),
            )
        })
    }

    /// Takes the value behind `handle` out, if alive (to drop it after the
    /// lock is released).
    pub(crate) fn remove(&mut self, handle: usize) -> Option<T> {
        self.live.remove(&handle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_never_repeat_and_freed_ones_stay_unknown() {
        let mut r: Registry<&str> = Registry::new("thing");
        let a = r.insert("a").unwrap();
        assert_eq!(r.remove(a), Some("a"));
        let b = r.insert("b").unwrap();
        assert_ne!(a, b);
        let err = r.get_mut(a, "thing").unwrap_err();
        assert_eq!(err.status, dsgvo_status::DSGVO_STATUS_INVALID_HANDLE);
        assert_eq!(*r.get_mut(b, "thing").unwrap(), "b");
        assert_eq!(
            r.get_mut(0, "thing").unwrap_err().status,
            dsgvo_status::DSGVO_STATUS_NULL_ARGUMENT
        );
        r.last = usize::MAX;
        assert!(r.insert("c").is_err());
    }
}
