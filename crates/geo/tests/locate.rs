//! One table of sentences through `locate`, as the coder calls it (with
//! the sentence's parse), and the gazetteer's own files and errors.
//! Sentences are written for these tests, not taken from the gold set.

use statecraft_geo::{locate, Dateline, Event, Gazetteer, StoryPlaces};
use statecraft_types::{Feature, LocationSource};
use LocationSource::{Actor, Dateline as Filed, Text};

/// The nations of a few adjectives, as the coder's dictionaries give them.
fn nation(word: &str) -> Option<String> {
    let iso = match word {
        "Iraqi" => "IRQ",
        "Afghan" => "AFG",
        "Kazakh" => "KAZ",
        "Russian" => "RUS",
        "Israeli" => "ISR",
        "French" => "FRA",
        "Yemeni" => "YEM",
        "American" => "USA",
        _ => return None,
    };
    Some(iso.to_string())
}

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
/// code, target code, CAMEO code, headline, dateline, expected place:
/// name, country, feature, where it came from).
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
    Option<(&'a str, &'a str, Feature, LocationSource)>,
);

#[rustfmt::skip]
const CASES: &[Row] = &[
    ("a visit's place is the place visited",
     "The Japanese foreign minister visited Damascus on Monday.", "The Japanese foreign minister", "Damascus", "visited",
     Some("JPN"), Some("SYR"), "04", None, None, Some(("Damascus", "SYR", Feature::City, Text))),
    ("a locative phrase on the verb",
     "Israeli troops killed two militants in Nablus on Tuesday.", "Israeli troops", "two militants", "killed",
     Some("ISR"), Some("PSE"), "19", None, None, Some(("Nablus", "PSE", Feature::City, Text))),
    ("a place nested in a locative phrase: the city, not the building",
     "The minister met the envoy at the foreign ministry in Amman.", "The minister", "the envoy", "met",
     Some("JOR"), Some("USA"), "04", None, None, Some(("Amman", "JOR", Feature::City, Text))),
    ("the city of X and a bearing: north of X gets X",
     "Rebels attacked a convoy 40 km north of Baghdad.", "Rebels", "a convoy", "attacked",
     Some("IRQ"), Some("USA"), "19", None, None, Some(("Baghdad", "IRQ", Feature::City, Text))),
    ("Gaza in the news is the Strip, an adm1 region with its name",
     "Israeli forces blocked the main roads in northern Gaza.", "Israeli forces", "the main roads", "blocked",
     Some("ISR"), None, "19", None, None, Some(("Gaza Strip", "PSE", Feature::Adm1, Text))),
    ("a country is a country: no point",
     "Militants kidnapped two aid workers in Afghanistan.", "Militants", "two aid workers", "kidnapped",
     None, Some("AFG"), "18", None, None, Some(("Afghanistan", "AFG", Feature::Country, Text))),
    ("the dateline's city is more specific than the sentence's country",
     "Gunmen fired on police across Iraq on Sunday.", "Gunmen", "police", "fired",
     Some("IRQ"), Some("IRQ"), "19", None, Some("MOSUL, Iraq (Reuters) - "), Some(("Mosul", "IRQ", Feature::City, Filed))),
    ("a place modifying a noun is not where the act happened: the dateline is",
     "The senator criticised the president over the war in Iraq.", "The senator", "the president", "criticised",
     Some("USA"), Some("USA"), "11", None, Some("BOSTON (Reuters) - "), Some(("Boston", "USA", Feature::City, Filed))),
    ("the same without a dateline: nowhere",
     "The senator criticised the president over the war in Iraq.", "The senator", "the president", "criticised",
     Some("USA"), Some("USA"), "11", None, None, None),
    ("a statement with no place and no dateline: nowhere",
     "The foreign ministry said it would study the offer.", "The foreign ministry", "", "said",
     Some("FRA"), None, "01", None, None, None),
    ("the headline's place when the sentence names none",
     "The two sides will meet on Monday for peace talks.", "The two sides", "", "meet",
     Some("SDN"), Some("SDN"), "04", Some("Rivals to meet in Nigeria for talks"), None,
     Some(("Nigeria", "NGA", Feature::Country, Text))),
    ("a dateline with a byline and an agency, read through",
     "The minister praised the court's ruling.", "The minister", "the court", "praised",
     Some("CAN"), Some("UKR"), "05", None, Some("Canadian Press - OTTAWA (CP) - "), Some(("Ottawa", "CAN", Feature::City, Filed))),
    ("a foreign state's statement against the dateline's country came from abroad",
     "North Korea will not improve ties with the South, Pyongyang said.", "North Korea", "the South", "improve",
     Some("PRK"), Some("KOR"), "12", None, Some("SEOUL (Reuters) - "), None),
    ("the same dateline places an attack on its country",
     "Gunmen attacked a police station on Sunday.", "Gunmen", "a police station", "attacked",
     Some("PRK"), Some("KOR"), "19", None, Some("SEOUL (Reuters) - "), Some(("Seoul", "KOR", Feature::City, Filed))),
    ("a comma ends the phrase: \"During the visit, Kim met\" has no place Kim",
     "During the visit, Kim met with the interim foreign minister.", "Kim", "the interim foreign minister", "met",
     Some("KOR"), Some("SYR"), "04", None, None, None),
    ("\"UN\" after \"at\" is no town: short capitals name only countries",
     "Annan met Allawi at UN headquarters in New York on Friday.", "Annan", "Allawi", "met",
     Some("IGO"), Some("IRQ"), "04", None, None, Some(("New York", "USA", Feature::City, Text))),
    ("an abbreviation gets its country's name",
     "Two soldiers were wounded in the U.S. on Friday.", "", "Two soldiers", "wounded",
     None, Some("USA"), "19", None, None, Some(("United States", "USA", Feature::Country, Text))),
    ("a small namesake in an actor's country does not beat the capital abroad",
     "The Italian and American leaders met in Moscow on Friday.", "The Italian and American leaders", "", "met",
     Some("ITA"), Some("USA"), "04", None, None, Some(("Moscow", "RUS", Feature::City, Text))),
    ("an actor's country still decides between places of like size",
     "Syrian troops shelled rebels near Damascus on Friday.", "Syrian troops", "rebels", "shelled",
     Some("SYR"), Some("SYR"), "19", None, None, Some(("Damascus", "SYR", Feature::City, Text))),
    ("a month is no place: \"in May\"",
     "The two leaders met in May to discuss trade.", "The two leaders", "", "met",
     Some("FRA"), None, "04", None, None, None),
    ("a definite \"the city\" is the headline's city, in the nation its adjective names",
     "Marines clashed with insurgents near the Iraqi city on Friday.", "Marines", "insurgents", "clashed",
     Some("USAMIL"), Some("IRQREB"), "190", Some("Marines close in on Ramadi"), None, Some(("Ramadi", "IRQ", Feature::City, Text))),
    ("the same without a headline: the nation's country, not a fake point",
     "Marines clashed with insurgents near the Iraqi city on Friday.", "Marines", "insurgents", "clashed",
     Some("USAMIL"), Some("IRQREB"), "190", None, None, Some(("Iraq", "IRQ", Feature::Country, Text))),
    ("a headline's city in another country is not the one meant",
     "Marines clashed with insurgents near the Iraqi city on Friday.", "Marines", "insurgents", "clashed",
     Some("USAMIL"), Some("IRQREB"), "190", Some("Talks in Cairo stall"), None, Some(("Iraq", "IRQ", Feature::Country, Text))),
    ("\"the city\" with no nation is the dateline's city",
     "Fighting broke out again in the city on Sunday.", "", "", "broke",
     None, None, "190", None, Some("NAJAF, Iraq (Reuters) - "), Some(("Najaf", "IRQ", Feature::City, Text))),
    ("\"the city\" that nothing names is nowhere",
     "Fighting broke out again in the city on Sunday.", "", "", "broke",
     None, None, "190", None, None, None),
    ("\"the Afghan capital\" is Kabul",
     "A bomb killed three soldiers in the Afghan capital on Monday.", "A bomb", "three soldiers", "killed",
     None, Some("USAMIL"), "190", None, None, Some(("Kabul", "AFG", Feature::City, Text))),
    ("a name in apposition says which capital",
     "Ministers met in the Kazakh capital Astana on Friday.", "Ministers", "", "met",
     Some("RUSGOV"), None, "040", None, None, Some(("Astana", "KAZ", Feature::City, Text))),
    ("a plural says only the country",
     "Militants attacked police stations in several Iraqi towns.", "Militants", "police stations", "attacked",
     Some("IRQUAF"), Some("IRQCOP"), "190", None, None, Some(("Iraq", "IRQ", Feature::Country, Text))),
    ("what an act of force struck is its place",
     "Israeli jets bombed Gaza City on Sunday.", "Israeli jets", "Gaza City", "bombed",
     Some("ISRMIL"), Some("PSE"), "195", None, None, Some(("Gaza City", "PSE", Feature::City, Text))),
    ("\"invaded the country\": the country its target is",
     "Coalition forces invaded the country in March.", "Coalition forces", "the country", "invaded",
     Some("USAMIL"), Some("IRQ"), "190", None, None, Some(("Iraq", "IRQ", Feature::Country, Text))),
    ("the object of a statement is no place",
     "The minister praised Iraq on Sunday.", "The minister", "Iraq", "praised",
     Some("JORGOV"), Some("IRQ"), "051", None, None, None),
    ("kidnappers act at home: their country, never a point",
     "Iraqi kidnappers demanded a ransom for two French reporters.", "Iraqi kidnappers", "two French reporters", "demanded",
     Some("IRQCRM"), Some("FRAMED"), "181", None, None, Some(("Iraq", "IRQ", Feature::Country, Actor))),
    ("the same, filed from another country: still theirs",
     "Iraqi kidnappers demanded a ransom for two French reporters.", "Iraqi kidnappers", "two French reporters", "demanded",
     Some("IRQCRM"), Some("FRAMED"), "181", None, Some("PARIS (Reuters) - "), Some(("Iraq", "IRQ", Feature::Country, Actor))),
    ("the same, filed from their country: the dateline's city",
     "Iraqi kidnappers demanded a ransom for two French reporters.", "Iraqi kidnappers", "two French reporters", "demanded",
     Some("IRQCRM"), Some("FRAMED"), "181", None, Some("BAGHDAD (Reuters) - "), Some(("Baghdad", "IRQ", Feature::City, Filed))),
    ("a court's verdict is given at home",
     "A Yemeni court sentenced five men to death on Monday.", "A Yemeni court", "five men", "sentenced",
     Some("YEMJUD"), Some("YEMPPL"), "116", None, None, Some(("Yemen", "YEM", Feature::Country, Actor))),
    ("a country lent from a neighbour is no home: \"insurgents and American forces\"",
     "Insurgents and American forces clashed on Thursday.", "Insurgents", "American forces", "clashed",
     Some("USAREB"), Some("USAMIL"), "190", None, None, None),
    ("an army acts abroad: its country is not the place",
     "Troops killed five militants on Monday.", "Troops", "five militants", "killed",
     Some("USAMIL"), Some("IRQREB"), "190", None, None, None),
    ("rebels' statement: no place",
     "The rebels rejected the offer on Monday.", "The rebels", "the offer", "rejected",
     Some("SDNREB"), Some("SDNGOV"), "120", None, None, None),
    ("a remote act's place never hangs on a noun, however far down",
     "The senator accused the president of failing, challenging his record on jobs, the deficit and the war in Iraq.", "The senator", "the president", "accused",
     Some("USAELI"), Some("USAGOV"), "112", None, None, None),
    ("the headline's place, when the sentence names none",
     "The council condemned the attacks.", "The council", "", "condemned",
     Some("IGOUNO"), Some("SDN"), "111", Some("UN condemns attacks by militias in Darfur"), None,
     Some(("Darfur", "SDN", Feature::Adm1, Text))),
    ("not when the sentence gives that place to a noun",
     "The council condemned attacks by the militias in Darfur.", "The council", "the militias", "condemned",
     Some("IGOUNO"), Some("SDN"), "111", Some("UN condemns attacks by militias in Darfur"), None, None),
    ("a journey's end: \"heads to\"",
     "The president heads to Beijing on Monday for talks.", "The president", "", "heads",
     Some("FRAGOV"), None, "042", None, None, Some(("Beijing", "CHN", Feature::City, Text))),
    ("\"left X for Y\": the journey ends in Y",
     "Fifty soldiers left Nigeria on Thursday for Darfur.", "Fifty soldiers", "", "left",
     Some("NGAMIL"), None, "042", None, None, Some(("Darfur", "SDN", Feature::Adm1, Text))),
    ("an international body's remote act against the dateline's country was done abroad",
     "African leaders backed sanctions against Ivory Coast on Saturday.", "African leaders", "Ivory Coast", "backed",
     Some("IGOAFRAFU"), Some("CIV"), "163", None, Some("ABIDJAN (Reuters) - "), None),
    ("a physical act's place may hang on its subject",
     "Troops in Najaf fired on the crowd on Friday.", "Troops", "the crowd", "fired",
     Some("IRQMIL"), Some("IRQCVL"), "190", None, None, Some(("Najaf", "IRQ", Feature::City, Text))),
    ("a part of the country is not the dateline's city",
     "Attackers overran a village in eastern Afghanistan on Monday.", "Attackers", "a village", "overran",
     Some("AFGUAF"), Some("AFGCVL"), "192", None, Some("KABUL (Reuters) - "), Some(("Afghanistan", "AFG", Feature::Country, Text))),
    ("a name outranks words that only point at a country",
     "Troops shelled an Israeli town and a village in Gaza.", "Troops", "an Israeli town", "shelled",
     Some("ISRMIL"), Some("ISR"), "195", None, None, Some(("Gaza Strip", "PSE", Feature::Adm1, Text))),
    ("a name that goes on with \"of\" is another name: no town \"University\"",
     "Protesters stormed the University of Miami on Monday.", "Protesters", "the University of Miami", "stormed",
     Some("USAOPP"), Some("USAEDU"), "190", None, None, None),
    ("a remote act's place on an oblique of its verb: \"talks Monday in Rome\"",
     "The two leaders will hold talks Monday in Rome.", "The two leaders", "", "hold",
     Some("SYRGOV"), Some("LBNREB"), "036", None, None, Some(("Rome", "ITA", Feature::City, Text))),
    ("the headline's city is more specific than the sentence's country",
     "Fourteen people died in China when a warehouse exploded.", "", "Fourteen people", "died",
     None, Some("CHNPPL"), "180", Some("Blast in Beijing kills 14"), None, Some(("Beijing", "CHN", Feature::City, Text))),
    ("the predicate's own place outranks its subject's",
     "The US commander in Iraq held talks with Lebanese leaders on Monday during a visit to Beirut.", "The US commander", "Lebanese leaders", "held",
     Some("USAMIL"), Some("LBNGOV"), "046", None, None, Some(("Beirut", "LBN", Feature::City, Text))),
    ("a remote act's place is not on an oblique that is no time or place: \"pushing for a ceasefire in Gaza\"",
     "The envoy kept pushing for a ceasefire in the Gaza Strip on Monday.", "The envoy", "", "pushing",
     Some("IGOUNO"), Some("PSE"), "0256", None, None, None),
    ("a region named among a place phrase's words is its place",
     "Attackers overran a village in east Congo's lawless Ituri province on Monday.", "Attackers", "a village", "overran",
     Some("CODUAF"), Some("CODCVL"), "192", None, Some("KINSHASA (Reuters) - "), Some(("Ituri", "COD", Feature::Adm1, Text))),
    ("a one-word town that ends its phrase after \"the\" is a common noun",
     "Leaders gathered at the Summit on Friday.", "Leaders", "", "gathered",
     Some("FRAGOV"), None, "040", None, None, None),
    ("one that goes on to its noun is a place: \"the Damascus suburb\"",
     "Police fired tear gas at protesters in the Damascus suburb of Douma on Friday.", "Police", "protesters", "fired",
     Some("SYRCOP"), Some("SYROPP"), "175", None, None, Some(("Damascus", "SYR", Feature::City, Text))),
    ("Paris, France: the capital, for an event of European states",
     "The foreign ministers met in Paris on Monday.", "The foreign ministers", "", "met",
     Some("DEUGOV"), Some("ITAGOV"), "040", None, None, Some(("Paris", "FRA", Feature::City, Text))),
    ("Paris, Texas: the division named after the comma decides",
     "Police arrested two men in Paris, Texas, on Monday.", "Police", "two men", "arrested",
     Some("USACOP"), Some("USACRM"), "173", None, None, Some(("Paris", "USA", Feature::City, Text))),
    ("Georgia the country, for an event of Russia and Georgia",
     "Russian troops clashed with soldiers in Georgia on Friday.", "Russian troops", "soldiers", "clashed",
     Some("RUSMIL"), Some("GEOMIL"), "190", None, None, Some(("Georgia", "GEO", Feature::Country, Text))),
    ("Georgia the US state, for an American event",
     "Police arrested the mayor in Georgia on Friday.", "Police", "the mayor", "arrested",
     Some("USACOP"), Some("USAGOV"), "173", None, None, Some(("Georgia", "USA", Feature::Adm1, Text))),
    ("Georgia with no one's country: the country, not the state",
     "Floods hit towns in Georgia on Friday.", "", "towns", "hit",
     None, None, "190", None, None, Some(("Georgia", "GEO", Feature::Country, Text))),
    ("Washington is the city, not its namesake state",
     "The two presidents met in Washington on Monday.", "The two presidents", "", "met",
     Some("USAGOV"), Some("FRAGOV"), "040", None, None, Some(("Washington", "USA", Feature::City, Text))),
    ("Tripoli in Libya, for a Libyan event",
     "Government troops attacked the rebels near Tripoli on Sunday.", "Government troops", "the rebels", "attacked",
     Some("LBYMIL"), Some("LBYREB"), "190", None, None, Some(("Tripoli", "LBY", Feature::City, Text))),
    ("Tripoli in Lebanon, for a Lebanese event",
     "Gunmen clashed with the army in Tripoli on Sunday.", "Gunmen", "the army", "clashed",
     Some("LBNUAF"), Some("LBNMIL"), "190", None, None, Some(("Tripoli", "LBN", Feature::City, Text))),
    ("a place's name as a person's: Chad Smith is no place, Amman is",
     "The envoy met Chad Smith in Amman on Monday.", "The envoy", "Chad Smith", "met",
     Some("USAGOV"), Some("USA"), "040", None, None, Some(("Amman", "JOR", Feature::City, Text))),
    ("a town's name as a participle opening the sentence: Reading is no place",
     "Reading from a statement, the police arrested the rebels in Ankara on Monday.", "the police", "the rebels", "arrested",
     Some("TURCOP"), Some("TURREB"), "173", None, None, Some(("Ankara", "TUR", Feature::City, Text))),
];

