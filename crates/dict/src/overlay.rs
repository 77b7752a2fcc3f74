//! The statecraft actor overlay (format 1): dated roles in a readable
//! line format, every line citing its source.
//!
//! ```text
//! actor: Ahmed al-Sharaa               # src: Wikipedia, "Ahmed al-Sharaa"
//! alias: Abu Mohammad al-Jolani        # src: ...
//! role: SYRREB 2017-01-28 2024-12-07   # src: ...
//! role: SYRGOV 2024-12-08 -            # src: ...
//! ```
//!
//! Dates are inclusive ISO dates; `-` leaves a side open. Overlay entries
//! replace base-dictionary entries that have the same phrase.
//!
//! An `unlist:` line takes a phrase out of the base dictionaries' actors
//! without giving it a role: a common noun a base entry lists as a name
//! (Phoenix files "organization" under the Tanzim, so every "the
//! organization said" was a Middle East rebel group).
//!
//! ```text
//! unlist: organization                 # src: ...
//! ```
//!
//! A `seat:` line names a city that stands for its country's government
//! when it acts, with the country and the dates it was the seat:
//!
//! ```text
//! seat: Rangoon MMR - 2005-11-05       # src: ...
//! ```

use crate::code::{ActorCodes, CodeSchedule, Restriction};
use crate::tabari::err;
use crate::word::Endings;
use crate::{numbered_lines, parse_phrase, Actor, Dialect, DictError, Dictionary, Phrase, Seat};
use statecraft_text::Date;
use std::collections::HashSet;

pub(crate) fn read_overlay(
    text: &str,
    file: &str,
    file_id: u32,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    let mut actors: Vec<Actor> = Vec::new();
    let mut unlisted: HashSet<String> = HashSet::new();
    for (line_no, raw) in numbered_lines(text) {
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let (body, comment) = match t.find('#') {
            Some(i) => (t[..i].trim(), t[i + 1..].trim()),
            None => (t, ""),
        };
        if !comment.to_ascii_lowercase().starts_with("src:") || comment[4..].trim().is_empty() {
            errors.push(err(file, line_no, "missing '# src: <citation>' comment"));
            continue;
        }
        let Some((key, value)) = body.split_once(':') else {
            errors.push(err(
                file,
                line_no,
                "expected 'actor:', 'alias:', 'role:', 'seat:' or 'unlist:'",
            ));
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "actor" | "alias" => {
                let Some(phrase) = parse_phrase(value, Dialect::Petrarch, Endings::Noun, true)
                else {
                    errors.push(err(file, line_no, "empty name"));
                    continue;
                };
                if key.trim() == "actor" {
                    actors.push(Actor {
                        phrases: vec![phrase],
                        schedule: CodeSchedule::default(),
                        origin: (file_id, line_no as u32),
                    });
                } else {
                    match actors.last_mut() {
                        Some(a) => a.phrases.push(phrase),
                        None => errors.push(err(file, line_no, "alias before any actor")),
                    }
                }
            }
            "role" => {
                let Some(actor) = actors.last_mut() else {
                    errors.push(err(file, line_no, "role before any actor"));
                    continue;
                };
                match parse_role(value) {
                    Ok((code, restriction)) => {
                        let overlaps = span(restriction)
                            .filter(|_| restriction.is_some())
                            .is_some_and(|(a, b)| {
                                actor.schedule.restricted.iter().any(|(r, _)| {
                                    span(Some(*r)).is_some_and(|(c, d)| a <= d && c <= b)
                                })
                            });
                        if overlaps {
                            errors.push(err(
                                file,
                                line_no,
                                "role overlaps an earlier role of this actor",
                            ));
                            continue;
                        }
                        match restriction {
                            Some(r) => actor.schedule.restricted.push((r, code)),
                            None => actor.schedule.default = Some(code),
                        }
                    }
                    Err(m) => errors.push(err(file, line_no, m)),
                }
            }
            "unlist" => match parse_phrase(value, Dialect::Petrarch, Endings::Noun, true) {
                Some(phrase) => {
                    unlisted.insert(phrase.display());
                }
                None => errors.push(err(file, line_no, "empty name")),
            },
            "seat" => match parse_seat(value) {
                Ok(seat) => dict.seats.push(seat),
                Err(m) => errors.push(err(file, line_no, m)),
            },
            other => errors.push(err(
                file,
                line_no,
                format!("unknown key {other:?}; expected actor, alias, role, seat or unlist"),
            )),
        }
    }
    // Overlay phrases replace the same phrases in the base dictionaries;
    // unlisted phrases leave them.
    let mut mine: HashSet<String> = actors
        .iter()
        .flat_map(|a| a.phrases.iter().map(Phrase::display))
        .collect();
    mine.extend(unlisted);
    for a in &mut dict.actors {
        a.phrases.retain(|p| !mine.contains(&p.display()));
    }
    dict.actors.retain(|a| !a.phrases.is_empty());
    for a in actors {
        if a.schedule.is_empty() {
            errors.push(err(file, a.origin.1 as usize, "actor has no role"));
        } else {
            dict.actors.push(a);
        }
    }
}

