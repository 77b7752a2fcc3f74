//! Reads arbitrary bytes as the project's reference CSV (`a,b,status,from,to,source`).
//!
//! The reader must never panic: it returns the facts or an error naming
//! `file:line`. What it returns is checked (see `world_checks.rs`).
#![no_main]

#[path = "world_checks.rs"]
mod world_checks;

use libfuzzer_sys::fuzz_target;
use statecraft_world::{import, States};

fuzz_target!(|data: &[u8]| {
    let label = "fuzz.csv";
    let got = import::read_csv(data, label, States::bundled());
    world_checks::imported(&got, label, data);
});
