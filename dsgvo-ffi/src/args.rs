//! Reading the door's small arguments: languages, times, dates, tolerances.

use chrono::{DateTime, NaiveDate, Utc};
use dsgvo_core::case::BackdatingTolerance;
use dsgvo_core::{Language, Timestamp};

use crate::status::{Failure, dsgvo_status};

fn invalid(message: String) -> Failure {
    Failure::new(dsgvo_status::DSGVO_STATUS_INVALID_ARGUMENT, message)
}

/// `"de"` or `"en"`; absent = German.
pub(crate) fn language(text: Option<&str>) -> Result<Language, Failure> {
    text.map_or(Ok(Language::De), |t| {
        t.parse().map_err(|e| invalid(format!("lang: {e}")))
    })
}

/// An RFC 3339 time with offset, in UTC.
pub(crate) fn time(text: &str, name: &str) -> Result<DateTime<Utc>, Failure> {
    timestamp(text, name).map(|t| t.to_utc())
}

/// An RFC 3339 time with offset, as a timestamp.
pub(crate) fn timestamp(text: &str, name: &str) -> Result<Timestamp, Failure> {
    Timestamp::parse_argument(text)
        .map_err(|(code, e)| Failure::new(code.into(), format!("{name}: {e}")))
}

/// A calendar date `YYYY-MM-DD`.
pub(crate) fn date(text: &str, name: &str) -> Result<NaiveDate, Failure> {
    text.parse()
        .map_err(|_| invalid(format!("{name}: \"{text}\" is not a date YYYY-MM-DD")))
}

/// A back-dating tolerance in seconds (0 to 7 days).
pub(crate) fn tolerance(seconds: i64) -> Result<BackdatingTolerance, Failure> {
    if !(0..=7 * 24 * 3600).contains(&seconds) {
        return Err(invalid(format!(
            "tolerance_seconds: {seconds} is outside 0 to 604800 (7 days)"
        )));
    }
    Ok(BackdatingTolerance(chrono::Duration::seconds(seconds)))
}
