//! Calendar dates.
//!
//! A [`Day`] is a calendar date with no time of day and no time zone: treaty actions are dated by the
//! depositary's calendar, and a reader's clock must never move them. Internally it is a Julian day
//! number (`i32`), so differences are whole days and the time scale is a plain linear map.
//! Parsing and validation of the calendar go through the `time` crate.

use std::fmt;

/// A calendar date (proleptic Gregorian), stored as a Julian day number.
///
/// Ordering is chronological. `Day` is `Copy` and cheap to compare, so it is used directly as the
/// domain of the time scale and as the key of every binary search over treaty events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub(crate) i32);

/// Why a date string was rejected. [`DateError::message`] gives the sentence in a locale; `Display` gives it in
/// English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (four-digit year, two-digit month and day); holds the input (clipped by the
    /// caller when quoted to a reader).
    Malformed(String),
    /// Well formed, but the month is not 01 to 12.
    BadMonth { input: String },
    /// Well formed, but the day is past the end of the month (for example `2019-02-30`).
    MonthLength { input: String, year: i32, month: u8, days: u8 },
}

impl DateError {
    /// The reason as a sentence fragment in `cat`'s language: “2019-02-30 is not a calendar date: February 2019 has
    /// 28 days”.
    pub fn message(&self, cat: &crate::i18n::Cat) -> String {
        use crate::i18n::{Arg, Msg};
        match self {
            DateError::Malformed(s) => cat.f(Msg::DateMalformed, &[("value", Arg::Str(s))]),
            DateError::BadMonth { input } => {
                let reason = cat.t(Msg::DateBadMonth);
                cat.f(Msg::DateImpossible, &[("value", Arg::Str(input)), ("reason", Arg::Str(reason))])
            }
            DateError::MonthLength { input, year, month, days } => {
                let month = crate::text::replace(&cat.month_year(*year, *month), "\u{a0}", " ");
                let reason = cat.f(Msg::DateMonthLength, &[("month", Arg::Str(&month)), ("n", Arg::Num(i64::from(*days)))]);
                cat.f(Msg::DateImpossible, &[("value", Arg::Str(input)), ("reason", Arg::Str(&reason))])
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&crate::i18n::Cat::en()))
    }
}

impl std::error::Error for DateError {}

impl Day {
    /// Builds a day from year, month (1–12) and day of month.
    ///
    /// # Errors
    /// [`DateError::BadMonth`] or [`DateError::MonthLength`] when the triple is not a calendar date.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Day, DateError> {
        let input = || format!("{year:04}-{month:02}-{day:02}");
        let m = time::Month::try_from(month).map_err(|_| DateError::BadMonth { input: input() })?;
        match time::Date::from_calendar_date(year, m, day) {
            Ok(d) => Ok(Day(d.to_julian_day())),
            Err(_) => Err(DateError::MonthLength { input: input(), year, month, days: m.length(year) }),
        }
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else (no time, no zone).
    ///
    /// # Errors
    /// [`DateError::Malformed`] for any other shape, [`DateError::MonthLength`] for `2019-02-30` and the like.
    pub fn parse(s: &str) -> Result<Day, DateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return Err(DateError::Malformed(s.chars().take(40).collect()));
        }
        let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<i32>().ok()).unwrap_or(0);
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        Day::from_ymd(y, u8::try_from(m).unwrap_or(0), u8::try_from(d).unwrap_or(0))
    }

    fn date(self) -> time::Date {
        // Every Day is built from a valid time::Date, so this cannot fail; fall back to the epoch anyway.
        time::Date::from_julian_day(self.0).unwrap_or(time::Date::MIN)
    }

    /// Calendar year.
    pub fn year(self) -> i32 {
        self.date().year()
    }

    /// 1 January of `year`.
    pub fn jan1(year: i32) -> Day {
        Day::from_ymd(year, 1, 1).unwrap_or(Day(0))
    }

    /// The last day of `month` (1–12) in `year`, or `None` for a month outside 1–12.
    pub fn last_of_month(year: i32, month: u8) -> Option<Day> {
        let m = time::Month::try_from(month).ok()?;
        Day::from_ymd(year, month, m.length(year)).ok()
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i32 {
        later.0 - self.0
    }

    /// The day `n` days after this one.
    pub fn plus_days(self, n: i32) -> Day {
        Day(self.0 + n)
    }

    /// Year, month (1–12) and day of the month.
    pub fn ymd(self) -> (i32, u8, u8) {
        let d = self.date();
        (d.year(), u8::from(d.month()), d.day())
    }
}

/// ISO 8601 form, `YYYY-MM-DD`.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // YYYY-MM-DD by hand: the CSVs write hundreds of dates per drawing, and the padding machinery of
        // `write!` costs more than the date itself.
        let d = self.date();
        let (y, m, day) = (d.year().unsigned_abs(), u32::from(u8::from(d.month())), u32::from(d.day()));
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let b = [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), b'-', digit(m / 10), digit(m), b'-', digit(day / 10), digit(day)];
        f.write_str(core::str::from_utf8(&b).unwrap_or("0000-00-00"))
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // tests run natively; the .wasm never carries them
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = Day::parse("2020-08-03").unwrap();
        assert_eq!(d.to_string(), "2020-08-03");
        assert_eq!(d.ymd(), (2020, 8, 3));
        assert_eq!(d.year(), 2020);
        assert_eq!(Day::parse("2000-02-29").unwrap().plus_days(1).to_string(), "2000-03-01");
    }

    #[test]
    fn rejects_impossible_dates_with_the_month_length() {
        let e = Day::parse("2019-02-30").unwrap_err();
        assert_eq!(e.to_string(), "2019-02-30 is not a calendar date: February 2019 has 28 days");
        assert!(Day::parse("2019-13-01").unwrap_err().to_string().contains("01 to 12"));
        assert!(matches!(Day::parse("2100-02-29"), Err(DateError::MonthLength { days: 28, .. })));
    }

    #[test]
    fn rejects_other_shapes() {
        for bad in ["2019-2-3", "03/02/2026", "2026-02-03T00:00", "", "yesterday", "２０２０-01-01"] {
            assert!(matches!(Day::parse(bad), Err(DateError::Malformed(_))), "{bad}");
        }
    }
}
