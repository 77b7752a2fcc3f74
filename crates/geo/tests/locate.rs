//! One table of sentences through `locate`, as the coder calls it (with
//! the sentence's parse), and the gazetteer's own files and errors.
//! Sentences are written for these tests, not taken from the gold set.

use statecraft_geo::{locate, Dateline, Event, Gazetteer, StoryPlaces};
use statecraft_types::{Feature, LocationSource};

/// Character offsets of the first `words` in `text`.
fn span(text: &str, words: &str) -> Option<[usize; 2]> {
    if words.is_empty() {
        return None;
    }
    let b = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} not in {text:?}"));
    let start = text[..b].chars().count();
    Some([start, start + words.chars().count()])
}

/// (why, sentence, source words, target words, verb words, source
/// country, target country, root, headline, dateline, expected place:
/// name, country, feature, whether from the dateline).
type Row<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<(&'a str, &'a str, Feature, bool)>,
);

#[rustfmt::skip]
const CASES: &[Row] = &[
    ("a visit's place is the place visited",
     "The Japanese foreign minister visited Damascus on Monday.", "The Japanese foreign minister", "Damascus", "visited",
     Some("JPN"), Some("SYR"), "04", None, None, Some(("Damascus", "SYR", Feature::City, false))),
    ("a locative phrase on the verb",
     "Israeli troops killed two militants in Nablus on Tuesday.", "Israeli troops", "two militants", "killed",
     Some("ISR"), Some("PSE"), "19", None, None, Some(("Nablus", "PSE", Feature::City, false))),
    ("a place nested in a locative phrase: the city, not the building",
     "The minister met the envoy at the foreign ministry in Amman.", "The minister", "the envoy", "met",
     Some("JOR"), Some("USA"), "04", None, None, Some(("Amman", "JOR", Feature::City, false))),
    ("the city of X and a bearing: north of X gets X",
     "Rebels attacked a convoy 40 km north of Baghdad.", "Rebels", "a convoy", "attacked",
     Some("IRQ"), Some("USA"), "19", None, None, Some(("Baghdad", "IRQ", Feature::City, false))),
    ("Gaza in the news is the Strip, an adm1 region with its name",
     "Israeli forces blocked the main roads in northern Gaza.", "Israeli forces", "the main roads", "blocked",
     Some("ISR"), None, "19", None, None, Some(("Gaza Strip", "PSE", Feature::Adm1, false))),
    ("a country is a country: no point",
     "Militants kidnapped two aid workers in Afghanistan.", "Militants", "two aid workers", "kidnapped",
     None, Some("AFG"), "18", None, None, Some(("Afghanistan", "AFG", Feature::Country, false))),
    ("the dateline's city is more specific than the sentence's country",
     "Gunmen fired on police across Iraq on Sunday.", "Gunmen", "police", "fired",
     Some("IRQ"), Some("IRQ"), "19", None, Some("MOSUL, Iraq (Reuters) - "), Some(("Mosul", "IRQ", Feature::City, true))),
    ("a place modifying a noun is not where the act happened: the dateline is",
     "The senator criticised the president over the war in Iraq.", "The senator", "the president", "criticised",
     Some("USA"), Some("USA"), "11", None, Some("BOSTON (Reuters) - "), Some(("Boston", "USA", Feature::City, true))),
    ("the same without a dateline: nowhere",
     "The senator criticised the president over the war in Iraq.", "The senator", "the president", "criticised",
     Some("USA"), Some("USA"), "11", None, None, None),
    ("a statement with no place and no dateline: nowhere",
     "The foreign ministry said it would study the offer.", "The foreign ministry", "", "said",
     Some("FRA"), None, "01", None, None, None),
    ("the headline's place when the sentence names none",
     "The two sides will meet on Monday for peace talks.", "The two sides", "", "meet",
     Some("SDN"), Some("SDN"), "04", Some("Rivals to meet in Nigeria for talks"), None,
     Some(("Nigeria", "NGA", Feature::Country, false))),
    ("a dateline with a byline and an agency, read through",
     "The minister praised the court's ruling.", "The minister", "the court", "praised",
     Some("CAN"), Some("UKR"), "05", None, Some("Canadian Press - OTTAWA (CP) - "), Some(("Ottawa", "CAN", Feature::City, true))),
    ("a foreign state's statement against the dateline's country came from abroad",
     "North Korea will not improve ties with the South, Pyongyang said.", "North Korea", "the South", "improve",
     Some("PRK"), Some("KOR"), "12", None, Some("SEOUL (Reuters) - "), None),
    ("the same dateline places an attack on its country",
     "Gunmen attacked a police station on Sunday.", "Gunmen", "a police station", "attacked",
     Some("PRK"), Some("KOR"), "19", None, Some("SEOUL (Reuters) - "), Some(("Seoul", "KOR", Feature::City, true))),
    ("a comma ends the phrase: \"During the visit, Kim met\" has no place Kim",
     "During the visit, Kim met with the interim foreign minister.", "Kim", "the interim foreign minister", "met",
     Some("KOR"), Some("SYR"), "04", None, None, None),
    ("\"UN\" after \"at\" is no town: short capitals name only countries",
     "Annan met Allawi at UN headquarters in New York on Friday.", "Annan", "Allawi", "met",
     Some("IGO"), Some("IRQ"), "04", None, None, Some(("New York", "USA", Feature::City, false))),
    ("an abbreviation gets its country's name",
     "Two soldiers were wounded in the U.S. on Friday.", "", "Two soldiers", "wounded",
     None, Some("USA"), "19", None, None, Some(("United States", "USA", Feature::Country, false))),
    ("a small namesake in an actor's country does not beat the capital abroad",
     "The Italian and American leaders met in Moscow on Friday.", "The Italian and American leaders", "", "met",
     Some("ITA"), Some("USA"), "04", None, None, Some(("Moscow", "RUS", Feature::City, false))),
    ("an actor's country still decides between places of like size",
     "Syrian troops shelled rebels near Damascus on Friday.", "Syrian troops", "rebels", "shelled",
     Some("SYR"), Some("SYR"), "19", None, None, Some(("Damascus", "SYR", Feature::City, false))),
    ("a month is no place: \"in May\"",
     "The two leaders met in May to discuss trade.", "The two leaders", "", "met",
     Some("FRA"), None, "04", None, None, None),
];

