//! PETRARCH-1 verb patterns (`CAMEO.verbpatterns`, `PETR.Validate.verbs`),
//! agents with plurals and substitution sets, discard lists and issues, as
//! used by the Phoenix dictionaries.

use crate::code::{AgentCode, EventCode};
use crate::pattern::{self, Elem, Item, Seq};
use crate::tabari::{
    err, parse_code, parse_pattern, sort_block, split_codes, strip_comment, synset_lookup,
};
use crate::word::{Endings, Mode, Word};
use crate::{
    numbered_lines, parse_phrase, Agent, Block, Dialect, DictError, Dictionary, Discard, Issue,
    Phrase, Synset, Verb, VerbKind,
};

/// Synset member: whole words that must be consecutive; the last word
/// takes plurals unless the member or the label ends in `_`.
fn synset_member(text: &str, plurals: bool, own: &str, dict: &Dictionary) -> Result<Seq, String> {
    let plurals = plurals && !text.trim_end().ends_with('_');
    // Blanks and underscores both mean "consecutive" in PETRARCH synsets.
    let glued = crate::glue_contractions(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    let joined_text = glued.split(' ').collect::<Vec<_>>().join("_");
    let mut seq = pattern::parse_seq(&joined_text, Dialect::Petrarch, &|n| {
        if n == own {
            None
        } else {
            synset_lookup(dict)(n)
        }
    })?;
    if plurals {
        if let Some(Item {
            elem: Elem::Word(w),
            ..
        }) = seq.0.last_mut()
        {
            w.mode = Mode::Exact(Endings::Noun);
        }
    }
    Ok(seq)
}

pub(crate) fn read_verbs(
    text: &str,
    file: &str,
    file_id: u32,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    // Synsets may be defined after their first use: read them first.
    // Lines that held only a comment are dropped: they neither end a
    // synset nor a pattern set, unlike truly blank lines.
    // (line, text without comments, the comment after '#')
    let lines: Vec<(usize, String, String)> = {
        let mut in_xml = false;
        numbered_lines(text)
            .filter_map(|(n, raw)| {
                let stripped = strip_comment(&raw, &mut in_xml);
                let comment = raw.split_once('#').map_or("", |(_, c)| c).to_string();
                (raw.trim().is_empty() || !stripped.trim().is_empty())
                    .then_some((n, stripped, comment))
            })
            .collect()
    };
    let mut i = 0;
    // (line, name, plurals, members with their lines)
    type SynsetDef = (usize, String, bool, Vec<(usize, String)>);
    let mut defs: Vec<SynsetDef> = Vec::new();
    while i < lines.len() {
        let t = lines[i].1.trim();
        if let Some(label) = t.strip_prefix('&') {
            let label = label.split_whitespace().next().unwrap_or("");
            let plurals = !label.ends_with('_');
            let name = label.trim_end_matches('_').to_ascii_uppercase();
            let mut members = Vec::new();
            let mut j = i + 1;
            while j < lines.len() {
                let m = lines[j].1.trim();
                if let Some(m) = m.strip_prefix('+') {
                    members.push((lines[j].0, m.to_string()));
                    j += 1;
                } else {
                    break;
                }
            }
            defs.push((lines[i].0, name, plurals, members));
            i = j;
        } else {
            i += 1;
        }
    }
    // Register names first so members may refer to later synsets.
    let base = dict.synsets.len();
    for (_, name, _, _) in &defs {
        dict.synsets.push(Synset {
            name: name.as_str().into(),
            members: Vec::new(),
        });
    }
    for (k, (line_no, name, plurals, members)) in defs.iter().enumerate() {
        if name.is_empty() {
            errors.push(err(file, *line_no, "synset without a name"));
            continue;
        }
        for (ml, m) in members {
            match synset_member(m, *plurals, name, dict) {
                Ok(seq) if !seq.0.is_empty() => dict.synsets[base + k].members.push(seq),
                Ok(_) => errors.push(err(file, *ml, "empty synset member")),
                Err(e) => errors.push(err(file, *ml, e)),
            }
        }
    }

    let mut block: Option<(usize, EventCode)> = None; // (block index, default code)
    let mut in_synset = false;
    // The blocks of this file, and each pattern's comment words (block,
    // pattern, words), resolved to verbs once the blocks are read.
    let first_block = dict.blocks.len();
    let mut named: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for (line_no, line, comment) in &lines {
        let t = line.trim();
        if t.is_empty() {
            in_synset = false;
            continue;
        }
        if t.starts_with('&') {
            in_synset = true;
            continue;
        }
        if in_synset && t.starts_with('+') {
            continue;
        }
        in_synset = false;
        if let Some(head) = t.strip_prefix("---") {
            // --- NAME [code] ---
            let head = head.trim().trim_end_matches('-').trim();
            let code = match split_codes(head) {
                Ok((_, blocks)) => match blocks.first() {
                    Some(b) => match EventCode::parse(b) {
                        Some(c) => c,
                        None => {
                            errors.push(err(file, *line_no, format!("bad block code [{b}]")));
                            EventCode::Null
                        }
                    },
                    None => EventCode::Null,
                },
                Err(m) => {
                    errors.push(err(file, *line_no, m));
                    EventCode::Null
                }
            };
            dict.blocks.push(Block::default());
            block = Some((dict.blocks.len() - 1, code));
            continue;
        }
        if let Some(body) = t.strip_prefix('-') {
            let Some((b, _)) = block else {
                errors.push(err(
                    file,
                    *line_no,
                    "pattern before any '--- VERB [code] ---' block",
                ));
                continue;
            };
            let body =
                crate::glue_contractions(&body.split_whitespace().collect::<Vec<_>>().join(" "));
            match parse_pattern(&body, Dialect::Petrarch, dict, false) {
                Ok(p) => {
                    let words = comment_words(comment);
                    if !words.is_empty() {
                        named.push((b, dict.blocks[b].patterns.len(), words));
                    }
                    dict.blocks[b].patterns.push(p)
                }
                Err(m) => errors.push(err(file, *line_no, m)),
            }
            continue;
        }
        // A verb: WORD {FORMS} [code], or +MULTI_WORD {…}, or WIRE_+TAP.
        let Some((b, default)) = block.clone() else {
            errors.push(err(
                file,
                *line_no,
                "verb before any '--- VERB [code] ---' block",
            ));
            continue;
        };
        let (main, forms_text, code_text) = match split_verb_line(t) {
            Ok(x) => x,
            Err(m) => {
                errors.push(err(file, *line_no, m));
                continue;
            }
        };
        let code = match code_text {
            Some(c) => match parse_code(c, false) {
                Some(c) => c,
                None => {
                    errors.push(err(file, *line_no, format!("bad code [{c}]")));
                    continue;
                }
            },
            None => default,
        };
        let multi = main.contains('_') || main.contains('+') || main.contains(' ');
        let mut forms = Vec::new();
        let endings = if multi {
            Endings::None
        } else {
            Endings::VerbStrict
        };
        match parse_phrase(&main.replace('+', ""), Dialect::Petrarch, endings, true) {
            Some(mut p) => {
                // "If there is no {...}, regular forms are constructed for
                // the word designated by '+'" (PETRARCH's dictionary
                // notes): +CALL_ON also reads "called on", "calls on".
                if multi && forms_text.trim().is_empty() {
                    if let Some(k) = marked_word(&main) {
                        if let Some(w) = p.words.get_mut(k) {
                            w.mode = Mode::Exact(Endings::VerbStrict);
                        }
                    }
                }
                forms.push(p)
            }
            None => {
                errors.push(err(file, *line_no, "verb line has no words"));
                continue;
            }
        }
        for f in forms_text.split_whitespace() {
            if let Some(p) =
                parse_phrase(&f.replace('+', ""), Dialect::Petrarch, Endings::None, true)
            {
                forms.push(p);
            }
        }
        dict.verbs.push(Verb {
            forms,
            code,
            block: b as u32,
            kind: VerbKind::Event,
            file: file_id,
        });
    }
    // A comment's words name the verbs a pattern was written for only
    // where they are verbs of its block (coders' initials, "OY", "SHAN",
    // are not). Resolved before the blocks are sorted.
    let mut heads: Vec<Vec<(u32, String)>> = vec![Vec::new(); dict.blocks.len() - first_block];
    for (i, v) in dict.verbs.iter().enumerate() {
        let b = (v.block as usize).checked_sub(first_block);
        if let (Some(h), Some(f)) = (b.and_then(|b| heads.get_mut(b)), v.forms.first()) {
            h.push((i as u32, american(&f.display())));
        }
    }
    for (b, p, words) in named {
        let words: Vec<String> = words.iter().map(|w| american(w)).collect();
        dict.blocks[b].patterns[p].written_for = heads[b - first_block]
            .iter()
            .filter(|(_, h)| words.contains(h))
            .map(|&(v, _)| v)
            .collect();
    }
    for b in &mut dict.blocks[first_block..] {
        sort_block(b);
    }
}

/// A verb in American spelling, so that CRITICISE and CRITICIZE (ANALYSE,
/// ANALYZE) are one verb.
fn american(verb: &str) -> String {
    for (uk, us) in [("ISE", "IZE"), ("YSE", "YZE")] {
        if let Some(stem) = verb.strip_suffix(uk) {
            return format!("{stem}{us}");
        }
    }
    verb.to_string()
}

/// The upper-case words of a pattern's comment before any `<` note:
/// `RECEIVE <ELH 21 May 2008>` → RECEIVE; `APPEAL <ab ...> , PLEAD <oy
/// ...>` → APPEAL, PLEAD.
fn comment_words(comment: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_note = false;
    for w in comment.split(|c: char| c.is_whitespace() || c == ',') {
        if w.starts_with('<') {
            in_note = true;
        }
        if !in_note && !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            out.push(w.into());
        }
        if w.ends_with('>') {
            in_note = false;
        }
    }
    out
}

