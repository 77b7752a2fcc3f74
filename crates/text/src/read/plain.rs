use super::{looks_binary, Input, MAX_STORY_BYTES};
use crate::{Batch, Date, Diagnostic, Layout, Origin, Story};
use std::io::{BufRead, Read};

/// Reads a pasted story from a stream: at most twice [`MAX_STORY_BYTES`]
/// are read; a longer input is refused without reading the rest.
pub(crate) fn stream_plain(input: impl BufRead, label: &str) -> Vec<Input> {
    let limit = (MAX_STORY_BYTES * 2) as u64;
    let mut bytes = Vec::new();
    let refuse = |message: String| {
        let origin = Origin {
            file: label.to_string(),
            line: 1,
        };
        let id = story_id_from_label(label);
        vec![Input::Diagnostic(Diagnostic::error(
            &origin,
            Some(&id),
            message,
        ))]
    };
    match input.take(limit + 1).read_to_end(&mut bytes) {
        Ok(n) if n as u64 > limit => refuse(format!(
            "input is over {limit} bytes: too long for one story"
        )),
        Ok(_) => {
            let batch = read_plain(&bytes, label);
            let items = batch.items.into_iter().map(Input::Item);
            let diags = batch.diagnostics.into_iter().map(Input::Diagnostic);
            diags.chain(items).collect()
        }
        Err(e) => refuse(format!("reading failed: {e}")),
    }
}

/// Reads a story as a reader pastes it: a headline, a `Published:` (or
/// `Date:`, `Updated:`) line carrying the date, then paragraphs. A lone
/// `-` line and blank lines are skipped. The story id is the file name
/// without its extension.
///
/// ```
/// use statecraft_text::read::read_plain;
/// let input = "Seoul mulls ties\nPublished: 11 Feb. 2025, 18:54\n-\nSeoul met Damascus.\n";
/// let batch = read_plain(input.as_bytes(), "seed.txt");
/// let story = batch.stories().next().unwrap();
/// assert_eq!(story.id, "seed");
/// assert_eq!(story.date.to_string(), "2025-02-11");
/// assert_eq!(story.title.as_deref(), Some("Seoul mulls ties"));
/// assert_eq!(story.text, "Seoul met Damascus.");
/// ```
pub fn read_plain(bytes: &[u8], label: &str) -> Batch {
    let mut batch = Batch::default();
    let origin = Origin {
        file: label.to_string(),
        line: 1,
    };
    let id = story_id_from_label(label);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(&id),
            "empty input: no story to read",
        ));
        return batch;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(&id),
            "input is not valid UTF-8",
        ));
        return batch;
    };
    if looks_binary(text) {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(&id),
            "input looks like binary data, not text",
        ));
        return batch;
    }
    let text = text.trim_start_matches('\u{feff}');
    let mut title = None;
    let mut date = None;
    let mut paragraphs = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty()
            || line
                .chars()
                .all(|c| matches!(c, '-' | '—' | '–' | '*' | '=' | '_'))
        {
            continue;
        }
        if date.is_none() {
            if let Some(rest) = date_line(line) {
                date = Date::parse_leading(rest).map(|(d, _)| d);
                if date.is_some() {
                    continue;
                }
            }
        }
        if title.is_none() && paragraphs.is_empty() && date.is_none() {
            title = Some(line.to_string());
        } else {
            paragraphs.push(line);
        }
    }
    let Some(date) = date else {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(&id),
            "no story date: expected a line such as 'Published: 11 Feb. 2025'",
        ));
        return batch;
    };
    let body = paragraphs.join("\n");
    let story = Story {
        id,
        date,
        title,
        text: body,
        origin,
        layout: Layout::Prose,
    };
    batch.push(super::checked(story));
    batch
}

/// The part after a `Published:`-style label, if the line has one.
fn date_line(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    matches!(
        label.as_str(),
        "published" | "date" | "dated" | "posted" | "updated" | "published on"
    )
    .then_some(rest)
}

/// `path/to/story.txt` → `story`.
pub(crate) fn story_id_from_label(label: &str) -> String {
    let name = label.rsplit(['/', '\\']).next().unwrap_or(label);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if stem.is_empty() {
        "story".to_string()
    } else {
        stem.to_string()
    }
}
