//! Whether a place hangs on an event's predicate in the sentence's parse.

use crate::words::LOCATIVE;
use statecraft_syntax::Parse;

/// How a place hangs on an event's predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hang {
    /// Not at all: it is another clause's, or a noun's.
    No,
    /// Through the predicate's own phrases.
    Predicate,
    /// Through its subject ("US forces in Fallujah offer food"): where the
    /// doers are, which a place of the predicate's own outranks.
    Subject,
}

/// Whether the place whose words are the bytes `name` attaches to the
/// predicate at the bytes `verb`: up from the name's head through
/// locative and modifier relations (`obl`, `nmod`, `advmod`, `obj`,
/// `compound`, `flat`, `appos`, `conj`, `advcl`) to the predicate, or to a
/// verb it is the complement or conjunct of ("preparing ... to arrive in
/// China"). Only a physical act's place may be reached through a noun
/// ("at UN headquarters in New York", "bombed targets in the city of X");
/// a remote act's must hang on the predicate itself, never on a noun.
pub(crate) fn attached(p: &Parse, name: [usize; 2], verb: [usize; 2], through_nouns: bool) -> Hang {
    let Some(head) = head_of(p, name) else {
        return Hang::No;
    };
    attached_at(p, head, verb, through_nouns)
}

/// The head word of the words at the bytes `name`: the one whose head is
/// outside them.
fn head_of(p: &Parse, name: [usize; 2]) -> Option<usize> {
    let words = p.words();
    let within = |w: &statecraft_syntax::Word| w.start < name[1] && name[0] < w.end;
    let in_name: Vec<usize> = (0..words.len()).filter(|&i| within(&words[i])).collect();
    in_name
        .iter()
        .copied()
        .find(|&i| p.head(i).is_none_or(|h| !in_name.contains(&h)))
}

/// Whether the place whose words are the bytes `name` modifies a noun
/// other than a subject ("actions ... in the DRC", not "police in
/// Tehran"): its head word is an `nmod`, of a word that is no `nsubj`.
pub(crate) fn on_noun(p: &Parse, name: [usize; 2]) -> bool {
    let words = p.words();
    head_of(p, name).is_some_and(|h| {
        words[h].deprel.starts_with("nmod")
            && p.head(h)
                .is_none_or(|n| !words[n].deprel.starts_with("nsubj"))
    })
}

/// [`attached`] from the name's head word `head`.
fn attached_at(p: &Parse, head: usize, verb: [usize; 2], through_nouns: bool) -> Hang {
    let words = p.words();
    let within = |w: &statecraft_syntax::Word, s: [usize; 2]| w.start < s[1] && s[0] < w.end;
    let mut predicate: Vec<usize> = (0..words.len())
        .filter(|&i| within(&words[i], verb))
        .collect();
    for v in predicate.clone() {
        let base = words[v].deprel.split(':').next().unwrap_or_default();
        // A verb's complement or conjunct; an eventive noun's verb ("air
        // strikes killed two militants in Gaza").
        if matches!(base, "xcomp" | "conj" | "ccomp" | "advcl" | "nsubj") {
            predicate.extend(p.head(v));
        }
        predicate.extend(
            p.dependents(v)
                .filter(|&d| matches!(words[d].deprel.split(':').next(), Some("xcomp" | "conj"))),
        );
    }
    // "hold talks Monday in Rome", "spoke at a conference in Paris": a
    // place on a time or a place oblique of the predicate is the
    // predicate's too (not on "pushing for a ceasefire in Gaza").
    let on_oblique = |h: usize| {
        let w = &words[h];
        let time = matches!(w.deprel, "obl:tmod" | "obl:unmarked" | "obl:npmod");
        let place = w.deprel == "obl"
            && p.dependents(h).any(|d| {
                words[d].deprel == "case"
                    && LOCATIVE.contains(&words[d].form.to_lowercase().as_str())
            });
        (time || place) && p.head(h).is_some_and(|v| predicate.contains(&v))
    };
    let mut at = head;
    let mut via_subject = false;
    for step in 0..6 {
        let base = words[at].deprel.split(':').next().unwrap_or_default();
        // A physical act's place may be its subject's: "US forces in
        // Fallujah offer food".
        let subject = base == "nsubj" && step > 0 && through_nouns;
        via_subject |= subject;
        if !subject
            && !matches!(
                base,
                "obl"
                    | "nmod"
                    | "advmod"
                    | "obj"
                    | "compound"
                    | "flat"
                    | "appos"
                    | "conj"
                    | "advcl"
            )
        {
            return Hang::No;
        }
        // A remote act's place is on its predicate, not on a noun: "in
        // Iraq" of "criticised the war in Iraq" is the war's, however the
        // war hangs on the predicate.
        let nominal = matches!(base, "obl" | "nmod" | "obj");
        if step > 0 && nominal && !through_nouns {
            return Hang::No;
        }
        let hangs = match p.head(at) {
            Some(h) if predicate.contains(&h) => true,
            Some(h) if base == "nmod" && step == 0 && on_oblique(h) => true,
            Some(_) if base == "nmod" && !through_nouns => return Hang::No,
            Some(h) => {
                at = h;
                false
            }
            None => return Hang::No,
        };
        if hangs {
            return if via_subject {
                Hang::Subject
            } else {
                Hang::Predicate
            };
        }
    }
    Hang::No
}

/// The byte offset of character `c` of `text`.
pub(crate) fn char_byte(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}
