//! Training: a tagger, a parser and a lemmatiser from UD treebanks.
//!
//! Deterministic by construction: sentences are shuffled by a seeded
//! generator, the tag and label inventories are sorted, frozen weights are
//! laid out by key, and the two threads that train the jackknife taggers
//! each own whole folds whose results are joined in fold order. The same
//! treebanks, settings and seed give the same model bytes.

use crate::conllu::Sentence;
use crate::lemma::LemmaTrainer;
use crate::lex::Lex;
use crate::model::Parts;
use crate::parser::oracle::{self, Gold};
use crate::parser::state::{State, Transition};
use crate::parser::{self, features, Item, Parser};
use crate::perceptron::{best, Row, Trainer, Weights};
use crate::tagger::{self, ClassCounter, Tag, Tagger};
use crate::ud::{intern, Upos, DEPRELS, XPOS};
use rustc_hash::FxHashMap;

/// How to train.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// Passes over the data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the data for the parser.
    pub parser_epochs: usize,
    /// Folds of the jackknife that gives the parser predicted tags to learn
    /// from (0 or 1: learn from gold tags).
    pub folds: usize,
    /// Parser passes before it starts following its own mistakes.
    pub explore_after: usize,
    /// How often, once exploring, it follows a wrong prediction.
    pub explore: f64,
    /// Averaged weights smaller than this are dropped.
    pub min_weight: f32,
    /// Parsers trained with different seeds (in parallel) and summed into
    /// one linear model: the sum scores as their ensemble would, at the
    /// cost of one model a little larger than each.
    pub parsers: usize,
    /// Taggers summed the same way (the jackknife's taggers stay single).
    pub taggers: usize,
    /// Parser features met fewer times than this on the gold paths of the
    /// training sentences are never learnt: rare feature combinations say
    /// little, and without them the model is a fraction of the size (and
    /// of the memory traffic when parsing).
    pub min_count: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            seed: 1,
            tagger_epochs: 10,
            parser_epochs: 12,
            folds: 10,
            explore_after: 1,
            explore: 0.9,
            min_weight: 0.001,
            min_count: 3,
            parsers: 2,
            taggers: 2,
        }
    }
}

/// Why training could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    /// A sentence uses a tag or relation outside the UD inventory.
    #[error("sentence `{sentence}`: {what}")]
    Unknown {
        /// The sentence id.
        sentence: String,
        /// What is unknown.
        what: String,
    },
    /// Nothing to train on.
    #[error("no sentences to train on")]
    Empty,
    /// More tag classes than a model holds.
    #[error("{0} tag classes; a model holds at most 256")]
    TooManyTags(usize),
}

/// A treebank sentence made ready for training.
struct Prepared {
    lex: Vec<Lex>,
    tags: Vec<u8>,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

impl Prepared {
    /// The sentence's tree, for the oracle.
    fn gold(&self) -> Gold<'_> {
        Gold {
            heads: &self.heads,
            labels: &self.labels,
        }
    }
}

