//! Stage finish: a statement beside a deed and codes another pattern
//! dominates go; the options' complexity rules; token positions back in
//! the original sentence; and the statecraft reading's filters.

use super::clause::Coded;
use super::visible::Visible;
use super::{filter_stage, skip, Aside, RawEvent, Sentence, SentenceInput};
use crate::grammar::Grammar;

/// Stage finish: the sentence's events, positions in the original
/// tokens, after the subordinate and dominant filters, the complexity
/// rules (`flagged`: a dictionary code said complex), and the statecraft
/// filters.
pub(super) fn finish(
    s: &Sentence<'_>,
    view: &Visible<'_>,
    grammar: Option<&Grammar<'_>>,
    flagged: bool,
    coded: Coded,
) -> Result<Vec<RawEvent>, Aside> {
    let (input, opts, texts) = (s.input, s.opts, s.texts);
    let Coded {
        events: mut all_events,
        first_coded_verb,
    } = coded;
    dominant_only(input, &view.vtexts, &mut all_events);
    if too_complex(s, view, flagged, first_coded_verb, &all_events) {
        skip(input, "too complex by the options' complexity rules");
        return Err(Aside::Complex);
    }
    // Map visible token positions back to the original tokens.
    let vis = &view.vis;
    let back = |(a, b): (usize, usize)| (vis[a], vis[b]);
    for e in &mut all_events {
        e.verb_tokens = back(e.verb_tokens);
        e.source_tokens = e.source_tokens.map(back);
        e.target_tokens = e.target_tokens.map(back);
    }
    if opts.statecraft {
        statecraft_filters(input, grammar, texts, &mut all_events);
    }
    if let Some(t) = input.trace {
        crate::explain::modalities(&mut t.borrow_mut(), texts, &all_events);
    }
    Ok(all_events)
}

/// The sentence's subordinate and dominant codes: any event that is no
/// statement removes the statements, and a dominant code the others.
fn dominant_only(input: &SentenceInput<'_>, vtexts: &[&str], all_events: &mut Vec<RawEvent>) {
    // A single non-subordinate event removes all subordinate ones.
    filter_stage(
        input,
        vtexts,
        all_events,
        "a statement beside a deed",
        |evs| {
            if evs.iter().any(|e| !e.subordinate) {
                evs.retain(|e| !e.subordinate);
            }
        },
    );
    filter_stage(
        input,
        vtexts,
        all_events,
        "another pattern dominates",
        |evs| {
            if evs.iter().any(|e| e.dominant) {
                evs.retain(|e| e.dominant);
            }
        },
    );
}

/// The options' complexity rules (TABARI's `COMPLEX:`): whether the
/// sentence is too complex to code, by its verbs, conjunctions, actors,
/// pronouns, dropped comma clauses and events. `flagged`: a dictionary
/// code said so.
fn too_complex(
    s: &Sentence<'_>,
    view: &Visible<'_>,
    flagged: bool,
    first_coded_verb: Option<usize>,
    all_events: &[RawEvent],
) -> bool {
    let (verbs, units, dropped) = (&view.verbs, &view.units, view.dropped);
    // Complexity conditions.
    let cx = &s.opts.complex;
    let n_verbs = verbs.len();
    let n_conj = view.bounds.len() - 2;
    let mut complex = flagged;
    complex |= cx.verbs.is_some_and(|n| n_verbs >= n);
    complex |= cx.conj.is_some_and(|n| n_conj >= n);
    complex |= cx
        .actors
        .is_some_and(|n| units.iter().filter(|u| !u.pronoun).count() >= n);
    complex |= cx
        .pronouns
        .is_some_and(|n| units.iter().filter(|u| u.pronoun).count() >= n);
    complex |= cx.comma.is_some_and(|n| dropped >= n);
    complex |= cx.noverb && verbs.is_empty();
    if cx.noactprior {
        if let Some(vf) = first_coded_verb.filter(|&v| v > 0) {
            complex |= !units.iter().any(|u| u.first < vf);
        }
    }
    if cx.noactafter {
        if let Some(vf) = first_coded_verb {
            complex |= !units.iter().any(|u| u.first > vf);
        }
    }
    complex |= cx.noevent && all_events.is_empty();
    if let Some(n) = cx.lateverb {
        complex |= verbs.first().is_none_or(|v| v.0 >= n);
    }
    complex
}

