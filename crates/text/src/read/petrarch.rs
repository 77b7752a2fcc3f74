use super::MAX_STORY_BYTES;
use crate::{Batch, Date, Diagnostic, Directive, Environment, Item, Layout, Origin, Story};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::path::Path;

/// Reads PETRARCH XML: `<Sentence date=".." id=".."><Text>..</Text>`
/// elements, `<Config option=".." value="..">` switches (applied to the
/// sentences after them) and an optional `<Environment>` naming the
/// dictionaries, resolved against `base`.
///
/// `<Parse>` trees and `<EventCoding>` expectations are ignored: we code
/// raw text. A malformed document yields a diagnostic with the line of
/// the error; the sentences before it are kept.
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
    let mut batch = Batch::default();
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut env: Option<Environment> = None;
    let mut in_env = false;
    let mut field: Option<String> = None; // element whose text we are collecting
    let mut text = String::new();
    let mut sentence: Option<(Option<String>, Option<String>, usize)> = None;
    let mut sentence_text: Option<String> = None;
    let line_of = |pos: u64| {
        1 + bytes[..(pos as usize).min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    loop {
        let pos = reader.buffer_position();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                batch.diagnostics.push(Diagnostic::error(
                    &Origin {
                        file: label.to_string(),
                        line: line_of(reader.buffer_position()),
                    },
                    sentence.as_ref().and_then(|s| s.1.as_deref()),
                    format!("malformed XML: {e}"),
                ));
                break;
            }
        };
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                match name.as_str() {
                    "Environment" => {
                        in_env = true;
                        env.get_or_insert_with(|| Environment {
                            petrarch: true,
                            ..Default::default()
                        });
                    }
                    "Config" => {
                        let option = attr(&e, "option").unwrap_or_default();
                        let value = attr(&e, "value").unwrap_or_default();
                        if !option.is_empty() {
                            batch.items.push(Item::Directive(
                                Directive::Petrarch { option, value },
                                Origin {
                                    file: label.to_string(),
                                    line: line_of(pos),
                                },
                            ));
                        }
                    }
                    "Sentence" => {
                        sentence = Some((attr(&e, "date"), attr(&e, "id"), line_of(pos)));
                        sentence_text = None;
                    }
                    "Text" if sentence.is_some() => {
                        field = Some(name);
                        text.clear();
                    }
                    _ if in_env => {
                        field = Some(name);
                        text.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if field.is_some() => match t.unescape() {
                Ok(s) => text.push_str(&s),
                Err(_) => text.push_str(&String::from_utf8_lossy(&t)),
            },
            Event::CData(t) if field.is_some() => text.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                if field.as_deref() == Some(name.as_str()) {
                    field = None;
                    if name == "Text" && sentence.is_some() {
                        sentence_text = Some(std::mem::take(&mut text));
                    } else if in_env {
                        let env = env.as_mut().expect("set on <Environment>");
                        let value = text.trim();
                        let list = match name.as_str() {
                            "Verbfile" => Some(&mut env.verbs),
                            "Actorfile" => Some(&mut env.actors),
                            "Agentfile" => Some(&mut env.agents),
                            "Discardfile" => Some(&mut env.discards),
                            "Issuefile" => Some(&mut env.issues),
                            _ => None,
                        };
                        if let Some(list) = list {
                            for file in value.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                                list.push(base.join(file));
                            }
                        }
                    }
                }
                match name.as_str() {
                    "Environment" => in_env = false,
                    "Sentence" => {
                        if let Some((date, id, line)) = sentence.take() {
                            finish(label, date, id, line, sentence_text.take(), &mut batch);
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        buf.clear();
    }
    if let Some((_, id, line)) = sentence {
        // A record cut off by the end of the file is reported, not dropped.
        batch.diagnostics.push(Diagnostic::error(
            &Origin {
                file: label.to_string(),
                line,
            },
            id.as_deref(),
            "<Sentence> is not closed before the end of the file",
        ));
    }
    if batch.items.is_empty() && batch.diagnostics.is_empty() {
        batch.diagnostics.push(Diagnostic::error(
            &Origin {
                file: label.to_string(),
                line: 1,
            },
            None,
            "no <Sentence> elements found",
        ));
    }
    batch.environment = env;
    batch
}

fn finish(
    label: &str,
    date: Option<String>,
    id: Option<String>,
    line: usize,
    text: Option<String>,
    batch: &mut Batch,
) {
    let origin = Origin {
        file: label.to_string(),
        line,
    };
    let Some(id) = id.filter(|s| !s.trim().is_empty()) else {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            None,
            "<Sentence> has no id attribute",
        ));
        return;
    };
    let Some(date) = date.as_deref().and_then(Date::parse) else {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(&id),
            format!(
                "<Sentence> date {:?} is not a date",
                date.unwrap_or_default()
            ),
        ));
        return;
    };
    let Some(text) = text else {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(&id),
            "<Sentence> has no <Text>",
        ));
        return;
    };
    if text.len() > MAX_STORY_BYTES {
        batch.diagnostics.push(Diagnostic::error(
            &origin,
            Some(&id),
            "sentence text is over the size limit",
        ));
        return;
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    batch.items.push(Item::Story(Story {
        id,
        date,
        title: None,
        text,
        origin,
        layout: Layout::Sentence,
    }));
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
