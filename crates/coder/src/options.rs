//! Coding options: TABARI `.options` commands and PETRARCH config
//! switches, with the defaults of each tool.

/// How many events a sentence may yield.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeBy {
    /// The first event of each conjunction-delimited clause (TABARI default).
    Clause,
    /// The first event of the sentence.
    Sentence,
    /// Every event.
    All,
}

/// Lengths (in words) of comma-delimited clauses that are dropped before
/// coding: initial (`b`), internal and final (`e`). A clause is dropped
/// when `min <= words <= max` for its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaLimits {
    /// Internal clause minimum.
    pub min: usize,
    /// Internal clause maximum.
    pub max: usize,
    /// Initial clause minimum.
    pub bmin: usize,
    /// Initial clause maximum.
    pub bmax: usize,
    /// Final clause minimum.
    pub emin: usize,
    /// Final clause maximum.
    pub emax: usize,
    /// `COMMA: OFF`.
    pub off: bool,
}

/// TABARI `COMPLEX:` conditions; a sentence meeting any is not coded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Complexity {
    /// `VERBS[n]`: n or more verbs.
    pub verbs: Option<usize>,
    /// `ACTORS[n]`.
    pub actors: Option<usize>,
    /// `PRONOUNS[n]`.
    pub pronouns: Option<usize>,
    /// `CONJ[n]`: n or more clause-splitting conjunctions.
    pub conj: Option<usize>,
    /// `COMMA[n]`: n or more dropped comma clauses.
    pub comma: Option<usize>,
    /// `LATEVERB[n]`.
    pub lateverb: Option<usize>,
    /// `NOACTPRIOR`: no actor before the first coded verb.
    pub noactprior: bool,
    /// `NOACTAFTER`.
    pub noactafter: bool,
    /// `NOVERB`.
    pub noverb: bool,
    /// `NOSOURCE`.
    pub nosource: bool,
    /// `NOTARGET`.
    pub notarget: bool,
    /// `NOEVENT`.
    pub noevent: bool,
}

/// Options in force while coding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Events per clause, sentence or all.
    pub code_by: CodeBy,
    /// Sentences with fewer words (commas count) are not coded.
    pub min_words: usize,
    /// Comma-clause elimination.
    pub comma: CommaLimits,
    /// Complexity filter.
    pub complex: Complexity,
    /// `DEFAULT: SOURCE [code]`.
    pub default_source: Option<String>,
    /// `PRIOR`: use the default source whenever no actor precedes the verb.
    pub default_source_prior: bool,
    /// `DEFAULT: TARGET [code]`.
    pub default_target: Option<String>,
    /// `AFTER`: use the default target whenever no actor follows the verb.
    pub default_target_after: bool,
    /// `SET: CONVERT AGENTS`: lone agents become actors (`~MIL`).
    pub convert_agents: bool,
    /// `SET: TIME SHIFTING`: `<TIME>` phrases move the event date.
    pub time_shift: bool,
    /// `FORWARD:`: pronouns at the start of a record refer back to the
    /// previous record of the same story.
    pub forward: Option<Forward>,
    /// PETRARCH `require_dyad`: events need both a source and a target.
    pub require_dyad: bool,
    /// PETRARCH conventions: `---` for unknown countries of agents, and an
    /// unresolved target written as `---`.
    pub petrarch: bool,
    /// PETRARCH `new_actor_length` (kept for completeness; statecraft does
    /// not invent actors from raw noun phrases in this mode).
    pub new_actor_length: usize,
    /// statecraft's reading of news prose on top of PETRARCH conventions:
    /// intentions code as CAMEO intent events, statements are subordinate,
    /// comma clauses with verbs are kept, names recur within a story,
    /// events between a country and itself or an unknown actor are dropped.
    pub statecraft: bool,
}

/// Positions of the story and sentence serial numbers in a record id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Forward {
    /// Character range of the story number.
    pub story: (usize, usize),
    /// Character range of the sentence number.
    pub sentence: (usize, usize),
}

impl Forward {
    /// Parses a TABARI sequence format such as `^^*****NNN*SSS` (`^` are
    /// blanks before the id and do not count).
    pub fn parse(fmt: &str) -> Option<Forward> {
        let fmt: String = fmt.chars().filter(|&c| c != '^').collect();
        let range = |ch: char| {
            let s = fmt.find(ch)?;
            let len = fmt[s..].chars().take_while(|&c| c == ch).count();
            Some((s, s + len))
        };
        Some(Forward {
            story: range('N')?,
            sentence: range('S')?,
        })
    }

    /// `(story, sentence)` numbers of a record id.
    pub fn numbers(&self, id: &str) -> Option<(String, u32)> {
        let story = id.get(self.story.0..self.story.1)?.to_string();
        let sentence = id
            .get(self.sentence.0..self.sentence.1)?
            .trim()
            .parse()
            .ok()?;
        Some((story, sentence))
    }
}

