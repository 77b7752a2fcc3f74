//! Stage `trials` of the statecraft reading: a trial is a court's act on
//! its defendant. The guide codes a trial in progress as court →
//! defendant (CAMEO 173, arrest, detain or charge with legal action),
//! and news names it by the noun alone: "the trial of Saddam Hussein
//! opened", "Milosevic went on trial", "the retrial of 16 police officers
//! began", "a Spanish court opened the trial of 20 Moroccans". No dictionary verb codes
//! these; the parse finds who is tried and, where the sentence names it,
//! by whom. A court the sentence does not name is that of the place the
//! trial is held (see [`crate::implied`] for the same rule on passives).

use statecraft_syntax::{Parse, Upos};

/// Nouns (lemmas) of a trial.
const TRIALS: &[&str] = &["trial", "retrial", "court-martial"];

/// Verbs whose object is a trial its subject undergoes: "stood trial",
/// "faces trial", "awaits trial".
const UNDERGO: &[&str] = &["stand", "face", "await", "undergo"];

/// Words before a trial that make it no court's ("a clinical trial", "a
/// trial run" is a noun after it and no defendant).
const NOT_COURT: &[&str] = &["clinical", "drug", "vaccine", "field", "free", "time"];

/// The words of a trial: who is tried, and the court that tries them
/// when the sentence names it as the subject of opening or holding it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trial {
    /// The word of the defendant.
    pub defendant: usize,
    /// The word of the court, if the parse gives one.
    pub court: Option<usize>,
}

/// Whether the upper-case token `tok` may be a trial noun: most sentences
/// need no parse for this stage.
pub(crate) fn may_be_trial(tok: &str) -> bool {
    let t = tok.trim_end_matches("'S");
    let t = t.strip_suffix('S').unwrap_or(t);
    TRIALS.iter().any(|n| n.eq_ignore_ascii_case(t))
}

/// The trial the noun at word `n` names, if the parse gives its defendant:
/// its "of" phrase or owner ("the trial of X", "X's trial"), the subject
/// of "on trial" ("X went on trial", "X is on trial"), or the subject of a
/// verb of undergoing it ("X will stand trial"). Pronouns name no one the
/// coder knows.
pub(crate) fn trial(p: &Parse, n: usize) -> Option<Trial> {
    let w = p.words();
    if w[n].upos != Upos::Noun || !TRIALS.contains(&w[n].lemma.to_lowercase().as_str()) {
        return None;
    }
    let modified_away = p
        .dependents(n)
        .any(|d| NOT_COURT.contains(&w[d].form.to_lowercase().as_str()));
    if modified_away {
        return None;
    }
    let not_pronoun = |d: &usize| w[*d].upos != Upos::Pron;
    let subject_of = |h: usize| {
        p.dependents(h)
            .find(|&d| w[d].deprel.starts_with("nsubj"))
            .filter(not_pronoun)
    };
    let head = p.head(n);
    let on = crate::arguments::case_is(p, n, "on");
    // "the trial of X", "X's trial".
    let owned = p.dependents(n).filter(not_pronoun).find(|&d| {
        w[d].deprel == "nmod:poss"
            || (w[d].deprel == "nmod" && crate::arguments::case_is(p, d, "of"))
    });
    let defendant = owned
        // "X is on trial": the copular noun's subject.
        .or_else(|| on.then(|| subject_of(n)).flatten())
        // "X went on trial": the verb's subject.
        .or_else(|| {
            head.filter(|_| on && w[n].deprel.starts_with("obl"))
                .and_then(subject_of)
        })
        // "X will stand trial".
        .or_else(|| {
            head.filter(|&h| {
                w[n].deprel == "obj" && UNDERGO.contains(&w[h].lemma.to_lowercase().as_str())
            })
            .and_then(subject_of)
        })?;
    // "A Spanish court opened the trial of X": the subject of the verb
    // whose object the trial is, when the defendant is named apart.
    let court = head
        .filter(|_| owned.is_some() && w[n].deprel == "obj")
        .and_then(subject_of)
        .filter(|&c| c != defendant);
    Some(Trial { defendant, court })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trial_nouns() {
        for (tok, want) in [
            ("TRIAL", true),
            ("TRIALS", true),
            ("RETRIAL", true),
            ("TRIAL'S", true),
            ("TRIBUNAL", false),
            ("TRY", false),
        ] {
            assert_eq!(may_be_trial(tok), want, "{tok}");
        }
    }
}
