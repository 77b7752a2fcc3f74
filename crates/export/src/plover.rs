//! PLOVER JSONL: one JSON object per line, with PLOVER's field names.

use crate::fields::{roles, span_text, top_level};
use crate::{EventSink, ExportError};
use serde::Serialize;
use statecraft_types::{ActorOrigin, Date, EventRecord, Location, Modality, Precision, Spans};
use std::io::{BufWriter, Write};

/// An actor or recipient entity object.
#[derive(Serialize)]
struct Entity<'a> {
    /// PLOVER `code`: the top-level three-character entity (country, `IGO`, …).
    code: &'a str,
    /// POLECAT's Actor Country: the state, as a CAMEO country code.
    country: Option<&'a str>,
    /// PLOVER `sector`: the first role after the country (`GOV`, `MIL`, …).
    sector: Option<&'a str>,
    /// Every role code, as POLECAT's Actor Sectors.
    sectors: Vec<&'a str>,
    /// The full CAMEO actor code (`KORGOV`).
    cameo_code: &'a str,
    /// PLOVER `entity_text`: the words that named it.
    entity_text: Option<&'a str>,
}

impl<'a> Entity<'a> {
    fn new(code: &'a str, state: Option<&'a str>, text: Option<&'a str>) -> Self {
        let sectors = roles(code, state);
        Entity {
            code: top_level(code),
            country: state,
            sector: sectors.first().copied(),
            sectors,
            cameo_code: code,
            entity_text: text,
        }
    }
}

/// PLOVER `text_info`.
#[derive(Serialize)]
struct TextInfo {
    /// The sentence's 0-based index in the story.
    sequence: i64,
}

/// One event line.
#[derive(Serialize)]
struct Record<'a> {
    id: i64,
    date: Date,
    enddate: Date,
    date_precision: Precision,
    date_text: Option<&'a str>,
    actor: [Entity<'a>; 1],
    recipient: [Entity<'a>; 1],
    event: Vec<&'a str>,
    mode: Vec<&'static str>,
    context: Vec<&'static str>,
    quad_code: Option<i64>,
    goldstein: Option<f64>,
    cameo: &'a str,
    cameo_root: Option<&'a str>,
    cameo_name: Option<&'static str>,
    modality: Option<Modality>,
    event_text: Vec<&'a str>,
    pattern: Option<&'a str>,
    text: &'a str,
    text_info: TextInfo,
    spans: &'a Spans,
    story_id: &'a str,
    story_hash: &'a str,
    story_date: Date,
    actor_origin: Option<&'a ActorOrigin>,
    recipient_origin: Option<&'a ActorOrigin>,
    /// Where it happened (statecraft's `location`), or null.
    location: Option<&'a Location>,
}

fn record(e: &EventRecord) -> Record<'_> {
    // Mode and context come from the ontology, and only when it maps the
    // code to the PLOVER category the event carries.
    let found = statecraft_ontology::resolve(&e.cameo).map(|r| r.event);
    let ont = found.filter(|t| t.plover.is_some() && t.plover == e.plover.as_deref());
    let list = |v: Option<&'static str>| -> Vec<&'static str> {
        v.map(|s| {
            s.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
    };
    let name = found.map(|t| t.name).filter(|n| !n.is_empty());
    Record {
        id: e.id,
        date: e.date,
        enddate: e.date_end,
        date_precision: e.date_precision,
        date_text: e.date_text.as_deref(),
        actor: [Entity::new(
            e.source.as_str(),
            e.source_state.as_deref(),
            span_text(&e.text, e.spans.source),
        )],
        recipient: [Entity::new(
            e.target.as_str(),
            e.target_state.as_deref(),
            span_text(&e.text, e.spans.target),
        )],
        event: e.plover.as_deref().into_iter().collect(),
        mode: list(ont.and_then(|t| t.plover_mode)),
        context: list(ont.and_then(|t| t.plover_context)),
        quad_code: e.quad_class,
        goldstein: e.goldstein,
        cameo: &e.cameo,
        cameo_root: e.root.as_deref(),
        cameo_name: name,
        modality: e.modality,
        pattern: e.pattern.as_deref(),
        event_text: span_text(&e.text, e.spans.verb).into_iter().collect(),
        text: &e.text,
        text_info: TextInfo {
            sequence: e.sentence,
        },
        spans: &e.spans,
        story_id: &e.story_id,
        story_hash: &e.story_hash,
        story_date: e.story_date,
        actor_origin: e.source_actor.as_ref(),
        recipient_origin: e.target_actor.as_ref(),
        location: e.location.as_ref(),
    }
}

pub(crate) struct PloverSink<W: Write> {
    out: BufWriter<W>,
}

impl<W: Write> PloverSink<W> {
    pub(crate) fn new(out: W) -> Self {
        PloverSink {
            out: BufWriter::new(out),
        }
    }
}

impl<W: Write> EventSink for PloverSink<W> {
    fn write(&mut self, e: &EventRecord) -> Result<(), ExportError> {
        serde_json::to_writer(&mut self.out, &record(e))?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}
