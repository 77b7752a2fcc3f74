//! Stages doers and trials (statecraft reading): a noun naming the doer
//! of an act ("the kidnappers of two French reporters") is an event of
//! that actor on the one it acted on ([`crate::doers`]); a trial is an
//! event of its court on its defendant ([`crate::trials`]).

use super::bind::{Ctx, Side};
use super::modality::{modality, Frame};
use super::pairs::Act;
use super::RawEvent;
use statecraft_types::ActorCode;

/// The CAMEO code of a trial: 173, arrest, detain or charge with legal
/// action (the guide: "a trial in progress is court → defendant 173").
const TRIAL: &str = "173";

impl Ctx<'_> {
    /// The events doer nouns tell of: each unit whose last word is a doer
    /// noun acts on the unit the parse gives as its "of" phrase or owner.
    pub(super) fn doers(&self) -> Vec<RawEvent> {
        let Some(grammar) = self.grammar.filter(|_| self.opts.statecraft) else {
            return Vec::new();
        };
        let mut out: Vec<RawEvent> = Vec::new();
        let mut spans = None;
        for (i, u) in self.units.iter().enumerate() {
            // The parse only where the word may be a doer noun: most
            // sentences need none.
            if crate::doers::act_of(self.toks[u.last]).is_none() {
                continue;
            }
            let (spans, named) = spans.get_or_insert_with(|| self.unit_spans());
            let Some((code, victim)) = grammar.doer(self.vis[u.last], spans, named) else {
                continue;
            };
            self.noun_events(&self.side(i), &self.side(victim), code, u.last, &mut out);
        }
        out
    }

    /// The events trials tell of: the court the parse names, else the
    /// courts of the sentence's place (its country of roles, see
    /// [`Ctx::context`]) or of the defendant's country, acts on each
    /// defendant.
    pub(super) fn trials(&self) -> Vec<RawEvent> {
        let Some(grammar) = self.grammar.filter(|_| self.opts.statecraft) else {
            return Vec::new();
        };
        let mut out: Vec<RawEvent> = Vec::new();
        let mut spans = None;
        for (k, tok) in self.toks.iter().enumerate() {
            // The parse only where the word may be a trial.
            if !crate::trials::may_be_trial(tok) {
                continue;
            }
            let (spans, named) = spans.get_or_insert_with(|| self.unit_spans());
            let Some((defendant, court)) = grammar.trial(self.vis[k], spans, named) else {
                continue;
            };
            // "will stand trial", "could go on trial", "did not go on
            // trial": the guide codes trials in progress, not hearings to
            // come.
            let frame = Frame {
                conditional: grammar.conditional(self.vis[k]).unwrap_or(false),
                ..Frame::default()
            };
            if modality(self.toks, self.barrier, 0, k, frame).is_some() {
                continue;
            }
            let tried = self.side(defendant);
            let courts: Side = match court {
                Some(c) => self.side(c),
                None => self
                    .context
                    .map(str::to_string)
                    .or_else(|| {
                        tried
                            .iter()
                            .find_map(|(c, _)| c.country().map(str::to_string))
                    })
                    .filter(|c| crate::places::is_country(c))
                    .map(|c| (ActorCode::new(format!("{c}JUD")), None))
                    .into_iter()
                    .collect(),
            };
            self.noun_events(&courts, &tried, TRIAL, k, &mut out);
        }
        out
    }

    /// Adds to `out`, once each, the events of each of `sources` on each
    /// of `targets` coded `code`, told by the noun at visible token `noun`.
    fn noun_events(
        &self,
        sources: &Side,
        targets: &Side,
        code: &str,
        noun: usize,
        out: &mut Vec<RawEvent>,
    ) {
        let act = Act {
            verb: (noun, noun),
            pattern: None,
            subordinate: false,
            dominant: false,
        };
        for s in sources {
            for t in targets {
                if let Some(e) = self.candidate(s, t, code, &act) {
                    if !out.contains(&e) {
                        out.push(e);
                    }
                }
            }
        }
    }
}
