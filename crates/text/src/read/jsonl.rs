use super::{lines, MAX_STORY_BYTES};
use crate::{Batch, Date, Diagnostic, Item, Layout, Origin, Story};
use serde_json::Value;

/// Reads JSON Lines: one `{"id", "date", "title"?, "text"}` object a line.
///
/// Blank lines are skipped. A line that is not valid UTF-8, not a JSON
/// object, or lacks an id, a readable date or a text becomes an error
/// diagnostic; the other lines are still read.
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
    let mut batch = Batch::default();
    for (line_no, raw) in lines(bytes) {
        let origin = Origin {
            file: label.to_string(),
            line: line_no,
        };
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        if raw.len() > MAX_STORY_BYTES * 2 {
            batch.diagnostics.push(Diagnostic::error(
                &origin,
                None,
                format!(
                    "line is {} bytes long, over the {} byte limit",
                    raw.len(),
                    MAX_STORY_BYTES * 2
                ),
            ));
            continue;
        }
        let Ok(text) = std::str::from_utf8(raw) else {
            batch
                .diagnostics
                .push(Diagnostic::error(&origin, None, "line is not valid UTF-8"));
            continue;
        };
        match parse_line(text) {
            Ok(story) => {
                let story = Story { origin, ..story };
                if story.text.len() > MAX_STORY_BYTES {
                    batch.diagnostics.push(Diagnostic::error(
                        &story.origin,
                        Some(&story.id),
                        format!(
                            "text is {} bytes long, over the {} byte limit",
                            story.text.len(),
                            MAX_STORY_BYTES
                        ),
                    ));
                } else {
                    batch.items.push(Item::Story(story));
                }
            }
            Err((id, msg)) => {
                batch
                    .diagnostics
                    .push(Diagnostic::error(&origin, id.as_deref(), msg))
            }
        }
    }
    if batch.items.is_empty() && batch.diagnostics.is_empty() {
        let origin = Origin {
            file: label.to_string(),
            line: 1,
        };
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            None,
            "empty input: no story to read",
        ));
    }
    batch
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
