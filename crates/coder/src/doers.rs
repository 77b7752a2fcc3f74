//! Stage `doers` of the statecraft reading: nouns that name the doer of an
//! act tell of the act itself. "The Iraqi kidnappers of two French
//! reporters demanded a ransom" reports a demand, and also that the
//! kidnappers hold the reporters (CAMEO 181, abduct or take hostage); the
//! guide codes events inside descriptive phrases ("the kidnappers of X")
//! like main-clause ones.
//!
//! The noun's actor is the source; the one it acted on is its "of" phrase
//! or its owner ("the reporters' kidnappers").

/// Nouns (lemmas) of a doer whose act has one reading, and its CAMEO code.
/// ("Killers" and "attackers" are left out: news names them mostly as
/// suspects, and the guide codes no alleged deed.)
const DOERS: &[(&str, &str)] = &[
    ("kidnapper", "181"),
    ("captor", "181"),
    ("abductor", "181"),
    ("hostage-taker", "181"),
];

/// The CAMEO code of the act a doer noun (its lemma, any case) names.
pub(crate) fn act_of(lemma: &str) -> Option<&'static str> {
    let lemma = lemma.to_lowercase();
    // The tagger may leave a plural unlemmatised.
    let singular = lemma.strip_suffix('s').unwrap_or(&lemma);
    DOERS
        .iter()
        .find(|(noun, _)| *noun == lemma || *noun == singular)
        .map(|&(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (lemma, code): doers of one act, and words that are not.
    #[test]
    fn doer_nouns() {
        let cases = [
            ("kidnapper", Some("181")),
            ("Kidnappers", Some("181")),
            ("captor", Some("181")),
            ("abductors", Some("181")),
            ("killer", None),
            ("attacker", None),
            ("reporter", None),
        ];
        for (lemma, want) in cases {
            assert_eq!(act_of(lemma), want, "{lemma}");
        }
    }
}
