//! Where an event happened.

use serde::{Deserialize, Serialize};

/// What kind of place a location is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Feature {
    /// A populated place: city, town, village, camp.
    City,
    /// A first-level division or a region (a province, Darfur, the West Bank).
    Adm1,
    /// A whole country: no point is given.
    Country,
    /// Anything else (a sea, a border area, a facility).
    Other,
}

impl Feature {
    /// The lower-case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::City => "city",
            Feature::Adm1 => "adm1",
            Feature::Country => "country",
            Feature::Other => "other",
        }
    }
}

/// Where the location came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum LocationSource {
    /// A place the event's sentence names ("in Najaf", "visited Damascus").
    Text,
    /// The story's wire dateline ("NAJAF, Iraq -"): where the story was
    /// filed, used when the sentence names no place and an actor belongs
    /// to the dateline's country.
    Dateline,
    /// The country of a party bound to it (a court's verdict, rebels'
    /// attack), when the text names no place: a country, never a point.
    Actor,
}

impl LocationSource {
    /// The name serialised: `text`, `dateline` or `actor`.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationSource::Text => "text",
            LocationSource::Dateline => "dateline",
            LocationSource::Actor => "actor",
        }
    }
}

/// Where an event happened, resolved against the gazetteer.
///
/// ```
/// use statecraft_types::{Feature, Location, LocationSource};
/// let l = Location {
///     name: "Damascus".into(), country: "SYR".into(), feature: Feature::City,
///     adm1: Some("13".into()), lat: Some(33.5102), lon: Some(36.29128),
///     geonames_id: Some(170654), span: Some([30, 38]), source: LocationSource::Text,
/// };
/// assert_eq!(l.feature.as_str(), "city");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    /// The place's name as the text writes it (a dateline's in title case).
    pub name: String,
    /// ISO 3166 alpha-3 code of its country.
    pub country: String,
    /// What kind of place it is.
    pub feature: Feature,
    /// The first-level division's GeoNames code (for cities), if known.
    pub adm1: Option<String>,
    /// Latitude; none for a country.
    pub lat: Option<f64>,
    /// Longitude; none for a country.
    pub lon: Option<f64>,
    /// The GeoNames identifier, for places from GeoNames.
    pub geonames_id: Option<u32>,
    /// Character offsets `[start, end)` of the name in the event's text;
    /// none for a dateline.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>))]
    pub span: Option<[usize; 2]>,
    /// Where it came from.
    pub source: LocationSource,
}
