//! Event-data dictionaries: the TABARI, PETRARCH-1 and Phoenix formats as
//! they are, the project's own dated-actor overlay, and the compiled
//! matcher that finds their phrases in tokenised text.
//!
//! Loading never stops at a bad line: each one becomes a [`DictError`]
//! (`file:line: what is wrong`) and the rest of the file is read.
//!
//! ```
//! use statecraft_dict::{Dialect, Loader};
//! let mut loader = Loader::new();
//! loader.actors("GONDOR [GON]\nARNOR [ARN]\nBAD [GON\n", "demo.actors", Dialect::Tabari);
//! loader.verbs("RESTOR [064]\n- * TIES [064]\n", "demo.verbs", Dialect::Tabari);
//! let (dict, errors) = loader.finish();
//! assert_eq!(dict.actors.len(), 2);
//! assert_eq!(errors[0].to_string(), "demo.actors:3: missing ']' in code block");
//! ```

#![warn(missing_docs)]

mod bundled;
mod code;
mod index;
mod overlay;
mod pattern;
mod petrarch;
mod tabari;
mod word;

pub use bundled::{bundled, bundled_with, BUNDLED_FILES};
pub use code::{ActorCodes, AgentCode, AgentPlace, CodeSchedule, EventCode, Restriction};
pub use index::{Entry, EntryKind, PhraseIndex};
pub use pattern::{Elem, Item, Seq};
pub use word::{base_forms, Endings, Mode, Word};

/// Which tool's conventions a dictionary file follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// TABARI: unmarked words are stems; `_` ends a whole word; blanks in
    /// phrases allow words between.
    Tabari,
    /// PETRARCH and Phoenix: whole words with generated regular forms.
    Petrarch,
}

/// A malformed dictionary line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DictError {
    /// File label.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A sequence of dictionary words; `joined[i]` says word `i + 1` must
/// follow word `i` immediately.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phrase {
    /// The words.
    pub words: Vec<Word>,
    /// Adjacency between consecutive words (`len = words.len() - 1`).
    pub joined: Vec<bool>,
    /// How many tokens may separate unjoined words (TABARI: any number).
    pub max_gap: usize,
}

impl Phrase {
    /// The phrase as `A_B C` (underscore where joined).
    pub fn display(&self) -> String {
        let mut s = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(if self.joined[i - 1] { '_' } else { ' ' });
            }
            s.push_str(&w.text);
        }
        s
    }
}

/// An actor: its phrases (synonyms) and codes over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Synonymous phrases; the first is the parent name.
    pub phrases: Vec<Phrase>,
    /// Codes with date restrictions.
    pub schedule: CodeSchedule,
    /// Where it was defined.
    pub origin: (u32, u32),
}

/// An agent (a role noun such as `FOREIGN_MINISTER [~GOVFRM]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// Phrases, including explicit plurals.
    pub phrases: Vec<Phrase>,
    /// The code and where it attaches.
    pub code: AgentCode,
}

/// What a verb entry is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbKind {
    /// An event verb.
    Event,
    /// A TABARI `<TIME>` phrase; codes are day offsets such as `-7`.
    Time,
    /// A TABARI `<ATTRIB>` phrase.
    Attribution,
}

/// A verb (or time/attribution phrase) with its forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// Root and irregular forms.
    pub forms: Vec<Phrase>,
    /// Code when no pattern matches.
    pub code: EventCode,
    /// Index of the pattern block in [`Dictionary::blocks`].
    pub block: u32,
    /// Event, time or attribution.
    pub kind: VerbKind,
    /// The file that listed it, as an index into [`Dictionary::files`]: a
    /// verb listed again by a later file (an overlay) takes that file's
    /// code where no pattern matches.
    pub file: u32,
}

