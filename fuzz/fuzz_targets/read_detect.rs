//! Detects the format of arbitrary bytes (under a file name chosen by the
//! first byte) and reads them with the detected reader, as the CLI does.
#![no_main]

#[path = "checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use statecraft_text::read::{detect, read};
use std::path::Path;

const NAMES: [Option<&str>; 6] = [
    None,
    Some("in.txt"),
    Some("in.jsonl"),
    Some("in.xml"),
    Some("in.project"),
    Some("noext"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[which as usize % NAMES.len()];
    let format = detect(name.map(Path::new), bytes);
    let batch = read(
        format,
        bytes,
        name.unwrap_or("<stdin>"),
        Path::new("/nonexistent"),
    );
    checks::batch(&batch);
});
