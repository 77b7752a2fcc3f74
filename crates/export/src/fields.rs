//! What the formats share: the flat column list (CSV and Parquet), and small
//! helpers for actor codes, spans and text cleaning.

use statecraft_types::{ActorOrigin, Date, EventRecord};

/// The kind of a flat column, which fixes its CSV text and Parquet type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Parquet INT64.
    Int,
    /// Parquet DOUBLE.
    Float,
    /// Parquet INT32 with the DATE logical type; ISO `YYYY-MM-DD` in CSV.
    Date,
    /// Parquet BYTE_ARRAY with the String logical type.
    Str,
}

/// One flat column: name, kind, and whether it may be null.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The column's name (the [`EventRecord`] field's, spans split).
    pub name: &'static str,
    /// Its type.
    pub kind: Kind,
    /// Whether a value may be null.
    pub nullable: bool,
}

const fn col(name: &'static str, kind: Kind, nullable: bool) -> Column {
    Column {
        name,
        kind,
        nullable,
    }
}

/// Number of flat columns.
pub const NCOLS: usize = 39;

/// The flat layout shared by CSV and Parquet, in order: one column per
/// [`EventRecord`] field, the spans split into start/end pairs and the
/// location into its parts.
pub const COLUMNS: [Column; NCOLS] = [
    col("id", Kind::Int, false),
    col("story_id", Kind::Str, false),
    col("story_hash", Kind::Str, false),
    col("story_date", Kind::Date, false),
    col("sentence", Kind::Int, false),
    col("source", Kind::Str, false),
    col("target", Kind::Str, false),
    col("source_state", Kind::Str, true),
    col("target_state", Kind::Str, true),
    col("cameo", Kind::Str, false),
    col("root", Kind::Str, true),
    col("plover", Kind::Str, true),
    col("goldstein", Kind::Float, true),
    col("quad_class", Kind::Int, true),
    col("date", Kind::Date, false),
    col("date_end", Kind::Date, false),
    col("date_precision", Kind::Str, false),
    col("date_text", Kind::Str, true),
    col("modality", Kind::Str, true),
    col("text", Kind::Str, false),
    col("source_start", Kind::Int, true),
    col("source_end", Kind::Int, true),
    col("target_start", Kind::Int, true),
    col("target_end", Kind::Int, true),
    col("verb_start", Kind::Int, true),
    col("verb_end", Kind::Int, true),
    col("pattern", Kind::Str, true),
    col("source_inferred_from", Kind::Str, true),
    col("source_inferred_sentence", Kind::Int, true),
    col("target_inferred_from", Kind::Str, true),
    col("target_inferred_sentence", Kind::Int, true),
    col("location_name", Kind::Str, true),
    col("location_country", Kind::Str, true),
    col("location_feature", Kind::Str, true),
    col("location_adm1", Kind::Str, true),
    col("location_lat", Kind::Float, true),
    col("location_lon", Kind::Float, true),
    col("location_geonames_id", Kind::Int, true),
    col("location_source", Kind::Str, true),
];

/// One value of a flat row; `None` is null.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// An INT64 value.
    Int(Option<i64>),
    /// A DOUBLE value.
    Float(Option<f64>),
    /// A date (never null).
    Date(Date),
    /// A string.
    Str(Option<&'a str>),
}

impl Cell<'_> {
    /// The column kind this value belongs in.
    #[cfg(test)]
    pub fn kind(&self) -> Kind {
        match self {
            Cell::Int(_) => Kind::Int,
            Cell::Float(_) => Kind::Float,
            Cell::Date(_) => Kind::Date,
            Cell::Str(_) => Kind::Str,
        }
    }

    /// Whether the value is null.
    pub fn is_null(&self) -> bool {
        matches!(self, Cell::Int(None) | Cell::Float(None) | Cell::Str(None))
    }
}

