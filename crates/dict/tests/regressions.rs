//! Inputs that once crashed the dictionary loader or matcher, found by the
//! fuzz targets in `fuzz/` (`dict_tabari`, `dict_petrarch`, `dict_overlay`).
//! Each is loaded as the fuzz target does, indexed, and its own words are
//! looked up in the index; none may panic.

use statecraft_dict::{base_forms, decode, Dialect, Endings, Loader, Mode, PhraseIndex, Word};

/// Which loader the bytes go through (the fuzz targets' selector byte).
#[derive(Clone, Copy, Debug)]
enum Kind {
    TabariActors,
    TabariVerbs,
    TabariAgents,
    Options,
    PetrarchActors,
    PetrarchVerbs,
    PetrarchAgents,
    Discards,
    Issues,
    Overlay,
}

/// (what, loader, bytes).
const CASES: &[(&str, Kind, &[u8])] = &[
    // A PETRARCH actor phrase ending in a soft hyphen (Latin-1 0xAD): the
    // irregular-stem check sliced the word one byte before its end, inside
    // the character (word.rs `irregular_stem_ok`).
    (
        "word ending in a multi-byte character (actors)",
        Kind::PetrarchActors,
        b"r \xad[V]",
    ),
    // The same through an overlay name ending in 0x9E (read as Latin-1).
    (
        "word ending in a multi-byte character (overlay)",
        Kind::Overlay,
        b"actor:l-\x9e#src:e\nrole:SYR - -#src:e",
    ),
    // A token ending in a 4-byte character whose last two bytes are equal
    // (U+104D3, F0 90 93 93) before -ED: the doubled-consonant base form
    // (STOPPED → STOP) sliced one byte off, inside the character
    // (word.rs `base_forms`). Any story text could do this.
    (
        "token with a multi-byte character before -ED",
        Kind::Overlay,
        b"\xf0\x90\x93\x93ed",
    ),
    (
        "token with a multi-byte character before -ING",
        Kind::PetrarchActors,
        b"SYRIA [SYR]\nSyria a\xe0\xbf\xbfing",
    ),
    // And in the TABARI dialects, for good measure.
    (
        "word ending in a multi-byte character (TABARI verbs)",
        Kind::TabariVerbs,
        b"CAF\xc9_ [040]\n- * CAF\xc9S [041]\n",
    ),
    (
        "word ending in a multi-byte character (TABARI actors)",
        Kind::TabariActors,
        b"CAF\xc9_ [GON]\nCAF [ARN]\n",
    ),
];

fn load(kind: Kind, bytes: &[u8]) {
    let text = decode(bytes);
    let mut loader = Loader::new();
    match kind {
        Kind::TabariActors => loader.actors(&text, "f", Dialect::Tabari),
        Kind::TabariVerbs => loader.verbs(&text, "f", Dialect::Tabari),
        Kind::TabariAgents => loader.agents(&text, "f", Dialect::Tabari),
        Kind::Options => loader.options(&text, "f"),
        Kind::PetrarchActors => loader.actors(&text, "f", Dialect::Petrarch),
        Kind::PetrarchVerbs => loader.verbs(&text, "f", Dialect::Petrarch),
        Kind::PetrarchAgents => loader.agents(&text, "f", Dialect::Petrarch),
        Kind::Discards => loader.discards(&text, "f"),
        Kind::Issues => loader.issues(&text, "f"),
        Kind::Overlay => loader.overlay(&text, "f"),
    };
    let (dict, errors) = loader.finish();
    for e in &errors {
        let _ = e.to_string();
    }
    let index = dict.index();
    let tokens = statecraft_text::tokenize(&text);
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let (mut scratch, mut ids, mut at) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..words.len() {
        ids.clear();
        index.first_word_matches(words[i], &mut scratch, &mut ids);
        for &id in &ids {
            let phrase = &index.entry(id).phrase;
            let _ = phrase.display();
            PhraseIndex::match_phrase_into(phrase, &words, i, &|_| false, &mut at);
        }
    }
}

#[test]
fn fuzz_findings_do_not_panic() {
    let panicked: Vec<String> = CASES
        .iter()
        .filter(|(_, kind, bytes)| std::panic::catch_unwind(|| load(*kind, bytes)).is_err())
        .map(|(what, kind, _)| format!("{what} ({kind:?})"))
        .collect();
    assert!(panicked.is_empty(), "panicked: {panicked:#?}");
}

/// Every loader, for running each finding through all of them.
const ALL: [Kind; 10] = [
    Kind::TabariActors,
    Kind::TabariVerbs,
    Kind::TabariAgents,
    Kind::Options,
    Kind::PetrarchActors,
    Kind::PetrarchVerbs,
    Kind::PetrarchAgents,
    Kind::Discards,
    Kind::Issues,
    Kind::Overlay,
];

#[test]
fn fuzz_findings_do_not_panic_in_any_loader() {
    let mut panicked = Vec::new();
    for (what, _, bytes) in CASES {
        for kind in ALL {
            if std::panic::catch_unwind(|| load(kind, bytes)).is_err() {
                panicked.push(format!("{what} ({kind:?})"));
            }
        }
    }
    assert!(panicked.is_empty(), "panicked: {panicked:#?}");
}

#[test]
fn words_ending_in_non_ascii_match_without_panicking() {
    for endings in [Endings::Noun, Endings::Verb, Endings::VerbStrict] {
        let w = Word::new("CAF\u{c9}", Mode::Exact(endings));
        assert!(w.matches("CAF\u{c9}"));
        assert!(!w.matches("CAFX"));
        assert!(!w.matches("CAF"));
        assert!(!w.matches("CA"));
    }
    // Regular irregular stems still work.
    let party = Word::new("PARTY", Mode::Exact(Endings::Noun));
    assert!(party.matches("PARTIES"));
    let deplore = Word::new("DEPLORE", Mode::Exact(Endings::Verb));
    assert!(deplore.matches("DEPLORING"));
}

#[test]
fn base_forms_of_tokens_ending_in_non_ascii() {
    let mut out = Vec::new();
    for token in [
        "\u{104d3}ED",
        "A\u{104d3}ING",
        "\u{fff}\u{fff}ED",
        "\u{fff}ING",
    ] {
        base_forms(token, &mut out);
        assert_eq!(out[0], token);
    }
    // ASCII doubled consonants still yield their base.
    base_forms("STOPPED", &mut out);
    assert!(out.iter().any(|f| f == "STOP"), "{out:?}");
}
