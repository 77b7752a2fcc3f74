//! Property tests of the reference-data readers and of `When`: dates print
//! and parse back, the readers never panic and name the file in their
//! errors, generated files read back to exactly what was written, and one
//! bad row fails the whole file.

use proptest::prelude::*;
use statecraft_types::Date;
use statecraft_world::import::{self, COW_HEADER, CSV_HEADER};
use statecraft_world::{Precision, Provenance, Start, States, Status, TieFact, When, WorldError};

const LABEL: &str = "gen/ties.csv";

/// A date of any precision between year 0 and 9999.
fn when() -> impl Strategy<Value = When> {
    (
        0i32..=9999,
        1u32..=12,
        1u32..=31,
        prop::sample::select(vec![Precision::Day, Precision::Month, Precision::Year]),
    )
        .prop_filter_map("no such day", |(y, m, d, precision)| {
            let date = match precision {
                Precision::Day | Precision::Story => Date::from_ymd(y, m, d)?,
                Precision::Month => Date::from_ymd(y, m, 1)?,
                Precision::Year => Date::from_ymd(y, 1, 1)?,
            };
            Some(When { date, precision })
        })
}

/// A date within the years reference data covers.
fn recent_when() -> impl Strategy<Value = When> {
    when().prop_map(|w| {
        let (y, m, d) = w.date.ymd();
        let y = 1800 + y.rem_euclid(300);
        // 29 February may not exist in the new year.
        let d = if (m, d) == (2, 29) { 28 } else { d };
        When {
            date: Date::from_ymd(y, m, d).unwrap(),
            precision: w.precision,
        }
    })
}