impl Options {
    /// TABARI's defaults (manual, chapter 8).
    pub fn tabari() -> Options {
        Options {
            code_by: CodeBy::Clause,
            min_words: 8,
            comma: CommaLimits {
                min: 2,
                max: 10,
                bmin: 128,
                bmax: 0,
                emin: 2,
                emax: 10,
                off: false,
            },
            complex: Complexity::default(),
            default_source: None,
            default_source_prior: false,
            default_target: None,
            default_target_after: false,
            convert_agents: false,
            time_shift: false,
            forward: None,
            require_dyad: true,
            petrarch: false,
            new_actor_length: 0,
            statecraft: false,
        }
    }

    /// PETRARCH-1's defaults (`PETR_config.ini`).
    pub fn petrarch() -> Options {
        Options {
            min_words: 0,
            comma: CommaLimits {
                min: 2,
                max: 8,
                bmin: 0,
                bmax: 0,
                emin: 2,
                emax: 8,
                off: false,
            },
            petrarch: true,
            ..Options::tabari()
        }
    }

    /// statecraft's own defaults for news prose: TABARI clause coding
    /// without the eight-word minimum (news sentences are complete).
    pub fn statecraft() -> Options {
        Options {
            min_words: 4,
            comma: CommaLimits {
                min: 2,
                max: 12,
                bmin: 1,
                bmax: 10,
                emin: 2,
                emax: 10,
                off: false,
            },
            statecraft: true,
            ..Options::petrarch()
        }
    }

    /// Applies one TABARI `.options` command. Unknown commands are
    /// ignored, as TABARI does; returns whether the command was understood.
    pub fn apply_tabari(&mut self, command: &str) -> bool {
        let command = command.trim();
        let Some((head, rest)) = command.split_once(':') else {
            return false;
        };
        let head = head.trim().to_ascii_uppercase();
        let rest = rest.trim();
        let upper = rest.to_ascii_uppercase();
        match head.get(..4).unwrap_or(&head) {
            "SET" => self.apply_set(&upper),
            "COMP" => {
                self.complex = parse_complex(&upper);
                true
            }
            "DEFA" => {
                self.apply_default(&upper);
                true
            }
            "COMM" => {
                self.apply_comma(&upper);
                true
            }
            "FORW" => {
                let mut words = upper.split_whitespace();
                let fmt = words.next().unwrap_or("");
                let off = upper.split_whitespace().any(|w| w == "OFF");
                self.forward = if off { None } else { Forward::parse(fmt) };
                true
            }
            "OUTP" | "LABE" | "NONE" => true,
            _ => false,
        }
    }

    fn apply_set(&mut self, s: &str) -> bool {
        let (key, value) = match s.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), v.trim().to_string()),
            None => (s.trim().to_string(), String::new()),
        };
        let truth = matches!(value.as_str(), "TRUE" | "T" | "YES" | "ON" | "1");
        let key_words: Vec<&str> = key.split_whitespace().collect();
        match key_words.as_slice() {
            ["CODE", "BY", "CLAUSE"] => self.code_by = CodeBy::Clause,
            ["CODE", "BY", "SENTENCE"] => self.code_by = CodeBy::Sentence,
            ["CODE", "ALL"] => self.code_by = CodeBy::All,
            ["MINIMUM", "WORDS"] | ["MIN", "WORDS"] => {
                if let Ok(n) = value.split_whitespace().next().unwrap_or("").parse() {
                    self.min_words = n;
                }
            }
            ["CONVERT", a] if a.starts_with("AGENT") => self.convert_agents = truth,
            ["TIME", s] if s.starts_with("SHIFT") => self.time_shift = truth,
            _ => return false,
        }
        true
    }

    fn apply_default(&mut self, s: &str) {
        if s.split_whitespace().next() == Some("OFF") {
            self.default_source = None;
            self.default_target = None;
            self.default_source_prior = false;
            self.default_target_after = false;
            return;
        }
        let code_after = |key: &str| -> Option<String> {
            let i = s.find(key)?;
            let rest = &s[i + key.len()..];
            let open = rest.find('[')?;
            let close = rest[open..].find(']')?;
            Some(rest[open + 1..open + close].trim().to_string())
        };
        if let Some(c) = code_after("SOURCE") {
            self.default_source = Some(c);
            let after_src = &s[s.find("SOURCE").unwrap_or(0)..];
            let seg = after_src.split("TARGET").next().unwrap_or("");
            self.default_source_prior = seg
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w == "PRIOR");
        }
        if let Some(c) = code_after("TARGET") {
            self.default_target = Some(c);
            let seg = &s[s.find("TARGET").unwrap_or(0)..];
            self.default_target_after = seg
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w == "AFTER");
        }
    }

    fn apply_comma(&mut self, s: &str) {
        if s.split_whitespace().next() == Some("OFF") {
            self.comma.off = true;
            return;
        }
        self.comma.off = false;
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        for (key, slot) in [
            ("BMIN=", &mut self.comma.bmin),
            ("BMAX=", &mut self.comma.bmax),
            ("EMIN=", &mut self.comma.emin),
            ("EMAX=", &mut self.comma.emax),
        ] {
            if let Some(v) = number_after(&compact, key) {
                *slot = v;
            }
        }
        // MIN= and MAX= alone (not preceded by B or E).
        for (key, slot) in [("MIN=", &mut self.comma.min), ("MAX=", &mut self.comma.max)] {
            let mut from = 0;
            while let Some(i) = compact[from..].find(key) {
                let at = from + i;
                let prev = compact[..at].chars().last();
                if !matches!(prev, Some('B' | 'E')) {
                    if let Some(v) = number_after(&compact[at..], key) {
                        *slot = v;
                    }
                    break;
                }
                from = at + key.len();
            }
        }
    }

    /// Applies a PETRARCH `<Config option=.. value=..>` switch.
    pub fn apply_petrarch(&mut self, option: &str, value: &str) -> bool {
        let truth = value.trim().eq_ignore_ascii_case("true");
        let num = value.trim().parse::<usize>().ok();
        match option.trim().to_ascii_lowercase().as_str() {
            "require_dyad" => self.require_dyad = truth,
            "new_actor_length" => self.new_actor_length = num.unwrap_or(0),
            "comma_min" => self.comma.min = num.unwrap_or(self.comma.min),
            "comma_max" => self.comma.max = num.unwrap_or(self.comma.max),
            "comma_bmin" => self.comma.bmin = num.unwrap_or(self.comma.bmin),
            "comma_bmax" => self.comma.bmax = num.unwrap_or(self.comma.bmax),
            "comma_emin" => self.comma.emin = num.unwrap_or(self.comma.emin),
            "comma_emax" => self.comma.emax = num.unwrap_or(self.comma.emax),
            _ => return false,
        }
        true
    }
}

