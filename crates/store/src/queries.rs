//! Reads, and the world model's queries run over them. The CLI and the
//! server call these; there is no second implementation.

use crate::record::{date_int, int_date};
use crate::sql::{params, Row, Value};
use crate::{EventRecord, Spans, Store, StoreError, StoryRecord};
use serde::Serialize;
use statecraft_types::{Date, Modality};
use statecraft_world::model::{self, EventSums, Missing, Network, Tie};
use statecraft_world::{EmbassyFact, Precision, Provenance, Start, Status, TieFact, When};

/// Which events to read.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Source state (CAMEO country code).
    pub source: Option<String>,
    /// Target state.
    pub target: Option<String>,
    /// CAMEO code prefix (`04` for the whole root).
    pub cameo: Option<String>,
    /// PLOVER category.
    pub plover: Option<String>,
    /// First event date.
    pub from: Option<Date>,
    /// Last event date.
    pub to: Option<Date>,
    /// Only events with a row id above this (paging).
    pub after_id: Option<i64>,
    /// At most this many.
    pub limit: Option<i64>,
}

/// A window onto a long answer: `limit` items after the first `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Items to skip.
    pub offset: u64,
    /// Items to give, at most.
    pub limit: u64,
}

/// A dyad's events in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Timeline {
    /// One state.
    pub a: String,
    /// The other.
    pub b: String,
    /// Events in either direction, by event date, then story and sentence.
    pub events: Vec<EventRecord>,
    /// Whether events follow this page (always false when unpaged).
    pub more: bool,
}

const EVENT_COLUMNS: &str = "e.id, s.story_id, s.hash, s.date, e.sentence, e.source, e.target,
    e.source_state, e.target_state, e.cameo, e.root, e.plover, e.goldstein, e.quad_class,
    e.date, e.date_end, e.precision, e.date_text, e.modality, e.text, e.spans, e.pattern,
    e.source_actor, e.target_actor, e.location";

