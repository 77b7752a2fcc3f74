//! Story readers.
//!
//! Every reader streams one input — anything `BufRead`: a file, standard
//! input, a byte slice — and yields [`Input`]s in input order: stories,
//! option switches, the dictionaries the input names, and diagnostics.
//! Memory stays bounded whatever the input: a story is at most
//! [`MAX_STORY_BYTES`], a line or XML element at most twice that, and an
//! input that runs on without a line end (`/dev/zero`) is given up with a
//! diagnostic. Readers never fail as a whole and never panic: what cannot
//! be read becomes a [`Diagnostic`] and the rest of the input is still
//! read. [`read`] and the `read_*` functions collect a whole input into a
//! [`Batch`], for small inputs and tests.

mod jsonl;
mod lines;
mod petrarch;
mod plain;
mod tabari;

pub use jsonl::read_jsonl;
pub use lines::decode_legacy;
pub use petrarch::read_petrarch_xml;
pub use plain::read_plain;
pub use tabari::{read_tabari_project, read_tabari_text};

use crate::{Batch, Diagnostic, Environment, Item};
use std::io::BufRead;
use std::path::Path;

/// One thing read from an input, in input order.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A story or an option switch.
    Item(Item),
    /// A problem with the input.
    Diagnostic(Diagnostic),
    /// The dictionaries and options the input names (a TABARI project or a
    /// PETRARCH `<Environment>`), given before the stories it governs.
    Environment(Environment),
}

/// Reads `input` in `format` as a stream. `base` is the directory that
/// relative paths in project and XML files are resolved against.
///
/// ```
/// use statecraft_text::read::{stream, Format, Input};
/// let input: &[u8] = b"{\"id\":\"a\",\"date\":\"2025-02-11\",\"text\":\"Seoul met Damascus.\"}\n";
/// let mut it = stream(Format::Jsonl, input, "in.jsonl", std::path::Path::new(""));
/// assert!(matches!(it.next(), Some(Input::Item(_))));
/// assert!(it.next().is_none());
/// ```
pub fn stream<'a>(
    format: Format,
    input: impl BufRead + 'a,
    label: &str,
    base: &Path,
) -> Box<dyn Iterator<Item = Input> + 'a> {
    match format {
        Format::Jsonl => Box::new(NoteIfEmpty::new(
            jsonl::JsonlReader::new(input, label),
            label,
            "empty input: no story to read",
        )),
        Format::Plain => Box::new(plain::stream_plain(input, label).into_iter()),
        Format::TabariText => Box::new(NoteIfEmpty::new(
            tabari::TextReader::new(input, label),
            label,
            "no TABARI records found (a record starts with a 'YYMMDD ID' line)",
        )),
        Format::TabariProject => Box::new(tabari::stream_project(input, label, base).into_iter()),
        Format::PetrarchXml => Box::new(NoteIfEmpty::new(
            petrarch::XmlReader::new(input, label, base),
            label,
            "no <Sentence> elements found",
        )),
    }
}

/// A reader that says so when its input held nothing: no story, no
/// switch and no diagnostic (a named environment alone does not count).
pub(crate) struct NoteIfEmpty<I> {
    inner: I,
    label: String,
    message: &'static str,
    any: bool,
}

impl<I> NoteIfEmpty<I> {
    pub fn new(inner: I, label: &str, message: &'static str) -> NoteIfEmpty<I> {
        NoteIfEmpty {
            inner,
            label: label.to_string(),
            message,
            any: false,
        }
    }
}

impl<I: Iterator<Item = Input>> Iterator for NoteIfEmpty<I> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        match self.inner.next() {
            Some(i) => {
                self.any |= !matches!(i, Input::Environment(_));
                Some(i)
            }
            None if !self.any => {
                self.any = true;
                let origin = crate::Origin {
                    file: self.label.clone(),
                    line: 1,
                };
                Some(Input::Diagnostic(Diagnostic::error(
                    &origin,
                    None,
                    self.message,
                )))
            }
            None => None,
        }
    }
}

/// A story read whole: the story, or the diagnostic that says why
/// [`Story::check`](crate::Story::check) refuses it.
pub(crate) fn checked(story: crate::Story) -> Input {
    match story.check() {
        Ok(()) => Input::Item(Item::Story(story)),
        Err(msg) => Input::Diagnostic(Diagnostic::error(&story.origin, Some(&story.id), msg)),
    }
}

impl Batch {
    /// Adds one input.
    pub(crate) fn push(&mut self, input: Input) {
        match input {
            Input::Item(item) => self.items.push(item),
            Input::Diagnostic(d) => self.diagnostics.push(d),
            Input::Environment(e) => self.environment = Some(e),
        }
    }

    /// Collects a stream of inputs.
    pub fn collect(inputs: impl Iterator<Item = Input>) -> Batch {
        let mut batch = Batch::default();
        for i in inputs {
            batch.push(i);
        }
        batch
    }
}

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

/// Reads one whole input in the given format. `base` is the directory
/// that relative paths in project and XML files are resolved against.
pub fn read(format: Format, bytes: &[u8], label: &str, base: &Path) -> Batch {
    Batch::collect(stream(format, bytes, label, base))
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