fn number_after(s: &str, key: &str) -> Option<usize> {
    let i = s.find(key)?;
    let digits: String = s[i + key.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn parse_complex(s: &str) -> Complexity {
    let mut c = Complexity::default();
    for w in s.split_whitespace() {
        let (name, n) = match w.split_once('[') {
            Some((name, rest)) => (
                name,
                rest.trim_end_matches(']')
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n > 0),
            ),
            None => (w, None),
        };
        match name {
            "VERBS" => c.verbs = n,
            "ACTORS" => c.actors = n,
            "PRONOUNS" => c.pronouns = n,
            "CONJ" => c.conj = n,
            "COMMA" => c.comma = n,
            "LATEVERB" => c.lateverb = n,
            "NOACTPRIOR" => c.noactprior = true,
            "NOACTAFTER" => c.noactafter = true,
            "NOVERB" => c.noverb = true,
            "NOSOURCE" => c.nosource = true,
            "NOTARGET" => c.notarget = true,
            "NOEVENT" => c.noevent = true,
            _ => {}
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_commands() {
        let mut o = Options::tabari();
        for cmd in [
            "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN",
            "SET: CODE BY SENTENCE",
            "SET: MINIMUM WORDS = 4",
            "SET: CONVERT AGENT = TRUE",
            "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER",
            "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8",
            "FORWARD: ^^*****NNN*SSS",
        ] {
            assert!(o.apply_tabari(cmd), "{cmd}");
        }
        assert_eq!(o.complex.verbs, Some(5));
        assert_eq!(o.complex.conj, Some(4));
        assert!(o.complex.noactprior);
        assert_eq!(o.code_by, CodeBy::Sentence);
        assert_eq!(o.min_words, 4);
        assert!(o.convert_agents);
        assert_eq!(o.default_source.as_deref(), Some("DEFSRC"));
        assert!(o.default_source_prior && o.default_target_after);
        assert_eq!(
            o.comma,
            CommaLimits {
                min: 4,
                max: 6,
                bmin: 3,
                bmax: 8,
                emin: 3,
                emax: 6,
                off: false
            }
        );
        assert_eq!(
            o.forward.as_ref().unwrap().numbers("FRWD-001-002"),
            Some(("001".into(), 2))
        );
        o.apply_tabari("DEFAULT: SOURCE [DEFSRC]  TARGET [DEFTAR] AFTER");
        assert!(!o.default_source_prior && o.default_target_after);
        o.apply_tabari("DEFAULT: OFF");
        assert!(o.default_source.is_none());
        o.apply_tabari("SET: CODE ALL");
        assert_eq!(o.code_by, CodeBy::All);
        o.apply_tabari("COMMA: OFF");
        assert!(o.comma.off);
    }
}