/// The statecraft reading's filters on a sentence's events (token
/// positions in the original sentence): abductions, bombings, interviews,
/// one-way acts, statements about people or home news, hypotheticals,
/// what one was asked to do, and
/// reported speech (the reporter is no party to what it reports).
fn statecraft_filters(
    input: &SentenceInput<'_>,
    grammar: Option<&Grammar<'_>>,
    texts: &[&str],
    all_events: &mut Vec<RawEvent>,
) {
    crate::filters::abductions(all_events, texts);
    crate::filters::bombings(all_events, texts);
    let stage = |events: &mut Vec<RawEvent>, why: &str, f: &dyn Fn(&mut Vec<RawEvent>)| {
        filter_stage(input, texts, events, why, f)
    };
    stage(all_events, "speaking to the press", &|evs| {
        crate::filters::interviews(evs, texts)
    });
    stage(all_events, "the mirror of a one-way act", &|evs| {
        crate::filters::one_way(evs, texts)
    });
    stage(
        all_events,
        "a bare statement about people, to no addressee",
        &crate::filters::statements_about_people,
    );
    stage(
        all_events,
        "a bare statement of home news",
        &crate::filters::home_statements,
    );
    // A deed that a hypothetical would bring about is none (the guide:
    // "would", "could" are not events), unless its code is itself of
    // what is not yet done: an appeal, an intention, a demand, a refusal
    // ("would not accept") or a threat, or the modality stage made it an
    // intention.
    if let Some(g) = grammar {
        stage(all_events, "a hypothetical", &|evs| {
            evs.retain(|e| {
                let irrealis = ["02", "03", "10", "12", "13"]
                    .iter()
                    .any(|r| e.code.starts_with(r));
                e.modality.is_some() || irrealis || !g.under_modal(e.verb_tokens.0)
            })
        });
        stage(all_events, "what the one asked was asked to do", &|evs| {
            evs.retain(|e| {
                !e.source_tokens
                    .is_some_and(|s| g.appealed(e.verb_tokens.0, s.1))
            })
        });
    }
    let reports = texts.iter().any(|t| crate::grammar::may_report(t));
    let Some(g) = grammar.filter(|_| reports && !all_events.is_empty()) else {
        return;
    };
    // Reported speech codes what is reported, not the reporter:
    // "The New York Times said dozens of Russians had been killed".
    // A deed (coercion, assault, force: roots 17 to 20) coded by a
    // pattern of the reporting verb itself is not the reporter's.
    stage(
        all_events,
        "reported speech: the reporter is no party to what it reports",
        &|evs| {
            evs.retain(|e| {
                let deed = crate::filters::harms(&e.code);
                let reporter = |t: Option<(usize, usize)>| {
                    t.is_some_and(|t| {
                        g.reported_by(e.verb_tokens.0, t.1)
                            || (deed && g.reporter_of(e.verb_tokens.0, t.1))
                    })
                };
                !reporter(e.source_tokens) && !reporter(e.target_tokens)
            })
        },
    );
    // Nor is a bare statement to the doer of a deed it reports ("said
    // the coalition has conducted airstrikes"): the deed is the event.
    stage(
        all_events,
        "reported speech: a statement to the doer of a deed it reports",
        &|evs| {
            evs.retain(|e| {
                !(crate::filters::bare_statement(e)
                    && e.target_tokens
                        .is_some_and(|t| g.doer_reported(e.verb_tokens.0, t.1)))
            })
        },
    );
}
