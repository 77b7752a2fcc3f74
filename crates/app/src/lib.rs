//! The application layer: coding stories and storing them, the one path
//! the CLI's `ingest` and the server's writes share.
//!
//! It sits above both the coder and the store, which know nothing of each
//! other: [`StoryCoder`] codes a story into the store's records (and is
//! `Sync`: one per process, shared by every thread), and [`Ingest`]
//! batches coded stories into transactions.
//!
//! ```
//! use statecraft_app::{Ingest, StoryCoder};
//! use statecraft_store::Store;
//! use statecraft_text::{Date, Layout, Story};
//! use std::sync::Arc;
//! let dir = std::env::temp_dir().join(format!("statecraft-app-doc-{}", std::process::id()));
//! let mut store = Store::open_sqlite(&dir).unwrap();
//! let (coder, _warnings) = StoryCoder::new(&[]);
//! let mut ingest = Ingest::new(Arc::new(coder));
//! let story = Story::new("demo", Date::from_ymd(2024, 2, 14).unwrap(),
//!     "South Korea established diplomatic relations with Cuba.", Layout::Prose);
//! ingest.add(&mut store, &story).unwrap();
//! let out = ingest.flush(&mut store).unwrap();
//! assert_eq!(out.stored, 1);
//! # std::fs::remove_dir_all(&dir).ok();
//! ```

mod ingest;

pub use ingest::{
    record_of, store_coded, BatchLimits, CodedStory, Ingest, Outcome, Refused, StoryCoder,
};

use statecraft_store::StoreError;

/// What can go wrong while ingesting.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The store failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// One story cannot be stored; the others can.
    #[error("{0}")]
    Refused(#[from] Refused),
}
