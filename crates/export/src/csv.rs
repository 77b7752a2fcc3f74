//! RFC 4180 CSV: a header row, CRLF line ends, quoting where needed.

use crate::fields::{cells, Cell, COLUMNS};
use crate::{EventSink, ExportError};
use statecraft_types::EventRecord;
use std::fmt::Write as _;
use std::io::{BufWriter, Write};

pub(crate) struct CsvSink<W: Write> {
    out: BufWriter<W>,
    line: String,
    header_done: bool,
}

impl<W: Write> CsvSink<W> {
    pub(crate) fn new(out: W) -> Self {
        CsvSink {
            out: BufWriter::new(out),
            line: String::with_capacity(512),
            header_done: false,
        }
    }

    fn header(&mut self) -> Result<(), ExportError> {
        if !self.header_done {
            let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
            self.out.write_all(names.join(",").as_bytes())?;
            self.out.write_all(b"\r\n")?;
            self.header_done = true;
        }
        Ok(())
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
    if s.contains([',', '"', '\r', '\n']) {
        line.push('"');
        for c in s.chars() {
            if c == '"' {
                line.push('"');
            }
            line.push(c);
        }
        line.push('"');
    } else {
        line.push_str(s);
    }
}

/// The CSV line (without its line end) for `e`.
pub(crate) fn line(line: &mut String, e: &EventRecord) {
    for (i, cell) in cells(e).iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        // Writing to a String cannot fail.
        match *cell {
            Cell::Int(Some(v)) => {
                let _ = write!(line, "{v}");
            }
            Cell::Float(Some(v)) => {
                let _ = write!(line, "{v}");
            }
            Cell::Date(d) => {
                let _ = write!(line, "{d}");
            }
            Cell::Str(Some(s)) => field(line, s),
            Cell::Int(None) | Cell::Float(None) | Cell::Str(None) => {}
        }
    }
}

impl<W: Write> EventSink for CsvSink<W> {
    fn write(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        self.header()?;
        self.line.clear();
        line(&mut self.line, e);
        self.line.push_str("\r\n");
        self.out.write_all(self.line.as_bytes())?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.header()?;
        self.out.flush()?;
        Ok(())
    }
}
