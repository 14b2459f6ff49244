//! Python data read as the core's serde types, without JSON text between.
//!
//! Strict by design: only what JSON has (None, bool, int, float, str, a
//! dict with str keys, list, tuple) is read directly, each as exactly that
//! type, as `serde_json` would read the same JSON. Anything else (an aware
//! datetime, a date, a str or int subclass such as an enum member, a set)
//! goes the general way: converted to a JSON value first, where a datetime
//! becomes ISO 8601 text and what JSON cannot say (a set, a naive datetime,
//! NaN) is refused with its path. A problem found on the direct way is
//! looked for again on the general way, which names the field. So data is
//! never changed on the way in: `True` is never read as `1`, nor `"yes"`
//! as `true`.

use std::fmt;

use dsgvo_core::door::DoorError;
use dsgvo_core::parse::{MAX_DEPTH, MAX_INPUT_BYTES};
use dsgvo_core::{ErrorCode, InputError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};

use crate::failure::{Failure, Out};

/// Reads `obj` as `T`: directly where it is plain JSON data, else through
/// a JSON value (see the module documentation); `document` names `T` in
/// errors (`breach facts`).
pub(crate) fn read<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, document: &'static str) -> Out<T> {
    TEXT_BYTES.with(|n| n.set(0));
    if let Ok(value) = T::deserialize(Plain { obj, depth: 0 }) {
        // The size limit of a JSON document holds for Python data too; its
        // strings are most of what the JSON would be.
        let text = TEXT_BYTES.with(|n| n.get());
        if text > MAX_INPUT_BYTES {
            return Err(too_large(document, text).into());
        }
        return Ok(value);
    }
    let value = to_value(obj, &mut String::new(), 0)?;
    let size = serde_json::to_vec(&value).map_or(0, |v| v.len());
    if size > MAX_INPUT_BYTES {
        return Err(too_large(document, size).into());
    }
    dsgvo_core::parse::from_value(document, &value).map_err(|e: InputError| e.into())
}

thread_local! {
    /// The bytes of text read directly since `read` began.
    static TEXT_BYTES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The data is larger than a JSON document may be.
fn too_large(document: &str, bytes: usize) -> DoorError {
    DoorError::new(
        ErrorCode::JsonTooLarge,
        format!(
            "{document}: the data is at least {bytes} bytes as JSON; the limit is {MAX_INPUT_BYTES} bytes"
        ),
    )
}

/// A problem on the direct way; its message is never shown (the general
/// way names the field).
#[derive(Debug)]
pub(crate) struct Unread;

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read directly")
    }
}

impl std::error::Error for Unread {}

impl de::Error for Unread {
    fn custom<M: fmt::Display>(_: M) -> Unread {
        Unread
    }
}

/// A Python object read as a serde deserializer; `depth` counts the dicts
/// and lists around it.
#[derive(Clone, Copy)]
struct Plain<'a, 'py> {
    obj: &'a Bound<'py, PyAny>,
    depth: usize,
}

impl<'de> de::Deserializer<'de> for Plain<'_, '_> {
    type Error = Unread;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
        let o = self.obj;
        if o.is_none() {
            visitor.visit_unit()
        } else if let Ok(b) = o.cast_exact::<PyBool>() {
            visitor.visit_bool(b.is_true())
        } else if let Ok(s) = o.cast_exact::<PyString>() {
            let text = s.to_cow().map_err(|_| Unread)?;
            TEXT_BYTES.with(|n| n.set(n.get() + text.len()));
            visitor.visit_str(&text)
        } else if o.cast_exact::<PyInt>().is_ok() {
            match o.extract::<u64>() {
                Ok(u) => visitor.visit_u64(u),
                Err(_) => visitor.visit_i64(o.extract::<i64>().map_err(|_| Unread)?),
            }
        } else if let Ok(f) = o.cast_exact::<PyFloat>() {
            let x = f.value();
            if !x.is_finite() {
                return Err(Unread);
            }
            visitor.visit_f64(x)
        } else if let Ok(d) = o.cast_exact::<PyDict>() {
            let depth = self.deeper()?;
            visitor.visit_map(Entries {
                items: d.iter(),
                value: None,
                depth,
            })
        } else if o.cast_exact::<PyList>().is_ok() || o.cast_exact::<PyTuple>().is_ok() {
            let depth = self.deeper()?;
            let items = o.try_iter().map_err(|_| Unread)?;
            visitor.visit_seq(Items { items, depth })
        } else {
            Err(Unread)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
        if self.obj.is_none() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unread> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unread> {
        // A unit variant is its name; the others are a one-entry dict.
        let o = self.obj;
        if let Ok(s) = o.cast_exact::<PyString>() {
            let name = s.to_cow().map_err(|_| Unread)?;
            return visitor.visit_enum(name.as_ref().into_deserializer());
        }
        match o.cast_exact::<PyDict>() {
            Ok(d) if d.len() == 1 => {
                let depth = self.deeper()?;
                visitor.visit_enum(de::value::MapAccessDeserializer::new(Entries {
                    items: d.iter(),
                    value: None,
                    depth,
                }))
            }
            _ => Err(Unread),
        }
    }

    /// A struct from a dict only (a list would be read as the fields in
    /// order); anything else goes the general way, which names it.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unread> {
        if self.obj.cast_exact::<PyDict>().is_err() {
            return Err(Unread);
        }
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map
        identifier ignored_any
    }
}

