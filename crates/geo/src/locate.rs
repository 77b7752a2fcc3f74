//! Finding where an event happened, in stages: the places its sentence
//! names or points at (the nearest to the verb that hangs on it), else the
//! headline's place, else the home of an actor bound to its country, else
//! the story's dateline.

use crate::attach::{attached, char_byte, on_noun, Hang};
use crate::dateline::Dateline;
use crate::gazetteer::{Gazetteer, Place};
use crate::unnamed::{self, Kind, Unnamed};
use crate::words::{
    choose, choose_within, context, display, mentions, words, Context, Mention, Word, BEARINGS,
    DIRECTIONAL,
};
use statecraft_syntax::Parse;
use statecraft_types::{Feature, Location, LocationSource};

/// The nation a word names, as the caller's dictionaries know it: "Iraqi"
/// → `IRQ`.
pub type Nations<'a> = &'a dyn Fn(&str) -> Option<String>;

/// What [`locate`] needs of an event. Spans are character offsets in
/// `text`, as in coded events.
#[derive(Clone, Copy, Default)]
pub struct Event<'a> {
    /// The event's sentence.
    pub text: &'a str,
    /// The source actor's words.
    pub source: Option<[usize; 2]>,
    /// The target actor's words.
    pub target: Option<[usize; 2]>,
    /// The verb's words.
    pub verb: Option<[usize; 2]>,
    /// The countries (ISO alpha-3, or `IGO` and the like) of the source
    /// and the target, which decide between places of one name.
    pub countries: [Option<&'a str>; 2],
    /// The source's and the target's full actor codes (`IRQCRM`), whose
    /// roles tell a party bound to its own country (a court, the police,
    /// rebels, kidnappers) from one that acts abroad.
    pub codes: [Option<&'a str>; 2],
    /// The sentence's dependency parse, when the caller has one: a place
    /// then counts only where it attaches to the event's predicate ("shot
    /// five Palestinians in Gaza"), not to a noun ("the war in Iraq").
    pub parse: Option<&'a Parse>,
    /// The CAMEO code, or its root ("01" … "20"): it tells a remote act (a
    /// statement, a threat, a sanction) from one done where its target is,
    /// and an act of force, whose object may be the place it struck.
    pub cameo: Option<&'a str>,
    /// The nations that words name ("Iraqi", "Russian"), when the caller
    /// knows them: "near the Iraqi city" is then in Iraq.
    pub nations: Option<Nations<'a>>,
}

impl std::fmt::Debug for Event<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Event")
            .field("text", &self.text)
            .field("source", &self.source)
            .field("target", &self.target)
            .field("verb", &self.verb)
            .field("countries", &self.countries)
            .field("codes", &self.codes)
            .field("parse", &self.parse.is_some())
            .field("cameo", &self.cameo)
            .field("nations", &self.nations.is_some())
            .finish()
    }
}

/// CAMEO roots of acts done from where their source is, at a distance:
/// statements, appeals, intentions, demands, criticism, rejections,
/// threats and cuts in relations. (Diplomatic cooperation, 05, is not:
/// agreements are signed and embassies opened somewhere.)
const REMOTE: &[&str] = &["01", "02", "03", "10", "11", "12", "13", "16"];

/// Codes of a remote root that are done where a court sits: a lawsuit and
/// a verdict (115, 116).
const IN_COURT: &[&str] = &["115", "116"];

/// CAMEO roots of acts of force: a show of force, coercion (arrests,
/// blockades, seizures), assault, fighting and mass violence. Their object
/// may be the place struck ("invaded Iraq", "shelled Gaza").
const FORCE: &[&str] = &["15", "17", "18", "19", "20"];

/// What an unnamed place phrase that says only its nation's country was
/// taken to mean.
const NATION_ONLY: &str = "the country its adjective names";

/// Roles bound to their own country: courts, police, rebels, insurgents,
/// separatists, criminals and unidentified gunmen act where they are.
/// (Governments and armies travel and strike abroad.)
const HOME_BOUND: &[&str] = &["JUD", "COP", "REB", "INS", "SEP", "CRM", "UAF"];

