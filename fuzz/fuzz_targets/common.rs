//! Shared by the dictionary targets: builds the phrase index of what was
//! loaded and looks up the words of the input in it, as the coder does.

use statecraft_dict::{Dictionary, Loader, PhraseIndex};

/// Finishes `loader`, builds the index and matches every entry whose first
/// word is found in the first few hundred tokens of `text`.
pub fn index_and_match(loader: Loader, text: &str) {
    let (dict, errors): (Dictionary, _) = loader.finish();
    for e in &errors {
        let _ = e.to_string();
    }
    let index = dict.index();
    let head: String = text.chars().take(4096).collect();
    let tokens = statecraft_text::tokenize(&head);
    let words: Vec<&str> = tokens.iter().take(512).map(|t| t.text.as_str()).collect();
    let mut scratch = Vec::new();
    let mut ids = Vec::new();
    let mut at = Vec::new();
    for i in 0..words.len() {
        ids.clear();
        index.first_word_matches(words[i], &mut scratch, &mut ids);
        for &id in ids.iter().take(64) {
            let entry = index.entry(id);
            let _ = entry.phrase.display();
            PhraseIndex::match_phrase_into(&entry.phrase, &words, i, &|_| false, &mut at);
        }
    }
}