/// A verb pattern, split at the verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb, in text order.
    pub upper: Seq,
    /// Elements after the verb.
    pub lower: Seq,
    /// Whether the last upper element must touch the verb.
    pub upper_joined: bool,
    /// Whether the verb must touch the first lower element.
    pub verb_joined: bool,
    /// The code.
    pub code: EventCode,
    /// TABARI length: characters of literal text.
    pub length: u32,
    /// The pattern as written, for evidence.
    pub source: Box<str>,
    /// Whole words the pattern cannot match without (outside alternatives
    /// and synsets): a cheap filter before the full match.
    pub required: Vec<Box<str>>,
    /// The verbs of its block (indices into [`Dictionary::verbs`]) the
    /// pattern was written for, where its comment names them (PETRARCH:
    /// `- $ * + [046]  # RECEIVE <ELH ...>` in the block of GET, WIN and
    /// RECEIVE; a British spelling, CRITICISE, is the same verb); empty
    /// when it names none.
    pub written_for: Vec<u32>,
}

impl Pattern {
    /// Whether the pattern has no content words of its own: only actor
    /// slots, the verb, and prepositions or particles (`$ * +`, `* TO +`).
    /// The verb is all such a pattern says.
    pub fn bare(&self) -> bool {
        self.upper
            .0
            .iter()
            .chain(&self.lower.0)
            .all(|i| match &i.elem {
                Elem::Source | Elem::Target | Elem::Compound => true,
                Elem::Word(w) => FUNCTION_WORDS.contains(&&*w.text),
                _ => false,
            })
    }
}

/// Prepositions and particles: a pattern of these and actor slots says no
/// more than its verb.
const FUNCTION_WORDS: &[&str] = &[
    "TO", "FOR", "WITH", "ON", "IN", "AT", "BY", "FROM", "OF", "AGAINST", "OVER", "ABOUT", "INTO",
    "AS", "THAT", "UP", "DOWN", "OUT", "OFF", "BACK",
];

/// Patterns shared by the verbs of a block, longest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// Patterns sorted by length, longest first; ties keep file order.
    pub patterns: Vec<Pattern>,
}

/// A named synonym set usable in patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    /// Name without `&`.
    pub name: Box<str>,
    /// Member sequences.
    pub members: Vec<Seq>,
}

/// A discard phrase: sentences (or whole stories) containing it are not
/// coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    /// The phrase.
    pub phrase: Phrase,
    /// `+` entries discard the whole story.
    pub story: bool,
}

/// An issue phrase (content analysis).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The phrase.
    pub phrase: Phrase,
    /// Issue code; empty for `~` ignore phrases.
    pub code: Box<str>,
    /// Category from `<ISSUE CATEGORY=..>`.
    pub category: Box<str>,
    /// An ignore phrase cancels issue coding for the sentence.
    pub ignore: bool,
}

/// Everything loaded from a set of dictionary files.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    /// Actors.
    pub actors: Vec<Actor>,
    /// Agents.
    pub agents: Vec<Agent>,
    /// Verbs, time and attribution phrases.
    pub verbs: Vec<Verb>,
    /// Pattern blocks.
    pub blocks: Vec<Block>,
    /// Synsets.
    pub synsets: Vec<Synset>,
    /// Explicit nouns (`<NOUN>` sections).
    pub nouns: Vec<Phrase>,
    /// Explicit adjectives.
    pub adjectives: Vec<Phrase>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// Issue phrases.
    pub issues: Vec<Issue>,
    /// TABARI `.options` command lines, in order.
    pub options: Vec<String>,
    /// File labels, indexed by `Actor::origin.0` and [`Verb::file`].
    pub files: Vec<String>,
    /// Seats of government: cities that stand for their country's
    /// government when news makes them act (statecraft overlay `seat:`).
    pub seats: Vec<Seat>,
}