/// Whether an event of this CAMEO code (or root) is a remote act, done
/// from where its source is: statements, appeals, intentions, demands,
/// criticism, rejections, threats and cuts in relations (roots 01–03,
/// 10–13, 16), but not a lawsuit or a verdict (115, 116), given in court.
///
/// ```
/// use statecraft_geo::is_remote;
/// assert!(is_remote(Some("112")) && is_remote(Some("01")));
/// assert!(!is_remote(Some("116")) && !is_remote(Some("190")) && !is_remote(None));
/// ```
pub fn is_remote(cameo: Option<&str>) -> bool {
    cameo.is_some_and(|c| {
        REMOTE.contains(&c.get(..2).unwrap_or(c)) && !IN_COURT.iter().any(|k| c.starts_with(k))
    })
}

/// Whether an event of this code is an act of force (roots 15, 17–20).
fn is_force(cameo: Option<&str>) -> bool {
    cameo.is_some_and(|c| FORCE.contains(&c.get(..2).unwrap_or(c)))
}

/// What a story says of places outside its sentences: the headline's
/// places ("Musharraf visits Afghanistan", "US troops move toward
/// Fallujah") and the dateline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryPlaces {
    /// The headline's place in a locative phrase or as what was visited.
    title: Option<(String, Place)>,
    /// Every place the headline names, in order, with its name as
    /// written: what "the city" of a sentence may point at.
    named: Vec<(String, Place)>,
    /// Where the story was filed.
    dateline: Option<Dateline>,
}

impl StoryPlaces {
    /// Reads a story's headline and its dateline (the text before the
    /// dash, as the wire stage cuts it), either of which may be missing.
    pub fn read(g: &Gazetteer, title: Option<&str>, dateline: Option<&str>) -> StoryPlaces {
        let mut story = StoryPlaces {
            dateline: dateline.and_then(|d| Dateline::read(g, d)),
            ..StoryPlaces::default()
        };
        let Some(title) = title else {
            return story;
        };
        let words = words(title);
        for m in mentions(g, &words) {
            let Some(place) = choose(g, &m.key, &[]) else {
                continue;
            };
            let surface: Vec<&str> = words[m.first..=m.last].iter().map(|w| w.text).collect();
            let name = display(&surface.join(" "), place);
            if story.title.is_none() && context(&words, m.first).is_some() {
                story.title = Some((name.clone(), place.clone()));
            }
            story.named.push((name, place.clone()));
        }
        story
    }

    /// The dateline, if the story has one that names a place.
    pub fn dateline(&self) -> Option<&Dateline> {
        self.dateline.as_ref()
    }
}

fn location(
    name: String,
    place: &Place,
    span: Option<[usize; 2]>,
    source: LocationSource,
) -> Location {
    Location {
        name,
        country: place.country.clone(),
        feature: place.feature,
        adm1: place.adm1.clone(),
        lat: place.point.map(|p| p.0),
        lon: place.point.map(|p| p.1),
        geonames_id: place.geonames_id,
        span,
        source,
    }
}

/// Whether `text` names or points at a place in a locative phrase or as
/// what was visited ("in Najaf", "near the Iraqi city"): only then does
/// [`locate`] read the parse (a caller can skip parsing the others).
pub fn names_place(g: &Gazetteer, text: &str) -> bool {
    let words = words(text);
    let found = mentions(g, &words);
    found.iter().any(|m| context(&words, m.first).is_some())
        || unnamed::phrases(&words, &found)
            .iter()
            .any(|u| context(&words, u.first).is_some())
}

/// Where `event` happened: the place its sentence names or points at in a
/// locative phrase, as what was visited, or as what an act of force struck,
/// nearest the verb (a place after the verb before one as far before it);
/// never the source's own words (a capital standing for its government).
/// Failing that, the headline's place; the country of a party bound to it
/// (a court's verdict, rebels' attack); the story's `dateline`.
pub fn locate(g: &Gazetteer, event: &Event<'_>, story: &StoryPlaces) -> Option<Location> {
    explain(g, event, story).location
}

