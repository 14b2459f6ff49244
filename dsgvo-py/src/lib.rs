//! Python bindings of `dsgvo` (import name `dsgvo`, native module `dsgvo._dsgvo`).
//!
//! A thin door over `dsgvo-core`: no business logic lives here. For now the
//! module exposes the version; the Pythonic API (triage, verdict classes,
//! exceptions, pickling through the serde form) follows.

use pyo3::prelude::*;

/// The native module `dsgvo._dsgvo`.
#[pymodule]
fn _dsgvo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", dsgvo_core::VERSION)?;
    Ok(())
}
