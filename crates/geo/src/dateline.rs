//! Wire datelines: where a story was filed.

use crate::gazetteer::{key, Gazetteer, Place};
use crate::words::{choose_within, display, not_a_place};
use statecraft_types::Feature;

/// A story's wire dateline ("NAJAF, Iraq -", "TEHRAN (Reuters) -"),
/// resolved: where the story was filed.
#[derive(Clone, Debug, PartialEq)]
pub struct Dateline {
    pub(crate) name: String,
    pub(crate) place: Place,
}

impl Dateline {
    /// Reads a wire dateline or byline ("NAJAF, Iraq -", "TEHRAN
    /// (Reuters) -", "UNITED NATIONS, Sept 14 (AFP) -"); `None` when it
    /// names no place of the gazetteer (a byline such as "AP -").
    pub fn read(g: &Gazetteer, text: &str) -> Option<Dateline> {
        // Brackets out ("(Reuters)", "(AGI)"), then the parts between dashes
        // ("Canadian Press - OTTAWA (CP) -"): the first that names a place.
        let mut plain = String::with_capacity(text.len());
        let mut depth = 0usize;
        for c in text.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        let plain = plain.replace(['—', '–'], " - ").replace("--", " - ");
        plain
            .split(" - ")
            .map(|p| p.trim().trim_end_matches(['-', ':']).trim())
            .find_map(|part| Dateline::segment(g, part))
    }

    /// One part of a dateline: "NAJAF, Iraq", "JABALYA REFUGEE CAMP, Gaza
    /// Strip" (a name not found is tried without its last words). A town
    /// the gazetteer lacks, in a country the dateline names
    /// ("PRESENTACION, Philippines"), is that town in that country, with
    /// no point: the dateline says where, the gazetteer cannot say more.
    fn segment(g: &Gazetteer, part: &str) -> Option<Dateline> {
        let mut pieces = part.split(',').map(str::trim).filter(|p| !p.is_empty());
        let name = pieces.next()?;
        // The part after the comma may be a country: "NAJAF, Iraq".
        // Or a division: "ATLANTA, Georgia", "PARIS, Texas".
        let within = pieces.next().and_then(|c| {
            g.lookup(c)
                .find(|(p, own)| {
                    p.feature == Feature::Country || (*own && p.feature == Feature::Adm1)
                })
                .map(|(p, _)| p)
        });
        let hint: Vec<&str> = within.map(|p| vec![p.country.as_str()]).unwrap_or_default();
        let words: Vec<&str> = name.split_whitespace().collect();
        let known = (1..=words.len().min(4)).rev().find_map(|n| {
            let name = words[..n].join(" ");
            let k = key(&name);
            if not_a_place(&k) || k.len() < 3 {
                return None;
            }
            let place = choose_within(g, &k, &hint, within)?;
            Some(Dateline {
                name: display(&name, place),
                place: place.clone(),
            })
        });
        known.or_else(|| Dateline::unknown_town(g, &words, hint.first()?))
    }

    /// A town of `country` the gazetteer lacks, named by `words` of
    /// letters, each capitalised, at most four.
    fn unknown_town(g: &Gazetteer, words: &[&str], country: &str) -> Option<Dateline> {
        let plausible = !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            });
        let name = words.join(" ");
        if !plausible || not_a_place(&key(&name)) {
            return None;
        }
        let place = Place {
            name: String::new(),
            country: country.to_string(),
            fips: None,
            feature: Feature::City,
            adm1: None,
            point: None,
            geonames_id: None,
            population: 0,
        };
        let name = display(&name, &place);
        let place = Place {
            name: name.clone(),
            ..place
        };
        g.country(country)?;
        Some(Dateline { name, place })
    }

    /// The dateline's country (ISO alpha-3).
    pub fn country(&self) -> &str {
        &self.place.country
    }
}
