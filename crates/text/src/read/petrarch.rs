use super::{Input, MAX_STORY_BYTES};
use crate::{
    Batch, Date, Diagnostic, Directive, Environment, Item, Layout, Origin, Story, MAX_ID_CHARS,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Reads PETRARCH XML: `<Sentence date=".." id=".."><Text>..</Text>`
/// elements, `<Config option=".." value="..">` switches (applied to the
/// sentences after them) and an optional `<Environment>` naming the
/// dictionaries, resolved against `base`.
///
/// `<Parse>` trees and `<EventCoding>` expectations are ignored: we code
/// raw text. A `<Sentence>` opened inside another, or left open when its
/// parent closes or the file ends, is reported with its line, as is a
/// malformed document (the sentences before the error are kept).
///
/// ```
/// use statecraft_text::read::read_petrarch_xml;
/// use std::path::Path;
/// let xml = br#"<Validation><Environment><Verbfile>v.txt</Verbfile></Environment>
/// <Sentences><Config option="require_dyad" value="false"></Config>
/// <Sentence date="19950101" id="DEMO-00"><Text>Arnor restored ties.</Text><Parse>(ROOT)</Parse></Sentence>
/// </Sentences></Validation>"#;
/// let batch = read_petrarch_xml(xml, "t.xml", Path::new("/d"));
/// assert_eq!(batch.stories().next().unwrap().id, "DEMO-00");
/// assert_eq!(batch.environment.unwrap().verbs, [Path::new("/d/v.txt")]);
/// assert_eq!(batch.items.len(), 2);
/// ```
pub fn read_petrarch_xml(bytes: &[u8], label: &str, base: &Path) -> Batch {
    super::read(super::Format::PetrarchXml, bytes, label, base)
}

/// A `BufRead` that counts the lines it has handed out and the bytes since
/// the last mark, so the XML reader knows each element's line without
/// scanning the input again, and can refuse an element that runs on
/// without end.
struct Counting<R> {
    inner: R,
    /// Newlines consumed so far.
    newlines: usize,
    /// Bytes consumed since [`Counting::mark`].
    since_mark: u64,
}

impl<R> Counting<R> {
    fn mark(&mut self) {
        self.since_mark = 0;
    }
}

/// The longest single XML event (a text run, a tag) read before the input
/// is refused: twice the story limit.
const MAX_EVENT: u64 = (MAX_STORY_BYTES * 2) as u64;

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.newlines += buf[..n].iter().filter(|&&b| b == b'\n').count();
        self.since_mark += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.since_mark > MAX_EVENT {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("an element runs on for over {MAX_EVENT} bytes"),
            ));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let amt = amt.min(buf.len());
            self.newlines += buf[..amt].iter().filter(|&&b| b == b'\n').count();
        }
        self.since_mark += amt as u64;
        self.inner.consume(amt);
    }
}

/// The open `<Sentence>`: its attributes, line and text so far.
struct Open {
    date: Option<String>,
    id: Option<String>,
    line: usize,
    text: Option<String>,
}

/// The XML reader as a stream: a `<Sentence>` at a time.
pub(crate) struct XmlReader<R> {
    reader: Reader<Counting<R>>,
    buf: Vec<u8>,
    label: String,
    base: PathBuf,
    env: Option<Environment>,
    in_env: bool,
    /// The element whose text is being collected.
    field: Option<String>,
    text: String,
    sentence: Option<Open>,
    out: VecDeque<Input>,
    done: bool,
}

