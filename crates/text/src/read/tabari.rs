use super::lines::{decode_legacy, Line, Lines};
use super::{looks_binary, Input, MAX_STORY_BYTES};
use crate::{Batch, Date, Diagnostic, Directive, Environment, Item, Layout, Origin, Story};
use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::path::Path;

/// Splits a TABARI record header line into its date token and id.
///
/// A header starts with a digit: a date, whitespace, then the record id
/// (anything after the id, such as an FBIS document id, is ignored).
pub(crate) fn is_header_line(line: &str) -> Option<(&str, Option<&str>)> {
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut parts = line.split_whitespace();
    let date = parts.next()?;
    if !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((date, parts.next()))
}

/// Reads TABARI `.text` records.
///
/// A record starts at a line whose first character is a digit (after a
/// blank line or at the start of the file) and ends at the next blank
/// line; blocks that do not start with a digit are comments, as in TABARI.
/// `/* ... */` comments are removed (an unterminated one ends with its
/// record), and `{ OPTION: ... }` blocks inside them become
/// [`Directive::Tabari`] items placed before the record.
///
/// The header date is `YYMMDD` (years 00–30 are 2000–2030) or `YYYYMMDD`.
/// TABARI reads dates as fixed-width fields, so a 7-digit date is read as
/// its first six digits and a 9-digit one as its first eight, with a
/// warning; a date that still cannot be read skips the record with an
/// error.
///
/// Each record is one coding unit ([`Layout::Sentence`]), as in TABARI.
///
/// ```
/// use statecraft_text::read::read_tabari_text;
/// use statecraft_text::{Directive, Item};
/// let input = b"950101  DEMO-01\nArnor restored ties with Gondor. /* \\n{ ARN / GON / 064 } */\n\n\
/// 950101  OPT\nSwitch /* { OPTION: SET: CODE ALL } */\n";
/// let batch = read_tabari_text(input, "v.text");
/// let ids: Vec<_> = batch.stories().map(|s| s.id.as_str()).collect();
/// assert_eq!(ids, ["DEMO-01", "OPT"]);
/// assert_eq!(batch.stories().next().unwrap().text.trim(), "Arnor restored ties with Gondor.");
/// assert!(batch.items.iter().any(|i| matches!(i, Item::Directive(Directive::Tabari(s), _) if s == "SET: CODE ALL")));
/// ```
pub fn read_tabari_text(bytes: &[u8], label: &str) -> Batch {
    super::read(super::Format::TabariText, bytes, label, Path::new(""))
}

/// The `.text` reader as a stream: a record at a time.
pub(crate) struct TextReader<R> {
    lines: Lines<R>,
    label: String,
    current: Option<Record>,
    out: VecDeque<Input>,
    latin1_warned: bool,
    done: bool,
}