/// Progress lines go to `log`.
pub(crate) fn train(
    sentences: &[Sentence],
    dev: &[Sentence],
    config: &Config,
    log: &mut dyn FnMut(&str),
) -> Result<Parts, TrainError> {
    if sentences.is_empty() {
        return Err(TrainError::Empty);
    }
    let mut tags: Vec<Tag> = Vec::new();
    for s in sentences {
        for w in &s.words {
            let unknown = |what: String| TrainError::Unknown {
                sentence: s.id.clone(),
                what,
            };
            let upos =
                Upos::from_name(&w.upos).ok_or_else(|| unknown(format!("UPOS `{}`", w.upos)))?;
            let xpos =
                intern(XPOS, &w.xpos).ok_or_else(|| unknown(format!("XPOS `{}`", w.xpos)))?;
            if intern(DEPRELS, &w.deprel).is_none() {
                return Err(unknown(format!("relation `{}`", w.deprel)));
            }
            let t = Tag { upos, xpos };
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
    }
    tags.sort_by_key(|t| (t.upos, t.xpos));
    if tags.len() > 256 {
        return Err(TrainError::TooManyTags(tags.len()));
    }
    let labels: Vec<&'static str> = DEPRELS.to_vec();
    let root = labels
        .iter()
        .position(|l| *l == "root")
        .expect("root is a relation") as u8;
    let mut buf = String::new();
    let data: Vec<Prepared> = sentences
        .iter()
        .map(|s| Prepared {
            lex: s
                .words
                .iter()
                .map(|w| Lex::new(&w.form, &mut buf))
                .collect(),
            tags: s
                .words
                .iter()
                .map(|w| {
                    let t = Tag {
                        upos: Upos::from_name(&w.upos).expect("checked"),
                        xpos: intern(XPOS, &w.xpos).expect("checked"),
                    };
                    tags.iter().position(|x| *x == t).expect("collected") as u8
                })
                .collect(),
            heads: heads(s),
            labels: relations(s, &labels),
        })
        .collect();

    log(&format!(
        "{} sentences, {} words, {} tags, {} relations",
        data.len(),
        data.iter().map(|d| d.lex.len()).sum::<usize>(),
        tags.len(),
        labels.len()
    ));
    let predicted = jackknife(&data, tags.len(), config, log);
    let tagger = Tagger {
        tags: tags.clone(),
        ..train_tagger(
            &data,
            &(0..data.len()).collect::<Vec<_>>(),
            tags.len(),
            config,
            config.taggers,
        )
    };
    log(&format!("tagger: {} features", tagger.weights.features()));
    let mut amb = Vec::new();
    let dev: Vec<DevSentence> = dev
        .iter()
        .map(|s| {
            let lex: Vec<Lex> = s
                .words
                .iter()
                .map(|w| Lex::new(&w.form, &mut buf))
                .collect();
            let mut tags = Vec::new();
            tagger.tag(&lex, &mut amb, &mut tags);
            DevSentence {
                items: {
                    let mut items = Vec::new();
                    parser::items(&lex, &tags, &mut items);
                    items
                },
                heads: heads(s),
                labels: relations(s, &labels),
            }
        })
        .collect();
    let parser = train_parser(&data, &predicted, &labels, root, config, &dev, log);
    log(&format!("parser: {} features", parser.weights.features()));
    let mut lt = LemmaTrainer::default();
    for s in sentences {
        for w in &s.words {
            lt.add(&w.form, &w.xpos, &w.lemma);
        }
    }
    let lemmas = lt.freeze(|x| x.starts_with("NNP"));
    let about = format!(
        "trained on {} sentences; seed {}, tagger epochs {}, parser epochs {}, folds {}, explore after {} at {}, min weight {}",
        data.len(),
        config.seed,
        config.tagger_epochs,
        config.parser_epochs,
        config.folds,
        config.explore_after,
        config.explore,
        config.min_weight
    ) + &format!(
        ", min count {}, parsers {}, taggers {}",
        config.min_count, config.parsers, config.taggers
    );
    Ok(Parts {
        about,
        tagger,
        parser,
        lemmas,
    })
}

/// A sentence's heads as the parser numbers words: 0-based, the root `n`.
fn heads(s: &Sentence) -> Vec<u32> {
    let n = s.words.len() as u32;
    s.words
        .iter()
        .map(|w| if w.head == 0 { n } else { (w.head - 1) as u32 })
        .collect()
}

/// A sentence's relations as indexes into `labels` (0 for one not there,
/// which only a development sentence can have: training checks them).
fn relations(s: &Sentence, labels: &[&str]) -> Vec<u8> {
    s.words
        .iter()
        .map(|w| labels.iter().position(|l| *l == w.deprel).unwrap_or(0) as u8)
        .collect()
}

/// Trains a tagger on the sentences `which` of `data` (its tag names left
/// empty).
/// `taggers` of different seeds are trained in parallel and summed, as the
/// parsers are.
fn train_tagger(
    data: &[Prepared],
    which: &[usize],
    classes: usize,
    config: &Config,
    taggers: usize,
) -> Tagger {
    let mut counter = ClassCounter::default();
    for &k in which {
        for (l, &t) in data[k].lex.iter().zip(&data[k].tags) {
            counter.add(l.lower, t);
        }
    }
    let amb_classes = counter.classes();
    let one = |k: u64| train_tagger_weights(data, which, classes, config, &amb_classes, k);
    let rows = std::thread::scope(|s| {
        let others: Vec<_> = (1..taggers as u64)
            .map(|k| s.spawn(move || one(k)))
            .collect();
        let mut rows = vec![one(0)];
        rows.extend(
            others
                .into_iter()
                .map(|o| o.join().expect("a tagger's training panicked")),
        );
        rows
    });
    Tagger {
        tags: Vec::new(),
        weights: Weights::from_rows(classes, &sum_rows(rows)),
        classes: amb_classes,
    }
}

/// One tagger's averaged weights; `k` varies the seed (0: the seed itself).
fn train_tagger_weights(
    data: &[Prepared],
    which: &[usize],
    classes: usize,
    config: &Config,
    amb_classes: &FxHashMap<u64, u64>,
    k: u64,
) -> Vec<Row> {
    let mut t = Trainer::new(classes);
    let mut rng = fastrand::Rng::with_seed(config.seed ^ k.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut order = which.to_vec();
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0.0f32; classes];
    let mut guessed = Vec::new();
    let mut amb = Vec::new();
    for _ in 0..config.tagger_epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let d = &data[k];
            guessed.clear();
            tagger::ambiguity(amb_classes, &d.lex, &mut amb);
            for i in 0..d.lex.len() {
                tagger::features(&d.lex, &amb, &guessed, i, &mut feats);
                scores.fill(0.0);
                t.score(&feats, &mut scores);
                let g = best(&scores, |_| true).unwrap_or(0);
                t.tick();
                t.update(&feats, usize::from(d.tags[i]), g);
                guessed.push(g as u8);
            }
        }
    }
    t.averaged(config.min_weight)
}