/// A place of a sentence, named ("Najaf") or pointed at ("the Iraqi
/// city"), as [`explain`] weighed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate<'g> {
    /// Its words.
    pub words: String,
    /// Character offsets of the words in the sentence.
    pub span: [usize; 2],
    /// How it stands: `"locative"` ("in", "near", "city of", "north of"),
    /// `"visit"` ("visited", "a trip to"), `"object"` (what an act of force
    /// struck: "invaded Iraq"), or `None` (no place then).
    pub context: Option<&'static str>,
    /// Whether it hangs on the event's predicate in the parse (`None` when
    /// there is no parse or no verb, or the context already ruled it out).
    pub attached: Option<bool>,
    /// Whether it hangs there only through the predicate's subject ("US
    /// forces in Fallujah offer food"): then a place of the predicate's
    /// own phrases outranks it.
    pub on_subject: bool,
    /// The gazetteer's best place of this name for the event, if any.
    pub place: Option<&'g Place>,
    /// For words that point at a place without naming it, what they were
    /// taken to mean ("the headline's city").
    pub refers: Option<&'static str>,
    /// How far from the verb it stands (a place before the verb counts
    /// double), when it is a candidate.
    pub distance: Option<usize>,
}

/// Why an event is placed where it is: every place of its sentence and
/// the choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation<'g> {
    /// The sentence's places, named or pointed at, in text order.
    pub candidates: Vec<Candidate<'g>>,
    /// The location [`locate`] gives.
    pub location: Option<Location>,
    /// The rule that decided.
    pub why: &'static str,
}

/// One sentence as the stage reads it for one event.
struct Reading<'e, 'g> {
    g: &'g Gazetteer,
    event: &'e Event<'e>,
    story: &'g StoryPlaces,
    words: Vec<Word<'e>>,
    found: Vec<Mention>,
    phrases: Vec<Unnamed>,
    /// The event's countries and the dateline's.
    countries: Vec<&'e str>,
    /// The countries the sentence names, by the index of their mention.
    named: Vec<(usize, &'g str)>,
    remote: bool,
}

impl<'e, 'g> Reading<'e, 'g>
where
    'g: 'e,
{
    fn new(g: &'g Gazetteer, event: &'e Event<'e>, story: &'g StoryPlaces) -> Self {
        let words = words(event.text);
        let found = mentions(g, &words);
        let phrases = unnamed::phrases(&words, &found);
        // Countries the sentence names help to tell places apart ("Najaf,
        // Iraq"), but not the name being told apart ("Georgia").
        let mut countries: Vec<&str> = event.countries.iter().flatten().copied().collect();
        let mut named = Vec::new();
        for (i, m) in found.iter().enumerate() {
            if let Some((p, true)) = g.lookup_key(&m.key).next() {
                if p.feature == Feature::Country {
                    named.push((i, p.country.as_str()));
                }
            }
        }
        if let Some(d) = &story.dateline {
            countries.push(&d.place.country);
        }
        Reading {
            g,
            event,
            story,
            words,
            found,
            phrases,
            countries,
            named,
            remote: is_remote(event.cameo),
        }
    }

    /// Words `first..=last` as a span and their text.
    fn span(&self, first: usize, last: usize) -> ([usize; 2], &'e str) {
        let span = [self.words[first].start, self.words[last].end];
        let text = self.event.text;
        (
            span,
            &text[char_byte(text, span[0])..char_byte(text, span[1])],
        )
    }

    /// How the phrase starting at word `first` stands: after a locative
    /// preposition or a verb of visiting; or, for an act of force, right
    /// after its verb ("invaded Iraq", "shelled the town").
    fn context(&self, first: usize) -> Option<&'static str> {
        match context(&self.words, first) {
            Some(Context::Locative) => return Some("locative"),
            Some(Context::Visit) => return Some("visit"),
            None => {}
        }
        let verb = self.event.verb?;
        let mut before = first.checked_sub(1)?;
        if self.words[first].after_stop {
            return None;
        }
        if self.words[before].lower() == "the" && !self.words[before].after_stop {
            before = before.checked_sub(1)?;
        }
        (is_force(self.event.cameo) && self.words[before].end == verb[1]).then_some("object")
    }

