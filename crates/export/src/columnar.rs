//! Parquet: the flat columns of [`crate::fields::COLUMNS`], one row group
//! per [`ROW_GROUP_ROWS`] events, written with the `parquet` crate's
//! low-level column writers (no Arrow).

use crate::fields::{cells, Cell, Kind, COLUMNS};
use crate::{EventSink, ExportError};
use bytes::Bytes;
use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use statecraft_types::EventRecord;
use std::io::Write;
use std::sync::Arc;

/// Events per row group: a row group is buffered in memory, then written.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// A row group is also written early once its strings pass this many bytes,
/// so that unusually long evidence sentences cannot grow the buffer unbounded.
const ROW_GROUP_BYTES: usize = 128 << 20;

impl From<parquet::errors::ParquetError> for ExportError {
    fn from(e: parquet::errors::ParquetError) -> Self {
        ExportError::Parquet(e.to_string())
    }
}

/// The values of one column in the current row group.
enum Values {
    Int64(Vec<i64>),
    Int32(Vec<i32>),
    Double(Vec<f64>),
    /// All strings back to back, and where each ends.
    Bytes {
        data: Vec<u8>,
        ends: Vec<usize>,
    },
}

/// One column's buffer: its non-null values and, when the column is
/// OPTIONAL, a definition level per row (1 present, 0 null).
struct Buffer {
    values: Values,
    defs: Option<Vec<i16>>,
}

impl Buffer {
    fn new(kind: Kind, nullable: bool) -> Buffer {
        let values = match kind {
            Kind::Int => Values::Int64(Vec::new()),
            Kind::Float => Values::Double(Vec::new()),
            Kind::Date => Values::Int32(Vec::new()),
            Kind::Str => Values::Bytes {
                data: Vec::new(),
                ends: Vec::new(),
            },
        };
        Buffer {
            values,
            defs: nullable.then(Vec::new),
        }
    }

    /// Adds `cell`; returns the string bytes added.
    fn push(&mut self, name: &str, cell: Cell<'_>) -> Result<usize, ExportError> {
        let present = !cell.is_null();
        match &mut self.defs {
            Some(defs) => defs.push(i16::from(present)),
            None if !present => {
                return Err(ExportError::Parquet(format!(
                    "column `{name}` is required but the value is null"
                )))
            }
            None => {}
        }
        let mut added = 0;
        match (&mut self.values, cell) {
            (Values::Int64(v), Cell::Int(x)) => v.extend(x),
            (Values::Double(v), Cell::Float(x)) => v.extend(x),
            (Values::Int32(v), Cell::Date(d)) => v.push(d.day_number()),
            (Values::Bytes { data, ends }, Cell::Str(s)) => {
                if let Some(s) = s {
                    data.extend_from_slice(s.as_bytes());
                    ends.push(data.len());
                    added = s.len();
                }
            }
            _ => {
                return Err(ExportError::Parquet(format!(
                    "column `{name}`: value of the wrong type"
                )))
            }
        }
        Ok(added)
    }

    /// Writes the buffered values to `w` and empties the buffer.
    fn write_to(&mut self, name: &str, w: &mut ColumnWriter<'_>) -> Result<(), ExportError> {
        let defs = self.defs.as_deref();
        match (&mut self.values, w) {
            (Values::Int64(v), ColumnWriter::Int64ColumnWriter(w)) => {
                w.write_batch(v, defs, None)?;
                v.clear();
            }
            (Values::Int32(v), ColumnWriter::Int32ColumnWriter(w)) => {
                w.write_batch(v, defs, None)?;
                v.clear();
            }
            (Values::Double(v), ColumnWriter::DoubleColumnWriter(w)) => {
                w.write_batch(v, defs, None)?;
                v.clear();
            }
            (Values::Bytes { data, ends }, ColumnWriter::ByteArrayColumnWriter(w)) => {
                let all = Bytes::from(std::mem::take(data));
                let mut start = 0;
                let values: Vec<ByteArray> = ends
                    .iter()
                    .map(|&end| {
                        let b = ByteArray::from(all.slice(start..end));
                        start = end;
                        b
                    })
                    .collect();
                w.write_batch(&values, defs, None)?;
                ends.clear();
            }
            _ => {
                return Err(ExportError::Parquet(format!(
                    "column `{name}`: writer of the wrong type"
                )))
            }
        }
        if let Some(d) = &mut self.defs {
            d.clear();
        }
        Ok(())
    }
}

