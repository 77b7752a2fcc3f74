//! Stage `grammar` of the statecraft reading: the dependency parse of a
//! sentence ([`statecraft_syntax`]), seen through the coder's tokens.
//!
//! The coder's tokens (TABARI-style: upper case, hyphens split, character
//! offsets) and the parser's words (UD tokenisation, byte offsets) cut the
//! text differently; each token is given the parser's word that overlaps
//! it most, so the dictionary's matches can ask what the parse says of
//! them.

use statecraft_syntax::{Parse, Upos};
use statecraft_text::Token;

/// A sentence's parse, indexed by the coder's tokens.
pub(crate) struct Grammar {
    parse: Parse,
    /// The parser's word under each token, if one overlaps it.
    word_of: Vec<Option<usize>>,
}

impl Grammar {
    /// Parses `text` (one sentence) and aligns the parse with `toks`.
    pub(crate) fn new(text: &str, toks: &[Token]) -> Grammar {
        let parse = statecraft_syntax::parse(text);
        // Character offset of each byte offset that starts a character.
        let mut char_at = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, _) in text.char_indices() {
            char_at[b] = n;
            n += 1;
        }
        char_at[text.len()] = n;
        let spans: Vec<(usize, usize)> = parse
            .words()
            .iter()
            .map(|w| {
                let at = |b: usize| char_at.get(b).copied().unwrap_or(n);
                (at(w.start), at(w.end))
            })
            .collect();
        // Both are in text order: one pass with a moving first candidate.
        let mut from = 0;
        let word_of = toks
            .iter()
            .map(|t| {
                while from < spans.len() && spans[from].1 <= t.start {
                    from += 1;
                }
                let mut best: Option<(usize, usize)> = None;
                for (i, &(s, e)) in spans.iter().enumerate().skip(from) {
                    if s >= t.end {
                        break;
                    }
                    let overlap = e.min(t.end).saturating_sub(s.max(t.start));
                    if overlap > 0 && best.is_none_or(|(_, o)| overlap > o) {
                        best = Some((i, overlap));
                    }
                }
                best.map(|(i, _)| i)
            })
            .collect();
        Grammar { parse, word_of }
    }

    /// Whether the parse reads token `t` as something other than a
    /// predicate: a name, adjective, number or function word (the "State"
    /// of "Islamic State", "moderate"), or a noun that is a participant
    /// (subject, object, modifier: "Russian forces attacked", "the
    /// allies") and does not name an event ("talks", "negotiations",
    /// "visit"). Verbs and auxiliaries are predicates, and so is a noun
    /// the parse makes the head of a clause ("plans" misread as a noun at
    /// the root); a token the parse does not cover is given the benefit of
    /// the doubt.
    pub(crate) fn not_a_verb(&self, t: usize) -> bool {
        let Some(w) = self.word_of.get(t).copied().flatten() else {
            return false;
        };
        let word = &self.parse.words()[w];
        match word.upos {
            Upos::Verb | Upos::Aux => false,
            Upos::Noun => participant(word.deprel) && !eventive(&word.lemma),
            _ => true,
        }
    }
}

/// Whether a relation makes its word a participant of another word, not
/// the head of a clause.
fn participant(deprel: &str) -> bool {
    let base = deprel.split(':').next().unwrap_or(deprel);
    matches!(
        base,
        "nsubj" | "obj" | "iobj" | "obl" | "nmod" | "compound" | "appos" | "flat" | "conj"
    )
}

/// Nouns that name an event: "talks", "visit", "attack", and nouns made
/// from verbs ("negotiation", "withdrawal", "agreement", "bombing").
fn eventive(lemma: &str) -> bool {
    const EVENTS: &[&str] = &[
        "talk",
        "talks",
        "visit",
        "attack",
        "strike",
        "raid",
        "deal",
        "threat",
        "protest",
        "appeal",
        "demand",
        "call",
        "pledge",
        "ban",
        "bid",
        "offer",
        "plea",
        "claim",
        "charge",
        "aid",
        "support",
        "trip",
        "tour",
        "clash",
        "fight",
        "assault",
        "arrest",
        "release",
        "return",
        "veto",
        "boycott",
        "embargo",
        "sanction",
        "sanctions",
        "accord",
        "truce",
        "ceasefire",
        "cease-fire",
        "summit",
        "meeting",
        "vote",
        "rebuke",
        "praise",
        "blame",
        "warning",
        "request",
        "promise",
        "invitation",
        "response",
        "reply",
    ];
    let l = lemma.to_lowercase();
    EVENTS.contains(&l.as_str())
        || ["tion", "sion", "ment", "ing", "ance", "ence", "al", "ure"]
            .iter()
            .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each sentence, a token (upper case) and whether the parse reads it as
    /// a verb.
    #[test]
    fn verbs_by_the_parse() {
        let cases = [
            ("Russian forces attacked the town.", "FORCES", false),
            ("Russian forces attacked the town.", "ATTACKED", true),
            ("Fighting against Islamic State continued.", "STATE", false),
            ("The army forced civilians to leave.", "FORCED", true),
            (
                "Signs at the stadium entrance were removed.",
                "SIGNS",
                false,
            ),
            ("Iran signs the deal.", "SIGNS", true),
            // Nouns that name events stay predicates.
            (
                "Secret negotiations with Cuba led to ties.",
                "NEGOTIATIONS",
                true,
            ),
            (
                "Peace talks between Khartoum and the rebels resumed.",
                "TALKS",
                true,
            ),
            ("The allies of Syria met.", "ALLIES", false),
        ];
        for (text, token, verb) in cases {
            let toks = statecraft_text::tokenize(text);
            let t = toks.iter().position(|t| t.text == token).unwrap();
            let g = Grammar::new(text, &toks);
            assert_eq!(!g.not_a_verb(t), verb, "{text:?} {token}");
        }
    }
}
