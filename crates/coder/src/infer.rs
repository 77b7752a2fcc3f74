//! Actors no dictionary knows, inferred from the story itself.
//!
//! A run of capitalised words that no dictionary matched is a name. It
//! gets a code when the sentence says who it is:
//! - an appositive after it: "Asaad Al-Shaibani, Syria's interim foreign
//!   minister," → SYRGOV; "Ahmed al-Sharaa, leader of the Islamist group
//!   Hayat Tahrir al-Sham," → the group's code;
//! - a role phrase before it: "Syrian Foreign Minister Asaad al-Shaibani",
//!   "Russia's ambassador Alexei Borodavkin".
//!
//! The role word gives the sector (minister → GOV, general → MIL,
//! lawmaker → LEG, …); the phrase's actor gives the country. A bare agent
//! ("of the Foreign Ministry") takes the story's home country: the first
//! country the story names. Generic heads ("leader of", "head of", "chief
//! of") take the organisation's own code.
//!
//! Later mentions by a part of the name ("Al-Shaibani") are resolved by
//! the story memory, which remembers that the name was inferred and why.

use crate::analysis::{Class, Lexeme};
use statecraft_text::{Token, TokenKind};
use statecraft_types::ActorCode;
pub use statecraft_types::Evidence;

/// An inferred actor in the current sentence: tokens `first..=last`.
#[derive(Clone, Debug)]
pub(crate) struct Inferred {
    pub first: usize,
    pub last: usize,
    pub evidence: Evidence,
}

/// Role words and the sector they give; `""` takes the organisation's own
/// code (or GOV for a bare country).
const ROLES: &[(&str, &str)] = &[
    ("MINISTER", "GOV"),
    ("PRESIDENT", "GOV"),
    ("PREMIER", "GOV"),
    ("CHANCELLOR", "GOV"),
    ("AMBASSADOR", "GOV"),
    ("ENVOY", "GOV"),
    ("SPOKESMAN", "GOV"),
    ("SPOKESWOMAN", "GOV"),
    ("SPOKESPERSON", "GOV"),
    ("OFFICIAL", "GOV"),
    ("DIPLOMAT", "GOV"),
    ("SECRETARY", "GOV"),
    ("DIRECTOR", "GOV"),
    ("ADVISER", "GOV"),
    ("ADVISOR", "GOV"),
    ("NEGOTIATOR", "GOV"),
    ("GOVERNOR", "GOV"),
    ("KING", "GOV"),
    ("QUEEN", "GOV"),
    ("EMIR", "GOV"),
    ("SULTAN", "GOV"),
    ("MONARCH", "GOV"),
    ("COMMISSIONER", "GOV"),
    ("CONSUL", "GOV"),
    ("MAYOR", "GOV"),
    ("GENERAL", "MIL"),
    ("COLONEL", "MIL"),
    ("ADMIRAL", "MIL"),
    ("MARSHAL", "MIL"),
    ("COMMANDER", "MIL"),
    ("LAWMAKER", "LEG"),
    ("SENATOR", "LEG"),
    ("LEGISLATOR", "LEG"),
    ("PARLIAMENTARIAN", "LEG"),
    ("MP", "LEG"),
    ("SPEAKER", "LEG"),
    ("JUDGE", "JUD"),
    ("PROSECUTOR", "JUD"),
    ("LEADER", ""),
    ("HEAD", ""),
    ("CHIEF", ""),
    ("FOUNDER", ""),
    ("CHAIRMAN", ""),
    ("CHAIRWOMAN", ""),
    ("CHAIR", ""),
    ("DEPUTY", ""),
    ("MEMBER", ""),
];

/// Words that change the sector whatever the role word says.
const SECTOR_WORDS: &[(&str, &str)] = &[
    ("OPPOSITION", "OPP"),
    ("REBEL", "REB"),
    ("MILITANT", "REB"),
    ("INSURGENT", "REB"),
    ("ARMY", "MIL"),
    ("MILITARY", "MIL"),
    ("PARLIAMENT", "LEG"),
    ("PARLIAMENTARY", "LEG"),
];

/// Name particles written in lower case inside a name ("al-Sharaa").
const PARTICLES: &[&str] = &[
    "AL", "EL", "BIN", "BEN", "IBN", "ABU", "DE", "DA", "DI", "DU", "VAN", "VON", "LA", "LE", "DER",
];

