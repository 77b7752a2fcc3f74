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

/// Defect 8: a `<Sentence>` left open before the next one, or before its
/// parent closes, was dropped silently (exit status 0). Each is an error
/// with its line.
#[test]
fn petrarch_unclosed_and_nested_sentences_are_reported() {
    let xml = "<Sentences>\n\
<Sentence date=\"19950101\" id=\"A\"><Text>Arnor met Gondor.</Text>\n\
<Sentence date=\"19950101\" id=\"B\"><Text>Gondor met Rohan.</Text></Sentence>\n\
<Sentence date=\"19950101\" id=\"C\"><Text>Rohan met Arnor.</Text>\n\
</Sentences>\n";
    let b = read::read_petrarch_xml(xml.as_bytes(), "n.xml", Path::new("/"));
    assert_eq!(ids(&b), ["B"]);
    let errs = errors(&b);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0].starts_with(
            "n.xml:2: error [story A]: <Sentence> is not closed before the <Sentence> at line 3"
        ),
        "{errs:?}"
    );
    assert!(
        errs[1].starts_with(
            "n.xml:4: error [story C]: <Sentence> is not closed before </Sentences> at line 5"
        ),
        "{errs:?}"
    );
}

/// Defect 7: the XML reader counted lines from the start of the file for
/// each `<Sentence>` (80,000 sentences took over a minute). It now counts
/// them as it reads; line numbers stay exact deep into a large file.
#[test]
fn petrarch_xml_of_80000_sentences_reads_with_exact_lines() {
    let mut xml = String::from("<Validation>\n<Sentences>\n");
    for i in 0..80_000 {
        xml.push_str(&format!(
            "<Sentence date=\"19950101\" id=\"S{i}\">\n<Text>Arnor met Gondor {i}.</Text>\n</Sentence>\n"
        ));
    }
    xml.push_str("<Sentence date=\"bad\" id=\"LAST\"><Text>x</Text></Sentence>\n</Sentences>\n</Validation>\n");
    let b = read::read_petrarch_xml(xml.as_bytes(), "big.xml", Path::new("/"));
    assert_eq!(b.stories().count(), 80_000);
    assert_eq!(b.stories().last().unwrap().origin.line, 3 + 3 * 79_999);
    let errs = errors(&b);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with(&format!("big.xml:{}: error [story LAST]", 3 + 3 * 80_000)),
        "{errs:?}"
    );
}

/// Weak spot: a PETRARCH id had no length limit. Ids, in every reader,
/// are 1 to 200 characters without control characters.
#[test]
fn overlong_and_control_character_ids_are_refused() {
    let long = "x".repeat(201);
    let xml = format!(
        "<Sentences><Sentence date=\"19950101\" id=\"{long}\"><Text>Arnor met Gondor.</Text></Sentence>\
<Sentence date=\"19950101\" id=\"ok\"><Text>Arnor met Gondor.</Text></Sentence></Sentences>"
    );
    let b = read::read_petrarch_xml(xml.as_bytes(), "t.xml", Path::new("/"));
    assert_eq!(ids(&b), ["ok"]);
    assert!(
        errors(&b)[0].contains("over 200 characters"),
        "{:?}",
        errors(&b)
    );
    let jsonl = format!(
        "{{\"id\":\"{long}\",\"date\":\"2025-02-11\",\"text\":\"Seoul met Damascus.\"}}\n\
{{\"id\":\"a\\u001b[31mb\",\"date\":\"2025-02-11\",\"text\":\"Seoul met Damascus.\"}}\n\
{{\"id\":\"ok\",\"date\":\"2025-02-11\",\"text\":\"Seoul met Damascus.\"}}\n"
    );
    let b = read::read_jsonl(jsonl.as_bytes(), "t.jsonl");
    assert_eq!(ids(&b), ["ok"]);
    let errs = errors(&b);
    assert_eq!(errs.len(), 2);
    // The escape is shown escaped, not sent to the terminal.
    assert!(
        !errs[1].contains('\u{1b}') && errs[1].contains("\\u{1b}"),
        "{errs:?}"
    );
}

/// Defect 4 (reading side): a story holding a NUL is refused with a
/// diagnostic, and the stories around it are read.
#[test]
fn stories_with_nul_are_refused_alone() {
    let jsonl = b"{\"id\":\"a\",\"date\":\"2025-02-11\",\"text\":\"Seoul met\\u0000 Damascus.\"}\n\
{\"id\":\"b\",\"date\":\"2025-02-11\",\"text\":\"Seoul met Damascus.\"}\n";
    let b = read::read_jsonl(jsonl, "n.jsonl");
    assert_eq!(ids(&b), ["b"]);
    assert_eq!(
        errors(&b),
        ["n.jsonl:1: error [story a]: the text holds a NUL character"]
    );
}

/// Weak spot: input was read whole into memory (`/dev/zero` grew until it
/// ran out). Readers stream with bounded buffers: an endless line is given
/// up with a diagnostic, and a pasted story is read only up to its limit.
#[test]
fn endless_input_is_given_up_with_bounded_memory() {
    // 300 MB of zeros, generated as it is read (never held in memory).
    let zeros = std::io::BufReader::new(std::io::Read::take(std::io::repeat(0), 300 << 20));
    let got: Vec<read::Input> = read::stream(Format::Jsonl, zeros, "zero", Path::new("")).collect();
    assert_eq!(got.len(), 1);
    let read::Input::Diagnostic(d) = &got[0] else {
        panic!("{got:?}")
    };
    assert!(d.message.contains("no line end"), "{d}");
    let zeros = std::io::BufReader::new(std::io::Read::take(std::io::repeat(0), 300 << 20));
    let got: Vec<read::Input> = read::stream(Format::Plain, zeros, "zero", Path::new("")).collect();
    assert_eq!(got.len(), 1);
    assert!(
        matches!(&got[0], read::Input::Diagnostic(d) if d.message.contains("too long for one story")),
        "{got:?}"
    );
    let zeros = std::io::BufReader::new(std::io::Read::take(std::io::repeat(b'<'), 300 << 20));
    let got: Vec<read::Input> =
        read::stream(Format::PetrarchXml, zeros, "zero.xml", Path::new("")).collect();
    assert!(
        matches!(&got[0], read::Input::Diagnostic(d) if d.message.contains("malformed XML")),
        "{got:?}"
    );
}
