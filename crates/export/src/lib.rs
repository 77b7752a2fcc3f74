//! Writes stored events ([`EventRecord`]s) in the formats analysts' tools
//! read: GDELT 2.0 Events TSV, PLOVER JSONL, CSV and Parquet.
//!
//! Every format streams: [`sink`] wraps any [`std::io::Write`], each
//! [`EventSink::write`] call encodes one event, and [`EventSink::finish`]
//! completes the file (CSV's header for an empty export, Parquet's footer)
//! and flushes. Only Parquet buffers, one row group
//! ([`ROW_GROUP_ROWS`] events) at a time, so memory use does not grow with
//! the number of events exported.
//!
//! | [`Format`] | layout |
//! | --- | --- |
//! | `gdelt` | the 61 columns of GDELT 2.0 Events ([`GDELT_COLUMNS`]), tab-separated, no header, `\n` line ends; columns we have no data for are empty |
//! | `plover` | one JSON object per line, with PLOVER's field names (`id`, `date`, `actor`, `recipient`, `event`, `mode`, `context`, `quad_code`, …) |
//! | `csv` | RFC 4180: a header row, CRLF line ends, one column per [`EventRecord`] field ([`CSV_COLUMNS`]) |
//! | `parquet` | the CSV columns as a flat Parquet schema: INT64, DOUBLE, DATE and UTF8 columns, OPTIONAL where the field is optional; Snappy-compressed |
//!
//! In CSV, a null and an empty string are both written as an empty field.
//!
//! ## PLOVER fields
//!
//! PLOVER's own names: `id`, `date`, `enddate`, `actor` and `recipient`
//! (one-element lists of entity objects with `code` (the top-level
//! three-character entity), `sector` and `entity_text`), `event` (the PLOVER
//! category; `[]` for the CAMEO roots PLOVER dropped), `mode` and `context`
//! (from the ontology, when it maps the code to the event's category),
//! `quad_code`, `event_text` (the verb), `text` and `text_info.sequence`
//! (the sentence index). Ours, after POLECAT or the store: `country`,
//! `sectors` and `cameo_code` in the entity objects, `date_precision`,
//! `date_text`, `goldstein`, `cameo`, `cameo_root`, `cameo_name`,
//! `modality`, `spans`, `story_id`, `story_hash`, `story_date` and
//! `location` (the place, as in `statecraft code`'s JSONL, or null).
//!
//! ## GDELT fields
//!
//! Filled: GLOBALEVENTID, SQLDATE, MonthYear, Year, FractionDate (year plus
//! day of year over 365), the Actor Code, Name (the words that named the
//! actor, in capitals), CountryCode and Type1–3Code (the role codes after
//! the country), IsRootEvent (first sentence), EventCode, EventBaseCode,
//! EventRootCode, QuadClass, GoldsteinScale, NumMentions, NumSources and
//! NumArticles (1), the ActionGeo columns from the event's location (Type 1
//! country, 2 US state, 3 US city, 4 world city, 5 world state; FullName
//! "Najaf, Iraq"; FIPS CountryCode; ADM1Code as FIPS country and GeoNames
//! division code; Lat and Long, empty for a country, never a centroid;
//! FeatureID the GeoNames id, a country's FIPS code), DATEADDED (the story
//! date at midnight) and SOURCEURL (the story identifier). Tabs and line
//! breaks in text become spaces.
//!
//! # Example
//!
//! ```
//! use statecraft_export::{sink, Format};
//! use statecraft_types::{Date, EventRecord, Precision, Spans};
//!
//! let day = Date::from_ymd(2025, 2, 11).unwrap();
//! let event = EventRecord {
//!     id: 7,
//!     story_id: "AFP-0042".into(),
//!     story_hash: "ab12".into(),
//!     story_date: day,
//!     sentence: 0,
//!     source: "KORGOV".into(),
//!     target: "SYR".into(),
//!     source_state: Some("KOR".into()),
//!     target_state: Some("SYR".into()),
//!     cameo: "042".into(),
//!     root: Some("04".into()),
//!     plover: Some("CONSULT".into()),
//!     goldstein: Some(1.9),
//!     quad_class: Some(1),
//!     date: day,
//!     date_end: day,
//!     date_precision: Precision::Day,
//!     date_text: None,
//!     modality: None,
//!     text: "Seoul's foreign minister visited Damascus.".into(),
//!     spans: Spans { source: Some([0, 5]), target: Some([33, 41]), verb: Some([25, 32]) },
//!     pattern: Some("* DAMASCUS".into()),
//!     source_actor: None,
//!     target_actor: None,
//!     location: None,
//! };
//!
//! let format: Format = "gdelt".parse()?;
//! let mut out = Vec::new();
//! let mut s = sink(format, &mut out);
//! s.write(&event)?;
//! s.finish()?;
//!
//! let line = String::from_utf8(out).unwrap();
//! let fields: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
//! assert_eq!(fields.len(), 61);
//! assert_eq!(fields[1], "20250211"); // SQLDATE
//! assert_eq!(fields[12], "GOV"); // Actor1Type1Code
//! assert_eq!(fields[26], "042"); // EventCode
//! # Ok::<(), statecraft_export::ExportError>(())
//! ```