/// Capitalised words that start sentences or titles, not names.
const NOT_NAME: &[&str] = &[
    "THE",
    "A",
    "AN",
    "MR",
    "MRS",
    "MS",
    "DR",
    "HE",
    "SHE",
    "IT",
    "THEY",
    "WE",
    "I",
    "IN",
    "ON",
    "AT",
    "BUT",
    "AND",
    "DURING",
    "AFTER",
    "BEFORE",
    "ACCORDING",
    "HOWEVER",
    "MEANWHILE",
    "ON",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

fn role_sector(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches("'S");
    let singular = w.strip_suffix('S').unwrap_or(w);
    ROLES
        .iter()
        .find(|(r, _)| *r == w || *r == singular)
        .map(|(_, s)| *s)
}

/// Infers codes for unknown names in `lx`, turning each into an actor
/// lexeme. `home` is the story's home country, `sentence` the index of
/// this sentence in the story.
pub(crate) fn infer(
    lx: &mut Vec<Lexeme>,
    toks: &[Token],
    texts: &[&str],
    text: &str,
    home: Option<&str>,
    sentence: usize,
) -> Vec<Inferred> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut k = 0;
    while k < lx.len() {
        let Some(end) = name_run(lx, toks, texts, text, k) else {
            k += 1;
            continue;
        };
        let (first, last) = (lx[k].first, lx[end].last);
        let found = appositive(lx, toks, texts, end, home).or_else(|| before(lx, texts, k, home));
        let Some((code, ev_first, ev_last)) = found else {
            k = end + 1;
            continue;
        };
        // Role words in the evidence are nouns ("head of"), not verbs.
        for l in lx.iter_mut() {
            if l.first >= ev_first
                && l.last <= ev_last
                && matches!(l.class, Class::Verb(_))
                && role_sector(texts[l.first]).is_some()
            {
                l.class = Class::Noun;
            }
        }
        let span = [toks[ev_first].start, toks[ev_last].end];
        let evidence_text: String = chars[span[0]..span[1].min(chars.len())].iter().collect();
        lx[k] = Lexeme {
            class: Class::Actor(vec![ActorCode::new(code)]),
            first,
            last,
            possessive: texts[last].ends_with("'S"),
            key: None,
            verb_as_noun: false,
        };
        lx.drain(k + 1..=end);
        out.push(Inferred {
            first,
            last,
            evidence: Evidence {
                sentence,
                span,
                text: evidence_text,
            },
        });
        k += 1;
    }
    out
}

/// The last lexeme of a name starting at `k`: two or more capitalised
/// single-word lexemes no dictionary matched, lower-case particles allowed
/// inside, and lower-case parts after a hyphen ("Yoon-joo").
fn name_run(lx: &[Lexeme], toks: &[Token], texts: &[&str], text: &str, k: usize) -> Option<usize> {
    let plain = |j: usize| {
        let l = &lx[j];
        l.first == l.last
            && matches!(l.class, Class::Word | Class::Noun | Class::Adjective)
            && toks[l.first].kind == TokenKind::Word
    };
    let capital = |j: usize| {
        plain(j)
            && toks[lx[j].first].capitalized
            && !NOT_NAME.contains(&texts[lx[j].first])
            && role_sector(texts[lx[j].first]).is_none()
    };
    // A one-word person entry ("Hassan") followed by an unknown
    // capitalised word is someone else's first name ("Hassan Nouri").
    let first_name = |j: usize| {
        let l = &lx[j];
        l.first == l.last
            && toks[l.first].capitalized
            && matches!(&l.class, Class::Actor(c) if c.iter().all(ActorCode::is_country_with_roles))
    };
    let starts = capital(k)
        || (plain(k) && PARTICLES.contains(&texts[lx[k].first]))
        || (first_name(k) && k + 1 < lx.len() && capital(k + 1));
    if !starts {
        return None;
    }
    let mut end = k;
    let mut words = 1;
    while end + 1 < lx.len() {
        let j = end + 1;
        let particle = plain(j) && PARTICLES.contains(&texts[lx[j].first]);
        let t = lx[j].first;
        let hyphenated = plain(j) && t > 0 && toks[t - 1].hyphened_to(&toks[t], text);
        if capital(j) || hyphenated || (particle && j + 1 < lx.len() && capital(j + 1)) {
            end = j;
            words += 1;
            // A possessive ends the name ("Kim's").
            if texts[lx[j].first].ends_with("'S") {
                break;
            }
        } else {
            break;
        }
    }
    (words >= 2).then_some(end)
}

