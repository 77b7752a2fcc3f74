//! Calendar dates without a time zone, as event data uses them.
//!
//! Dates are proleptic Gregorian, from 0001-01-01 to 9999-12-31: every
//! constructor and parser refuses anything else, and arithmetic stays in
//! that range ([`Date::add_days`] saturates; [`Date::checked_add_days`]
//! says when it would leave it). A date is stored as a day number, so
//! comparisons and "n days before" are plain integer arithmetic.

use std::fmt;

/// A calendar day between 0001-01-01 and 9999-12-31.
///
/// ```
/// use statecraft_types::Date;
/// let d = Date::from_ymd(2025, 2, 11).unwrap();
/// assert_eq!(d.to_string(), "2025-02-11");
/// assert_eq!(d.weekday(), 1); // Tuesday (0 = Monday)
/// assert_eq!(d.add_days(-11).to_string(), "2025-01-31");
/// assert!(Date::from_ymd(0, 1, 1).is_none());
/// assert!(Date::from_ymd(10000, 1, 1).is_none());
/// assert_eq!(Date::MAX.checked_add_days(1), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// The year below which two-digit years belong to the 2000s.
///
/// TABARI and PETRARCH read `YYMMDD` with years 00–30 as 2000–2030 and
/// 31–99 as 1931–1999; we keep that pivot so their date-restricted
/// dictionary codes mean what their authors intended.
pub const TWO_DIGIT_YEAR_PIVOT: u32 = 30;

/// The first year a [`Date`] can have.
pub const MIN_YEAR: i32 = 1;
/// The last year a [`Date`] can have.
pub const MAX_YEAR: i32 = 9999;

impl Date {
    /// 0001-01-01.
    pub const MIN: Date = Date(-719_162);
    /// 9999-12-31.
    pub const MAX: Date = Date(2_932_896);