#[test]
fn each_case_is_located_as_the_table_says() {
    let g = Gazetteer::bundled();
    let mut failures = Vec::new();
    for &(why, text, src, tgt, verb, sc, tc, root, title, dateline, want) in CASES {
        let parse = statecraft_geo::names_place(g, text).then(|| statecraft_syntax::parse(text));
        let event = Event {
            text,
            source: span(text, src),
            target: span(text, tgt),
            verb: span(text, verb),
            countries: [sc, tc],
            parse: parse.as_ref(),
            root: Some(root),
        };
        let story = StoryPlaces::read(g, title, dateline);
        let got = locate(g, &event, &story).map(|l| {
            (
                l.name,
                l.country,
                l.feature,
                l.source == LocationSource::Dateline,
                l.span,
            )
        });
        let got_key = got
            .as_ref()
            .map(|(n, c, f, d, _)| (n.as_str(), c.as_str(), *f, *d));
        if got_key != want {
            failures.push(format!("{why}: expected {want:?}, got {got:?}"));
        }
        // A place from the text points at its words.
        if let Some((name, _, Feature::City, false, Some([a, b]))) = &got {
            let words: String = text.chars().skip(*a).take(b - a).collect();
            if title.is_none() && words != *name && !name.contains(&words) {
                failures.push(format!("{why}: span {a}..{b} is {words:?}, not {name:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn datelines_name_their_city() {
    let g = Gazetteer::bundled();
    for (line, want) in [
        ("NAJAF, Iraq (Reuters) - ", Some(("Najaf", "IRQ"))),
        ("TEHRAN (Reuters) - ", Some(("Tehran", "IRN"))),
        (
            "(AGI) - Florence, Italy, Oct.18 - ",
            Some(("Florence", "ITA")),
        ),
        ("ISLAMABAD, Oct 5: ", Some(("Islamabad", "PAK"))),
        (
            "JABALYA REFUGEE CAMP, Gaza Strip (Reuters) - ",
            Some(("Jabalya", "PSE")),
        ),
        ("AP - ", None),
        (
            "UNITED NATIONS (Reuters) - ",
            Some(("United Nations headquarters", "USA")),
        ),
    ] {
        let d = Dateline::read(g, line);
        let story = StoryPlaces::read(g, None, Some(line));
        assert_eq!(story.dateline(), d.as_ref());
        let got = d.map(|d| {
            let event = Event {
                text: "It happened.",
                source: None,
                target: None,
                verb: None,
                countries: [None, None],
                parse: None,
                root: None,
            };
            let l = locate(g, &event, &StoryPlaces::read(g, None, Some(line))).unwrap();
            assert_eq!(d.country(), l.country);
            (l.name, l.country)
        });
        let got = got.as_ref().map(|(n, c)| (n.as_str(), c.as_str()));
        assert_eq!(got, want, "{line:?}");
    }
}

#[test]
fn the_bundled_gazetteer_reads_cleanly() {
    let places = include_str!("../../../data/gazetteer/places.tsv");
    let regions = include_str!("../../../data/gazetteer/regions.tsv");
    let (g, errors) = Gazetteer::parse(places, regions);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(g.len() > 30_000, "{} places", g.len());
    let iraq = g.country("IRQ").unwrap();
    assert_eq!(
        (iraq.name.as_str(), iraq.fips.as_deref(), iraq.point),
        ("Iraq", Some("IZ"), None)
    );
    // Own names before alternates, then the most populous.
    let (best, own) = g.lookup("damascus").next().unwrap();
    assert_eq!((best.country.as_str(), own), ("SYR", true));
    assert_eq!(g.lookup("Britain").next().unwrap().0.country, "GBR");
}

#[test]
fn a_bad_gazetteer_line_says_where_and_what() {
    let places = "# header\ncity\t1\tTown\tXYZ\t\t01\t95.0\t10\t100\t\ncity\tx\tTown\tIRQ\t\t01\t1\t1\t1\t\n";
    let regions = "adm1\tZone\tIRQ\t1\t2\n";
    let (g, errors) = Gazetteer::parse(places, regions);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "places.tsv:2: \"95.0\" is not a coordinate within ±90",
            "places.tsv:3: \"x\" is not a GeoNames id",
            "regions.tsv:1: expected 6 tab-separated fields, found 5",
        ]
    );
    // The good lines still count: here there are none.
    assert!(g.is_empty());
    // And a good line is read.
    let (g, errors) = Gazetteer::parse("city\t7\tTown\tIRQ\t\t01\t1.5\t2.5\t900\tBurg\n", "");
    assert!(errors.is_empty());
    assert_eq!(g.lookup("burg").next().unwrap().0.point, Some((1.5, 2.5)));
}
