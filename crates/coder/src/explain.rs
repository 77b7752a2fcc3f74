//! Why a sentence was coded as it was: the record `statecraft explain`
//! prints, for whoever maintains dictionaries and rules. Coding fills a
//! [`SentenceTrace`] when asked to (see [`crate::Session::explain`]); it
//! holds the parse, the dictionary matches, the actors, every predicate
//! with the patterns tried for it and the participants the parse gives it,
//! and every candidate event with why it was kept or dropped.

use serde::Serialize;
use std::fmt::Write as _;

/// The explanation of a text: one trace per sentence coded.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Explanation {
    /// The options' reading: `statecraft`, `petrarch` or `tabari`.
    pub reading: String,
    /// The sentences, in order.
    pub sentences: Vec<SentenceTrace>,
}

/// What coding one sentence did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SentenceTrace {
    /// The sentence's index in the story.
    pub index: usize,
    /// Its text.
    pub text: String,
    /// The dependency parse (statecraft reading).
    pub words: Vec<WordRow>,
    /// Dictionary and built-in matches, in text order.
    pub matches: Vec<MatchRow>,
    /// The actors the sentence names, after agents joined their actors and
    /// coordinated names were grouped.
    pub actors: Vec<ActorRow>,
    /// Every dictionary verb considered.
    pub predicates: Vec<PredicateRow>,
    /// Every candidate event, with what became of it.
    pub candidates: Vec<CandidateRow>,
    /// Why the whole sentence was set aside, if it was.
    pub skipped: Option<String>,
    /// Where each of its events was placed, and why (statecraft reading).
    pub places: Vec<PlaceRow>,
}

/// Stage `places` for one event: the sentence's place names as weighed,
/// and the choice.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PlaceRow {
    /// The event: "SOURCE -> TARGET CODE".
    pub event: String,
    /// The place names of the sentence.
    pub candidates: Vec<PlaceCandidateRow>,
    /// The location: "Damascus (SYR, city, from the text)", or none.
    pub location: Option<String>,
    /// The rule that decided.
    pub why: String,
}

/// A place name as stage `places` weighed it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PlaceCandidateRow {
    /// Its words.
    pub words: String,
    /// `locative`, `visit`, `object` (what an act of force struck), or
    /// none (then it is no place of the event).
    pub context: Option<String>,
    /// Whether it hangs on the predicate in the parse, when that was asked.
    pub attached: Option<bool>,
    /// Whether it hangs there only through the predicate's subject.
    pub on_subject: bool,
    /// The gazetteer's place for it: "Damascus (SYR, city, GeoNames 170654)".
    pub place: Option<String>,
    /// For words that point at a place without naming it ("the Iraqi
    /// city"), what they were taken to mean ("the headline's city").
    pub refers: Option<String>,
    /// Its distance from the verb, when it was a candidate.
    pub distance: Option<usize>,
}

impl PlaceRow {
    /// The row of an event placed by `why`.
    pub(crate) fn new(event: String, why: &statecraft_geo::Explanation) -> PlaceRow {
        let place = |p: &statecraft_geo::Place| {
            let id = p.geonames_id.map_or_else(
                || "statecraft's regions".to_string(),
                |i| format!("GeoNames {i}"),
            );
            format!("{} ({}, {}, {id})", p.name, p.country, p.feature.as_str())
        };
        PlaceRow {
            event,
            candidates: why
                .candidates
                .iter()
                .map(|c| PlaceCandidateRow {
                    words: c.words.clone(),
                    context: c.context.map(str::to_string),
                    attached: c.attached,
                    on_subject: c.on_subject,
                    place: c.place.map(place),
                    refers: c.refers.map(str::to_string),
                    distance: c.distance,
                })
                .collect(),
            location: why.location.as_ref().map(|l| {
                let from = l.source.as_str();
                format!(
                    "{} ({}, {}, from the {from})",
                    l.name,
                    l.country,
                    l.feature.as_str()
                )
            }),
            why: why.why.to_string(),
        }
    }
}

