//! Rows of a table as Python hands them to scoping: a dict by header
//! (nested dicts flattened to `billing.email`, as the core's JSON door
//! does), or a sequence of cells in the header's order. Each cell becomes
//! the text the core's JSON door would give the same value
//! (`dsgvo_core::door::scope::cell`): `None` and missing values (NaN, NaT)
//! empty, `True` as `true`, numbers as Python writes them, dates and times
//! in ISO 8601, lists and dicts as JSON text.

use dsgvo_core::ErrorCode;
use dsgvo_core::door::DoorError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString, PyTuple};

use crate::failure::lift;

/// One row, read.
pub(crate) enum Row {
    /// Header and cell pairs, from a dict.
    Pairs(Vec<(String, String)>),
    /// Cells in the header's order, from a list or tuple.
    Cells(Vec<String>),
    /// Neither: counted as malformed.
    Other,
}

/// Reads one row.
pub(crate) fn row(obj: &Bound<'_, PyAny>) -> PyResult<Row> {
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut pairs = Vec::with_capacity(d.len());
        flatten("", d, &mut pairs, 0)?;
        return Ok(Row::Pairs(pairs));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return Ok(Row::Cells(
            l.iter().map(|c| cell(&c)).collect::<PyResult<_>>()?,
        ));
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return Ok(Row::Cells(
            t.iter().map(|c| cell(&c)).collect::<PyResult<_>>()?,
        ));
    }
    Ok(Row::Other)
}

fn flatten(
    prefix: &str,
    d: &Bound<'_, PyDict>,
    out: &mut Vec<(String, String)>,
    depth: usize,
) -> PyResult<()> {
    if depth > dsgvo_core::parse::MAX_DEPTH {
        let e = DoorError::new(
            ErrorCode::JsonTooDeep,
            format!(
                "rows: dicts nest deeper than {} levels",
                dsgvo_core::parse::MAX_DEPTH
            ),
        );
        return lift(d.py(), Err(e));
    }
    for (k, v) in d.iter() {
        let key = text(&k.str()?)?;
        let name = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        match v.cast::<PyDict>() {
            Ok(inner) if !inner.is_empty() => flatten(&name, inner, out, depth + 1)?,
            _ => out.push((name, cell(&v)?)),
        }
    }
    Ok(())
}

fn text(s: &Bound<'_, PyString>) -> PyResult<String> {
    match s.to_cow() {
        Ok(c) => Ok(c.into_owned()),
        Err(_) => lift(
            s.py(),
            Err(DoorError::new(
                ErrorCode::InvalidUtf8,
                "rows: a header or cell is not valid UTF-8 (lone surrogates)",
            )),
        ),
    }
}

/// The text of one cell.
fn cell(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if obj.is_none() {
        return Ok(String::new());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return text(s);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(if b.is_true() { "true" } else { "false" }.into());
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(String::new());
        }
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyDict>().is_ok() || obj.cast::<PyTuple>().is_ok()
    {
        let value = lift(
            obj.py(),
            crate::objects::to_value(obj, &mut String::from("rows"), 0),
        )?;
        return Ok(value.to_string());
    }
    if obj.hasattr("isoformat")? {
        let iso = obj.call_method0("isoformat")?;
        let iso = text(iso.cast::<PyString>()?)?;
        // pandas' missing time (NaT) writes itself as "NaT".
        return Ok(if iso == "NaT" { String::new() } else { iso });
    }
    text(&obj.str()?)
}
