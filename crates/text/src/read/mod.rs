//! Story readers.
//!
//! Every reader takes the raw bytes of one input plus a label for
//! diagnostics and returns a [`Batch`]. Readers never fail as a whole and
//! never panic: what cannot be read becomes a [`Diagnostic`] and the rest
//! of the input is still read. File I/O stays with the caller.

mod jsonl;
mod petrarch;
mod plain;
mod tabari;

pub use jsonl::read_jsonl;
pub use petrarch::read_petrarch_xml;
pub use plain::read_plain;
pub use tabari::{read_tabari_project, read_tabari_text};

use crate::Batch;
use std::path::Path;

/// The largest story body we accept, in bytes. Longer inputs are almost
/// always concatenation accidents or binary junk, and coding them would
/// stall a batch.
pub const MAX_STORY_BYTES: usize = 1 << 20;

/// Input formats that [`detect`] recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line: `{"id", "date", "title"?, "text"}`.
    Jsonl,
    /// A story pasted by a reader: headline, `Published:` line, paragraphs.
    Plain,
    /// TABARI `.text` records: a `YYMMDD ID` header, text, a blank line.
    TabariText,
    /// A TABARI `.project` file naming dictionaries, options and texts.
    TabariProject,
    /// PETRARCH validation XML with `<Sentence>` elements.
    PetrarchXml,
}

impl Format {
    /// Parses a format name as the CLI accepts it.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Format::Jsonl,
            "plain" | "text" | "txt" => Format::Plain,
            "tabari" | "tabari-text" => Format::TabariText,
            "project" | "tabari-project" => Format::TabariProject,
            "petrarch" | "xml" | "petrarch-xml" => Format::PetrarchXml,
            _ => return None,
        })
    }

    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Plain => "plain",
            Format::TabariText => "tabari",
            Format::TabariProject => "project",
            Format::PetrarchXml => "petrarch",
        }
    }
}

/// Guesses the format of an input from its name and first bytes.
///
/// ```
/// use statecraft_text::read::{detect, Format};
/// assert_eq!(detect(None, b"{\"id\": 1}"), Format::Jsonl);
/// assert_eq!(detect(None, b"950101  DEMO-01\nArnor ..."), Format::TabariText);
/// assert_eq!(detect(Some("x.xml".as_ref()), b"<Validation>"), Format::PetrarchXml);
/// assert_eq!(detect(Some("V.project".as_ref()), b"whatever"), Format::TabariProject);
/// assert_eq!(detect(None, b"Seoul mulls ties\nPublished: 11 Feb. 2025"), Format::Plain);
/// ```
pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Format {
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("project") => return Format::TabariProject,
        Some("jsonl" | "ndjson") => return Format::Jsonl,
        Some("xml") => return Format::PetrarchXml,
        _ => {}
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let first = text.trim_start_matches('\u{feff}').trim_start();
    if first.starts_with('{') {
        return Format::Jsonl;
    }
    if first.starts_with('<') {
        if text.contains("<Sentence") || text.contains("<Validation") || text.contains("<Article") {
            return Format::PetrarchXml;
        }
        if text.contains("<textfile>")
            || text.contains("<actorsfile>")
            || text.contains("<verbsfile>")
        {
            return Format::TabariProject;
        }
    }
    if text.lines().any(|l| tabari::is_header_line(l).is_some()) && !text.contains("Published:") {
        return Format::TabariText;
    }
    Format::Plain
}

/// Reads one input in the given format. `base` is the directory that
/// relative paths in project and XML files are resolved against.
pub fn read(format: Format, bytes: &[u8], label: &str, base: &Path) -> Batch {
    match format {
        Format::Jsonl => read_jsonl(bytes, label),
        Format::Plain => read_plain(bytes, label),
        Format::TabariText => read_tabari_text(bytes, label),
        Format::TabariProject => read_tabari_project(bytes, label, base),
        Format::PetrarchXml => read_petrarch_xml(bytes, label, base),
    }
}

/// Splits bytes into lines, dropping `\r` before `\n`; yields 1-based line
/// numbers.
pub(crate) fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
}

/// Decodes legacy text: UTF-8 when valid, else Latin-1 byte by byte.
/// Returns whether the Latin-1 fallback was used.
pub(crate) fn decode_legacy(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (bytes.iter().map(|&b| b as char).collect(), true),
    }
}

/// Binary junk: NUL bytes, or mostly control characters.
pub(crate) fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    let total = text.chars().count();
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{1a}'))
        .count();
    total >= 16 && control * 10 > total
}
