//! The types statecraft's crates share, at the bottom of the dependency
//! graph: calendar [`Date`]s in 0001–9999, [`Precision`] and [`When`],
//! [`ActorCode`], [`Modality`], evidence [`Spans`] and the stored
//! [`EventRecord`]. Nothing here does I/O or knows a dictionary.

mod actor;
mod date;
mod event;
mod place;
mod when;

pub use actor::{country_of, ActorCode};
pub use date::{month_from_name, Date, MAX_YEAR, MIN_YEAR, MONTH_NAMES, TWO_DIGIT_YEAR_PIVOT};
pub use event::{ActorOrigin, ActorSource, EventRecord, Evidence, Modality, Spans};
pub use place::{Feature, Location, LocationSource};
pub use when::{Precision, When};
