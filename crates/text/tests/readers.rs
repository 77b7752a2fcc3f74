//! Table-driven tests of every reader: what is read, and what is reported.

use statecraft_text::read::{self, detect, Format};
use statecraft_text::{Batch, Directive, Item, Layout, Severity};
use std::path::Path;

fn ids(b: &Batch) -> Vec<String> {
    b.stories().map(|s| s.id.clone()).collect()
}

fn errors(b: &Batch) -> Vec<String> {
    b.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn format_detection() {
    let cases: &[(Option<&str>, &[u8], Format)] = &[
        (None, b"{\"id\":1}\n", Format::Jsonl),
        (None, b"\xef\xbb\xbf  {\"id\":1}\n", Format::Jsonl),
        (Some("x.jsonl"), b"whatever", Format::Jsonl),
        (
            None,
            b"950101  DEMO-01\nArnor met Gondor.\n",
            Format::TabariText,
        ),
        (
            None,
            b"Validation file\n<actorsfile> a\n<textfile> t\n",
            Format::Plain,
        ),
        (
            Some("V.project"),
            b"<actorsfile> a\n",
            Format::TabariProject,
        ),
        (
            None,
            b"<actorsfile> a\n<textfile> t\n",
            Format::TabariProject,
        ),
        (
            None,
            b"<Sentences><Sentence date=\"19950101\" id=\"a\">",
            Format::PetrarchXml,
        ),
        (Some("g.xml"), b"<!-- -->", Format::PetrarchXml),
        (
            None,
            b"Headline\nPublished: 11 Feb. 2025\n-\nBody.",
            Format::Plain,
        ),
        (None, b"", Format::Plain),
    ];
    for (name, bytes, want) in cases {
        assert_eq!(
            detect(name.map(Path::new), bytes),
            *want,
            "{name:?} {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn jsonl_cases() {
    // (input, story ids read, error count)
    let cases: &[(&[u8], &[&str], usize)] = &[
        (b"{\"id\":\"a\",\"date\":\"2025-02-11\",\"text\":\"x\"}\n", &["a"], 0),
        (b"{\"id\":7,\"date\":\"20250211\",\"title\":\"t\",\"text\":\"x\"}", &["7"], 0),
        // Nothing to read is an error, as in every other reader.
        (b"\n\n  \n", &[], 1),
        (b"", &[], 1),
        (b"{\"id\":\"a\",\"text\":\"x\"}\n", &[], 1),
        (b"{\"id\":\"a\",\"date\":\"soon\",\"text\":\"x\"}\n", &[], 1),
        (b"{\"date\":\"2025-02-11\",\"text\":\"x\"}\n", &[], 1),
        (b"[1,2]\n{\"id\":\"b\",\"date\":\"2025-02-11\",\"text\":\"y\"}\n", &["b"], 1),
        (b"{\"id\":\"a\",\"date\":\"2025-02-11\",\"text\":\"\xff\xfe\"}\n{\"id\":\"b\",\"date\":\"2025-02-11\",\"text\":\"y\"}", &["b"], 1),
        (b"\x00\x01\x02junk\n", &[], 1),
    ];
    for (input, want_ids, want_errors) in cases {
        let b = read::read_jsonl(input, "in.jsonl");
        assert_eq!(ids(&b), *want_ids, "{:?}", String::from_utf8_lossy(input));
        assert_eq!(
            errors(&b).len(),
            *want_errors,
            "{:?}: {:?}",
            String::from_utf8_lossy(input),
            errors(&b)
        );
    }
    let b = read::read_jsonl(b"nope\n", "in.jsonl");
    assert!(errors(&b)[0].starts_with("in.jsonl:1: error: not a JSON object"));
}

#[test]
fn plain_story_cases() {
    // (input, (date, title, body) when a story is read)
    type Case<'a> = (&'a str, Option<(&'a str, &'a str, &'a str)>);
    let cases: &[Case] = &[
        (
            "Title\nPublished: 11 Feb. 2025, 18:54 Updated: 11 Feb. 2025, 18:58\n-\nOne.\nTwo.\n",
            Some(("2025-02-11", "Title", "One.\nTwo.")),
        ),
        (
            "Title\nDate: 2024-12-08\n\nBody\n",
            Some(("2024-12-08", "Title", "Body")),
        ),
        ("Title\nNo date here\n", None),
        ("", None),
    ];
    for (input, want) in cases {
        let b = read::read_plain(input.as_bytes(), "dir/story.txt");
        match want {
            Some((date, title, text)) => {
                let s = b
                    .stories()
                    .next()
                    .unwrap_or_else(|| panic!("{input:?}: {:?}", b.diagnostics));
                assert_eq!(
                    (
                        s.date.to_string().as_str(),
                        s.title.as_deref(),
                        s.text.as_str()
                    ),
                    (*date, Some(*title), *text)
                );
                assert_eq!(s.id, "story");
                assert_eq!(s.layout, Layout::Prose);
            }
            None => assert_eq!(errors(&b).len(), 1, "{input:?}"),
        }
    }
    assert_eq!(errors(&read::read_plain(b"abc\xff\n", "x")).len(), 1);
    assert_eq!(errors(&read::read_plain(&[0u8; 64], "x")).len(), 1);
}

#[test]
fn tabari_text_cases() {
    let input = "\
#### a comment block
that is ignored

950101  DEMO-01
Arnor met Gondor. /* \\n{ ARN / GON / 031 } */

950102  OPT-01
Switching /* { OPTION: SET: CODE ALL }
\\n{ OPTION: SET: MINIMUM WORDS = 4  */

9501201  SEVEN
A seven-digit date.

950101  950101  TWO-IDS
The second token is the id.

19950101 EIGHT
Eight digits.

951399 BAD
Bad month.

950101
No id.

950103  UNCLOSED
Text /* comment never closed

950104  AFTER
Still read.
";
    let b = read::read_tabari_text(input.as_bytes(), "v.text");
    assert_eq!(
        ids(&b),
        ["DEMO-01", "OPT-01", "SEVEN", "950101", "EIGHT", "UNCLOSED", "AFTER"]
    );
    let directives: Vec<&str> = b
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Directive(Directive::Tabari(s), _) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(directives, ["SET: CODE ALL", "SET: MINIMUM WORDS = 4"]);
    let first = b.stories().next().unwrap();
    assert_eq!(first.text.trim(), "Arnor met Gondor.");
    assert_eq!(first.layout, Layout::Sentence);
    assert_eq!(first.origin.line, 4);
    let diags: Vec<String> = b.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        [
            "v.text:11: warning [story SEVEN]: date \"9501201\" has 7 digits; read as 950120",
            "v.text:20: error [story BAD]: unreadable record date \"951399\" (expected YYMMDD or YYYYMMDD)",
            "v.text:23: error: record header has a date but no id",
        ]
    );
}

#[test]
fn tabari_project_and_petrarch_environment_paths_are_relative() {
    let b = read::read_tabari_project(
        b"<actorsfile> a.actors\n<verbsfile>\tv.verbs\n<textfile> t.text\n<optionsfile> o\n",
        "p",
        Path::new("/d"),
    );
    let env = b.environment.unwrap();
    assert_eq!(env.verbs, [Path::new("/d/v.verbs")]);
    assert_eq!(env.options, [Path::new("/d/o")]);
    let b = read::read_tabari_project(b"<coder> X\n", "p", Path::new("/d"));
    assert_eq!(errors(&b), ["p:1: error: project names no <textfile>"]);
}

#[test]
fn petrarch_xml_cases() {
    let xml = r#"<Validation>
<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<Sentence date="19950101" id="A"><EventCoding sourcecode="X"/><Text>
Arnor   restored
ties.</Text><Parse>(ROOT (S))</Parse></Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="bad" id="B"><Text>x</Text></Sentence>
<Sentence date="19950101"><Text>no id</Text></Sentence>
<Sentence date="19950101" id="C"><Text>After &amp; before.</Text></Sentence>
<Sentence date="19950101" id="D"><Text>unclosed
"#;
    let b = read::read_petrarch_xml(xml.as_bytes(), "t.xml", Path::new("/d"));
    assert_eq!(ids(&b), ["A", "C"]);
    assert_eq!(b.stories().next().unwrap().text, "Arnor restored ties.");
    assert_eq!(b.stories().nth(1).unwrap().text, "After & before.");
    assert!(b.items.iter().any(|i| matches!(i, Item::Directive(Directive::Petrarch { option, .. }, _) if option == "require_dyad")));
    let env = b.environment.clone().unwrap();
    assert_eq!(
        (env.verbs.len(), env.actors.len(), env.petrarch),
        (1, 1, true)
    );
    // Bad date, no id, and D cut off by the end of the file.
    assert_eq!(errors(&b).len(), 3, "{:?}", b.diagnostics);
    assert!(
        errors(&b)[2].contains("[story D]: <Sentence> is not closed"),
        "{:?}",
        errors(&b)
    );
    let b = read::read_petrarch_xml(
        b"<Sentences><Sentence id=\"A\" date=\"19950101\"><Text>x</Text></Sentence><Oops",
        "t.xml",
        Path::new("/"),
    );
    assert_eq!(ids(&b), ["A"]);
}
