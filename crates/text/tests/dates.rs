//! Table-driven tests of `find_dates` on wire-service phrasing, plus a
//! property test that it never panics and keeps its spans honest.

use proptest::prelude::*;
use statecraft_text::{find_dates, Date, DateExpr, Precision};

/// One expected date expression.
struct Case {
    story: &'static str,
    sentence: &'static str,
    text: &'static str,
    start: &'static str,
    end: &'static str,
    precision: Precision,
}

use Precision::{Day, Month, Year};

const fn c(
    story: &'static str,
    sentence: &'static str,
    text: &'static str,
    start: &'static str,
    end: &'static str,
    precision: Precision,
) -> Case {
    Case {
        story,
        sentence,
        text,
        start,
        end,
        precision,
    }
}

// Story dates: A is the seed story's (a Tuesday); B is New Year's Eve (a
// Tuesday); C a Monday in summer; D New Year's Day (a Wednesday); E a leap
// day (a Thursday); F just after a year boundary (a Tuesday).
const A: &str = "2025-02-11";
const B: &str = "2024-12-31";
const C: &str = "2023-07-03";
const D: &str = "2025-01-01";
const E: &str = "2024-02-29";
const F: &str = "2024-01-02";

const CASES: &[Case] = &[
    // The seed story.
    c(A, "The South Korean government is \"actively reviewing\" the possibility of establishing diplomatic relations with Syria, a Foreign Ministry official said Tuesday.", "Tuesday", "2025-02-11", "2025-02-11", Day),
    c(A, "Kim Eun-jeong, director-general of the Foreign Ministry's African Middle Eastern Bureau, visited Damascus from Feb. 5 to 7, marking the first official visit by a South Korean delegation to Syria in 22 years.", "from Feb. 5 to 7", "2025-02-05", "2025-02-07", Day),
    c(A, "The situation bears similarities to South Korea’s secret negotiations with Cuba, which led to the surprise establishment of diplomatic ties in February 2024.", "February 2024", "2024-02-01", "2024-02-29", Month),
    c(A, "South Korea opened its first embassy in Havana in January, and Cuba is preparing to open its embassy in Seoul.", "January", "2025-01-01", "2025-01-31", Month),
    c(A, "Ahmed al-Sharaa, leader of the Islamist militant group Hayat Tahrir al-Sham, ousted Assad’s dictatorship in December and assumed power as interim president.", "December", "2024-12-01", "2024-12-31", Month),
    c(A, "Discussions on diplomatic ties between South Korea and Syria have gained momentum following the collapse of Assad’s dictatorship in late 2024.", "late 2024", "2024-09-01", "2024-12-31", Year),
    c(A, "\"We will begin a full-scale review,\" a high-ranking Foreign Ministry official said in a closed-door briefing Tuesday in Seoul.", "Tuesday", "2025-02-11", "2025-02-11", Day),
    // Weekdays.
    c(A, "Foreign Minister Cho Tae-yul met his Japanese counterpart on Monday in Tokyo.", "Monday", "2025-02-10", "2025-02-10", Day),
    c(A, "Lawmakers met on Monday night to discuss the budget.", "Monday night", "2025-02-10", "2025-02-10", Day),
    c(A, "The two leaders will meet on Monday in Riyadh, the Saudi ministry said.", "Monday", "2025-02-17", "2025-02-17", Day),
    c(A, "U.S. envoy Steve Witkoff is scheduled to meet Syrian officials Friday.", "Friday", "2025-02-14", "2025-02-14", Day),
    c(A, "The delegation will return to Seoul next Monday.", "next Monday", "2025-02-17", "2025-02-17", Day),
    c(A, "Rebels shelled the northern town of Manbij last Friday, monitors said.", "last Friday", "2025-02-07", "2025-02-07", Day),
    c(A, "Talks resumed last Tuesday after a month-long pause.", "last Tuesday", "2025-02-04", "2025-02-04", Day),
    c(A, "The minister said late Sunday that the strikes had stopped.", "late Sunday", "2025-02-09", "2025-02-09", Day),
    c(A, "The minister said Tuesday, Feb. 11, that talks would continue.", "Tuesday, Feb. 11", "2025-02-11", "2025-02-11", Day),
    c(C, "Police said Sunday that 12 people had been arrested.", "Sunday", "2023-07-02", "2023-07-02", Day),
    c(C, "The protest march on Saturday drew thousands of people.", "Saturday", "2023-07-01", "2023-07-01", Day),
    c(C, "Lawmakers will vote on Wednesday on the bill.", "Wednesday", "2023-07-05", "2023-07-05", Day),
    c(C, "The minister met his Chinese counterpart on Monday.", "Monday", "2023-07-03", "2023-07-03", Day),
    c(D, "Parliament will meet on Monday to approve the budget.", "Monday", "2025-01-06", "2025-01-06", Day),
    c(E, "The ministry said Thursday that 30 people were killed.", "Thursday", "2024-02-29", "2024-02-29", Day),
    // Deictic days.
    c(A, "The ministry said today that it would send aid to Aleppo.", "today", "2025-02-11", "2025-02-11", Day),
    c(A, "Protesters gathered in the capital yesterday.", "yesterday", "2025-02-10", "2025-02-10", Day),
    c(A, "The foreign minister will fly to Washington tomorrow.", "tomorrow", "2025-02-12", "2025-02-12", Day),
    c(A, "Air strikes hit the city last night, residents said.", "last night", "2025-02-10", "2025-02-10", Day),
    c(A, "The president will address the nation tonight.", "tonight", "2025-02-11", "2025-02-11", Day),
    c(A, "Officials met this morning in Geneva.", "this morning", "2025-02-11", "2025-02-11", Day),
    c(D, "Fireworks were launched over Pyongyang last night.", "last night", "2024-12-31", "2024-12-31", Day),
    // Ago.
    c(A, "The ceasefire collapsed three days ago.", "three days ago", "2025-02-08", "2025-02-08", Day),
    c(A, "The talks ended 10 days ago without agreement.", "10 days ago", "2025-02-01", "2025-02-01", Day),
    c(A, "The talks ended two weeks ago without agreement.", "two weeks ago", "2025-01-27", "2025-02-02", Day),
    c(A, "1979: The Soviet Union sends troops into Afghanistan.", "1979", "1979-01-01", "1979-12-31", Year),
    c(A, "The group was founded three years ago in Idlib.", "three years ago", "2022-01-01", "2022-12-31", Year),
    c(E, "The law was passed a year ago.", "a year ago", "2023-01-01", "2023-12-31", Year),
    // Weeks.
    c(A, "The ministry said earlier this week that it had received the request.", "earlier this week", "2025-02-10", "2025-02-10", Day),
    c(A, "Seoul and Damascus agreed last week to reopen their embassies.", "last week", "2025-02-03", "2025-02-09", Day),
    c(A, "Envoys will meet next week in Doha.", "next week", "2025-02-17", "2025-02-23", Day),
    c(B, "The cabinet will meet later this week.", "later this week", "2025-01-01", "2025-01-05", Day),
    c(D, "Markets fell sharply last week.", "last week", "2024-12-23", "2024-12-29", Day),
    c(C, "Clashes erupted over the weekend in the north.", "the weekend", "2023-07-01", "2023-07-02", Day),
    // Months and years relative to the story.
    c(A, "The ministry plans to open an embassy in Damascus next month.", "next month", "2025-03-01", "2025-03-31", Month),
    c(A, "Exports fell 5 percent last month.", "last month", "2025-01-01", "2025-01-31", Month),
    c(A, "Inflation rose earlier this month, data showed.", "earlier this month", "2025-02-01", "2025-02-10", Month),
    c(A, "The president is expected to visit later this month.", "later this month", "2025-02-12", "2025-02-28", Month),
    c(A, "South Korea will hold local elections this year.", "this year", "2025-01-01", "2025-12-31", Year),
    c(A, "Trade between the two countries doubled last year.", "last year", "2024-01-01", "2024-12-31", Year),
    c(A, "The embassy is set to open next year.", "next year", "2026-01-01", "2026-12-31", Year),
    c(A, "Output fell at the end of last year.", "the end of last year", "2024-12-01", "2024-12-31", Month),
    c(B, "Prices rose this month as the won weakened.", "this month", "2024-12-01", "2024-12-31", Month),
    c(D, "This year will be decisive, the president said.", "This year", "2025-01-01", "2025-12-31", Year),
    c(F, "Inflation eased earlier this year.", "earlier this year", "2024-01-01", "2024-01-01", Year),
    // Explicit dates and ranges.
    c(A, "The talks, held in Doha on Feb. 5-7, 2025, ended without a deal.", "Feb. 5-7, 2025", "2025-02-05", "2025-02-07", Day),
    c(A, "Elections were held on 5 February.", "5 February", "2025-02-05", "2025-02-05", Day),
    c(A, "The agreement was signed February 5 in Riyadh.", "February 5", "2025-02-05", "2025-02-05", Day),
    c(A, "The treaty was signed Feb 5th in Seoul.", "Feb 5th", "2025-02-05", "2025-02-05", Day),
    c(A, "The summit took place 5-7 February in Riyadh.", "5-7 February", "2025-02-05", "2025-02-07", Day),
    c(A, "Fighting raged between Feb. 5 and Feb. 7 in the north.", "between Feb. 5 and Feb. 7", "2025-02-05", "2025-02-07", Day),
    c(A, "Polls opened on Jan. 31 and Feb. 1 in the south.", "Jan. 31 and Feb. 1", "2025-01-31", "2025-02-01", Day),
    c(A, "Assad fled to Moscow on Dec. 8, 2024.", "Dec. 8, 2024", "2024-12-08", "2024-12-08", Day),
    c(A, "Assad fled to Moscow on 8 December 2024, Russian media said.", "8 December 2024", "2024-12-08", "2024-12-08", Day),
    c(A, "The report was published on 2024-12-08 by the ministry.", "2024-12-08", "2024-12-08", "2024-12-08", Day),
    c(A, "The vote was held on the 5th of February.", "5th of February", "2025-02-05", "2025-02-05", Day),
    c(B, "Rebels seized Damascus on Dec. 8.", "Dec. 8", "2024-12-08", "2024-12-08", Day),
    c(B, "The interim government said it would hold talks on Jan. 3.", "Jan. 3", "2025-01-03", "2025-01-03", Day),
    c(B, "The attack on Dec. 25 killed 12 people.", "Dec. 25", "2024-12-25", "2024-12-25", Day),
    c(C, "Talks collapsed on May 5 after a week of clashes.", "May 5", "2023-05-05", "2023-05-05", Day),
    c(D, "Officials met on Dec. 30 in Beirut.", "Dec. 30", "2024-12-30", "2024-12-30", Day),
    c(D, "The truce runs from Dec. 30 to Jan. 5, the army said.", "from Dec. 30 to Jan. 5", "2024-12-30", "2025-01-05", Day),
    c(E, "The decree was issued Feb. 29.", "Feb. 29", "2024-02-29", "2024-02-29", Day),
    c(E, "The summit is scheduled for March 4-5 in Cairo.", "March 4-5", "2024-03-04", "2024-03-05", Day),
    c(F, "The attack took place on Dec. 28.", "Dec. 28", "2023-12-28", "2023-12-28", Day),
    c(F, "The agency said on Dec. 31 that the border was closed.", "Dec. 31", "2023-12-31", "2023-12-31", Day),
    c(F, "Results are expected on Jan. 10.", "Jan. 10", "2024-01-10", "2024-01-10", Day),
    // Bare months.
    c(A, "The minister will visit Seoul in March.", "March", "2025-03-01", "2025-03-31", Month),
    c(A, "The summit will be held in December.", "December", "2025-12-01", "2025-12-31", Month),
    c(A, "Elections were held in February.", "February", "2025-02-01", "2025-02-28", Month),
    c(A, "The rebels captured the city last June.", "last June", "2024-06-01", "2024-06-30", Month),
    c(A, "The embassy closed in Feb. 2024.", "Feb. 2024", "2024-02-01", "2024-02-29", Month),
    c(B, "Trump will take office in January.", "January", "2025-01-01", "2025-01-31", Month),
    c(C, "The bill passed in May.", "May", "2023-05-01", "2023-05-31", Month),
    c(C, "Elections are due to be held in May 2024.", "May 2024", "2024-05-01", "2024-05-31", Month),
    c(C, "Fighting resumed in early June.", "early June", "2023-06-01", "2023-06-10", Month),
    c(C, "Troops withdrew in late May.", "late May", "2023-05-21", "2023-05-31", Month),
    c(C, "The ceasefire will expire in mid-August.", "mid-August", "2023-08-11", "2023-08-20", Month),
    c(C, "The parliament will reconvene in September.", "September", "2023-09-01", "2023-09-30", Month),
    c(D, "The agreement was signed in December.", "December", "2024-12-01", "2024-12-31", Month),
    c(E, "The decree was published in February.", "February", "2024-02-01", "2024-02-29", Month),
    c(F, "Talks resumed in December.", "December", "2023-12-01", "2023-12-31", Month),
    // Years.
    c(A, "Syria's civil war began in 2011.", "2011", "2011-01-01", "2011-12-31", Year),
    c(A, "The two countries have had no ties since 1966.", "1966", "1966-01-01", "1966-12-31", Year),
    c(A, "The border was closed in mid-2024.", "mid-2024", "2024-05-01", "2024-08-31", Year),
    c(A, "Growth slowed in early 2024.", "early 2024", "2024-01-01", "2024-04-30", Year),
    c(A, "The mission will end by the end of 2025.", "the end of 2025", "2025-12-01", "2025-12-31", Month),
    c(C, "The group was banned in 1996.", "1996", "1996-01-01", "1996-12-31", Year),
    c(F, "Between 2019 and 2023, exports doubled.", "Between 2019 and 2023", "2019-01-01", "2023-12-31", Year),
    c(F, "The country was ruled by the military from 1962 to 1988.", "from 1962 to 1988", "1962-01-01", "1988-12-31", Year),
    c(F, "The conflict began in late 2023.", "late 2023", "2023-09-01", "2023-12-31", Year),
    // Seasons.
    c(A, "Fighting intensified last summer.", "last summer", "2024-06-01", "2024-08-31", Month),
    c(A, "Aid deliveries resumed in the spring.", "spring", "2024-03-01", "2024-05-31", Month),
    c(A, "The offensive is expected to resume this autumn.", "this autumn", "2025-09-01", "2025-11-30", Month),
    c(A, "Refugees struggled through the winter.", "winter", "2024-12-01", "2025-02-28", Month),
    c(C, "The offensive began last summer.", "last summer", "2022-06-01", "2022-08-31", Month),
    c(C, "Talks stalled in the spring.", "spring", "2023-03-01", "2023-05-31", Month),
    c(E, "Protests began in the winter.", "winter", "2023-12-01", "2024-02-29", Month),
    c(B, "Rebels advanced in the fall of 2024.", "fall of 2024", "2024-09-01", "2024-11-30", Month),
    // Tense from modals, fronted phrases and passives.
    c(A, "Chinese President Xi Jinping may visit Seoul in May.", "May", "2025-05-01", "2025-05-31", Month),
    c(A, "In March, the council will decide on sanctions.", "March", "2025-03-01", "2025-03-31", Month),
    c(A, "In March, the council imposed sanctions.", "March", "2024-03-01", "2024-03-31", Month),
    c(A, "Officials said Tuesday they will meet Friday.", "Tuesday", "2025-02-11", "2025-02-11", Day),
    c(A, "Officials said Tuesday they will meet Friday.", "Friday", "2025-02-14", "2025-02-14", Day),
    // Lists keep their items apart.
    c(A, "Attacks rose in March and June.", "June", "2024-06-01", "2024-06-30", Month),
    c(A, "Elections were held in 2014, 2018 and 2022.", "2022", "2022-01-01", "2022-12-31", Year),
    c(A, "Al-Qaeda struck on Sept. 11, 2001.", "Sept. 11, 2001", "2001-09-11", "2001-09-11", Day),
    c(A, "Trump's visit to Mar-a-Lago on Feb. 8 drew crowds.", "Feb. 8", "2025-02-08", "2025-02-08", Day),
];

