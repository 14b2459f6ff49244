//! Failures on their way to Python: the core's [`DoorError`] raised as the
//! class `dsgvo._errors` defines for its code.

use dsgvo_core::door::DoorError;
use pyo3::prelude::*;

/// A failure and, where the binding knows one, a more specific class of
/// `dsgvo._errors` than the code's own (`NaiveDatetimeError`).
pub(crate) struct Failure {
    pub error: DoorError,
    pub class: Option<&'static str>,
}

impl<E: Into<DoorError>> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure {
            error: e.into(),
            class: None,
        }
    }
}

pub(crate) type Out<T> = Result<T, Failure>;

/// Raises the `dsgvo._errors` class for the failure.
fn raise(py: Python<'_>, f: Failure) -> PyErr {
    let Failure { error, class } = f;
    let made = py
        .import("dsgvo._errors")
        .and_then(|m| m.getattr("error_for"))
        .and_then(|make| {
            make.call1((
                error.code.name(),
                error.code.number(),
                error.message,
                error.path,
                class,
            ))
        });
    match made {
        Ok(err) => PyErr::from_value(err),
        Err(e) => e,
    }
}

/// The result for Python: the value, or the failure raised.
pub(crate) fn lift<T, E: Into<Failure>>(py: Python<'_>, r: Result<T, E>) -> PyResult<T> {
    r.map_err(|f| raise(py, f.into()))
}
