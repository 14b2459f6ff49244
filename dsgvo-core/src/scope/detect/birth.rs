//! Dates as shop exports write them, read strictly (a real calendar date,
//! no guessing of the order of day and month beyond the German and ISO
//! forms), and the age a date of birth gives on a day.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// A date read from a cell, with its time of day when the cell has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// The calendar date.
    pub day: NaiveDate,
    /// The time of day, when given.
    pub time: Option<NaiveTime>,
    /// The offset in seconds east of UTC, when given (RFC 3339).
    pub offset: Option<i32>,
}

impl Date {
    /// The whole years from this date (a date of birth) to `on`; `None`
    /// when `on` lies before it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use dsgvo_core::scope::detect::read_date;
    /// let born = read_date("29.02.2008").unwrap();
    /// let on = |s: &str| s.parse::<NaiveDate>().unwrap();
    /// assert_eq!(born.age_on(on("2026-02-28")), Some(17));
    /// assert_eq!(born.age_on(on("2026-03-01")), Some(18));
    /// ```
    pub fn age_on(&self, on: NaiveDate) -> Option<u32> {
        if on < self.day {
            return None;
        }
        let years = on.year() - self.day.year();
        let before_birthday = (on.month(), on.day()) < (self.day.month(), self.day.day());
        u32::try_from(years - i32::from(before_birthday)).ok()
    }
}

/// Reads `value` as a date: ISO (`2008-02-29`, also with a time,
/// `2026-11-19 08:15:00`, `2026-11-19T08:15:00+01:00`) or German
/// (`29.02.2008`, `1.3.2008`, also with a time `29.02.2008 08:15`), years
/// 1900 to 2099. `None` for anything else, including impossible dates.
///
/// ```
/// use dsgvo_core::scope::detect::read_date;
/// assert!(read_date("2008-02-29").is_some());
/// assert!(read_date("2009-02-29").is_none());
/// assert!(read_date("02/03/2008").is_none()); // order of day and month unknown
/// ```
pub fn read_date(value: &str) -> Option<Date> {
    let value = super::trimmed(value);
    if value.len() < 8 || value.len() > 35 || !value.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    // RFC 3339 ends with its offset (`Z`, `+01:00`, `-05:00`) after the
    // ten characters of the date: without one the parse is not tried.
    let offset = value
        .as_bytes()
        .get(10..)
        .unwrap_or_default()
        .iter()
        .any(|b| matches!(b, b'Z' | b'z' | b'+' | b'-'));
    if let Some(t) = offset
        .then(|| chrono::DateTime::parse_from_rfc3339(value).ok())
        .flatten()
    {
        return plausible(Date {
            day: t.date_naive(),
            time: Some(t.time()),
            offset: Some(t.offset().local_minus_utc()),
        });
    }
    // The date ends at the first space or `T` (ASCII: never inside a
    // character of several bytes).
    let (date, time) = match value.bytes().position(|b| b == b' ' || b == b'T') {
        Some(at) => (&value[..at], Some(value[at + 1..].trim())),
        None => (value, None),
    };
    let day = iso_day(date.as_bytes()).or_else(|| german_day(date.as_bytes()))?;
    let time = match time {
        None => None,
        Some(t) => Some(clock(t.as_bytes())?),
    };
    plausible(Date {
        day,
        time,
        offset: None,
    })
}

