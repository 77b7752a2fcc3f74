//! The states the model knows: codes, names, capitals and UN membership.
//!
//! The table is `data/world/states.tsv`, the project's own (see
//! `data/world/SOURCES.md`), compiled into the binary.

use crate::WorldError;
use statecraft_types::{ActorCode, Date};
use std::collections::HashMap;
use std::sync::OnceLock;

/// One state.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct State {
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// CAMEO country code: the state's key in the store and in events.
    pub cameo: String,
    /// Correlates of War numeric code.
    pub cow: Option<u32>,
    /// Correlates of War abbreviation.
    pub cow_abb: Option<String>,
    /// Common English short name.
    pub name: String,
    /// Date of admission to the United Nations; `None` for non-members.
    pub un_admission: Option<Date>,
    /// Capital city.
    pub capital: String,
    /// Other names: formal, former and abbreviated.
    pub aliases: Vec<String>,
}

impl State {
    /// Whether the state was a UN member on `date`.
    pub fn un_member(&self, date: Date) -> bool {
        self.un_admission.is_some_and(|d| d <= date)
    }
}

/// A table of states, looked up by any code or name.
///
/// ```
/// use statecraft_world::States;
/// let states = States::bundled();
/// assert_eq!(states.get("Republic of Korea").unwrap().cameo, "KOR");
/// assert_eq!(states.get("kor").unwrap().name, "South Korea");
/// assert_eq!(states.get("732").unwrap().cameo, "KOR"); // COW code
/// assert_eq!(states.from_actor(&"SYRGOV".into()).unwrap().capital, "Damascus");
/// ```
#[derive(Debug)]
pub struct States {
    list: Vec<State>,
    by_key: HashMap<String, usize>,
    by_cow: HashMap<u32, usize>,
    by_cameo: HashMap<String, usize>,
}

const BUNDLED: &str = include_str!("../../../data/world/states.tsv");
const HEADER: &str = "iso3\tcameo\tcow\tcow_abb\tname\tun_admission\tcapital\taliases";

impl States {
    /// The bundled table.
    pub fn bundled() -> &'static States {
        static STATES: OnceLock<States> = OnceLock::new();
        STATES.get_or_init(|| States::parse(BUNDLED, "data/world/states.tsv").expect("bundled"))
    }

    /// Parses a table in the bundled layout.
    pub fn parse(tsv: &str, label: &str) -> Result<States, WorldError> {
        let mut lines = tsv.lines().enumerate();
        match lines.next() {
            Some((_, h)) if h.trim_end() == HEADER => {}
            _ => {
                return Err(WorldError::at(
                    label,
                    1,
                    format!("header must be `{HEADER}`"),
                ))
            }
        }
        let mut list = Vec::new();
        for (i, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |m: String| WorldError::at(label, i + 1, m);
            if f.len() != 8 {
                return Err(bad(format!("expected 8 fields, found {}", f.len())));
            }
            let cow = match f[2] {
                "" => None,
                s => Some(s.parse().map_err(|_| bad(format!("bad COW code `{s}`")))?),
            };
            let un_admission = match f[5] {
                "" => None,
                s => Some(Date::parse(s).ok_or_else(|| bad(format!("bad date `{s}`")))?),
            };
            list.push(State {
                iso3: f[0].to_string(),
                cameo: f[1].to_string(),
                cow,
                cow_abb: (!f[3].is_empty()).then(|| f[3].to_string()),
                name: f[4].to_string(),
                un_admission,
                capital: f[6].to_string(),
                aliases: f[7]
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            });
        }
        let mut by_key = HashMap::new();
        let mut by_cow = HashMap::new();
        let mut by_cameo = HashMap::new();
        for (i, s) in list.iter().enumerate() {
            by_cameo.insert(s.cameo.clone(), i);
            if let Some(c) = s.cow {
                by_cow.insert(c, i);
            }
        }
        // One pass per kind of key, so that a CAMEO or ISO code always wins
        // over another state's COW abbreviation (Montenegro's is `MNG`,
        // Mongolia's ISO code) or alias.
        let kinds: [fn(&State) -> Vec<&String>; 5] = [
            |s| vec![&s.cameo],
            |s| vec![&s.iso3],
            |s| s.cow_abb.iter().collect(),
            |s| vec![&s.name],
            |s| s.aliases.iter().collect(),
        ];
        for keys in kinds {
            for (i, s) in list.iter().enumerate() {
                for k in keys(s) {
                    by_key.entry(fold(k)).or_insert(i);
                }
            }
        }
        Ok(States {
            list,
            by_key,
            by_cow,
            by_cameo,
        })
    }

    /// Looks a state up by ISO or CAMEO code, COW code or abbreviation,
    /// name or alias, ignoring case.
    pub fn get(&self, key: &str) -> Option<&State> {
        let key = key.trim();
        if let Ok(n) = key.parse::<u32>() {
            return self.by_cow(n);
        }
        self.by_key.get(&fold(key)).map(|&i| &self.list[i])
    }

    /// Looks a state up by its CAMEO code only.
    pub fn by_cameo(&self, code: &str) -> Option<&State> {
        self.by_cameo.get(code).map(|&i| &self.list[i])
    }

    /// Looks a state up by its Correlates of War numeric code.
    pub fn by_cow(&self, code: u32) -> Option<&State> {
        self.by_cow.get(&code).map(|&i| &self.list[i])
    }

    /// The state an actor code belongs to: its first three letters as a
    /// CAMEO country code (`SYRGOV` → Syria). International and non-state
    /// codes (`IGO…`, `NGO…`) belong to none.
    pub fn from_actor(&self, actor: &ActorCode) -> Option<&State> {
        actor.country().and_then(|c| self.by_cameo(c))
    }

    /// The name of the state with CAMEO code `code`, or the code itself
    /// when no state has it.
    pub fn name_of(&self, code: &str) -> String {
        self.by_cameo(code)
            .map_or_else(|| code.to_string(), |s| s.name.clone())
    }

    /// Every state, in the table's order.
    pub fn all(&self) -> &[State] {
        &self.list
    }

    /// The UN members on `date`.
    pub fn un_members(&self, date: Date) -> impl Iterator<Item = &State> {
        self.list.iter().filter(move |s| s.un_member(date))
    }
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}
