//! `statecraft._statecraft`: the extension module of the `statecraft`
//! Python package (crates/python/python/statecraft).
//!
//! One class, `Coder`, holds the compiled dictionaries, the parser and a
//! reading's options, and codes stories into events:
//! - `code(text, date, id=None)` gives a list of dicts with the fields of
//!   `statecraft code`'s JSONL;
//! - `code_batch(stories)` gives a `pyarrow.RecordBatch` with the columns
//!   of `statecraft export --format parquet`, built in Rust and handed over
//!   through the Arrow C data interface;
//! - `code_arrow(batch, database=None)` is the same for one Arrow batch,
//!   with the diagnostics as a second batch and, when `database` is given,
//!   the stories stored as `statecraft ingest --database` stores them. The
//!   Spark job (`statecraft.spark`) runs on it.
//!
//! The GIL is released while coding, so Python threads code in parallel.
//! The dictionaries and the syntax model are compiled into the module.

mod batch;
mod stories;

use arrow_array::RecordBatch;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use pyo3::exceptions::{PyException, PyOSError, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use pyo3::{create_exception, IntoPyObjectExt};
use statecraft_app::{record_of, CodedStory, StoryCoder};
use statecraft_coder::{Event, Options};
use statecraft_store::{content_hash, Put, Store};
use statecraft_text::{Layout, Story};
use statecraft_types::EventRecord;
use std::path::PathBuf;
use std::sync::Mutex;
use stories::Read;

create_exception!(
    _statecraft,
    StatecraftError,
    PyException,
    "An error of statecraft's own: a store that cannot be opened or written."
);
create_exception!(
    _statecraft,
    StoryError,
    PyValueError,
    "A story that cannot be coded: no date, no text, an identifier with control characters, over 1 MB. The message begins with the story's id."
);
create_exception!(
    _statecraft,
    StatecraftWarning,
    PyUserWarning,
    "A story of a batch that was not coded, and why; the batch went on."
);

/// The readings a coder can use, by name.
fn options(reading: &str) -> PyResult<Options> {
    match reading {
        "statecraft" => Ok(Options::statecraft()),
        "tabari" => Ok(Options::tabari()),
        "petrarch" => Ok(Options::petrarch()),
        other => Err(PyValueError::new_err(format!(
            "unknown reading {other:?}: expected \"statecraft\", \"tabari\" or \"petrarch\""
        ))),
    }
}

/// A story's events as `statecraft code` prints them (hypothetical and
/// negated ones left out), and as the export writes them.
struct Coded {
    /// The events, in the coder's order.
    events: Vec<Event>,
    /// The story's content hash.
    hash: String,
    /// The stored form, when a database is written.
    stored: Option<CodedStory>,
    /// Sentences in the story (by the sentence splitter).
    sentences: usize,
}

/// A coder of stories into events.
///
/// `Coder(dictionaries=None, reading="statecraft")`: the bundled
/// dictionaries, plus the dictionary files named in `dictionaries`, and one
/// of the readings "statecraft" (for news prose), "tabari" or "petrarch".
#[pyclass(frozen, module = "statecraft._statecraft")]
struct Coder {
    inner: StoryCoder,
    reading: String,
    /// The database last written by `code_arrow`, kept open between batches.
    store: Mutex<Option<(String, Store)>>,
}

impl Coder {
    /// Codes `stories` (without the GIL), keeping their order.
    fn code_all(&self, stories: &[Story], store: bool) -> Vec<Coded> {
        stories
            .iter()
            .map(|story| {
                let coded = self.inner.coder().code(story);
                let mut events = coded.events;
                let stored =
                    store.then(|| self.inner.stored_form(story, events.clone(), coded.notes));
                events.retain(Event::happened_or_intended);
                // The stored form hashed the story already.
                let hash = stored
                    .as_ref()
                    .map_or_else(|| content_hash(story), |s| s.record.hash.clone());
                Coded {
                    events,
                    hash,
                    stored,
                    sentences: statecraft_text::split_sentences(&story.text).len(),
                }
            })
            .collect()
    }

    /// The export rows of coded stories.
    fn records(&self, coded: &[Coded]) -> Vec<EventRecord> {
        coded
            .iter()
            .flat_map(|c| {
                c.events
                    .iter()
                    .map(|e| record_of(e, &c.hash, self.inner.states()))
            })
            .collect()
    }

    /// Stores coded stories in the database at `url` (opened once and kept),
    /// taking their stored forms.
    fn store(&self, url: &str, coded: &mut [Coded]) -> PyResult<Vec<Put>> {
        let batch: Vec<_> = coded
            .iter_mut()
            .filter_map(|c| c.stored.take())
            .map(|s| (s.record, s.events))
            .collect();
        let mut guard = self
            .store
            .lock()
            .map_err(|_| StatecraftError::new_err("the database connection was poisoned"))?;
        if guard.as_ref().is_none_or(|(u, _)| u != url) {
            let store = Store::open_postgres(url)
                .map_err(|e| StatecraftError::new_err(format!("database: {e}")))?;
            *guard = Some((url.to_string(), store));
        }
        let Some((_, store)) = guard.as_mut() else {
            return Err(StatecraftError::new_err("database: not open"));
        };
        match store.put_stories(&batch) {
            Ok(puts) => Ok(puts),
            Err(e) => {
                // A broken connection is opened afresh next time.
                *guard = None;
                Err(StatecraftError::new_err(format!("database: {e}")))
            }
        }
    }
}

/// Reads the stories of `stories`: a pyarrow Table or RecordBatch, or an
/// iterable of dicts.
fn read_stories(stories: &Bound<'_, PyAny>) -> PyResult<Vec<Read>> {
    if stories.is_instance_of::<PyString>()
        || stories.is_instance_of::<PyBytes>()
        || stories.is_instance_of::<PyDict>()
    {
        return Err(PyTypeError::new_err(
            "stories must be an iterable of dicts or a pyarrow Table or RecordBatch, \
             not a single story (use Coder.code for one text)",
        ));
    }
    if stories.hasattr("to_batches")? {
        let mut out = Vec::new();
        for b in stories.call_method0("to_batches")?.try_iter()? {
            out.extend(stories::from_batch(&RecordBatch::from_pyarrow_bound(&b?)?)?);
        }
        return Ok(out);
    }
    if stories.hasattr("__arrow_c_array__")? {
        return stories::from_batch(&RecordBatch::from_pyarrow_bound(stories)?);
    }
    let items = stories.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "stories must be an iterable of dicts or a pyarrow Table or RecordBatch, not {}",
            stories::type_name(stories)
        ))
    })?;
    items.map(|s| stories::from_dict(&s?)).collect()
}

