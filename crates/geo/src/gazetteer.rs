//! The gazetteer: places by folded name.

use crate::format;
use rustc_hash::FxHashMap;
use statecraft_types::Feature;
use std::sync::OnceLock;

/// The GeoNames places (`data/gazetteer/places.tsv`).
const PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
/// statecraft's regions and country names (`data/gazetteer/regions.tsv`).
const REGIONS: &str = include_str!("../../../data/gazetteer/regions.tsv");

/// The population given to statecraft's regions, which ranks them first.
const REGION_RANK: u64 = 1 << 40;

/// One place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Its usual name.
    pub name: String,
    /// ISO 3166 alpha-3 code of its country.
    pub country: String,
    /// The country's FIPS 10-4 code (countries only).
    pub fips: Option<String>,
    /// What kind of place it is.
    pub feature: Feature,
    /// The first-level division's GeoNames code (cities).
    pub adm1: Option<String>,
    /// Latitude and longitude; none for a country.
    pub point: Option<(f64, f64)>,
    /// The GeoNames identifier (none for statecraft's own regions).
    pub geonames_id: Option<u32>,
    /// People living there (0 when unknown).
    pub population: u64,
}

/// A line of a gazetteer file that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GeoError {
    /// The file's name.
    pub file: String,
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Places by name: every place under its name and its alternate names,
/// folded (upper case, accents dropped).
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// (hash of a folded name, place, whether it is the place's own name
    /// rather than an alternate), sorted by hash and then best first. A
    /// flat table of 16-byte rows, not a map of strings: 130,000 names in
    /// 2 MB. Two names whose 64-bit hashes collide would share places;
    /// among 130,000 names that has odds of about one in 10^9.
    names: Vec<(u64, u32, bool)>,
    /// ISO alpha-3 → the country's place.
    countries: FxHashMap<String, u32>,
    /// ISO alpha-3 → the place of the country's capital.
    capitals: FxHashMap<String, u32>,
    /// The most words in a name.
    max_words: usize,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, read once.
    pub fn bundled() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            // The bundled files are checked by the tests; a bad line would
            // be skipped, never a panic.
            Gazetteer::parse(PLACES, REGIONS).0
        })
    }

    /// Reads a places file and a regions file (the formats of
    /// `data/gazetteer`), skipping bad lines, which are returned.
    pub fn parse(places: &str, regions: &str) -> (Gazetteer, Vec<GeoError>) {
        let mut g = Gazetteer::default();
        let (place_lines, region_lines, errors) = format::read(places, regions);
        let errors = errors
            .into_iter()
            .map(|(file, line, message)| GeoError {
                file: file.into(),
                line,
                message,
            })
            .collect();
        let mut capitals = Vec::new();
        g.places
            .reserve_exact(place_lines.len() + region_lines.len());
        let names = place_lines.iter().map(|p| 1 + p.alternates.len());
        let regions = region_lines.iter().map(|r| 1 + r.alternates.len());
        g.names.reserve_exact(names.chain(regions).sum());
        for p in place_lines {
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            let place = Place {
                name: p.name.to_string(),
                country: p.country.to_string(),
                fips: opt(p.fips),
                feature: match p.kind {
                    format::PlaceKind::Country => Feature::Country,
                    format::PlaceKind::Adm1 => Feature::Adm1,
                    format::PlaceKind::City => Feature::City,
                },
                adm1: opt(p.adm1),
                point: p.point,
                geonames_id: Some(p.id),
                population: p.population,
            };
            if let Some(id) = p.capital {
                capitals.push((place.country.clone(), id));
            }
            g.add(place, &p.alternates, false);
        }
        let by_id: FxHashMap<u32, u32> = g
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.feature == Feature::City)
            .filter_map(|(i, p)| Some((p.geonames_id?, i as u32)))
            .collect();
        for (country, id) in capitals {
            // `format::read` kept only capitals that are cities of the file.
            if let Some(&place) = by_id.get(&id) {
                g.capitals.insert(country, place);
            }
        }
        for r in region_lines {
            g.region(r);
        }
        // By name; own names before alternates, then the most populous.
        let places = &g.places;
        g.names.sort_by(|a, b| {
            let rank = |r: &(u64, u32, bool)| (r.2, places[r.1 as usize].population);
            a.0.cmp(&b.0).then_with(|| rank(b).cmp(&rank(a)))
        });
        g.names.dedup_by_key(|r| (r.0, r.1));
        g.names.shrink_to_fit();
        (g, errors)
    }

    /// Adds a place; `curated` alternates (statecraft's) count as its own
    /// names, GeoNames' alternates rank after own names.
    fn add(&mut self, place: Place, alternates: &[&str], curated: bool) {
        let id = self.places.len() as u32;
        if place.feature == Feature::Country {
            self.countries.insert(place.country.clone(), id);
        }
        self.index(&place.name, id, true);
        for a in alternates {
            self.index(a, id, curated);
        }
        self.places.push(place);
    }

    fn index(&mut self, name: &str, id: u32, own: bool) {
        let key = key(name);
        if key.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        self.names.push((hash(&key), id, own));
    }

    /// Adds a line of `regions.tsv` (whose alias names a country of the
    /// places file: `format::read` checked).
    fn region(&mut self, r: format::RegionLine<'_>) {
        let feature = match r.kind {
            format::RegionKind::Alias => {
                if let Some(&id) = self.countries.get(r.country) {
                    for name in std::iter::once(r.name).chain(r.alternates) {
                        self.index(name, id, true);
                    }
                }
                return;
            }
            format::RegionKind::Adm1 => Feature::Adm1,
            format::RegionKind::Other => Feature::Other,
        };
        let place = Place {
            name: r.name.to_string(),
            country: r.country.to_string(),
            fips: None,
            feature,
            adm1: None,
            point: r.point,
            geonames_id: None,
            // Curated regions rank before places of the same name: "Gaza"
            // in the news is the Strip.
            population: REGION_RANK,
        };
        self.add(place, &r.alternates, true);
    }

    /// The places named `name` (any case and accents), best first: by
    /// their own name before an alternate, then the most populous.
    pub fn lookup(&self, name: &str) -> impl Iterator<Item = (&Place, bool)> {
        self.lookup_key(&key(name))
    }

    pub(crate) fn lookup_key(&self, key: &str) -> impl Iterator<Item = (&Place, bool)> {
        let h = hash(key);
        let start = self.names.partition_point(|r| r.0 < h);
        self.names[start..]
            .iter()
            .take_while(move |r| r.0 == h)
            .map(|&(_, id, own)| (&self.places[id as usize], own))
    }

    /// The country with this ISO alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Place> {
        self.countries
            .get(iso3)
            .map(|&id| &self.places[id as usize])
    }

    /// The capital city of the country with this ISO alpha-3 code.
    ///
    /// ```
    /// let g = statecraft_geo::Gazetteer::bundled();
    /// assert_eq!(g.capital("IRQ").map(|p| p.name.as_str()), Some("Baghdad"));
    /// ```
    pub fn capital(&self, iso3: &str) -> Option<&Place> {
        self.capitals.get(iso3).map(|&id| &self.places[id as usize])
    }

    /// The most words a name has.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// The table's hash of a key (FxHash: fast, and the same on every run).
fn hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

/// The index key of a name: folded, words joined by one space, full stops
/// and apostrophes kept ("U.S.", "Ras al-'Ayn").
pub(crate) fn key(name: &str) -> String {
    statecraft_text::fold(name)
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
