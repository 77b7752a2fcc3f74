//! The store and world-model commands: `ingest`, `import`, `ties`,
//! `timeline`, `network` and `export`.

use crate::input::Source;
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use statecraft_app::{BatchLimits, Ingest, Outcome, StoryCoder};
use statecraft_export::Format as ExportFormat;
use statecraft_store::{EventFilter, EventRecord, Location, Store};
use statecraft_text::read::{Format, Input};
use statecraft_text::{Date, Diagnostic, Item, Severity};
use statecraft_world::model::{Missing, Network, Tie};
use statecraft_world::{import, Start, States};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

/// Where the store is.
#[derive(Args, Clone)]
pub struct StoreArgs {
    /// Data directory of the embedded store (default: $STATECRAFT_DATA, else
    /// the platform's data directory, e.g. ~/.local/share/statecraft).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// A PostgreSQL URL (postgres://user@host/db) instead of the embedded store.
    #[arg(long, global = true)]
    database: Option<String>,
}

impl StoreArgs {
    /// Where the store is.
    pub fn location(&self) -> Location {
        Location::choose(self.database.as_deref(), self.data_dir.as_deref())
    }

    fn open(&self) -> Result<Store> {
        let location = self.location();
        Store::open(&location).with_context(|| match &location {
            Location::Dir(d) => format!("opening the store in {}", d.display()),
            Location::Postgres(_) => "opening the PostgreSQL store".to_string(),
        })
    }
}

/// How query results are printed.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Output {
    /// Aligned columns for reading.
    Table,
    /// One JSON document.
    Json,
    /// CSV with a header.
    Csv,
}

#[derive(Args)]
pub struct IngestArgs {
    /// Story files (JSONL, pasted stories, TABARI or PETRARCH records).
    files: Vec<PathBuf>,
    /// Input format (detected when omitted).
    #[arg(long, value_enum)]
    input_format: Option<crate::code::InputFormat>,
    /// Extra dictionary files on top of the bundled ones (*.actors.txt,
    /// *agents.txt, *.verbs.txt, *.overlay.txt). Stories stored with other
    /// dictionaries are re-coded.
    #[arg(long = "dictionary")]
    dictionaries: Vec<PathBuf>,
    /// Stories per transaction, at most (for tests of crash safety).
    #[arg(long, hide = true)]
    batch_stories: Option<usize>,
    /// Threads to code with (default: every core). What is stored is the
    /// same as with one thread.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    #[command(flatten)]
    store: StoreArgs,
}

/// Stories coded together by `ingest --threads`: enough to keep the threads
/// busy, few enough to hold in memory.
const INGEST_CHUNK: usize = 256;

/// Returns whether every file and story was read cleanly.
pub fn ingest(args: IngestArgs) -> Result<bool> {
    let mut store = args.store.open()?;
    let extra: Vec<(String, Vec<u8>)> = args
        .dictionaries
        .iter()
        .map(|p| {
            std::fs::read(p)
                .map(|b| (p.display().to_string(), b))
                .with_context(|| format!("reading dictionary {}", p.display()))
        })
        .collect::<Result<_>>()?;
    let extra_refs: Vec<(&str, &[u8])> = extra
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let (coder, errors) = StoryCoder::new(&extra_refs);
    for e in errors.iter().filter(|e| !e.file.starts_with("<bundled>")) {
        eprintln!("warning: {e}");
    }
    let mut limits = BatchLimits::default();
    if let Some(n) = args.batch_stories {
        limits.stories = n.max(1);
    }
    let mut ingest = Ingest::new(std::sync::Arc::new(coder)).with_limits(limits);
    if args.files.is_empty() {
        bail!("give the story files to ingest");
    }
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let started = Instant::now();
    let mut clean = true;
    let mut total = Outcome::default();
    for path in &args.files {
        let source = match Source::open(Some(path), args.input_format) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{}: error: cannot read: {e}", path.display());
                clean = false;
                continue;
            }
        };
        let label = source.label.clone();
        if source.format == Format::TabariProject {
            eprintln!("{label}: error: ingest reads stories, not TABARI project files");
            clean = false;
            continue;
        }
        // Stories are read as they are stored; the total is unknown.
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} {pos} stories, {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_message(label.clone());
        let mut chunk = Vec::with_capacity(INGEST_CHUNK);
        let mut inputs = source.stream().peekable();
        while let Some(input) = inputs.next() {
            match input {
                Input::Item(Item::Story(story)) => chunk.push(story),
                Input::Item(Item::Directive(..)) | Input::Environment(_) => {}
                Input::Diagnostic(d) => {
                    bar.suspend(|| eprintln!("{d}"));
                    clean &= d.severity != Severity::Error;
                }
            }
            if chunk.len() < INGEST_CHUNK && inputs.peek().is_some() {
                continue;
            }
            let (out, refused) = ingest.add_all(&mut store, &chunk, threads)?;
            total.merge(out);
            for (i, r) in refused {
                let story = &chunk[i];
                let d = Diagnostic::error(&story.origin, Some(&story.id), r.message);
                bar.suspend(|| eprintln!("{d}"));
                clean = false;
            }
            bar.inc(chunk.len() as u64);
            chunk.clear();
        }
        total.merge(ingest.flush(&mut store)?);
        bar.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "stored {} new and {} re-coded stories ({} unchanged), {} events, in {:.1} s",
        total.stored, total.replaced, total.unchanged, total.events, secs
    );
    Ok(clean)
}