/// Which word of a multi-word verb the '+' marks (`+CALL_ON`: 0,
/// `WIRE_+TAP`: 1), counting words as `parse_phrase` does.
fn marked_word(main: &str) -> Option<usize> {
    main.replace('-', "_")
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .position(|w| w.starts_with('+'))
}

/// `SAY {SAYS SAID} [010]` → ("SAY", "SAYS SAID", Some("010")).
fn split_verb_line(t: &str) -> Result<(String, String, Option<&str>), String> {
    let (before_code, code) = match t.find('[') {
        Some(i) => {
            let close = t[i..].find(']').ok_or("missing ']' in code block")?;
            (&t[..i], Some(&t[i + 1..i + close]))
        }
        None => (t, None),
    };
    let (main, forms) = match before_code.find('{') {
        Some(i) => {
            let close = before_code[i..]
                .find('}')
                .ok_or("missing '}' after verb forms")?;
            (&before_code[..i], &before_code[i + 1..i + close])
        }
        None => (before_code, ""),
    };
    Ok((main.trim().to_string(), forms.to_string(), code))
}

pub(crate) fn read_agents(
    text: &str,
    file: &str,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    let mut in_xml = false;
    let mut subs: Vec<(String, Vec<String>)> = Vec::new();
    for (line_no, raw) in numbered_lines(text) {
        let line = strip_comment(&raw, &mut in_xml);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // !MARKER! = A, B, C
        if t.starts_with('!') {
            if let Some((marker, list)) = t.split_once('=') {
                let items = list
                    .split(',')
                    .map(|s| s.trim().to_ascii_uppercase())
                    .filter(|s| !s.is_empty())
                    .collect();
                subs.push((marker.trim().to_ascii_uppercase(), items));
                continue;
            }
        }
        let (before, blocks) = match split_codes(t) {
            Ok(x) => x,
            Err(m) => {
                errors.push(err(file, line_no, m));
                continue;
            }
        };
        let [block] = blocks[..] else {
            errors.push(err(file, line_no, "agent needs exactly one [~CODE] block"));
            continue;
        };
        let Some(code) = AgentCode::parse(block) else {
            errors.push(err(
                file,
                line_no,
                format!("agent code {block:?} lacks a '~' or is malformed"),
            ));
            continue;
        };
        let (phrase_text, plural) = match before.find('{') {
            Some(i) => {
                let Some(close) = before[i..].find('}') else {
                    errors.push(err(file, line_no, "missing '}' after plural"));
                    continue;
                };
                (&before[..i], Some(before[i + 1..i + close].trim()))
            }
            None => (before, None),
        };
        // Expand substitution markers.
        let mut variants = vec![phrase_text.trim().to_ascii_uppercase()];
        for (marker, items) in &subs {
            if variants.iter().any(|v| v.contains(marker.as_str())) {
                variants = variants
                    .iter()
                    .flat_map(|v| items.iter().map(move |it| v.replace(marker.as_str(), it)))
                    .collect();
            }
        }
        let has_subs = variants.len() > 1 || variants[0] != phrase_text.trim().to_ascii_uppercase();
        let endings = match plural {
            Some(_) => Endings::None,
            None if has_subs => Endings::None,
            None => Endings::Noun,
        };
        let mut phrases = Vec::new();
        for v in &variants {
            if let Some(p) = parse_phrase(v, Dialect::Petrarch, endings, false) {
                phrases.push(with_possessive(p));
            }
        }
        if let Some(pl) = plural.filter(|p| !p.is_empty()) {
            if let Some(p) = parse_phrase(pl, Dialect::Petrarch, Endings::None, false) {
                phrases.push(with_possessive(p));
            }
        }
        if phrases.is_empty() {
            errors.push(err(file, line_no, "empty agent phrase"));
            continue;
        }
        dict.agents.push(Agent { phrases, code });
    }
}

