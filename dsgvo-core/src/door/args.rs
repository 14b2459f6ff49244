//! The small arguments every door reads alike, and its JSON documents. Each
//! reader takes the argument's name as the door spells it, so the message
//! names it (`now: ...`, `format: ...`).

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;

use super::DoorError;
use crate::case::{BackdatingTolerance, CaseId};
use crate::{AssessmentOptions, BreachFacts, Language, Timestamp, ValidFacts};

/// The longest back-dating tolerance a door accepts: 7 days, in seconds.
pub const MAX_TOLERANCE_SECONDS: i64 = 7 * 24 * 3600;

/// The language of the texts: `"de"` or `"en"`; absent means German.
///
/// # Errors
///
/// [`ErrorCode::InvalidArgument`](crate::ErrorCode::InvalidArgument) for
/// any other text, naming `lang`.
pub fn language(text: Option<&str>) -> Result<Language, DoorError> {
    text.map_or(Ok(Language::De), |t| choice(t, "lang"))
}

/// A value of a closed set (a format, a protection need, a language) from
/// its contract string; the message lists the allowed values.
///
/// # Errors
///
/// [`ErrorCode::InvalidArgument`](crate::ErrorCode::InvalidArgument)
/// naming `name`.
///
/// # Examples
///
/// ```
/// use dsgvo_core::case::RegisterFormat;
/// use dsgvo_core::door::args::choice;
/// assert_eq!(choice::<RegisterFormat>("csv", "format").unwrap(), RegisterFormat::Csv);
/// let e = choice::<RegisterFormat>("rows", "format").unwrap_err();
/// assert_eq!(e.message, "format: \"rows\" is not one of: csv, json, markdown, figures");
/// ```
pub fn choice<T: FromStr<Err = String>>(text: &str, name: &str) -> Result<T, DoorError> {
    text.parse()
        .map_err(|e| DoorError::invalid(format!("{name}: {e}")))
}

/// An RFC 3339 time with its offset, as the caller wrote it.
///
/// # Errors
///
/// [`ErrorCode::TimestampWithoutOffset`](crate::ErrorCode::TimestampWithoutOffset)
/// for a local time without offset,
/// [`ErrorCode::InvalidArgument`](crate::ErrorCode::InvalidArgument) for
/// anything else that is not such a time; both name `name`.
pub fn timestamp(text: &str, name: &str) -> Result<Timestamp, DoorError> {
    Timestamp::parse_argument(text)
        .map_err(|(code, e)| DoorError::new(code, format!("{name}: {e}")))
}

/// An RFC 3339 time with offset, as an instant in UTC.
///
/// # Errors
///
/// As [`timestamp`].
pub fn instant(text: &str, name: &str) -> Result<DateTime<Utc>, DoorError> {
    timestamp(text, name).map(Timestamp::to_utc)
}

/// A calendar date `YYYY-MM-DD`.
///
/// # Errors
///
/// [`ErrorCode::InvalidArgument`](crate::ErrorCode::InvalidArgument)
/// naming `name`.
pub fn date(text: &str, name: &str) -> Result<NaiveDate, DoorError> {
    text.parse()
        .map_err(|_| DoorError::invalid(format!("{name}: \"{text}\" is not a date YYYY-MM-DD")))
}

/// How far an entry's time may lie before the previous one's, in seconds:
/// 0 to 7 days (300 is the library's default).
///
/// # Errors
///
/// [`ErrorCode::InvalidArgument`](crate::ErrorCode::InvalidArgument)
/// outside that range, naming `tolerance_seconds`.
pub fn tolerance(seconds: i64) -> Result<BackdatingTolerance, DoorError> {
    if !(0..=MAX_TOLERANCE_SECONDS).contains(&seconds) {
        return Err(DoorError::invalid(format!(
            "tolerance_seconds: {seconds} is outside 0 to {MAX_TOLERANCE_SECONDS} (7 days)"
        )));
    }
    Ok(BackdatingTolerance(chrono::Duration::seconds(seconds)))
}

/// A case id: any text that is not blank.
///
/// # Errors
///
/// [`ErrorCode::InvalidArgument`](crate::ErrorCode::InvalidArgument) for a
/// blank id.
pub fn case_id(text: &str) -> Result<CaseId, DoorError> {
    if text.trim().is_empty() {
        return Err(DoorError::invalid("id: must not be blank"));
    }
    Ok(CaseId(text.to_string()))
}

/// Breach facts from JSON, validated.
///
/// # Errors
///
/// As [`BreachFacts::from_json`], with the field path.
pub fn facts(json: &str) -> Result<ValidFacts, DoorError> {
    Ok(BreachFacts::from_json(json)?)
}

/// Assessment options from JSON; absent means the defaults.
///
/// # Errors
///
/// As [`AssessmentOptions::from_json`], with the field path.
pub fn options(json: Option<&str>) -> Result<AssessmentOptions, DoorError> {
    Ok(json
        .map(AssessmentOptions::from_json)
        .transpose()?
        .unwrap_or_default())
}

/// Any other JSON document of the contract; `document` names it in the
/// message (`case command`, `DPO facts`).
///
/// # Errors
///
/// As [`crate::parse::from_json`], with the field path.
pub fn document<T: DeserializeOwned>(document: &'static str, json: &str) -> Result<T, DoorError> {
    Ok(crate::parse::from_json(document, json)?)
}

/// A JSON document of the contract that is one object (a command, an
/// anchor, DPO facts): an array is refused, never read positionally.
///
/// # Errors
///
/// As [`crate::parse::from_json_object`], with the field path.
pub fn object<T: DeserializeOwned>(document: &'static str, json: &str) -> Result<T, DoorError> {
    Ok(crate::parse::from_json_object(document, json)?)
}