#[derive(Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    what: ImportWhat,
}

#[derive(Subcommand)]
enum ImportWhat {
    /// Reference ties between states, with their provenance.
    Relations(RelationsArgs),
}

#[derive(Args)]
struct RelationsArgs {
    /// The file.
    file: PathBuf,
    /// Its format.
    #[arg(long, value_enum)]
    format: RelationsFormat,
    /// For `wikidata`: the day the query ran, which dates relations with no
    /// start (default: today).
    #[arg(long)]
    retrieved: Option<String>,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum RelationsFormat {
    /// JSON results of the SPARQL query in docs/wikidata-p530.rq.
    Wikidata,
    /// Correlates of War Diplomatic Exchange CSV.
    CowDipex,
    /// statecraft's own CSV: a,b,status,from,to,source.
    Csv,
}

pub fn import(args: ImportArgs) -> Result<bool> {
    let ImportWhat::Relations(args) = args.what;
    let bytes =
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let label = args.file.display().to_string();
    let states = States::bundled();
    let (format, imported) = match args.format {
        RelationsFormat::Csv => ("csv", import::read_csv(&bytes, &label, states)?),
        RelationsFormat::CowDipex => ("cow-dipex", import::read_cow_dipex(&bytes, &label, states)?),
        RelationsFormat::Wikidata => {
            let retrieved = match &args.retrieved {
                Some(d) => parse_date(d)?,
                None => Date::today(),
            };
            (
                "wikidata",
                import::read_wikidata(&bytes, &label, states, retrieved)?,
            )
        }
    };
    let mut store = args.store.open()?;
    match store.import(format, &label, &bytes, &imported)? {
        statecraft_store::ImportOutcome::Stored(n) => {
            eprintln!("{label}: imported {n} facts");
        }
        statecraft_store::ImportOutcome::AlreadyImported => {
            eprintln!("{label}: already imported; nothing stored");
        }
    }
    Ok(true)
}

/// A date given on the command line: exactly `YYYY-MM-DD`, 0001–9999.
pub(crate) fn parse_date(s: &str) -> Result<Date> {
    Date::parse_iso(s.trim()).with_context(|| {
        format!("`{s}` is not a date between 0001-01-01 and 9999-12-31 (use YYYY-MM-DD)")
    })
}

#[derive(Args)]
pub struct TiesArgs {
    /// The state: a code (KOR), COW code or name.
    state: String,
    /// The date (default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// List the UN members without ties instead, with special cases apart.
    #[arg(long)]
    missing: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Output,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn ties(args: TiesArgs) -> Result<bool> {
    let date = match &args.as_of {
        Some(d) => parse_date(d)?,
        None => Date::today(),
    };
    let mut store = args.store.open()?;
    let out = &mut BufWriter::new(io::stdout().lock());
    if args.missing {
        let m = store.missing(&args.state, date)?;
        print_missing(&m, args.format, out)?;
    } else {
        let state = store.state(&args.state)?;
        let ties = store.ties(&state, date)?;
        let embassies = store.embassies(&state, date)?;
        match args.format {
            Output::Json => {
                json(
                    out,
                    &serde_json::json!({
                        "state": state, "as_of": date, "ties": ties, "embassies": embassies,
                    }),
                )?;
            }
            Output::Csv => {
                writeln!(out, "partner,name,status,from,start,source,conflicts")?;
                for t in &ties {
                    csv_tie(out, t)?;
                }
            }
            Output::Table => {
                let with = ties.iter().filter(|t| t.status.has_ties()).count();
                writeln!(
                    out,
                    "{} ({}) on {date}: {with} partners with ties, {} pairs on record",
                    state,
                    States::bundled().name_of(&state),
                    ties.len()
                )?;
                table_ties(out, &ties)?;
                if !embassies.is_empty() {
                    writeln!(out, "Embassies open on {date} (sender in host):")?;
                }
                for e in &embassies {
                    writeln!(
                        out,
                        "  {} in {:<4} since {:<10}  {}",
                        e.sender,
                        e.host,
                        e.from,
                        e.provenance.describe()
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(true)
}

fn since(t: &Tie) -> String {
    match t.start {
        Start::Since => format!("since {}", t.from),
        Start::AsOf => format!("as of {}", t.from),
    }
}

fn table_ties(out: &mut impl Write, ties: &[Tie]) -> Result<()> {
    let w = ties
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    for t in ties {
        writeln!(
            out,
            "  {:<4} {:<w$}  {:<11}  {:<19}  {}",
            t.partner,
            t.name,
            t.status.as_str(),
            since(t),
            t.provenance.describe()
        )?;
        for c in &t.conflicts {
            writeln!(
                out,
                "       ! disagrees: {} {} {} — {}",
                c.status,
                match c.start {
                    Start::Since => "since",
                    Start::AsOf => "as of",
                },
                c.from,
                c.provenance.describe()
            )?;
        }
    }
    Ok(())
}

/// `partner,name,status,from,start,source` for one tie.
fn tie_fields(t: &Tie) -> String {
    format!(
        "{},{},{},{},{},{}",
        t.partner,
        csv(&t.name),
        t.status,
        t.from,
        t.start.as_str(),
        csv(&t.provenance.describe())
    )
}

fn csv_tie(out: &mut impl Write, t: &Tie) -> Result<()> {
    writeln!(out, "{},{}", tie_fields(t), t.conflicts.len())?;
    Ok(())
}

fn json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// `s` as one CSV field, quoted as the CSV export quotes.
fn csv(s: &str) -> String {
    let mut field = String::new();
    statecraft_export::csv_field(&mut field, s);
    field
}

fn print_missing(m: &Missing, format: Output, out: &mut impl Write) -> Result<()> {
    match format {
        Output::Json => {
            json(out, m)?;
        }
        Output::Csv => {
            writeln!(out, "group,partner,name,status,from,start,source")?;
            for x in &m.missing {
                match &x.known {
                    Some(t) => writeln!(out, "missing,{}", tie_fields(t))?,
                    None => writeln!(out, "missing,{},{},unknown,,,", x.partner, csv(&x.name))?,
                }
            }
            for t in &m.special {
                writeln!(out, "special,{}", tie_fields(t))?;
            }
        }
        Output::Table => {
            writeln!(
                out,
                "UN members without ties with {} ({}) on {}: {} of {}",
                m.state,
                States::bundled().name_of(&m.state),
                m.as_of,
                m.missing.len(),
                m.un_members
            )?;
            for x in &m.missing {
                match &x.known {
                    Some(t) => writeln!(
                        out,
                        "  {:<4} {:<24} {:<11} {:<19} {}",
                        x.partner,
                        x.name,
                        t.status.as_str(),
                        since(t),
                        t.provenance.describe()
                    )?,
                    None => writeln!(out, "  {:<4} {:<24} no record", x.partner, x.name)?,
                }
            }
            if !m.special.is_empty() {
                writeln!(out, "Special cases, shown apart:")?;
                table_ties(out, &m.special)?;
            }
        }
    }
    Ok(())
}

#[derive(Args)]
pub struct TimelineArgs {
    /// One state.
    a: String,
    /// The other.
    b: String,
    /// First event date.
    #[arg(long)]
    from: Option<String>,
    /// Last event date.
    #[arg(long)]
    to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Output,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn timeline(args: TimelineArgs) -> Result<bool> {
    let from = args.from.as_deref().map(parse_date).transpose()?;
    let to = args.to.as_deref().map(parse_date).transpose()?;
    let mut store = args.store.open()?;
    let t = store.timeline(&args.a, &args.b, from, to)?;
    let out = &mut BufWriter::new(io::stdout().lock());
    match args.format {
        Output::Json => {
            json(out, &t)?;
        }
        Output::Csv => {
            writeln!(
                out,
                "date,date_end,precision,source,target,cameo,name,goldstein,modality,story_id,sentence,text"
            )?;
            for e in &t.events {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{},{},{}",
                    e.date,
                    e.date_end,
                    e.date_precision,
                    e.source,
                    e.target,
                    e.cameo,
                    csv(&code_name(&e.cameo)),
                    e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
                    e.modality.map_or("", |m| m.as_str()),
                    csv(&e.story_id),
                    e.sentence,
                    csv(&e.text)
                )?;
            }
        }
        Output::Table => {
            writeln!(
                out,
                "{} ({}) – {} ({}): {} events",
                t.a,
                States::bundled().name_of(&t.a),
                t.b,
                States::bundled().name_of(&t.b),
                t.events.len()
            )?;
            for e in &t.events {
                timeline_row(out, e)?;
            }
        }
    }
    out.flush()?;
    Ok(true)
}

fn code_name(code: &str) -> String {
    statecraft_ontology::lookup(code).map_or_else(String::new, |t| t.name.to_string())
}

fn timeline_row(out: &mut impl Write, e: &EventRecord) -> Result<()> {
    let when = if e.date_end != e.date {
        format!("{}..{}", e.date, e.date_end.ymd().2)
    } else {
        e.date.to_string()
    };
    writeln!(
        out,
        "  {:<13} {:>6} → {:<6} {:<4} {:>5}  {}{}",
        when,
        e.source,
        e.target,
        e.cameo,
        e.goldstein.map(|g| format!("{g:+.1}")).unwrap_or_default(),
        code_name(&e.cameo),
        e.modality.map(|m| format!(" ({m})")).unwrap_or_default()
    )?;
    writeln!(
        out,
        "      {} [story {}, sentence {}]",
        statecraft_text::escape(&e.text),
        statecraft_text::escape(&e.story_id),
        e.sentence
    )?;
    Ok(())
}

#[derive(Args)]
pub struct NetworkArgs {
    /// The state.
    state: String,
    /// Start of the window.
    #[arg(long)]
    from: String,
    /// End of the window.
    #[arg(long)]
    to: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Output,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn network(args: NetworkArgs) -> Result<bool> {
    let (from, to) = (parse_date(&args.from)?, parse_date(&args.to)?);
    if to < from {
        bail!("--to {to} is before --from {from}");
    }
    let mut store = args.store.open()?;
    let n = store.network(&args.state, from, to)?;
    let out = &mut BufWriter::new(io::stdout().lock());
    print_network(&n, args.format, out)?;
    out.flush()?;
    Ok(true)
}

fn print_network(n: &Network, format: Output, out: &mut impl Write) -> Result<()> {
    match format {
        Output::Json => {
            json(out, n)?;
        }
        Output::Csv => {
            writeln!(
                out,
                "partner,name,events,cooperative,conflictual,net,change"
            )?;
            for b in &n.balance {
                let change = if n.gained.iter().any(|t| t.partner == b.partner) {
                    "gained"
                } else if n.lost.iter().any(|t| t.partner == b.partner) {
                    "lost"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{},{},{},{},{},{},{}",
                    b.partner,
                    csv(&b.name),
                    b.events,
                    b.cooperative,
                    b.conflictual,
                    b.net,
                    change
                )?;
            }
            for t in n.gained.iter().chain(&n.lost) {
                if !n.balance.iter().any(|b| b.partner == t.partner) {
                    let change = if n.gained.contains(t) {
                        "gained"
                    } else {
                        "lost"
                    };
                    writeln!(out, "{},{},0,0,0,0,{change}", t.partner, csv(&t.name))?;
                }
            }
        }
        Output::Table => {
            writeln!(
                out,
                "{} ({}) from {} to {}",
                n.state,
                States::bundled().name_of(&n.state),
                n.from,
                n.to
            )?;
            writeln!(
                out,
                "UN members with recorded ties: {} of {} ({:.1}%) on {}; {} of {} ({:.1}%) on {}",
                n.un_share_from.with_ties,
                n.un_share_from.members,
                n.un_share_from.share * 100.0,
                n.from,
                n.un_share_to.with_ties,
                n.un_share_to.members,
                n.un_share_to.share * 100.0,
                n.to
            )?;
            writeln!(out, "Partners gained: {}", n.gained.len())?;
            table_ties(out, &n.gained)?;
            if !n.first_recorded.is_empty() {
                writeln!(
                    out,
                    "Partners first recorded in the window (ties observed, start unknown): {}",
                    n.first_recorded.len()
                )?;
            }
            writeln!(out, "Partners lost: {}", n.lost.len())?;
            table_ties(out, &n.lost)?;
            writeln!(
                out,
                "Goldstein balance (sum of scores of events with each partner, both directions; \
                 below zero is conflictual): net {:+.1}",
                n.net_balance
            )?;
            for b in &n.balance {
                writeln!(
                    out,
                    "  {:<4} {:<24} {:>4} events  {:+7.1} cooperative  {:+7.1} conflictual  {:+7.1} net",
                    b.partner, b.name, b.events, b.cooperative, b.conflictual, b.net
                )?;
            }
        }
    }
    Ok(())
}

#[derive(Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportChoice,
    /// Only events whose source is this state.
    #[arg(long)]
    source: Option<String>,
    /// Only events whose target is this state.
    #[arg(long)]
    target: Option<String>,
    /// Only events with this CAMEO code or code prefix (`04`).
    #[arg(long)]
    cameo: Option<String>,
    /// Only events of this PLOVER category.
    #[arg(long)]
    plover: Option<String>,
    /// First event date.
    #[arg(long)]
    from: Option<String>,
    /// Last event date.
    #[arg(long)]
    to: Option<String>,
    /// Write here instead of standard output (required for parquet).
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportChoice {
    /// GDELT 2.0 Events: 61 tab-separated columns, no header.
    Gdelt,
    /// PLOVER JSONL.
    Plover,
    /// CSV with a header.
    Csv,
    /// Apache Parquet.
    Parquet,
}

pub fn export(args: ExportArgs) -> Result<bool> {
    let format = match args.format {
        ExportChoice::Gdelt => ExportFormat::Gdelt,
        ExportChoice::Plover => ExportFormat::Plover,
        ExportChoice::Csv => ExportFormat::Csv,
        ExportChoice::Parquet => ExportFormat::Parquet,
    };
    let filter = EventFilter {
        source: args.source.clone(),
        target: args.target.clone(),
        cameo: args.cameo.clone(),
        plover: args.plover.clone(),
        from: args.from.as_deref().map(parse_date).transpose()?,
        to: args.to.as_deref().map(parse_date).transpose()?,
        ..EventFilter::default()
    };
    let mut store = args.store.open()?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None if matches!(args.format, ExportChoice::Parquet) => {
            bail!("parquet is binary: give a file with --output")
        }
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let mut sink = statecraft_export::sink(format, out);
    store.for_each_event(&filter, |e| sink.write(&e).map_err(anyhow::Error::from))?;
    sink.finish()?;
    Ok(true)
}
