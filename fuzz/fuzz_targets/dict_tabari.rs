//! Loads arbitrary text as a TABARI dictionary file (`.actors`, `.verbs`,
//! `.agents` or `.options`, chosen by the first byte), builds the phrase
//! index and looks phrases up in it. Loading must never panic or hang:
//! bad lines become `file:line` errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_dict::{decode, Dialect, Loader};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = decode(rest);
    let mut loader = Loader::new();
    match which % 4 {
        0 => loader.actors(&text, "f", Dialect::Tabari),
        1 => loader.verbs(&text, "f", Dialect::Tabari),
        2 => loader.agents(&text, "f", Dialect::Tabari),
        _ => loader.options(&text, "f"),
    };
    common::index_and_match(loader, &text);
});