#[test]
fn each_case_is_located_as_the_table_says() {
    let g = Gazetteer::bundled();
    let mut failures = Vec::new();
    for &(why, text, src, tgt, verb, sc, tc, cameo, title, dateline, want) in CASES {
        let parse = statecraft_geo::names_place(g, text).then(|| statecraft_syntax::parse(text));
        let country = |c: Option<&'static str>| c.map(|c| &c[..3]);
        let event = Event {
            text,
            source: span(text, src),
            target: span(text, tgt),
            verb: span(text, verb),
            countries: [country(sc), country(tc)],
            codes: [sc, tc],
            parse: parse.as_ref(),
            cameo: Some(cameo),
            nations: Some(&nation),
        };
        let story = StoryPlaces::read(g, title, dateline);
        let got = locate(g, &event, &story).map(|l| {
            (
                l.name,
                l.country,
                l.feature,
                l.source,
                l.span,
                l.lat.is_some(),
            )
        });
        let got_key = got
            .as_ref()
            .map(|(n, c, f, source, ..)| (n.as_str(), c.as_str(), *f, *source));
        if got_key != want {
            failures.push(format!("{why}: expected {want:?}, got {got:?}"));
        }
        // A place named in the text points at its words; one pointed at
        // ("the Iraqi city") at the words that point.
        if let Some((name, _, Feature::City, Text, Some([a, b]), _)) = &got {
            let words: String = text.chars().skip(*a).take(b - a).collect();
            let named = words.starts_with(char::is_uppercase);
            if named && words != *name && !name.contains(&words) {
                failures.push(format!("{why}: span {a}..{b} is {words:?}, not {name:?}"));
            }
        }
        // A country is never a point.
        if let Some((_, _, Feature::Country, _, _, true)) = &got {
            failures.push(format!("{why}: a country with a point"));
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
        ("ATLANTA, Georgia (AP) - ", Some(("Atlanta", "USA"))),
        ("PARIS, Texas (AP) - ", Some(("Paris", "USA"))),
        ("PARIS (Reuters) - ", Some(("Paris", "FRA"))),
        // A town the gazetteer lacks, in the country the dateline names.
        (
            "PRESENTACION, Philippines (Reuters) - ",
            Some(("Presentacion", "PHL")),
        ),
        // Without a country, a name the gazetteer lacks places nothing.
        ("XANADUVILLE (Reuters) - ", None),
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
                ..Event::default()
            };
            let l = locate(g, &event, &StoryPlaces::read(g, None, Some(line))).unwrap();
            assert_eq!(d.country(), l.country);
            // Only the gazetteer gives a town a point: one it lacks has none.
            if l.feature == Feature::City {
                assert_eq!(l.lat.is_some(), l.geonames_id.is_some(), "{line:?}");
            }
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
    let capital = |c: &str| g.capital(c).map(|p| p.name.as_str());
    assert_eq!(
        [
            capital("IRQ"),
            capital("AFG"),
            capital("KAZ"),
            capital("ATA")
        ],
        [Some("Baghdad"), Some("Kabul"), Some("Astana"), None]
    );
}

#[test]
fn a_bad_gazetteer_line_says_where_and_what() {
    let places = "# header\ncity\t1\tTown\tXYZ\t\t01\t95.0\t10\t100\t\t\ncity\tx\tTown\tIRQ\t\t01\t1\t1\t1\t\t\n\
                  country\t2\tLand\tIRQ\tIZ\t\t\t\t5\t\t99\ncity\t3\tTown\tIRQ\t\t01\t1\t1\t1\t\n";
    let regions = "adm1\tZone\tIRQ\t1\t2\n";
    let (g, errors) = Gazetteer::parse(places, regions);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "places.tsv:2: \"95.0\" is not a coordinate within ±90",
            "places.tsv:3: \"x\" is not a GeoNames id",
            "places.tsv:5: expected 11 tab-separated fields, found 10",
            "places.tsv:4: capital 99 is not a city of the file",
            "regions.tsv:1: expected 6 tab-separated fields, found 5",
        ]
    );
    // The good lines still count: here the country, without its capital.
    assert_eq!(g.len(), 1);
    assert!(g.capital("IRQ").is_none());
    // And good lines are read.
    let (g, errors) = Gazetteer::parse(
        "city\t7\tTown\tIRQ\t\t01\t1.5\t2.5\t900\tBurg\t\ncountry\t2\tLand\tIRQ\tIZ\t\t\t\t5\t\t7\n",
        "",
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(g.lookup("burg").next().unwrap().0.point, Some((1.5, 2.5)));
    assert_eq!(g.capital("IRQ").unwrap().name, "Town");
    // A capital must be a city of its own country (found by fuzzing: a
    // capital id that names another country's city).
    let (g, errors) = Gazetteer::parse(
        "city\t7\tTown\tIRN\t\t01\t1.5\t2.5\t900\t\t\ncountry\t2\tLand\tIRQ\tIZ\t\t\t\t5\t\t7\n",
        "",
    );
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["places.tsv:2: capital 7 is a city of IRN, not of IRQ"]
    );
    assert!(g.capital("IRQ").is_none());
    // One place a GeoNames id: the second line with an id is refused, and
    // a capital is the first's (found by fuzzing).
    let (g, errors) = Gazetteer::parse(
        "city\t7\tTown\tIRQ\t\t01\t1.5\t2.5\t900\t\t\ncity\t7\tTown\tIRN\t\t01\t1.5\t2.5\t900\t\t\n\
         country\t2\tLand\tIRQ\tIZ\t\t\t\t5\t\t7\n",
        "",
    );
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["places.tsv:2: GeoNames id 7 is already on line 1"]
    );
    assert_eq!(g.capital("IRQ").map(|p| p.country.as_str()), Some("IRQ"));
}
