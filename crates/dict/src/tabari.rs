//! TABARI `.actors`, `.agents`, `.verbs` and `.options` files. The actor
//! reader also serves PETRARCH and Phoenix actor files, which use the same
//! layout.

use crate::code::{AgentCode, EventCode};
use crate::pattern::{self, Seq};
use crate::word::Endings;
use crate::{
    numbered_lines, parse_phrase, Actor, Agent, Block, CodeSchedule, Dialect, DictError,
    Dictionary, Pattern, Phrase, Synset, Verb, VerbKind,
};

pub(crate) fn err(file: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Strips comments: `<!-- -->` (tracked across lines by `in_xml`), and `#`
/// or `;` outside `[...]` and `{...}` when at the start or after a blank.
pub(crate) fn strip_comment(line: &str, in_xml: &mut bool) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        if *in_xml {
            match rest.find("-->") {
                Some(i) => {
                    rest = &rest[i + 3..];
                    *in_xml = false;
                }
                None => return out,
            }
        }
        match rest.find("<!") {
            Some(i) => {
                out.push_str(&rest[..i]);
                rest = &rest[i + 2..];
                *in_xml = true;
            }
            None => {
                out.push_str(rest);
                break;
            }
        }
    }
    let mut depth = 0i32;
    let mut prev_blank = true;
    for (i, c) in out.char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth -= 1,
            '#' | ';' if depth <= 0 && (prev_blank || c == ';') => {
                return out[..i].to_string();
            }
            _ => {}
        }
        prev_blank = c.is_whitespace() || c == ']';
    }
    out
}

/// Splits `PHRASE [a] [b]` into the phrase and the bracket contents.
/// Returns an error message for unbalanced brackets.
pub(crate) fn split_codes(line: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(open) = line.find('[') else {
        if line.contains(']') {
            return Err("missing '[' in code block".into());
        }
        return Ok((line, Vec::new()));
    };
    let phrase = &line[..open];
    let mut blocks = Vec::new();
    let mut rest = &line[open..];
    while let Some(r) = rest.trim_start().strip_prefix('[') {
        let Some(close) = r.find(']') else {
            return Err("missing ']' in code block".into());
        };
        blocks.push(&r[..close]);
        rest = &r[close + 1..];
    }
    if !rest.trim().is_empty() {
        return Err(format!(
            "unexpected text after code block: {:?}",
            rest.trim()
        ));
    }
    Ok((phrase, blocks))
}

