use super::lines::{Line, Lines};
use super::{Input, MAX_STORY_BYTES};
use crate::{Batch, Date, Diagnostic, Layout, Origin, Story};
use serde_json::Value;
use std::io::BufRead;

/// Reads JSON Lines: one `{"id", "date", "title"?, "text"}` object a line.
///
/// Blank lines are skipped. A line that is not valid UTF-8, not a JSON
/// object, lacks an id, a readable date or a text, or holds a story that
/// [`Story::check`] refuses (a NUL, an overlong id or text) becomes an
/// error diagnostic; the other lines are still read.
///
/// ```
/// use statecraft_text::read::read_jsonl;
/// let input = b"{\"id\":\"a\",\"date\":\"2025-02-11\",\"text\":\"Seoul met Damascus.\"}\nnot json\n";
/// let batch = read_jsonl(input, "in.jsonl");
/// assert_eq!(batch.stories().count(), 1);
/// assert_eq!(batch.diagnostics.len(), 1);
/// assert_eq!(batch.diagnostics[0].line, 2);
/// ```
pub fn read_jsonl(bytes: &[u8], label: &str) -> Batch {
    super::read(super::Format::Jsonl, bytes, label, std::path::Path::new(""))
}

/// The JSONL reader as a stream: a line at a time, each at most twice
/// [`MAX_STORY_BYTES`].
pub(crate) struct JsonlReader<R> {
    lines: Lines<R>,
    label: String,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(input: R, label: &str) -> JsonlReader<R> {
        JsonlReader {
            lines: Lines::new(input, MAX_STORY_BYTES * 2),
            label: label.to_string(),
        }
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.label.clone(),
            line,
        }
    }

    /// What one line gives, if anything.
    fn line(&self, line: Line) -> Option<Input> {
        let error = |line: usize, id: Option<&str>, msg: String| {
            Some(Input::Diagnostic(Diagnostic::error(
                &self.origin(line),
                id,
                msg,
            )))
        };
        match line {
            Line::Text(_, raw) if raw.iter().all(|b| b.is_ascii_whitespace()) => None,
            Line::Text(no, raw) => {
                let Ok(text) = std::str::from_utf8(&raw) else {
                    return error(no, None, "line is not valid UTF-8".into());
                };
                match parse_line(text) {
                    Ok(story) => {
                        let story = Story {
                            origin: self.origin(no),
                            ..story
                        };
                        Some(super::checked(story))
                    }
                    Err((id, msg)) => error(no, id.as_deref(), msg),
                }
            }
            Line::TooLong(no, len) => error(
                no,
                None,
                format!(
                    "line is {len} bytes long, over the {} byte limit",
                    MAX_STORY_BYTES * 2
                ),
            ),
            Line::Abandoned(no) => error(
                no,
                None,
                format!(
                    "no line end in the next {} bytes: the rest of the input is not read",
                    MAX_STORY_BYTES * 128
                ),
            ),
            Line::Failed(no, e) => error(no, None, format!("reading failed: {e}")),
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            let line = self.lines.next()?;
            if let Some(out) = self.line(line) {
                return Some(out);
            }
        }
    }
}

fn parse_line(text: &str) -> Result<Story, (Option<String>, String)> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| (None, format!("not a JSON object: {e}")))?;
    let Value::Object(obj) = value else {
        return Err((None, "not a JSON object".into()));
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err((None, "missing \"id\" (a string or number)".into())),
    };
    let date = match obj.get("date") {
        Some(Value::String(s)) => Date::parse(s)
            .ok_or_else(|| (Some(id.clone()), format!("unreadable \"date\": {s:?}")))?,
        Some(Value::Number(n)) => Date::parse(&n.to_string())
            .ok_or_else(|| (Some(id.clone()), format!("unreadable \"date\": {n}")))?,
        _ => return Err((Some(id), "missing \"date\"".into())),
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err((Some(id), "missing \"text\" (a string)".into())),
    };
    let title = match obj.get("title") {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    Ok(Story {
        id,
        date,
        title,
        text,
        origin: Origin {
            file: String::new(),
            line: 0,
        },
        layout: Layout::Prose,
    })
}
