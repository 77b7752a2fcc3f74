//! Reads arbitrary bytes as a pasted plain story.
//!
//! Readers must never panic or hang, whatever the bytes: they return
//! diagnostics. The stories they return are also checked (see
//! `checks.rs`).
#![no_main]

#[path = "checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let batch = statecraft_text::read::read_plain(data, "fuzz.txt");
    checks::batch(&batch);
});
