//! Stage clauses: each clause's verbs, one step per verb (intention cues,
//! resolving the verb's code, carriers and reactions, censure, binding its
//! events, modality, one event per deed), what one clause hands the next,
//! and PETRARCH's closing reporting clause.

use super::bind::{Ctx, Occurrence};
use super::modality::{
    apply_modality, demand_code, intent_code, intent_cue, modality, Frame, EXPRESSION_VERBS,
    INTENT_STEMS,
};
use super::resolve::{own_code, resolve_verb, Present};
use super::visible::Visible;
use super::{skip, traced, Aside, RawEvent, Sentence};
use crate::engine::{Bind, Matcher};
use crate::grammar::Grammar;
use crate::options::CodeBy;
use statecraft_dict::EventCode;
use statecraft_types::Modality;

/// Stage clauses: what the clause loop reads of the sentence.
pub(super) struct ClauseCoder<'c> {
    s: &'c Sentence<'c>,
    view: &'c Visible<'c>,
    /// Base forms of the sentence's words.
    present: &'c Present,
    ctx: &'c Ctx<'c>,
    /// The tags and parse (statecraft reading, where one was made).
    grammar: Option<&'c Grammar<'c>>,
    /// Whether the sentence is a question.
    question: bool,
}

/// What the clause loop hands the finishing stage.
pub(super) struct Coded {
    /// The events of every clause, positions visible.
    pub events: Vec<RawEvent>,
    /// The first verb coded (visible position; 0 where its pattern placed
    /// the source).
    pub first_coded_verb: Option<usize>,
}

/// What a clause hands the next one.
#[derive(Clone, Copy, PartialEq)]
enum Carry {
    None,
    Event,
    First,
}

/// One clause as the step of each of its verbs reads it.
struct Clause<'m> {
    /// The clause's bounds, visible positions `[lo, hi)`.
    lo: usize,
    hi: usize,
    matcher: Matcher<'m>,
    /// The clause's verbs: first and last visible token, and the verb.
    verbs: Vec<&'m (usize, usize, u32)>,
    /// For each verb that is an eventive noun, the verb whose object the
    /// parse makes it.
    object_of: Vec<Option<usize>>,
    /// For each verb, the intention cue that governs it.
    cues: Vec<Option<usize>>,
    /// The unit an earlier clause hands on.
    carried: Option<usize>,
    /// Whether a subject of the clause's own comes before the carried one.
    prefer_own: bool,
}

/// What a clause's verbs have made so far.
#[derive(Default)]
struct ClauseEvents {
    events: Vec<RawEvent>,
    /// The source unit of the clause's events.
    source: Option<usize>,
}

/// A verb's code as resolved, and what it says of the verb's object.
struct Resolved<'d> {
    code: EventCode,
    bind: Bind,
    pat_src: Option<&'d str>,
    /// The verb only carries the event its object names.
    carries: bool,
    /// The verb reacts to the act its object names.
    reacts: bool,
}

