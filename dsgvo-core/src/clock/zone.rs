//! The legal time of each EU/EEA country: the zone of its capital, its
//! standard time, and the summer time of Directive 2000/84/EC.
//!
//! With the default feature `tzdb`, offsets and abbreviations come from the
//! IANA time-zone database (chrono-tz), which also knows the past. Without
//! it (a smaller build, e.g. for WebAssembly), they follow the Directive:
//! summer time from 01:00 UTC on the last Sunday in March to 01:00 UTC on
//! the last Sunday in October (Art. 2 and 3), in every member state and in
//! Norway and Liechtenstein; Iceland keeps UTC all year. The two agree for
//! every instant tested from 2004 (when the last of today's member states
//! without summer time, Lithuania, had taken it up again) to 2037; for
//! earlier years only the database is right. Choosing the Directive as the
//! fallback is ours.

use chrono::{DateTime, FixedOffset, Utc};
#[cfg(any(test, not(feature = "tzdb")))]
use chrono::{Datelike, NaiveDate};

/// An EU/EEA country's legal time.
///
/// ```
/// use dsgvo_core::clock::time_zone_of;
/// use dsgvo_core::facts::CountryCode;
///
/// let berlin = time_zone_of(&CountryCode::new("DE").unwrap()).unwrap();
/// assert_eq!(berlin.name(), "Europe/Berlin");
/// let summer = "2026-07-01T12:00:00Z".parse().unwrap();
/// assert_eq!(berlin.offset_at(summer).local_minus_utc(), 2 * 3600);
/// assert_eq!(berlin.abbreviation_at(summer), "CEST");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryZone {
    name: &'static str,
    standard_hours: i32,
    summer_time: bool,
    /// Standard and summer abbreviations, as the database writes them.
    abbreviations: (&'static str, &'static str),
}

const fn zone(name: &'static str, standard_hours: i32) -> CountryZone {
    let abbreviations = match standard_hours {
        0 => ("WET", "WEST"),
        1 => ("CET", "CEST"),
        _ => ("EET", "EEST"),
    };
    CountryZone {
        name,
        standard_hours,
        summer_time: true,
        abbreviations,
    }
}

/// The zone of an EU/EEA country's capital; `None` elsewhere.
pub(super) fn of_country(country: &str) -> Option<CountryZone> {
    Some(match country {
        "IE" => CountryZone {
            // Irish Standard Time is the summer time (Standard Time Act
            // 1968); the database writes GMT and IST.
            abbreviations: ("GMT", "IST"),
            ..zone("Europe/Dublin", 0)
        },
        "PT" => zone("Europe/Lisbon", 0),
        "IS" => CountryZone {
            name: "Atlantic/Reykjavik",
            standard_hours: 0,
            summer_time: false,
            abbreviations: ("GMT", "GMT"),
        },
        "AT" => zone("Europe/Vienna", 1),
        "BE" => zone("Europe/Brussels", 1),
        "HR" => zone("Europe/Zagreb", 1),
        "CZ" => zone("Europe/Prague", 1),
        "DK" => zone("Europe/Copenhagen", 1),
        "FR" => zone("Europe/Paris", 1),
        "DE" => zone("Europe/Berlin", 1),
        "HU" => zone("Europe/Budapest", 1),
        "IT" => zone("Europe/Rome", 1),
        "LU" => zone("Europe/Luxembourg", 1),
        "MT" => zone("Europe/Malta", 1),
        "NL" => zone("Europe/Amsterdam", 1),
        "PL" => zone("Europe/Warsaw", 1),
        "SK" => zone("Europe/Bratislava", 1),
        "SI" => zone("Europe/Ljubljana", 1),
        "ES" => zone("Europe/Madrid", 1),
        "SE" => zone("Europe/Stockholm", 1),
        "LI" => zone("Europe/Vaduz", 1),
        "NO" => zone("Europe/Oslo", 1),
        "BG" => zone("Europe/Sofia", 2),
        "CY" => zone("Asia/Nicosia", 2),
        "EE" => zone("Europe/Tallinn", 2),
        "FI" => zone("Europe/Helsinki", 2),
        "GR" => zone("Europe/Athens", 2),
        "LV" => zone("Europe/Riga", 2),
        "LT" => zone("Europe/Vilnius", 2),
        "RO" => zone("Europe/Bucharest", 2),
        _ => return None,
    })
}

impl CountryZone {
    /// The IANA name of the zone (`Europe/Berlin`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The offset from UTC at `t`.
    pub fn offset_at(&self, t: DateTime<Utc>) -> FixedOffset {
        #[cfg(feature = "tzdb")]
        {
            use chrono::Offset;
            t.with_timezone(&self.tz()).offset().fix()
        }
        #[cfg(not(feature = "tzdb"))]
        {
            self.directive_offset(t)
        }
    }

