//! Events and diagnostics as Arrow record batches: the flat columns of the
//! Parquet export ([`statecraft_export::flat`]), so that a batch written
//! by pyarrow or Spark has the schema `statecraft export --format parquet`
//! writes.

use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use statecraft_export::flat::{self, Cell, Kind};
use statecraft_types::EventRecord;
use std::sync::Arc;

/// The Arrow schema of events: one field per flat export column.
pub(crate) fn event_schema() -> Schema {
    Schema::new(
        flat::COLUMNS
            .iter()
            .map(|c| {
                let t = match c.kind {
                    Kind::Int => DataType::Int64,
                    Kind::Float => DataType::Float64,
                    Kind::Date => DataType::Date32,
                    Kind::Str => DataType::Utf8,
                };
                Field::new(c.name, t, c.nullable)
            })
            .collect::<Vec<_>>(),
    )
}

/// The Arrow schema of diagnostics: the story's identifier (null when the
/// story has none) and what is wrong with it.
pub(crate) fn diagnostic_schema() -> Schema {
    Schema::new(vec![
        Field::new("story_id", DataType::Utf8, true),
        Field::new("message", DataType::Utf8, false),
    ])
}

/// One column being built.
enum Builder {
    Int(Int64Builder),
    Float(Float64Builder),
    Date(Date32Builder),
    Str(StringBuilder),
}

impl Builder {
    fn new(kind: Kind, rows: usize) -> Builder {
        match kind {
            Kind::Int => Builder::Int(Int64Builder::with_capacity(rows)),
            Kind::Float => Builder::Float(Float64Builder::with_capacity(rows)),
            Kind::Date => Builder::Date(Date32Builder::with_capacity(rows)),
            Kind::Str => Builder::Str(StringBuilder::with_capacity(rows, rows * 16)),
        }
    }

    fn push(&mut self, cell: Cell<'_>) -> Result<(), ArrowError> {
        match (self, cell) {
            (Builder::Int(b), Cell::Int(v)) => b.append_option(v),
            (Builder::Float(b), Cell::Float(v)) => b.append_option(v),
            (Builder::Date(b), Cell::Date(d)) => b.append_value(d.day_number()),
            (Builder::Str(b), Cell::Str(v)) => b.append_option(v),
            _ => {
                return Err(ArrowError::SchemaError(
                    "a value does not match its column's type".into(),
                ))
            }
        }
        Ok(())
    }

    fn finish(self) -> ArrayRef {
        match self {
            Builder::Int(mut b) => Arc::new(b.finish()),
            Builder::Float(mut b) => Arc::new(b.finish()),
            Builder::Date(mut b) => Arc::new(b.finish()),
            Builder::Str(mut b) => Arc::new(b.finish()),
        }
    }
}

/// `events` as one record batch of [`event_schema`].
pub(crate) fn events(events: &[EventRecord]) -> Result<RecordBatch, ArrowError> {
    let mut builders: Vec<Builder> = flat::COLUMNS
        .iter()
        .map(|c| Builder::new(c.kind, events.len()))
        .collect();
    for e in events {
        for (b, cell) in builders.iter_mut().zip(flat::row(e)) {
            b.push(cell)?;
        }
    }
    RecordBatch::try_new(
        Arc::new(event_schema()),
        builders.into_iter().map(Builder::finish).collect(),
    )
}

/// `(story id, message)` pairs as one record batch of
/// [`diagnostic_schema`].
pub(crate) fn diagnostics(rows: &[(Option<String>, String)]) -> Result<RecordBatch, ArrowError> {
    let mut ids = StringBuilder::new();
    let mut messages = StringBuilder::new();
    for (id, message) in rows {
        ids.append_option(id.as_deref());
        messages.append_value(message);
    }
    RecordBatch::try_new(
        Arc::new(diagnostic_schema()),
        vec![Arc::new(ids.finish()), Arc::new(messages.finish())],
    )
}
