//! Codes attached to dictionary entries: event codes for verbs, actor
//! codes with date restrictions, agent codes.

use statecraft_text::Date;

/// What a verb phrase produces.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EventCode {
    /// `[---]`: the phrase is not coded.
    Null,
    /// `[###]`: the sentence is discarded.
    Discard,
    /// `[+++]`: the sentence is too complex to code.
    Complex,
    /// A real code.
    Event {
        /// The code as written, e.g. `"064"`; leading zeros matter.
        code: Box<str>,
        /// `[032:033]`: the reverse event's code.
        paired: Option<Box<str>>,
        /// `[023?]`: only coded when nothing else in the clause is.
        subordinate: bool,
        /// `[031!]`: suppresses the non-dominant events of the sentence.
        dominant: bool,
    },
}

impl EventCode {
    /// Parses the inside of `[...]`.
    ///
    /// ```
    /// use statecraft_dict::EventCode;
    /// assert_eq!(EventCode::parse("- - -"), Some(EventCode::Null));
    /// assert!(matches!(EventCode::parse("032:033"), Some(EventCode::Event { paired: Some(_), .. })));
    /// assert!(matches!(EventCode::parse("023?"), Some(EventCode::Event { subordinate: true, .. })));
    /// assert!(matches!(EventCode::parse("111!"), Some(EventCode::Event { dominant: true, .. })));
    /// assert_eq!(EventCode::parse(""), None);
    /// ```
    pub fn parse(inner: &str) -> Option<EventCode> {
        let compact: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
        match compact.as_str() {
            "" => return None,
            "---" => return Some(EventCode::Null),
            "###" => return Some(EventCode::Discard),
            "+++" => return Some(EventCode::Complex),
            _ => {}
        }
        let mut s = compact.as_str();
        let mut subordinate = false;
        let mut dominant = false;
        loop {
            if let Some(r) = s.strip_suffix('?') {
                subordinate = true;
                s = r;
            } else if let Some(r) = s.strip_suffix('!') {
                dominant = true;
                s = r;
            } else {
                break;
            }
        }
        let (code, paired) = match s.split_once(':') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        let valid = |c: &str| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric());
        if !valid(code) || paired.is_some_and(|p| !valid(p)) {
            return None;
        }
        Some(EventCode::Event {
            code: code.into(),
            paired: paired.map(Into::into),
            subordinate,
            dominant,
        })
    }

    /// The primary code, if this produces events.
    pub fn code(&self) -> Option<&str> {
        match self {
            EventCode::Event { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// What an actor phrase resolves to on one date.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ActorCodes {
    /// One or more codes; several make a coded compound (`[FRO/BIL/SAM]`).
    Codes(Vec<Box<str>>),
    /// `[---]`: not an actor (the phrase becomes a noun).
    Null,
    /// `[###]`: discard the sentence.
    Discard,
    /// `[+++]`: the sentence is too complex.
    Complex,
}

impl ActorCodes {
    fn parse(code: &str) -> Option<ActorCodes> {
        let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        Some(match compact.as_str() {
            "" => return None,
            "---" => ActorCodes::Null,
            "###" => ActorCodes::Discard,
            "+++" => ActorCodes::Complex,
            s => {
                let parts: Vec<Box<str>> = s
                    .split('/')
                    .filter(|p| !p.is_empty())
                    .map(Into::into)
                    .collect();
                if parts.is_empty()
                    || parts
                        .iter()
                        .any(|p| !p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                {
                    return None;
                }
                ActorCodes::Codes(parts)
            }
        })
    }
}

/// When a restricted code applies; bounds are inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Restriction {
    /// `<date`: on or before.
    Until(Date),
    /// `>date`: on or after.
    From(Date),
    /// `date-date`: between, inclusive.
    Between(Date, Date),
}

impl Restriction {
    /// Whether `date` satisfies the restriction.
    pub fn contains(self, date: Date) -> bool {
        match self {
            Restriction::Until(d) => date <= d,
            Restriction::From(d) => date >= d,
            Restriction::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// An actor's codes over time: restricted codes tried in order, then the
/// default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeSchedule {
    /// `(restriction, code)` in dictionary order.
    pub restricted: Vec<(Restriction, ActorCodes)>,
    /// The unrestricted code, if any.
    pub default: Option<ActorCodes>,
    /// For a date no restriction covers and without a default: the
    /// country every restricted code shares (`IRQ` of `IRQ <20030320`,
    /// `IRQOCC 20030320-20060520`, `IRQ >20060520`), since the actor's
    /// country is certain even where the dictionary leaves a gap.
    gap: Option<ActorCodes>,
}

impl CodeSchedule {
    /// The code in force on `date`: the first satisfied restriction, else
    /// the default, else the null code (as TABARI and PETRARCH do).
    ///
    /// ```
    /// use statecraft_dict::{ActorCodes, CodeSchedule};
    /// use statecraft_text::Date;
    /// let mut s = CodeSchedule::default();
    /// s.add_block("HOB < 950601").unwrap();
    /// s.add_block("HOBGOV 950601 - 990815").unwrap();
    /// s.add_block("HOBREB >990816").unwrap();
    /// let at = |d| match s.at(Date::parse_compact(d).unwrap()) { ActorCodes::Codes(c) => c[0].to_string(), o => format!("{o:?}") };
    /// assert_eq!(at("950601"), "HOB"); // inclusive, and the first match wins
    /// assert_eq!(at("990815"), "HOBGOV");
    /// assert_eq!(at("20010101"), "HOBREB");
    /// ```
    pub fn at(&self, date: Date) -> &ActorCodes {
        self.restricted
            .iter()
            .find(|(r, _)| r.contains(date))
            .map(|(_, c)| c)
            .or(self.default.as_ref())
            .or_else(|| self.gap.as_ref().filter(|_| self.in_gap(date)))
            .unwrap_or(&ActorCodes::Null)
    }

    /// Whether `date` falls between two restrictions, after one ends and
    /// before another starts: a hole in the schedule, not before or after
    /// the actor's time.
    fn in_gap(&self, date: Date) -> bool {
        let ended = self.restricted.iter().any(|(r, _)| match *r {
            Restriction::Until(d) | Restriction::Between(_, d) => d < date,
            Restriction::From(_) => false,
        });
        let starts = self.restricted.iter().any(|(r, _)| match *r {
            Restriction::From(d) | Restriction::Between(d, _) => d > date,
            Restriction::Until(_) => false,
        });
        ended && starts
    }

    /// Whether any code is set.
    pub fn is_empty(&self) -> bool {
        self.restricted.is_empty() && self.default.is_none()
    }

    /// Adds one `[...]` block (without brackets): `CODE`, `CODE <date`,
    /// `CODE >date` or `CODE date-date`, dates `YYMMDD` or `YYYYMMDD`.
    pub fn add_block(&mut self, block: &str) -> Result<(), String> {
        let block = block.trim();
        if block.is_empty() {
            return Err("empty code block []".into());
        }
        // Split the code from the restriction at the first '<', '>' or digit-run after white space.
        let (code, restriction) = split_restriction(block);
        let code_str = code.trim();
        if code_str.is_empty() {
            return Err(format!(
                "code block [{block}] has a date restriction but no code"
            ));
        }
        let Some(code) = ActorCodes::parse(code_str) else {
            return Err(format!("bad actor code {code_str:?} in [{block}]"));
        };
        match restriction {
            None => {
                if self.default.is_none() {
                    self.default = Some(code);
                }
                Ok(())
            }
            Some(r) => {
                let r = parse_restriction(r)
                    .ok_or_else(|| format!("bad date restriction in [{block}]"))?;
                self.gap = shared_country(&code, self.restricted.is_empty(), self.gap.take());
                self.restricted.push((r, code));
                Ok(())
            }
        }
    }
}

/// The country `code` names (a single code of a three-letter country and
/// roles), kept as the gap code while every restricted code shares it.
fn shared_country(code: &ActorCodes, first: bool, gap: Option<ActorCodes>) -> Option<ActorCodes> {
    let ActorCodes::Codes(parts) = code else {
        return None;
    };
    let [one] = parts.as_slice() else {
        return None;
    };
    let country = one
        .get(..3)
        .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()))?;
    let mine = ActorCodes::Codes(vec![country.into()]);
    if first || gap.as_ref() == Some(&mine) {
        Some(mine)
    } else {
        None
    }
}

fn split_restriction(block: &str) -> (&str, Option<&str>) {
    if let Some(i) = block.find(['<', '>']) {
        return (&block[..i], Some(&block[i..]));
    }
    // "CODE 950601-990815": the restriction starts at the first token that
    // begins with a digit, after the code.
    let mut start = None;
    for (i, c) in block.char_indices() {
        if c.is_whitespace() {
            if let Some(rest) = block.get(i..) {
                let t = rest.trim_start();
                if t.starts_with(|c: char| c.is_ascii_digit()) {
                    start = Some(block.len() - t.len());
                    break;
                }
            }
        }
    }
    match start {
        Some(i) => (&block[..i], Some(&block[i..])),
        None => (block, None),
    }
}

fn parse_restriction(r: &str) -> Option<Restriction> {
    let compact: String = r.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(d) = compact.strip_prefix('<') {
        return Date::parse_compact(d).map(Restriction::Until);
    }
    if let Some(d) = compact.strip_prefix('>') {
        return Date::parse_compact(d).map(Restriction::From);
    }
    let (a, b) = compact.split_once('-')?;
    let (a, b) = (Date::parse_compact(a)?, Date::parse_compact(b)?);
    Some(Restriction::Between(a.min(b), a.max(b)))
}

/// Where an agent's code goes relative to the actor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgentPlace {
    /// `~GOV`: after the actor code (`SYR` → `SYRGOV`).
    Suffix,
    /// `NGO~`: before it (`SYR` → `NGOSYR`).
    Prefix,
}

/// An agent's code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AgentCode {
    /// The code without `~`.
    pub code: Box<str>,
    /// Prefix or suffix.
    pub place: AgentPlace,
}

