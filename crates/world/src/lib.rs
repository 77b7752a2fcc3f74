//! The world model: states, UN membership and the diplomatic ties between
//! states over time, each fact with its provenance.
//!
//! This crate is pure: it reads reference files from bytes it is handed,
//! turns coded events into facts ([`rules`]) and answers questions over
//! facts ([`model`]). The store persists facts and events and feeds them in.
//!
//! ```
//! use statecraft_world::{import, model, States};
//! use statecraft_types::Date;
//! let states = States::bundled();
//! let facts = statecraft_world::baseline().ties;
//! let gaps = model::missing(states, "KOR", Date::parse("2025-02-11").unwrap(), &facts);
//! let missing: Vec<&str> = gaps.missing.iter().map(|m| m.partner.as_str()).collect();
//! assert_eq!(missing, ["SYR"]);
//! assert_eq!(gaps.special[0].partner, "PRK");
//! ```

mod facts;
pub mod import;
pub mod model;
pub mod rules;
mod states;

pub use facts::{EmbassyFact, Precision, Provenance, Start, Status, TieFact, When};
pub use import::Imported;
pub use states::{State, States};

/// The curated baseline of ties analysts know, in the project's CSV.
pub const BASELINE_CSV: &str = include_str!("../../../data/world/baseline.csv");

/// The label baseline facts are recorded under.
pub const BASELINE_LABEL: &str = "data/world/baseline.csv";

/// The curated baseline, parsed.
pub fn baseline() -> Imported {
    import::read_csv(BASELINE_CSV.as_bytes(), BASELINE_LABEL, States::bundled())
        .expect("the bundled baseline parses")
}

/// What went wrong reading reference data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorldError {
    /// A line of a file is bad.
    #[error("{file}:{line}: {message}")]
    At {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A record of a file without lines (JSON) is bad.
    #[error("{file}: {record}: {message}")]
    Record {
        /// The file.
        file: String,
        /// Which record.
        record: String,
        /// What is wrong.
        message: String,
    },
}

impl WorldError {
    pub(crate) fn at(file: &str, line: usize, message: impl Into<String>) -> WorldError {
        WorldError::At {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    pub(crate) fn record(file: &str, record: String, message: impl Into<String>) -> WorldError {
        WorldError::Record {
            file: file.to_string(),
            record,
            message: message.into(),
        }
    }
}
