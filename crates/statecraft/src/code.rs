//! `statecraft code`: read stories, code them, print events.

use crate::input::Source;
use anyhow::Result;
use clap::{Args, ValueEnum};
use statecraft_coder::dedup::Merged;
use statecraft_coder::{Coder, Event, Options, Session};
use statecraft_dict::{decode, Dialect, Dictionary, Loader};
use statecraft_text::read::{Format, Input};
use statecraft_text::{Diagnostic, Environment, Item, Severity};
use std::io::{self, BufWriter, Write};
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
    /// Threads to code with (default: every core). The output is the same
    /// as with one thread, in input order.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
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
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let mut out = Sink {
        out: BufWriter::new(stdout.lock()),
        format: args.format,
        modal: args.modal,
        held: args.dedup.then(Vec::new),
    };
    let mut clean = true;
    let mut default_coder: Option<Coder> = None;
    let mut opened = true;
    for source in Source::each(&args.files, args.input_format, &mut opened) {
        match source.format {
            Format::TabariProject => {
                let mut env = None;
                for i in source.stream() {
                    match i {
                        Input::Environment(e) => env = Some(e),
                        Input::Diagnostic(d) => clean &= report(&d),
                        Input::Item(_) => {}
                    }
                }
                let env = env.unwrap_or_default();
                let coder =
                    environment_coder(&env, Dialect::Tabari, Options::tabari(), &mut clean)?;
                // One session for the project: a switch in one text file
                // holds for the files after it.
                let mut session = coder.session();
                for text in &env.texts {
                    match Source::open(Some(text), Some(InputFormat::Tabari)) {
                        Ok(s) => code_stream(&mut session, s.stream(), &mut out, &mut clean)?,
                        Err(e) => {
                            eprintln!("{}: error: cannot read: {e}", text.display());
                            clean = false;
                        }
                    }
                }
            }
            Format::PetrarchXml => {
                // The <Environment> comes before the sentences it governs:
                // read up to the first sentence to choose the coder.
                let mut inputs = source.stream();
                let mut head = Vec::new();
                let mut env = None;
                for i in inputs.by_ref() {
                    let story = matches!(i, Input::Item(Item::Story(_)));
                    match i {
                        Input::Environment(e) => env = Some(e),
                        i => head.push(i),
                    }
                    if story {
                        break;
                    }
                }
                let all = head.into_iter().chain(inputs);
                match env.filter(|e| !e.verbs.is_empty() || !e.actors.is_empty()) {
                    Some(env) => {
                        let coder = environment_coder(
                            &env,
                            Dialect::Petrarch,
                            Options::petrarch(),
                            &mut clean,
                        )?;
                        code_stream(&mut coder.session(), all, &mut out, &mut clean)?;
                    }
                    None => {
                        let coder = bundled_coder(&mut default_coder);
                        code_stream(&mut coder.session(), all, &mut out, &mut clean)?;
                    }
                }
            }
            _ => {
                let coder = bundled_coder(&mut default_coder);
                let mut session = coder.session();
                if threads > 1 {
                    code_parallel(&mut session, source.stream(), threads, &mut out, &mut clean)?;
                } else {
                    code_stream(&mut session, source.stream(), &mut out, &mut clean)?;
                }
            }
        }
    }
    clean &= opened;
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

/// Prints a diagnostic; returns whether it leaves the run clean (a
/// warning does).
fn report(d: &Diagnostic) -> bool {
    eprintln!("{d}");
    d.severity != Severity::Error
}