impl AgentCode {
    /// Parses `~GOV` or `NGO~` (blanks allowed).
    ///
    /// ```
    /// use statecraft_dict::{AgentCode, AgentPlace};
    /// assert_eq!(AgentCode::parse(" ~GOVFRM").unwrap().place, AgentPlace::Suffix);
    /// assert_eq!(&*AgentCode::parse("NGM~ ").unwrap().code, "NGM");
    /// assert!(AgentCode::parse("GOV").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<AgentCode> {
        let s = s.trim();
        let (code, place) = if let Some(c) = s.strip_prefix('~') {
            (c, AgentPlace::Suffix)
        } else if let Some(c) = s.strip_suffix('~') {
            (c, AgentPlace::Prefix)
        } else {
            return None;
        };
        let code = code.trim();
        (!code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric())).then(|| AgentCode {
            code: code.into(),
            place,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restriction_table() {
        let d = |s| Date::parse_compact(s).unwrap();
        let cases: &[(&str, &str, bool)] = &[
            ("SYRGOV 000610-000717", "000610", true),
            ("SYRGOV 000610-000717", "000717", true),
            ("SYRGOV 000610-000717", "000718", false),
            ("SYRGOV >000717", "000717", true),
            ("SYRGOV >000717", "000716", false),
            ("SYRGOV <000717", "000717", true),
            ("SYRGOV < 000717", "000718", false),
            ("HOBGOV 19950601 - 19990815", "990815", true),
            ("X 20100109-20100112", "20100110", true),
        ];
        for (block, date, want) in cases {
            let mut s = CodeSchedule::default();
            s.add_block(block).unwrap();
            assert_eq!(
                s.restricted[0].0.contains(d(date)),
                *want,
                "{block} @ {date}"
            );
        }
    }

    /// A hole between two restrictions whose codes share a country (the
    /// middle block was unreadable) resolves to that country; before the
    /// first and after the last there is nothing, as before.
    #[test]
    fn interior_gap_keeps_the_country() {
        let mut s = CodeSchedule::default();
        s.add_block("IRQ <20030320").unwrap();
        assert!(s.add_block("IRQOCC 1920030320-20060520").is_err());
        s.add_block("IRQ >20060520").unwrap();
        let at = |d: &str| s.at(Date::parse_compact(d).unwrap()).clone();
        assert_eq!(at("20040901"), ActorCodes::Codes(vec!["IRQ".into()]));
        let mut p = CodeSchedule::default();
        p.add_block("IRNGOV 090201-090930").unwrap();
        p.add_block("IRNGOVHLH >091201").unwrap();
        let at = |d: &str| p.at(Date::parse_compact(d).unwrap()).clone();
        assert_eq!(at("091101"), ActorCodes::Codes(vec!["IRN".into()]));
        assert_eq!(at("080101"), ActorCodes::Null);
        assert_eq!(at("091201"), ActorCodes::Codes(vec!["IRNGOVHLH".into()]));
        let mut m = CodeSchedule::default();
        m.add_block("IRQ <20030320").unwrap();
        m.add_block("SYR >20060520").unwrap();
        let at = |d: &str| m.at(Date::parse_compact(d).unwrap()).clone();
        assert_eq!(at("20040901"), ActorCodes::Null, "no shared country");
    }

    #[test]
    fn bad_blocks_are_errors() {
        for b in [
            "950601-990815",
            "AAA950601-990815x",
            "KORGOVBUS 2004017-20061201",
            "",
            "A >99x",
        ] {
            let mut s = CodeSchedule::default();
            assert!(s.add_block(b).is_err(), "{b}");
        }
    }

    #[test]
    fn no_match_and_no_default_is_null() {
        let mut s = CodeSchedule::default();
        s.add_block("ONO <911226").unwrap();
        assert_eq!(
            s.at(Date::parse_compact("950101").unwrap()),
            &ActorCodes::Null
        );
    }
}
