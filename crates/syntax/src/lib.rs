//! English syntax for statecraft: Universal Dependencies tokenisation,
//! sentence splitting, part-of-speech tags, lemmas and labelled dependency
//! trees, at the speed of a dictionary coder and with no service to run.
//!
//! The analysis is a pipeline of named stages, each testable alone:
//!
//! ```text
//! text ─ tokenize ─ split ─ per sentence: cut ─ lex ─ tag ─ parse ─ lemmatize ─ Parse
//! ```
//!
//! - [`tokenize`]: words with byte spans, clitics split as UD does
//!   ("do" + "n't"), multiword tokens kept as spans.
//! - [`split`]: sentences, with wire datelines ("TEHRAN (Reuters) -") on
//!   their own as the treebanks annotate them.
//! - cut: a sentence longer than [`MAX_WORDS`] is parsed in pieces, and
//!   [`Parse::cuts`] says where.
//! - lex, tag: hashed views of each word, then a greedy averaged-perceptron
//!   tagger giving UPOS and Penn XPOS together (two of them, of different
//!   seeds, summed into one linear model).
//! - parse: a greedy arc-hybrid transition parser with an averaged
//!   perceptron, trained with a dynamic oracle (two of them, of different
//!   seeds, summed into one linear model).
//! - lemmatize: the treebanks' lemmas for words they hold, learnt suffix
//!   rules for the rest.
//!
//! The model is trained from the UD English EWT and GUM treebanks by
//! `statecraft syntax train` (see `data/models/README.md`); the build embeds
//! it, so [`parse`] needs no file at run time.
//!
//! ```
//! let p = statecraft_syntax::parse("The talks were hosted by Seoul.");
//! let agent = p.words().iter().position(|w| w.form == "Seoul").unwrap();
//! assert_eq!(p.words()[agent].deprel, "obl:agent");
//! ```

pub mod conllu;
mod hash;
mod lemma;
mod lex;
mod model;
mod parse;
mod parser;
mod perceptron;
mod pipeline;
pub mod score;
pub mod split;
mod tagger;
pub mod tokenize;
pub mod train;
mod ud;

pub use model::{ModelError, FORMAT_VERSION};
pub use parse::{Parse, Word};
pub use pipeline::{Tagged, Tagging, MAX_WORDS};
pub use ud::{Upos, DEPRELS, XPOS};

use std::sync::OnceLock;

/// A trained tagger, parser and lemmatiser.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    parts: model::Parts,
}

/// The model built into this binary (see `data/models/`).
static BUILTIN: &[u8] = include_bytes!("../../../data/models/en-ud.model");

impl Model {
    /// The model built into this binary, loaded on first use.
    ///
    /// # Panics
    /// If the built-in model is damaged, which the test suite rules out for
    /// every build.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(BUILTIN).expect("the built-in model loads (tested)"))
    }

    /// Reads a model file's bytes.
    ///
    /// ```
    /// use statecraft_syntax::{Model, ModelError};
    /// assert_eq!(Model::from_bytes(b"hello").unwrap_err(), ModelError::NotAModel);
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        Ok(Model {
            parts: model::read(bytes)?,
        })
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        model::write(&self.parts)
    }

    /// Trains a model on treebank sentences; progress lines go to `log`,
    /// with the parser's attachment scores on `dev` (which may be empty)
    /// after each pass.
    pub fn train(
        sentences: &[conllu::Sentence],
        dev: &[conllu::Sentence],
        config: &train::Config,
        log: &mut dyn FnMut(&str),
    ) -> Result<Model, train::TrainError> {
        Ok(Model {
            parts: train::train(sentences, dev, config, log)?,
        })
    }

    /// The model without its weights smaller in magnitude than
    /// `min_weight`: smaller and faster, at some cost in accuracy
    /// ([`train::Config::min_weight`] prunes the same way when training).
    pub fn pruned(&self, min_weight: f32) -> Model {
        let mut parts = self.parts.clone();
        parts.tagger.weights = parts.tagger.weights.pruned(min_weight);
        parts.parser.weights = parts.parser.weights.pruned(min_weight);
        Model { parts }
    }

    /// How the model was trained.
    pub fn about(&self) -> &str {
        &self.parts.about
    }

    /// Analyses one sentence: tokenises it and parses it whole, without
    /// looking for sentence ends (a sentence over [`MAX_WORDS`] words is
    /// still cut).
    pub fn parse(&self, sentence: &str) -> Parse {
        pipeline::parse_sentence(self, sentence)
    }

    /// Tokenises and tags one sentence, without parsing it: each word's
    /// span and part of speech, as [`Model::parse`] would give them.
    ///
    /// ```
    /// use statecraft_syntax::{Model, Upos};
    /// let tags = Model::builtin().tag("Seoul weighs ties with Damascus.");
    /// assert_eq!(tags[1].upos, Upos::Verb);
    /// ```
    pub fn tag(&self, sentence: &str) -> Vec<Tagged> {
        pipeline::tag_sentence(self, sentence)
    }

    /// Tokenises and tags one sentence, keeping what parsing it needs:
    /// [`Tagging::tags`] are [`Model::tag`]'s, and [`Tagging::parse`] is
    /// [`Model::parse`] without tagging the sentence again.
    ///
    /// ```
    /// use statecraft_syntax::Model;
    /// let m = Model::builtin();
    /// let text = "Seoul weighs ties with Damascus.";
    /// let t = m.tagging(text);
    /// assert_eq!(t.tags(), m.tag(text));
    /// assert_eq!(t.parse(), m.parse(text));
    /// ```
    pub fn tagging<'a>(&'a self, sentence: &'a str) -> Tagging<'a> {
        Tagging::new(self, sentence)
    }

    /// Analyses a text: tokenises it, splits it into sentences and parses
    /// each. Spans are byte offsets in `text`.
    pub fn analyze(&self, text: &str) -> Vec<Parse> {
        pipeline::analyze(self, text)
    }

    /// Tags and parses words already tokenised (as a treebank gives them).
    /// Their spans are in the words joined by single spaces.
    pub fn parse_words(&self, words: &[&str]) -> Parse {
        pipeline::parse_words(self, words)
    }
}

/// Analyses one sentence with the built-in model: see [`Model::parse`].
pub fn parse(sentence: &str) -> Parse {
    Model::builtin().parse(sentence)
}

/// Analyses a text with the built-in model: see [`Model::analyze`].
pub fn analyze(text: &str) -> Vec<Parse> {
    Model::builtin().analyze(text)
}
