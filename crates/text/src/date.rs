//! Calendar dates without a time zone, as event data uses them.
//!
//! Dates are proleptic Gregorian and stored as a day number, so comparisons
//! and "n days before" are plain integer arithmetic.

use std::fmt;

/// A calendar day.
///
/// ```
/// use statecraft_text::Date;
/// let d = Date::from_ymd(2025, 2, 11).unwrap();
/// assert_eq!(d.to_string(), "2025-02-11");
/// assert_eq!(d.weekday(), 1); // Tuesday (0 = Monday)
/// assert_eq!(d.add_days(-11).to_string(), "2025-01-31");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// The year below which two-digit years belong to the 2000s.
///
/// TABARI and PETRARCH read `YYMMDD` with years 00–30 as 2000–2030 and
/// 31–99 as 1931–1999; we keep that pivot so their date-restricted
/// dictionary codes mean what their authors intended.
pub const TWO_DIGIT_YEAR_PIVOT: u32 = 30;

impl Date {
    /// Builds a date, or `None` when the month or day is out of range.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
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

    /// The date `n` days later (or earlier when negative).
    pub fn add_days(self, n: i32) -> Date {
        Date(self.0 + n)
    }

    /// Days from `other` to `self`.
    pub fn days_since(self, other: Date) -> i32 {
        self.0 - other.0
    }

    /// The first day of the month `delta` months away.
    pub fn add_months(self, delta: i32) -> Date {
        let (y, m, _) = self.ymd();
        let idx = y * 12 + (m as i32 - 1) + delta;
        Date::from_ymd(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32, 1).expect("valid")
    }

    /// The last day of this date's month.
    ///
    /// ```
    /// use statecraft_text::Date;
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
        Date(days as i32)
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i32 {
        self.0
    }

    /// Parses `YYMMDD` (with the two-digit-year pivot) or `YYYYMMDD`.
    ///
    /// ```
    /// use statecraft_text::Date;
    /// assert_eq!(Date::parse_compact("000717").unwrap().to_string(), "2000-07-17");
    /// assert_eq!(Date::parse_compact("950601").unwrap().to_string(), "1995-06-01");
    /// assert_eq!(Date::parse_compact("20100109").unwrap().to_string(), "2010-01-09");
    /// assert!(Date::parse_compact("951341").is_none());
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

    /// Parses the date forms found in story metadata: ISO `2025-02-11`
    /// (optionally followed by a time), `YYYYMMDD`, `YYMMDD`, `2025/02/11`,
    /// `11 Feb. 2025`, `February 11, 2025` and `Feb 11 2025`.
    ///
    /// ```
    /// use statecraft_text::Date;
    /// for s in ["2025-02-11", "2025-02-11T18:54:00Z", "20250211", "11 Feb. 2025",
    ///           "February 11, 2025", "Feb 11 2025", "2025/2/11", "11 February 2025, 18:54"] {
    ///     assert_eq!(Date::parse(s).unwrap().to_string(), "2025-02-11", "{s}");
    /// }
    /// assert!(Date::parse("Tuesday").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse_compact(s) {
            return Some(d);
        }
        // Numeric y-m-d with '-' or '/' separators, possibly followed by a time.
        let head: String = s
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '/')
            .collect();
        let parts: Vec<&str> = head.split(['-', '/']).filter(|p| !p.is_empty()).collect();
        if parts.len() == 3 && parts[0].len() == 4 {
            let y = parts[0].parse().ok()?;
            return Date::from_ymd(y, parts[1].parse().ok()?, parts[2].parse().ok()?);
        }
        // Worded forms: find a month name, a day (1-31) and a 4-digit year.
        let words: Vec<String> = s
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase())
            .collect();
        let mut month = None;
        let mut day = None;
        let mut year = None;
        for w in &words {
            if month.is_none() {
                if let Some(m) = month_from_name(w) {
                    month = Some(m);
                    continue;
                }
            }
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                if month.is_some() && day.is_some() && year.is_some() {
                    break;
                }
                continue;
            }
            if digits.len() == 4 && year.is_none() {
                year = digits.parse().ok();
            } else if digits.len() <= 2 && day.is_none() {
                day = digits.parse().ok();
            }
            if month.is_some() && day.is_some() && year.is_some() {
                break;
            }
        }
        Date::from_ymd(year?, month?, day?)
    }
}

/// English month names, lowercase, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
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
    fn weekdays() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().weekday(), 3);
        assert_eq!(Date::from_ymd(2024, 12, 8).unwrap().weekday(), 6);
    }
}