/// Sentences where the given word must not be (part of) a date; an empty
/// word means no date at all.
const NEVER: &[(&str, &str)] = &[
    ("Seoul may visit Pyongyang, officials said.", ""),
    ("SEOUL MAY VISIT PYONGYANG", ""),
    ("Theresa May met the prime minister.", "May"),
    (
        "Thousands joined the protest march through the capital.",
        "",
    ),
    ("It is an august body of scholars.", ""),
    ("The Sun reported the deal.", ""),
    ("Prince and Actress Wed in London", ""),
    ("It was the first official visit to Syria in 22 years.", ""),
    ("He served for 22 years as ambassador.", ""),
    ("1996 people were evacuated from the city.", ""),
    ("The score was 1996: 3.", ""),
    ("The shares sold for $1996 each.", ""),
    ("Officials counted 1,996 ballots.", ""),
    ("The conflict dates back to the 1990s.", ""),
    ("The 1990's were turbulent.", ""),
    ("Resolution 2254 calls for elections.", ""),
    ("Turkey wants F-16 jets.", ""),
    ("The meeting was held in room 2024.", ""),
    ("The hotline operates 24/7.", ""),
    ("The ship sank in 2150 according to the game.", ""),
    ("The statement was issued at 18:54.", ""),
    ("Article 5 of the treaty applies.", ""),
    ("He finished second in the race.", ""),
    ("The plan could take effect in 22 years.", ""),
    ("The Sunday Times reported the deal.", ""),
    ("Black Friday sales rose.", ""),
    ("The fall of Assad's regime surprised Moscow.", ""),
    ("The Arab Spring began in Tunisia.", ""),
    ("See page 12 of the report.", ""),
    ("Inflation hit 2.5 percent.", ""),
    ("Seoul sent 2,000 troops.", ""),
    ("It was the last month of the war.", ""),
    ("During the Prague Spring, tanks rolled in.", ""),
    ("A Jan Egeland statement followed.", ""),
    ("The 9/11 attacks changed everything.", ""),
    ("Inflation was between 5 and 7 percent.", ""),
    ("From 8 a.m. to 5 p.m. the polls were open.", ""),
    ("Seoul and Tokyo, 2019 and 2020 numbers.", ""),
    ("Trump's visit to Mar-a-Lago drew crowds.", ""),
];

