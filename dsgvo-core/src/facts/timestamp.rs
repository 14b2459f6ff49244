//! RFC 3339 timestamps that must carry a UTC offset.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// Start of the message for a timestamp without offset.
pub(crate) const WITHOUT_OFFSET: &str = "timestamp without UTC offset";

/// A point in time with the UTC offset the caller wrote (RFC 3339).
///
/// A timestamp without offset is rejected: the 72 hours of Art. 33(1) must not
/// depend on the time zone of whatever server parses the facts.
///
/// ```
/// use dsgvo_core::Timestamp;
/// let t = Timestamp::parse("2026-11-20T09:15:00+01:00").unwrap();
/// assert_eq!(t.to_utc().to_rfc3339(), "2026-11-20T08:15:00+00:00");
/// assert!(Timestamp::parse("2026-11-20T09:15:00").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<FixedOffset>);

impl Timestamp {
    /// Parses an RFC 3339 timestamp; the error says what is wrong with it.
    ///
    /// # Errors
    ///
    /// A message when `text` is not RFC 3339 or has no UTC offset.
    pub fn parse(text: &str) -> Result<Self, String> {
        match DateTime::parse_from_rfc3339(text) {
            Ok(t) => Ok(Timestamp(t)),
            Err(_) if looks_like_local_time(text) => Err(format!(
                "{WITHOUT_OFFSET}: \"{text}\"; write it with an offset, e.g. \"2026-11-20T09:15:00+01:00\" or \"2026-11-20T08:15:00Z\""
            )),
            Err(e) => Err(format!(
                "not an RFC 3339 timestamp: \"{text}\" ({e}); expected e.g. \"2026-11-20T09:15:00+01:00\""
            )),
        }
    }

    /// [`Timestamp::parse`] for a door's argument, with the failure's stable
    /// code: a local time without offset is
    /// [`ErrorCode::TimestampWithoutOffset`](crate::ErrorCode), anything
    /// else [`ErrorCode::InvalidArgument`](crate::ErrorCode).
    ///
    /// ```
    /// use dsgvo_core::{ErrorCode, Timestamp};
    /// assert_eq!(Timestamp::parse_argument("2026-11-20T09:15:00").unwrap_err().0, ErrorCode::TimestampWithoutOffset);
    /// assert_eq!(Timestamp::parse_argument("gestern").unwrap_err().0, ErrorCode::InvalidArgument);
    /// ```
    ///
    /// # Errors
    ///
    /// The [`ErrorCode`](crate::ErrorCode) (`TimestampWithoutOffset` or
    /// `InvalidArgument`) and a message.
    pub fn parse_argument(text: &str) -> Result<Self, (crate::ErrorCode, String)> {
        Timestamp::parse(text).map_err(|e| {
            let code = if looks_like_local_time(text) {
                crate::ErrorCode::TimestampWithoutOffset
            } else {
                crate::ErrorCode::InvalidArgument
            };
            (code, e)
        })
    }

    /// The same instant in UTC.
    pub fn to_utc(self) -> DateTime<Utc> {
        self.0.with_timezone(&Utc)
    }

    /// The timestamp with the offset the caller wrote.
    pub fn with_offset(self) -> DateTime<FixedOffset> {
        self.0
    }
}

impl From<DateTime<FixedOffset>> for Timestamp {
    fn from(t: DateTime<FixedOffset>) -> Self {
        Timestamp(t)
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(t: DateTime<Utc>) -> Self {
        Timestamp(t.fixed_offset())
    }
}

fn looks_like_local_time(text: &str) -> bool {
    let t = text.replace(' ', "T");
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S%.f").is_ok()
        || NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M").is_ok()
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp with offset")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).map_err(|message| {
                    if looks_like_local_time(v) {
                        E::custom(crate::parse::WithoutOffset(message))
                    } else {
                        E::custom(message)
                    }
                })
            }
        }
        d.deserialize_str(Visitor)
    }
}

impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 timestamp with UTC offset, e.g. 2026-11-20T09:15:00+01:00"
        })
    }
}
