//! The line formats of `data/gazetteer`, in plain `std`: the crate reads
//! its places through [`read`], and its build script checks the bundled
//! files with the same function, so a bad line stops the build with
//! `file:line: what is wrong`.

use std::collections::{HashMap, HashSet};

/// What a line of `places.tsv` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Country,
    /// A first-level division (the US states).
    Adm1,
    City,
}

/// A line of `places.tsv`: `kind geonames_id name country fips adm1 lat
/// lon population alternates capital`.
#[derive(Clone, Debug)]
pub(crate) struct PlaceLine<'a> {
    pub(crate) kind: PlaceKind,
    pub(crate) id: u32,
    pub(crate) name: &'a str,
    /// ISO alpha-3.
    pub(crate) country: &'a str,
    pub(crate) fips: &'a str,
    pub(crate) adm1: &'a str,
    /// A city's or division's latitude and longitude.
    pub(crate) point: Option<(f64, f64)>,
    pub(crate) population: u64,
    pub(crate) alternates: Vec<&'a str>,
    /// A country's capital: the GeoNames id of a city of the file.
    pub(crate) capital: Option<u32>,
}

/// What a line of `regions.tsv` adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RegionKind {
    /// More names of a country ("Britain").
    Alias,
    /// A first-level region ("Gaza Strip", "Darfur").
    Adm1,
    /// Another place ("United Nations headquarters").
    Other,
}

/// A line of `regions.tsv`: `kind name country lat lon alternates`.
#[derive(Clone, Debug)]
pub(crate) struct RegionLine<'a> {
    pub(crate) kind: RegionKind,
    pub(crate) name: &'a str,
    pub(crate) country: &'a str,
    /// A region's centroid (none for an alias).
    pub(crate) point: Option<(f64, f64)>,
    pub(crate) alternates: Vec<&'a str>,
}

/// A line that cannot be read: file name, 1-based line, what is wrong.
pub(crate) type LineError = (&'static str, usize, String);

/// The lines of both files that read, and the errors of those that do not,
/// in file order: a line that does not parse, a GeoNames id given twice, a
/// capital that is no city of its country in the places file, an alias of
/// a country it lacks.
pub(crate) fn read<'a>(
    places: &'a str,
    regions: &'a str,
) -> (Vec<PlaceLine<'a>>, Vec<RegionLine<'a>>, Vec<LineError>) {
    let mut errors = Vec::new();
    // Sized once: growing by doubling would leave the smaller copies of a
    // 30,000-place table behind.
    let lines = data_lines(places).count();
    let mut good_places = Vec::with_capacity(lines);
    let mut lines_of = Vec::with_capacity(lines);
    // The line of each GeoNames id: one place an id.
    let mut ids: HashMap<u32, usize> = HashMap::with_capacity(lines);
    for (i, line) in data_lines(places) {
        match place_line(line) {
            Ok(p) => match ids.get(&p.id) {
                Some(first) => errors.push((
                    "places.tsv",
                    i,
                    format!("GeoNames id {} is already on line {first}", p.id),
                )),
                None => {
                    ids.insert(p.id, i);
                    good_places.push(p);
                    lines_of.push(i);
                }
            },
            Err(e) => errors.push(("places.tsv", i, e)),
        }
    }
    // Each city's country, by GeoNames id.
    let cities: HashMap<u32, &str> = good_places
        .iter()
        .filter(|p| p.kind == PlaceKind::City)
        .map(|p| (p.id, p.country))
        .collect();
    for (p, &i) in good_places.iter_mut().zip(&lines_of) {
        let Some(id) = p.capital else {
            continue;
        };
        let message = match cities.get(&id) {
            None => format!("capital {id} is not a city of the file"),
            Some(&c) if c != p.country => {
                format!("capital {id} is a city of {c}, not of {}", p.country)
            }
            Some(_) => continue,
        };
        errors.push(("places.tsv", i, message));
        p.capital = None;
    }
    let countries: HashSet<&str> = good_places
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .map(|p| p.country)
        .collect();
    let mut good_regions = Vec::new();
    for (i, line) in data_lines(regions) {
        match region_line(line) {
            Ok(r) if r.kind == RegionKind::Alias && !countries.contains(r.country) => {
                errors.push((
                    "regions.tsv",
                    i,
                    format!("no country {} to alias", r.country),
                ));
            }
            Ok(r) => good_regions.push(r),
            Err(e) => errors.push(("regions.tsv", i, e)),
        }
    }
    (good_places, good_regions, errors)
}

/// The lines that hold data, numbered from 1: not comments, not blank.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
}

fn fields(line: &str, n: usize) -> Result<Vec<&str>, String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() == n {
        Ok(f)
    } else {
        Err(format!(
            "expected {n} tab-separated fields, found {}",
            f.len()
        ))
    }
}

fn check_country(c: &str) -> Result<&str, String> {
    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(c)
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

fn point(lat: &str, lon: &str) -> Result<(f64, f64), String> {
    Ok((coordinate(lat, 90.0)?, coordinate(lon, 180.0)?))
}

fn names(field: &str) -> Vec<&str> {
    field.split('|').filter(|a| !a.is_empty()).collect()
}

/// A line of `places.tsv`.
pub(crate) fn place_line(line: &str) -> Result<PlaceLine<'_>, String> {
    let f = fields(line, 11)?;
    let kind = match f[0] {
        "country" => PlaceKind::Country,
        "adm1" => PlaceKind::Adm1,
        "city" => PlaceKind::City,
        other => {
            return Err(format!(
                "unknown kind {other:?}: expected country, adm1 or city"
            ))
        }
    };
    let id = f[1]
        .parse()
        .map_err(|_| format!("{:?} is not a GeoNames id", f[1]))?;
    let country = check_country(f[3])?;
    let population = f[8]
        .parse()
        .map_err(|_| format!("{:?} is not a population", f[8]))?;
    let capital = match f[10] {
        "" => None,
        id if kind == PlaceKind::Country => Some(
            id.parse()
                .map_err(|_| format!("capital {id:?} is not a GeoNames id"))?,
        ),
        _ => return Err("only a country has a capital".into()),
    };
    Ok(PlaceLine {
        kind,
        id,
        name: f[2],
        country,
        fips: f[4],
        adm1: f[5],
        point: match kind {
            PlaceKind::Country => None,
            _ => Some(point(f[6], f[7])?),
        },
        population,
        alternates: names(f[9]),
        capital,
    })
}

/// A line of `regions.tsv`.
pub(crate) fn region_line(line: &str) -> Result<RegionLine<'_>, String> {
    let f = fields(line, 6)?;
    let country = check_country(f[2])?;
    let kind = match f[0] {
        "alias" => RegionKind::Alias,
        "adm1" => RegionKind::Adm1,
        "other" => RegionKind::Other,
        other => {
            return Err(format!(
                "unknown kind {other:?}: expected adm1, other or alias"
            ))
        }
    };
    Ok(RegionLine {
        kind,
        name: f[1],
        country,
        point: match kind {
            RegionKind::Alias => None,
            _ => Some(point(f[3], f[4])?),
        },
        alternates: names(f[5]),
    })
}
