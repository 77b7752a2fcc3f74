//! Stage `wire` of the statecraft reading: the parts of a wire story that
//! are about the story, not in it. A dateline ("TEHRAN (Reuters) -",
//! "NAJAF, Iraq, Nov 2 (AFP) -"), a byline ("AP -", "Canadian Press -") and
//! a photo credit ("(Xinhua Photo)", "(AP Photo/Jim Smith)") name places
//! and agencies that are neither actors nor events, so they are not coded.

/// The most bytes a dateline or byline before its dash may have.
const MAX_PREFIX: usize = 100;

/// The most words outside brackets a dateline may have ("KINSHASA, Congo,
/// Dec 2" has four).
const MAX_WORDS: usize = 6;

/// The length in bytes of the datelines and bylines that open `text`,
/// with the dash after each and the space after that: the coded text
/// starts there. Zero when it opens with neither.
///
/// A dateline or byline is at most [`MAX_WORDS`] words before a spaced
/// dash, each capitalised or a number ("SEOUL, Dec 2"), with at most one
/// bracketed part (the agency, whose words may be anything); or the same
/// before a colon when its first word is in capitals ("ISLAMABAD, Oct 5:").
pub(crate) fn prefix_len(text: &str) -> usize {
    let mut at = 0;
    // "Canadian Press - KINSHASA, Congo (AP) - ": a byline, then a dateline.
    for _ in 0..3 {
        match one_prefix(&text[at..]) {
            Some(n) => at += n,
            None => break,
        }
    }
    at
}

/// The length of one dateline or byline at the start of `text`, with its
/// dash and the white space after it.
fn one_prefix(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let body = &text[lead..];
    let window = &body[..floor_boundary(body, MAX_PREFIX)];
    let dash = DASHES
        .iter()
        .filter_map(|d| window.find(d).map(|i| (i, d.len())))
        .min()
        .filter(|&(i, _)| is_dateline(&body[..i]));
    // A colon ends a dateline too ("ISLAMABAD, Oct 5:", "THE HAGUE:"),
    // when it opens with a place in capitals.
    let colon = || {
        window
            .find(": ")
            .filter(|&i| capital_place(&body[..i]) && is_dateline(&body[..i]))
            .map(|i| (i, 1))
    };
    let (at, len) = dash.or_else(colon)?;
    let after = &body[at + len..];
    let rest = after.len() - after.trim_start().len();
    Some(lead + at + len + rest)
}

/// Whether `head` starts with a word in capitals of two letters or more
/// ("ISLAMABAD", "THE HAGUE"), as a dateline's place is written.
fn capital_place(head: &str) -> bool {
    head.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches(',');
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    })
}

/// A dash between spaces, as datelines end.
const DASHES: [&str; 5] = [" -- ", " - ", " \u{2014} ", " \u{2013} ", " --"];

