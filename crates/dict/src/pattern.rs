//! The verb-pattern language shared by TABARI and PETRARCH:
//! `- SAID $ * [113]`, `- * FOR { SANCTIONS | EMBARGO } [172]`,
//! `- MOST_CERTAINLY_&NEGAUX_EVER * OVER EFFORTS [907]`.
//!
//! Tokens: `*` the verb, `$` the source, `+` the target, `%` a compound
//! that is both, `^` an actor to skip, `@` an attribution actor,
//! `&NAME` a synset, `{ a | b }` alternatives. Words separated by a blank
//! may have other words between them; `_` joins two elements that must be
//! adjacent. In TABARI files a word is a stem unless it ends in `_` (or
//! `=`); `~_` keeps the stem and still joins. PETRARCH words are whole
//! words.

use crate::word::{Endings, Mode, Word};
use crate::Dialect;

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// A literal word.
    Word(Word),
    /// `*`: where the verb is.
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor that is both source and target.
    Compound,
    /// `^`: an actor to skip over.
    Skip,
    /// `@`: an attribution actor (matched like `^`).
    Attrib,
    /// `&NAME`: any member of a synset (index into the dictionary's synsets).
    Synset(u32),
    /// `{ a | b }`: any of the sequences.
    Alt(Vec<Seq>),
}

/// An element and whether the next element must follow it immediately.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The element.
    pub elem: Elem,
    /// Joined to the next element by `_`.
    pub joined: bool,
}

/// A sequence of elements.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seq(pub Vec<Item>);

impl Seq {
    /// Characters of literal text, as TABARI counts pattern length: blanks,
    /// tokens and synsets count nothing; alternatives count their longest.
    pub fn text_len(&self) -> u32 {
        self.0.iter().map(|i| elem_len(&i.elem)).sum()
    }

    /// Whether any element (at any depth) satisfies `f`.
    pub fn any(&self, f: &dyn Fn(&Elem) -> bool) -> bool {
        self.0.iter().any(|i| {
            f(&i.elem)
                || match &i.elem {
                    Elem::Alt(alts) => alts.iter().any(|s| s.any(f)),
                    _ => false,
                }
        })
    }
}

fn elem_len(e: &Elem) -> u32 {
    match e {
        Elem::Word(w) => w.text.chars().filter(|c| c.is_alphanumeric()).count() as u32,
        Elem::Alt(alts) => alts.iter().map(Seq::text_len).max().unwrap_or(0),
        _ => 0,
    }
}

#[derive(Debug, PartialEq)]
enum Lex {
    Word(String, Mode),
    Special(char),
    Synset(String),
    Open,
    Bar,
    Close,
}

/// Parses a pattern body (without the leading `-` and the `[code]`) into a
/// sequence. `synset` maps a synset name (without `&`, upper-case, trailing
/// `_` removed) to its index.
pub(crate) fn parse_seq(
    body: &str,
    dialect: Dialect,
    synset: &dyn Fn(&str) -> Option<u32>,
) -> Result<Seq, String> {
    let lexemes = lex(body, dialect)?;
    let mut pos = 0;
    let seq = parse_items(&lexemes, &mut pos, synset, false)?;
    if pos != lexemes.len() {
        return Err("unbalanced '}' in pattern".into());
    }
    Ok(seq)
}

