//! Where events happened: a gazetteer and the resolution of place names.
//!
//! [`Gazetteer`] holds the countries and the populated places of 15,000
//! people or more from GeoNames (`data/gazetteer/places.tsv`, CC BY 4.0),
//! plus statecraft's regions and country names (`regions.tsv`), compiled
//! into the binary. [`locate`] finds the place a sentence gives for an
//! event ("in Najaf", "visited Damascus", "north of Baghdad", "near the
//! Iraqi city"), and [`Dateline`] reads a wire dateline ("NAJAF, Iraq -")
//! for events whose sentence names none.
//!
//! ```
//! use statecraft_geo::{locate, Event, Gazetteer, StoryPlaces};
//! use statecraft_types::Feature;
//! let g = Gazetteer::bundled();
//! let text = "Seoul's foreign minister visited Damascus on Monday.";
//! let event = Event { text, source: Some([0, 5]), target: Some([33, 41]), verb: Some([25, 32]),
//!     countries: [Some("KOR"), Some("SYR")], cameo: Some("042"), ..Event::default() };
//! let l = locate(g, &event, &StoryPlaces::default()).unwrap();
//! assert_eq!((l.name.as_str(), l.country.as_str(), l.feature), ("Damascus", "SYR", Feature::City));
//! ```

mod attach;
mod dateline;
mod format;
mod gazetteer;
mod locate;
mod unnamed;
mod words;

pub use dateline::Dateline;
pub use gazetteer::{Gazetteer, GeoError, Place};
pub use locate::{
    explain, is_remote, locate, names_place, Candidate, Event, Explanation, Nations, StoryPlaces,
};