/// `text` as a number of `min` to `max` ASCII digits.
fn number(text: &[u8], min: usize, max: usize) -> Option<u32> {
    if !(min..=max).contains(&text.len()) {
        return None;
    }
    text.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// The `N` parts of `text` between `separator`s, each a number of its
/// `(min, max)` digits; `None` for more or fewer parts.
fn parts<const N: usize>(
    text: &[u8],
    separator: u8,
    digits: [(usize, usize); N],
) -> Option<[u32; N]> {
    let mut out = [0; N];
    let mut rest = text;
    for (i, (min, max)) in digits.into_iter().enumerate() {
        let end = rest.iter().position(|b| *b == separator);
        let last = i + 1 == N;
        match (end, last) {
            (None, true) => out[i] = number(rest, min, max)?,
            (Some(end), false) => {
                out[i] = number(&rest[..end], min, max)?;
                rest = &rest[end + 1..];
            }
            _ => return None,
        }
    }
    Some(out)
}

/// `2008-02-29` (month and day with one or two digits).
fn iso_day(text: &[u8]) -> Option<NaiveDate> {
    let [y, m, d] = parts(text, b'-', [(4, 4), (1, 2), (1, 2)])?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `29.02.2008`, `1.3.2008`.
fn german_day(text: &[u8]) -> Option<NaiveDate> {
    let [d, m, y] = parts(text, b'.', [(1, 2), (1, 2), (4, 4)])?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `08:15` or `08:15:00`.
fn clock(text: &[u8]) -> Option<NaiveTime> {
    let (h, m, s) = match parts(text, b':', [(1, 2), (2, 2), (2, 2)]) {
        Some([h, m, s]) => (h, m, s),
        None => {
            let [h, m] = parts(text, b':', [(1, 2), (2, 2)])?;
            (h, m, 0)
        }
    };
    NaiveTime::from_hms_opt(h, m, s)
}

fn plausible(date: Date) -> Option<Date> {
    (1900..=2099).contains(&date.day.year()).then_some(date)
}

/// The date and time of `date` as a naive local date-time (midnight when
/// no time is given).
pub(crate) fn local(date: &Date) -> NaiveDateTime {
    date.day.and_time(date.time.unwrap_or(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reader as first written, with `str::split` and `parse`: what
    /// the byte-level reader must give on every input.
    fn by_split(value: &str) -> Option<Date> {
        let value = value.trim();
        if value.len() < 8 || value.len() > 35 || !value.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(value) {
            return plausible(Date {
                day: t.date_naive(),
                time: Some(t.time()),
                offset: Some(t.offset().local_minus_utc()),
            });
        }
        let number = |text: &str, min: usize, max: usize| -> Option<u32> {
            ((min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse().ok())
                .flatten()
        };
        let ymd = |text: &str, sep: char, iso: bool| -> Option<NaiveDate> {
            let p: Vec<&str> = text.split(sep).collect();
            let [a, b, c] = p.as_slice() else { return None };
            let (y, m, d) = if iso { (a, b, c) } else { (c, b, a) };
            let year = i32::try_from(number(y, 4, 4)?).ok()?;
            NaiveDate::from_ymd_opt(year, number(m, 1, 2)?, number(d, 1, 2)?)
        };
        let (date, time) = match value.split_once([' ', 'T']) {
            Some((d, t)) => (d, Some(t.trim())),
            None => (value, None),
        };
        let day = ymd(date, '-', true).or_else(|| ymd(date, '.', false))?;
        let time = match time {
            None => None,
            Some(t) => {
                let p: Vec<&str> = t.split(':').collect();
                let (h, m, s) = match p.as_slice() {
                    [h, m] => (h, m, Some(0)),
                    [h, m, s] => (h, m, number(s, 2, 2)),
                    _ => return None,
                };
                Some(NaiveTime::from_hms_opt(
                    number(h, 1, 2)?,
                    number(m, 2, 2)?,
                    s?,
                )?)
            }
        };
        plausible(Date {
            day,
            time,
            offset: None,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        // Dates, times and near misses: the byte-level reader reads what
        // the reader by `split` and `parse` reads.
        #[test]
        fn the_byte_reader_reads_what_split_and_parse_read(
            value in "[0-9]{1,5}[-.][0-9]{1,3}[-.][0-9]{1,5}([ T]{1,2}[0-9]{1,3}(:[0-9]{1,3}){0,3}[ ]?)?",
            free in "[0-9][0-9 .:T+Zz-]{0,20}",
        ) {
            prop_assert_eq!(read_date(&value), by_split(&value), "{}", value);
            prop_assert_eq!(read_date(&free), by_split(&free), "{}", free);
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn iso_and_german_dates_are_read_impossible_ones_are_not() {
        assert_eq!(read_date("2008-02-29").unwrap().day, d("2008-02-29"));
        assert_eq!(read_date("29.02.2008").unwrap().day, d("2008-02-29"));
        assert_eq!(read_date("1.3.2008").unwrap().day, d("2008-03-01"));
        let t = read_date("2026-11-19 08:15:00").unwrap();
        assert_eq!(
            (t.day, t.time.unwrap().to_string()),
            (d("2026-11-19"), "08:15:00".into())
        );
        let t = read_date("2026-11-19T08:15").unwrap();
        assert_eq!(t.time.unwrap().to_string(), "08:15:00");
        let z = read_date("2026-11-19T08:15:00+01:00").unwrap();
        assert_eq!(z.offset, Some(3600));
        for bad in [
            "2009-02-29",
            "31.04.2008",
            "02/03/2008",
            "2008-2-3x",
            "19.11.26",
            "1850-01-01",
            "2026-11-19 25:00",
            "heute",
            "20081231",
            "",
        ] {
            assert!(read_date(bad).is_none(), "{bad}");
        }
    }

    // Each part has its number of digits: a year four, a day and month one
    // or two, minutes and seconds two — "001" is no month, "08:5" no time.
    #[test]
    fn every_part_has_its_number_of_digits() {
        for bad in [
            "2026-001-20",
            "20.011.2026",
            "020.11.2026",
            "20.11.02026",
            "2026-11-19 08:5",
            "2026-11-19 08:15:0",
            "2026-11-19 008:15",
            "2026-1a-19",
        ] {
            assert!(read_date(bad).is_none(), "{bad}");
        }
        assert!(read_date("2026-11-19 8:15").is_some());
    }

    // Our limit, so a long text is rejected before any parsing: a date
    // cell has at most 35 characters (RFC 3339 with nanoseconds).
    #[test]
    fn a_date_cell_has_at_most_35_characters() {
        let nanos = "2026-11-20T09:15:00.123456789+01:00";
        assert_eq!(nanos.len(), 35);
        assert_eq!(read_date(nanos).unwrap().day, d("2026-11-20"));
        let longer = "2026-11-20T09:15:00.1234567891+01:00";
        assert!(chrono::DateTime::parse_from_rfc3339(longer).is_ok());
        assert!(read_date(longer).is_none());
    }

    #[test]
    fn the_age_counts_whole_years_to_the_birthday() {
        let born = read_date("2008-11-20").unwrap();
        assert_eq!(born.age_on(d("2026-11-19")), Some(17));
        assert_eq!(born.age_on(d("2026-11-20")), Some(18));
        assert_eq!(born.age_on(d("2008-11-19")), None);
        assert_eq!(born.age_on(d("2008-11-20")), Some(0));
    }
}