/// `Rangoon MMR - 2005-11-05`: a name, a country and its dates.
fn parse_seat(value: &str) -> Result<Seat, String> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let Some(at) = parts.len().checked_sub(3).filter(|&n| n > 0) else {
        return Err("seat needs NAME COUNTRY FROM TO (dates YYYY-MM-DD or '-')".into());
    };
    let (code, restriction) = parse_role(&parts[at..].join(" "))?;
    let country = match code {
        ActorCodes::Codes(c) if c.len() == 1 && c[0].len() == 3 => c[0].clone(),
        _ => return Err(format!("bad country code {:?}", parts[at])),
    };
    let phrase = parse_phrase(
        &parts[..at].join(" "),
        Dialect::Petrarch,
        Endings::None,
        true,
    )
    .ok_or("empty name")?;
    Ok(Seat {
        phrase,
        country,
        restriction,
    })
}

fn span(r: Option<Restriction>) -> Option<(Date, Date)> {
    let lo = Date::from_ymd(1, 1, 1)?;
    let hi = Date::from_ymd(9999, 12, 31)?;
    Some(match r? {
        Restriction::Until(d) => (lo, d),
        Restriction::From(d) => (d, hi),
        Restriction::Between(a, b) => (a, b),
    })
}

fn parse_role(value: &str) -> Result<(ActorCodes, Option<Restriction>), String> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [code, from, to] = parts[..] else {
        return Err("role needs CODE FROM TO (dates YYYY-MM-DD or '-')".into());
    };
    if !code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        || code.len() < 3
    {
        return Err(format!("bad actor code {code:?}"));
    }
    let date = |s: &str| -> Result<Option<Date>, String> {
        if s == "-" {
            return Ok(None);
        }
        let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
        ok.then(|| Date::parse(s))
            .flatten()
            .map(Some)
            .ok_or_else(|| format!("bad date {s:?} (expected YYYY-MM-DD or '-')"))
    };
    let (from, to) = (date(from)?, date(to)?);
    let restriction = match (from, to) {
        (None, None) => None,
        (Some(a), None) => Some(Restriction::From(a)),
        (None, Some(b)) => Some(Restriction::Until(b)),
        (Some(a), Some(b)) if a <= b => Some(Restriction::Between(a, b)),
        _ => return Err("role ends before it starts".into()),
    };
    Ok((ActorCodes::Codes(vec![code.into()]), restriction))
}

#[cfg(test)]
mod tests {
    use crate::{ActorCodes, Loader};
    use statecraft_text::Date;

    #[test]
    fn overlay_roles_and_errors() {
        let text = "\
actor: Ahmed al-Sharaa        # src: test
alias: Abu Mohammad al-Jolani # src: test
role: SYRREB 2017-01-28 2024-12-07  # src: test
role: SYRGOV 2024-12-08 -           # src: test
actor: No Source
role: SYRGOV 2020-01-01 2020-02-30 # src: test
role: SYRGOV 2016-01-01 2018-01-01 # src: test
";
        let mut l = Loader::new();
        l.actors(
            "AHMED_AL_SHARAA [SYRELI]\nSYRIA [SYR]\n",
            "base",
            crate::Dialect::Petrarch,
        );
        l.overlay(text, "o.txt");
        let (dict, errors) = l.finish();
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "o.txt:5: missing '# src: <citation>' comment",
                "o.txt:6: bad date \"2020-02-30\" (expected YYYY-MM-DD or '-')",
                "o.txt:7: role overlaps an earlier role of this actor",
            ]
        );
        // The base entry with the same phrase is replaced.
        assert_eq!(dict.actors.len(), 2);
        let sharaa = dict.actors.last().unwrap();
        let code = |d: &str| match sharaa.schedule.at(Date::parse(d).unwrap()) {
            ActorCodes::Codes(c) => c[0].to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(code("2024-12-07"), "SYRREB");
        assert_eq!(code("2024-12-08"), "SYRGOV");
        assert_eq!(code("2010-01-01"), "Null");
    }

    #[test]
    fn unlist_removes_a_base_phrase_only() {
        let base = "TANZIM_ [MEAREB]\n+ORGANIZATION_\n\nWORLD_TRADE_ORGANIZATION_ [IGOBUSWTO]\n";
        let names = |overlay: &str| {
            let mut l = Loader::new();
            l.actors(base, "base", crate::Dialect::Petrarch);
            l.overlay(overlay, "o.txt");
            let (dict, errors) = l.finish();
            assert!(errors.is_empty(), "{errors:?}");
            let mut names: Vec<String> = dict
                .actors
                .iter()
                .flat_map(|a| a.phrases.iter().map(|p| p.display()))
                .collect();
            names.sort();
            names
        };
        assert_eq!(
            names(""),
            ["ORGANIZATION", "TANZIM", "WORLD_TRADE_ORGANIZATION"]
        );
        assert_eq!(
            names("unlist: organization  # src: test\n"),
            ["TANZIM", "WORLD_TRADE_ORGANIZATION"]
        );
        let mut l = Loader::new();
        l.overlay("unlist:   # src: test\n", "o.txt");
        let msgs: Vec<String> = l.finish().1.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs, ["o.txt:1: empty name"]);
    }
}
