//! Tokenises, splits, tags and parses arbitrary UTF-8 with the built-in
//! model, and checks what the rest of statecraft relies on: every word's
//! span lies inside the input on character boundaries, in order; every
//! sentence is one tree (one root, heads inside it, no cycles); the
//! CoNLL-U of each parse reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft_syntax::{analyze, conllu, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last = 0;
    for p in analyze(text) {
        check(text, &p);
        let first = p.words().first().map_or(last, |w| w.start);
        assert!(first >= last, "sentences overlap");
        last = p.words().last().map_or(last, |w| w.end);
        let c = p.to_conllu("s", text);
        let back = conllu::read(&conllu::write(&[c.clone()])).expect("our CoNLL-U reads back");
        assert_eq!(back.len(), usize::from(!p.is_empty()));
    }
    // The same text as one sentence.
    check(text, &parse(text));
});

fn check(text: &str, p: &statecraft_syntax::Parse) {
    let n = p.len();
    let mut prev_end = 0;
    let mut roots = 0;
    for (i, w) in p.words().iter().enumerate() {
        assert!(w.start <= w.end && w.end <= text.len(), "span out of range");
        assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        assert!(w.start >= prev_end || w.joined, "words out of order");
        prev_end = w.end;
        match w.head {
            None => roots += 1,
            Some(h) => assert!(h < n && h != i, "bad head"),
        }
        // Following heads from any word reaches the root within n steps.
        let mut x = i;
        let mut steps = 0;
        while let Some(h) = p.words()[x].head {
            x = h;
            steps += 1;
            assert!(steps <= n, "cycle");
        }
    }
    assert_eq!(roots, usize::from(n > 0), "one root a sentence");
}