impl<R: BufRead> TextReader<R> {
    pub fn new(input: R, label: &str) -> TextReader<R> {
        TextReader {
            lines: Lines::new(input, MAX_STORY_BYTES * 2),
            label: label.to_string(),
            current: None,
            out: VecDeque::new(),
            latin1_warned: false,
            done: false,
        }
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.label.clone(),
            line,
        }
    }

    fn finish_record(&mut self) {
        if let Some(rec) = self.current.take() {
            let mut batch = Batch::default();
            finish(rec, &self.label, &mut batch);
            self.out
                .extend(batch.diagnostics.into_iter().map(Input::Diagnostic));
            self.out.extend(batch.items.into_iter().map(Input::Item));
        }
    }

    /// Reads lines until a record is complete or the input ends.
    fn fill(&mut self) {
        while self.out.is_empty() && !self.done {
            let (line_no, raw) = match self.lines.next() {
                None => {
                    self.done = true;
                    self.finish_record();
                    break;
                }
                Some(Line::Text(n, raw)) => (n, raw),
                Some(Line::TooLong(n, len)) => {
                    // A line too long for a record: the record is dropped.
                    let header = self.current.take().map(|r| r.header);
                    let id = header
                        .as_deref()
                        .and_then(is_header_line)
                        .and_then(|(_, id)| id);
                    let msg = format!(
                        "line is {len} bytes long, over the {} byte limit; its record is skipped",
                        MAX_STORY_BYTES * 2
                    );
                    let d = Diagnostic::error(&self.origin(n), id, msg);
                    self.out.push_back(Input::Diagnostic(d));
                    continue;
                }
                Some(Line::Abandoned(n)) => {
                    self.current = None;
                    let d = Diagnostic::error(
                        &self.origin(n),
                        None,
                        "no line end for a long way: the rest of the input is not read",
                    );
                    self.out.push_back(Input::Diagnostic(d));
                    continue;
                }
                Some(Line::Failed(n, e)) => {
                    self.current = None;
                    let d =
                        Diagnostic::error(&self.origin(n), None, format!("reading failed: {e}"));
                    self.out.push_back(Input::Diagnostic(d));
                    continue;
                }
            };
            let (line, latin1) = decode_legacy(&raw);
            if latin1 && !self.latin1_warned {
                self.latin1_warned = true;
                let d = Diagnostic::warning(
                    &self.origin(line_no),
                    None,
                    "not valid UTF-8; read as Windows-1252",
                );
                self.out.push_back(Input::Diagnostic(d));
            }
            let blank = line.chars().all(|c| c.is_whitespace() || c == '\u{1a}');
            if blank {
                self.finish_record();
                continue;
            }
            match self.current.as_mut() {
                Some(rec) => {
                    // A record grows to the size limit at most; `finish`
                    // reports one that went over.
                    if rec.body.len() <= MAX_STORY_BYTES {
                        rec.body.push('\n');
                        rec.body.push_str(&line);
                    } else {
                        rec.overflow = true;
                    }
                }
                None => {
                    if is_header_line(&line).is_some() {
                        self.current = Some(Record {
                            line: line_no,
                            header: line.into_owned(),
                            body: String::new(),
                            overflow: false,
                        });
                    }
                    // Anything else outside a record is a comment block.
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for TextReader<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        self.fill();
        self.out.pop_front()
    }
}

struct Record {
    line: usize,
    header: String,
    body: String,
    /// Lines were dropped to keep the record within the size limit.
    overflow: bool,
}

fn finish(rec: Record, label: &str, batch: &mut Batch) {
    let origin = Origin {
        file: label.to_string(),
        line: rec.line,
    };
    let Some((date_tok, id)) = is_header_line(&rec.header) else {
        return;
    };
    let Some(id) = id else {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            None,
            "record header has a date but no id",
        ));
        return;
    };
    let (text, options) = strip_comments(&rec.body);
    for opt in options {
        batch
            .items
            .push(Item::Directive(Directive::Tabari(opt), origin.clone()));
    }
    let date = match Date::parse_compact(date_tok) {
        Some(d) => d,
        None => {
            let width = match date_tok.len() {
                7 => 6,
                n if n > 8 => 8,
                _ => 0,
            };
            match (width > 0)
                .then(|| Date::parse_compact(&date_tok[..width]))
                .flatten()
            {
                Some(d) => {
                    batch.diagnostics.push(Diagnostic::warning(
                        &origin,
                        Some(id),
                        format!(
                            "date {date_tok:?} has {} digits; read as {}",
                            date_tok.len(),
                            &date_tok[..width]
                        ),
                    ));
                    d
                }
                None => {
                    batch.diagnostics.push(Diagnostic::error(
                        &origin,
                        Some(id),
                        format!(
                            "unreadable record date {date_tok:?} (expected YYMMDD or YYYYMMDD)"
                        ),
                    ));
                    return;
                }
            }
        }
    };
    if text.trim().is_empty() {
        return;
    }
    if looks_binary(&text) {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(id),
            "record text looks like binary data",
        ));
        return;
    }
    if rec.overflow || text.len() > MAX_STORY_BYTES {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(id),
            format!("record is over the {MAX_STORY_BYTES} byte limit"),
        ));
        return;
    }
    let story = Story {
        id: id.to_string(),
        date,
        title: None,
        text,
        origin,
        layout: Layout::Sentence,
    };
    batch.push(super::checked(story));
}

/// Removes `/* ... */` comments, returning the text and the option lines
/// found in `{ OPTION: ... }` blocks inside them.
fn strip_comments(body: &str) -> (String, Vec<String>) {
    let mut text = String::with_capacity(body.len());
    let mut options = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        text.push(' ');
        let after = &rest[start + 2..];
        let (comment, next) = match after.find("*/") {
            Some(end) => (&after[..end], &after[end + 2..]),
            None => (after, ""),
        };
        collect_options(comment, &mut options);
        rest = next;
    }
    text.push_str(rest);
    (text, options)
}