/// A city that stands for its country's government when it acts ("Tehran
/// dismissed the allegation", "talks between Khartoum and the rebels"),
/// over the dates it was the seat.
///
/// ```
/// use statecraft_dict::Loader;
/// use statecraft_text::Date;
/// let mut l = Loader::new();
/// l.overlay("seat: Rangoon MMR - 2005-11-05  # src: a gazetteer\n", "s.overlay.txt");
/// let (dict, errors) = l.finish();
/// assert!(errors.is_empty());
/// let seat = &dict.seats[0];
/// assert_eq!(&*seat.country, "MMR");
/// assert!(seat.in_force(Date::from_ymd(2004, 9, 1).unwrap()));
/// assert!(!seat.in_force(Date::from_ymd(2006, 1, 1).unwrap()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    /// The city's name.
    pub phrase: Phrase,
    /// The country code (`SDN`).
    pub country: Box<str>,
    /// When it was the seat; `None` for always.
    pub restriction: Option<Restriction>,
}

impl Seat {
    /// Whether the city was the seat of government on `date`.
    pub fn in_force(&self, date: statecraft_text::Date) -> bool {
        self.restriction.is_none_or(|r| r.contains(date))
    }
}

impl Dictionary {
    /// Builds the phrase index used to find entries in text.
    pub fn index(&self) -> PhraseIndex {
        PhraseIndex::build(self)
    }
}

/// Reads dictionary files into one [`Dictionary`], collecting errors.
#[derive(Default)]
pub struct Loader {
    dict: Dictionary,
    errors: Vec<DictError>,
}

impl Loader {
    /// An empty loader.
    pub fn new() -> Loader {
        Loader::default()
    }

    fn file_id(&mut self, file: &str) -> u32 {
        self.dict.files.push(file.to_string());
        (self.dict.files.len() - 1) as u32
    }

    /// Adds an actors file (TABARI or PETRARCH/Phoenix format).
    pub fn actors(&mut self, text: &str, file: &str, dialect: Dialect) -> &mut Self {
        let id = self.file_id(file);
        tabari::read_actors(text, file, id, dialect, &mut self.dict, &mut self.errors);
        self
    }

    /// Adds an agents file. Its phrases replace the same phrases of the
    /// files loaded before it (an overlay corrects a base role).
    pub fn agents(&mut self, text: &str, file: &str, dialect: Dialect) -> &mut Self {
        let before = self.dict.agents.len();
        match dialect {
            Dialect::Tabari => tabari::read_agents(text, file, &mut self.dict, &mut self.errors),
            Dialect::Petrarch => {
                petrarch::read_agents(text, file, &mut self.dict, &mut self.errors)
            }
        }
        let mine: std::collections::HashSet<String> = self.dict.agents[before..]
            .iter()
            .flat_map(|a| a.phrases.iter().map(Phrase::display))
            .collect();
        if before > 0 && !mine.is_empty() {
            for a in &mut self.dict.agents[..before] {
                a.phrases.retain(|p| !mine.contains(&p.display()));
            }
            self.dict.agents.retain(|a| !a.phrases.is_empty());
        }
        self
    }

    /// Adds a verbs file: TABARI `.verbs` or PETRARCH verb patterns.
    pub fn verbs(&mut self, text: &str, file: &str, dialect: Dialect) -> &mut Self {
        let id = self.file_id(file);
        match dialect {
            Dialect::Tabari => tabari::read_verbs(text, file, id, &mut self.dict, &mut self.errors),
            Dialect::Petrarch => {
                petrarch::read_verbs(text, file, id, &mut self.dict, &mut self.errors)
            }
        }
        self
    }

    /// Adds a PETRARCH/Phoenix discard list.
    pub fn discards(&mut self, text: &str, file: &str) -> &mut Self {
        petrarch::read_discards(text, file, &mut self.dict, &mut self.errors);
        self
    }

    /// Adds a PETRARCH/Phoenix issues file.
    pub fn issues(&mut self, text: &str, file: &str) -> &mut Self {
        petrarch::read_issues(text, file, &mut self.dict, &mut self.errors);
        self
    }