fn story(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("bad story date {s}"))
}

fn show(w: &[DateExpr]) -> String {
    let parts: Vec<String> = w
        .iter()
        .map(|w| format!("{:?} {}..{} {:?}", w.text, w.start, w.end, w.precision))
        .collect();
    format!("[{}]", parts.join("; "))
}

#[test]
fn table() {
    assert!(CASES.len() >= 70, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        let got = find_dates(case.sentence, story(case.story));
        let want = (case.start, case.end, case.precision);
        let ok = got.iter().any(|w| {
            w.text == case.text
                && (
                    w.start.to_string().as_str(),
                    w.end.to_string().as_str(),
                    w.precision,
                ) == want
        });
        if !ok {
            failures.push(format!(
                "{} {:?}\n    want {:?} {}..{} {:?}\n    got  {}",
                case.story,
                case.sentence,
                case.text,
                case.start,
                case.end,
                case.precision,
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn never_fires() {
    assert!(NEVER.len() >= 15);
    let s = story(A);
    let mut failures = Vec::new();
    for &(sentence, word) in NEVER {
        let got = find_dates(sentence, s);
        let bad = if word.is_empty() {
            !got.is_empty()
        } else {
            // Char range of the word's first occurrence.
            let b = sentence.find(word).expect("word in sentence");
            let a = sentence[..b].chars().count();
            let z = a + word.chars().count();
            got.iter().any(|w| w.span[0] < z && a < w.span[1])
        };
        if bad {
            failures.push(format!("{sentence:?} ({word:?}): {}", show(&got)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fired:\n{}",
        failures.len(),
        NEVER.len(),
        failures.join("\n")
    );
}

#[test]
fn several_dates_come_in_order() {
    let got = find_dates(
        "Officials said Tuesday that talks held from Feb. 5 to 7 would resume next month.",
        story(A),
    );
    let texts: Vec<&str> = got.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(texts, ["Tuesday", "from Feb. 5 to 7", "next month"]);
    assert!(got.windows(2).all(|p| p[0].span[1] <= p[1].span[0]));
}

#[test]
fn spans_count_chars() {
    let got = find_dates("Syria’s façade talks ended on Dec. 8, 2024.", story(A));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].span, [30, 42]);
    assert_eq!(got[0].text, "Dec. 8, 2024");
}

fn check_invariants(sentence: &str, s: Date) -> Result<(), TestCaseError> {
    let chars: Vec<char> = sentence.chars().collect();
    for w in find_dates(sentence, s) {
        prop_assert!(w.span[0] < w.span[1] && w.span[1] <= chars.len());
        prop_assert!(w.start <= w.end);
        let text: String = chars[w.span[0]..w.span[1]].iter().collect();
        prop_assert_eq!(text, w.text);
    }
    Ok(())
}

/// Words that reach every parser path.
const SOUP: &[&str] = &[
    "Feb.",
    "5",
    "7",
    "-",
    "–",
    ",",
    "2025",
    "1900",
    "2100",
    "in",
    "on",
    "from",
    "to",
    "between",
    "and",
    "December",
    "May",
    "March",
    "last",
    "next",
    "this",
    "past",
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "Tuesday",
    "Tue",
    ".",
    "(",
    ")",
    "the",
    "end",
    "of",
    "year",
    "month",
    "week",
    "weekend",
    "summer",
    "winter",
    "fall",
    "ago",
    "days",
    "three",
    "a",
    "night",
    "31",
    "29",
    "th",
    "will",
    "said",
    "/",
    ":",
    "'",
    "s",
    "’",
    "é",
    "日",
    "2024-12-08",
];

proptest! {
    #[test]
    fn never_panics_on_any_string(sentence in any::<String>(), day in 0i32..80_000) {
        let s = story("1900-01-01").add_days(day);
        check_invariants(&sentence, s)?;
    }

    #[test]
    fn never_panics_on_date_soup(
        words in prop::collection::vec(prop::sample::select(SOUP), 0..16),
        glue in prop::collection::vec(any::<bool>(), 16),
        day in 0i32..80_000,
    ) {
        let mut sentence = String::new();
        for (w, g) in words.iter().zip(&glue) {
            if !g {
                sentence.push(' ');
            }
            sentence.push_str(w);
        }
        check_invariants(&sentence, story("1900-01-01").add_days(day))?;
    }
}