/// The Parquet schema for [`COLUMNS`].
fn schema() -> Result<Type, ExportError> {
    let fields = COLUMNS
        .iter()
        .map(|c| {
            let (physical, logical) = match c.kind {
                Kind::Int => (Physical::INT64, None),
                Kind::Float => (Physical::DOUBLE, None),
                Kind::Date => (Physical::INT32, Some(LogicalType::Date)),
                Kind::Str => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
            };
            let repetition = if c.nullable {
                Repetition::OPTIONAL
            } else {
                Repetition::REQUIRED
            };
            Type::primitive_type_builder(c.name, physical)
                .with_repetition(repetition)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Type::group_type_builder("event")
        .with_fields(fields)
        .build()?)
}

enum State<W: Write + Send> {
    /// Nothing written yet (the file is started at the first row group or
    /// at finish, so that an error there is reported, not lost).
    Pending(W),
    Open(SerializedFileWriter<W>),
    /// A write failed; the output is unusable.
    Failed,
}

pub(crate) struct ParquetSink<W: Write + Send> {
    state: State<W>,
    buffers: Vec<Buffer>,
    rows: usize,
    bytes: usize,
}

impl<W: Write + Send> ParquetSink<W> {
    pub(crate) fn new(out: W) -> Self {
        ParquetSink {
            state: State::Pending(out),
            buffers: COLUMNS
                .iter()
                .map(|c| Buffer::new(c.kind, c.nullable))
                .collect(),
            rows: 0,
            bytes: 0,
        }
    }

    fn writer(&mut self) -> Result<&mut SerializedFileWriter<W>, ExportError> {
        if let State::Pending(_) = self.state {
            let State::Pending(out) = std::mem::replace(&mut self.state, State::Failed) else {
                return Err(failed());
            };
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("statecraft-export {}", env!("CARGO_PKG_VERSION")))
                .build();
            let w = SerializedFileWriter::new(out, Arc::new(schema()?), Arc::new(props))?;
            self.state = State::Open(w);
        }
        match &mut self.state {
            State::Open(w) => Ok(w),
            _ => Err(failed()),
        }
    }

    /// Writes the buffered rows as one row group.
    fn flush_group(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut buffers = std::mem::take(&mut self.buffers);
        let result = (|| {
            let writer = self.writer()?;
            let mut group = writer.next_row_group()?;
            for (c, buf) in COLUMNS.iter().zip(&mut buffers) {
                let mut col = group.next_column()?.ok_or_else(|| {
                    ExportError::Parquet(format!("no column writer for `{}`", c.name))
                })?;
                buf.write_to(c.name, col.untyped())?;
                col.close()?;
            }
            group.close()?;
            Ok(())
        })();
        self.buffers = buffers;
        self.rows = 0;
        self.bytes = 0;
        result
    }

    /// Runs `f`, marking the sink failed if it fails.
    fn guard<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, ExportError>,
    ) -> Result<T, ExportError> {
        if let State::Failed = self.state {
            return Err(failed());
        }
        let r = f(self);
        if r.is_err() {
            self.state = State::Failed;
        }
        r
    }
}

fn failed() -> ExportError {
    ExportError::Parquet("an earlier write failed; the output is incomplete".into())
}

impl<W: Write + Send> EventSink for ParquetSink<W> {
    fn write(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        self.guard(|s| {
            for ((c, buf), cell) in COLUMNS.iter().zip(&mut s.buffers).zip(cells(e)) {
                s.bytes += buf.push(c.name, cell)?;
            }
            s.rows += 1;
            if s.rows >= ROW_GROUP_ROWS || s.bytes >= ROW_GROUP_BYTES {
                s.flush_group()?;
            }
            Ok(())
        })
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.guard(|s| {
            s.flush_group()?;
            s.writer()?.finish()?;
            Ok(())
        })
    }
}
