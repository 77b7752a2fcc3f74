//! Stage discard: a sentence naming one of the dictionaries' discard
//! phrases is not coded.

use super::{skip, Aside, Sentence};
use statecraft_dict::PhraseIndex;

/// Stage discard: sets the sentence aside when it names a discard phrase
/// of the dictionaries (PETRARCH lists).
pub(super) fn check(s: &Sentence<'_>) -> Result<(), Aside> {
    let (input, opts, texts) = (s.input, s.opts, s.texts);
    let (dict, discards) = (s.lexicon.dict, s.lexicon.discards);
    // Discard phrases (PETRARCH lists).
    // Phoenix discards a sentence naming any year from 1914 to 2013 as
    // history; in the statecraft reading a year no more than two before
    // the story is the news itself ("invaded in March 2003").
    let recent = |phrase: &str| {
        opts.statecraft
            && phrase.len() == 4
            && phrase
                .parse::<i32>()
                .is_ok_and(|y| y >= input.date.year() - 2)
    };
    let discard = (!dict.discards.is_empty())
        .then(|| discarded(texts, discards, &recent))
        .flatten();
    if let Some(phrase) = discard {
        skip(input, &format!("the dictionaries' discard phrase {phrase}"));
        return Err(Aside::Discarded);
    }
    Ok(())
}

/// The first discard phrase that occurs in the sentence.
fn discarded(
    texts: &[&str],
    discards: &PhraseIndex,
    exempt: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let mut ids = Vec::new();
    let (mut scratch, mut scratch_next) = (Vec::new(), Vec::new());
    let mut at = Vec::new();
    for i in 0..texts.len() {
        ids.clear();
        discards.candidates(
            texts[i],
            texts.get(i + 1).copied(),
            &mut scratch,
            &mut scratch_next,
            &mut ids,
        );
        if let Some(&id) = ids.iter().find(|&&id| {
            !exempt(&discards.entry(id).phrase.display())
                && PhraseIndex::match_phrase_into(
                    &discards.entry(id).phrase,
                    texts,
                    i,
                    &|_| false,
                    &mut at,
                )
        }) {
            return Some(discards.entry(id).phrase.display());
        }
    }
    None
}