fn parse_items(
    lx: &[(Lex, bool)],
    pos: &mut usize,
    synset: &dyn Fn(&str) -> Option<u32>,
    in_alt: bool,
) -> Result<Seq, String> {
    let mut items = Vec::new();
    while *pos < lx.len() {
        let (lexeme, joined) = &lx[*pos];
        match lexeme {
            Lex::Bar | Lex::Close if in_alt => break,
            Lex::Bar => return Err("'|' outside { }".into()),
            Lex::Close => return Err("unbalanced '}'".into()),
            Lex::Open => {
                *pos += 1;
                let mut alts = Vec::new();
                loop {
                    let seq = parse_items(lx, pos, synset, true)?;
                    alts.push(seq);
                    match lx.get(*pos) {
                        Some((Lex::Bar, _)) => *pos += 1,
                        Some((Lex::Close, j)) => {
                            items.push(Item {
                                elem: Elem::Alt(alts),
                                joined: *j,
                            });
                            *pos += 1;
                            break;
                        }
                        _ => return Err("'{' without a closing '}'".into()),
                    }
                }
                continue;
            }
            Lex::Word(w, mode) => items.push(Item {
                elem: Elem::Word(Word::new(w, *mode)),
                joined: *joined,
            }),
            Lex::Synset(name) => {
                let id = synset(name).ok_or_else(|| format!("undefined synset &{name}"))?;
                items.push(Item {
                    elem: Elem::Synset(id),
                    joined: *joined,
                });
            }
            Lex::Special(c) => {
                let elem = match c {
                    '*' => Elem::Verb,
                    '$' => Elem::Source,
                    '+' => Elem::Target,
                    '%' => Elem::Compound,
                    '^' => Elem::Skip,
                    '@' => Elem::Attrib,
                    _ => unreachable!(),
                };
                items.push(Item {
                    elem,
                    joined: *joined,
                });
            }
        }
        *pos += 1;
    }
    Ok(Seq(items))
}

/// Splits a pattern into lexemes, each with "joined to the next".
fn lex(body: &str, dialect: Dialect) -> Result<Vec<(Lex, bool)>, String> {
    let mut out: Vec<(Lex, bool)> = Vec::new();
    for chunk in body.split_whitespace() {
        let chunk = chunk.replace('-', "_");
        let parts: Vec<&str> = chunk.split('_').collect();
        let n = parts.len();
        for (k, part) in parts.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            let followed = k + 1 < n;
            let next_nonempty = k + 1 < n && !parts[k + 1].is_empty();
            // A part may carry braces attached: "{A" or "B}".
            let mut p = *part;
            let mut pre = Vec::new();
            while let Some(r) = p.strip_prefix('{') {
                pre.push(Lex::Open);
                p = r;
            }
            let mut post = Vec::new();
            while let Some(r) = p.strip_suffix('}') {
                post.push(Lex::Close);
                p = r;
            }
            for l in pre {
                out.push((l, false));
            }
            let lexeme = match p {
                "" => None,
                "*" | "**" => Some(Lex::Special('*')),
                "$" | "+" | "%" | "^" | "@" => Some(Lex::Special(p.chars().next().unwrap())),
                "|" => Some(Lex::Bar),
                _ if p.starts_with('&') => {
                    let name = p[1..].trim_end_matches('_').to_ascii_uppercase();
                    if name.is_empty() {
                        return Err("empty synset name '&'".into());
                    }
                    Some(Lex::Synset(name))
                }
                _ => word_lexeme(p, followed, dialect),
            };
            let joined_here = next_nonempty && post.is_empty();
            if let Some(l) = lexeme {
                out.push((l, joined_here));
            }
            let npost = post.len();
            for (i, l) in post.into_iter().enumerate() {
                out.push((l, i + 1 == npost && next_nonempty));
            }
        }
    }
    Ok(out)
}

/// A literal word; `terminated` says an `_` followed it.
fn word_lexeme(raw: &str, terminated: bool, dialect: Dialect) -> Option<Lex> {
    let (raw, tilde) = match raw.strip_suffix('~') {
        Some(r) => (r, true),
        None => (raw, false),
    };
    let (raw, no_endings) = match raw.strip_suffix('=') {
        Some(r) => (r, true),
        None => (raw, false),
    };
    let text = normalize_word(raw);
    if text.is_empty() {
        return None;
    }
    let mode = match dialect {
        Dialect::Tabari if tilde => Mode::Stem,
        Dialect::Tabari if terminated || no_endings => Mode::Exact(Endings::None),
        Dialect::Tabari => Mode::Stem,
        Dialect::Petrarch => Mode::Exact(Endings::None),
    };
    Some(Lex::Word(text, mode))
}

