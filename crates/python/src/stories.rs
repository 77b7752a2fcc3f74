//! Stories from what Python hands over: Arrow record batches (columns
//! `id`, `date`, `text` and optionally `title`) and dicts with the same
//! keys, read as the JSONL reader reads a line. A story that cannot be
//! read becomes a diagnostic (its id, when it has one, and what is wrong);
//! the others are coded.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use statecraft_text::{Date, Layout, Story};

/// A story, or why there is none: `(story id, message)`.
pub(crate) type Read = Result<Story, (Option<String>, String)>;

/// One value of an input column.
enum Value {
    Text(String),
    /// Bytes that must be UTF-8 text.
    Bytes(Vec<u8>),
    Int(i64),
    /// Days since 1970-01-01.
    Day(i32),
}

impl Value {
    /// The value as text; `field` names it in the message if it is not.
    fn text(self, field: &str) -> Result<String, String> {
        match self {
            Value::Text(s) => Ok(s),
            Value::Bytes(b) => {
                String::from_utf8(b).map_err(|_| format!("\"{field}\" is not valid UTF-8"))
            }
            Value::Int(n) => Ok(n.to_string()),
            Value::Day(d) => Date::from_day_number(d)
                .map(|d| d.to_string())
                .ok_or_else(|| format!("\"{field}\" is out of range")),
        }
    }
}

/// The values of `column` (named `name`), null as `None`.
fn column(batch: &RecordBatch, name: &str) -> PyResult<Option<Vec<Option<Value>>>> {
    let Some(col) = batch.column_by_name(name) else {
        return Ok(None);
    };
    let n = col.len();
    let get = |i: usize, v: Value| (!col.is_null(i)).then_some(v);
    let values: Vec<Option<Value>> = match col.data_type() {
        DataType::Utf8 => {
            let a = col.as_string::<i32>();
            (0..n)
                .map(|i| get(i, Value::Text(a.value(i).into())))
                .collect()
        }
        DataType::LargeUtf8 => {
            let a = col.as_string::<i64>();
            (0..n)
                .map(|i| get(i, Value::Text(a.value(i).into())))
                .collect()
        }
        DataType::Utf8View => {
            let a = col.as_string_view();
            (0..n)
                .map(|i| get(i, Value::Text(a.value(i).into())))
                .collect()
        }
        DataType::Binary => {
            let a = col.as_binary::<i32>();
            (0..n)
                .map(|i| get(i, Value::Bytes(a.value(i).into())))
                .collect()
        }
        DataType::LargeBinary => {
            let a = col.as_binary::<i64>();
            (0..n)
                .map(|i| get(i, Value::Bytes(a.value(i).into())))
                .collect()
        }
        DataType::Int64 => {
            let a = col.as_primitive::<Int64Type>();
            (0..n).map(|i| get(i, Value::Int(a.value(i)))).collect()
        }
        DataType::Int32 => {
            let a = col.as_primitive::<Int32Type>();
            (0..n)
                .map(|i| get(i, Value::Int(i64::from(a.value(i)))))
                .collect()
        }
        DataType::Date32 => {
            let a = col.as_primitive::<Date32Type>();
            (0..n).map(|i| get(i, Value::Day(a.value(i)))).collect()
        }
        other => {
            return Err(PyTypeError::new_err(format!(
                "column \"{name}\" is of type {other}; expected a string{}",
                match name {
                    "id" => ", binary or integer column",
                    "date" => " (YYYY-MM-DD) or date32 column",
                    _ => " or binary column",
                }
            )))
        }
    };
    Ok(Some(values))
}

/// The stories of an Arrow record batch, in row order: columns `id`,
/// `date`, `text` and optionally `title`; or one column `line` of JSONL
/// lines (binary or string), each read as `statecraft code` reads a line
/// of a JSONL file (a blank line is no story).
pub(crate) fn from_batch(batch: &RecordBatch) -> PyResult<Vec<Read>> {
    if batch.column_by_name("text").is_none() {
        if let Some(lines) = column(batch, "line")? {
            return Ok(lines.into_iter().flat_map(from_line).collect());
        }
    }
    let required = |name: &str| -> PyResult<Vec<Option<Value>>> {
        column(batch, name)?.ok_or_else(|| {
            PyValueError::new_err(format!(
                "the stories have no \"{name}\" column (expected id, date, text and optionally title)"
            ))
        })
    };
    let ids = required("id")?;
    let dates = required("date")?;
    let texts = required("text")?;
    let titles = column(batch, "title")?;
    let mut titles = titles.map(Vec::into_iter);
    let mut out = Vec::with_capacity(ids.len());
    for ((id, date), text) in ids.into_iter().zip(dates).zip(texts) {
        let title = titles.as_mut().and_then(|t| t.next().flatten());
        out.push(story(id, date, text, title));
    }
    Ok(out)
}