/// Tags each sentence with a tagger that never saw it: `folds` taggers,
/// each trained without one fold. Two threads share the folds.
fn jackknife(
    data: &[Prepared],
    classes: usize,
    config: &Config,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<u8>> {
    if config.folds < 2 {
        return data.iter().map(|d| d.tags.clone()).collect();
    }
    let folds = config.folds;
    let run = |f: usize| -> Vec<(usize, Vec<u8>)> {
        let train: Vec<usize> = (0..data.len()).filter(|i| i % folds != f).collect();
        let tagger = train_tagger(data, &train, classes, config, 1);
        let mut amb = Vec::new();
        (0..data.len())
            .filter(|i| i % folds == f)
            .map(|i| {
                let mut out = Vec::new();
                tagger.tag(&data[i].lex, &mut amb, &mut out);
                (i, out)
            })
            .collect()
    };
    let mut results: Vec<Vec<(usize, Vec<u8>)>> = vec![Vec::new(); folds];
    std::thread::scope(|s| {
        let run = &run;
        let odd = s.spawn(move || {
            (0..folds)
                .filter(|f| f % 2 == 1)
                .map(|f| (f, run(f)))
                .collect::<Vec<_>>()
        });
        for f in (0..folds).filter(|f| f % 2 == 0) {
            results[f] = run(f);
        }
        for (f, r) in odd.join().expect("a jackknife fold panicked") {
            results[f] = r;
        }
    });
    let mut out = vec![Vec::new(); data.len()];
    let (mut right, mut all) = (0usize, 0usize);
    for (i, tags) in results.into_iter().flatten() {
        right += tags
            .iter()
            .zip(&data[i].tags)
            .filter(|(a, b)| a == b)
            .count();
        all += tags.len();
        out[i] = tags;
    }
    log(&format!(
        "jackknife: {folds} folds, tags {:.2}% right",
        100.0 * right as f64 / all.max(1) as f64
    ));
    out
}

/// The value of a tag for the parser's features.
pub(crate) fn tag_value(tag: u8) -> u64 {
    u64::from(tag) + 1
}

/// A development sentence: what the parser sees (with the final tagger's
/// tags) and the gold tree.
struct DevSentence {
    items: Vec<Item>,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

/// Unlabelled and labelled attachment scores (full relations) on `dev`.
fn score_dev(p: &Parser, dev: &[DevSentence]) -> (f64, f64) {
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    let (mut uas, mut las, mut all) = (0usize, 0usize, 0usize);
    for d in dev {
        p.parse(&d.items, &mut heads, &mut labels);
        for i in 0..d.heads.len() {
            all += 1;
            if heads[i] == d.heads[i] {
                uas += 1;
                las += usize::from(labels[i] == d.labels[i]);
            }
        }
    }
    let pc = |x: usize| 100.0 * x as f64 / all.max(1) as f64;
    (pc(uas), pc(las))
}

/// How often each parser feature is met on the training sentences' gold
/// paths (the oracle's first least-cost transition at every step).
fn gold_path_counts(
    data: &[Prepared],
    tags: &[Vec<u8>],
    n_labels: usize,
    root: u8,
) -> FxHashMap<u64, u32> {
    let classes = 1 + 2 * n_labels;
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut feats = Vec::with_capacity(features::COUNT);
    let mut items = Vec::new();
    for (d, tags) in data.iter().zip(tags) {
        parser::items(&d.lex, tags, &mut items);
        let gold = d.gold();
        let mut state = State::new(d.lex.len());
        while !state.is_terminal() {
            features::extract(&state, &items, &mut feats);
            for &f in &feats {
                *counts.entry(f).or_default() += 1;
            }
            let unlabelled = oracle::costs(&state, &gold);
            let next = (0..classes)
                .map(|c| Transition::from_class(c, n_labels))
                .filter(|&t| state.is_valid(t, root))
                .min_by_key(|&t| oracle::cost(&state, &gold, unlabelled, t))
                .expect("a valid transition");
            state.apply(next);
        }
    }
    counts
}

/// Trains the parser with the dynamic oracle.
fn train_parser(
    data: &[Prepared],
    tags: &[Vec<u8>],
    labels: &[&'static str],
    root: u8,
    config: &Config,
    dev: &[DevSentence],
    log: &mut dyn FnMut(&str),
) -> Parser {
    let n_labels = labels.len();
    let counts = gold_path_counts(data, tags, n_labels, root);
    log(&format!(
        "parser: {} of {} features met at least {} times on the gold paths",
        counts.values().filter(|&&c| c >= config.min_count).count(),
        counts.len(),
        config.min_count
    ));
    let task = ParserTask {
        data,
        tags,
        labels,
        root,
        config,
        counts: &counts,
    };
    // The first model trains here and reports on `dev` as it goes; the
    // others, with their own seeds, on threads of their own.
    let mut rows = Vec::with_capacity(config.parsers.max(1));
    std::thread::scope(|s| {
        let others: Vec<_> = (1..config.parsers)
            .map(|k| {
                let task = &task;
                s.spawn(move || {
                    task.train(k as u64, &[], &mut |_| {})
                        .averaged(config.min_weight)
                })
            })
            .collect();
        rows.push(task.train(0, dev, log).averaged(config.min_weight));
        for o in others {
            rows.push(o.join().expect("a parser's training panicked"));
        }
    });
    let parser = Parser {
        labels: labels.to_vec(),
        root,
        weights: Weights::from_rows(1 + 2 * n_labels, &sum_rows(rows)),
    };
    if config.parsers > 1 && !dev.is_empty() {
        let (uas, las) = score_dev(&parser, dev);
        log(&format!(
            "parser: {} models summed; dev UAS {uas:.2} LAS {las:.2}",
            config.parsers
        ));
    }
    parser
}

/// The rows of several models in one list sorted by key, for
/// [`Weights::from_rows`] to add up: the linear model whose scores are the
/// sums of theirs. The sort is stable, so rows of one key are added in the
/// order of the models, and the sums are the same bytes on every run.
fn sum_rows(lists: Vec<Vec<Row>>) -> Vec<Row> {
    let mut all: Vec<Row> = lists.into_iter().flatten().collect();
    all.sort_by_key(|(k, _)| *k);
    all
}

/// What every parser of the sum trains on.
struct ParserTask<'a> {
    data: &'a [Prepared],
    tags: &'a [Vec<u8>],
    labels: &'a [&'static str],
    root: u8,
    config: &'a Config,
    counts: &'a FxHashMap<u64, u32>,
}

impl ParserTask<'_> {
    /// Trains one parser with the dynamic oracle; `k` varies its seed.
    fn train(&self, k: u64, dev: &[DevSentence], log: &mut dyn FnMut(&str)) -> Trainer {
        let ParserTask {
            data,
            tags,
            labels,
            root,
            config,
            counts,
        } = *self;
        let n_labels = labels.len();
        let classes = 1 + 2 * n_labels;
        let known = |f: &u64| counts.get(f).is_some_and(|&c| c >= config.min_count);
        let mut t = Trainer::new(classes);
        let mut rng = fastrand::Rng::with_seed(
            config.seed ^ 0x9a55e5 ^ k.wrapping_mul(0x9e37_79b9_7f4a_7c15),
        );
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut feats = Vec::with_capacity(features::COUNT);
        let mut scores = vec![0.0f32; classes];
        let mut items = Vec::new();
        for epoch in 0..config.parser_epochs {
            rng.shuffle(&mut order);
            let (mut right, mut all) = (0usize, 0usize);
            for &k in &order {
                let d = &data[k];
                parser::items(&d.lex, &tags[k], &mut items);
                let gold = d.gold();
                let mut state = State::new(d.lex.len());
                while !state.is_terminal() {
                    features::extract(&state, &items, &mut feats);
                    feats.retain(known);
                    scores.fill(0.0);
                    t.score(&feats, &mut scores);
                    let valid =
                        |c: usize| state.is_valid(Transition::from_class(c, n_labels), root);
                    let guess = best(&scores, valid).expect("a valid transition");
                    let unlabelled = oracle::costs(&state, &gold);
                    let cost = |c: usize| {
                        oracle::cost(
                            &state,
                            &gold,
                            unlabelled,
                            Transition::from_class(c, n_labels),
                        )
                    };
                    let least = (0..classes)
                        .filter(|&c| valid(c))
                        .map(cost)
                        .min()
                        .expect("a valid transition");
                    let truth = best(&scores, |c| valid(c) && cost(c) == least)
                        .expect("a least-cost transition");
                    t.tick();
                    let next = if cost(guess) == least {
                        guess
                    } else {
                        t.update(&feats, truth, guess);
                        if epoch >= config.explore_after && rng.f64() < config.explore {
                            guess
                        } else {
                            truth
                        }
                    };
                    state.apply(Transition::from_class(next, n_labels));
                }
                right += state
                    .head
                    .iter()
                    .zip(&d.heads)
                    .zip(state.label.iter().zip(&d.labels))
                    .filter(|((a, b), (c, e))| a == b && c == e)
                    .count();
                all += d.lex.len();
            }
            let on_dev = if dev.is_empty() {
                String::new()
            } else {
                let p = Parser {
                    labels: labels.to_vec(),
                    root,
                    weights: t.freeze(config.min_weight),
                };
                let (uas, las) = score_dev(&p, dev);
                format!("; dev UAS {uas:.2} LAS {las:.2}")
            };
            log(&format!(
                "parser epoch {}: {:.2}% labelled attachments on the training path{on_dev}",
                epoch + 1,
                100.0 * right as f64 / all.max(1) as f64
            ));
        }
        t
    }
}