/// Upper-cases a dictionary word and drops the punctuation that text
/// tokenisation also drops, so both sides agree.
pub(crate) fn normalize_word(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        if matches!(
            c,
            '(' | ')' | '"' | '[' | ']' | ',' | ';' | ':' | '?' | '!' | '“' | '”'
        ) {
            continue;
        }
        statecraft_text::fold_char(c, &mut s);
    }
    // Leading apostrophes are dropped in text too.
    s.trim_start_matches('\'').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(seq: &Seq) -> String {
        seq.0
            .iter()
            .map(|i| {
                let e = match &i.elem {
                    Elem::Word(w) => match w.mode {
                        Mode::Stem => format!("{}~", w.text),
                        Mode::Exact(_) => w.text.to_string(),
                    },
                    Elem::Verb => "*".into(),
                    Elem::Source => "$".into(),
                    Elem::Target => "+".into(),
                    Elem::Compound => "%".into(),
                    Elem::Skip => "^".into(),
                    Elem::Attrib => "@".into(),
                    Elem::Synset(i) => format!("&{i}"),
                    Elem::Alt(a) => {
                        format!("{{{}}}", a.iter().map(show).collect::<Vec<_>>().join("|"))
                    }
                };
                if i.joined {
                    format!("{e}_")
                } else {
                    e
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn tabari_pattern_table() {
        let syn = |n: &str| match n {
            "TIETYPES" => Some(0),
            "NEGATVAUXVRB" => Some(1),
            "CURRENCY" => Some(2),
            _ => None,
        };
        let cases = [
            ("IN_*", "IN_ *"),
            ("IN_ *", "IN *"),
            ("IN *", "IN~ *"),
            ("* REAL~_PLEASANT", "* REAL~_ PLEASANT~"),
            ("RECENT~_*", "RECENT~_ *"),
            ("+ KNOWN_ * IN_ $", "+ KNOWN * IN $"),
            ("NOTED_WOULD NOW *", "NOTED_ WOULD~ NOW~ *"),
            ("ANTI- + *", "ANTI + *"),
            (
                "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS",
                "SUGGESTED_ + * DEMAND_ {GENEVA|INTERNATIONAL~}_ CONVENTIONS~",
            ),
            (
                "MOST_CERTAINLY_&NEGATVAUXVRB_EVER * OVER EFFORTS",
                "MOST_ CERTAINLY_ &1_ EVER~ * OVER~ EFFORTS~",
            ),
            (
                "INCHING { &TIETYPES | CLOSER | &CURRENCY_EXCHANGE } *",
                "INCHING~ {&0|CLOSER~|&2_ EXCHANGE~} *",
            ),
            ("% SAID WOULD_*_TALKS", "% SAID~ WOULD_ *_ TALKS~"),
            ("$ ^ FOR *", "$ ^ FOR~ *"),
            ("* EID AT ^ WITH +", "* EID~ AT~ ^ WITH~ +"),
            ("BAN= *", "BAN *"),
        ];
        for (src, want) in cases {
            let seq =
                parse_seq(src, Dialect::Tabari, &syn).unwrap_or_else(|e| panic!("{src}: {e}"));
            assert_eq!(show(&seq), want, "{src}");
        }
    }

    #[test]
    fn lengths_follow_tabari() {
        let none = |_: &str| Some(0);
        let len = |s| parse_seq(s, Dialect::Tabari, &none).unwrap().text_len();
        assert_eq!(len("+ * TO THE NEXT DAY $"), 12);
        assert_eq!(len("* THEIR MEETINGS"), 13);
        assert_eq!(
            len("RECENTLY { LOUDLY INCLUDED | STRONGLY ASSXRTED } ITS *"),
            8 + 16 + 3
        );
        assert_eq!(len("* &CURRENCY"), 0);
    }

    #[test]
    fn malformed_patterns_are_errors() {
        let none = |_: &str| None;
        for bad in ["* { A | B", "* A }", "* &UNDEFINED", "| *"] {
            assert!(parse_seq(bad, Dialect::Tabari, &none).is_err(), "{bad}");
        }
    }
}