    /// The abbreviation people write at `t` (`CET`, `CEST`, `IST`).
    pub fn abbreviation_at(&self, t: DateTime<Utc>) -> String {
        #[cfg(feature = "tzdb")]
        {
            t.with_timezone(&self.tz()).format("%Z").to_string()
        }
        #[cfg(not(feature = "tzdb"))]
        {
            self.directive_abbreviation(t).to_string()
        }
    }

    #[cfg(feature = "tzdb")]
    fn tz(&self) -> chrono_tz::Tz {
        self.name
            .parse()
            .expect("every zone of ours is in the database (tested)")
    }

    #[cfg(any(test, not(feature = "tzdb")))]
    fn directive_offset(&self, t: DateTime<Utc>) -> FixedOffset {
        let hours = self.standard_hours + i32::from(self.in_summer_time(t));
        FixedOffset::east_opt(hours * 3600).expect("offsets of ours are within a day")
    }

    #[cfg(any(test, not(feature = "tzdb")))]
    fn directive_abbreviation(&self, t: DateTime<Utc>) -> &'static str {
        if self.in_summer_time(t) {
            self.abbreviations.1
        } else {
            self.abbreviations.0
        }
    }

    /// Directive 2000/84/EC, Art. 2 and 3: from 01:00 UTC on the last Sunday
    /// in March until 01:00 UTC on the last Sunday in October.
    #[cfg(any(test, not(feature = "tzdb")))]
    fn in_summer_time(&self, t: DateTime<Utc>) -> bool {
        let year = t.year();
        self.summer_time && last_sunday_1am(year, 3) <= t && t < last_sunday_1am(year, 10)
    }
}

/// 01:00 UTC on the last Sunday of `month` (March or October: 31 days).
#[cfg(any(test, not(feature = "tzdb")))]
fn last_sunday_1am(year: i32, month: u32) -> DateTime<Utc> {
    let last = NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
    let sunday = last - chrono::Duration::days(i64::from(last.weekday().num_days_from_sunday()));
    sunday.and_hms_opt(1, 0, 0).expect("01:00 exists").and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    const COUNTRIES: [&str; 30] = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ];

    #[test]
    fn summer_time_starts_and_ends_at_one_utc_on_the_last_sundays() {
        for (year, month, day) in [
            (2026, 3, 29), // 2026: 29 March and 25 October, both Sundays
            (2026, 10, 25),
            (2020, 10, 25), // 31 October 2020 is a Saturday
            (2024, 3, 31),  // 31 March 2024 is itself a Sunday
        ] {
            assert_eq!(
                last_sunday_1am(year, month),
                Utc.with_ymd_and_hms(year, month, day, 1, 0, 0).unwrap(),
                "{year}-{month}"
            );
        }
        let de = of_country("DE").unwrap();
        let start = last_sunday_1am(2026, 3);
        let end = last_sunday_1am(2026, 10);
        assert!(!de.in_summer_time(start - Duration::seconds(1)));
        assert!(de.in_summer_time(start));
        assert!(de.in_summer_time(end - Duration::seconds(1)));
        assert!(!de.in_summer_time(end));
        assert!(!of_country("IS").unwrap().in_summer_time(start));
    }

    /// The Directive's rule and the database give the same offset and
    /// abbreviation around every change and in every month, 2004–2037
    /// (Lithuania, a member since 2004, kept no summer time in 2000–2002).
    #[cfg(feature = "tzdb")]
    #[test]
    fn the_directive_agrees_with_the_database() {
        use chrono::Offset;
        for country in COUNTRIES {
            let zone = of_country(country).unwrap();
            let tz = zone.tz();
            for year in 2004..=2037 {
                let mut instants: Vec<DateTime<Utc>> = (1..=12)
                    .map(|m| Utc.with_ymd_and_hms(year, m, 15, 12, 0, 0).unwrap())
                    .collect();
                for change in [last_sunday_1am(year, 3), last_sunday_1am(year, 10)] {
                    instants.extend((-4..=4).map(|q| change + Duration::minutes(30 * q)));
                    instants.push(change - Duration::seconds(1));
                }
                for t in instants {
                    let db = t.with_timezone(&tz);
                    assert_eq!(zone.directive_offset(t), db.offset().fix(), "{country} {t}");
                    assert_eq!(
                        zone.directive_abbreviation(t),
                        db.format("%Z").to_string(),
                        "{country} {t}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_eu_eea_country_has_a_zone_and_no_other() {
        for country in COUNTRIES {
            assert!(of_country(country).is_some(), "{country}");
        }
        for country in ["GB", "CH", "US", "TR", "de"] {
            assert_eq!(of_country(country), None, "{country}");
        }
    }
}