impl Plain<'_, '_> {
    /// The depth inside this dict or list; too deep is not read directly.
    fn deeper(self) -> Result<usize, Unread> {
        if self.depth >= MAX_DEPTH {
            return Err(Unread);
        }
        Ok(self.depth + 1)
    }
}

/// The entries of a dict, keys as str only.
struct Entries<'py> {
    items: pyo3::types::dict::BoundDictIterator<'py>,
    value: Option<Bound<'py, PyAny>>,
    depth: usize,
}

impl<'de> de::MapAccess<'de> for Entries<'_> {
    type Error = Unread;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unread> {
        let Some((key, value)) = self.items.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let key = key.cast_exact::<PyString>().map_err(|_| Unread)?;
        let key = key.to_cow().map_err(|_| Unread)?;
        seed.deserialize(key.as_ref().into_deserializer()).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Unread> {
        let value = self.value.take().ok_or(Unread)?;
        seed.deserialize(Plain {
            obj: &value,
            depth: self.depth,
        })
    }
}

/// The items of a list or tuple.
struct Items<'py> {
    items: Bound<'py, pyo3::types::PyIterator>,
    depth: usize,
}

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = Unread;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unread> {
        match self.items.next() {
            None => Ok(None),
            Some(item) => {
                let item = item.map_err(|_| Unread)?;
                seed.deserialize(Plain {
                    obj: &item,
                    depth: self.depth,
                })
                .map(Some)
            }
        }
    }
}

/// A path as messages show it: `.` for the document itself.
fn at(path: &str) -> String {
    if path.is_empty() {
        ".".into()
    } else {
        path.trim_start_matches('.').to_string()
    }
}

fn unsupported(path: &str, what: &str) -> Failure {
    let mut error = DoorError::invalid(format!("{}: {what}", at(path)));
    error.path = Some(at(path));
    Failure::from(error)
}

/// Python data as a JSON value: the general way, which names what JSON
/// cannot say by its path. `depth` counts the dicts and lists around `obj`.
pub(crate) fn to_value(
    obj: &Bound<'_, PyAny>,
    path: &mut String,
    depth: usize,
) -> Out<serde_json::Value> {
    use serde_json::Value;
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| Value::String(s.into_owned()))
            .map_err(|_| unsupported(path, "not valid UTF-8 (lone surrogates)"));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(unsupported(path, "an integer beyond 64 bits"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| unsupported(path, "NaN or infinity is not JSON"));
    }
    let is_dict = obj.cast::<PyDict>().is_ok();
    if is_dict || obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        if depth >= MAX_DEPTH {
            let mut error = DoorError::new(
                ErrorCode::JsonTooDeep,
                format!(
                    "{}: dicts and lists nest deeper than {MAX_DEPTH} levels",
                    at(path)
                ),
            );
            error.path = Some(at(path));
            return Err(error.into());
        }
        return if is_dict {
            dict_value(obj, path, depth + 1)
        } else {
            list_value(obj, path, depth + 1)
        };
    }
    if obj.cast::<PyDateTime>().is_ok()
        && obj
            .call_method0("utcoffset")
            .map(|o| o.is_none())
            .unwrap_or(true)
    {
        return Err(Failure {
            class: Some("NaiveDatetimeError"),
            ..unsupported(
                path,
                "a datetime without timezone; pass an aware datetime (tzinfo=...)",
            )
        });
    }
    if obj.cast::<PyDateTime>().is_ok() || obj.cast::<PyDate>().is_ok() {
        let iso = obj
            .call_method0("isoformat")
            .and_then(|s| s.extract::<String>())
            .map_err(|_| unsupported(path, "a date that cannot be written"))?;
        return Ok(Value::String(iso));
    }
    let kind = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "value".into());
    Err(unsupported(path, &format!("a {kind} is not JSON")))
}

fn dict_value(obj: &Bound<'_, PyAny>, path: &mut String, depth: usize) -> Out<serde_json::Value> {
    let d = obj
        .cast::<PyDict>()
        .map_err(|_| unsupported(path, "not a dict"))?;
    let mut map = serde_json::Map::with_capacity(d.len());
    for (k, v) in d.iter() {
        let key = k
            .cast::<PyString>()
            .map_err(|_| unsupported(path, "a dict key that is not a str"))?
            .to_cow()
            .map_err(|_| unsupported(path, "a key that is not valid UTF-8"))?
            .into_owned();
        let len = path.len();
        path.push('.');
        path.push_str(&key);
        let value = to_value(&v, path, depth)?;
        path.truncate(len);
        map.insert(key, value);
    }
    Ok(serde_json::Value::Object(map))
}

fn list_value(obj: &Bound<'_, PyAny>, path: &mut String, depth: usize) -> Out<serde_json::Value> {
    let mut items = Vec::new();
    let iter = obj
        .try_iter()
        .map_err(|_| unsupported(path, "not iterable"))?;
    for (i, item) in iter.enumerate() {
        let item = item.map_err(|_| unsupported(path, "an item could not be read"))?;
        let len = path.len();
        path.push_str(&format!("[{i}]"));
        items.push(to_value(&item, path, depth)?);
        path.truncate(len);
    }
    Ok(serde_json::Value::Array(items))
}

/// A JSON value as Python data: what `json.loads` makes of its text.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    value: &serde_json::Value,
) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_python(py, v)?)?;
            }
            dict.into_any()
        }
    })
}