/// A word of the parse.
#[derive(Clone, Debug, Default, Serialize)]
pub struct WordRow {
    /// 1-based, as in CoNLL-U.
    pub id: usize,
    /// The form, as in the text.
    pub form: String,
    /// Universal part of speech.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// 0 for the root.
    pub head: usize,
    /// Relation to the head.
    pub deprel: String,
}

/// A stretch of tokens and what the lexicon made of it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MatchRow {
    /// The tokens, as the coder normalises them.
    pub tokens: String,
    /// `actor`, `agent`, `verb`, `noun`, `adjective`, `time`, ...
    pub kind: String,
    /// Actor codes, an agent's code, or a verb's default code.
    pub codes: Vec<String>,
}

/// An actor mention.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ActorRow {
    /// The tokens of the mention.
    pub tokens: String,
    /// Its codes (several for a compound).
    pub codes: Vec<String>,
    /// A pronoun standing for an earlier actor.
    pub pronoun: bool,
}

/// A dictionary verb and how it was resolved.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PredicateRow {
    /// The verb's tokens.
    pub verb: String,
    /// The patterns tried, longest first; the one that matched is marked.
    pub patterns_tried: Vec<String>,
    /// The pattern that matched, if any (else the verb's own code).
    pub pattern: Option<String>,
    /// The CAMEO code it gave, or `null`, `discard`, `complex`.
    pub code: String,
    /// Who acts, by the parse (statecraft reading).
    pub agents: Vec<String>,
    /// Who is acted on, by the parse.
    pub patient: Option<String>,
    /// Places where it happens, by the parse: never actors.
    pub places: Vec<String>,
    /// What else decided its fate ("intention: the verb is framed by ...").
    pub note: Option<String>,
}

/// A candidate event.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CandidateRow {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code.
    pub code: String,
    /// The verb's tokens.
    pub verb: String,
    /// Whether it is among the sentence's events.
    pub kept: bool,
    /// Why it was kept or dropped.
    pub why: String,
}

impl SentenceTrace {
    /// Notes on the last predicate traced why it gave no event.
    pub(crate) fn note(&mut self, why: &str) {
        if let Some(p) = self.predicates.last_mut() {
            p.note = Some(why.into());
        }
    }

    /// Records a candidate (or a verdict on one already recorded).
    pub(crate) fn candidate(
        &mut self,
        source: &str,
        target: &str,
        code: &str,
        verb: &str,
        kept: bool,
        why: &str,
    ) {
        let same = |c: &&mut CandidateRow| {
            c.source == source && c.target == target && c.code == code && c.verb == verb && c.kept
        };
        if let Some(c) = self.candidates.iter_mut().find(same) {
            c.kept = kept;
            c.why = why.to_string();
            return;
        }
        self.candidates.push(CandidateRow {
            source: source.into(),
            target: target.into(),
            code: code.into(),
            verb: verb.into(),
            kept,
            why: why.into(),
        });
    }
}

impl Explanation {
    /// The explanation as text for a terminal.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for s in &self.sentences {
            render_sentence(s, &self.reading, &mut out);
        }
        out
    }
}

