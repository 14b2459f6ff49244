//! Reading JSON at the doors: size limit, field paths in every error. The
//! bindings read every JSON input through here.

use serde::de::DeserializeOwned;

use crate::error::{ErrorKind, FieldError, InputError};

/// The largest JSON document any door accepts, in bytes (1 MiB). Breach facts
/// are a few kilobytes; anything near this size is a mistake or an attack.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The deepest nesting of arrays and objects any door accepts. The deepest
/// contract (a stored case: entries, actions, facts) needs fewer than ten
/// levels.
pub const MAX_DEPTH: usize = 64;

/// Parses `text` as `T`, naming the field path of the first problem;
/// `document` names what the text was meant to be (`case command`).
///
/// ```
/// let err = dsgvo_core::parse::from_json::<dsgvo_core::AssessmentOptions>("options", r#"{"language": "fr"}"#).unwrap_err();
/// assert_eq!(err.first().path, "language");
/// ```
pub fn from_json<T: DeserializeOwned>(document: &'static str, text: &str) -> Result<T, InputError> {
    from_json_limited(document, text, MAX_INPUT_BYTES)
}

/// Like [`from_json`] for a JSON value a door has built itself (from
/// Python data, say), with the same errors: a value that does not fit is
/// written out and read again with the path tracked.
pub fn from_value<T: DeserializeOwned>(
    document: &'static str,
    value: &serde_json::Value,
) -> Result<T, InputError> {
    match T::deserialize(value) {
        Ok(v) => Ok(v),
        Err(_) => from_json(document, &value.to_string()),
    }
}

/// Like [`from_json`] with another size limit.
pub fn from_json_limited<T: DeserializeOwned>(
    document: &'static str,
    text: &str,
    limit: usize,
) -> Result<T, InputError> {
    if text.len() > limit {
        return Err(InputError::single(
            document,
            FieldError::new(
                ".",
                ErrorKind::TooLarge,
                format!("input is {} bytes; the limit is {limit} bytes", text.len()),
            ),
        ));
    }
    // The fast path: most input is valid, and tracking the path of every
    // value costs a third of the parse. Only a failure is parsed again, with
    // the path, to name the field (the same parser fails at the same place).
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    // Input nested too deeply is named as such, whatever the type would
    // have refused first.
    if let Some(at) = too_deep(text, MAX_DEPTH) {
        return Err(InputError::single(
            document,
            FieldError::new(
                ".",
                ErrorKind::TooDeep,
                format!("arrays and objects nest deeper than {MAX_DEPTH} levels (at byte {at})"),
            ),
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| InputError::single(document, field_error(e)))?;
    de.end().map_err(|e| {
        let at = format!(" (line {}, column {})", e.line(), e.column());
        InputError::single(
            document,
            FieldError::new(
                ".",
                ErrorKind::Syntax,
                format!("unexpected text after the JSON document{at}"),
            ),
        )
    })?;
    Ok(value)
}

/// The byte offset at which `text` opens its `limit + 1`-th nested array or
/// object, if it does (brackets inside strings do not count).
fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn field_error(e: serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let path = e.path().to_string();
    let inner = e.into_inner();
    let location = format!(" (line {}, column {})", inner.line(), inner.column());
    let message = strip_location(&inner.to_string());
    match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            let kind = if message.contains("recursion limit") {
                ErrorKind::TooDeep
            } else {
                ErrorKind::Syntax
            };
            FieldError::new(path, kind, format!("{message}{location}"))
        }
        serde_json::error::Category::Eof => FieldError::new(
            path,
            ErrorKind::Syntax,
            format!("the JSON ends early (truncated?){location}"),
        ),
        serde_json::error::Category::Data => classify_data_error(path, message),
    }
}

/// Turns serde's data error messages into a field path and a kind. serde
/// reports a missing or unknown field at its parent; the path here names the
/// field itself.
fn classify_data_error(path: String, message: String) -> FieldError {
    // serde_path_to_error names an unknown field itself, a missing one by its parent.
    let child = |name: &str| {
        if path == "." || path == name {
            name.to_string()
        } else if path.ends_with(&format!(".{name}")) {
            path.clone()
        } else {
            format!("{path}.{name}")
        }
    };
    if let Some(name) = quoted_after(&message, "missing field `") {
        return FieldError::new(
            child(name),
            ErrorKind::MissingField,
            "required field is missing",
        );
    }
    if let Some(name) = quoted_after(&message, "unknown field `") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, e)| e)
            .unwrap_or("no other field");
        return FieldError::new(
            child(name),
            ErrorKind::UnknownField,
            format!("unknown field; expected {expected}"),
        );
    }
    if let Some(value) = quoted_after(&message, "unknown variant `") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, e)| e)
            .unwrap_or("another value");
        return FieldError::new(
            path,
            ErrorKind::UnknownValue,
            format!("unknown value \"{value}\"; expected {expected}"),
        );
    }
    if message.starts_with(crate::facts::timestamp::WITHOUT_OFFSET) {
        return FieldError::new(path, ErrorKind::TimestampWithoutOffset, message);
    }
    if message.starts_with(crate::facts::SCHEMA_MISMATCH) {
        return FieldError::new(path, ErrorKind::UnsupportedSchema, message);
    }
    if let Some(text) = message.strip_prefix(crate::facts::INCONSISTENT) {
        let text = text.to_string();
        return FieldError::new(path, ErrorKind::Inconsistent, text);
    }
    let kind = if message.starts_with("invalid type") {
        ErrorKind::WrongType
    } else {
        ErrorKind::InvalidValue
    };
    FieldError::new(path, kind, message)
}

fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    rest.split_once('`').map(|(name, _)| name)
}

fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_outside_strings() {
        assert_eq!(too_deep("[[[]]]", 3), None);
        assert_eq!(too_deep("[[[[]]]]", 3), Some(3));
        assert_eq!(too_deep(r#"{"a":"[[[[\"[[[["}"#, 1), None);
        assert_eq!(too_deep(r#"{"a":"\\",  "b":[[1]]}"#, 2), Some(17));
    }

    #[test]
    fn input_nested_10_000_deep_is_refused_as_too_deep() {
        for text in [
            "[".repeat(10_000),
            format!(r#"{{"schema":{}"#, "{\"a\":".repeat(10_000)),
        ] {
            let err = from_json::<crate::AssessmentOptions>("options", &text).unwrap_err();
            assert_eq!(err.first().kind, ErrorKind::TooDeep, "{err}");
        }
    }
}