fn collect_options(comment: &str, out: &mut Vec<String>) {
    let mut rest = comment;
    while let Some(open) = rest.find('{') {
        let inner = &rest[open + 1..];
        let end = inner.find('}').unwrap_or(inner.len());
        let block = inner[..end].trim();
        if let Some(opt) = block.strip_prefix("OPTION:") {
            let opt = opt.split_whitespace().collect::<Vec<_>>().join(" ");
            if !opt.is_empty() {
                out.push(opt);
            }
        }
        rest = &inner[end.min(inner.len())..];
    }
}

/// Reads a TABARI `.project` file: `<actorsfile>`, `<verbsfile>`,
/// `<agentsfile>`, `<optionsfile>`, `<issuesfile>` and `<textfile>` lines,
/// with paths relative to `base` (the project file's directory). Other
/// lines (`<session>`, `<coder>`, comments) are ignored.
///
/// The stories are not read here: the caller reads each text file with
/// [`read_tabari_text`].
///
/// ```
/// use statecraft_text::read::read_tabari_project;
/// use std::path::Path;
/// let input = b"Validation\n<actorsfile> \tDemo.actors\n<textfile> V.text\n<coder> X\n";
/// let batch = read_tabari_project(input, "V.project", Path::new("/data"));
/// let env = batch.environment.unwrap();
/// assert_eq!(env.actors, [Path::new("/data/Demo.actors")]);
/// assert_eq!(env.texts, [Path::new("/data/V.text")]);
/// ```
pub fn read_tabari_project(bytes: &[u8], label: &str, base: &Path) -> Batch {
    Batch::collect(stream_project(bytes, label, base).into_iter())
}

/// A project file is a handful of lines: at most this many bytes are read.
const MAX_PROJECT_BYTES: u64 = 1 << 20;

/// Reads a project file from a stream (at most [`MAX_PROJECT_BYTES`]).
pub(crate) fn stream_project(input: impl BufRead, label: &str, base: &Path) -> Vec<Input> {
    let mut bytes = Vec::new();
    let mut out = Vec::new();
    let origin = Origin {
        file: label.to_string(),
        line: 1,
    };
    match input.take(MAX_PROJECT_BYTES + 1).read_to_end(&mut bytes) {
        Ok(n) if n as u64 > MAX_PROJECT_BYTES => {
            out.push(Input::Diagnostic(Diagnostic::error(
                &origin,
                None,
                format!("over {MAX_PROJECT_BYTES} bytes: not a TABARI project file"),
            )));
            return out;
        }
        Ok(_) => {}
        Err(e) => {
            out.push(Input::Diagnostic(Diagnostic::error(
                &origin,
                None,
                format!("reading failed: {e}"),
            )));
            return out;
        }
    }
    let mut env = Environment::default();
    let lines = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .enumerate();
    for (i, raw) in lines {
        let line_no = i + 1;
        let (line, _) = decode_legacy(raw);
        let line = line.trim();
        let Some(rest) = line.strip_prefix('<') else {
            continue;
        };
        let Some((tag, value)) = rest.split_once('>') else {
            continue;
        };
        let value = value.trim();
        let list = match tag.trim().to_ascii_lowercase().as_str() {
            "actorsfile" => &mut env.actors,
            "verbsfile" => &mut env.verbs,
            "agentsfile" => &mut env.agents,
            "optionsfile" => &mut env.options,
            "issuesfile" => &mut env.issues,
            "textfile" => &mut env.texts,
            _ => continue,
        };
        if value.is_empty() {
            out.push(Input::Diagnostic(Diagnostic::error(
                &Origin {
                    file: label.to_string(),
                    line: line_no,
                },
                None,
                format!("<{tag}> names no file"),
            )));
            continue;
        }
        list.push(base.join(value));
    }
    if env.texts.is_empty() {
        out.push(Input::Diagnostic(Diagnostic::error(
            &origin,
            None,
            "project names no <textfile>",
        )));
    }
    out.push(Input::Environment(env));
    out
}
