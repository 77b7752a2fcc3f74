//! `statecraft code`: read stories, code them, print events.

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use statecraft_coder::dedup::Merged;
use statecraft_coder::{Coder, Event, Options};
use statecraft_dict::{decode, Dialect, Dictionary, Loader};
use statecraft_text::read::{self, Format};
use statecraft_text::{Batch, Diagnostic, Environment, Item, Severity};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct CodeArgs {
    /// Story files; standard input when none is given.
    files: Vec<PathBuf>,
    /// Input format (detected when omitted).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: OutputFormat,
    /// Also print events that did not happen: hypothetical ("could
    /// isolate", "if realized") and negated ("did not meet") ones, marked
    /// by their `modality`. Intentions ("plans to") are always printed.
    #[arg(long)]
    modal: bool,
    /// Merge reports of one event across the batch: same dyad, CAMEO code
    /// and overlapping dates become one event with an `event_id` and its
    /// `mentions` (story ids and sentence indexes).
    #[arg(long)]
    dedup: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum InputFormat {
    Jsonl,
    Plain,
    Tabari,
    Project,
    Petrarch,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// One JSON event a line.
    Jsonl,
    /// PETRARCH's tab-separated date, source, target, code (plus id and sentence).
    Tsv,
    /// Statements of a change of role ("assumed power as interim
    /// president"), one JSON object a line, instead of events.
    Roles,
}

impl InputFormat {
    pub fn format(self) -> Format {
        match self {
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Plain => Format::Plain,
            InputFormat::Tabari => Format::TabariText,
            InputFormat::Project => Format::TabariProject,
            InputFormat::Petrarch => Format::PetrarchXml,
        }
    }
}

/// Returns `Ok(true)` when no error diagnostic was raised.
pub fn run(args: CodeArgs) -> Result<bool> {
    let stdout = io::stdout();
    let mut out = Sink {
        out: BufWriter::new(stdout.lock()),
        format: args.format,
        modal: args.modal,
        held: args.dedup.then(Vec::new),
    };
    let mut clean = true;
    let mut default_coder: Option<Coder> = None;
    let inputs: Vec<Option<PathBuf>> = if args.files.is_empty() {
        vec![None]
    } else {
        args.files.iter().cloned().map(Some).collect()
    };
    for input in inputs {
        let (label, bytes) = match &input {
            Some(p) => match std::fs::read(p) {
                Ok(b) => (p.display().to_string(), b),
                Err(e) => {
                    eprintln!("{}: error: cannot read: {e}", p.display());
                    clean = false;
                    continue;
                }
            },
            None => {
                let mut b = Vec::new();
                io::stdin()
                    .read_to_end(&mut b)
                    .context("reading standard input")?;
                ("<stdin>".to_string(), b)
            }
        };
        let base = input
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let format = args
            .input_format
            .map(InputFormat::format)
            .unwrap_or_else(|| read::detect(input.as_deref(), &bytes));
        let batch = read::read(format, &bytes, &label, &base);
        clean &= report(&batch.diagnostics);
        match format {
            Format::TabariProject => {
                let env = batch.environment.clone().unwrap_or_default();
                let mut coder =
                    environment_coder(&env, Dialect::Tabari, Options::tabari(), &mut clean)?;
                for text in &env.texts {
                    let bytes = match std::fs::read(text) {
                        Ok(b) => b,
                        Err(e) => {
                            eprintln!("{}: error: cannot read: {e}", text.display());
                            clean = false;
                            continue;
                        }
                    };
                    let label = text.display().to_string();
                    let batch = read::read_tabari_text(&bytes, &label);
                    clean &= report(&batch.diagnostics);
                    code_batch(&mut coder, &batch, &mut out)?;
                }
            }
            Format::PetrarchXml
                if batch
                    .environment
                    .as_ref()
                    .is_some_and(|e| !e.verbs.is_empty() || !e.actors.is_empty()) =>
            {
                let env = batch.environment.clone().unwrap_or_default();
                let mut coder =
                    environment_coder(&env, Dialect::Petrarch, Options::petrarch(), &mut clean)?;
                code_batch(&mut coder, &batch, &mut out)?;
            }
            _ => {
                let coder = match default_coder.as_mut() {
                    Some(c) => c,
                    None => {
                        let (dict, errors) = statecraft_dict::bundled();
                        for e in &errors {
                            // The bundled files' own flaws are known; show them only on request.
                            if std::env::var_os("STATECRAFT_DICT_WARNINGS").is_some() {
                                eprintln!("warning: {e}");
                            }
                        }
                        default_coder.insert(Coder::new(dict, Options::statecraft()))
                    }
                };
                code_batch(coder, &batch, &mut out)?;
            }
        }
    }
    out.finish()?;
    Ok(clean)
}

/// Where coded events go: straight out, or held for `--dedup`.
struct Sink<W: Write> {
    out: W,
    format: OutputFormat,
    modal: bool,
    held: Option<Vec<Event>>,
}

impl<W: Write> Sink<W> {
    fn emit(&mut self, e: Event) -> Result<()> {
        if !(self.modal || e.happened_or_intended()) {
            return Ok(());
        }
        match &mut self.held {
            Some(held) => held.push(e),
            None => write_event(&e, None, self.format, &mut self.out)?,
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if let Some(held) = self.held.take() {
            for m in statecraft_coder::dedup::merge(held) {
                write_event(&m.event, Some(&m), self.format, &mut self.out)?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}

fn report(diags: &[Diagnostic]) -> bool {
    let mut clean = true;
    for d in diags {
        eprintln!("{d}");
        if d.severity == Severity::Error {
            clean = false;
        }
    }
    clean
}

fn environment_coder(
    env: &Environment,
    dialect: Dialect,
    options: Options,
    clean: &mut bool,
) -> Result<Coder> {
    let mut loader = Loader::new();
    let mut read = |p: &Path| -> Option<String> {
        match std::fs::read(p) {
            Ok(b) => Some(decode(&b)),
            Err(e) => {
                eprintln!("{}: error: cannot read dictionary: {e}", p.display());
                *clean = false;
                None
            }
        }
    };
    for p in &env.actors {
        if let Some(t) = read(p) {
            loader.actors(&t, &p.display().to_string(), dialect);
        }
    }
    for p in &env.agents {
        if let Some(t) = read(p) {
            loader.agents(&t, &p.display().to_string(), dialect);
        }
    }
    for p in &env.verbs {
        if let Some(t) = read(p) {
            loader.verbs(&t, &p.display().to_string(), dialect);
        }
    }
    for p in &env.discards {
        if let Some(t) = read(p) {
            loader.discards(&t, &p.display().to_string());
        }
    }
    for p in &env.issues {
        if let Some(t) = read(p) {
            loader.issues(&t, &p.display().to_string());
        }
    }
    for p in &env.options {
        if let Some(t) = read(p) {
            loader.options(&t, &p.display().to_string());
        }
    }
    let (dict, errors): (Dictionary, _) = loader.finish();
    for e in &errors {
        eprintln!("warning: {e}");
    }
    Ok(Coder::new(dict, options))
}

fn code_batch(coder: &mut Coder, batch: &Batch, out: &mut Sink<impl Write>) -> Result<()> {
    for item in &batch.items {
        match item {
            Item::Directive(d, _) => {
                coder.apply(d);
            }
            Item::Story(story) => {
                let coded = coder.code(story);
                if matches!(out.format, OutputFormat::Roles) {
                    for r in &coded.roles {
                        serde_json::to_writer(&mut out.out, r)?;
                        out.out.write_all(b"\n")?;
                    }
                    continue;
                }
                for e in coded.events {
                    out.emit(e)?;
                }
            }
        }
    }
    Ok(())
}

/// Writes one event; `merged` adds the event id and mentions.
fn write_event(
    e: &Event,
    merged: Option<&Merged>,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        OutputFormat::Jsonl | OutputFormat::Roles => {
            match merged {
                Some(m) => serde_json::to_writer(&mut *out, m)?,
                None => serde_json::to_writer(&mut *out, e)?,
            }
            out.write_all(b"\n")?;
        }
        OutputFormat::Tsv => {
            let d = e.date;
            write!(
                out,
                "{:04}{:02}{:02}\t{}\t{}\t{}\t{}\t{}",
                d.year(),
                d.month(),
                d.day(),
                e.source,
                e.target,
                e.cameo,
                e.story_id,
                e.sentence
            )?;
            if let Some(m) = merged {
                // Merged events add their id and number of mentions.
                writeln!(out, "\t{}\t{}", m.event_id, m.num_mentions)?;
            } else {
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
