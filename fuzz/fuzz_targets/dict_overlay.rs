//! Loads arbitrary text as a statecraft actor overlay, on top of a small
//! base actors file (so that replacement of base entries is exercised),
//! then builds the phrase index and looks phrases up in it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_dict::{decode, Dialect, Loader};

#[path = "common.rs"]
mod common;

const BASE: &str = "SYRIA [SYR]\nAHMED AL-SHARAA [SYRREB 170128-241207] [SYRGOV >241208]\n";

fuzz_target!(|data: &[u8]| {
    let text = decode(data);
    let mut loader = Loader::new();
    loader.actors(BASE, "base", Dialect::Petrarch);
    loader.overlay(&text, "f");
    common::index_and_match(loader, &text);
});