    /// Builds a date, or `None` when the year is outside 1–9999 or the
    /// month or day is out of range.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// The date with this day number (days since 1970-01-01), if it is in
    /// range.
    pub fn from_day_number(n: i32) -> Option<Date> {
        (Date::MIN.0..=Date::MAX.0).contains(&n).then_some(Date(n))
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// The day of the month.
    pub fn day(self) -> u32 {
        self.ymd().2
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 (day 0) was a Thursday.
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The date `n` days later (or earlier when negative), or `None` when
    /// that leaves 0001–9999.
    pub fn checked_add_days(self, n: i32) -> Option<Date> {
        self.0.checked_add(n).and_then(Date::from_day_number)
    }

    /// The date `n` days later (or earlier when negative), held at
    /// [`Date::MIN`] and [`Date::MAX`].
    pub fn add_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n).clamp(Date::MIN.0, Date::MAX.0))
    }

    /// Days from `other` to `self`.
    pub fn days_since(self, other: Date) -> i32 {
        self.0 - other.0
    }

    /// The first day of the month `delta` months away, or `None` when that
    /// leaves 0001–9999.
    pub fn checked_add_months(self, delta: i32) -> Option<Date> {
        let (y, m, _) = self.ymd();
        let idx = (y * 12 + (m as i32 - 1)).checked_add(delta)?;
        Date::from_ymd(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32, 1)
    }

    /// The first day of the month `delta` months away, held at the first
    /// and last months of the range.
    pub fn add_months(self, delta: i32) -> Date {
        self.checked_add_months(delta).unwrap_or(if delta < 0 {
            Date::MIN
        } else {
            Date(days_from_civil(MAX_YEAR, 12, 1))
        })
    }

    /// The last day of this date's month.
    ///
    /// ```
    /// use statecraft_types::Date;
    /// let d = Date::from_ymd(2024, 2, 11).unwrap();
    /// assert_eq!(d.last_day_of_month().to_string(), "2024-02-29");
    /// ```
    pub fn last_day_of_month(self) -> Date {
        let (y, m, d) = self.ymd();
        self.add_days(days_in_month(y, m) as i32 - d as i32)
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        Date::from_day_number(i32::try_from(days).unwrap_or(i32::MAX)).unwrap_or(Date::MAX)
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i32 {
        self.0
    }

    /// Parses `YYMMDD` (with the two-digit-year pivot) or `YYYYMMDD`.
    ///
    /// ```
    /// use statecraft_types::Date;
    /// assert_eq!(Date::parse_compact("000717").unwrap().to_string(), "2000-07-17");
    /// assert_eq!(Date::parse_compact("950601").unwrap().to_string(), "1995-06-01");
    /// assert_eq!(Date::parse_compact("20100109").unwrap().to_string(), "2010-01-09");
    /// assert!(Date::parse_compact("951341").is_none());
    /// assert!(Date::parse_compact("00000101").is_none());
    /// ```
    pub fn parse_compact(s: &str) -> Option<Date> {
        let s = s.trim();
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
        match s.len() {
            6 => {
                let yy = num(0..2)?;
                let year = if yy <= TWO_DIGIT_YEAR_PIVOT {
                    2000 + yy
                } else {
                    1900 + yy
                };
                Date::from_ymd(year as i32, num(2..4)?, num(4..6)?)
            }
            8 => Date::from_ymd(num(0..4)? as i32, num(4..6)?, num(6..8)?),
            _ => None,
        }
    }

    /// Parses exactly `YYYY-MM-DD`, the form of API and command-line
    /// parameters: nothing before or after it, two-digit month and day.
    ///
    /// ```
    /// use statecraft_types::Date;
    /// assert_eq!(Date::parse_iso("2025-02-11").unwrap().to_string(), "2025-02-11");
    /// for bad in ["-2025-01-01", "2025-01-01' OR 1=1", "2025-1-1", "0000-01-01", " 2025-01-01", "2025-02-30"] {
    ///     assert!(Date::parse_iso(bad).is_none(), "{bad}");
    /// }
    /// ```
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| {
            b[r.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| s[r].parse::<u32>().ok())
                .flatten()
        };
        Date::from_ymd(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// Parses the date forms found in story metadata, as a whole: ISO
    /// `2025-02-11` (optionally with a time: `T18:54:00Z`, ` 18:54`),
    /// `YYYYMMDD`, `YYMMDD`, `2025/02/11`, and worded dates (`11 Feb.
    /// 2025`, `February 11, 2025`, `Tuesday, Feb 11 2025`), optionally
    /// followed by a time (`, 18:54`). Anything else, including trailing
    /// words, a sign or a year outside 1–9999, is refused.
    ///
    /// ```
    /// use statecraft_types::Date;
    /// for s in ["2025-02-11", "2025-02-11T18:54:00Z", "2025-02-11 18:54:00.5+09:00", "20250211",
    ///           "11 Feb. 2025", "February 11, 2025", "Feb 11 2025", "2025/2/11",
    ///           "11 February 2025, 18:54", "Tuesday, 11 February 2025"] {
    ///     assert_eq!(Date::parse(s).unwrap().to_string(), "2025-02-11", "{s}");
    /// }
    /// for bad in ["Tuesday", "-2025-01-01", "2025-01-01' OR 1=1", "0000-01-01",
    ///             "11 Feb. 2025 and more", "2025-01-01T", "10000-01-01"] {
    ///     assert!(Date::parse(bad).is_none(), "{bad}");
    /// }
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse_compact(s) {
            return Some(d);
        }
        let (date, rest) = Date::parse_leading(s)?;
        let rest = rest.trim_start_matches(',').trim();
        (rest.is_empty() || is_time(rest)).then_some(date)
    }

    /// Parses a date at the start of `s` in the forms [`Date::parse`]
    /// reads, and returns it with the rest of `s` (a metadata line such
    /// as `11 Feb. 2025, 18:54 Updated: 12 Feb. 2025` goes on after it).
    ///
    /// ```
    /// use statecraft_types::Date;
    /// let (d, rest) = Date::parse_leading("11 Feb. 2025, 18:54 Updated: 12 Feb. 2025").unwrap();
    /// assert_eq!(d.to_string(), "2025-02-11");
    /// assert_eq!(rest, ", 18:54 Updated: 12 Feb. 2025");
    /// assert!(Date::parse_leading("Updated: 12 Feb. 2025").is_none());
    /// ```
    pub fn parse_leading(s: &str) -> Option<(Date, &str)> {
        let s = s.trim_start();
        numeric_leading(s).or_else(|| worded_leading(s))
    }
}