/// The coder with the bundled dictionaries, loaded once.
fn bundled_coder(slot: &mut Option<Coder>) -> &Coder {
    slot.get_or_insert_with(|| {
        let (dict, errors) = statecraft_dict::bundled();
        for e in &errors {
            // The bundled files' own flaws are known; show them only on request.
            if std::env::var_os("STATECRAFT_DICT_WARNINGS").is_some() {
                eprintln!("warning: {e}");
            }
        }
        Coder::new(dict, Options::statecraft())
    })
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

/// Stories coded together by [`code_parallel`]: enough to keep the
/// threads busy, few enough to hold in memory.
const CHUNK: usize = 256;

/// [`code_stream`] on `threads` threads: stories are read in chunks, each
/// chunk coded by forks of `session` (a switch in the input ends a chunk
/// and applies to the stories after it), and the results written in input
/// order, so the output is the one [`code_stream`] writes. A session that
/// carries FORWARD state from story to story is coded on one thread.
fn code_parallel(
    session: &mut Session<'_>,
    inputs: impl Iterator<Item = Input>,
    threads: usize,
    out: &mut Sink<impl Write>,
    clean: &mut bool,
) -> Result<()> {
    let mut chunk: Vec<Input> = Vec::with_capacity(CHUNK);
    let mut stories = 0;
    for input in inputs {
        let switch = matches!(input, Input::Item(Item::Directive(..)));
        if switch && !chunk.is_empty() {
            flush(session, &mut chunk, threads, out, clean)?;
            stories = 0;
        }
        stories += usize::from(matches!(input, Input::Item(Item::Story(_))));
        chunk.push(input);
        if switch || stories == CHUNK {
            flush(session, &mut chunk, threads, out, clean)?;
            stories = 0;
        }
    }
    flush(session, &mut chunk, threads, out, clean)
}

/// Codes the stories of `chunk` in parallel, then writes everything in
/// order (emptying `chunk`).
fn flush(
    session: &mut Session<'_>,
    chunk: &mut Vec<Input>,
    threads: usize,
    out: &mut Sink<impl Write>,
    clean: &mut bool,
) -> Result<()> {
    let stories: Vec<&statecraft_text::Story> = chunk
        .iter()
        .filter_map(|i| match i {
            Input::Item(Item::Story(s)) => Some(s),
            _ => None,
        })
        .collect();
    if stories.len() < 2 || session.options().forward.is_some() {
        return code_stream(session, chunk.drain(..), out, clean);
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut coded: Vec<Option<statecraft_coder::Coded>> = vec![None; stories.len()];
    let base = &*session;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(stories.len()))
            .map(|_| {
                let (next, stories) = (&next, &stories);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    let mut fork = base.fork();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(story) = stories.get(k) else { break };
                        mine.push((k, fork.code(story)));
                    }
                    mine
                })
            })
            .collect();
        for w in workers {
            for (k, c) in w.join().expect("a coding thread does not panic") {
                coded[k] = Some(c);
            }
        }
    });
    let mut results = coded.into_iter();
    for input in chunk.drain(..) {
        match input {
            Input::Item(Item::Story(story)) => {
                let coded = results.next().flatten().unwrap_or_default();
                write_coded(&story, coded, out)?;
            }
            other => code_stream(session, std::iter::once(other), out, clean)?,
        }
    }
    Ok(())
}

/// Codes a stream of inputs: switches apply to the stories after them,
/// diagnostics are printed as they come.
fn code_stream(
    session: &mut Session<'_>,
    inputs: impl Iterator<Item = Input>,
    out: &mut Sink<impl Write>,
    clean: &mut bool,
) -> Result<()> {
    for input in inputs {
        let story = match input {
            Input::Diagnostic(d) => {
                *clean &= report(&d);
                continue;
            }
            Input::Environment(_) => continue,
            Input::Item(Item::Directive(d, _)) => {
                session.apply(&d);
                continue;
            }
            Input::Item(Item::Story(story)) => story,
        };
        let coded = session.code(&story);
        write_coded(&story, coded, out)?;
    }
    Ok(())
}

/// Writes what a story's coding gave: its notes as warnings, then its
/// events (or role changes).
fn write_coded(
    story: &statecraft_text::Story,
    coded: statecraft_coder::Coded,
    out: &mut Sink<impl Write>,
) -> Result<()> {
    for n in &coded.notes {
        eprintln!(
            "{}",
            Diagnostic::warning(&story.origin, Some(&story.id), n.message.clone())
        );
    }
    if matches!(out.format, OutputFormat::Roles) {
        for r in &coded.roles {
            serde_json::to_writer(&mut out.out, r)?;
            out.out.write_all(b"\n")?;
        }
        return Ok(());
    }
    for e in coded.events {
        out.emit(e)?;
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
                statecraft_text::escape(&e.story_id),
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