/// Whole-word agents still accept the possessive ("government's").
fn with_possessive(mut p: Phrase) -> Phrase {
    if let Some(w) = p.words.last_mut() {
        if w.mode == Mode::Exact(Endings::None) {
            w.mode = Mode::Exact(Endings::Possessive);
        }
    }
    p
}

pub(crate) fn read_discards(
    text: &str,
    file: &str,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    let mut in_xml = false;
    for (line_no, raw) in numbered_lines(text) {
        let line = strip_comment(&raw, &mut in_xml);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let (story, body) = match t.strip_prefix('+') {
            Some(r) => (true, r.trim()),
            None => (false, t),
        };
        // Whole words, consecutive; the last word is a stem unless it ends in '_'.
        let exact_end = body.ends_with('_');
        let Some(mut phrase) = parse_phrase(body, Dialect::Petrarch, Endings::None, true) else {
            errors.push(err(file, line_no, "empty discard phrase"));
            continue;
        };
        if !exact_end {
            if let Some(w) = phrase.words.last_mut() {
                w.mode = Mode::Stem;
            }
        }
        dict.discards.push(Discard { phrase, story });
    }
}

pub(crate) fn read_issues(
    text: &str,
    file: &str,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    let mut in_xml = false;
    let mut category = String::new();
    for (line_no, raw) in numbered_lines(text) {
        let t = raw.trim();
        if let Some(rest) = t.strip_prefix("<ISSUE") {
            category = rest
                .split("CATEGORY")
                .nth(1)
                .and_then(|r| r.split('"').nth(1))
                .unwrap_or("")
                .to_string();
            continue;
        }
        if t.starts_with("</ISSUE") {
            category.clear();
            continue;
        }
        let line = strip_comment(&raw, &mut in_xml);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let (ignore, body) = match t.strip_prefix('~') {
            Some(r) => (true, r.trim_start_matches('~').trim()),
            None => (false, t),
        };
        let (phrase_text, blocks) = match split_codes(body) {
            Ok(x) => x,
            Err(m) => {
                errors.push(err(file, line_no, m));
                continue;
            }
        };
        // A phrase without a code takes its category's name, as the
        // Phoenix issues file relies on ("eurozone" in EUROPEAN_UNION).
        let code = blocks
            .first()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .unwrap_or(category.as_str());
        if !ignore && code.is_empty() {
            errors.push(err(
                file,
                line_no,
                "issue phrase has no [code] and no <ISSUE CATEGORY>",
            ));
            continue;
        }
        // n:word (noun forms), v:word (verb forms), a+b (blank or hyphen).
        let mut words = Vec::new();
        for w in phrase_text.split_whitespace() {
            let (endings, w) = if let Some(r) = w.strip_prefix("n:") {
                (Endings::Noun, r)
            } else if let Some(r) = w.strip_prefix("v:") {
                (Endings::Verb, r)
            } else {
                (Endings::None, w)
            };
            for part in w.split('+') {
                let text = pattern::normalize_word(part);
                if !text.is_empty() {
                    words.push(Word::new(&text, Mode::Exact(endings)));
                }
            }
        }
        if words.is_empty() {
            errors.push(err(file, line_no, "empty issue phrase"));
            continue;
        }
        let joined = vec![true; words.len() - 1];
        dict.issues.push(Issue {
            phrase: Phrase {
                words,
                joined,
                max_gap: 0,
            },
            code: code.into(),
            category: category.as_str().into(),
            ignore,
        });
    }
}
