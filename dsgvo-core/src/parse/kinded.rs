//! Reading a parsed JSON value with the kind of each problem taken from
//! serde's structured calls (`missing_field`, `unknown_variant`,
//! `invalid_type`, ...) and from the type of our own refusals, never from
//! the text of a message.

use std::any::type_name;
use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Unexpected, Visitor};
use serde_json::Value;

use crate::error::ErrorKind;

/// A local time without offset, refused by a timestamp.
pub(crate) struct WithoutOffset(pub String);
/// A `schema` tag this library does not read.
pub(crate) struct SchemaMismatch(pub String);
/// Fields that contradict each other.
pub(crate) struct Contradiction(pub String);

macro_rules! refusal_display {
    ($($t:ty),+) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )+};
}

refusal_display!(WithoutOffset, SchemaMismatch, Contradiction);

/// A problem with its kind; the message is ours, in English.
#[derive(Debug)]
pub(crate) struct KindError {
    pub kind: ErrorKind,
    pub message: String,
    /// For a missing or unknown field: its name (serde reports it at the
    /// parent).
    pub field: Option<String>,
}

impl KindError {
    fn new(kind: ErrorKind, message: String) -> KindError {
        KindError {
            kind,
            message,
            field: None,
        }
    }
}

impl fmt::Display for KindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for KindError {}

/// What was found, without the text itself: a string in the wrong place
/// may be a name or an address, and an error message is no place for it.
fn without_text(unexpected: Unexpected<'_>) -> Unexpected<'_> {
    match unexpected {
        Unexpected::Str(_) => Unexpected::Other("a string"),
        Unexpected::Char(_) => Unexpected::Other("a character"),
        Unexpected::Bytes(_) => Unexpected::Other("bytes"),
        other => other,
    }
}

fn one_of(names: &'static [&'static str]) -> String {
    match names {
        [] => "no other".into(),
        _ => names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

impl de::Error for KindError {
    fn custom<T: fmt::Display>(message: T) -> KindError {
        let kind = match type_name::<T>() {
            t if t == type_name::<WithoutOffset>() => ErrorKind::TimestampWithoutOffset,
            t if t == type_name::<SchemaMismatch>() => ErrorKind::UnsupportedSchema,
            t if t == type_name::<Contradiction>() => ErrorKind::Inconsistent,
            _ => ErrorKind::InvalidValue,
        };
        KindError::new(kind, message.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> KindError {
        KindError::new(
            ErrorKind::WrongType,
            format!(
                "invalid type: {}, expected {expected}",
                without_text(unexpected)
            ),
        )
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> KindError {
        KindError::new(
            ErrorKind::InvalidValue,
            format!(
                "invalid value: {}, expected {expected}",
                without_text(unexpected)
            ),
        )
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> KindError {
        KindError::new(
            ErrorKind::InvalidValue,
            format!("invalid length {len}, expected {expected}"),
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> KindError {
        KindError::new(
            ErrorKind::UnknownValue,
            format!(
                "unknown value \"{variant}\"; expected one of {}",
                one_of(expected)
            ),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> KindError {
        KindError {
            field: Some(field.to_string()),
            ..KindError::new(
                ErrorKind::UnknownField,
                format!("unknown field; expected one of {}", one_of(expected)),
            )
        }
    }

    fn missing_field(field: &'static str) -> KindError {
        KindError {
            field: Some(field.to_string()),
            ..KindError::new(ErrorKind::MissingField, "required field is missing".into())
        }
    }

    fn duplicate_field(field: &'static str) -> KindError {
        KindError::new(
            ErrorKind::InvalidValue,
            format!("duplicate field `{field}`"),
        )
    }
}

/// A JSON value as a serde deserializer with [`KindError`]s; it reads as
/// `serde_json::Value` does.
#[derive(Clone, Copy)]
pub(crate) struct Kinded<'de>(pub &'de Value);

impl<'de> IntoDeserializer<'de, KindError> for Kinded<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Kinded<'de> {
    type Error = KindError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, KindError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter().map(Kinded));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(map) => {
                let mut entries =
                    MapDeserializer::new(map.iter().map(|(k, v)| (k.as_str(), Kinded(v))));
                let value = visitor.visit_map(&mut entries)?;
                entries.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, KindError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, KindError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, KindError> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) if map.len() == 1 => {
                let entries =
                    MapDeserializer::new(map.iter().map(|(k, v)| (k.as_str(), Kinded(v))));
                visitor.visit_enum(de::value::MapAccessDeserializer::new(entries))
            }
            other => Err(de::Error::invalid_type(
                unexpected(other),
                &"a variant name",
            )),
        }
    }

    /// A struct is read from an object only: an array would be read as the
    /// fields in their order (serde's positional form).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, KindError> {
        match self.0 {
            Value::Array(_) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
            _ => self.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map
        identifier ignored_any
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(_) => Unexpected::Other("a number"),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}