fn render_sentence(s: &SentenceTrace, reading: &str, out: &mut String) {
    let _ = writeln!(
        out,
        "# sentence {} ({reading} reading)\n{}",
        s.index, s.text
    );
    if !s.words.is_empty() {
        let _ = writeln!(out, "\n## parse");
        for w in &s.words {
            let _ = writeln!(
                out,
                "  {:>3} {:<18} {:<6} {:<5} {:>3} {}",
                w.id, w.form, w.upos, w.xpos, w.head, w.deprel
            );
        }
    }
    let _ = writeln!(out, "\n## matches");
    for m in &s.matches {
        let _ = writeln!(
            out,
            "  {:<32} {:<10} {}",
            m.tokens,
            m.kind,
            m.codes.join(" ")
        );
    }
    let _ = writeln!(out, "\n## actors");
    for a in &s.actors {
        let p = if a.pronoun { " (pronoun)" } else { "" };
        let _ = writeln!(out, "  {:<32} {}{p}", a.tokens, a.codes.join(" "));
    }
    let _ = writeln!(out, "\n## predicates");
    for p in &s.predicates {
        let _ = writeln!(
            out,
            "  {} -> {} by {}",
            p.verb,
            p.code,
            p.pattern.as_deref().unwrap_or("the verb's own code")
        );
        if !p.agents.is_empty() || p.patient.is_some() || !p.places.is_empty() {
            let _ = writeln!(
                out,
                "      parse: agents [{}], patient [{}], places [{}]",
                p.agents.join(", "),
                p.patient.as_deref().unwrap_or(""),
                p.places.join(", ")
            );
        }
        if !p.patterns_tried.is_empty() {
            let _ = writeln!(out, "      tried: {}", p.patterns_tried.join(" | "));
        }
        if let Some(n) = &p.note {
            let _ = writeln!(out, "      note: {n}");
        }
    }
    let _ = writeln!(out, "\n## candidate events");
    for c in &s.candidates {
        let mark = if c.kept { "kept   " } else { "dropped" };
        let _ = writeln!(
            out,
            "  {mark} {} -> {} {} ({}): {}",
            c.source, c.target, c.code, c.verb, c.why
        );
    }
    if let Some(why) = &s.skipped {
        let _ = writeln!(out, "  sentence set aside: {why}");
    }
    if !s.places.is_empty() {
        let _ = writeln!(out, "\n## places");
    }
    for p in &s.places {
        let at = p.location.as_deref().unwrap_or("nowhere");
        let _ = writeln!(out, "  {}: {at} — {}", p.event, p.why);
        for c in &p.candidates {
            let context = c.context.as_deref().unwrap_or("no locative word before it");
            let attached = match c.attached {
                Some(true) if c.on_subject => ", on the predicate's subject",
                Some(true) => ", on the predicate",
                Some(false) => ", not on the predicate",
                None => "",
            };
            let place = c.place.as_deref().unwrap_or("-");
            let refers = c
                .refers
                .as_deref()
                .map_or_else(String::new, |r| format!(" ({r})"));
            let _ = writeln!(
                out,
                "      {:<24} {context}{attached}: {place}{refers}",
                c.words
            );
        }
    }
    out.push('\n');
}

/// Records a predicate: the verb's words, the patterns tried, the one that
/// matched and the code it gave.
pub(crate) fn predicate(
    t: &mut SentenceTrace,
    verb: String,
    tried: Vec<String>,
    pattern: Option<&str>,
    code: &statecraft_dict::EventCode,
    note: Option<&str>,
) {
    let code = event_code(code);
    t.predicates.push(PredicateRow {
        verb,
        patterns_tried: tried,
        pattern: pattern.map(str::to_string),
        code,
        note: note.map(str::to_string),
        ..PredicateRow::default()
    });
}

/// Tokens `first..=last` of `texts` as one string (empty when out of
/// range): how a trace names a verb or an actor.
pub(crate) fn words(texts: &[&str], (first, last): (usize, usize)) -> String {
    texts
        .get(first..=last)
        .map_or(String::new(), |w| w.join(" "))
}

/// A dictionary event code as text.
fn event_code(code: &statecraft_dict::EventCode) -> String {
    use statecraft_dict::EventCode;
    match code {
        EventCode::Null => "null (no event)".to_string(),
        EventCode::Discard => "discard".to_string(),
        EventCode::Complex => "complex".to_string(),
        EventCode::Event { code, paired, .. } => match paired {
            Some(p) => format!("{code} (and {p} back)"),
            None => code.to_string(),
        },
    }
}

