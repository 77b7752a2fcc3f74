use super::*;
use crate::tokenize::tokenize;

/// The sentences of `text`, each as its words joined by spaces.
fn sentences(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    tokenize(text, &mut words);
    split(text, &words)
        .into_iter()
        .map(|r| {
            words[r]
                .iter()
                .map(|p| &text[p.start..p.end])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        assert_eq!(sentences(text), *want, "splitting {text:?}");
    }
}

#[test]
fn punctuation() {
    check(&[
        ("He left. She stayed.", &["He left .", "She stayed ."]),
        ("Why? Because! Fine", &["Why ?", "Because !", "Fine"]),
        ("Wait... What now?!", &["Wait ...", "What now ?!"]),
        ("Wait... and see", &["Wait ... and see"]),
        ("It ended. then it began", &["It ended .", "then it began"]),
        ("Odd . . . Very odd.", &["Odd . . .", "Very odd ."]),
        (
            "1. The first. 2. The second.",
            &["1 . The first .", "2 . The second ."],
        ),
        ("In 1990. 1991 was next.", &["In 1990 .", "1991 was next ."]),
        (
            "Costs rose (by 5%.) Then fell.",
            &["Costs rose ( by 5 % . )", "Then fell ."],
        ),
    ]);
}

#[test]
fn quotes_after_the_period() {
    check(&[
        ("\"We won.\" He smiled.", &["\" We won . \"", "He smiled ."]),
        (
            "He said \"no.\" She left.",
            &["He said \" no . \"", "She left ."],
        ),
        ("“Why?” he asked.", &["“ Why ? ” he asked ."]),
        (
            "He said no. \"Yes,\" she said.",
            &["He said no .", "\" Yes , \" she said ."],
        ),
        (
            "It was 'over.' Then more.",
            &["It was ' over . '", "Then more ."],
        ),
    ]);
}

#[test]
fn abbreviations() {
    check(&[
        (
            "Gen. Smith met Mr. Jones in the U.S. Army.",
            &["Gen. Smith met Mr. Jones in the U.S. Army ."],
        ),
        ("See No. 5 and J. Smith.", &["See No. 5 and J. Smith ."]),
        (
            "He arrived on Sept. 11. It rained.",
            &["He arrived on Sept. 11 .", "It rained ."],
        ),
        (
            "They went to the U.S. The trip was long.",
            &["They went to the U.S .", "The trip was long ."],
        ),
        (
            "Buy apples, pears, etc. Then go home.",
            &["Buy apples , pears , etc .", "Then go home ."],
        ),
        (
            "We met at 5 p.m. and left.",
            &["We met at 5 p.m. and left ."],
        ),
    ]);
}

#[test]
fn datelines() {
    check(&[
        (
            "TEHRAN (Reuters) - Iran said it would.",
            &["TEHRAN ( Reuters ) -", "Iran said it would ."],
        ),
        (
            "NAJAF, Iraq (AP) -- Fighting broke out.",
            &["NAJAF , Iraq ( AP ) --", "Fighting broke out ."],
        ),
        (
            "SEOUL, Dec 2 (Reuters) - Talks ended.",
            &["SEOUL , Dec 2 ( Reuters ) -", "Talks ended ."],
        ),
        ("BEIRUT — A blast hit.", &["BEIRUT —", "A blast hit ."]),
        (
            "NEW YORK (AP) - Stocks fell.",
            &["NEW YORK ( AP ) -", "Stocks fell ."],
        ),
        (
            "Hello.\n\nWASHINGTON (AFP) - Talks.",
            &["Hello .", "WASHINGTON ( AFP ) -", "Talks ."],
        ),
        (
            "He wrote: TEHRAN (AFP) - A contest.",
            &["He wrote :", "TEHRAN ( AFP ) -", "A contest ."],
        ),
        // Not datelines: no capitals, a dash later, an aside in brackets.
        ("NASA said - later - no.", &["NASA said - later - no ."]),
        (
            "Lopez (1525 - 1594) was a doctor.",
            &["Lopez ( 1525 - 1594 ) was a doctor ."],
        ),
    ]);
}

#[test]
fn lines_and_paragraphs() {
    check(&[
        ("First para\n\nSecond para", &["First para", "Second para"]),
        (
            "no stop here\n \t\n  next one",
            &["no stop here", "next one"],
        ),
        // A hard-wrapped sentence goes on over a single line break.
        (
            "The minister said on Sunday that the talks would\ncontinue next week in Geneva.",
            &["The minister said on Sunday that the talks would continue next week in Geneva ."],
        ),
        // A short unpunctuated line before a capital is a headline.
        (
            "Iran Rejects Offer\nTehran said no on Monday.",
            &["Iran Rejects Offer", "Tehran said no on Monday ."],
        ),
        ("", &[]),
    ]);
}

#[test]
fn layout_of_mail_and_web_text() {
    check(&[
        (
            "Thanks, Peter With regard to",
            &["Thanks ,", "Peter With regard to"],
        ),
        (
            "Jo Smith 05/31/2001 09:01 AM Please call",
            &["Jo Smith", "05/31/2001 09:01 AM", "Please call"],
        ),
        (
            "see http://a.org/x Then go",
            &["see http://a.org/x", "Then go"],
        ),
        (
            "He died in 2014. [4] [5] Later he was",
            &["He died in 2014 . [ 4 ] [ 5 ]", "Later he was"],
        ),
        ("Great :) See you", &["Great :)", "See you"]),
    ]);
}

#[test]
fn reasons() {
    let text = "TEHRAN (AP) - Yes. No";
    let mut words = Vec::new();
    tokenize(text, &mut words);
    assert_eq!(boundary(text, &words, 0, 4), Some(Boundary::Dateline));
    assert_eq!(boundary(text, &words, 5, 6), Some(Boundary::Punctuation));
    assert_eq!(boundary(text, &words, 5, 5), None);
    assert_eq!(boundary(text, &words, 7, 7), Some(Boundary::Paragraph));
}

#[test]
fn long_sentences_are_kept() {
    let text = "word ".repeat(10_000);
    let mut words = Vec::new();
    tokenize(&text, &mut words);
    let ranges = split(&text, &words);
    assert_eq!((ranges.len(), ranges[0].clone()), (1, 0..10_000));
}

/// Deterministic odd inputs: tokenize + split keep their invariants.
#[test]
fn invariants_on_odd_strings() {
    let mut inputs: Vec<String> = Vec::new();
    inputs.extend(
        (0u8..32)
            .chain([127])
            .map(|b| format!("a{}b. C{}", b as char, b as char)),
    );
    inputs.push((0u8..128).map(char::from).collect());
    inputs.push("x".repeat(100_000));
    inputs.push(".".repeat(5_000));
    inputs.push("-".repeat(5_000) + "a-b-c-d-1-2-3");
    inputs.push("a-".repeat(5_000));
    inputs.push("'s".repeat(3_000));
    inputs.push("1-2-".repeat(3_000));
    inputs.push("@a.".repeat(3_000));
    inputs.push("a@".repeat(3_000) + ".com");
    inputs.push("http://".repeat(1_000));
    inputs.push("U.S. ".repeat(1_000) + "\n\n\n");
    inputs.push("Дж. Смит, 北京。Ελλάδα! ﷺ ‎عربى‏ \u{301}\u{301} 🙂\u{200D}🙂".to_string());
    // Pseudo-random bytes, read leniently as UTF-8.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for len in [1usize, 7, 64, 1_000, 20_000] {
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Favour ASCII punctuation, letters and spaces, with some high bytes.
            let b = (state >> 32) as u8;
            bytes.push(if b < 200 {
                b" .,'-\"!?aZ9\n(@:/"[usize::from(b) % 16]
            } else {
                b
            });
        }
        inputs.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    for text in &inputs {
        let mut words = Vec::new();
        tokenize(text, &mut words);
        let mut last = 0;
        for (k, p) in words.iter().enumerate() {
            assert!(p.start < p.end, "empty word in {text:?}");
            assert!(p.start >= last, "overlap in {text:?}");
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            assert!(
                !p.joined || (k > 0 && words[k - 1].end == p.start),
                "joined across a gap"
            );
            assert!(!text[p.start..p.end].chars().any(char::is_whitespace));
            last = p.end;
        }
        let ranges = split(text, &words);
        let mut next = 0;
        for r in &ranges {
            assert_eq!(r.start, next);
            assert!(r.end > r.start);
            next = r.end;
        }
        assert_eq!(next, words.len());
    }
}
