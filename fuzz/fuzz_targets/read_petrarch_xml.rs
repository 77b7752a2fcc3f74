//! Reads arbitrary bytes as PETRARCH validation XML.
//!
//! Readers must never panic or hang, whatever the bytes: they return
//! diagnostics. The stories they return are also checked (see
//! `checks.rs`).
#![no_main]

#[path = "checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let batch =
        statecraft_text::read::read_petrarch_xml(data, "fuzz.xml", Path::new("/nonexistent/base"));
    checks::batch(&batch);
});