impl<'c> ClauseCoder<'c> {
    /// The clause loop's reading of a sentence in visible coordinates.
    pub(super) fn new(
        s: &'c Sentence<'c>,
        view: &'c Visible<'c>,
        present: &'c Present,
        ctx: &'c Ctx<'c>,
        grammar: Option<&'c Grammar<'c>>,
    ) -> ClauseCoder<'c> {
        // A question reports nothing that happened.
        let question = s
            .input
            .text
            .trim_end()
            .trim_end_matches(['"', '\u{201d}', '\''])
            .ends_with('?');
        ClauseCoder {
            s,
            view,
            present,
            ctx,
            grammar,
            question,
        }
    }

    /// Stage clauses: codes each clause in turn, each inheriting a source
    /// from the one before, then PETRARCH's closing reporting clause.
    pub(super) fn code(&self) -> Result<Coded, Aside> {
        let opts = self.s.opts;
        let (bounds, actor_first, units) =
            (&self.view.bounds, &self.view.actor_first, &self.view.units);
        let mut carry: Option<usize> = None;
        let mut carry_kind = Carry::None;
        let mut first_coded_verb: Option<usize> = None;
        let mut all_events: Vec<RawEvent> = Vec::new();
        let mut sentence_done = false;
        for c in 0..bounds.len() - 1 {
            let (lo, hi) = (
                bounds[c],
                bounds[c + 1].saturating_sub(if c + 1 < bounds.len() - 1 { 1 } else { 0 }),
            );
            let hi = hi.max(lo);
            let carried = match carry_kind {
                Carry::None => None,
                _ if actor_first[c] => None,
                _ => carry,
            };
            // After a clause that produced an event, a clause with a subject of
            // its own uses it; after one that did not, its first actor carries.
            let prefer_own = carry_kind == Carry::Event || opts.statecraft;
            let clause = self.clause(lo, hi, carried, prefer_own);
            let ClauseEvents {
                events: clause_events,
                source: clause_source,
            } = self.code_clause(&clause, sentence_done, &mut first_coded_verb)?;
            // What the next clause inherits.
            if let Some(s) = clause_source.filter(|_| !clause_events.is_empty()) {
                carry = Some(s);
                carry_kind = Carry::Event;
            } else if !clause.verbs.is_empty() {
                carry = units.iter().position(|u| u.first >= lo && u.first < hi);
                carry_kind = if carry.is_some() {
                    Carry::First
                } else {
                    Carry::None
                };
            } else {
                carry_kind = Carry::None;
            }
            let normal = clause_events.iter().any(|e| !e.subordinate);
            all_events.extend(clause_events);
            if normal && opts.code_by == CodeBy::Sentence {
                sentence_done = true;
            }
        }
        // PETRARCH codes a closing reporting clause ("..., a senior official
        // said on Saturday") as an event of its own.
        if opts.petrarch && !opts.statecraft {
            self.closing_report(&mut all_events);
        }
        if opts.statecraft && all_events.is_empty() {
            self.closing_statement(&mut all_events);
        }
        Ok(Coded {
            events: all_events,
            first_coded_verb,
        })
    }

    /// The clause `[lo, hi)`: its matcher, its verbs, and the intention
    /// cues that govern them.
    fn clause(&self, lo: usize, hi: usize, carried: Option<usize>, prefer_own: bool) -> Clause<'_> {
        let (opts, dict) = (self.s.opts, self.s.lexicon.dict);
        let view = self.view;
        let (vis, to_vis, vtexts, vbarrier) =
            (&view.vis, &view.to_vis, &view.vtexts, &view.vbarrier);
        let grammar = self.grammar;
        let matcher = Matcher {
            toks: vtexts,
            comma: &view.vcomma,
            units: &view.units,
            dict,
            lo,
            hi,
            subject: None,
        };
        let clause_verbs: Vec<&(usize, usize, u32)> = view
            .verbs
            .iter()
            .filter(|v| v.0 >= lo && v.1 < hi)
            .collect();
        // Plans and intentions: "plans to minimize relations", "expressed
        // interest in establishing ties". The governed verb is coded as a
        // CAMEO intent; the verb that frames it is not coded.
        // For each clause verb that is an eventive noun, the verb (visible
        // position) whose object the parse makes it: "sought talks".
        let object_of: Vec<Option<usize>> = clause_verbs
            .iter()
            .map(|&&(vf, _, _)| {
                let g = grammar.filter(|_| opts.statecraft)?;
                to_vis.get(g.verb_of_object(vis[vf])?).copied()
            })
            .collect();
        let cues: Vec<Option<usize>> = clause_verbs
            .iter()
            .zip(&object_of)
            .map(|(&&(vf, _, _), &object_of)| {
                if opts.statecraft {
                    intent_cue(vtexts, vbarrier, lo, vf).or_else(|| {
                        // "sought talks", "plans a visit": an eventive
                        // noun wanted is an intention.
                        // "threatened to launch strikes": the noun a
                        // wanted verb takes is wanted too.
                        let verb = object_of?;
                        if verb >= vf || verb < lo {
                            return None;
                        }
                        if INTENT_STEMS.iter().any(|s| vtexts[verb].starts_with(s)) {
                            return Some(verb);
                        }
                        intent_cue(vtexts, vbarrier, lo, verb)
                    })
                } else {
                    None
                }
            })
            .collect();
        Clause {
            lo,
            hi,
            matcher,
            verbs: clause_verbs,
            object_of,
            cues,
            carried,
            prefer_own,
        }
    }

    /// The events of one clause: each verb's step in turn, until a verb
    /// makes an event that is no statement (the options' `code_by` says
    /// whether later verbs are coded too); a statement beside a deed goes.
    fn code_clause(
        &self,
        clause: &Clause<'_>,
        sentence_done: bool,
        first_coded_verb: &mut Option<usize>,
    ) -> Result<ClauseEvents, Aside> {
        let (input, opts) = (self.s.input, self.s.opts);
        let mut out = ClauseEvents::default();
        self.ctx.secondary.set(false);
        let mut had_normal = false;
        for (ci, &&(vf, _, _)) in clause.verbs.iter().enumerate() {
            if sentence_done {
                break;
            }
            if self.frames_later(clause, vf) {
                continue;
            }
            let (evs, reacts) = self.code_verb(clause, ci, &mut out, first_coded_verb)?;
            if evs.is_empty() {
                continue;
            }
            let sub = evs[0].subordinate;
            out.events.extend(evs);
            if !sub {
                had_normal = true;
                if reacts {
                    // The act reacted to is coded as if it came first.
                } else if opts.statecraft && opts.code_by == CodeBy::Clause {
                    // Later verbs of the clause are coded too, where the
                    // parse gives them an actor on each side.
                    self.ctx.secondary.set(true);
                } else if opts.code_by != CodeBy::All {
                    break;
                }
            }
        }
        if had_normal {
            let before = input.trace.map(|_| out.events.clone());
            out.events.retain(|e| !e.subordinate);
            traced(
                input,
                &self.view.vtexts,
                before,
                &out.events,
                "a statement beside a deed",
            );
        }
        Ok(out)
    }

    /// Whether the verb at `vf` only frames the intention of a later verb
    /// of the clause, and so is not coded.
    fn frames_later(&self, clause: &Clause<'_>, vf: usize) -> bool {
        let vtexts = &self.view.vtexts;
        // The framing verb is the cue itself ("plans to", "seeking
        // to") or a verb of expression just before a cue noun
        // ("expressed a strong interest in").
        clause
            .verbs
            .iter()
            .zip(&clause.cues)
            .any(|(&&(yf, _, _), cue)| {
                yf > vf
                    && cue.is_some_and(|c| {
                        c == vf
                            || (c > vf
                                && c <= vf + 3
                                && EXPRESSION_VERBS.iter().any(|e| vtexts[vf].starts_with(e)))
                    })
            })
    }

    /// The step of the clause's verb `ci`: its code, its events, their
    /// modality, less the deeds an earlier verb of the clause told. Also
    /// whether the verb reacts to the act its object names. A code of
    /// discard or complex sets the sentence aside.
    fn code_verb(
        &self,
        clause: &Clause<'_>,
        ci: usize,
        out: &mut ClauseEvents,
        first_coded_verb: &mut Option<usize>,
    ) -> Result<(Vec<RawEvent>, bool), Aside> {
        let (input, opts) = (self.s.input, self.s.opts);
        let &(vf, vl, _) = clause.verbs[ci];
        let intended = clause.cues[ci].is_some();
        let Resolved {
            code,
            bind,
            pat_src,
            carries,
            reacts,
        } = self.resolve(clause, ci, intended);
        match &code {
            EventCode::Null => return Ok((Vec::new(), reacts)),
            EventCode::Discard => {
                skip(input, "a verb pattern coded as discard");
                return Err(Aside::Discarded);
            }
            EventCode::Complex => {
                skip(input, "a verb pattern coded as complex");
                return Err(Aside::Complex);
            }
            EventCode::Event { .. } => {}
        }
        let responds = carries && self.grammar.is_some_and(|g| g.responds(self.view.vis[vf]));
        if carries && !responds {
            if let Some(t) = input.trace {
                t.borrow_mut()
                    .note("its object names the event: coded there");
            }
            return Ok((Vec::new(), reacts));
        }
        // "the men accused of killing a policeman": what one is accused of
        // is the accusation's content, not a deed (statecraft reading).
        if opts.statecraft && self.grammar.is_some_and(|g| g.alleged(self.view.vis[vf])) {
            if let Some(t) = input.trace {
                t.borrow_mut()
                    .note("an act alleged: the accusation is the event");
            }
            return Ok((Vec::new(), reacts));
        }
        // "urged the Commission to ban imports": the act asked of another
        // is the asking's content, not a deed (statecraft reading).
        if opts.statecraft
            && self
                .grammar
                .is_some_and(|g| g.asked_of_another(self.view.vis[vf]))
        {
            if let Some(t) = input.trace {
                t.borrow_mut()
                    .note("asked of another: the asking is the event");
            }
            return Ok((Vec::new(), reacts));
        }
        // "agreed to stop attacks on U.S. forces", "to end fighting
        // against the army": an act a verb ends is no deed; the ending is
        // the verb's own (statecraft reading).
        if opts.statecraft && self.ended(clause, ci) {
            if let Some(t) = input.trace {
                t.borrow_mut()
                    .note("an act its verb ends: the ending is the event");
            }
            return Ok((Vec::new(), reacts));
        }
        // "a UN panel on expanding the Council": what something is about
        // is no deed (statecraft reading).
        // ("plans on meeting", even with "plans" read as a noun, is an
        // intention.)
        let planned = vf >= 2
            && INTENT_STEMS
                .iter()
                .any(|s| self.view.vtexts[vf - 2].starts_with(s));
        if opts.statecraft
            && !planned
            && self
                .grammar
                .is_some_and(|g| g.topic_gerund(self.view.vis[vf]))
        {
            if let Some(t) = input.trace {
                t.borrow_mut().note("a gerund of subject matter: no deed");
            }
            return Ok((Vec::new(), reacts));
        }
        if first_coded_verb.is_none() {
            // A source placed by the pattern ($, %) is a source found.
            *first_coded_verb = Some(if bind.source.is_some() || bind.compound.is_some() {
                0
            } else {
                vf
            });
        }
        let code = if intended { intent_code(&code) } else { code };
        let at = Occurrence {
            bind: &bind,
            pattern: pat_src,
            vf,
            vl,
            lo: clause.lo,
            hi: clause.hi,
            carried: clause.carried,
            prefer_own: clause.prefer_own,
            intended,
        };
        let mut evs = self.ctx.make_events(&code, &at, &mut out.source);
        // Intentions are found in the statecraft reading only.
        if opts.statecraft {
            self.verb_modality(clause, vf, &code, pat_src, intended, &mut evs);
            self.held_aim(clause, ci, &mut evs);
            self.one_wish(clause, ci, &mut evs);
            self.ctx.assaults(&mut evs);
        }
        if self.ctx.secondary.get() {
            self.same_deed(&out.events, &mut evs);
        }
        Ok((evs, reacts))
    }

    /// "Erdogan and Putin share the aim of curbing US influence": an
    /// intention its holders have or share is a stance, not an intention
    /// declared: hypothetical (printed only with `--modal`).
    fn held_aim(&self, clause: &Clause<'_>, ci: usize, evs: &mut [RawEvent]) {
        let (Some(cue), Some(g)) = (clause.cues[ci], self.grammar) else {
            return;
        };
        if g.held_aim(self.view.vis[cue]) {
            for e in evs.iter_mut() {
                e.modality = Some(Modality::Hypothetical);
            }
        }
    }

    /// "The government sought talks with the rebels": a wish for a
    /// mutual act is the wisher's alone. Where a verb of wishing frames
    /// the clause's verb `ci`, drops the events whose source comes after
    /// the verb (the other side), when one comes before it.
    fn one_wish(&self, clause: &Clause<'_>, ci: usize, evs: &mut Vec<RawEvent>) {
        const WISHES: &[&str] = &[
            "SEEK", "SOUGHT", "WANT", "HOPE", "WISH", "PROPOS", "OFFER", "PUSH", "DESIRE", "EAGER",
            "KEEN",
        ];
        let Some(cue) = clause.cues[ci] else {
            return;
        };
        if !WISHES.iter().any(|w| self.view.vtexts[cue].starts_with(w)) {
            return;
        }
        let before = |e: &RawEvent| e.source_tokens.is_some_and(|(a, _)| a < e.verb_tokens.0);
        if evs.iter().any(before) {
            evs.retain(before);
        }
    }

    /// Whether the clause's verb `ci` is an eventive noun that the verb
    /// whose object it is ends, stops or gives up ("stop attacks", "end
    /// fighting", "suspended talks").
    fn ended(&self, clause: &Clause<'_>, ci: usize) -> bool {
        const ENDING: &[&str] = &[
            "END", "STOP", "HALT", "CEAS", "SUSPEND", "ABANDON", "RENOUNC", "QUIT", "CALL OFF",
        ];
        let &(vf, _, _) = clause.verbs[ci];
        // Or the gerund a verb of ending takes: "to end fighting".
        let gerund_of = || {
            let g = self.grammar?;
            let t = g.verb_of_gerund(self.view.vis[vf])?;
            self.view.to_vis.get(t).copied()
        };
        clause.object_of[ci].or_else(gerund_of).is_some_and(|verb| {
            verb < vf && ENDING.iter().any(|s| self.view.vtexts[verb].starts_with(s))
        })
    }

    /// Stage resolve for the clause's verb `ci`: its pattern's code, or,
    /// for a reaction to the act its object names, the verb's own code;
    /// a statement that condemns is criticism, and one that another must
    /// act a demand of it ([`ClauseCoder::demand`]). Records the predicate
    /// for `explain`.
    fn resolve(&self, clause: &Clause<'_>, ci: usize, intended: bool) -> Resolved<'c> {
        let (input, opts, dict) = (self.s.input, self.s.opts, self.s.lexicon.dict);
        let (vis, vtexts) = (&self.view.vis, &self.view.vtexts);
        let (grammar, ctx) = (self.grammar, self.ctx);
        let families = self.s.lexicon.families;
        let &(vf, vl, v) = clause.verbs[ci];
        let mut tried = input.trace.map(|_| Vec::new());
        let outside = |first: usize, last: usize| self.outside((vf, vl), first, last);
        // A subject from another verb is matched by the words of the
        // pattern before the verb too (statecraft reading).
        let subject = grammar
            .filter(|_| opts.statecraft)
            .and_then(|g| g.inherited_subject(vis[vf]))
            .and_then(|t| self.unit_of_token(t))
            .map(|u| (self.view.units[u].first, self.view.units[u].last));
        let matcher = Matcher {
            subject,
            ..clause.matcher
        };
        let (code, bind, pat_src) = resolve_verb(
            &matcher,
            self.s,
            &families[v as usize],
            self.present,
            (vf, vl),
            tried.as_mut(),
            &outside,
        );
        // "kicked off a visit to Italy": a verb whose object is an
        // eventive noun of the dictionary, by a pattern that does not
        // name it, only carries that noun's event (statecraft reading).
        let carries = clause
            .verbs
            .iter()
            .zip(&clause.object_of)
            .any(|(&&(nf, _, _), of)| nf > vl && of.is_some_and(|t| (vf..=vl).contains(&t)))
            && !pattern_names_object(pat_src);
        // "Jordan condemned the Israeli raid": a reaction to the act
        // its object names is an act of its own, on whoever the tree
        // gives it (the raid's doer), by the verb's own code: the
        // pattern's slots lie inside the object ("* ^ ON +").
        let reacts = carries
            && grammar.is_some_and(|g| g.judges(vis[vf]))
            && ctx
                .tree_roles(vf, vl, None)
                .is_some_and(|t| t.patient.is_some());
        let (code, bind, pat_src) = if reacts {
            (
                own_code(dict, &families[v as usize]).clone(),
                Bind::default(),
                None,
            )
        } else {
            (code, bind, pat_src)
        };
        // "Sudan said the resolution was unfair": a statement that
        // condemns is criticism (statecraft reading).
        let censure = pat_src.is_none()
            && code.code().is_some_and(|c| c.starts_with("01"))
            && grammar
                .filter(|_| opts.statecraft)
                .is_some_and(|g| g.reports_censure(vis[vf]));
        let (code, bind) = if censure {
            (
                EventCode::parse("111").unwrap_or(code),
                self.censured(vf).map_or(bind, |on| Bind {
                    target: Some(on),
                    ..Bind::default()
                }),
            )
        } else {
            (code, bind)
        };
        let statement = pat_src.is_none() && code.code().is_some_and(|c| c.starts_with("01"));
        let demand = if statement && opts.statecraft {
            self.demand(clause, vf)
        } else {
            None
        };
        let demands = demand.is_some();
        let (code, bind) = match demand {
            Some((d, on)) => (
                d,
                Bind {
                    target: Some(on),
                    ..Bind::default()
                },
            ),
            None => (code, bind),
        };
        if let Some(t) = input.trace {
            crate::explain::predicate(
                &mut t.borrow_mut(),
                crate::explain::words(vtexts, (vf, vl)),
                tried.unwrap_or_default(),
                pat_src,
                &code,
                intended
                    .then_some("intention: coded as the intent to act")
                    .or(censure.then_some("a statement that condemns: criticism, 111"))
                    .or(demands.then_some("says another must act: a demand of it, 10x")),
            );
        }
        Resolved {
            code,
            bind,
            pat_src,
            carries,
            reacts,
        }
    }

    /// Whether a pattern matched over visible positions `first..=last`
    /// around the verb at `vf..=vl` runs into another's clause (statecraft
    /// reading). "Israel said it was easing a crushing offensive": a
    /// pattern of a reporting verb whose words run into what it reports
    /// ("SAID * OFFENSIVE": 138) codes the report, which is coded on its
    /// own; so does a pattern of a reported verb whose words run out to
    /// the verb that reports another's act ("said gunmen attacked":
    /// `SAID + *`, 111), and a pattern of an eventive noun whose words run
    /// back over an auxiliary (`+ WERE *`, 182, over "exports to Turkey
    /// were halted after attacks").
    fn outside(&self, (vf, vl): (usize, usize), first: usize, last: usize) -> bool {
        let vis = &self.view.vis;
        self.grammar
            .filter(|_| self.s.opts.statecraft)
            .is_some_and(|g| {
                (last > vl && g.reports_at(vis[vf], vis[last]))
                    || (first..vf).any(|p| g.reports_other(vis[p], vis[vf]))
                    || (first < vf && g.auxiliary_before_noun(vis[first], vis[vf]))
            })
    }

    /// The actor unit a censuring statement of the verb at `vf` condemns
    /// ([`Grammar::censured`]): the first candidate inside a unit.
    fn censured(&self, vf: usize) -> Option<usize> {
        self.grammar?
            .censured(self.view.vis[vf])
            .into_iter()
            .find_map(|t| self.unit_of_token(t))
    }

    /// The actor unit covering token `t` (a token of the sentence, as the
    /// grammar gives them), if it is visible and in one.
    fn unit_of_token(&self, t: usize) -> Option<usize> {
        let view = &self.view;
        let p = *view.to_vis.get(t)?;
        view.units.iter().position(|u| u.first <= p && p <= u.last)
    }

    /// "The group said Italy must withdraw its troops": a statement that
    /// another must do an act is a demand of it (CAMEO 10, by the act
    /// demanded: [`demand_code`]). The demand's code, and the unit of the
    /// one it is made of.
    fn demand(&self, clause: &Clause<'_>, vf: usize) -> Option<(EventCode, usize)> {
        let view = &self.view;
        let (subject, verb) = self.grammar?.obliges(view.vis[vf])?;
        let vv = *view.to_vis.get(verb)?;
        let on = self.unit_of_token(subject)?;
        let &(ef, el, v) = view.verbs.iter().find(|e| e.0 == vv)?;
        let (act, _, _) = resolve_verb(
            &clause.matcher,
            self.s,
            &self.s.lexicon.families[v as usize],
            self.present,
            (ef, el),
            None,
            &|first, last| self.outside((ef, el), first, last),
        );
        let d = demand_code(act.code()?)?;
        Some((EventCode::parse(d)?, on))
    }

    /// Stage modality (statecraft reading) of the events of the verb at
    /// `vf`: its own, or its first conjunct's where it has no auxiliaries
    /// of its own.
    fn verb_modality(
        &self,
        clause: &Clause<'_>,
        vf: usize,
        code: &EventCode,
        pat_src: Option<&str>,
        intended: bool,
        evs: &mut Vec<RawEvent>,
    ) {
        let (vis, to_vis, vtexts, vbarrier) = (
            &self.view.vis,
            &self.view.to_vis,
            &self.view.vtexts,
            &self.view.vbarrier,
        );
        let (grammar, question, lo) = (self.grammar, self.question, clause.lo);
        // "will not dismantle its programs or improve ties": a
        // coordinated verb without auxiliaries of its own shares
        // its first conjunct's.
        let shared = grammar
            .and_then(|g| g.conjunct_of(vis[vf]))
            .and_then(|t| to_vis.get(t).copied())
            .filter(|&h| h >= lo && h < vf);
        let frame = |at: usize| Frame {
            question,
            conditional: grammar
                .and_then(|g| g.conditional(vis[at]))
                .unwrap_or_else(|| {
                    (0..at).any(|p| crate::grammar::CONDITIONS.contains(&vtexts[p]))
                }),
            backshifted: grammar.is_some_and(|g| g.reported_past(vis[at])),
            future: grammar.is_some_and(|g| g.future_time_clause(vis[at])),
        };
        // "would attack Lebanon, killing hundreds": a participle clause
        // shares the hypothesis or intention of the verb it hangs on,
        // across the comma.
        let led = || {
            grammar
                .and_then(|g| g.participle_head(vis[vf]))
                .and_then(|t| to_vis.get(t).copied())
                .filter(|&h| h < vf)
        };
        let own = modality(vtexts, vbarrier, lo, vf, frame(vf));
        let (m, at) = match (shared, own) {
            (Some(h), None) => (modality(vtexts, vbarrier, lo, h, frame(h)), h),
            // ("would not comment, saying only that ...": the saying
            // happened; a negation stays with its verb.)
            (None, None) => match led().map(|h| (modality(vtexts, vbarrier, 0, h, frame(h)), h)) {
                Some((m, h)) if m != Some(Modality::Negated) => (m, h),
                _ => (own, vf),
            },
            _ => (own, vf),
        };
        // "saying it would kill a hostage if its demands were not met": a
        // reported harm on a condition is a threat, which happened (the
        // intent code of a hostile act is one, 13x).
        let threat = m == Some(Modality::Hypothetical) && hostile(code) && {
            let f = frame(at);
            let unconditional = Frame {
                conditional: false,
                ..f
            };
            f.conditional
                && f.backshifted
                && modality(vtexts, vbarrier, lo, at, unconditional) == Some(Modality::Intended)
        };
        let m = if threat { Some(Modality::Intended) } else { m };
        apply_modality(evs, code, m, pat_src, intended, vtexts, (lo.min(at), at));
    }

    /// Two verbs of one clause telling one deed: drops from `evs` the
    /// events an earlier verb of the clause made with the same dyad and
    /// CAMEO root.
    fn same_deed(&self, clause_events: &[RawEvent], evs: &mut Vec<RawEvent>) {
        let input = self.s.input;
        // Two verbs of one clause telling one deed ("air strikes
        // killed"): the same dyad and CAMEO root is one event.
        let before = input.trace.map(|_| evs.clone());
        evs.retain(|e| {
            !clause_events.iter().any(|c| {
                c.source == e.source && c.target == e.target && c.code.get(..2) == e.code.get(..2)
            })
        });
        traced(
            input,
            &self.view.vtexts,
            before,
            evs,
            "the same deed as an earlier verb's",
        );
    }

    /// The visible position of the sentence's last clause barrier: the
    /// closing clause starts after it.
    fn last_barrier(&self) -> Option<usize> {
        self.view.vbarrier.iter().rposition(|&b| b)
    }

    /// The code and slots of verb `(vf, vl, v)` of the closing clause,
    /// which starts at visible position `lo`, by its own words alone.
    fn closing_verb(
        &self,
        lo: usize,
        (vf, vl, v): (usize, usize, u32),
    ) -> (EventCode, Bind, Option<&'c str>) {
        let view = self.view;
        let matcher = Matcher {
            toks: &view.vtexts,
            comma: &view.vcomma,
            units: &view.units,
            dict: self.s.lexicon.dict,
            lo,
            hi: view.vis.len(),
            subject: None,
        };
        resolve_verb(
            &matcher,
            self.s,
            &self.s.lexicon.families[v as usize],
            self.present,
            (vf, vl),
            None,
            &|_, _| false,
        )
    }

    /// PETRARCH's closing reporting clause ("..., a senior official said on
    /// Saturday"): its first verb with an actor before it, not yet coded,
    /// is an event of its own.
    fn closing_report(&self, all_events: &mut Vec<RawEvent>) {
        let view = self.view;
        let (vis, units) = (&view.vis, &view.units);
        if let Some(p) = self.last_barrier() {
            let (lo, hi) = (p + 1, vis.len());
            for &(vf, vl, v) in view.verbs.iter().filter(|v| v.0 >= lo) {
                if all_events.iter().any(|e| e.verb_tokens.0 == vf) {
                    break;
                }
                let (code, bind, pat_src) = self.closing_verb(lo, (vf, vl, v));
                if !matches!(code, EventCode::Event { .. })
                    || !units.iter().any(|u| u.first >= lo && u.first < vf)
                {
                    continue;
                }
                let mut src = None;
                let at = Occurrence {
                    bind: &bind,
                    pattern: pat_src,
                    vf,
                    vl,
                    lo,
                    hi,
                    carried: None,
                    prefer_own: false,
                    intended: false,
                };
                let evs = self.ctx.make_events(&code, &at, &mut src);
                if !evs.is_empty() {
                    all_events.extend(evs);
                    break;
                }
            }
        }
    }
}

