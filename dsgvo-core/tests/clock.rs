//! The controller's own clock: every EU/EEA country's legal time, winter and
//! summer, stated from the countries' time laws (standard time and the
//! summer-time arrangements of Directive 2000/84/EC; Iceland keeps UTC all
//! year), never from the library's own table.

use chrono::{DateTime, Utc};
use dsgvo_core::Timestamp;
use dsgvo_core::clock::{local_time, time_zone_of, zone_abbreviation};
use dsgvo_core::facts::CountryCode;

/// (country, UTC offset in January, in July, in hours)
const LEGAL_TIME: [(&str, i32, i32); 30] = [
    // Western European Time (UTC+0, summer +1).
    ("IE", 0, 1),
    ("PT", 0, 1),
    // Iceland: UTC, no summer time.
    ("IS", 0, 0),
    // Central European Time (UTC+1, summer +2).
    ("AT", 1, 2),
    ("BE", 1, 2),
    ("HR", 1, 2),
    ("CZ", 1, 2),
    ("DK", 1, 2),
    ("FR", 1, 2),
    ("DE", 1, 2),
    ("HU", 1, 2),
    ("IT", 1, 2),
    ("LU", 1, 2),
    ("MT", 1, 2),
    ("NL", 1, 2),
    ("PL", 1, 2),
    ("SK", 1, 2),
    ("SI", 1, 2),
    ("ES", 1, 2),
    ("SE", 1, 2),
    ("LI", 1, 2),
    ("NO", 1, 2),
    // Eastern European Time (UTC+2, summer +3).
    ("BG", 2, 3),
    ("CY", 2, 3),
    ("EE", 2, 3),
    ("FI", 2, 3),
    ("GR", 2, 3),
    ("LV", 2, 3),
    ("LT", 2, 3),
    ("RO", 2, 3),
];

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn code(c: &str) -> CountryCode {
    CountryCode::new(c).unwrap()
}

#[test]
fn every_eu_eea_country_has_its_legal_time_in_winter_and_summer() {
    let fallback = Timestamp::parse("2026-01-15T12:00:00-05:00").unwrap();
    for (country, winter, summer) in LEGAL_TIME {
        for (when, hours) in [
            ("2026-01-15T12:00:00Z", winter),
            ("2026-07-15T12:00:00Z", summer),
        ] {
            let (local, zone) = local_time(utc(when), &code(country), fallback);
            assert_eq!(
                local.offset().local_minus_utc(),
                hours * 3600,
                "{country} at {when} ({zone})"
            );
            assert!(zone.contains('/'), "{country}: an IANA zone, not {zone}");
        }
        assert!(time_zone_of(&code(country)).is_some(), "{country}");
    }
}

#[test]
fn outside_the_eu_eea_the_callers_own_offset_is_kept_and_named() {
    let fallback = Timestamp::parse("2026-01-15T12:00:00-05:00").unwrap();
    for country in ["US", "CH", "GB", "TR"] {
        assert_eq!(time_zone_of(&code(country)), None, "{country}");
        let (local, zone) = local_time(utc("2026-07-15T12:00:00Z"), &code(country), fallback);
        assert_eq!(local.offset().local_minus_utc(), -5 * 3600, "{country}");
        assert_eq!(zone, "UTC-05:00");
        assert_eq!(
            zone_abbreviation(utc("2026-07-15T12:00:00Z"), &code(country), fallback),
            "UTC-05:00"
        );
    }
}

#[test]
fn abbreviations_are_the_ones_people_write() {
    let fallback = Timestamp::parse("2026-01-15T12:00:00+01:00").unwrap();
    let abbr = |c: &str, when: &str| zone_abbreviation(utc(when), &code(c), fallback);
    assert_eq!(abbr("DE", "2026-01-15T12:00:00Z"), "CET");
    assert_eq!(abbr("DE", "2026-07-15T12:00:00Z"), "CEST");
    assert_eq!(abbr("FI", "2026-01-15T12:00:00Z"), "EET");
    assert_eq!(abbr("PT", "2026-07-15T12:00:00Z"), "WEST");
}

/// Regulation 1182/71, Art. 3(1): the hour during which the event occurs is
/// not counted; the 72 hours start at the next full hour on the caller's own
/// clock — also where the offset is not whole hours, and also at :00 sharp.
#[test]
fn regulation_1182_71_starts_at_the_next_full_local_hour() {
    use dsgvo_core::{DeadlineRule, clock::authority_deadline};
    let deadline = |aware: &str| {
        authority_deadline(
            Timestamp::parse(aware).unwrap(),
            DeadlineRule::Regulation118271,
        )
        .to_rfc3339()
    };
    // 10:15 local (+05:30) → starts 11:00 local = 05:30 UTC.
    assert_eq!(
        deadline("2026-03-02T10:15:00+05:30"),
        "2026-03-05T05:30:00+00:00"
    );
    // 10:00 sharp: the hour 10:00–11:00 is the hour of the event.
    assert_eq!(
        deadline("2026-03-02T10:00:00+01:00"),
        "2026-03-05T10:00:00+00:00"
    );
    // A negative offset: 23:59 at -03:00 → starts 00:00 local = 03:00 UTC.
    assert_eq!(
        deadline("2026-03-02T23:59:00-03:00"),
        "2026-03-06T03:00:00+00:00"
    );
}
