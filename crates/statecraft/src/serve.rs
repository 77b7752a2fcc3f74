//! `statecraft serve`: the HTTP API and the web page.

use anyhow::{Context, Result};
use clap::Args;
use statecraft_server::{Config, PoolConfig};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on. Loopback by default: expose it on purpose.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// A file holding the bearer token that writes need (default: the
    /// STATECRAFT_TOKEN environment variable; with neither, writes are
    /// refused). At least 16 characters.
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 5 * 1024 * 1024)]
    body_limit: usize,
    /// Longest a request may take, in seconds (coding included).
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Store connections for reads; requests beyond them wait a little,
    /// then get 503 with Retry-After.
    #[arg(long, default_value_t = 8)]
    readers: usize,
    /// Threads coding anonymous /v1/code requests at once (default: all
    /// cores but one; 0 turns anonymous coding off).
    #[arg(long)]
    coders: Option<usize>,
    /// Seconds a client may take to send a request's head; idle
    /// connections are closed after as long.
    #[arg(long, default_value_t = 10)]
    header_timeout: u64,
    /// Most connections open at once.
    #[arg(long, default_value_t = 4096)]
    max_connections: usize,
    /// Seconds to wait for requests in flight at shutdown.
    #[arg(long, default_value_t = 10)]
    drain: u64,
    #[command(flatten)]
    store: crate::world::StoreArgs,
}

pub fn run(args: ServeArgs) -> Result<bool> {
    // Structured request logs on standard error, one JSON object a line;
    // RUST_LOG adjusts the level (default: info).
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let token = match &args.token_file {
        Some(p) => Some(
            std::fs::read_to_string(p)
                .with_context(|| format!("reading the token file {}", p.display()))?
                .trim()
                .to_string(),
        ),
        None => std::env::var("STATECRAFT_TOKEN").ok(),
    };
    let mut config = Config::new(args.store.location());
    config.listen = args.listen;
    config.token = token.filter(|t| !t.is_empty());
    config.body_limit = args.body_limit;
    config.timeout = Duration::from_secs(args.timeout.max(1));
    config.readers = PoolConfig {
        size: args.readers.max(1),
        ..PoolConfig::default()
    };
    if let Some(n) = args.coders {
        config.coders = n;
    }
    config.header_timeout = Duration::from_secs(args.header_timeout.max(1));
    config.max_connections = args.max_connections.max(1);
    config.drain = Duration::from_secs(args.drain);
    if config.token.is_none() {
        eprintln!(
            "statecraft: no write token (STATECRAFT_TOKEN or --token-file): writes are disabled"
        );
    }
    statecraft_server::serve(config)?;
    Ok(true)
}