/// `YYYY-MM-DD` or `YYYY/M/D` at the start of `s`; what follows must not
/// be a digit or a separator (`2025-01-011` is not a date).
fn numeric_leading(s: &str) -> Option<(Date, &str)> {
    let b = s.as_bytes();
    let run = |from: usize, max: usize| {
        let n = b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (1..=max).contains(&n).then_some(n)
    };
    let y = run(0, 4).filter(|n| *n == 4)?;
    let sep = *b.get(y)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let m = run(y + 1, 2)?;
    if b.get(y + 1 + m) != Some(&sep) {
        return None;
    }
    let d = run(y + 2 + m, 2)?;
    let end = y + 2 + m + d;
    if sep == b'-' && (m != 2 || d != 2) {
        return None;
    }
    if b.get(end)
        .is_some_and(|c| c.is_ascii_digit() || *c == b'-' || *c == b'/')
    {
        return None;
    }
    let date = Date::from_ymd(
        s[..y].parse().ok()?,
        s[y + 1..y + 1 + m].parse().ok()?,
        s[y + 2 + m..end].parse().ok()?,
    )?;
    Some((date, &s[end..]))
}

/// A worded date at the start of `s`: an optional weekday, then a day and
/// a month in either order, then a four-digit year.
fn worded_leading(s: &str) -> Option<(Date, &str)> {
    let mut words = Words { s, at: 0 };
    let mut w = words.next()?;
    if WEEKDAYS.iter().any(|d| {
        let l = w.to_ascii_lowercase();
        let l = l.trim_end_matches('.');
        l.len() >= 3 && d.starts_with(l)
    }) {
        w = words.next()?;
    }
    let (month, day) = match month_from_name(&w.to_ascii_lowercase()) {
        Some(m) => (m, day_number(words.next()?)?),
        None => {
            let d = day_number(w)?;
            (month_from_name(&words.next()?.to_ascii_lowercase())?, d)
        }
    };
    let y = words.next()?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = Date::from_ymd(y.parse().ok()?, month, day)?;
    Some((date, &s[words.at..]))
}

/// "11", "11th", "1st".
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

/// Words of a worded date: split at spaces, commas and the period after
/// an abbreviation; `at` is the byte offset after the last word taken.
struct Words<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.s[self.at..];
        let skip = rest.len() - rest.trim_start_matches([' ', ',', '\t']).len();
        let start = self.at + skip;
        let len = self.s[start..]
            .find([' ', ',', '\t'])
            .unwrap_or(self.s.len() - start);
        if len == 0 {
            return None;
        }
        self.at = start + len;
        Some(self.s[start..self.at].trim_end_matches('.'))
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A time of day after a date: `18:54`, `T18:54:00`, `18:54:00.123Z`,
/// `18:54+09:00`, `18:54 UTC`, `6:54 pm`.
fn is_time(s: &str) -> bool {
    let s = s.strip_prefix('T').unwrap_or(s);
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize, min: usize, max: usize| {
        let n = b[*i..].iter().take_while(|c| c.is_ascii_digit()).count();
        *i += n;
        (min..=max).contains(&n)
    };
    if !digits(&mut i, 1, 2) || b.get(i) != Some(&b':') {
        return false;
    }
    i += 1;
    if !digits(&mut i, 2, 2) {
        return false;
    }
    if b.get(i) == Some(&b':') {
        i += 1;
        if !digits(&mut i, 2, 2) {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i, 1, 9) {
                return false;
            }
        }
    }
    let zone = s[i..].trim();
    matches!(
        zone.to_ascii_lowercase().as_str(),
        "" | "z" | "utc" | "gmt" | "am" | "pm" | "a.m." | "p.m." | "kst" | "est" | "edt" | "cet"
    ) || {
        let z = zone.as_bytes();
        (z.first() == Some(&b'+') || z.first() == Some(&b'-'))
            && matches!(z.len(), 3 | 5 | 6)
            && z[1..].iter().all(|c| c.is_ascii_digit() || *c == b':')
    }
}

