//! How precisely a date is known, and a date with its precision.

use crate::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How precisely a date is known.
///
/// Events carry [`Precision::Story`] when nothing in the text dated them
/// and they keep their story's date; every other value says how much of
/// the date the text (or a reference source) gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The day, or a run of days such as a week.
    Day,
    /// The month, part of a month, or a season: the date is its first day.
    Month,
    /// The year or part of a year: the date is its first day.
    Year,
    /// Nothing dated it: the story's date stands in.
    Story,
}

impl Precision {
    /// Every precision, in declaration order.
    pub const ALL: [Precision; 4] = [
        Precision::Day,
        Precision::Month,
        Precision::Year,
        Precision::Story,
    ];

    /// The lowercase name used in output, files and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Story => "story",
        }
    }

    /// Parses [`Precision::as_str`]'s names.
    ///
    /// ```
    /// use statecraft_types::Precision;
    /// assert_eq!(Precision::parse("month"), Some(Precision::Month));
    /// assert_eq!(Precision::parse("fortnight"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Precision> {
        Precision::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date with its precision: a day, a month (its first day) or a year
/// (1 January).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct When {
    /// The first day of the period.
    pub date: Date,
    /// How precise it is.
    pub precision: Precision,
}

impl When {
    /// A day.
    pub fn day(date: Date) -> When {
        When {
            date,
            precision: Precision::Day,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// ```
    /// use statecraft_types::{When, Precision};
    /// assert_eq!(When::parse("1966").unwrap().precision, Precision::Year);
    /// assert_eq!(When::parse("2024-02").unwrap().to_string(), "2024-02");
    /// assert_eq!(When::parse("2024-02-14").unwrap().date.to_string(), "2024-02-14");
    /// assert!(When::parse("2024-13").is_none());
    /// assert!(When::parse("0000").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<When> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        let year = num(parts.first()?, 4)? as i32;
        let (date, precision) = match parts.len() {
            1 => (Date::from_ymd(year, 1, 1)?, Precision::Year),
            2 => (
                Date::from_ymd(year, num(parts[1], 2)?, 1)?,
                Precision::Month,
            ),
            3 => (
                Date::from_ymd(year, num(parts[1], 2)?, num(parts[2], 2)?)?,
                Precision::Day,
            ),
            _ => return None,
        };
        Some(When { date, precision })
    }

    /// The last day of the period.
    pub fn last_day(self) -> Date {
        match self.precision {
            Precision::Day | Precision::Story => self.date,
            Precision::Month => self.date.last_day_of_month(),
            Precision::Year => Date::from_ymd(self.date.year(), 12, 31).unwrap_or(self.date),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.date.ymd();
        match self.precision {
            Precision::Day | Precision::Story => write!(f, "{y:04}-{m:02}-{d:02}"),
            Precision::Month => write!(f, "{y:04}-{m:02}"),
            Precision::Year => write!(f, "{y:04}"),
        }
    }
}