/// An offset as INT64 (offsets never come near `i64::MAX`; saturate if so).
fn offset(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn span_cells(s: Option<[usize; 2]>) -> [Cell<'static>; 2] {
    [
        Cell::Int(s.map(|[a, _]| offset(a))),
        Cell::Int(s.map(|[_, b]| offset(b))),
    ]
}

/// An inferred actor's evidence: its words and its sentence.
fn origin_cells(o: Option<&ActorOrigin>) -> [Cell<'_>; 2] {
    [
        Cell::Str(o.map(|o| o.evidence.text.as_str())),
        Cell::Int(o.map(|o| offset(o.evidence.sentence))),
    ]
}

/// The flat row for `e`, in [`COLUMNS`] order.
pub fn cells(e: &EventRecord) -> [Cell<'_>; NCOLS] {
    let [ss, se] = span_cells(e.spans.source);
    let [ts, te] = span_cells(e.spans.target);
    let [vs, ve] = span_cells(e.spans.verb);
    let [sf, sn] = origin_cells(e.source_actor.as_ref());
    let [tf, tn] = origin_cells(e.target_actor.as_ref());
    let l = e.location.as_ref();
    [
        Cell::Int(Some(e.id)),
        Cell::Str(Some(&e.story_id)),
        Cell::Str(Some(&e.story_hash)),
        Cell::Date(e.story_date),
        Cell::Int(Some(e.sentence)),
        Cell::Str(Some(e.source.as_str())),
        Cell::Str(Some(e.target.as_str())),
        Cell::Str(e.source_state.as_deref()),
        Cell::Str(e.target_state.as_deref()),
        Cell::Str(Some(&e.cameo)),
        Cell::Str(e.root.as_deref()),
        Cell::Str(e.plover.as_deref()),
        Cell::Float(e.goldstein),
        Cell::Int(e.quad_class),
        Cell::Date(e.date),
        Cell::Date(e.date_end),
        Cell::Str(Some(e.date_precision.as_str())),
        Cell::Str(e.date_text.as_deref()),
        Cell::Str(e.modality.map(|m| m.as_str())),
        Cell::Str(Some(&e.text)),
        ss,
        se,
        ts,
        te,
        vs,
        ve,
        Cell::Str(e.pattern.as_deref()),
        sf,
        sn,
        tf,
        tn,
        Cell::Str(l.map(|l| l.name.as_str())),
        Cell::Str(l.map(|l| l.country.as_str())),
        Cell::Str(l.map(|l| l.feature.as_str())),
        Cell::Str(l.and_then(|l| l.adm1.as_deref())),
        Cell::Float(l.and_then(|l| l.lat)),
        Cell::Float(l.and_then(|l| l.lon)),
        Cell::Int(l.and_then(|l| l.geonames_id).map(i64::from)),
        Cell::Str(l.map(|l| l.source.as_str())),
    ]
}

/// The characters `[start, end)` of `text`, or `None` when the span is
/// empty, reversed or past the end.
pub(crate) fn span_text(text: &str, span: Option<[usize; 2]>) -> Option<&str> {
    let [start, end] = span?;
    if start >= end {
        return None;
    }
    let mut idx = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let a = idx.nth(start)?;
    let b = idx.nth(end - start - 1)?;
    text.get(a..b)
}

/// Whether `c` would end a line or a field in a line-oriented format.
pub(crate) fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{1C}'
            ..='\u{1E}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Writes `s` with tabs and line breaks replaced by spaces.
pub(crate) fn push_clean(out: &mut String, s: &str) {
    if !s.contains(breaks_line) {
        out.push_str(s);
        return;
    }
    out.extend(s.chars().map(|c| if breaks_line(c) { ' ' } else { c }));
}

/// CAMEO actor-type (role) codes that may begin a code without a country,
/// as in `IGOUNO` or `REB`, after CAMEO's actor codebook.
const ROLES: &[&str] = &[
    "AGR", "AMN", "BUS", "CHR", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "GRP",
    "HLH", "HRI", "IGO", "IMG", "INS", "INT", "IRC", "JUD", "LAB", "LEG", "MED", "MIL", "MNC",
    "MOD", "NGM", "NGO", "OPP", "PKO", "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF", "UIS",
];

fn is_code3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The three-letter chunks of `actor` after its country code: the role
/// codes (`KORGOV` → `["GOV"]`, `USAGOVMIL` → `["GOV", "MIL"]`). An actor
/// without a state contributes its leading chunk when that is a known role
/// (`IGOUNO` → `["IGO"]`, `REB` → `["REB"]`). At most three.
pub(crate) fn roles<'a>(actor: &'a str, state: Option<&str>) -> Vec<&'a str> {
    let chunk = |i: usize| actor.get(i..i + 3).filter(|c| is_code3(c));
    match state {
        Some(st) if !st.is_empty() && actor.starts_with(st) => {
            let start = st.len();
            (0..3).map_while(|k| chunk(start + 3 * k)).collect()
        }
        _ => chunk(0).filter(|c| ROLES.contains(c)).into_iter().collect(),
    }
}