/// Every state's CAMEO code.
fn cameo_codes() -> Vec<String> {
    States::bundled()
        .all()
        .iter()
        .map(|s| s.cameo.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Two different states.
fn pair() -> impl Strategy<Value = (String, String)> {
    let codes = cameo_codes();
    let n = codes.len();
    (0..n, 1..n).prop_map(move |(i, j)| (codes[i].clone(), codes[(i + j) % n].clone()))
}

/// A source: never blank, with commas, quotes and non-ASCII text.
fn source() -> impl Strategy<Value = String> {
    "[A-Za-z0-9,\"é–][A-Za-z0-9,\" .:'é–/-]{0,40}"
}

/// One row of the project's CSV, as written: the pair in the order given.
#[derive(Clone, Debug)]
struct Row {
    x: String,
    y: String,
    status: Status,
    from: When,
    start: Start,
    to: Option<When>,
    source: String,
    /// Which fields to write quoted.
    quote: [bool; 6],
}

fn row() -> impl Strategy<Value = Row> {
    (
        pair(),
        prop::sample::select(Status::ALL.to_vec()),
        recent_when(),
        recent_when(),
        any::<bool>(),
        any::<bool>(),
        source(),
        any::<[bool; 6]>(),
    )
        .prop_map(|((x, y), status, w1, w2, as_of, has_to, source, quote)| {
            // Whichever order keeps `to` no earlier than `from`.
            let (from, to) = if w2.last_day() >= w1.date {
                (w1, w2)
            } else {
                (w2, w1)
            };
            Row {
                x,
                y,
                status,
                from,
                start: if as_of { Start::AsOf } else { Start::Since },
                to: has_to.then_some(to),
                source,
                quote,
            }
        })
}

/// A field, quoted per RFC 4180 when asked (and always when it needs it).
fn field(s: &str, quote: bool) -> String {
    if quote || s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Row {
    fn line(&self) -> String {
        let from = match self.start {
            Start::Since => self.from.to_string(),
            Start::AsOf => format!("as of {}", self.from),
        };
        let to = self.to.map(|t| t.to_string()).unwrap_or_default();
        let fields = [
            self.x.as_str(),
            &self.y,
            self.status.as_str(),
            &from,
            &to,
            &self.source,
        ];
        fields
            .iter()
            .zip(self.quote)
            .map(|(f, q)| field(f, q))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn fact(&self, line: usize) -> TieFact {
        TieFact::new(
            &self.x,
            &self.y,
            self.status,
            self.from,
            self.start,
            self.to,
            Provenance::Reference {
                source: self.source.trim().to_string(),
                record: format!("{LABEL}:{line}"),
            },
        )
    }
}

/// A whole file: the header, then the rows with blank lines here and there
/// and either line ending. Returns the text and the facts it states.
fn csv(rows: &[Row], blanks: &[bool], crlf: bool) -> (String, Vec<TieFact>) {
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut text = format!("{CSV_HEADER}{eol}");
    let mut facts = Vec::new();
    let mut line = 1;
    for (r, &blank) in rows
        .iter()
        .zip(blanks.iter().chain(std::iter::repeat(&false)))
    {
        if blank {
            text.push_str(eol);
            line += 1;
        }
        text.push_str(&r.line());
        text.push_str(eol);
        line += 1;
        facts.push(r.fact(line));
    }
    (text, facts)
}

/// Rows no reader may accept, each alone on its line.
const BAD_ROWS: &[&str] = &[
    "KOR,XXX,established,2024,,Somebody",
    "KOR,KOR,established,2024,,Somebody",
    "KOR,\"Republic of Korea\",established,2024,,Somebody",
    "KOR,CUB,friendly,2024,,Somebody",
    "KOR,CUB,established,2024-13,,Somebody",
    "KOR,CUB,established,24-02-14,,Somebody",
    "KOR,CUB,established,as of,,Somebody",
    "KOR,CUB,established,2024-02-14,2024-02-13,Somebody",
    "KOR,CUB,established,2024-03,2024-02,Somebody",
    "KOR,CUB,established,2024,,",
    "KOR,CUB,established,2024,,\"  \"",
    "KOR,CUB,established,2024,Somebody",
    "KOR,CUB,established,2024,,Somebody,extra",
    "KOR,CUB,established,2024,,\"unterminated",
    "KOR",
];

/// Pieces of CSV lines, good and bad.
const CSV_SOUP: &[&str] = &[
    "KOR",
    "CUB",
    "Syria",
    "732",
    "XXX",
    ",",
    ",",
    ",",
    "\"",
    "\"\"",
    " ",
    "\n",
    "\r\n",
    "established",
    "severed",
    "none",
    "as of ",
    "2024",
    "-02",
    "-29",
    "-13",
    "1966",
    "Somebody",
    "é",
    "\u{2003}",
    "\u{feff}",
];

/// Values for Wikidata's `start` and `end`: full, short, padded and bad.
const DATE_SOUP: &[&str] = &[
    "2024-02-14T00:00:00Z",
    "1966-01-01T00:00:00Z",
    "2030-12-31T00:00:00Z",
    "2024-02-14",
    "2024-02",
    "2024",
    " 2024-02",
    "\u{2003}\u{2003}2024",
    "\u{a0}2024-02-14",
    "2024-0",
    "2024-13-01T00:00:00Z",
    "+2024-02-14T00:00:00Z",
    "",
    "é",
];

/// Values for `startPrecision` and `endPrecision`.
const PRECISION_SOUP: &[&str] = &["9", "10", "11", "7", "", "x"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Printing a date and parsing it again gives the same date, with or
    /// without surrounding blanks.
    #[test]
    fn when_round_trips(w in when(), pad in "[ \t]{0,2}") {
        let shown = w.to_string();
        prop_assert_eq!(When::parse(&shown), Some(w));
        prop_assert_eq!(When::parse(&format!("{pad}{shown}{pad}")), Some(w));
        prop_assert!(w.last_day() >= w.date);
    }

    /// The event rules never panic, whatever the sentence and however its
    /// spans fall (reversed, past the end, inside multi-byte characters),
    /// and decide nothing for an event that did not happen.
    #[test]
    fn rules_never_panic(
        text in "[a-zA-Z ,.;'’é\\-]{0,80}",
        spans in prop::collection::vec(prop::option::of((0usize..100, 0usize..100)), 3),
        cameo in prop::sample::select(vec!["051", "057", "064", "161", "166", "1", "", "é9"]),
        pattern in prop::option::of("[A-Z_ *+$]{0,20}"),
        modal in any::<bool>(),
    ) {
        let d = Date::from_ymd(2025, 2, 11).unwrap();
        let span = |k: usize| spans[k].map(|(a, b)| [a, b]);
        let mut e = statecraft_types::EventRecord::bare("s", d, &text, cameo);
        e.modality = modal.then_some(statecraft_types::Modality::Hypothetical);
        e.spans = statecraft_types::Spans { source: span(0), target: span(1), verb: span(2) };
        e.pattern = pattern;
        let got = statecraft_world::rules::effect(&e);
        prop_assert!(!modal || got.is_none());
    }

    /// `read_csv` never panics, whatever follows a good or bad header
    /// (arbitrary bytes, or lines made of CSV-ish pieces), and its errors
    /// start with the file name.
    #[test]
    fn read_csv_never_panics(
        header in any::<bool>(),
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..256),
            prop::collection::vec(prop::sample::select(CSV_SOUP), 0..48)
                .prop_map(|pieces| pieces.concat().into_bytes()),
        ],
    ) {
        let mut input = if header { format!("{CSV_HEADER}\n").into_bytes() } else { Vec::new() };
        input.extend(body);
        if let Err(e) = import::read_csv(&input, LABEL, States::bundled()) {
            let msg = e.to_string();
            prop_assert!(msg.starts_with(&format!("{LABEL}:")), "{}", msg);
        }
    }

    /// `read_wikidata` never panics on bindings with any date strings and
    /// precisions; its errors start with the file name and what it reads
    /// keeps `to` no earlier than `from`.
    #[test]
    fn read_wikidata_never_panics(
        bindings in prop::collection::vec(
            (
                pair(),
                prop::option::of(prop::sample::select(DATE_SOUP)),
                prop::option::of(prop::sample::select(PRECISION_SOUP)),
                prop::option::of(prop::sample::select(DATE_SOUP)),
                prop::option::of(prop::sample::select(PRECISION_SOUP)),
            ),
            0..8,
        ),
    ) {
        let value = |v: &str| serde_json::json!({ "type": "literal", "value": v });
        let bindings: Vec<serde_json::Value> = bindings
            .iter()
            .map(|((x, y), start, sp, end, ep)| {
                let mut b = serde_json::Map::new();
                b.insert("countryISO".into(), value(x));
                b.insert("partnerISO".into(), value(y));
                for (k, v) in [("start", start), ("startPrecision", sp), ("end", end), ("endPrecision", ep)] {
                    if let Some(v) = v {
                        b.insert(k.into(), value(v));
                    }
                }
                serde_json::Value::Object(b)
            })
            .collect();
        let doc = serde_json::json!({
            "head": { "vars": ["countryISO", "partnerISO", "start", "startPrecision", "end", "endPrecision"] },
            "results": { "bindings": bindings },
        });
        let retrieved = Date::from_ymd(2025, 2, 11).unwrap();
        let bytes = doc.to_string().into_bytes();
        match import::read_wikidata(&bytes, "gen/p530.json", States::bundled(), retrieved) {
            Ok(got) => {
                for t in &got.ties {
                    prop_assert!(t.a < t.b, "{:?}", t);
                    if let Some(to) = t.to {
                        prop_assert!(to.last_day() >= t.from.date, "{:?}", t);
                    }
                }
            }
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(msg.starts_with("gen/p530.json:"), "{}", msg);
            }
        }
    }

    /// A file written from facts reads back to exactly those facts.
    #[test]
    fn read_csv_reads_back_what_was_written(
        rows in prop::collection::vec(row(), 0..16),
        blanks in prop::collection::vec(any::<bool>(), 0..16),
        crlf in any::<bool>(),
    ) {
        let (text, facts) = csv(&rows, &blanks, crlf);
        let got = import::read_csv(text.as_bytes(), LABEL, States::bundled());
        let got = got.map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(got.embassies.is_empty());
        for t in &got.ties {
            prop_assert!(t.a < t.b, "{:?}", t);
        }
        prop_assert_eq!(got.ties, facts, "{}", text);
    }

    /// One bad row anywhere fails the whole file, at that row's line.
    #[test]
    fn one_bad_row_fails_the_file(
        rows in prop::collection::vec(row(), 0..12),
        at in any::<prop::sample::Index>(),
        bad in prop::sample::select(BAD_ROWS),
    ) {
        let k = at.index(rows.len() + 1);
        let mut lines: Vec<String> = rows.iter().map(Row::line).collect();
        lines.insert(k, bad.to_string());
        let text = format!("{CSV_HEADER}\n{}\n", lines.join("\n"));
        match import::read_csv(text.as_bytes(), LABEL, States::bundled()) {
            Ok(got) => prop_assert!(false, "read {} facts from\n{}", got.ties.len(), text),
            Err(WorldError::At { file, line, .. }) => {
                prop_assert_eq!(file, LABEL);
                prop_assert_eq!(line, k + 2);
            }
            Err(e) => prop_assert!(false, "{}", e),
        }
    }

    /// Each row of a Diplomatic Exchange file gives one tie fact, "as of"
    /// its year, and an embassy fact for each side at level 0 or 3.
    #[test]
    fn read_cow_dipex_one_tie_per_row(
        rows in prop::collection::vec(
            (
                cow_pair(),
                1816i32..=2100,
                prop::sample::select(vec![0u8, 1, 2, 3, 9]),
                prop::sample::select(vec![0u8, 1, 2, 3, 9]),
                any::<bool>(),
            ),
            0..16,
        ),
    ) {
        let states = States::bundled();
        let mut text = format!("{COW_HEADER}\n");
        for ((c1, c2), year, at1, at2, de) in &rows {
            text.push_str(&format!("{c1},{c2},{year},{at1},{at2},{},2006.1\n", u8::from(*de)));
        }
        let got = import::read_cow_dipex(text.as_bytes(), "gen/cow.csv", states)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(got.ties.len(), rows.len());
        let mut embassies = 0;
        for (i, (t, ((c1, c2), year, at1, at2, de))) in got.ties.iter().zip(&rows).enumerate() {
            let a = &states.by_cow(*c1).unwrap().cameo;
            let b = &states.by_cow(*c2).unwrap().cameo;
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            prop_assert_eq!((&t.a, &t.b), (a, b));
            prop_assert_eq!(t.status, if *de { Status::Established } else { Status::None });
            prop_assert_eq!(t.from, When::parse(&year.to_string()).unwrap());
            prop_assert_eq!(t.start, Start::AsOf);
            prop_assert_eq!(t.to, None);
            let record = format!("gen/cow.csv:{}", i + 2);
            prop_assert!(
                matches!(&t.provenance, Provenance::Reference { record: r, .. } if *r == record),
                "{:?}", t.provenance
            );
            embassies += [at1, at2].iter().filter(|l| matches!(l, 0 | 3)).count();
        }
        prop_assert_eq!(got.embassies.len(), embassies);
    }
}

/// Two COW codes of different states.
fn cow_pair() -> impl Strategy<Value = (u32, u32)> {
    let states = States::bundled();
    let mut codes: Vec<u32> = states.all().iter().filter_map(|s| s.cow).collect();
    codes.sort_unstable();
    codes.dedup();
    let n = codes.len();
    (0..n, 1..n)
        .prop_map(move |(i, j)| (codes[i], codes[(i + j) % n]))
        .prop_filter("same state", |&(x, y)| {
            let states = States::bundled();
            states.by_cow(x).unwrap().cameo != states.by_cow(y).unwrap().cameo
        })
}