/// English month names, lowercase, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Maps an English month name or abbreviation (lowercase) to 1–12.
pub fn month_from_name(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|n| *n == w || (w.len() == 3 && n.starts_with(w)))
        .map(|i| i as u32 + 1)
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's civil-date algorithms.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Dates deserialize from `YYYY-MM-DD` only.
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a date between 0001-01-01 and 9999-12-31 (YYYY-MM-DD)"
            ))
        })
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Date {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Date::from_ymd(1900, 1, 1).unwrap();
        for n in 0..(400 * 366) {
            let d = start.add_days(n);
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        }
    }

    #[test]
    fn compact_dates_follow_the_pivot() {
        let cases = [
            ("300101", Some("2030-01-01")),
            ("310101", Some("1931-01-01")),
            ("991231", Some("1999-12-31")),
            ("000229", Some("2000-02-29")),
            ("010229", None),
            ("19510724", Some("1951-07-24")),
            ("186010029", None),
            ("9501201", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(
                Date::parse_compact(s).map(|d| d.to_string()).as_deref(),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn the_range_is_0001_to_9999() {
        assert_eq!(Date::from_ymd(1, 1, 1), Some(Date::MIN));
        assert_eq!(Date::from_ymd(9999, 12, 31), Some(Date::MAX));
        assert_eq!(Date::MAX.add_days(1), Date::MAX);
        assert_eq!(Date::MIN.add_days(-1), Date::MIN);
        assert_eq!(Date::MIN.checked_add_days(-1), None);
        assert_eq!(Date::MAX.checked_add_months(1), None);
        assert_eq!(Date::MAX.add_months(12).to_string(), "9999-12-01");
        assert_eq!(Date::from_day_number(Date::MAX.day_number() + 1), None);
        assert!(Date::parse("9999-12-31").is_some());
        assert!(Date::parse("0001-01-01").is_some());
        for bad in ["0000-12-31", "10000-01-01", "00000101", "-0001-01-01"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn metadata_dates_are_read_whole() {
        let cases = [
            ("2025-02-11", Some("2025-02-11")),
            ("  2025-02-11  ", Some("2025-02-11")),
            ("2025-02-11T00:00:00Z", Some("2025-02-11")),
            ("2025-02-11T00:00:00.123456+09:00", Some("2025-02-11")),
            ("2025/2/11", Some("2025-02-11")),
            ("Feb. 11, 2025", Some("2025-02-11")),
            ("11th February 2025", Some("2025-02-11")),
            ("Tue, 11 Feb 2025 18:54 GMT", Some("2025-02-11")),
            ("2025-02-11x", None),
            ("2025-02-11 and", None),
            ("2025--02-11", None),
            ("2025-2-11", None),
            ("2025-02-11;DROP", None),
            ("Feb 2025", None),
            ("11 Feb 25", None),
            ("32 Jan 2025", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(
                Date::parse(s).map(|d| d.to_string()).as_deref(),
                want,
                "{s:?}"
            );
        }
    }

    #[test]
    fn dates_round_trip_through_serde() {
        let d = Date::from_ymd(2025, 2, 11).unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2025-02-11\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"0000-01-01\"").is_err());
        assert!(serde_json::from_str::<Date>("\"2025-02-11 \"").is_err());
    }

    #[test]
    fn weekdays() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().weekday(), 3);
        assert_eq!(Date::from_ymd(2024, 12, 8).unwrap().weekday(), 6);
    }
}
