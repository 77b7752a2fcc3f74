//! A dyad's status on a date, and the queries built on it. Pure functions
//! over facts the store hands in.
//!
//! **Resolution.** On date D, each source's *claim* is its latest fact that
//! began on or before D and has not ended before D. The status is the claim
//! with the latest date; on equal dates a "since" fact beats an "as of"
//! observation, and reference data beats coded events.
//!
//! **Conflicts.** Two claims from different sources conflict when they
//! disagree about ties (established and restored agree; none and severed
//! agree) and the older one asserts that its status continued — a "since"
//! fact with no end — or both are dated the same. An older "as of"
//! observation is superseded, not contradicted. Conflicts are reported
//! beside the status, never dropped.

use crate::{EmbassyFact, Provenance, Start, State, States, Status, TieFact, When};
use serde::Serialize;
use statecraft_types::Date;
use std::collections::BTreeMap;

/// A dyad's status on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tie {
    /// The partner's CAMEO code.
    pub partner: String,
    /// The partner's name.
    pub name: String,
    /// The status.
    pub status: Status,
    /// The fact it rests on: its date and meaning.
    pub from: When,
    /// Whether the status began on `from` or was observed then.
    pub start: Start,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Other sources' claims that disagree.
    pub conflicts: Vec<TieFact>,
}

/// Resolves one dyad's facts on `date`; `None` when no source says anything
/// about it by then.
pub fn status_on<'a>(
    facts: impl IntoIterator<Item = &'a TieFact>,
    date: Date,
) -> Option<(&'a TieFact, Vec<&'a TieFact>)> {
    let mut claims: BTreeMap<&str, &TieFact> = BTreeMap::new();
    for f in facts {
        if f.from.date > date || f.to.is_some_and(|t| t.last_day() < date) {
            continue;
        }
        let slot = claims.entry(f.provenance.source_key()).or_insert(f);
        if f.from.date >= slot.from.date {
            *slot = f;
        }
    }
    let rank = |f: &TieFact| {
        (
            f.from.date,
            f.start == Start::Since,
            matches!(f.provenance, Provenance::Reference { .. }),
        )
    };
    let winner = *claims.values().max_by_key(|f| rank(f))?;
    let conflicts = claims
        .values()
        .filter(|f| !std::ptr::eq(**f, winner) && f.status.disagrees(winner.status))
        .filter(|f| {
            let (older, _) = if f.from.date <= winner.from.date {
                (**f, winner)
            } else {
                (winner, **f)
            };
            f.from.date == winner.from.date || (older.start == Start::Since && older.to.is_none())
        })
        .copied()
        .collect();
    Some((winner, conflicts))
}

/// `state`'s ties on `date`, one per partner with any fact, sorted by
/// partner. `facts` are the facts involving `state`.
pub fn ties(states: &States, state: &str, date: Date, facts: &[TieFact]) -> Vec<Tie> {
    let mut by_partner: BTreeMap<&str, Vec<&TieFact>> = BTreeMap::new();
    for f in facts {
        if f.a == state || f.b == state {
            by_partner.entry(f.partner(state)).or_default().push(f);
        }
    }
    by_partner
        .into_iter()
        .filter_map(|(partner, fs)| {
            let (w, conflicts) = status_on(fs, date)?;
            Some(Tie {
                partner: partner.to_string(),
                name: states.name_of(partner),
                status: w.status,
                from: w.from,
                start: w.start,
                provenance: w.provenance.clone(),
                conflicts: conflicts.into_iter().cloned().collect(),
            })
        })
        .collect()
}

/// The UN members a state lacks ties with.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Missing {
    /// The state.
    pub state: String,
    /// The date.
    pub as_of: Date,
    /// UN members on that date (other than the state itself).
    pub un_members: usize,
    /// Members without working ties: a status of none, severed or
    /// suspended, or no record at all.
    pub missing: Vec<MissingTie>,
    /// Special relationships, shown apart.
    pub special: Vec<Tie>,
}

/// One missing tie.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MissingTie {
    /// The member's CAMEO code.
    pub partner: String,
    /// Its name.
    pub name: String,
    /// What is known: the status with its source, or nothing.
    pub known: Option<Tie>,
}

/// The UN members `state` has no working ties with on `date`.
pub fn missing(states: &States, state: &str, date: Date, facts: &[TieFact]) -> Missing {
    let known: BTreeMap<String, Tie> = ties(states, state, date, facts)
        .into_iter()
        .map(|t| (t.partner.clone(), t))
        .collect();
    let mut out = Missing {
        state: state.to_string(),
        as_of: date,
        un_members: 0,
        missing: Vec::new(),
        special: Vec::new(),
    };
    for member in states.un_members(date).filter(|m| m.cameo != state) {
        out.un_members += 1;
        match known.get(&member.cameo) {
            Some(t) if t.status == Status::Special => out.special.push(t.clone()),
            Some(t) if t.status.has_ties() => {}
            other => out.missing.push(MissingTie {
                partner: member.cameo.clone(),
                name: member.name.clone(),
                known: other.cloned(),
            }),
        }
    }
    out
}

