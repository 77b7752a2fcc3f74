//! The analysis pipeline, stage by stage: tokenize, split, cut, lex, tag,
//! parse, lemmatize.

use crate::lex::Lex;
use crate::parse::{Parse, Word};
use crate::parser::Item;
use crate::split::split;
use crate::tokenize::{tokenize, Piece};
use crate::Model;
use std::ops::Range;

/// Longest sentence parsed whole, in words. Longer ones are cut into
/// pieces of at most this many words, after a comma, semicolon, colon or
/// dash where one is near the limit. (The treebanks' longest sentences are
/// under 200 words; a longer "sentence" is a list, a table or junk.)
pub const MAX_WORDS: usize = 250;

/// Working memory reused across sentences.
#[derive(Default)]
struct Scratch {
    buf: String,
    lex: Vec<Lex>,
    tags: Vec<u8>,
    /// One piece's tags, as the tagger writes them.
    piece_tags: Vec<u8>,
    amb: Vec<u64>,
    items: Vec<Item>,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

/// Analyses a text: every sentence in it.
pub(crate) fn analyze(model: &Model, text: &str) -> Vec<Parse> {
    let mut pieces = Vec::new();
    tokenize(text, &mut pieces);
    let mut scratch = Scratch::default();
    split(text, &pieces)
        .into_iter()
        .map(|r| parse_pieces(model, text, &pieces[r], &mut scratch))
        .collect()
}

/// Analyses a text as one sentence.
pub(crate) fn parse_sentence(model: &Model, text: &str) -> Parse {
    let mut pieces = Vec::new();
    tokenize(text, &mut pieces);
    parse_pieces(model, text, &pieces, &mut Scratch::default())
}

/// Parses words already tokenised, joined by spaces.
pub(crate) fn parse_words(model: &Model, words: &[&str]) -> Parse {
    let mut text = String::new();
    let mut pieces = Vec::with_capacity(words.len());
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        pieces.push(Piece {
            start: text.len(),
            end: text.len() + w.len(),
            joined: false,
        });
        text.push_str(w);
    }
    parse_pieces(model, &text, &pieces, &mut Scratch::default())
}

/// Stage `cut`: the pieces of a sentence to parse one by one.
pub(crate) fn cut(text: &str, words: &[Piece]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while words.len() - start > MAX_WORDS {
        let limit = start + MAX_WORDS;
        let good = (start + MAX_WORDS / 2..limit).rev().find(|&i| {
            matches!(
                text.get(words[i].start..words[i].end),
                Some(";" | "," | ":" | "-" | "--" | "—" | "–")
            )
        });
        // Never cut inside a multiword token.
        let mut end = good.map_or(limit, |i| i + 1);
        while end > start + 1 && words.get(end).is_some_and(|w| w.joined) {
            end -= 1;
        }
        out.push(start..end);
        start = end;
    }
    if start < words.len() || out.is_empty() {
        out.push(start..words.len());
    }
    out
}

/// Stages tokenize, cut, lex and tag over one sentence, without the
/// parser: each word's span and part of speech, for callers that need no
/// more (a fifth of the cost of a parse).
pub(crate) fn tag_sentence(model: &Model, text: &str) -> Vec<Tagged> {
    Tagging::new(model, text).tagged
}

/// A sentence tokenised, cut, lexed and tagged ([`crate::Model::tagging`]):
/// its words' parts of speech, and what [`Tagging::parse`] needs to parse
/// it without tokenising and tagging it again (a caller that reads the
/// tags first and parses only when it must would otherwise tag twice).
#[derive(Clone, Debug)]
pub struct Tagging<'a> {
    model: &'a Model,
    text: &'a str,
    words: Vec<Piece>,
    /// The pieces the sentence is cut into ([`cut`]).
    pieces: Vec<Range<usize>>,
    lex: Vec<Lex>,
    /// Tagger classes, one per word.
    tags: Vec<u8>,
    tagged: Vec<Tagged>,
}

impl<'a> Tagging<'a> {
    /// Tokenises, cuts, lexes and tags `text` as one sentence.
    pub(crate) fn new(model: &'a Model, text: &'a str) -> Tagging<'a> {
        let mut words = Vec::new();
        tokenize(text, &mut words);
        let mut s = Scratch::default();
        let pieces = cut(text, &words);
        lex_and_tag(model, text, &words, &pieces, &mut s);
        let tagger = &model.parts.tagger;
        let tagged = words
            .iter()
            .zip(&s.tags)
            .map(|(w, &t)| Tagged {
                start: w.start,
                end: w.end,
                upos: tagger.tags[usize::from(t)].upos,
            })
            .collect();
        Tagging {
            model,
            text,
            words,
            pieces,
            lex: s.lex,
            tags: s.tags,
            tagged,
        }
    }

    /// Each word's span and part of speech, as [`Tagging::parse`] gives
    /// them.
    pub fn tags(&self) -> &[Tagged] {
        &self.tagged
    }

    /// The parse of the sentence, the same as [`crate::Model::parse`] of
    /// its text.
    pub fn parse(&self) -> Parse {
        let tagged = Lexed {
            lex: &self.lex,
            tags: &self.tags,
        };
        parse_tagged(
            self.model,
            self.text,
            &self.words,
            &self.pieces,
            tagged,
            &mut Scratch::default(),
        )
    }
}

/// Stages lex and tag over the pieces of a sentence: every word's views
/// into `s.lex` and its tag into `s.tags` (each piece tagged on its own).
fn lex_and_tag(
    model: &Model,
    text: &str,
    words: &[Piece],
    pieces: &[Range<usize>],
    s: &mut Scratch,
) {
    s.lex.clear();
    for w in words {
        s.lex.push(Lex::new(&text[w.start..w.end], &mut s.buf));
    }
    s.tags.clear();
    for range in pieces {
        let lex = &s.lex[range.clone()];
        model.parts.tagger.tag(lex, &mut s.amb, &mut s.piece_tags);
        s.tags.extend_from_slice(&s.piece_tags);
    }
}

