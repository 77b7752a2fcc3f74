//! `statecraft explain`: why a text is coded as it is.

use crate::world::parse_date;
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use statecraft_coder::{Coder, Options};
use statecraft_text::{Date, Layout, Story};
use std::io::{Read, Write};

#[derive(Args)]
pub struct ExplainArgs {
    /// The text: one or more sentences (standard input when omitted).
    text: Option<String>,
    /// The story date, YYYY-MM-DD: actors are coded as of it, and
    /// relative dates resolve from it (default: today).
    #[arg(long)]
    date: Option<String>,
    /// The story's headline, which can say where its events happened.
    #[arg(long)]
    title: Option<String>,
    /// The reading to explain.
    #[arg(long, value_enum, default_value = "statecraft")]
    reading: Reading,
    /// Print JSON (one object: the reading, then each sentence's parse,
    /// matches, actors, predicates and candidate events) instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Reading {
    Statecraft,
    Petrarch,
    Tabari,
}

/// Prints the explanation of the text; `Ok(true)` always (an empty text
/// explains nothing).
pub fn run(args: ExplainArgs) -> Result<bool> {
    let text = match args.text {
        Some(t) => t,
        None => {
            let mut t = String::new();
            std::io::stdin()
                .read_to_string(&mut t)
                .context("cannot read the text from standard input")?;
            t
        }
    };
    let date = match &args.date {
        Some(d) => parse_date(d)?,
        None => Date::today(),
    };
    let options = match args.reading {
        Reading::Statecraft => Options::statecraft(),
        Reading::Petrarch => Options::petrarch(),
        Reading::Tabari => Options::tabari(),
    };
    let (dict, _known_flaws) = statecraft_dict::bundled();
    let coder = Coder::new(dict, options);
    let mut story = Story::new("explain", date, text.trim(), Layout::Prose);
    story.title = args.title;
    let (why, coded) = coder.session().explain(&story);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &why)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", why.render())?;
        writeln!(out, "# events")?;
        for e in &coded.events {
            let modality = e
                .modality
                .map_or(String::new(), |m| format!(" [{}]", m.as_str()));
            writeln!(
                out,
                "  {} -> {} {} on {}{modality}",
                e.source, e.target, e.cameo, e.date
            )?;
        }
    }
    Ok(true)
}