    /// Whether the words at `span` hang on the predicate (`None` when that
    /// cannot be asked, or need not be: an object is the verb's own).
    fn attached(&self, span: [usize; 2], context: &str) -> Option<Hang> {
        let (p, v) = (self.event.parse?, self.event.verb?);
        if context == "object" {
            return None;
        }
        let text = self.event.text;
        let bytes = |c: [usize; 2]| [char_byte(text, c[0]), char_byte(text, c[1])];
        Some(attached(p, bytes(span), bytes(v), !self.remote))
    }

    /// How far the words at `span` stand from the verb.
    fn distance(&self, span: [usize; 2]) -> usize {
        match self.event.verb {
            Some(v) if span[0] >= v[1] => span[0] - v[1],
            Some(v) => 2 * v[0].saturating_sub(span[1]),
            None => span[0],
        }
    }

    /// The place names of the sentence as candidates. A name in apposition
    /// to an unnamed place phrase stands as the phrase does ("in the Kazakh
    /// capital Astana").
    fn named(&self) -> Vec<Candidate<'g>> {
        let mut out = Vec::with_capacity(self.found.len());
        for m in &self.found {
            let (span, surface) = self.span(m.first, m.last);
            let apposition = self
                .phrases
                .iter()
                .find(|u| u.named && u.noun + 1 == m.first);
            // A name among an unnamed phrase's modifiers names the place
            // if it is of the phrase's kind, and stands as the phrase does
            // ("in east Congo's lawless Ituri province"); else it is the
            // phrase's nation or a mere modifier ("the Kazakh capital").
            let owner = self
                .phrases
                .iter()
                .find(|u| u.modifiers().contains(&m.first));
            let context = match owner {
                Some(u) if self.names_phrase(m, u) => self.context(u.first),
                Some(_) => None,
                None => self
                    .context(m.first)
                    .or_else(|| apposition.and_then(|u| self.context(u.first))),
            };
            let mut c = Candidate {
                words: surface.to_string(),
                span,
                context,
                attached: None,
                on_subject: false,
                place: None,
                refers: None,
                distance: None,
            };
            if let Some(context) = context {
                let hang = self.attached(span, context);
                c.attached = hang.map(|h| h != Hang::No);
                c.on_subject = hang == Some(Hang::Subject);
                c.place = choose_within(self.g, &m.key, &self.countries_but(m), self.within(m));
            }
            if c.place.is_some() && c.attached != Some(false) {
                c.distance = Some(self.distance(span));
            }
            out.push(c);
        }
        out
    }

    /// The event's, the dateline's and the sentence's countries, but for
    /// the one mention `m` names itself.
    fn countries_but(&self, m: &Mention) -> Vec<&str> {
        let mut out = self.countries.clone();
        for &(i, c) in &self.named {
            if self.found[i].first != m.first {
                out.push(c);
            }
        }
        out
    }

    /// The country or division named right after `m` and a comma
    /// ("Paris, Texas", "Najaf, Iraq"), which the place `m` names lies in.
    fn within(&self, m: &Mention) -> Option<&'g Place> {
        let next = self.found.iter().find(|n| n.first == m.last + 1)?;
        if !self.words[next.first].after_stop {
            return None;
        }
        self.g
            .lookup_key(&next.key)
            .find(|(p, own)| *own && matches!(p.feature, Feature::Country | Feature::Adm1))
            .map(|(p, _)| p)
    }

    /// Whether the name `m` among the modifiers of `u` is the place `u`
    /// speaks of: a region in "the western Darfur region", a town in "the
    /// border town Rafah".
    fn names_phrase(&self, m: &Mention, u: &Unnamed) -> bool {
        self.g.lookup_key(&m.key).next().is_some_and(|(p, _)| {
            matches!(
                (u.kind, p.feature),
                (Kind::Region, Feature::Adm1) | (Kind::City, Feature::City)
            )
        })
    }

    /// The unnamed place phrases of the sentence as candidates, each
    /// resolved to the place it points at.
    fn unnamed(&self) -> Vec<Candidate<'g>> {
        let mut out = Vec::new();
        let named = |u: &Unnamed| {
            u.named
                || self
                    .found
                    .iter()
                    .any(|m| u.modifiers().contains(&m.first) && self.names_phrase(m, u))
        };
        for u in self.phrases.iter().filter(|u| !named(u)) {
            let Some(context) = self.context(u.first) else {
                continue;
            };
            let (span, surface) = self.span(u.first, u.noun);
            let hang = self.attached(span, context);
            let attached = hang.map(|h| h != Hang::No);
            let referent = self.refer(u, span);
            let distance =
                (referent.is_some() && attached != Some(false)).then(|| self.distance(span));
            out.push(Candidate {
                words: surface.to_string(),
                span,
                context: Some(context),
                attached,
                on_subject: hang == Some(Hang::Subject),
                place: referent.map(|r| r.0),
                refers: referent.map(|r| r.1),
                distance,
            });
        }
        out
    }

    /// The nation an unnamed phrase's modifiers name: a country's name
    /// ("the Sierra Leone capital") or an adjective ("the Iraqi city").
    fn nation(&self, u: &Unnamed) -> Option<String> {
        u.modifiers().find_map(|k| {
            let named = self.found.iter().find(|m| m.first <= k && k <= m.last);
            let country = named.and_then(|m| {
                self.g
                    .lookup_key(&m.key)
                    .find(|(p, own)| *own && p.feature == Feature::Country)
            });
            if let Some((p, _)) = country {
                return Some(p.country.clone());
            }
            let w = &self.words[k];
            let nations = self.event.nations?;
            nations(w.text).filter(|c| w.capitalised() && self.g.country(c).is_some())
        })
    }

    /// The place an unnamed phrase at `span` points at, and how it was
    /// found: a definite "the city" or "the region" is the one the
    /// headline or the dateline names (in the nation its adjective names,
    /// if any); "the Afghan capital" is Afghanistan's capital; "the
    /// country" is the country of the actor it is, or the headline's; a
    /// plural or indefinite phrase says only its nation's country.
    /// Whether the country named at `span` stands for a part of it: after
    /// a bearing ("in eastern Congo", "north Iraq") or as the owner of a
    /// place ("Congo's Ituri province").
    fn names_a_part(&self, span: [usize; 2]) -> bool {
        let Some(first) = self.words.iter().position(|w| w.start == span[0]) else {
            return false;
        };
        let last = self
            .words
            .iter()
            .rposition(|w| w.end == span[1])
            .unwrap_or(first);
        let bearing = first > 0 && !self.words[first].after_stop && {
            let w = self.words[first - 1].lower();
            DIRECTIONAL.contains(&w.as_str()) || BEARINGS.contains(&w.as_str())
        };
        let text = self.event.text;
        let after = &text[char_byte(text, span[1])..];
        let owner = self.words[last].text.ends_with("'s")
            || self.words[last].text.ends_with("’s")
            || after.starts_with('\'')
            || after.starts_with('’');
        bearing || owner
    }

    fn refer(&self, u: &Unnamed, span: [usize; 2]) -> Option<(&'g Place, &'static str)> {
        let g = self.g;
        let nation = self.nation(u);
        let agrees = |p: &Place| nation.as_deref().is_none_or(|n| p.country == n);
        let story = self.story;
        let headline = |feature: Feature| {
            story
                .named
                .iter()
                .find(|(_, p)| p.feature == feature && agrees(p))
                .map(|(_, p)| p)
        };
        let country = || -> Option<(&'g Place, &'static str)> {
            Some((g.country(nation.as_deref()?)?, NATION_ONLY))
        };
        let one = u.definite && !u.plural;
        match u.kind {
            Kind::Capital if !u.plural => nation
                .as_deref()
                .and_then(|n| g.capital(n))
                .map(|p| (p, "the capital of the country its adjective names"))
                .or_else(|| {
                    one.then(|| headline(Feature::City))
                        .flatten()
                        .map(|p| (p, "the headline's city"))
                }),
            Kind::City if one => headline(Feature::City)
                .map(|p| (p, "the headline's city"))
                .or_else(|| {
                    let d = story.dateline.as_ref()?;
                    (d.place.feature == Feature::City && agrees(&d.place))
                        .then_some((&d.place, "the dateline's city"))
                })
                .or_else(country),
            Kind::Region if one => headline(Feature::Adm1)
                .map(|p| (p, "the headline's region"))
                .or_else(country),
            Kind::Country if one => {
                let overlaps =
                    |s: Option<[usize; 2]>| s.is_some_and(|s| s[0] < span[1] && span[0] < s[1]);
                let actor = [self.event.source, self.event.target]
                    .into_iter()
                    .zip(self.event.countries)
                    .find(|(s, _)| overlaps(*s))
                    .and_then(|(_, c)| g.country(c?));
                actor
                    .map(|p| (p, "the country of the actor it names"))
                    .or_else(|| headline(Feature::Country).map(|p| (p, "the headline's country")))
                    .or_else(country)
            }
            _ => country(),
        }
    }

    /// A country whose party in the event is bound to it (see
    /// [`HOME_BOUND`]) and is named in that party's own words: the source
    /// of an act of force ("Iraqi kidnappers seized ..."), or either party
    /// of a lawsuit or verdict ("a Yemeni court sentenced ..."). A country
    /// the coder lent the party from a neighbour ("insurgents and American
    /// forces") does not count.
    fn home(&self) -> Option<&'g Place> {
        let g = self.g;
        let event = self.event;
        let bound = |code: Option<&str>, span: Option<[usize; 2]>| {
            let code = code?;
            let country = g.country(code.get(..3)?)?;
            let roles = code.get(3..)?.as_bytes().chunks(3);
            let bound = roles
                .map(|r| std::str::from_utf8(r).unwrap_or_default())
                .any(|r| HOME_BOUND.contains(&r));
            (bound && self.names_country(span?, &country.country)).then_some(country)
        };
        let cameo = event.cameo?;
        let [source, target] = event.codes;
        if IN_COURT.iter().any(|k| cameo.starts_with(k)) {
            bound(source, event.source).or_else(|| bound(target, event.target))
        } else if is_force(Some(cameo)) {
            bound(source, event.source)
        } else {
            None
        }
    }

    /// Whether the words at `span` name the country `iso3`, by its name
    /// or by an adjective ("Iraqi").
    fn names_country(&self, span: [usize; 2], iso3: &str) -> bool {
        let inside = |w: &Word<'_>| span[0] <= w.start && w.end <= span[1];
        let by_name = self.found.iter().any(|m| {
            inside(&self.words[m.first])
                && self
                    .g
                    .lookup_key(&m.key)
                    .any(|(p, own)| own && p.feature == Feature::Country && p.country == iso3)
        });
        by_name
            || self.event.nations.is_some_and(|nations| {
                self.words
                    .iter()
                    .filter(|w| inside(w) && w.capitalised())
                    .any(|w| nations(w.text).as_deref() == Some(iso3))
            })
    }
}

