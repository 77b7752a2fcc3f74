//! GDELT 2.0 Events: 61 tab-separated columns, no header.

use crate::fields::{prefix, push_clean, roles, score, span_text, yyyymmdd};
use crate::{EventSink, ExportError};
use statecraft_types::{Date, EventRecord, Feature, Location};
use std::fmt::Write as _;
use std::io::{BufWriter, Write};

/// The GDELT 2.0 Events columns, in file order (the `gdelt` format writes
/// them in this order, without a header line).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Columns 34 (AvgTone) to 50 (Actor2Geo_FeatureID): empty.
const EMPTY_AFTER_COUNTS: usize = 50 - 34 + 1;

/// Appends the eight ActionGeo columns (51–58: Type, FullName,
/// CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID), each followed by
/// a tab, as GDELT fills them: the type 1 (country), 2 (US state), 3 (US
/// city), 4 (world city) or 5 (world state); FIPS 10-4 country codes; the
/// ADM1 code as FIPS country code and division code ("IZ17", "USNY"; the
/// country's code for a country). GDELT's FeatureID is a GNS or GNIS
/// identifier; ours is the GeoNames identifier (the FIPS code for a
/// country, as GDELT writes it). A country has no point (GDELT gives its
/// centroid; we leave Lat and Long empty rather than invent a point).
fn action_geo(line: &mut String, l: Option<&Location>) {
    let Some(l) = l else {
        line.push_str("\t\t\t\t\t\t\t\t");
        return;
    };
    let g = statecraft_geo::Gazetteer::bundled();
    let country = g.country(&l.country);
    let fips = country.and_then(|c| c.fips.as_deref()).unwrap_or("");
    let us = l.country == "USA";
    let kind = match l.feature {
        Feature::Country => 1,
        Feature::Adm1 if us => 2,
        Feature::Adm1 => 5,
        Feature::City if us => 3,
        Feature::City | Feature::Other => 4,
    };
    let _ = write!(line, "{kind}\t");
    push_clean(line, &l.name);
    if l.feature != Feature::Country {
        if let Some(c) = country {
            line.push_str(", ");
            push_clean(line, &c.name);
        }
    }
    line.push('\t');
    push_clean(line, fips);
    line.push('\t');
    match (&l.adm1, l.feature) {
        (_, Feature::Country) => push_clean(line, fips),
        (Some(a), _) if !fips.is_empty() => {
            push_clean(line, fips);
            push_clean(line, a);
        }
        _ => {}
    }
    // ADM2Code.
    line.push_str("\t\t");
    if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
        let _ = write!(line, "{lat}\t{lon}\t");
    } else {
        line.push_str("\t\t");
    }
    match (l.geonames_id, l.feature) {
        (_, Feature::Country) => push_clean(line, fips),
        (Some(id), _) => {
            let _ = write!(line, "{id}");
        }
        _ => {}
    }
    line.push('\t');
}

pub(crate) struct GdeltSink<W: Write> {
    out: BufWriter<W>,
    line: String,
}

impl<W: Write> GdeltSink<W> {
    pub(crate) fn new(out: W) -> Self {
        GdeltSink {
            out: BufWriter::new(out),
            line: String::with_capacity(512),
        }
    }
}

/// GDELT's FractionDate: the year plus the day of the year over 365, to
/// four decimals (2025-02-09 → `2025.1096`). By that formula the last day
/// of a year (day 365 or 366) reaches the next year's value.
fn fraction_date(d: Date) -> String {
    let (y, _, _) = d.ymd();
    let jan1 = Date::from_ymd(y, 1, 1).map_or(d.day_number(), Date::day_number);
    let day_of_year = i64::from(d.day_number()) - i64::from(jan1) + 1;
    let v = (i64::from(y) * 365 + day_of_year) as f64 / 365.0;
    format!("{v:.4}")
}

/// Appends the ten Actor columns (5–14 for Actor1, 15–24 for Actor2:
/// Code … Type3Code), each followed by a tab.
fn actor(line: &mut String, code: &str, state: Option<&str>, name: Option<&str>) {
    push_clean(line, code);
    line.push('\t');
    if let Some(n) = name {
        push_clean(line, &n.to_uppercase());
    }
    line.push('\t');
    push_clean(line, state.unwrap_or(""));
    line.push('\t');
    // KnownGroup, Ethnic, Religion1, Religion2.
    line.push_str("\t\t\t\t");
    let types = roles(code, state);
    for k in 0..3 {
        if let Some(t) = types.get(k) {
            line.push_str(t);
        }
        line.push('\t');
    }
}

/// The tab-separated line (without its newline) for `e`.
pub(crate) fn line(line: &mut String, e: &EventRecord) {
    let (y, m, _) = e.date.ymd();
    // Writing to a String cannot fail.
    let _ = write!(
        line,
        "{}\t{}\t{}\t{}\t{}\t",
        e.id,
        yyyymmdd(e.date),
        i64::from(y) * 100 + i64::from(m),
        y,
        fraction_date(e.date)
    );
    actor(
        line,
        e.source.as_str(),
        e.source_state.as_deref(),
        span_text(&e.text, e.spans.source),
    );
    actor(
        line,
        e.target.as_str(),
        e.target_state.as_deref(),
        span_text(&e.text, e.spans.target),
    );
    line.push_str(if e.sentence == 0 { "1\t" } else { "0\t" });
    push_clean(line, &e.cameo);
    line.push('\t');
    push_clean(line, prefix(&e.cameo, 3));
    line.push('\t');
    push_clean(
        line,
        e.root.as_deref().unwrap_or_else(|| prefix(&e.cameo, 2)),
    );
    line.push('\t');
    if let Some(q) = e.quad_class {
        let _ = write!(line, "{q}");
    }
    line.push('\t');
    if let Some(g) = e.goldstein {
        line.push_str(&score(g));
    }
    // NumMentions, NumSources, NumArticles.
    line.push_str("\t1\t1\t1\t");
    for _ in 0..EMPTY_AFTER_COUNTS {
        line.push('\t');
    }
    action_geo(line, e.location.as_ref());
    let _ = write!(line, "{}000000\t", yyyymmdd(e.story_date));
    push_clean(line, &e.story_id);
}

impl<W: Write> EventSink for GdeltSink<W> {
    fn write(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        self.line.clear();
        line(&mut self.line, e);
        self.line.push('\n');
        self.out.write_all(self.line.as_bytes())?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_dates() {
        assert_eq!(
            fraction_date(Date::from_ymd(2025, 2, 9).unwrap()),
            "2025.1096"
        );
        assert_eq!(
            fraction_date(Date::from_ymd(2025, 1, 1).unwrap()),
            "2025.0027"
        );
        assert_eq!(
            fraction_date(Date::from_ymd(2024, 12, 31).unwrap()),
            "2025.0027"
        );
    }
}