mod columnar;
mod csv;
mod fields;
mod gdelt;
mod plover;

pub use columnar::ROW_GROUP_ROWS;
/// The flat layout of CSV and Parquet, for writers of other columnar
/// formats (the Python package's Arrow batches): the columns in order,
/// and one event's row.
pub mod flat {
    pub use crate::fields::{cells as row, Cell, Column, Kind, COLUMNS, NCOLS};
}
pub use csv::field as csv_field;
pub use gdelt::GDELT_COLUMNS;

use statecraft_types::EventRecord;
use std::fmt;
use std::str::FromStr;

/// The column names of the `csv` format (and of the `parquet` schema), in
/// order: one per [`EventRecord`] field, with the spans split into
/// `source_start`, `source_end`, `target_start`, `target_end`,
/// `verb_start` and `verb_end`.
pub const CSV_COLUMNS: [&str; fields::NCOLS] = {
    let mut names = [""; fields::NCOLS];
    let mut i = 0;
    while i < fields::NCOLS {
        names[i] = fields::COLUMNS[i].name;
        i += 1;
    }
    names
};

/// An export format.
///
/// # Example
///
/// ```
/// use statecraft_export::Format;
///
/// let f: Format = "PLOVER".parse().unwrap();
/// assert_eq!(f, Format::Plover);
/// assert_eq!(f.as_str(), "plover");
/// assert_eq!(f.extension(), "jsonl");
/// assert!("xlsx".parse::<Format>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// GDELT 2.0 Events: 61 tab-separated columns, no header.
    Gdelt,
    /// PLOVER JSONL: one JSON object per line.
    Plover,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// Apache Parquet, one flat row per event.
    Parquet,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Gdelt, Format::Plover, Format::Csv, Format::Parquet];

    /// The format's name: `gdelt`, `plover`, `csv` or `parquet`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Gdelt => "gdelt",
            Format::Plover => "plover",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }

    /// The usual file extension: `tsv`, `jsonl`, `csv` or `parquet`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Gdelt => "tsv",
            Format::Plover => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parses a format name, ignoring case and surrounding spaces.
    fn from_str(s: &str) -> Result<Format, ExportError> {
        let t = s.trim();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(t))
            .ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
    }
}

/// What went wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// Encoding JSON failed (for the `plover` format; in practice only
    /// when writing fails).
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// The Parquet writer failed, or an earlier failure left the file
    /// unusable.
    #[error("parquet: {0}")]
    Parquet(String),
    /// A format name that is not one of `gdelt`, `plover`, `csv`, `parquet`.
    #[error("unknown export format `{0}`: expected gdelt, plover, csv or parquet")]
    UnknownFormat(String),
}

/// Receives events one at a time and writes them out.
///
/// Call [`finish`](EventSink::finish) once after the last event: it writes
/// what the format needs at the end (Parquet's last row group and footer)
/// and flushes. A sink dropped without `finish` may leave a truncated file
/// (a Parquet file without its footer is unreadable).
pub trait EventSink {
    /// Writes one event.
    fn write(&mut self, e: &EventRecord) -> Result<(), ExportError>;

    /// Completes the output and flushes it.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// A sink writing `format` to `out`.
///
/// The text formats buffer their output internally, so `out` can be an
/// unbuffered [`std::fs::File`]. Pass `&mut writer` to keep the writer
/// (e.g. a `Vec<u8>`) for after [`EventSink::finish`].
pub fn sink<'a, W: std::io::Write + Send + 'a>(format: Format, out: W) -> Box<dyn EventSink + 'a> {
    match format {
        Format::Gdelt => Box::new(gdelt::GdeltSink::new(out)),
        Format::Plover => Box::new(plover::PloverSink::new(out)),
        Format::Csv => Box::new(csv::CsvSink::new(out)),
        Format::Parquet => Box::new(columnar::ParquetSink::new(out)),
    }
}

/// Writes every event of `events` to `out` in `format` and finishes the
/// file; returns the number of events written.
///
/// # Example
///
/// ```
/// use statecraft_export::{export, Format, CSV_COLUMNS};
///
/// let mut out = Vec::new();
/// let n = export(Format::Csv, &mut out, std::iter::empty::<statecraft_types::EventRecord>())?;
/// assert_eq!(n, 0);
/// assert_eq!(String::from_utf8(out).unwrap(), CSV_COLUMNS.join(",") + "\r\n");
/// # Ok::<(), statecraft_export::ExportError>(())
/// ```
pub fn export<'a, W, I>(format: Format, out: W, events: I) -> Result<u64, ExportError>
where
    W: std::io::Write + Send + 'a,
    I: IntoIterator,
    I::Item: std::borrow::Borrow<EventRecord>,
{
    use std::borrow::Borrow;
    let mut s = sink(format, out);
    let mut n = 0u64;
    for e in events {
        s.write(e.borrow())?;
        n += 1;
    }
    s.finish()?;
    Ok(n)
}