    /// Adds a TABARI `.options` file (kept as command lines).
    pub fn options(&mut self, text: &str, file: &str) -> &mut Self {
        tabari::read_options(text, file, &mut self.dict, &mut self.errors);
        self
    }

    /// Adds a statecraft overlay; its actors replace base entries with the
    /// same phrase.
    pub fn overlay(&mut self, text: &str, file: &str) -> &mut Self {
        let id = self.file_id(file);
        overlay::read_overlay(text, file, id, &mut self.dict, &mut self.errors);
        self
    }

    /// Records an error found outside the readers.
    pub fn push_error(&mut self, e: DictError) -> &mut Self {
        self.errors.push(e);
        self
    }

    /// The dictionary and the errors found.
    pub fn finish(self) -> (Dictionary, Vec<DictError>) {
        (self.dict, self.errors)
    }
}

/// Decodes a dictionary file: UTF-8 where valid, Windows-1252 for lines
/// that are not (the CAMEO verbs file has one such byte), by the same
/// rule as story readers ([`statecraft_text::decode_legacy`]).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes
            .split(|&b| b == b'\n')
            .map(|line| statecraft_text::decode_legacy(line).0)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Iterates over the lines of a file with 1-based numbers, without `\r`,
/// and with 0x1A (old DOS end-of-file) bytes removed.
pub(crate) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    text.split('\n').enumerate().map(|(i, l)| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        (i + 1, l.replace('\u{1a}', ""))
    })
}

/// Rejoins TreeBank-split contractions (`DID N'T`, `GOVERNMENT 'S`) as
/// they appear in PETRARCH dictionaries, since we tokenise raw text.
pub(crate) fn glue_contractions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, w) in text.split(' ').enumerate() {
        let clitic = w.eq_ignore_ascii_case("n't") || (w.starts_with('\'') && w.len() > 1);
        if i > 0 && !clitic {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Builds a phrase from dictionary text. `terminal` gives the endings the
/// final word accepts when it is a whole word.
pub(crate) fn parse_phrase(
    raw: &str,
    dialect: Dialect,
    terminal: Endings,
    spaces_join: bool,
) -> Option<Phrase> {
    let raw = raw.trim().replace('-', "_");
    let mut words = Vec::new();
    let mut joined = Vec::new();
    for chunk in raw.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').collect();
        let n = parts.len();
        for (k, part) in parts.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            let terminated = k + 1 < n; // an '_' follows
            let (p, tilde) = match part.strip_suffix('~') {
                Some(r) => (r, true),
                None => (*part, false),
            };
            let (p, no_endings) = match p.strip_suffix('=') {
                Some(r) => (r, true),
                None => (p, false),
            };
            let text = pattern::normalize_word(p);
            if text.is_empty() {
                continue;
            }
            if !words.is_empty() {
                // Whether this word is joined to the previous one: an '_'
                // between them within the chunk, or a blank in dialects
                // where blanks join.
                joined.push(k > 0 || spaces_join);
            }
            let mode = match dialect {
                Dialect::Tabari if tilde || !(terminated || no_endings) => Mode::Stem,
                _ if no_endings => Mode::Exact(Endings::None),
                _ => Mode::Exact(Endings::None),
            };
            words.push(Word::new(&text, mode));
        }
    }
    let last = words.last_mut()?;
    // The final whole word takes the regular endings, unless marked '='.
    if last.mode == Mode::Exact(Endings::None) && !raw.trim_end_matches('_').ends_with('=') {
        last.mode = Mode::Exact(terminal);
    }
    // PETRARCH phrases sit inside one noun phrase: allow a couple of
    // modifiers between their words, not half a sentence as TABARI does.
    let max_gap = if dialect == Dialect::Petrarch {
        2
    } else {
        usize::MAX
    };
    Some(Phrase {
        words,
        joined,
        max_gap,
    })
}