/// Splits read stories into the stories and the diagnostics.
fn split(read: Vec<Read>) -> (Vec<Story>, Vec<(Option<String>, String)>) {
    let mut ok = Vec::with_capacity(read.len());
    let mut bad = Vec::new();
    for r in read {
        match r {
            Ok(s) => ok.push(s),
            Err(d) => bad.push(d),
        }
    }
    (ok, bad)
}

fn arrow_error(e: arrow_schema::ArrowError) -> PyErr {
    StatecraftError::new_err(format!("arrow: {e}"))
}

#[pymethods]
impl Coder {
    #[new]
    #[pyo3(signature = (dictionaries=None, reading="statecraft"))]
    fn new(py: Python<'_>, dictionaries: Option<Vec<PathBuf>>, reading: &str) -> PyResult<Coder> {
        let options = options(reading)?;
        let mut extra = Vec::new();
        for p in dictionaries.unwrap_or_default() {
            let bytes = std::fs::read(&p).map_err(|e| {
                PyOSError::new_err(format!("reading dictionary {}: {e}", p.display()))
            })?;
            extra.push((p.display().to_string(), bytes));
        }
        let refs: Vec<(&str, &[u8])> = extra
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let (inner, errors) = py.detach(|| StoryCoder::with_reading(&refs, options, reading));
        // The bundled files' own flaws are known; the caller's are shown.
        for e in errors.iter().filter(|e| !e.file.starts_with("<bundled>")) {
            PyErr::warn(
                py,
                &py.get_type::<StatecraftWarning>(),
                &std::ffi::CString::new(e.to_string()).unwrap_or_default(),
                1,
            )?;
        }
        Ok(Coder {
            inner,
            reading: reading.to_string(),
            store: Mutex::new(None),
        })
    }

    /// The reading's name.
    #[getter]
    fn reading(&self) -> &str {
        &self.reading
    }

    /// The fingerprint stored with each story: the program version, the
    /// reading and every dictionary file's hash.
    #[getter]
    fn fingerprint(&self) -> &str {
        self.inner.fingerprint()
    }

    fn __repr__(&self) -> String {
        format!("Coder(reading={:?})", self.reading)
    }

