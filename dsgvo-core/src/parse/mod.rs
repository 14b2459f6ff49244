//! Reading JSON at the doors: size limit, field paths in every error. The
//! bindings read every JSON input through here.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{ErrorKind, FieldError, InputError};

mod kinded;
mod strict;

pub(crate) use kinded::{Contradiction, SchemaMismatch, WithoutOffset};
use kinded::{KindError, Kinded};

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
/// Python data, say), with the same errors, each with its path and kind;
/// an array is never read as a struct's fields in order, at any depth.
pub fn from_value<T: DeserializeOwned>(
    document: &'static str,
    value: &serde_json::Value,
) -> Result<T, InputError> {
    // Read through the kinded deserializer, which also refuses an array
    // where a struct is expected (serde_json's own would read it in order).
    with_kinds(document, value)
}

/// Like [`from_json`] for a document that is one JSON object (facts,
/// options, a case, a command): a JSON array is refused, never read as the
/// fields in their order (serde's positional form), which would silently
/// give values the meaning of another field.
///
/// # Errors
///
/// As [`from_json`]; an array is [`ErrorKind::WrongType`].
pub fn from_json_object<T: DeserializeOwned>(
    document: &'static str,
    text: &str,
) -> Result<T, InputError> {
    from_json_object_limited(document, text, MAX_INPUT_BYTES)
}

/// [`from_json_object`] with another size limit.
///
/// # Errors
///
/// As [`from_json_object`].
pub fn from_json_object_limited<T: DeserializeOwned>(
    document: &'static str,
    text: &str,
    limit: usize,
) -> Result<T, InputError> {
    if text.len() <= limit && text.trim_start().starts_with('[') {
        // Input nested too deeply is named as such first, as in `from_json`.
        return Err(match too_deep(text, MAX_DEPTH) {
            Some(at) => nested_too_deep(document, at),
            None => not_an_object(document),
        });
    }
    from_json_limited(document, text, limit)
}

/// [`from_value`] for a document that is one JSON object (see
/// [`from_json_object`]).
///
/// # Errors
///
/// As [`from_value`]; an array is [`ErrorKind::WrongType`].
pub fn from_value_object<T: DeserializeOwned>(
    document: &'static str,
    value: &serde_json::Value,
) -> Result<T, InputError> {
    if value.is_array() {
        return Err(not_an_object(document));
    }
    from_value(document, value)
}

fn nested_too_deep(document: &'static str, at: usize) -> InputError {
    InputError::single(
        document,
        FieldError::new(
            ".",
            ErrorKind::TooDeep,
            format!("arrays and objects nest deeper than {MAX_DEPTH} levels (at byte {at})"),
        ),
    )
}

fn not_an_object(document: &'static str) -> InputError {
    InputError::single(
        document,
        FieldError::new(
            ".",
            ErrorKind::WrongType,
            "expected a JSON object ({…}), found an array: its values are not read as the fields in order",
        ),
    )
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
    // The fast path: most input is valid, and tracking the path and kind of
    // every value costs a third of the parse. Only a failure is read again,
    // with both, to name the field. It reads a struct from an object only
    // (`strict`), as the slow path does.
    let first = match fast(text) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    // Input nested too deeply is named as such, whatever the type would
    // have refused first.
    if let Some(at) = too_deep(text, MAX_DEPTH) {
        return Err(nested_too_deep(document, at));
    }
    // Parsed once more into a JSON value: a syntax error is named here,
    // with its line and column ...
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_json::Value::deserialize(&mut de)
        .map_err(|e| InputError::single(document, syntax_error(e)))?;
    de.end().map_err(|e| {
        InputError::single(
            document,
            FieldError::new(
                ".",
                ErrorKind::Syntax,
                format!("unexpected text after the JSON document{}", location(&e)),
            ),
        )
    })?;
    // ... and a value that does not fit the type by its field path. A JSON
    // value keeps only the last of two equal keys, so text that the type
    // refused may read from the value: it stays refused, as the parser said.
    with_kinds::<T>(document, &value).and_then(|_| {
        Err(InputError::single(
            document,
            FieldError::new(
                ".",
                ErrorKind::InvalidValue,
                format!("{}{}", strip_location(&first.to_string()), location(&first)),
            ),
        ))
    })
}

/// Reads `text` as `T` in one pass, a struct from an object only.
fn fast<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(strict::Strict(&mut de))?;
    de.end()?;
    Ok(value)
}

/// Reads `value` as `T`, naming the field path and the kind of the first
/// problem from serde's structured calls, never from message text.
fn with_kinds<T: DeserializeOwned>(
    document: &'static str,
    value: &serde_json::Value,
) -> Result<T, InputError> {
    serde_path_to_error::deserialize(Kinded(value)).map_err(|e| {
        let path = e.path().to_string();
        InputError::single(document, field_error(path, e.into_inner()))
    })
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

/// Where in the text the parser stopped: ` (line L, column C)`.
fn location(e: &serde_json::Error) -> String {
    format!(" (line {}, column {})", e.line(), e.column())
}

/// A syntax error of the JSON text, with its line and column.
fn syntax_error(e: serde_json::Error) -> FieldError {
    let location = location(&e);
    match e.classify() {
        serde_json::error::Category::Eof => FieldError::new(
            ".",
            ErrorKind::Syntax,
            format!("the JSON ends early (truncated?){location}"),
        ),
        _ => FieldError::new(
            ".",
            ErrorKind::Syntax,
            format!("{}{location}", strip_location(&e.to_string())),
        ),
    }
}

/// A problem of a value that does not fit its type, at `path`. serde
/// reports a missing field at its parent; the path here names the field
/// itself.
fn field_error(path: String, e: KindError) -> FieldError {
    let path = match &e.field {
        Some(name) if path == "." || path == *name => name.clone(),
        Some(name) if path.ends_with(&format!(".{name}")) => path,
        Some(name) => format!("{path}.{name}"),
        None => path,
    };
    FieldError::new(path, e.kind, e.message)
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

    /// The kind comes from serde's call or from our refusal's type: a
    /// message that reads like another kind does not change it.
    #[test]
    fn kinds_come_from_the_call_not_from_the_message_text() {
        use serde::de::Error;
        let custom = KindError::custom("missing field `cause`");
        assert_eq!(custom.kind, ErrorKind::InvalidValue);
        let typed = KindError::custom(WithoutOffset("any words".into()));
        assert_eq!(typed.kind, ErrorKind::TimestampWithoutOffset);
        assert_eq!(
            KindError::custom(Contradiction("x".into())).kind,
            ErrorKind::Inconsistent
        );
        assert_eq!(
            KindError::custom(SchemaMismatch("x".into())).kind,
            ErrorKind::UnsupportedSchema
        );
        let missing = KindError::missing_field("cause");
        assert_eq!(
            (missing.kind, missing.field.as_deref()),
            (ErrorKind::MissingField, Some("cause"))
        );
        // Through the whole path: a wrong type, an unknown value, a
        // contradiction, each at its field.
        for (text, path, kind) in [
            (r#"{"policy": 1}"#, "policy", ErrorKind::WrongType),
            (
                r#"{"policy": "sometimes"}"#,
                "policy",
                ErrorKind::UnknownValue,
            ),
            (
                r#"{"polic": "risk_based"}"#,
                "polic",
                ErrorKind::UnknownField,
            ),
        ] {
            let err = from_json::<crate::AssessmentOptions>("options", text).unwrap_err();
            assert_eq!(
                (err.first().path.as_str(), err.first().kind),
                (path, kind),
                "{text}"
            );
        }
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
