//! The 72 hours of Art. 33(1), computed in UTC.
//!
//! Two readings (see `legal-reference.md` 5.3):
//! - [`DeadlineRule::Exact72h`]: awareness + 72 h. The safe reading.
//! - [`DeadlineRule::Regulation118271`]: Regulation (EEC, Euratom) No 1182/71,
//!   Art. 3(1): "the hour during which the event occurs shall not be
//!   considered as falling within the period" — the 72 h start at the
//!   beginning of the next full hour; Art. 3(2)(a): they end with the expiry of
//!   the last hour. Weekends and holidays are included (Art. 3(3)); Art. 3(4)
//!   does not apply to periods in hours.
//!
//! Both are computed on absolute time, so a change to or from summer time
//! inside the 72 hours neither adds nor removes an hour.

use chrono::{DateTime, Duration, DurationRound, FixedOffset, Utc};

mod zone;

pub use zone::CountryZone;

use crate::facts::{CountryCode, Timestamp};
use crate::options::DeadlineRule;

/// Hours the controller has to notify the authority (Art. 33(1)).
pub const NOTIFICATION_HOURS: i64 = 72;

/// The latest time to notify the supervisory authority, in UTC.
///
/// ```
/// use dsgvo_core::{Timestamp, DeadlineRule, clock::authority_deadline};
/// let aware = Timestamp::parse("2020-12-22T12:17:00+01:00").unwrap();
/// assert_eq!(authority_deadline(aware, DeadlineRule::Exact72h).to_rfc3339(), "2020-12-25T11:17:00+00:00");
/// // 1182/71: counting starts at 13:00 local time, so the period ends at 13:00 on 25.12.
/// assert_eq!(authority_deadline(aware, DeadlineRule::Regulation118271).to_rfc3339(), "2020-12-25T12:00:00+00:00");
/// ```
pub fn authority_deadline(aware_at: Timestamp, rule: DeadlineRule) -> DateTime<Utc> {
    let start = match rule {
        DeadlineRule::Exact72h => aware_at.with_offset(),
        DeadlineRule::Regulation118271 => next_full_hour(aware_at.with_offset()),
    };
    (start + Duration::hours(NOTIFICATION_HOURS)).with_timezone(&Utc)
}

/// The beginning of the hour after the one in which `t` falls, on the
/// caller's own clock (the offset they wrote).
fn next_full_hour(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    // Truncation on the local clock: an offset such as +05:30 has its hours at :30 UTC.
    let local = t.naive_local();
    let truncated = local.duration_trunc(Duration::hours(1)).unwrap_or(local);
    let start = truncated + Duration::hours(1);
    // A fixed offset has no gaps or folds: local minus offset is the instant.
    let offset = *t.offset();
    DateTime::from_naive_utc_and_offset(
        start - Duration::seconds(i64::from(offset.local_minus_utc())),
        offset,
    )
}

/// The legal time of a controller's country (its capital's zone), for
/// showing deadlines on the controller's own clock. `None` outside the EU/EEA.
pub fn time_zone_of(country: &CountryCode) -> Option<CountryZone> {
    zone::of_country(country.as_str())
}

/// The abbreviation of the zone of `country` at `t` as people write it
/// (`CET`, `CEST`, `EET`), or `UTC+hh:mm` where the directory knows no zone.
pub fn zone_abbreviation(t: DateTime<Utc>, country: &CountryCode, fallback: Timestamp) -> String {
    match time_zone_of(country) {
        Some(zone) => zone.abbreviation_at(t),
        None => format!("UTC{}", fallback.with_offset().offset()),
    }
}

/// `t` on the controller's clock: its country's zone, or else the offset of
/// `fallback` (the caller's `aware_at`), with the IANA name of the zone
/// (data, for machines); [`zone_abbreviation`] gives the name people read.
pub fn local_time(
    t: DateTime<Utc>,
    country: &CountryCode,
    fallback: Timestamp,
) -> (DateTime<FixedOffset>, String) {
    match time_zone_of(country) {
        Some(zone) => (t.with_timezone(&zone.offset_at(t)), zone.name().to_string()),
        None => {
            let offset = *fallback.with_offset().offset();
            (t.with_timezone(&offset), format!("UTC{offset}"))
        }
    }
}