/// "NAME, Syria's interim foreign minister," → (code, evidence tokens).
fn appositive(
    lx: &[Lexeme],
    toks: &[Token],
    texts: &[&str],
    end: usize,
    home: Option<&str>,
) -> Option<(String, usize, usize)> {
    let comma = end + 1;
    if lx.get(comma)?.class != Class::Comma {
        return None;
    }
    let from = comma + 1;
    let mut to = from;
    while to < lx.len() && lx[to].class != Class::Comma && to - from < 14 {
        // A verb ends the appositive ("Haddad, who arrived Monday,"),
        // unless it is a role noun ("head of").
        if matches!(lx[to].class, Class::Verb(_))
            && !toks[lx[to].first].capitalized
            && role_sector(texts[lx[to].first]).is_none()
        {
            return None;
        }
        to += 1;
    }
    if to == from {
        return None;
    }
    let phrase = &lx[from..to];
    let code = phrase_code(phrase, texts, home)?;
    Some((code, phrase[0].first, phrase[phrase.len() - 1].last))
}

/// "Syrian Foreign Minister NAME": the role phrase just before the name.
fn before(
    lx: &[Lexeme],
    texts: &[&str],
    k: usize,
    home: Option<&str>,
) -> Option<(String, usize, usize)> {
    let mut from = k;
    while from > 0 && k - from < 5 {
        match lx[from - 1].class {
            Class::Actor(_) | Class::Agent(_) | Class::Word | Class::Adjective | Class::Noun => {
                from -= 1
            }
            _ => break,
        }
    }
    if from == k {
        return None;
    }
    // The role word must be right before the name.
    let last = &lx[k - 1];
    if !(last.first..=last.last).any(|t| role_sector(texts[t]).is_some()) {
        return None;
    }
    let phrase = &lx[from..k];
    let code = phrase_code(phrase, texts, home)?;
    Some((code, phrase[0].first, phrase[phrase.len() - 1].last))
}

/// The code a role phrase gives: its actor's country (or the home
/// country) and the sector of its role word.
fn phrase_code(phrase: &[Lexeme], texts: &[&str], home: Option<&str>) -> Option<String> {
    let words = || {
        phrase
            .iter()
            .flat_map(|l| l.first..=l.last)
            .map(|t| texts[t])
    };
    let sector = words().find_map(role_sector)?;
    let sector = words()
        .find_map(|w| {
            SECTOR_WORDS
                .iter()
                .find(|(s, _)| *s == w.trim_end_matches("'S"))
                .map(|(_, c)| *c)
        })
        .unwrap_or(sector);
    let former = words().any(|w| w == "FORMER");
    let actor = phrase.iter().find_map(|l| match &l.class {
        Class::Actor(c) => c.iter().find(|c| !c.is_discard()).cloned(),
        _ => None,
    });
    let agent = phrase.iter().any(|l| matches!(l.class, Class::Agent(_)));
    // The home country stands in only for the state's own institutions
    // ("the Foreign Ministry"); a militant group or party without a
    // country is nobody's by default.
    let state = |sector: &str| matches!(sector, "GOV" | "MIL" | "LEG" | "JUD" | "");
    let (country, own) = match actor {
        Some(c) if c.country_unknown() => {
            let own = c.roles();
            if !(state(c.role_chunks().next().unwrap_or(own)) && state(sector)) {
                return None;
            }
            (home?.to_string(), Some(own.to_string()))
        }
        Some(c) => (c.country()?.to_string(), Some(c.roles().to_string())),
        None if agent && state(sector) => (home?.to_string(), None),
        None => return None,
    };
    if country.len() != 3 || !country.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let role = if former {
        "ELI".to_string()
    } else if sector.is_empty() {
        // "leader of Hayat Tahrir al-Sham": the organisation's own code.
        own.filter(|r| !r.is_empty())
            .unwrap_or_else(|| "GOV".into())
    } else {
        sector.to_string()
    };
    Some(format!("{country}{role}"))
}

/// A statement that someone took up or left a role, in token terms.
#[derive(Clone, Debug)]
pub(crate) struct RawRole {
    /// The actor: tokens and codes as the dictionaries or inference gave them.
    pub actor: (usize, usize),
    pub actor_codes: Vec<ActorCode>,
    /// The role phrase ("interim president").
    pub role: (usize, usize),
    /// The code the role gives.
    pub code: String,
    /// `start` or `end`.
    pub change: &'static str,
    /// The trigger words ("assumed power as").
    pub trigger: (usize, usize),
}

/// Phrases that state a change of role, the words after them up to the
/// role, and whether the role starts or ends.
const ROLE_TRIGGERS: &[(&[&str], &str)] = &[
    (&["ASSUMED", "POWER", "AS"], "start"),
    (&["ASSUMED", "OFFICE", "AS"], "start"),
    (&["TOOK", "OFFICE", "AS"], "start"),
    (&["TOOK", "OVER", "AS"], "start"),
    (&["WAS", "SWORN", "IN", "AS"], "start"),
    (&["WAS", "APPOINTED", "AS"], "start"),
    (&["WAS", "APPOINTED"], "start"),
    (&["WAS", "NAMED", "AS"], "start"),
    (&["WAS", "NAMED"], "start"),
    (&["WAS", "ELECTED", "AS"], "start"),
    (&["WAS", "ELECTED"], "start"),
    (&["BECAME"], "start"),
    (&["HAS", "BECOME"], "start"),
    (&["RESIGNED", "AS"], "end"),
    (&["STEPPED", "DOWN", "AS"], "end"),
    (&["WAS", "OUSTED", "AS"], "end"),
    (&["WAS", "DISMISSED", "AS"], "end"),
    (&["WAS", "SACKED", "AS"], "end"),
];