/// Whether `head` (the text before a dash) is a dateline or byline.
fn is_dateline(head: &str) -> bool {
    let mut outside = String::new();
    let mut brackets = 0;
    let mut depth = 0;
    for c in head.chars() {
        match c {
            '(' => {
                depth += 1;
                brackets += 1;
            }
            ')' if depth > 0 => depth -= 1,
            ')' => return false,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    if depth != 0 || brackets > 1 {
        return false;
    }
    let words: Vec<&str> = outside
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    (brackets == 1 || !words.is_empty())
        && words.len() <= MAX_WORDS
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// The most words a byline sentence may have ("By Channel NewsAsia's
/// Malaysia Correspondent Melissa Goh" has eight).
const MAX_BYLINE_WORDS: usize = 12;

/// Whether `unit` is a byline standing as a sentence of its own: "By"
/// and a name, each word capitalised but for "'s", "of", "and" and "the"
/// ("By Channel NewsAsia's Malaysia Correspondent Melissa Goh."). A
/// dateline may follow it ("KUALA LUMPUR : Malaysia expects ..."), as it
/// would open the story.
pub(crate) fn is_byline(unit: &str) -> bool {
    let unit = unit.trim().trim_end_matches('.');
    let Some(rest) = unit.strip_prefix("By ") else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= MAX_BYLINE_WORDS
        && words.iter().all(|w| {
            matches!(*w, "'s" | "’s" | "of" | "and" | "the")
                || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// The largest char boundary of `s` at most `n`.
fn floor_boundary(s: &str, n: usize) -> usize {
    if n >= s.len() {
        return s.len();
    }
    (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// The byte ranges of photo credits in `text`: a bracketed part whose
/// first or second word is "Photo" ("(Xinhua Photo)", "(AP Photo/Jim
/// Smith)", "(Photo: Reuters)").
pub(crate) fn photo_credits(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        let inner = &text[open + 1..close];
        let photo = inner
            .split(|c: char| c.is_whitespace() || c == '/' || c == ':')
            .filter(|w| !w.is_empty())
            .take(2)
            .any(|w| w.eq_ignore_ascii_case("photo") || w.eq_ignore_ascii_case("photos"));
        if photo && inner.len() <= MAX_PREFIX {
            out.push(open..close + 1);
        }
        from = close + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text, and what is left to code once its datelines go.
    #[test]
    fn datelines_and_bylines() {
        let cases = [
            ("TEHRAN (Reuters) - Iran said it would.", "Iran said it would."),
            ("NAJAF, Iraq (AP) -- Fighting broke out.", "Fighting broke out."),
            ("SEOUL, Dec 2 (Reuters) - Talks ended.", "Talks ended."),
            ("AP - The talks ended.", "The talks ended."),
            ("AFP - The talks ended.", "The talks ended."),
            ("Reuters - Britain's Tony Blair flew.", "Britain's Tony Blair flew."),
            (
                "Canadian Press - KINSHASA, Congo (AP) - Attackers overran a village.",
                "Attackers overran a village.",
            ),
            ("JERUSALEM -- After a year, Sharon decided.", "After a year, Sharon decided."),
            ("Ouagadougou - Rwanda's threat grew.", "Rwanda's threat grew."),
            (
                "LONDON, December 6 (IslamOnline.net amp; News Agencies) - Britain received it.",
                "Britain received it.",
            ),
            ("BEIRUT \u{2014} Lebanon voted.", "Lebanon voted."),
            ("ISLAMABAD, Oct 5: Hoon said it.", "Hoon said it."),
            ("THE HAGUE: Musharraf described it.", "Musharraf described it."),
            // A colon after a name in ordinary case is not a dateline.
            ("President Bush: a record.", "President Bush: a record."),
            // Not datelines: lower-case words before the dash, no dash, a
            // dash far into the text, two bracketed parts.
            (
                "Syria's interim government - the new one - met.",
                "Syria's interim government - the new one - met.",
            ),
            ("Iran said it would.", "Iran said it would."),
            (
                "The South Korean government is reviewing ties with Syria, the only member - a rare case.",
                "The South Korean government is reviewing ties with Syria, the only member - a rare case.",
            ),
            ("Iran (IRN) and Iraq (IRQ) - met.", "Iran (IRN) and Iraq (IRQ) - met."),
            ("", ""),
            ("- Iran said.", "- Iran said."),
        ];
        for (text, want) in cases {
            assert_eq!(&text[prefix_len(text)..], want, "{text:?}");
        }
    }

    #[test]
    fn bylines_standing_alone() {
        for (unit, want) in [
            (
                "By Channel NewsAsia 's Malaysia Correspondent Melissa Goh.",
                true,
            ),
            ("By John Smith, Associated Press Writer", true),
            // A sentence that opens with "By" is not a byline.
            ("By Tuesday the talks had ended.", false),
            ("By then, Iran had agreed.", false),
            ("By", false),
            ("Iran said it would.", false),
        ] {
            assert_eq!(is_byline(unit), want, "{unit:?}");
        }
    }

    #[test]
    fn photo_credits_are_found() {
        let text = "Annan meets Allawi in New York. (Xinhua Photo). (AP Photo/Jim Smith) (in Iraq)";
        let got: Vec<&str> = photo_credits(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["(Xinhua Photo)", "(AP Photo/Jim Smith)"]);
        assert!(photo_credits("no brackets ( here").is_empty());
    }
}
