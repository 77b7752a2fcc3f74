//! Stage time shift: `<TIME>` phrases move the event's date, or set the
//! sentence aside.

use super::{skip, Aside, Sentence};
use crate::analysis::{Class, Lexeme, Unit};
use crate::engine::Matcher;
use statecraft_dict::{Dictionary, EventCode};

/// Stage time shift: the day offset of the first `<TIME>` phrase that
/// codes one, if time shifting is on; a phrase coded as discard or complex
/// sets the sentence aside.
pub(super) fn shift(s: &Sentence<'_>, lx: &[Lexeme]) -> Result<Option<i32>, Aside> {
    let (input, opts, texts, dict) = (s.input, s.opts, s.texts, s.lexicon.dict);
    // Time shifting.
    if opts.time_shift {
        for l in lx {
            if let Class::Time(v) = l.class {
                match time_code(dict, v, texts, l) {
                    Some(TimeCode::Days(d)) => {
                        return Ok(Some(d));
                    }
                    Some(TimeCode::Discard) => {
                        skip(input, "a time phrase coded as discard");
                        return Err(Aside::Discarded);
                    }
                    Some(TimeCode::Complex) => {
                        skip(input, "a time phrase coded as complex");
                        return Err(Aside::Complex);
                    }
                    None => {}
                }
            }
        }
    }
    Ok(None)
}

/// What a `<TIME>` phrase codes.
enum TimeCode {
    Days(i32),
    Discard,
    Complex,
}

/// The code of the time phrase `l` (time verb `v`): its longest matching
/// pattern's, else the verb's own.
fn time_code(dict: &Dictionary, v: u32, texts: &[&str], l: &Lexeme) -> Option<TimeCode> {
    let verb = &dict.verbs[v as usize];
    let units: Vec<Unit> = Vec::new();
    let comma: Vec<bool> = texts.iter().map(|t| *t == ",").collect();
    let m = Matcher {
        toks: texts,
        comma: &comma,
        units: &units,
        dict,
        lo: 0,
        hi: texts.len(),
        subject: None,
    };
    let mut code = &verb.code;
    let mut best: Option<(u32, &EventCode)> = None;
    for p in &dict.blocks[verb.block as usize].patterns {
        if let Some(b) = m.try_pattern(p, l.first, l.last) {
            if best.is_none_or(|(len, _)| b.len > len) {
                best = Some((b.len, &p.code));
            }
        }
    }
    if let Some((_, c)) = best {
        code = c;
    }
    match code {
        EventCode::Event { code, .. } => code.parse().ok().map(TimeCode::Days),
        EventCode::Discard => Some(TimeCode::Discard),
        EventCode::Complex => Some(TimeCode::Complex),
        EventCode::Null => None,
    }
}
