//! Shared by the reader targets: checks what a reader returned.

use statecraft_text::read::MAX_STORY_BYTES;
use statecraft_text::{split_sentences, tokenize, Batch};

/// Every story the reader returns is within the size limit and can be
/// split into sentences and tokenised (as the coder will), and every
/// diagnostic can be displayed.
pub fn batch(batch: &Batch) {
    for story in batch.stories() {
        assert!(story.text.len() <= MAX_STORY_BYTES);
        for s in split_sentences(&story.text) {
            let _ = tokenize(&story.text[s.start..s.end]);
        }
    }
    for d in &batch.diagnostics {
        let _ = d.to_string();
    }
}
