//! Training on a slice of EWT (read from `../shared/treebank` when it is
//! there): the same sentences give the same model bytes, the bytes read
//! back, and the slice-trained model has learnt something.

use statecraft_syntax::conllu::{self, Sentence};
use statecraft_syntax::train::Config;
use statecraft_syntax::Model;
use std::path::Path;

fn treebank(name: &str) -> Option<Vec<Sentence>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/treebank")
        .join(name);
    let text = std::fs::read_to_string(&path).ok()?;
    Some(conllu::read(&text).expect("the treebank reads"))
}

/// Share of words whose head the model finds.
fn uas(model: &Model, gold: &[Sentence]) -> f64 {
    let (mut right, mut all) = (0, 0);
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let p = model.parse_words(&words);
        for (g, w) in s.words.iter().zip(p.words()) {
            all += 1;
            right += usize::from(w.head.map_or(0, |h| h + 1) == g.head);
        }
    }
    right as f64 / all as f64
}

#[test]
fn a_slice_trains_to_the_same_bytes() {
    let Some(train) = treebank("en_ewt-ud-train.conllu") else {
        eprintln!("skipped: ../shared/treebank not found");
        return;
    };
    let dev = treebank("en_ewt-ud-dev.conllu").expect("dev beside train");
    let slice = &train[..600];
    let config = Config {
        tagger_epochs: 3,
        parser_epochs: 3,
        folds: 2,
        ..Config::default()
    };
    let mut log = Vec::new();
    let a =
        Model::train(slice, &dev[..50], &config, &mut |l| log.push(l.to_string())).expect("trains");
    let b = Model::train(slice, &[], &config, &mut |_| {}).expect("trains");
    let bytes = a.to_bytes();
    assert_eq!(bytes, b.to_bytes(), "training is deterministic");
    assert!(log.iter().any(|l| l.contains("dev UAS")), "{log:?}");
    let back = Model::from_bytes(&bytes).expect("reads back");
    assert_eq!(back.to_bytes(), bytes);
    // 600 sentences are enough to find well over half the heads; a model
    // that learnt nothing finds about a tenth.
    let score = uas(&back, &dev[..300]);
    assert!(score > 0.6, "UAS {score:.3}");
    // A different seed gives a different model.
    let other = Config { seed: 2, ..config };
    assert_ne!(
        Model::train(slice, &[], &other, &mut |_| {})
            .unwrap()
            .to_bytes(),
        bytes
    );
}