/// [`locate`], with the reasons: the places the sentence names or points
/// at, how each was weighed, and the rule that decided.
pub fn explain<'g>(g: &'g Gazetteer, event: &Event<'_>, story: &'g StoryPlaces) -> Explanation<'g> {
    let r = Reading::new(g, event, story);
    let mut candidates = r.named();
    candidates.extend(r.unnamed());
    candidates.sort_by_key(|c| c.span);
    let chosen = candidates
        .iter()
        .filter_map(|c| Some((c.distance?, c.place?, c)))
        // A name, or a pointer the story resolves, before words that say
        // only a country ("an Israeli town"); the predicate's own phrases
        // before its subject's; then the nearest.
        .min_by_key(|(d, _, c)| (c.refers == Some(NATION_ONLY), c.on_subject, *d));
    let best = chosen.map(|(_, place, c)| {
        let name = match c.refers {
            Some(_) => story
                .named
                .iter()
                .find(|(_, p)| p == place)
                .map_or_else(|| display(&place.name, place), |(n, _)| n.clone()),
            None => display(&c.words, place),
        };
        location(name, place, Some(c.span), LocationSource::Text)
    });
    let home = r.home();
    // "in eastern Congo", "Congo's Ituri province", "an Iraqi town": a part
    // of the country, which the dateline's city need not be in.
    let part = chosen.is_some_and(|(_, _, c)| c.refers.is_some() || r.names_a_part(c.span));
    let (location, why) = fallback(event, story, (best, &candidates), home, r.remote, part);
    Explanation {
        candidates,
        location,
        why,
    }
}