/// Records the dictionary matches and the actors of a sentence.
pub(crate) fn lexicon(
    t: &mut SentenceTrace,
    dict: &statecraft_dict::Dictionary,
    texts: &[&str],
    lx: &[crate::analysis::Lexeme],
    units: &[crate::analysis::Unit],
) {
    use crate::analysis::Class;
    for l in lx {
        let (kind, codes): (&str, Vec<String>) = match &l.class {
            Class::Word | Class::Comma | Class::Prep | Class::Determiner => continue,
            Class::Actor(c) => ("actor", c.iter().map(|c| c.to_string()).collect()),
            Class::Agent(a) => {
                let code = &dict.agents[*a as usize].code;
                let text = match code.place {
                    statecraft_dict::AgentPlace::Prefix => format!("{}~", code.code),
                    statecraft_dict::AgentPlace::Suffix => format!("~{}", code.code),
                };
                ("agent", vec![text])
            }
            Class::Verb(v) => ("verb", vec![event_code(&dict.verbs[*v as usize].code)]),
            Class::Time(_) => ("time", Vec::new()),
            Class::Noun => ("noun", Vec::new()),
            Class::Adjective => ("adjective", Vec::new()),
            Class::Aux => ("auxiliary", Vec::new()),
            Class::By => ("by", Vec::new()),
            Class::Pronoun(_) => ("pronoun", Vec::new()),
            Class::Conj { .. } => ("conjunction", Vec::new()),
            Class::Number => ("number", Vec::new()),
            Class::Former => ("former", Vec::new()),
        };
        t.matches.push(MatchRow {
            tokens: words(texts, (l.first, l.last)),
            kind: kind.into(),
            codes,
        });
    }
    for u in units {
        t.actors.push(ActorRow {
            tokens: words(texts, (u.first, u.last)),
            codes: u.members.iter().map(|m| m.code.to_string()).collect(),
            pronoun: u.pronoun,
        });
    }
}

/// Records the parse of `text`.
pub(crate) fn parse(t: &mut SentenceTrace, text: &str) {
    let p = statecraft_syntax::parse(text);
    t.words = p
        .words()
        .iter()
        .enumerate()
        .map(|(i, w)| WordRow {
            id: i + 1,
            form: w.form.clone(),
            upos: w.upos.name().to_string(),
            xpos: w.xpos.to_string(),
            head: w.head.map_or(0, |h| h + 1),
            deprel: w.deprel.to_string(),
        })
        .collect();
}

/// Marks as dropped, for `why`, the events of `before` missing from
/// `after`.
pub(crate) fn dropped(
    t: &mut SentenceTrace,
    texts: &[&str],
    before: &[crate::sentence::RawEvent],
    after: &[crate::sentence::RawEvent],
    why: &str,
) {
    for e in before.iter().filter(|e| !after.contains(e)) {
        let verb = words(texts, e.verb_tokens);
        t.candidate(
            e.source.as_str(),
            e.target.as_str(),
            &e.code,
            &verb,
            false,
            why,
        );
    }
}

/// Marks why the events that happened otherwise than plainly are kept:
/// intentions, and hypothetical or negated events (printed only with
/// `--modal`).
pub(crate) fn modalities(
    t: &mut SentenceTrace,
    texts: &[&str],
    events: &[crate::sentence::RawEvent],
) {
    use statecraft_types::Modality;
    for e in events.iter().filter(|e| e.modality.is_some()) {
        let verb = words(texts, e.verb_tokens);
        let why = match e.modality {
            Some(Modality::Intended) => "coded as an intention",
            Some(Modality::Hypothetical) => "hypothetical: printed only with --modal",
            _ => "negated: printed only with --modal",
        };
        t.candidate(
            e.source.as_str(),
            e.target.as_str(),
            &e.code,
            &verb,
            true,
            why,
        );
    }
}
