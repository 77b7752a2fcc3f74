//! The `statecraft` command line.

mod code;
mod explain;
mod input;
mod serve;
mod syntax;
mod world;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: see `Cargo.toml`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "statecraft",
    version,
    about = "Turn international-affairs news into coded events and a time-aware world model"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code stories into who-did-what-to-whom events.
    Code(code::CodeArgs),
    /// Code stories and store them with their events.
    Ingest(world::IngestArgs),
    /// Load reference data into the store.
    Import(world::ImportArgs),
    /// A state's partners on a date, or with --missing the UN members it
    /// lacks ties with.
    Ties(world::TiesArgs),
    /// Two states' events in order of event date.
    Timeline(world::TimelineArgs),
    /// Partners gained and lost, UN share and Goldstein balance over a window.
    Network(world::NetworkArgs),
    /// Write stored events as GDELT TSV, PLOVER JSONL, CSV or Parquet.
    Export(world::ExportArgs),
    /// Serve the HTTP API and the web page.
    Serve(serve::ServeArgs),
    /// Show why a text is coded as it is: its parse, the dictionary
    /// matches, the predicates with the patterns tried, and every
    /// candidate event with why it was kept or dropped.
    Explain(explain::ExplainArgs),
    /// Tokenise, tag and parse stories: CoNLL-U, one document a story.
    Parse(syntax::ParseArgs),
    /// Train the syntax model, or score it on the UD treebanks.
    Syntax(syntax::SyntaxArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Ingest(args) => world::ingest(args),
        Command::Import(args) => world::import(args),
        Command::Ties(args) => world::ties(args),
        Command::Timeline(args) => world::timeline(args),
        Command::Network(args) => world::network(args),
        Command::Export(args) => world::export(args),
        Command::Serve(args) => serve::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Parse(args) => syntax::parse(args),
        Command::Syntax(args) => syntax::syntax(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A closed pipe (`statecraft code ... | head`) is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("statecraft: {e:#}");
            ExitCode::from(2)
        }
    }
}
