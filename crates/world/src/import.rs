//! Readers for reference ties. Each reads a whole file or rejects it: the
//! first bad record fails the file, so nothing from a bad file is stored.
//!
//! - [`read_csv`]: the project's own `a,b,status,from,to,source`;
//! - [`read_wikidata`]: the JSON results of the SPARQL query in
//!   `docs/wikidata-p530.rq` (P530 "diplomatic relation" with its start and
//!   end qualifiers);
//! - [`read_cow_dipex`]: the Correlates of War Diplomatic Exchange CSV.

use crate::{EmbassyFact, Provenance, Start, States, Status, TieFact, When, WorldError};
use statecraft_types::Date;

/// What a file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// Facts about ties.
    pub ties: Vec<TieFact>,
    /// Facts about embassies.
    pub embassies: Vec<EmbassyFact>,
}

/// The project's header.
pub const CSV_HEADER: &str = "a,b,status,from,to,source";

/// Reads the project's CSV: `a,b,status,from,to,source`.
///
/// - `a`, `b`: any code or name [`States::get`] knows;
/// - `status`: `none`, `established`, `suspended`, `severed`, `restored` or
///   `special`;
/// - `from`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when the status began then,
///   or `as of DATE` when it was observed then and its start is unknown;
/// - `to`: the last day it held, or empty;
/// - `source`: who says so (required). Fields may be double-quoted.
///
/// ```
/// use statecraft_world::{import, States, Start};
/// let csv = "a,b,status,from,to,source\n\
///            KOR,CUB,established,2024-02-14,,\"MOFA, 2024-02-14\"\n\
///            Syria,North Korea,established,as of 1966,,Baseline\n";
/// let got = import::read_csv(csv.as_bytes(), "ties.csv", States::bundled()).unwrap();
/// assert_eq!(got.ties[0].a, "CUB");
/// assert_eq!(got.ties[1].start, Start::AsOf);
/// ```
pub fn read_csv(bytes: &[u8], label: &str, states: &States) -> Result<Imported, WorldError> {
    let mut out = Imported::default();
    for (n, f) in records(bytes, label, CSV_HEADER)? {
        let bad = |m: String| WorldError::at(label, n, m);
        let a = state(states, &f[0]).map_err(bad)?;
        let b = state(states, &f[1]).map_err(bad)?;
        if a == b {
            return Err(bad(format!("a state has no ties with itself: `{}`", f[0])));
        }
        let status =
            Status::parse(&f[2]).ok_or_else(|| bad(format!("unknown status `{}`", f[2])))?;
        let (start, from) = match f[3].strip_prefix("as of ") {
            Some(d) => (Start::AsOf, d),
            None => (Start::Since, f[3].as_str()),
        };
        let from = When::parse(from).ok_or_else(|| bad(format!("bad `from` date `{}`", f[3])))?;
        let to = match f[4].as_str() {
            "" => None,
            s => Some(When::parse(s).ok_or_else(|| bad(format!("bad `to` date `{s}`")))?),
        };
        check_order(from, to).map_err(bad)?;
        let source = &f[5];
        if source.is_empty() {
            return Err(bad("every fact needs a source".into()));
        }
        out.ties.push(TieFact::new(
            &a,
            &b,
            status,
            from,
            start,
            to,
            Provenance::Reference {
                source: source.to_string(),
                record: format!("{label}:{n}"),
            },
        ));
    }
    Ok(out)
}

/// The columns the Correlates of War Diplomatic Exchange files have.
pub const COW_HEADER: &str = "ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version";