/// A word and its part of speech, from [`crate::Model::tag`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tagged {
    /// Byte offset of the word in the sentence.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Universal part of speech.
    pub upos: crate::Upos,
}

/// Stages lex, tag, parse and lemmatize over one sentence's words.
fn parse_pieces(model: &Model, text: &str, words: &[Piece], s: &mut Scratch) -> Parse {
    let pieces = cut(text, words);
    lex_and_tag(model, text, words, &pieces, s);
    let lex = std::mem::take(&mut s.lex);
    let tags = std::mem::take(&mut s.tags);
    let tagged = Lexed {
        lex: &lex,
        tags: &tags,
    };
    let parse = parse_tagged(model, text, words, &pieces, tagged, s);
    (s.lex, s.tags) = (lex, tags);
    parse
}

/// The views and tags of a sentence's words (stages lex and tag done).
#[derive(Clone, Copy)]
struct Lexed<'a> {
    lex: &'a [Lex],
    tags: &'a [u8],
}

/// Stages parse and lemmatize over one sentence's words, cut into
/// `pieces`, each word lexed and tagged.
fn parse_tagged(
    model: &Model,
    text: &str,
    words: &[Piece],
    pieces: &[Range<usize>],
    tagged: Lexed<'_>,
    s: &mut Scratch,
) -> Parse {
    let p = &model.parts;
    let parataxis = p.parser.labels.iter().position(|l| *l == "parataxis");
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut first_root = None;
    for range in pieces {
        let offset = range.start;
        let piece = &words[range.clone()];
        let tags = &tagged.tags[range.clone()];
        // parse
        crate::parser::items(&tagged.lex[range.clone()], tags, &mut s.items);
        p.parser.parse(&s.items, &mut s.heads, &mut s.labels);
        let n = piece.len() as u32;
        for (i, w) in piece.iter().enumerate() {
            let tag = p.tagger.tags[usize::from(tags[i])];
            let (mut head, mut deprel) = if s.heads[i] == n {
                (None, "root")
            } else {
                (
                    Some(offset + s.heads[i] as usize),
                    p.parser.labels[usize::from(s.labels[i])],
                )
            };
            if head.is_none() {
                match first_root {
                    None => first_root = Some(offset + i),
                    Some(r) => {
                        head = Some(r);
                        deprel = parataxis.map_or("dep", |k| p.parser.labels[k]);
                    }
                }
            }
            out.push(Word {
                form: text[w.start..w.end].to_string(),
                start: w.start,
                end: w.end,
                joined: w.joined && i > 0,
                upos: tag.upos,
                xpos: tag.xpos,
                lemma: String::new(),
                head,
                deprel,
            });
        }
    }
    // lemmatize
    for w in &mut out {
        w.lemma = p
            .lemmas
            .lemma(&w.form, w.xpos, w.upos == crate::Upos::Propn);
    }
    let cuts = pieces.iter().skip(1).map(|r| r.start - 1).collect();
    Parse::new(out, cuts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<Piece> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out
    }

    /// Tagging alone gives the parse's words and parts of speech.
    #[test]
    fn tags_agree_with_the_parse() {
        let model = Model::builtin();
        let text = "Russian forces shelled the town, officials said.";
        let tags = tag_sentence(model, text);
        let parse = parse_sentence(model, text);
        let from_parse: Vec<Tagged> = parse
            .words()
            .iter()
            .map(|w| Tagged {
                start: w.start,
                end: w.end,
                upos: w.upos,
            })
            .collect();
        assert_eq!(tags, from_parse);
        assert_eq!(tags[2].upos, crate::Upos::Verb, "{tags:?}");
    }

    /// `(text, expected piece lengths)`: a sentence within the limit is one
    /// piece; a longer one is cut after the last comma in the second half
    /// of the window, or at the limit when there is none.
    #[test]
    fn cuts() {
        let words = |n: usize, w: &str| vec![w; n].join(" ");
        let cases: Vec<(String, Vec<usize>)> = vec![
            (words(MAX_WORDS, "a"), vec![MAX_WORDS]),
            (words(MAX_WORDS + 1, "a"), vec![MAX_WORDS, 1]),
            (words(3 * MAX_WORDS, "a"), vec![MAX_WORDS; 3]),
            (
                format!("{} , {}", words(200, "a"), words(100, "b")),
                vec![201, 100],
            ),
            // A comma too early in the window is not used.
            (
                format!("{} , {}", words(10, "a"), words(300, "b")),
                vec![MAX_WORDS, 61],
            ),
            (String::new(), vec![0]),
        ];
        for (text, want) in cases {
            let p = pieces(&text);
            let got: Vec<usize> = cut(&text, &p).iter().map(|r| r.len()).collect();
            assert_eq!(got, want, "{} words", p.len());
        }
    }

    /// A cut never falls inside a multiword token ("can" + "n't").
    #[test]
    fn cuts_keep_multiword_tokens_whole() {
        let text = format!("{} can't go", vec!["a"; MAX_WORDS - 1].join(" "));
        let p = pieces(&text);
        assert!(p.len() > MAX_WORDS, "{}", p.len());
        let ranges = cut(&text, &p);
        assert_eq!(ranges.len(), 2);
        assert!(!p[ranges[1].start].joined);
        assert_eq!(
            &text[p[ranges[1].start].start..p[ranges[1].start].end],
            "ca"
        );
    }
}