/// A state's events with one partner, summed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventSums {
    /// The partner's CAMEO code.
    pub partner: String,
    /// Events in either direction.
    pub events: u64,
    /// Sum of positive Goldstein scores.
    pub cooperative: f64,
    /// Sum of negative Goldstein scores (zero or less).
    pub conflictual: f64,
}

/// How a state's network changed between two dates.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Network {
    /// The state.
    pub state: String,
    /// Start of the window.
    pub from: Date,
    /// End of the window.
    pub to: Date,
    /// Partners with working ties on `to` but not on `from`, where the
    /// change is on record: the ties began in the window, or the status on
    /// `from` was known to be otherwise.
    pub gained: Vec<Tie>,
    /// Partners with working ties on `to` and no record at all on `from`
    /// whose ties were only observed in the window ("as of"), start
    /// unknown: not a gain, a first record.
    pub first_recorded: Vec<Tie>,
    /// Partners with working ties on `from` but not on `to`.
    pub lost: Vec<Tie>,
    /// Share of UN members with recorded working ties, at each end.
    pub un_share_from: Share,
    /// See `un_share_from`.
    pub un_share_to: Share,
    /// Per partner, the events of the window and their balance, most
    /// negative first.
    pub balance: Vec<Balance>,
    /// The sum of every partner's balance.
    pub net_balance: f64,
}

/// A share of UN members.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Share {
    /// Members with recorded working ties.
    pub with_ties: usize,
    /// UN members other than the state.
    pub members: usize,
    /// `with_ties / members`.
    pub share: f64,
}

/// Net Goldstein balance with one partner:
/// `balance = Σ goldstein(e)` over the window's events `e` between the two
/// states, in either direction, that happened or were announced as
/// intentions. Below zero the relationship ran conflictual.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Balance {
    /// The partner's CAMEO code.
    pub partner: String,
    /// Its name.
    pub name: String,
    /// Number of events.
    pub events: u64,
    /// Sum of positive scores.
    pub cooperative: f64,
    /// Sum of negative scores.
    pub conflictual: f64,
    /// `cooperative + conflictual`.
    pub net: f64,
}

/// Partners gained and lost by `state` between `from` and `to`, the UN
/// share at each end, and the balance of `sums` (the window's events,
/// summed by partner by the store).
pub fn network(
    states: &States,
    state: &str,
    from: Date,
    to: Date,
    facts: &[TieFact],
    sums: &[EventSums],
) -> Network {
    let at_from = ties(states, state, from, facts);
    let at_to = ties(states, state, to, facts);
    let working = |ts: &[Tie], p: &str| ts.iter().any(|t| t.partner == p && t.status.has_ties());
    let recorded = |p: &str| at_from.iter().any(|t| t.partner == p);
    let (gained, first_recorded): (Vec<Tie>, Vec<Tie>) = at_to
        .iter()
        .filter(|t| t.status.has_ties() && !working(&at_from, &t.partner))
        .cloned()
        .partition(|t| recorded(&t.partner) || (t.start == Start::Since && t.from.date > from));
    // A lost tie is shown with its status at the end of the window.
    let lost = at_from
        .iter()
        .filter(|t| t.status.has_ties() && !working(&at_to, &t.partner))
        .map(|t| {
            at_to
                .iter()
                .find(|u| u.partner == t.partner)
                .cloned()
                .unwrap_or_else(|| t.clone())
        })
        .collect();
    let share = |ts: &[Tie], date: Date| {
        let members: Vec<&State> = states
            .un_members(date)
            .filter(|m| m.cameo != state)
            .collect();
        let with_ties = members.iter().filter(|m| working(ts, &m.cameo)).count();
        Share {
            with_ties,
            members: members.len(),
            share: if members.is_empty() {
                0.0
            } else {
                with_ties as f64 / members.len() as f64
            },
        }
    };
    let mut balance: Vec<Balance> = sums
        .iter()
        .map(|s| Balance {
            partner: s.partner.clone(),
            name: states.name_of(&s.partner),
            events: s.events,
            cooperative: round(s.cooperative),
            conflictual: round(s.conflictual),
            net: round(s.cooperative + s.conflictual),
        })
        .collect();
    balance.sort_by(|a, b| a.net.total_cmp(&b.net).then(a.partner.cmp(&b.partner)));
    let net_balance = round(balance.iter().map(|b| b.net).sum());
    Network {
        state: state.to_string(),
        from,
        to,
        gained,
        first_recorded,
        lost,
        un_share_from: share(&at_from, from),
        un_share_to: share(&at_to, to),
        balance,
        net_balance,
    }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `state`'s embassies abroad and foreign embassies in it that are open on
/// `date`, as (sender, host, fact) with the latest fact per pair.
pub fn embassies<'a>(state: &str, date: Date, facts: &'a [EmbassyFact]) -> Vec<&'a EmbassyFact> {
    let mut latest: BTreeMap<(&str, &str), &EmbassyFact> = BTreeMap::new();
    for f in facts {
        if (f.sender != state && f.host != state) || f.from.date > date {
            continue;
        }
        let slot = latest.entry((&f.sender, &f.host)).or_insert(f);
        if f.from.date >= slot.from.date {
            *slot = f;
        }
    }
    latest.into_values().filter(|f| f.open).collect()
}