/// Reads a Correlates of War Diplomatic Exchange CSV (v2006.1 layout:
/// `ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version`).
///
/// Each row is an observation in its year: `DE` = 1 gives "established as
/// of YEAR", 0 gives "none as of YEAR". `DR_at_1` is the level of side 2's
/// representation at side 1 (0 none, 1 chargé d'affaires, 2 minister,
/// 3 ambassador, 9 other): level 3 records side 2's embassy in side 1 as
/// open, level 0 as not open; `DR_at_2` likewise the other way.
pub fn read_cow_dipex(bytes: &[u8], label: &str, states: &States) -> Result<Imported, WorldError> {
    let mut out = Imported::default();
    for (n, f) in records(bytes, label, COW_HEADER)? {
        let bad = |m: String| WorldError::at(label, n, m);
        let cow = |s: &str| -> Result<String, String> {
            let code: u32 = s.parse().map_err(|_| format!("bad COW code `{s}`"))?;
            states
                .by_cow(code)
                .map(|st| st.cameo.clone())
                .ok_or_else(|| format!("unknown state code `{s}` (COW)"))
        };
        let (a, b) = (cow(&f[0]).map_err(bad)?, cow(&f[1]).map_err(bad)?);
        if a == b {
            return Err(bad(format!("a state has no ties with itself: `{}`", f[0])));
        }
        let year: i32 = f[2]
            .parse()
            .ok()
            .filter(|y| (1816..=2100).contains(y))
            .ok_or_else(|| bad(format!("bad year `{}`", f[2])))?;
        let level = |s: &str| -> Result<u8, String> {
            match s.parse() {
                Ok(l @ (0..=3 | 9)) => Ok(l),
                _ => Err(format!("bad representation level `{s}` (0-3 or 9)")),
            }
        };
        let (at1, at2) = (level(&f[3]).map_err(bad)?, level(&f[4]).map_err(bad)?);
        let de = match f[5].as_str() {
            "0" => Status::None,
            "1" => Status::Established,
            s => return Err(bad(format!("bad DE `{s}` (0 or 1)"))),
        };
        let when = When {
            date: Date::from_ymd(year, 1, 1).expect("valid year"),
            precision: crate::Precision::Year,
        };
        let provenance = Provenance::Reference {
            source: format!("COW Diplomatic Exchange {}", f[6]),
            record: format!("{label}:{n}"),
        };
        out.ties.push(TieFact::new(
            &a,
            &b,
            de,
            when,
            Start::AsOf,
            None,
            provenance.clone(),
        ));
        for (level, sender, host) in [(at1, &b, &a), (at2, &a, &b)] {
            if level == 3 || level == 0 {
                out.embassies.push(EmbassyFact {
                    sender: sender.clone(),
                    host: host.clone(),
                    open: level == 3,
                    from: when,
                    provenance: provenance.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// Reads the JSON results of the SPARQL query in `docs/wikidata-p530.rq`.
///
/// Each binding needs `countryISO` and `partnerISO` (ISO alpha-3), and may
/// have `start` and `end` (xsd:dateTime) with `startPrecision` and
/// `endPrecision` (Wikidata's 9 = year, 10 = month, 11 = day). A relation
/// with a start is "established since start"; one without is "established
/// as of `retrieved`", the day the query ran. Both directions of a
/// relation, which Wikidata states separately, give one fact.
pub fn read_wikidata(
    bytes: &[u8],
    label: &str,
    states: &States,
    retrieved: Date,
) -> Result<Imported, WorldError> {
    let text = utf8(bytes, label)?;
    let doc: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| WorldError::at(label, e.line(), format!("not JSON: {e}")))?;
    let vars: Vec<&str> = doc
        .pointer("/head/vars")
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    for need in ["countryISO", "partnerISO"] {
        if !vars.contains(&need) {
            return Err(WorldError::at(
                label,
                1,
                format!("wrong header: `head.vars` lacks `{need}`; run the query in docs/wikidata-p530.rq"),
            ));
        }
    }
    let bindings = doc
        .pointer("/results/bindings")
        .and_then(|v| v.as_array())
        .ok_or_else(|| WorldError::at(label, 1, "no `results.bindings` array"))?;
    let mut out = Imported::default();
    let mut seen = std::collections::HashSet::new();
    for (i, b) in bindings.iter().enumerate() {
        let bad = |m: String| WorldError::record(label, format!("binding {}", i + 1), m);
        let get = |k: &str| b.pointer(&format!("/{k}/value")).and_then(|v| v.as_str());
        let iso = |k: &str| -> Result<String, String> {
            let v = get(k).ok_or_else(|| format!("missing `{k}`"))?;
            states
                .get(v)
                .map(|s| s.cameo.clone())
                .ok_or_else(|| format!("unknown state code `{v}`"))
        };
        let (a, b2) = (
            iso("countryISO").map_err(bad)?,
            iso("partnerISO").map_err(bad)?,
        );
        if a == b2 {
            return Err(bad(format!("a state has no ties with itself: `{a}`")));
        }
        let when = |k: &str| -> Result<Option<When>, String> {
            let Some(v) = get(k) else { return Ok(None) };
            let day = v.get(..10).unwrap_or(v);
            let w = When::parse(day).ok_or_else(|| format!("bad `{k}` date `{v}`"))?;
            // Coarsen the parsed date, never refine it: a value of `2024`
            // with month precision stays a year. (Slicing the text instead
            // panicked on short values and inside multi-byte characters.)
            let (y, m, _) = w.date.ymd();
            let coarse = match (get(&format!("{k}Precision")), w.precision) {
                (Some("9"), _) => Date::from_ymd(y, 1, 1).map(|date| When {
                    date,
                    precision: crate::Precision::Year,
                }),
                (Some("10"), crate::Precision::Day) => Date::from_ymd(y, m, 1).map(|date| When {
                    date,
                    precision: crate::Precision::Month,
                }),
                _ => Some(w),
            };
            Ok(Some(coarse.ok_or_else(|| format!("bad `{k}` `{v}`"))?))
        };
        let (start, end) = (when("start").map_err(bad)?, when("end").map_err(bad)?);
        let (from, kind) = match (start, end) {
            (Some(s), _) => (s, Start::Since),
            (None, Some(e)) => (e, Start::AsOf),
            (None, None) => (When::day(retrieved), Start::AsOf),
        };
        check_order(from, end).map_err(bad)?;
        let record = [get("country"), get("partner")]
            .into_iter()
            .flatten()
            .map(|u| u.rsplit('/').next().unwrap_or(u))
            .collect::<Vec<_>>()
            .join("–");
        let fact = TieFact::new(
            &a,
            &b2,
            Status::Established,
            from,
            kind,
            end,
            Provenance::Reference {
                source: "Wikidata P530".into(),
                record: if record.is_empty() {
                    format!("{label}: binding {}", i + 1)
                } else {
                    record
                },
            },
        );
        // Both directions of a relation are one fact.
        let key = (
            fact.a.clone(),
            fact.b.clone(),
            fact.from,
            fact.to,
            fact.start,
        );
        if seen.insert(key) {
            out.ties.push(fact);
        }
    }
    Ok(out)
}

fn utf8<'a>(bytes: &'a [u8], label: &str) -> Result<&'a str, WorldError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        WorldError::at(label, line, "invalid UTF-8")
    })
}

/// The records after the header, which must be `header`, with their
/// 1-based line numbers and fields trimmed; blank lines are skipped, and
/// quoted fields may hold commas, quotes and line breaks (RFC 4180, by the
/// `csv` crate). Every record must have as many fields as the header.
fn records(
    bytes: &[u8],
    label: &str,
    header: &str,
) -> Result<Vec<(usize, Vec<String>)>, WorldError> {
    let want: Vec<&str> = header.split(',').collect();
    // A quoted field left open runs to the end of the file, which the csv
    // crate accepts; valid CSV has an even number of quote characters.
    let unterminated = bytes.iter().filter(|&&b| b == b'"').count() % 2 == 1;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut out: Vec<(usize, Vec<String>)> = Vec::new();
    let mut header_seen = false;
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            let what = match e.kind() {
                csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
                _ => e.to_string(),
            };
            WorldError::at(label, line, what)
        })?;
        // The csv crate places a record after blank lines at the first
        // blank one: count them to the record's own line.
        let line = rec.position().map_or(1, |p| {
            let mut line = p.line() as usize;
            let mut b = p.byte() as usize;
            while let Some(&c) = bytes.get(b).filter(|c| matches!(c, b'\n' | b'\r')) {
                line += usize::from(c == b'\n');
                b += 1;
            }
            line
        });
        if !header_seen {
            let got: Vec<&str> = rec
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}'))
                .collect();
            if got != want {
                return Err(WorldError::at(
                    label,
                    line,
                    format!("wrong header: expected `{header}`"),
                ));
            }
            header_seen = true;
            continue;
        }
        if rec.iter().all(str::is_empty) {
            continue;
        }
        if rec.len() != want.len() {
            return Err(WorldError::at(
                label,
                line,
                format!("expected {} fields, found {}", want.len(), rec.len()),
            ));
        }
        out.push((line, rec.iter().map(str::to_string).collect()));
    }
    if !header_seen {
        return Err(WorldError::at(
            label,
            1,
            format!("wrong header: expected `{header}`"),
        ));
    }
    if unterminated {
        // A quote left open swallows the line breaks after it: the first
        // record with a field over several lines is where it opened.
        let line = out
            .iter()
            .find(|(_, f)| f.iter().any(|x| x.contains('\n')))
            .or(out.last())
            .map_or(1, |(l, _)| *l);
        return Err(WorldError::at(label, line, "unterminated quoted field"));
    }
    Ok(out)
}

fn state(states: &States, key: &str) -> Result<String, String> {
    states
        .get(key)
        .map(|s| s.cameo.clone())
        .ok_or_else(|| format!("unknown state code `{}`", key.trim()))
}

fn check_order(from: When, to: Option<When>) -> Result<(), String> {
    match to {
        Some(t) if t.last_day() < from.date => {
            Err(format!("inverted dates: `to` {t} is before `from` {from}"))
        }
        _ => Ok(()),
    }
}