impl<R: BufRead> XmlReader<R> {
    pub fn new(input: R, label: &str, base: &Path) -> XmlReader<R> {
        let mut reader = Reader::from_reader(Counting {
            inner: input,
            newlines: 0,
            since_mark: 0,
        });
        reader.config_mut().check_end_names = false;
        XmlReader {
            reader,
            buf: Vec::new(),
            label: label.to_string(),
            base: base.to_path_buf(),
            env: None,
            in_env: false,
            field: None,
            text: String::new(),
            sentence: None,
            out: VecDeque::new(),
            done: false,
        }
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.label.clone(),
            line,
        }
    }

    fn error(&mut self, line: usize, id: Option<&str>, message: impl Into<String>) {
        let d = Diagnostic::error(&self.origin(line), id, message);
        self.out.push_back(Input::Diagnostic(d));
    }

    /// Reads events until something is ready or the input ends.
    fn fill(&mut self) {
        while self.out.is_empty() && !self.done {
            // The line an event starts on: the lines consumed before it.
            let line = 1 + self.reader.get_ref().newlines;
            self.reader.get_mut().mark();
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e.into_owned(),
                Err(e) => {
                    let at = 1 + self.reader.get_ref().newlines;
                    let id = self.sentence.take().and_then(|s| s.id);
                    self.error(at, id.as_deref(), format!("malformed XML: {e}"));
                    self.done = true;
                    break;
                }
            };
            self.event(event, line);
        }
    }

    fn event(&mut self, event: Event<'static>, line: usize) {
        match event {
            Event::Eof => self.end_of_input(),
            Event::Start(e) => self.start(&e, line, false),
            Event::Empty(e) => self.start(&e, line, true),
            Event::Text(t) if self.field.is_some() => match t.unescape() {
                Ok(s) => self.text.push_str(&s),
                Err(_) => self.text.push_str(&String::from_utf8_lossy(&t)),
            },
            Event::CData(t) if self.field.is_some() => {
                self.text.push_str(&String::from_utf8_lossy(&t))
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                self.end(&name, line);
            }
            _ => {}
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, line: usize, empty: bool) {
        let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
        match name.as_str() {
            "Environment" => {
                self.in_env = !empty;
                self.env.get_or_insert_with(|| Environment {
                    petrarch: true,
                    ..Default::default()
                });
            }
            "Config" => {
                let option = attr(e, "option").unwrap_or_default();
                let value = attr(e, "value").unwrap_or_default();
                if !option.is_empty() {
                    let d = Directive::Petrarch { option, value };
                    self.out
                        .push_back(Input::Item(Item::Directive(d, self.origin(line))));
                }
            }
            "Sentence" => {
                if let Some(open) = self.sentence.take() {
                    self.error(
                        open.line,
                        open.id.as_deref(),
                        format!(
                            "<Sentence> is not closed before the <Sentence> at line {line}; it is skipped"
                        ),
                    );
                }
                self.field = None;
                self.sentence = Some(Open {
                    date: attr(e, "date"),
                    id: attr(e, "id"),
                    line,
                    text: None,
                });
                if empty {
                    self.end("Sentence", line);
                }
            }
            "Text" if self.sentence.is_some() && !empty => {
                self.field = Some(name);
                self.text.clear();
            }
            _ if self.in_env && !empty => {
                self.field = Some(name);
                self.text.clear();
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str, line: usize) {
        if self.field.as_deref() == Some(name) {
            self.field = None;
            let text = std::mem::take(&mut self.text);
            if name == "Text" {
                if let Some(open) = self.sentence.as_mut() {
                    open.text = Some(text);
                }
            } else if self.in_env {
                self.env_file(name, &text);
            }
        }
        match name {
            "Environment" => {
                self.in_env = false;
                if let Some(env) = self.env.clone() {
                    self.out.push_back(Input::Environment(env));
                }
            }
            "Sentence" => {
                if let Some(open) = self.sentence.take() {
                    self.finish(open);
                }
            }
            // The sentence's parent closed around it.
            "Sentences" | "Validation" | "Article" => {
                if let Some(open) = self.sentence.take() {
                    self.error(
                        open.line,
                        open.id.as_deref(),
                        format!("<Sentence> is not closed before </{name}> at line {line}; it is skipped"),
                    );
                }
            }
            _ => {}
        }
    }

    fn env_file(&mut self, name: &str, value: &str) {
        let Some(env) = self.env.as_mut() else {
            return;
        };
        let list = match name {
            "Verbfile" => &mut env.verbs,
            "Actorfile" => &mut env.actors,
            "Agentfile" => &mut env.agents,
            "Discardfile" => &mut env.discards,
            "Issuefile" => &mut env.issues,
            _ => return,
        };
        for file in value.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            list.push(self.base.join(file));
        }
    }

    fn end_of_input(&mut self) {
        self.done = true;
        if let Some(open) = self.sentence.take() {
            // A record cut off by the end of the file is reported, not dropped.
            self.error(
                open.line,
                open.id.as_deref(),
                "<Sentence> is not closed before the end of the file",
            );
        }
    }

    /// A closed `<Sentence>`: a story, or a diagnostic.
    fn finish(&mut self, open: Open) {
        let Open {
            date,
            id,
            line,
            text,
        } = open;
        let Some(id) = id.filter(|s| !s.trim().is_empty()) else {
            self.error(line, None, "<Sentence> has no id attribute");
            return;
        };
        if id.chars().count() > MAX_ID_CHARS {
            let short: String = id.chars().take(40).collect();
            self.error(
                line,
                Some(&format!("{short}…")),
                format!("<Sentence> id is over {MAX_ID_CHARS} characters long"),
            );
            return;
        }
        let Some(date) = date.as_deref().and_then(Date::parse) else {
            let shown = date.unwrap_or_default();
            self.error(
                line,
                Some(&id),
                format!("<Sentence> date {shown:?} is not a date"),
            );
            return;
        };
        let Some(text) = text else {
            self.error(line, Some(&id), "<Sentence> has no <Text>");
            return;
        };
        if text.len() > MAX_STORY_BYTES {
            self.error(line, Some(&id), "sentence text is over the size limit");
            return;
        }
        let story = Story {
            id,
            date,
            title: None,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            origin: self.origin(line),
            layout: Layout::Sentence,
        };
        self.out.push_back(super::checked(story));
    }
}

impl<R: BufRead> Iterator for XmlReader<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        self.fill();
        self.out.pop_front()
    }
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key.as_bytes())
        .map(|a| match a.unescape_value() {
            Ok(v) => v.trim().to_string(),
            Err(_) => String::from_utf8_lossy(&a.value).trim().to_string(),
        })
}
