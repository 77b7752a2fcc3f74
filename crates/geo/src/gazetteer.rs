//! The gazetteer: places by folded name.

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
        let mut errors = Vec::new();
        for (i, line) in places.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            match place_line(line) {
                Ok((place, alternates)) => g.add(place, &alternates, false),
                Err(message) => errors.push(GeoError {
                    file: "places.tsv".into(),
                    line: i + 1,
                    message,
                }),
            }
        }
        for (i, line) in regions.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Err(message) = g.region_line(line) {
                errors.push(GeoError {
                    file: "regions.tsv".into(),
                    line: i + 1,
                    message,
                });
            }
        }
        // By name; own names before alternates, then the most populous.
        let places = &g.places;
        g.names.sort_by(|a, b| {
            let rank = |r: &(u64, u32, bool)| (r.2, places[r.1 as usize].population);
            a.0.cmp(&b.0).then_with(|| rank(b).cmp(&rank(a)))
        });
        g.names.dedup_by_key(|r| (r.0, r.1));
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

    /// A line of `regions.tsv`: `kind name country lat lon alternates`.
    fn region_line(&mut self, line: &str) -> Result<(), String> {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 6 {
            return Err(format!(
                "expected 6 tab-separated fields, found {}",
                f.len()
            ));
        }
        let alternates: Vec<&str> = f[5].split('|').filter(|a| !a.is_empty()).collect();
        check_country(f[2])?;
        match f[0] {
            "alias" => {
                let id = *self
                    .countries
                    .get(f[2])
                    .ok_or_else(|| format!("no country {} to alias", f[2]))?;
                for name in std::iter::once(f[1]).chain(alternates) {
                    self.index(name, id, true);
                }
                Ok(())
            }
            kind @ ("adm1" | "other") => {
                let point = Some((coordinate(f[3], 90.0)?, coordinate(f[4], 180.0)?));
                let feature = if kind == "adm1" {
                    Feature::Adm1
                } else {
                    Feature::Other
                };
                let place = Place {
                    name: f[1].to_string(),
                    country: f[2].to_string(),
                    fips: None,
                    feature,
                    adm1: None,
                    point,
                    geonames_id: None,
                    // Curated regions rank before places of the same name:
                    // "Gaza" in the news is the Strip.
                    population: REGION_RANK,
                };
                self.add(place, &alternates, true);
                Ok(())
            }
            other => Err(format!(
                "unknown kind {other:?}: expected adm1, other or alias"
            )),
        }
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

fn check_country(c: &str) -> Result<(), String> {
    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(format!("{c:?} is not an ISO alpha-3 country code"))
    }
}

fn coordinate(s: &str, limit: f64) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.abs() <= limit => Ok(v),
        _ => Err(format!("{s:?} is not a coordinate within ±{limit}")),
    }
}

/// A line of `places.tsv`: `kind geonames_id name country fips adm1 lat lon
/// population alternates`.
fn place_line(line: &str) -> Result<(Place, Vec<&str>), String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated fields, found {}",
            f.len()
        ));
    }
    let id: u32 = f[1]
        .parse()
        .map_err(|_| format!("{:?} is not a GeoNames id", f[1]))?;
    check_country(f[3])?;
    let population: u64 = f[8]
        .parse()
        .map_err(|_| format!("{:?} is not a population", f[8]))?;
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let (feature, point) = match f[0] {
        "country" => (Feature::Country, None),
        "city" => (
            Feature::City,
            Some((coordinate(f[6], 90.0)?, coordinate(f[7], 180.0)?)),
        ),
        other => return Err(format!("unknown kind {other:?}: expected country or city")),
    };
    let place = Place {
        name: f[2].to_string(),
        country: f[3].to_string(),
        fips: opt(f[4]),
        feature,
        adm1: opt(f[5]),
        point,
        geonames_id: Some(id),
        population,
    };
    Ok((place, f[9].split('|').filter(|a| !a.is_empty()).collect()))
}