    /// Codes one story: `text` is its body, or a story as a reader pastes
    /// it (a headline, a `Published:` line, paragraphs); `date` is its
    /// date ("YYYY-MM-DD" or a datetime.date), which wins over the text's.
    /// Returns the events as dicts with the fields of `statecraft code`'s
    /// JSONL. A story that cannot be coded raises StoryError.
    #[pyo3(signature = (text, date, id=None))]
    fn code<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: &Bound<'py, PyAny>,
        id: Option<String>,
    ) -> PyResult<Bound<'py, PyList>> {
        let text: String = text.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "text must be a str, not {}",
                stories::type_name(text)
            ))
        })?;
        let date = stories::date_arg(date)?;
        let id = id.unwrap_or_else(|| "story".to_string());
        // A pasted story gives its headline and paragraphs, as the CLI
        // reads it; other text is the body.
        let plain = statecraft_text::read::read_plain(text.as_bytes(), "story.txt");
        let mut story = match plain.stories().next() {
            Some(s) => s.clone(),
            None => Story::new(id.clone(), date, text, Layout::Prose),
        };
        story.id = id;
        story.date = date;
        story
            .check()
            .map_err(|m| StoryError::new_err(format!("story {}: {m}", story.id)))?;
        let coded = py.detach(|| self.code_all(std::slice::from_ref(&story), false));
        let loads = py.import("json")?.getattr("loads")?;
        let out = PyList::empty(py);
        for e in coded.iter().flat_map(|c| &c.events) {
            let json = serde_json::to_string(e)
                .map_err(|e| StatecraftError::new_err(format!("json: {e}")))?;
            out.append(loads.call1((json,))?)?;
        }
        Ok(out)
    }

    /// Codes many stories: an iterable of dicts (keys id, date, text and
    /// optionally title) or a pyarrow Table or RecordBatch with those
    /// columns. Returns a pyarrow.RecordBatch of events with the columns of
    /// the Parquet export. A story that cannot be coded is skipped: its
    /// diagnostic ({"story_id", "message"}) is appended to `diagnostics`
    /// when a list is given, else issued as a StatecraftWarning.
    #[pyo3(signature = (stories, diagnostics=None))]
    fn code_batch<'py>(
        &self,
        py: Python<'py>,
        stories: &Bound<'py, PyAny>,
        diagnostics: Option<&Bound<'py, PyList>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (ok, bad) = split(read_stories(stories)?);
        for (id, message) in &bad {
            let id = id.as_deref().map(statecraft_text::escape);
            match diagnostics {
                Some(list) => {
                    let d = PyDict::new(py);
                    d.set_item("story_id", id)?;
                    d.set_item("message", message)?;
                    list.append(d)?;
                }
                None => {
                    let text = match id {
                        Some(id) => format!("story {id}: {message}"),
                        None => format!("story without an id: {message}"),
                    };
                    PyErr::warn(
                        py,
                        &py.get_type::<StatecraftWarning>(),
                        &std::ffi::CString::new(text).unwrap_or_default(),
                        1,
                    )?;
                }
            }
        }
        let records = py.detach(|| self.records(&self.code_all(&ok, false)));
        batch::events(&records).map_err(arrow_error)?.to_pyarrow(py)
    }

    /// Codes one pyarrow.RecordBatch of stories (columns id, date, text and
    /// optionally title) for a batch job. Returns `(events, diagnostics,
    /// counts)`: the events as `code_batch` gives them, the stories not
    /// coded as a RecordBatch (story_id, message), and a dict of counts
    /// (stories, sentences, events, diagnostics, and when `database` is a
    /// PostgreSQL URL, stored, replaced and unchanged). With `database`,
    /// the stories are also stored as `statecraft ingest --database`
    /// stores them: a story stored before with the same text and
    /// dictionaries is left alone.
    #[pyo3(signature = (batch, database=None))]
    fn code_arrow<'py>(
        &self,
        py: Python<'py>,
        batch: &Bound<'py, PyAny>,
        database: Option<&str>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyDict>)> {
        let input = RecordBatch::from_pyarrow_bound(batch)?;
        let (ok, bad) = split(stories::from_batch(&input)?);
        let mut coded = py.detach(|| self.code_all(&ok, database.is_some()));
        let counts = PyDict::new(py);
        if let Some(url) = database {
            let puts = py.detach(|| self.store(url, &mut coded))?;
            let count = |f: fn(&Put) -> bool| puts.iter().filter(|p| f(p)).count();
            counts.set_item("stored", count(|p| matches!(p, Put::Stored(_))))?;
            counts.set_item("replaced", count(|p| matches!(p, Put::Replaced(_))))?;
            counts.set_item("unchanged", count(|p| matches!(p, Put::Unchanged)))?;
        }
        let records = self.records(&coded);
        counts.set_item("stories", ok.len())?;
        counts.set_item(
            "sentences",
            coded.iter().map(|c| c.sentences).sum::<usize>(),
        )?;
        counts.set_item("events", records.len())?;
        counts.set_item("diagnostics", bad.len())?;
        let events = batch::events(&records)
            .map_err(arrow_error)?
            .to_pyarrow(py)?;
        let diags = batch::diagnostics(&bad)
            .map_err(arrow_error)?
            .to_pyarrow(py)?;
        Ok((events, diags, counts))
    }
}

/// The pyarrow schema of the events `code_batch` returns.
#[pyfunction]
fn event_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    batch::event_schema().to_pyarrow(py)
}

/// The pyarrow schema of the diagnostics `code_arrow` returns.
#[pyfunction]
fn diagnostic_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    batch::diagnostic_schema().to_pyarrow(py)
}

#[pymodule]
fn _statecraft(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Coder>()?;
    m.add_function(wrap_pyfunction!(event_schema, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostic_schema, m)?)?;
    m.add("StatecraftError", py.get_type::<StatecraftError>())?;
    m.add("StoryError", py.get_type::<StoryError>())?;
    m.add("StatecraftWarning", py.get_type::<StatecraftWarning>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION").into_py_any(py)?)?;
    Ok(())
}