/// Role changes stated in the sentence: "X ... assumed power as interim
/// president". The actor is the sentence's first actor before the
/// trigger; the role is the next few words holding a role word.
pub(crate) fn role_changes(lx: &[Lexeme], texts: &[&str], home: Option<&str>) -> Vec<RawRole> {
    let mut out = Vec::new();
    for t in 0..texts.len() {
        let Some((words, change)) = ROLE_TRIGGERS
            .iter()
            .find(|(w, _)| texts.get(t..t + w.len()) == Some(*w))
        else {
            continue;
        };
        let after = t + words.len();
        // "he took over as minister": a pronoun this pass cannot resolve.
        if t > 0 && matches!(texts[t - 1], "HE" | "SHE" | "THEY" | "IT") {
            continue;
        }
        let is_actor = |l: &&Lexeme| matches!(&l.class, Class::Actor(c) if !c.iter().any(ActorCode::is_discard));
        // The subject: the sentence's first actor, or for "X, who was
        // appointed ...", the actor the relative clause hangs on (without
        // the comma, "who" may hang on a noun of an appositive).
        let actor = if t > 1 && texts[t - 1] == "WHO" && texts[t - 2] == "," {
            {
                // A person or body (a code with a role) before a bare place.
                let before: Vec<&Lexeme> = lx
                    .iter()
                    .filter(|l| l.last + 2 < t)
                    .filter(is_actor)
                    .collect();
                let person = |l: &&&Lexeme| matches!(&l.class, Class::Actor(c) if c.iter().all(ActorCode::has_roles));
                before.iter().rev().find(person).or(before.last()).copied()
            }
        } else {
            lx.iter().filter(|l| l.last < t).find(is_actor)
        };
        let Some(actor) = actor else {
            continue;
        };
        let Class::Actor(codes) = &actor.class else {
            continue;
        };
        // The role phrase: up to five words, ending at the role word (and
        // an "of COUNTRY" after it).
        let stop = (after..texts.len().min(after + 5)).find(|&p| role_sector(texts[p]).is_some());
        let Some(role_at) = stop else {
            continue;
        };
        // "was appointed by former President ...", "appointed to replace":
        // a preposition before the role word means it is not the new role.
        if texts[after..role_at].iter().any(|w| {
            matches!(
                *w,
                "BY" | "TO" | "IN" | "ON" | "FOR" | "AFTER" | "WITH" | "FROM" | "UNDER"
            )
        }) {
            continue;
        }
        // "became the first president to visit": a distinction, not a role.
        if texts.get(role_at + 1) == Some(&"TO") {
            continue;
        }
        let mut end = role_at;
        let mut country: Option<String> = None;
        if texts.get(role_at + 1) == Some(&"OF") {
            if let Some(l) = lx
                .iter()
                .find(|l| l.first > role_at + 1 && l.first <= role_at + 3)
            {
                if let Class::Actor(c) = &l.class {
                    country = c.first().and_then(ActorCode::country).map(str::to_string);
                    end = l.last;
                }
            }
        }
        let country = country
            .or_else(|| {
                codes
                    .iter()
                    .find_map(ActorCode::country)
                    .map(str::to_string)
            })
            .or_else(|| home.map(str::to_string));
        let Some(country) = country else {
            continue;
        };
        // "head of military intelligence": a sector word in the role.
        let qualifier = texts
            .get(role_at + 1..(role_at + 4).min(texts.len()))
            .filter(|_| texts.get(role_at + 1) == Some(&"OF"))
            .unwrap_or(&[]);
        let sector = qualifier
            .iter()
            .chain(&texts[after..=role_at])
            .find_map(|w| SECTOR_WORDS.iter().find(|(s, _)| s == w).map(|(_, c)| *c))
            .or(match role_sector(texts[role_at]) {
                Some("") | None => None,
                s => s,
            })
            .unwrap_or("GOV");
        out.push(RawRole {
            actor: (actor.first, actor.last),
            actor_codes: codes.clone(),
            role: (after, end),
            code: format!("{country}{sector}"),
            change,
            trigger: (t, after - 1),
        });
    }
    out
}
