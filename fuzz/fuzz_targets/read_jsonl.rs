//! Reads arbitrary bytes as JSON Lines.
//!
//! Readers must never panic or hang, whatever the bytes: they return
//! diagnostics. The stories they return are also checked (see
//! `checks.rs`).
#![no_main]

#[path = "checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let batch = statecraft_text::read::read_jsonl(data, "fuzz.jsonl");
    checks::batch(&batch);
});
