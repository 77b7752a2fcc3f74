//! The model file: a versioned binary format holding the tagger, parser
//! and lemmatiser.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! magic    "statecraft-syntax-model\n"      24 bytes
//! version  u32                              FORMAT_VERSION
//! about    str                              how it was trained
//! tags     u32 count, then str "UPOS XPOS"  the tagger's classes
//! labels   u32 count, then str              the parser's relations
//! tagger   weights
//! parser   weights
//! classes  u32 count, then (u64 word, u64 class)  tagger ambiguity classes
//! lemmas   u32 count, then (str xpos, str form, str lemma)
//! rules    u32 count, then (str xpos, str ending, u8 cut, str add)
//! check    u64                              hash::words of all that precedes
//!
//! str      u32 byte length, then UTF-8
//! weights  u32 classes, f32 scale, u32 features, then per feature
//!          (u64 key, u16 run length), then the runs' entries (u32 each:
//!          class in the low 8 bits, weight / scale as i24 above)
//! ```
//!
//! A file of another version, a truncated or altered file, or a name
//! outside the UD inventory is refused with a [`ModelError`], never misread.

use crate::hash;
use crate::lemma::{Edit, Lemmatizer};
use crate::parser::Parser;
use crate::perceptron::{entry_class, table_key, Builder, Weights};
use crate::tagger::{Tag, Tagger};
use crate::ud::{intern, Upos, DEPRELS, XPOS};
use std::collections::BTreeMap;

const MAGIC: &[u8; 24] = b"statecraft-syntax-model\n";

/// The version of the model format this build reads and writes. Version 1
/// checked the file with a byte-wise FNV-1a hash; version 2 with a hash of
/// eight-byte words, which reads a model file in an eighth of the steps.
pub const FORMAT_VERSION: u32 = 2;

/// Why a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// Not a statecraft syntax model at all.
    #[error("not a statecraft syntax model (the file does not start with the model header)")]
    NotAModel,
    /// A model of another format version.
    #[error("model format version {found}, but this build reads version {expected}: retrain the model with this build (scripts/train-syntax) or use the statecraft that wrote it")]
    Version {
        /// The file's version.
        found: u32,
        /// This build's version.
        expected: u32,
    },
    /// The file is damaged: truncated, altered, or inconsistent.
    #[error("damaged model file: {0}")]
    Damaged(String),
}

fn damaged(what: impl Into<String>) -> ModelError {
    ModelError::Damaged(what.into())
}