impl ClauseCoder<'_> {
    /// A closing report of a sentence with no event (statecraft reading):
    /// "Afghanistan has a chance for legitimacy, the UN envoy said" is the
    /// envoy's statement about Afghanistan, as "the envoy said Afghanistan
    /// has a chance" is (the guide: a statement with an actor as its
    /// subject matter). The parse makes the verb of saying a parataxis of
    /// the reported clause; the speaker is an actor after the clause's
    /// last barrier, and the subject matter the report's first actor.
    fn closing_statement(&self, all_events: &mut Vec<RawEvent>) {
        let (Some(g), view) = (self.grammar, self.view) else {
            return;
        };
        let (vis, units) = (&view.vis, &view.units);
        let Some(p) = self.last_barrier() else {
            return;
        };
        let Some(&(vf, vl, v)) = view.verbs.iter().find(|v| v.0 > p) else {
            return;
        };
        let Some(subject) = g.closing_speech(vis[vf]) else {
            return;
        };
        let speaker = units.iter().position(|u| u.first > p);
        let reported = units
            .iter()
            .position(|u| u.last < p && (vis[u.first]..=vis[u.last]).contains(&subject));
        let (Some(source), Some(target)) = (speaker, reported) else {
            return;
        };
        // What an outlet reports is news, not its own statement.
        let outlet = units[source].members.iter().any(|m| {
            m.code.as_str().starts_with("MED") || m.code.role_chunks().any(|r| r == "MED")
        });
        // One's own country's doings are news of it, not a statement
        // to another party.
        let country = |u: usize| units[u].members.first().and_then(|m| m.code.country());
        if outlet
            || country(source).is_none()
            || country(target).is_none()
            || country(source) == country(target)
        {
            return;
        }
        let (code, mut bind, _) = self.closing_verb(p + 1, (vf, vl, v));
        if !matches!(&code, EventCode::Event { code, .. } if code.starts_with("01")) {
            return;
        }
        bind.source = Some(source);
        bind.target = Some(target);
        let at = Occurrence {
            bind: &bind,
            pattern: None,
            vf,
            vl,
            lo: 0,
            hi: vis.len(),
            carried: None,
            prefer_own: false,
            intended: false,
        };
        let mut src = None;
        all_events.extend(self.ctx.make_events(&code, &at, &mut src));
    }
}

/// Whether a verb pattern names something after the verb beyond its
/// slots and prepositions ("* VISIT", "* &FIGHT"; not "$ * +" or "* BY +").
fn pattern_names_object(pattern: Option<&str>) -> bool {
    const LINKS: &[&str] = &[
        "BY", "TO", "FROM", "WITH", "ON", "IN", "AT", "FOR", "AGAINST", "OF", "INTO", "OVER",
    ];
    let Some(p) = pattern else {
        return false;
    };
    p.split_whitespace()
        .skip_while(|w| !w.contains('*'))
        .skip(1)
        .any(|w| {
            !matches!(w, "$" | "+" | "%" | "^") && !w.starts_with("&AUX") && !LINKS.contains(&w)
        })
}

/// Whether an act harms its target ([`crate::filters::harms`]), whose
/// intent is a threat.
fn hostile(code: &EventCode) -> bool {
    code.code().is_some_and(crate::filters::harms)
}