/// The top-level (first three-character) entity of an actor code: its
/// country, or `IGO`, `NGO`, ….
pub(crate) fn top_level(actor: &str) -> &str {
    match actor.char_indices().nth(3) {
        Some((i, _)) => &actor[..i],
        None => actor,
    }
}

/// The first `n` characters of `s`.
pub(crate) fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `YYYYMMDD` as a number.
pub(crate) fn yyyymmdd(d: Date) -> i64 {
    let (y, m, day) = d.ymd();
    i64::from(y) * 10_000 + i64::from(m) * 100 + i64::from(day)
}

/// A score as text: `3.4`, `-10.0`; non-finite values as nothing.
pub(crate) fn score(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.1}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_char_offsets() {
        let t = "Séoul a dit";
        assert_eq!(span_text(t, Some([0, 5])), Some("Séoul"));
        assert_eq!(span_text(t, Some([8, 11])), Some("dit"));
        assert_eq!(span_text(t, Some([8, 12])), None);
        assert_eq!(span_text(t, Some([3, 3])), None);
        assert_eq!(span_text(t, Some([4, 2])), None);
        assert_eq!(span_text(t, Some([usize::MAX - 1, usize::MAX])), None);
        assert_eq!(span_text(t, None), None);
    }

    #[test]
    fn roles_follow_the_country() {
        assert_eq!(roles("KORGOV", Some("KOR")), ["GOV"]);
        assert_eq!(roles("SYRREB", Some("SYR")), ["REB"]);
        assert_eq!(roles("USAGOVMIL", Some("USA")), ["GOV", "MIL"]);
        assert!(roles("KOR", Some("KOR")).is_empty());
        assert!(roles("KORG", Some("KOR")).is_empty());
        assert_eq!(roles("IGOUNO", None), ["IGO"]);
        assert!(roles("XYZABC", None).is_empty());
        assert!(roles("", None).is_empty());
        assert!(roles("é", Some("é")).is_empty());
    }

    #[test]
    fn cells_match_columns() {
        let d = Date::from_ymd(2025, 2, 11).unwrap();
        let mut e = EventRecord::bare("s", d, "", "042");
        e.source = "KORGOV".into();
        e.target = "SYR".into();
        e.date_precision = statecraft_types::Precision::Day;
        for (c, v) in COLUMNS.iter().zip(cells(&e)) {
            assert_eq!(c.kind, v.kind(), "{}", c.name);
            assert!(c.nullable || !v.is_null(), "{}", c.name);
        }
    }

    #[test]
    fn scores() {
        assert_eq!(score(-10.0), "-10.0");
        assert_eq!(score(3.4), "3.4");
        assert_eq!(score(f64::NAN), "");
    }
}