/// The parts of a model.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Parts {
    pub(crate) about: String,
    pub(crate) tagger: Tagger,
    pub(crate) parser: Parser,
    pub(crate) lemmas: Lemmatizer,
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, v: usize) {
        self.u32(u32::try_from(v).expect("model sections fit in u32"));
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn weights(&mut self, w: &Weights) {
        self.len(w.classes);
        self.0.extend_from_slice(&w.scale.to_le_bytes());
        let rows = w.rows();
        self.len(rows.len());
        for (key, run) in &rows {
            self.0.extend_from_slice(&key.to_le_bytes());
            self.0.extend_from_slice(&(run.len() as u16).to_le_bytes());
        }
        for (_, run) in &rows {
            for e in run {
                self.0.extend_from_slice(&e.to_le_bytes());
            }
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| damaged("truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn count(&mut self, each: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        // A count cannot promise more than the bytes left.
        if n.saturating_mul(each) > self.b.len() - self.at {
            return Err(damaged("a count runs past the end"));
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.count(1)?;
        std::str::from_utf8(self.take(n)?).map_err(|_| damaged("a name is not UTF-8"))
    }
    fn weights(&mut self, classes: usize) -> Result<Weights, ModelError> {
        if self.u32()? as usize != classes {
            return Err(damaged("weights for another number of classes"));
        }
        let scale = f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        if !scale.is_finite() || scale <= 0.0 {
            return Err(damaged("the weights' scale is not a positive number"));
        }
        let n = self.count(10)?;
        // The keys and lengths, then the entries: check the first part
        // whole, then read both side by side into the table.
        let heads = self.take(n * 10)?;
        let head = |k: usize| {
            let h = &heads[k * 10..k * 10 + 10];
            let key = u64::from_le_bytes(h[..8].try_into().expect("8 bytes"));
            (key, usize::from(u16::from_le_bytes([h[8], h[9]])))
        };
        let mut total = 0usize;
        let mut last = None;
        for k in 0..n {
            let (key, len) = head(k);
            if last.is_some_and(|l| l >= key) {
                return Err(damaged("feature keys out of order"));
            }
            if table_key(key) != key {
                return Err(damaged("a feature key with its low bits set"));
            }
            if len == 0 || len > classes {
                return Err(damaged(
                    "a feature with no weights, or more weights than classes",
                ));
            }
            last = Some(key);
            total += len;
        }
        let bytes = self.take(total * 4)?;
        let mut builder = Builder::new(classes, scale, n, (0..n).map(|k| head(k).1));
        let mut run = Vec::with_capacity(classes);
        let mut at = 0;
        for k in 0..n {
            let (key, len) = head(k);
            run.clear();
            for c in bytes[at..at + len * 4].chunks_exact(4) {
                let e = u32::from_le_bytes(c.try_into().expect("4 bytes"));
                if entry_class(e) >= classes {
                    return Err(damaged("a weight for a class that does not exist"));
                }
                run.push(e);
            }
            at += len * 4;
            builder.push(key, &run);
        }
        Ok(builder.finish())
    }
}

/// Writes the model.
pub(crate) fn write(p: &Parts) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.0.extend_from_slice(MAGIC);
    w.u32(FORMAT_VERSION);
    w.str(&p.about);
    w.len(p.tagger.tags.len());
    for t in &p.tagger.tags {
        w.str(&format!("{} {}", t.upos.name(), t.xpos));
    }
    w.len(p.parser.labels.len());
    for l in &p.parser.labels {
        w.str(l);
    }
    w.weights(&p.tagger.weights);
    w.weights(&p.parser.weights);
    let mut classes: Vec<(u64, u64)> = p.tagger.classes.iter().map(|(&k, &v)| (k, v)).collect();
    classes.sort_unstable();
    w.len(classes.len());
    for (k, v) in classes {
        w.0.extend_from_slice(&k.to_le_bytes());
        w.0.extend_from_slice(&v.to_le_bytes());
    }
    w.len(p.lemmas.words.len());
    for ((xpos, form), lemma) in &p.lemmas.words {
        w.str(xpos);
        w.str(form);
        w.str(lemma);
    }
    w.len(p.lemmas.rules.len());
    for ((xpos, ending), e) in &p.lemmas.rules {
        w.str(xpos);
        w.str(ending);
        w.0.push(e.cut);
        w.str(&e.add);
    }
    let check = hash::words(&w.0);
    w.0.extend_from_slice(&check.to_le_bytes());
    w.0
}

/// Reads a model.
pub(crate) fn read(b: &[u8]) -> Result<Parts, ModelError> {
    if b.len() < MAGIC.len() + 4 || &b[..MAGIC.len()] != MAGIC {
        return Err(ModelError::NotAModel);
    }
    let version = u32::from_le_bytes(b[MAGIC.len()..MAGIC.len() + 4].try_into().expect("4 bytes"));
    if version != FORMAT_VERSION {
        return Err(ModelError::Version {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    let (body, check) = b.split_at(b.len().checked_sub(8).ok_or_else(|| damaged("truncated"))?);
    if hash::words(body).to_le_bytes() != check {
        return Err(damaged(
            "the checksum does not match (truncated or altered)",
        ));
    }
    let mut r = Reader {
        b: body,
        at: MAGIC.len() + 4,
    };
    let about = r.str()?.to_string();
    let n = r.count(4)?;
    let mut tags = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.str()?;
        let (u, x) = name
            .split_once(' ')
            .ok_or_else(|| damaged(format!("tag `{name}` is not `UPOS XPOS`")))?;
        let upos = Upos::from_name(u).ok_or_else(|| damaged(format!("unknown UPOS `{u}`")))?;
        let xpos = intern(XPOS, x).ok_or_else(|| damaged(format!("unknown XPOS `{x}`")))?;
        tags.push(Tag { upos, xpos });
    }
    if tags.is_empty() || tags.len() > 256 {
        return Err(damaged("the tagger needs 1 to 256 tags"));
    }
    let n = r.count(4)?;
    let mut labels = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.str()?;
        labels.push(
            intern(DEPRELS, name).ok_or_else(|| damaged(format!("unknown relation `{name}`")))?,
        );
    }
    let root = labels
        .iter()
        .position(|l| *l == "root")
        .ok_or_else(|| damaged("no `root` relation"))?;
    if 1 + 2 * labels.len() > 256 {
        return Err(damaged("too many relations"));
    }
    let tagger_weights = r.weights(tags.len())?;
    let parser = Parser {
        weights: r.weights(1 + 2 * labels.len())?,
        root: root as u8,
        labels,
    };
    let n = r.count(16)?;
    let mut classes = rustc_hash::FxHashMap::default();
    classes.reserve(n);
    for _ in 0..n {
        let k = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
        let v = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
        classes.insert(k, v);
    }
    let tagger = Tagger {
        weights: tagger_weights,
        tags,
        classes,
    };
    let (mut words, mut rules) = (BTreeMap::new(), BTreeMap::new());
    for _ in 0..r.count(12)? {
        let (x, f, l) = (r.str()?, r.str()?, r.str()?);
        words.insert((x.to_string(), f.to_string()), l.to_string());
    }
    for _ in 0..r.count(13)? {
        let (x, e) = (r.str()?, r.str()?);
        let cut = r.take(1)?[0];
        let add = r.str()?.to_string();
        rules.insert((x.to_string(), e.to_string()), Edit { cut, add });
    }
    let lemmas = Lemmatizer::new(words, rules);
    if r.at != body.len() {
        return Err(damaged("bytes left after the last section"));
    }
    Ok(Parts {
        about,
        tagger,
        parser,
        lemmas,
    })
}