pub(crate) fn read_actors(
    text: &str,
    file: &str,
    file_id: u32,
    dialect: Dialect,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    #[derive(PartialEq)]
    enum Section {
        Actors,
        Nouns,
        Adjectives,
    }
    let mut section = Section::Actors;
    let mut in_xml = false;
    let mut current: Option<Actor> = None;
    // PETRARCH actor phrases allow short gaps (see `parse_phrase`).
    let spaces_join = false;
    let finish = |cur: Option<Actor>, dict: &mut Dictionary, errors: &mut Vec<DictError>| {
        if let Some(a) = cur {
            if a.schedule.is_empty() {
                errors.push(err(
                    file,
                    a.origin.1 as usize,
                    format!(
                        "actor {} has no code",
                        a.phrases.first().map(Phrase::display).unwrap_or_default()
                    ),
                ));
            } else {
                dict.actors.push(a);
            }
        }
    };
    for (line_no, raw) in numbered_lines(text) {
        if raw.starts_with("~~") {
            break;
        }
        if dialect == Dialect::Tabari && (raw.starts_with('#') || raw.starts_with('/')) {
            continue;
        }
        let line = strip_comment(&raw, &mut in_xml);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        match trimmed.to_ascii_uppercase().as_str() {
            "<NOUN>" | "<NOUNS>" => {
                section = Section::Nouns;
                continue;
            }
            "<ADJECTIVE>" | "<ADJECTIVES>" | "<ADJ>" => {
                section = Section::Adjectives;
                continue;
            }
            "</NOUN>" | "</NOUNS>" | "</ADJECTIVE>" | "</ADJECTIVES>" | "</ADJ>" => {
                section = Section::Actors;
                continue;
            }
            _ => {}
        }
        if section != Section::Actors {
            match parse_phrase(trimmed, dialect, Endings::Noun, spaces_join) {
                Some(p) if section == Section::Nouns => dict.nouns.push(p),
                Some(p) => dict.adjectives.push(p),
                None => errors.push(err(file, line_no, "empty noun or adjective")),
            }
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        let (phrase_part, blocks) = match split_codes(trimmed) {
            Ok(x) => x,
            Err(m) => {
                errors.push(err(file, line_no, m));
                continue;
            }
        };
        let phrase_text = phrase_part.trim();
        let is_synonym = phrase_text.starts_with('+');
        if phrase_text.is_empty() && !indented && blocks.is_empty() {
            continue;
        }
        // A line of code blocks alone continues the current entry.
        if phrase_text.is_empty() {
            let Some(cur) = current.as_mut() else {
                errors.push(err(file, line_no, "code block with no actor before it"));
                continue;
            };
            for b in blocks {
                if let Err(m) = cur.schedule.add_block(b) {
                    errors.push(err(file, line_no, m));
                }
            }
            continue;
        }
        let Some(phrase) = parse_phrase(
            phrase_text.trim_start_matches('+'),
            dialect,
            Endings::Noun,
            spaces_join,
        ) else {
            errors.push(err(file, line_no, "empty actor phrase"));
            continue;
        };
        let continues = is_synonym || current.as_ref().is_some_and(|c| c.schedule.is_empty());
        if !continues {
            finish(current.take(), dict, errors);
        }
        let cur = current.get_or_insert_with(|| Actor {
            phrases: Vec::new(),
            schedule: CodeSchedule::default(),
            origin: (file_id, line_no as u32),
        });
        cur.phrases.push(phrase);
        for b in blocks {
            if let Err(m) = cur.schedule.add_block(b) {
                errors.push(err(file, line_no, m));
            }
        }
    }
    finish(current.take(), dict, errors);
}

pub(crate) fn read_agents(
    text: &str,
    file: &str,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    let mut in_xml = false;
    for (line_no, raw) in numbered_lines(text) {
        if raw.starts_with("~~") {
            break;
        }
        if raw.starts_with('#') || raw.starts_with('/') {
            continue;
        }
        let line = strip_comment(&raw, &mut in_xml);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (phrase, blocks) = match split_codes(trimmed) {
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
        match parse_phrase(phrase, Dialect::Tabari, Endings::Noun, false) {
            Some(p) => dict.agents.push(Agent {
                phrases: vec![p],
                code,
            }),
            None => errors.push(err(file, line_no, "empty agent phrase")),
        }
    }
}

pub(crate) fn read_options(
    text: &str,
    _file: &str,
    dict: &mut Dictionary,
    _errors: &mut Vec<DictError>,
) {
    for (_, raw) in numbered_lines(text) {
        // '#' and '//' start comments in .options files.
        let mut line = raw.as_str();
        if let Some(i) = line.find("//") {
            line = &line[..i];
        }
        if let Some(i) = line.find('#') {
            line = &line[..i];
        }
        let line = line.trim();
        if !line.is_empty() {
            dict.options.push(line.to_string());
        }
    }
}

/// Finds the synset index for a name, registering nothing.
pub(crate) fn synset_lookup(dict: &Dictionary) -> impl Fn(&str) -> Option<u32> + '_ {
    |name| {
        dict.synsets
            .iter()
            .position(|s| &*s.name == name)
            .map(|i| i as u32)
    }
}

/// Parses `body [code]` of a pattern line into a [`Pattern`].
pub(crate) fn parse_pattern(
    line: &str,
    dialect: Dialect,
    dict: &Dictionary,
    time: bool,
) -> Result<Pattern, String> {
    let (body, blocks) = split_codes(line)?;
    let code_text = blocks.first().ok_or("pattern has no [code]")?;
    let code = parse_code(code_text, time).ok_or_else(|| format!("bad code [{code_text}]"))?;
    let seq = pattern::parse_seq(body, dialect, &synset_lookup(dict))?;
    let verb_at = seq
        .0
        .iter()
        .position(|i| matches!(i.elem, crate::Elem::Verb))
        .ok_or("pattern has no verb marker '*'")?;
    if seq
        .0
        .iter()
        .filter(|i| matches!(i.elem, crate::Elem::Verb))
        .count()
        > 1
    {
        return Err("pattern has more than one '*'".into());
    }
    let length = seq.text_len();
    let mut items = seq.0;
    let lower: Vec<_> = items.split_off(verb_at + 1);
    let verb = items.pop().expect("verb present");
    let upper_joined = items.last().is_some_and(|i| i.joined);
    let required = items
        .iter()
        .chain(lower.iter())
        .filter_map(|i| match &i.elem {
            crate::Elem::Word(w) if matches!(w.mode, crate::Mode::Exact(_)) => Some(w.text.clone()),
            _ => None,
        })
        .collect();
    Ok(Pattern {
        required,
        upper: Seq(items),
        lower: Seq(lower),
        upper_joined,
        verb_joined: verb.joined,
        code,
        length,
        source: body.split_whitespace().collect::<Vec<_>>().join(" ").into(),
        written_for: Vec::new(),
    })
}

/// Event codes, or day offsets (`-7`, `+30`) in time sections.
pub(crate) fn parse_code(text: &str, time: bool) -> Option<EventCode> {
    if time {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.parse::<i32>().is_ok() {
            return Some(EventCode::Event {
                code: compact.into(),
                paired: None,
                subordinate: false,
                dominant: false,
            });
        }
    }
    EventCode::parse(text)
}

/// Sorts a block's patterns longest first, keeping file order for ties.
pub(crate) fn sort_block(block: &mut Block) {
    block.patterns.sort_by_key(|p| std::cmp::Reverse(p.length));
}

pub(crate) fn read_verbs(
    text: &str,
    file: &str,
    file_id: u32,
    dict: &mut Dictionary,
    errors: &mut Vec<DictError>,
) {
    #[derive(PartialEq, Clone, Copy)]
    enum Section {
        Verbs,
        Synsets,
        Time,
        Attrib,
    }
    let mut section = Section::Verbs;
    let mut current: Option<usize> = None; // verb index
    let mut current_synset: Option<usize> = None;
    let mut in_xml = false;
    for (line_no, raw) in numbered_lines(text) {
        if raw.starts_with("~~") {
            break;
        }
        if raw.starts_with('#') || raw.starts_with("//") {
            continue;
        }
        let line = strip_comment(&raw, &mut in_xml);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match t.to_ascii_uppercase().as_str() {
            "<SYNSETS>" | "<SYNSET>" => {
                section = Section::Synsets;
                continue;
            }
            "<TIME>" => {
                section = Section::Time;
                current = None;
                continue;
            }
            "<ATTRIB>" | "<ATTRIBUTION>" => {
                section = Section::Attrib;
                current = None;
                continue;
            }
            "</SYNSETS>" | "</SYNSET>" | "</TIME>" | "</ATTRIB>" | "</ATTRIBUTION>" => {
                section = Section::Verbs;
                current = None;
                continue;
            }
            _ => {}
        }
        if section == Section::Synsets {
            if let Some(name) = t.strip_prefix('&') {
                let name = name
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('_')
                    .to_ascii_uppercase();
                if name.is_empty() {
                    errors.push(err(file, line_no, "synset without a name"));
                    continue;
                }
                if let Some(i) = dict.synsets.iter().position(|s| *s.name == *name) {
                    current_synset = Some(i);
                } else {
                    dict.synsets.push(Synset {
                        name: name.into(),
                        members: Vec::new(),
                    });
                    current_synset = Some(dict.synsets.len() - 1);
                }
            } else if let Some(member) = t.strip_prefix('+') {
                let Some(si) = current_synset else {
                    errors.push(err(file, line_no, "synset member before any &NAME"));
                    continue;
                };
                let name = dict.synsets[si].name.clone();
                match pattern::parse_seq(member, Dialect::Tabari, &|n| {
                    if n == &*name {
                        None // a synset cannot contain itself
                    } else {
                        synset_lookup(dict)(n)
                    }
                }) {
                    Ok(seq) if !seq.0.is_empty() => dict.synsets[si].members.push(seq),
                    Ok(_) => errors.push(err(file, line_no, "empty synset member")),
                    Err(m) => errors.push(err(file, line_no, m)),
                }
            } else {
                errors.push(err(file, line_no, "synset lines start with '&' or '+'"));
            }
            continue;
        }
        let time = section == Section::Time;
        if t.starts_with('-') || (t.starts_with('_') && t[1..].starts_with(char::is_whitespace)) {
            let Some(vi) = current else {
                errors.push(err(file, line_no, "pattern before any verb"));
                continue;
            };
            match parse_pattern(&t[1..], Dialect::Tabari, dict, time) {
                Ok(p) => {
                    let b = dict.verbs[vi].block as usize;
                    dict.blocks[b].patterns.push(p);
                }
                Err(m) => errors.push(err(file, line_no, m)),
            }
            continue;
        }
        if let Some(forms) = t.strip_prefix('{') {
            let Some(vi) = current else {
                errors.push(err(file, line_no, "verb forms before any verb"));
                continue;
            };
            let forms = forms.trim_end().trim_end_matches('}');
            for f in forms.split_whitespace() {
                if let Some(p) = parse_phrase(f, Dialect::Tabari, Endings::Verb, false) {
                    dict.verbs[vi].forms.push(p);
                }
            }
            continue;
        }
        // A verb root: PHRASE [code]
        let (phrase, blocks) = match split_codes(t) {
            Ok(x) => x,
            Err(m) => {
                errors.push(err(file, line_no, m));
                current = None;
                continue;
            }
        };
        let code = match blocks.first() {
            Some(b) => match parse_code(b, time) {
                Some(c) => c,
                None => {
                    errors.push(err(file, line_no, format!("bad code [{b}]")));
                    current = None;
                    continue;
                }
            },
            None => {
                errors.push(err(file, line_no, "verb has no [code]"));
                current = None;
                continue;
            }
        };
        let Some(root) = parse_phrase(phrase, Dialect::Tabari, Endings::Verb, false) else {
            errors.push(err(file, line_no, "verb line has no words"));
            current = None;
            continue;
        };
        dict.blocks.push(Block::default());
        dict.verbs.push(Verb {
            forms: vec![root],
            code,
            block: (dict.blocks.len() - 1) as u32,
            kind: match section {
                Section::Time => VerbKind::Time,
                Section::Attrib => VerbKind::Attribution,
                _ => VerbKind::Event,
            },
            file: file_id,
        });
        current = Some(dict.verbs.len() - 1);
    }
    for b in &mut dict.blocks {
        sort_block(b);
    }
}