/// After the sentence: the headline's place, unless the act is remote and
/// the sentence names that place on a noun (among `candidates`, one not on
/// the predicate that modifies a noun: "condemned ... actions by Rwanda in
/// the DRC" under "UN demands Rwanda pull out forces in DRC"); a dateline's city for a country the text
/// names; a bound party's home; the dateline.
fn fallback(
    event: &Event<'_>,
    story: &StoryPlaces,
    (text, candidates): (Option<Location>, &[Candidate<'_>]),
    home: Option<&Place>,
    remote: bool,
    part: bool,
) -> (Option<Location>, &'static str) {
    let sentence = event.text;
    let bytes = |c: [usize; 2]| [char_byte(sentence, c[0]), char_byte(sentence, c[1])];
    let elsewhere = |place: &Place| {
        remote
            && candidates.iter().any(|c| {
                c.attached == Some(false)
                    && c.refers.is_none()
                    && c.place == Some(place)
                    && event.parse.is_some_and(|p| on_noun(p, bytes(c.span)))
            })
    };
    let dateline = story.dateline.as_ref();
    let filed = |d: &Dateline| location(d.name.clone(), &d.place, None, LocationSource::Dateline);
    let (said, why) = match (text, &story.title) {
        (Some(l), _) => (Some(l), "the sentence's place nearest the verb"),
        (None, Some((name, place))) if !elsewhere(place) => (
            Some(location(name.clone(), place, None, LocationSource::Text)),
            "the headline's place: the sentence names none",
        ),
        (None, Some(_)) => (
            None,
            "the headline's place is one the sentence gives to something else",
        ),
        (None, None) => (None, "no place in the sentence or the headline"),
    };
    if let Some(l) = said {
        // The headline's or the dateline's city is more specific than its
        // country ("BAGHDAD - ... fighting across Iraq").
        let country_only = l.feature == Feature::Country && !part;
        return match (dateline, &story.title) {
            (_, Some((name, place)))
                if country_only
                    && place.feature != Feature::Country
                    && place.country == l.country =>
            {
                (
                    Some(location(name.clone(), place, None, LocationSource::Text)),
                    "the headline's place, in the country the text names",
                )
            }
            (Some(d), _) if country_only && d.place.country == l.country => (
                Some(filed(d)),
                "the dateline's city, in the country the text names",
            ),
            _ => (Some(l), why),
        };
    }
    if let Some(home) = home {
        return match dateline {
            Some(d) if d.place.country == home.country => (
                Some(filed(d)),
                "the dateline's city, home of a party bound to its country",
            ),
            _ => (
                Some(location(
                    home.name.clone(),
                    home,
                    None,
                    LocationSource::Actor,
                )),
                "the home of a party bound to its country (a court, police, rebels)",
            ),
        };
    }
    // Where the story was filed, when nothing else says; but a foreign
    // state's remote act against the dateline's country was done from
    // abroad ("SEOUL - North Korea will not ... improve ties with South
    // Korea, Pyongyang said").
    let Some(d) = dateline else {
        return (
            None,
            "no place in the sentence or the headline, and no dateline",
        );
    };
    let [source, target] = event.countries;
    let from_abroad = remote
        && source.is_some_and(|s| s != d.place.country)
        && target == Some(d.place.country.as_str());
    if from_abroad {
        (
            None,
            "a foreign state's remote act against the dateline's country: done from abroad",
        )
    } else {
        (Some(filed(d)), "the dateline: nothing else says where")
    }
}