/// The story of one JSONL line, if it is not blank.
fn from_line(line: Option<Value>) -> Vec<Read> {
    let bytes = match line {
        None => return Vec::new(),
        Some(Value::Text(s)) if s.trim().is_empty() => return Vec::new(),
        Some(Value::Bytes(b)) if b.iter().all(u8::is_ascii_whitespace) => return Vec::new(),
        Some(Value::Text(s)) => s.into_bytes(),
        Some(Value::Bytes(b)) => b,
        Some(Value::Int(_) | Value::Day(_)) => {
            return vec![Err((None, "a line must be text or bytes".into()))]
        }
    };
    let batch = statecraft_text::read::read_jsonl(&bytes, "line");
    let stories: Vec<Read> = batch.stories().cloned().map(Ok).collect();
    let diagnostics = batch
        .diagnostics
        .into_iter()
        .map(|d| Err((d.story, d.message)));
    diagnostics.chain(stories).collect()
}

/// A story from its fields, checked as every reader checks it.
fn story(
    id: Option<Value>,
    date: Option<Value>,
    text: Option<Value>,
    title: Option<Value>,
) -> Read {
    let id = match id.map(|v| v.text("id")) {
        Some(Ok(id)) if !id.trim().is_empty() => id,
        Some(Err(e)) => return Err((None, e)),
        _ => return Err((None, "missing \"id\" (a string or number)".into())),
    };
    let fail = |message: String| Err((Some(id.clone()), message));
    let date = match date.map(|v| v.text("date")) {
        None => return fail("missing \"date\"".into()),
        Some(Err(e)) => return fail(e),
        Some(Ok(s)) => match Date::parse(&s) {
            Some(d) => d,
            None => return fail(format!("unreadable \"date\": {s:?}")),
        },
    };
    let text = match text.map(|v| v.text("text")) {
        None => return fail("missing \"text\" (a string)".into()),
        Some(Err(e)) => return fail(e),
        Some(Ok(t)) => t,
    };
    let title = match title.map(|v| v.text("title")) {
        Some(Err(e)) => return fail(e),
        Some(Ok(t)) => Some(t),
        None => None,
    };
    let mut story = Story::new(id.clone(), date, text, Layout::Prose);
    story.title = title;
    match story.check() {
        Ok(()) => Ok(story),
        Err(message) => fail(message),
    }
}

/// A dict's value under `key` as a [`Value`]; `None` when absent or None.
fn dict_value(d: &Bound<'_, PyDict>, key: &str) -> PyResult<Option<Value>> {
    let Some(v) = d.get_item(key)? else {
        return Ok(None);
    };
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        // A str with lone surrogates is not UTF-8: a diagnostic, not an error.
        return Ok(Some(match s.to_cow() {
            Ok(s) => Value::Text(s.to_string()),
            Err(_) => Value::Bytes(vec![0xff]),
        }));
    }
    if let Ok(b) = v.cast::<PyBytes>() {
        return Ok(Some(Value::Bytes(b.as_bytes().to_vec())));
    }
    if let Ok(n) = v.extract::<i64>() {
        if !v.is_instance_of::<pyo3::types::PyBool>() {
            return Ok(Some(Value::Int(n)));
        }
    }
    // A datetime.date (or datetime): its ISO form.
    if key == "date" && v.hasattr("isoformat")? {
        let iso: String = v.call_method0("isoformat")?.extract()?;
        let day = iso.get(..10).unwrap_or(&iso).to_string();
        return Ok(Some(Value::Text(day)));
    }
    Err(PyTypeError::new_err(format!(
        "story field \"{key}\" is a {}; expected str{}",
        type_name(&v),
        match key {
            "date" => " (YYYY-MM-DD) or datetime.date",
            "id" => " or int",
            _ => " or bytes",
        }
    )))
}

/// A story from a dict with keys `id`, `date`, `text` and optionally
/// `title`.
pub(crate) fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Read> {
    let d = d.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(format!(
            "a story must be a dict with keys id, date, text (and optionally title), not a {}",
            type_name(d)
        ))
    })?;
    Ok(story(
        dict_value(d, "id")?,
        dict_value(d, "date")?,
        dict_value(d, "text")?,
        dict_value(d, "title")?,
    ))
}

/// The name of `v`'s type, for messages.
pub(crate) fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map_or_else(|_| "?".into(), |n| n.to_string())
}

/// The date argument of `code`: a `YYYY-MM-DD` string or a `datetime.date`.
pub(crate) fn date_arg(v: &Bound<'_, PyAny>) -> PyResult<Date> {
    let s: String = if let Ok(s) = v.extract::<String>() {
        s
    } else if v.hasattr("isoformat")? {
        let iso: String = v.call_method0("isoformat")?.extract()?;
        iso.get(..10).unwrap_or(&iso).to_string()
    } else {
        return Err(PyTypeError::new_err(format!(
            "date must be a str (YYYY-MM-DD) or datetime.date, not {}",
            type_name(v)
        )));
    };
    Date::parse(&s).ok_or_else(|| PyValueError::new_err(format!("unreadable date: {s:?}")))
}
