//! Reads arbitrary bytes as PETRARCH validation XML.
//!
//! Readers must never panic or hang, whatever the bytes: they return
//! diagnostics. The stories they return are also checked for the
//! invariants the coder relies on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let batch = statecraft_text::read::read_petrarch_xml(data, "fuzz.xml", Path::new("/nonexistent/base"));
    statecraft_fuzz_check(&batch);
});

/// Every story the reader returns can be split and tokenised, and no story
/// body is over the size limit.
fn statecraft_fuzz_check(batch: &statecraft_text::Batch) {
    for story in batch.stories() {
        assert!(story.text.len() <= statecraft_text::read::MAX_STORY_BYTES);
        for s in statecraft_text::split_sentences(&story.text) {
            let _ = statecraft_text::tokenize(&story.text[s.start..s.end]);
        }
    }
    for d in &batch.diagnostics {
        let _ = d.to_string();
    }
}
