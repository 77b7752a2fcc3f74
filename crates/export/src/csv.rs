//! RFC 4180 CSV by the `csv` crate: a header row, CRLF line ends, quoting
//! where needed.

use crate::fields::{cells, Cell, COLUMNS};
use crate::{EventSink, ExportError};
use statecraft_types::EventRecord;
use std::io::Write;

pub(crate) struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    header_done: bool,
    /// One row's cells as text, reused.
    row: Vec<String>,
}

impl<W: Write> CsvSink<W> {
    pub(crate) fn new(out: W) -> Self {
        CsvSink {
            out: writer(out),
            header_done: false,
            row: Vec::with_capacity(COLUMNS.len()),
        }
    }

    fn header(&mut self) -> Result<(), ExportError> {
        if !self.header_done {
            self.out
                .write_record(COLUMNS.iter().map(|c| c.name))
                .map_err(csv_error)?;
            self.header_done = true;
        }
        Ok(())
    }
}

/// The project's CSV dialect: quotes only where needed, CRLF line ends.
fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn csv_error(e: csv::Error) -> ExportError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => ExportError::Io(e),
        other => ExportError::Io(std::io::Error::other(format!("{other:?}"))),
    }
}

/// Appends `s` as one CSV field, quoted when it holds a comma, a quote, CR
/// or LF (quotes inside are doubled), as RFC 4180 has it.
///
/// ```
/// let mut line = String::from("a,");
/// statecraft_export::csv_field(&mut line, "say \"hi\", then go");
/// assert_eq!(line, "a,\"say \"\"hi\"\", then go\"");
/// ```
pub fn field(line: &mut String, s: &str) {
    if s.is_empty() {
        // The csv crate quotes an empty field alone on its line (`""`);
        // within a line it is empty.
        return;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(s.len() + 2));
    // Writing to memory cannot fail, and the bytes are the UTF-8 input
    // with quotes added.
    if w.write_record([s]).is_ok() {
        if let Ok(bytes) = w.into_inner() {
            let text = String::from_utf8_lossy(&bytes);
            line.push_str(text.strip_suffix('\n').unwrap_or(&text));
        }
    }
}

/// The cells of `e` as CSV text, in [`COLUMNS`] order (null is empty).
fn row(row: &mut Vec<String>, e: &EventRecord) {
    row.clear();
    row.extend(cells(e).iter().map(|cell| match *cell {
        Cell::Int(Some(v)) => v.to_string(),
        Cell::Float(Some(v)) => v.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::Str(Some(s)) => s.to_string(),
        Cell::Int(None) | Cell::Float(None) | Cell::Str(None) => String::new(),
    }));
}

impl<W: Write> EventSink for CsvSink<W> {
    fn write(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        self.header()?;
        row(&mut self.row, e);
        self.out.write_record(&self.row).map_err(csv_error)
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.header()?;
        self.out.flush()?;
        Ok(())
    }
}
