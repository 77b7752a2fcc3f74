//! Reads arbitrary bytes as the JSON results of the Wikidata P530 query.
//!
//! The reader must never panic: it returns the facts or an error naming
//! `file:line` or `file: binding N`. What it returns is checked (see
//! `world_checks.rs`).
#![no_main]

#[path = "world_checks.rs"]
mod world_checks;

use libfuzzer_sys::fuzz_target;
use statecraft_text::Date;
use statecraft_world::{import, States};

fuzz_target!(|data: &[u8]| {
    let label = "fuzz.json";
    let retrieved = Date::from_ymd(2025, 2, 11).unwrap();
    let got = import::read_wikidata(data, label, States::bundled(), retrieved);
    world_checks::imported(&got, label, data);
});