/// A JSON column, or a corrupt-store error naming it.
fn json_column<T: serde::de::DeserializeOwned>(what: &str, v: &str) -> Result<T, StoreError> {
    serde_json::from_str(v).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

fn event_row(r: &Row) -> Result<EventRecord, StoreError> {
    Ok(EventRecord {
        id: r.int(0)?,
        story_id: r.text(1)?,
        story_hash: r.text(2)?,
        story_date: int_date(r.int(3)?)?,
        sentence: r.int(4)?,
        source: r.text(5)?.into(),
        target: r.text(6)?.into(),
        source_state: r.opt_text(7)?,
        target_state: r.opt_text(8)?,
        cameo: r.text(9)?,
        root: r.opt_text(10)?,
        plover: r.opt_text(11)?,
        goldstein: r.opt_real(12)?,
        quad_class: r.opt_int(13)?,
        date: int_date(r.int(14)?)?,
        date_end: int_date(r.int(15)?)?,
        date_precision: {
            let p = r.text(16)?;
            Precision::parse(&p).ok_or_else(|| StoreError::Corrupt(format!("precision `{p}`")))?
        },
        date_text: r.opt_text(17)?,
        modality: match r.opt_text(18)? {
            None => None,
            Some(m) => Some(
                Modality::parse(&m)
                    .ok_or_else(|| StoreError::Corrupt(format!("modality `{m}`")))?,
            ),
        },
        text: r.text(19)?,
        spans: json_column::<Spans>("spans", &r.text(20)?)?,
        pattern: r.opt_text(21)?,
        source_actor: r
            .opt_text(22)?
            .map(|v| json_column("source_actor", &v))
            .transpose()?,
        target_actor: r
            .opt_text(23)?
            .map(|v| json_column("target_actor", &v))
            .transpose()?,
        location: r
            .opt_text(24)?
            .map(|v| json_column("location", &v))
            .transpose()?,
    })
}

const FACT_COLUMNS: &str = "f.kind, f.a, f.b, f.status, f.from_date, f.from_precision, f.start,
    f.to_date, f.to_precision, f.source, f.record, f.sentence, f.cameo, f.evidence, f.story";

fn when(date: i64, precision: &str) -> Result<When, StoreError> {
    Ok(When {
        date: int_date(date)?,
        precision: Precision::parse(precision)
            .ok_or_else(|| StoreError::Corrupt(format!("precision `{precision}`")))?,
    })
}

fn provenance(r: &Row) -> Result<Provenance, StoreError> {
    Ok(match r.opt_int(14)? {
        Some(_) => Provenance::Event {
            story_id: r.text(9)?,
            story_hash: r.text(10)?,
            sentence: r.opt_int(11)?.unwrap_or(0) as u32,
            cameo: r.opt_text(12)?.unwrap_or_default(),
            text: r.opt_text(13)?.unwrap_or_default(),
        },
        None => Provenance::Reference {
            source: r.text(9)?,
            record: r.text(10)?,
        },
    })
}

impl Store {
    /// Every tie fact involving `state`.
    pub fn tie_facts(&mut self, state: &str) -> Result<Vec<TieFact>, StoreError> {
        let mut out = Vec::new();
        let sql = format!(
            "SELECT {FACT_COLUMNS} FROM facts f WHERE f.kind = 'tie' AND f.a = $1
             UNION ALL SELECT {FACT_COLUMNS} FROM facts f WHERE f.kind = 'tie' AND f.b = $1"
        );
        self.conn.query(&sql, params![state], |r| {
            let status = r.text(3)?;
            out.push(TieFact {
                a: r.text(1)?,
                b: r.text(2)?,
                status: Status::parse(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("status `{status}`")))?,
                from: when(r.int(4)?, &r.text(5)?)?,
                start: Start::parse(&r.text(6)?).unwrap_or(Start::Since),
                to: match r.opt_int(7)? {
                    Some(d) => Some(when(d, &r.opt_text(8)?.unwrap_or_default())?),
                    None => None,
                },
                provenance: provenance(r)?,
            });
            Ok(())
        })?;
        Ok(out)
    }

    /// Every embassy fact with `state` as sender or host.
    pub fn embassy_facts(&mut self, state: &str) -> Result<Vec<EmbassyFact>, StoreError> {
        let mut out = Vec::new();
        let sql = format!(
            "SELECT {FACT_COLUMNS} FROM facts f WHERE f.kind = 'embassy' AND (f.a = $1 OR f.b = $1)"
        );
        self.conn.query(&sql, params![state], |r| {
            out.push(EmbassyFact {
                sender: r.text(1)?,
                host: r.text(2)?,
                open: r.text(3)? == "open",
                from: when(r.int(4)?, &r.text(5)?)?,
                provenance: provenance(r)?,
            });
            Ok(())
        })?;
        Ok(out)
    }

    /// `state`'s partners on `date`, with status and source.
    pub fn ties(&mut self, state: &str, date: Date) -> Result<Vec<Tie>, StoreError> {
        let state = self.state(state)?;
        let facts = self.tie_facts(&state)?;
        Ok(model::ties(self.states, &state, date, &facts))
    }

    /// Embassies open on `date` that `state` sends or hosts, with the fact
    /// each rests on.
    pub fn embassies(&mut self, state: &str, date: Date) -> Result<Vec<EmbassyFact>, StoreError> {
        let state = self.state(state)?;
        let facts = self.embassy_facts(&state)?;
        Ok(model::embassies(&state, date, &facts)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The UN members `state` lacks ties with on `date`.
    pub fn missing(&mut self, state: &str, date: Date) -> Result<Missing, StoreError> {
        let state = self.state(state)?;
        let facts = self.tie_facts(&state)?;
        Ok(model::missing(self.states, &state, date, &facts))
    }

    /// How `state`'s network changed from `from` to `to`.
    pub fn network(&mut self, state: &str, from: Date, to: Date) -> Result<Network, StoreError> {
        let state = self.state(state)?;
        let facts = self.tie_facts(&state)?;
        let sums = self.event_sums(&state, from, to)?;
        Ok(model::network(self.states, &state, from, to, &facts, &sums))
    }

    /// The window's events between `state` and each partner, summed.
    /// Hypothetical and negated events are never stored; intentions count.
    pub fn event_sums(
        &mut self,
        state: &str,
        from: Date,
        to: Date,
    ) -> Result<Vec<EventSums>, StoreError> {
        let sql = "SELECT partner, COUNT(*), SUM(pos), SUM(neg) FROM (
                SELECT target_state AS partner,
                    CASE WHEN goldstein > 0 THEN goldstein ELSE 0 END AS pos,
                    CASE WHEN goldstein < 0 THEN goldstein ELSE 0 END AS neg
                FROM events WHERE source_state = $1 AND date >= $2 AND date <= $3
                    AND target_state IS NOT NULL AND target_state <> $1
                UNION ALL
                SELECT e.source_state,
                    CASE WHEN e.goldstein > 0 THEN e.goldstein ELSE 0 END,
                    CASE WHEN e.goldstein < 0 THEN e.goldstein ELSE 0 END
                FROM states st CROSS JOIN events e
                WHERE e.source_state = st.code AND e.target_state = $1
                    AND e.date >= $2 AND e.date <= $3 AND st.code <> $1
            ) x GROUP BY partner ORDER BY partner";
        let mut out = Vec::new();
        self.conn
            .query(sql, params![state, date_int(from), date_int(to)], |r| {
                out.push(EventSums {
                    partner: r.text(0)?,
                    events: r.int(1)? as u64,
                    cooperative: r.opt_real(2)?.unwrap_or(0.0),
                    conflictual: r.opt_real(3)?.unwrap_or(0.0),
                });
                Ok(())
            })?;
        Ok(out)
    }

    /// The events between `a` and `b`, in either direction, in order of
    /// event date.
    pub fn timeline(
        &mut self,
        a: &str,
        b: &str,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Result<Timeline, StoreError> {
        self.timeline_page(a, b, from, to, None)
    }

    /// The same, one page at a time: `more` says whether events follow.
    pub fn timeline_page(
        &mut self,
        a: &str,
        b: &str,
        from: Option<Date>,
        to: Option<Date>,
        page: Option<Page>,
    ) -> Result<Timeline, StoreError> {
        let (a, b) = (self.state(a)?, self.state(b)?);
        let from = from.map_or(0, date_int);
        let to = to.map_or(99_999_999, date_int);
        let mut sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN stories s ON s.id = e.story
               WHERE e.source_state = $1 AND e.target_state = $2 AND e.date >= $3 AND e.date <= $4
             UNION ALL
             SELECT {EVENT_COLUMNS} FROM events e JOIN stories s ON s.id = e.story
               WHERE e.source_state = $2 AND e.target_state = $1 AND e.date >= $3 AND e.date <= $4
             ORDER BY 15, 4, 2, 5, 1"
        );
        let mut p = vec![
            Value::from(a.as_str()),
            b.as_str().into(),
            from.into(),
            to.into(),
        ];
        if let Some(page) = page {
            // One more than asked, to tell whether more follow.
            sql.push_str(" LIMIT $5 OFFSET $6");
            p.push(
                i64::try_from(page.limit.saturating_add(1))
                    .unwrap_or(i64::MAX)
                    .into(),
            );
            p.push(i64::try_from(page.offset).unwrap_or(i64::MAX).into());
        }
        let mut events = Vec::new();
        self.conn.query(&sql, &p, |r| {
            events.push(event_row(r)?);
            Ok(())
        })?;
        let more = page.is_some_and(|pg| events.len() as u64 > pg.limit);
        if let Some(pg) = page {
            events.truncate(usize::try_from(pg.limit).unwrap_or(usize::MAX));
        }
        Ok(Timeline { a, b, events, more })
    }

    /// Events matching `filter`, in row order, streamed to `each`; the
    /// first error `each` returns stops the scan and is returned.
    pub fn for_each_event<E: From<StoreError>>(
        &mut self,
        filter: &EventFilter,
        mut each: impl FnMut(EventRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN stories s ON s.id = e.story WHERE 1 = 1"
        );
        let mut p: Vec<Value> = Vec::new();
        let mut add = |cond: &str, v: Value, p: &mut Vec<Value>| {
            p.push(v);
            sql.push_str(&format!(" AND {cond}${}", p.len()));
        };
        if let Some(s) = &filter.source {
            add(
                "e.source_state = ",
                self.state(s).map_err(E::from)?.into(),
                &mut p,
            );
        }
        if let Some(s) = &filter.target {
            add(
                "e.target_state = ",
                self.state(s).map_err(E::from)?.into(),
                &mut p,
            );
        }
        if let Some(c) = &filter.cameo {
            add(
                "e.cameo LIKE ",
                format!("{}%", c.replace(['%', '_'], "")).into(),
                &mut p,
            );
        }
        if let Some(c) = &filter.plover {
            add("e.plover = ", c.into(), &mut p);
        }
        if let Some(d) = filter.from {
            add("e.date >= ", date_int(d).into(), &mut p);
        }
        if let Some(d) = filter.to {
            add("e.date <= ", date_int(d).into(), &mut p);
        }
        if let Some(id) = filter.after_id {
            add("e.id > ", id.into(), &mut p);
        }
        sql.push_str(" ORDER BY e.id");
        if let Some(n) = filter.limit {
            p.push(n.max(0).into());
            sql.push_str(&format!(" LIMIT ${}", p.len()));
        }
        let mut stopped = None;
        let scan = self.conn.query(&sql, &p, |r| match each(event_row(r)?) {
            Ok(()) => Ok(()),
            Err(e) => {
                stopped = Some(e);
                Err(StoreError::Corrupt("scan stopped".into()))
            }
        });
        match stopped {
            Some(e) => Err(e),
            None => scan.map_err(E::from),
        }
    }

    /// A stored story by its identifier (or, failing that, a content
    /// hash), with its events.
    pub fn story(
        &mut self,
        key: &str,
    ) -> Result<Option<(StoryRecord, Vec<EventRecord>)>, StoreError> {
        if key.contains('\0') {
            // Nothing stored holds a NUL.
            return Ok(None);
        }
        let mut found = None;
        // The identifier first; a content hash names the first story
        // stored with that text.
        self.conn.query(
            "SELECT id, hash, story_id, date, title, text, origin, coder, events FROM stories
             WHERE story_id = $1 OR hash = $1
             ORDER BY CASE WHEN story_id = $1 THEN 0 ELSE 1 END, id LIMIT 1",
            params![key],
            |r| {
                found = Some((
                    r.int(0)?,
                    StoryRecord {
                        hash: r.text(1)?,
                        story_id: r.text(2)?,
                        date: int_date(r.int(3)?)?,
                        title: r.opt_text(4)?,
                        text: r.text(5)?,
                        origin: r.text(6)?,
                        coder: r.text(7)?,
                        events: r.int(8)?,
                    },
                ));
                Ok(())
            },
        )?;
        let Some((id, story)) = found else {
            return Ok(None);
        };
        let mut events = Vec::new();
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN stories s ON s.id = e.story
             WHERE e.story = $1 ORDER BY e.sentence, e.id"
        );
        self.conn.query(&sql, params![id], |r| {
            events.push(event_row(r)?);
            Ok(())
        })?;
        Ok(Some((story, events)))
    }

    /// Stories whose stored event count differs from the events stored
    /// for them: always empty unless the store is damaged.
    pub fn incomplete_stories(&mut self) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        self.conn.query(
            "SELECT s.story_id FROM stories s LEFT JOIN events e ON e.story = s.id
             GROUP BY s.id, s.story_id, s.events HAVING COUNT(e.id) <> s.events",
            params![],
            |r| {
                out.push(r.text(0)?);
                Ok(())
            },
        )?;
        Ok(out)
    }
}
