//! The world model over a real store, on every backend: the seed's
//! answers, idempotence, re-coding, imports and their bad input.

mod common;

use common::*;
use statecraft_app::StoryCoder;
use statecraft_store::{ImportOutcome, Put, Store};
use statecraft_text::Date;
use statecraft_world::{import, Start, States, Status};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn seeded(name: &str) -> Vec<(&'static str, Store)> {
    let mut stores = fresh_stores(name);
    let mut ing = new_ingest(&[]);
    for (_, store) in &mut stores {
        let out = ingest(store, &mut ing, &seed());
        assert_eq!(out.stored, 1);
        assert!(out.events >= 10, "{out:?}");
    }
    stores
}

#[test]
fn seed_missing_ties_of_seoul() {
    for (backend, mut store) in seeded("seed_missing") {
        let m = store.missing("KOR", d("2025-02-11")).unwrap();
        let missing: Vec<&str> = m.missing.iter().map(|x| x.partner.as_str()).collect();
        assert_eq!(missing, ["SYR"], "{backend}");
        let syr = m.missing[0].known.as_ref().expect("a recorded status");
        assert_eq!(syr.status, Status::None, "{backend}");
        let special: Vec<&str> = m.special.iter().map(|t| t.partner.as_str()).collect();
        assert_eq!(special, ["PRK"], "{backend}");
        assert_eq!(m.un_members, 192, "{backend}");
        // After the April 2025 establishment, nothing is missing.
        let later = store.missing("Republic of Korea", d("2025-05-01")).unwrap();
        assert!(later.missing.is_empty(), "{backend}: {:?}", later.missing);
    }
}

#[test]
fn seed_korea_cuba_ties_from_february_2024() {
    for (backend, mut store) in seeded("seed_cuba") {
        let ties = store.ties("KOR", d("2024-03-01")).unwrap();
        let cuba = ties.iter().find(|t| t.partner == "CUB").expect("Cuba");
        assert!(cuba.status.has_ties(), "{backend}");
        assert_eq!(cuba.start, Start::Since, "{backend}");
        assert!(cuba.conflicts.is_empty(), "{backend}: {:?}", cuba.conflicts);
        // The coded event ("establishment of diplomatic ties in February
        // 2024") is a fact of its own, with the story as provenance.
        let facts = store.tie_facts("CUB").unwrap();
        assert!(
            facts.iter().any(|f| matches!(
                &f.provenance,
                statecraft_world::Provenance::Event { sentence: 15, .. }
            ) && f.status == Status::Established
                && f.from.to_string() == "2024-02"),
            "{backend}: {facts:?}"
        );
        // Before the establishment there were none.
        let before = store.missing("KOR", d("2024-01-15")).unwrap();
        assert!(
            before.missing.iter().any(|m| m.partner == "CUB"),
            "{backend}"
        );
        // The embassy opened in Havana in January 2025.
        let emb = store.embassy_facts("KOR").unwrap();
        assert!(
            emb.iter().any(|e| e.sender == "KOR"
                && e.host == "CUB"
                && e.open
                && e.from.to_string() == "2025-01"),
            "{backend}: {emb:?}"
        );
    }
}

#[test]
fn seed_timeline_seoul_damascus_in_order() {
    for (backend, mut store) in seeded("seed_timeline") {
        let t = store.timeline("Seoul", "Damascus", None, None);
        // Capitals are not states: the query wants state codes or names.
        assert!(t.is_err(), "{backend}");
        let t = store.timeline("KOR", "SYR", None, None).unwrap();
        let got: Vec<(String, i64, &str)> = t
            .events
            .iter()
            .map(|e| (e.date.to_string(), e.sentence, &e.cameo[..2]))
            .collect();
        let dates: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted, "{backend}: in order of event date");
        // Events 2-6 of EXPECTED.md (the visit, 5-7 February), then event 1
        // (the review announced on the 11th).
        let sentences: Vec<i64> = got.iter().map(|g| g.1).collect();
        for s in [6, 7, 8, 10, 11] {
            assert!(sentences.contains(&s), "{backend}: sentence {s} in {got:?}");
        }
        assert_eq!(got.last().unwrap().1, 0, "{backend}: {got:?}");
        assert_eq!(got.last().unwrap().0, "2025-02-11", "{backend}");
        assert!(t
            .events
            .iter()
            .all(|e| !e.text.is_empty() && e.story_id == t.events[0].story_id));
        // A window keeps only the visit.
        let visit = store
            .timeline("KOR", "SYR", Some(d("2025-02-05")), Some(d("2025-02-07")))
            .unwrap();
        assert!(visit.events.iter().all(|e| e.sentence != 0), "{backend}");
        assert_eq!(visit.events.len(), t.events.len() - 1, "{backend}");
    }
}

#[test]
fn seed_north_korea_network() {
    for (backend, mut store) in seeded("seed_network") {
        let n = store
            .network("PRK", d("2024-12-01"), d("2025-02-11"))
            .unwrap();
        assert!(n.gained.is_empty() && n.lost.is_empty(), "{backend}: {n:?}");
        // Syria's interim government plans to minimise relations: the
        // balance with Syria is negative.
        let syr = n.balance.iter().find(|b| b.partner == "SYR").expect("SYR");
        assert!(syr.net < 0.0, "{backend}: {syr:?}");
        assert!(n.net_balance < 0.0, "{backend}");
        assert_eq!(
            n.un_share_to.with_ties, 1,
            "{backend}: ties with Syria on record"
        );
        // Seoul's network over the same window gains nothing yet.
        let k = store
            .network("KOR", d("2024-01-01"), d("2025-02-11"))
            .unwrap();
        let gained: Vec<&str> = k.gained.iter().map(|t| t.partner.as_str()).collect();
        assert_eq!(
            gained,
            ["CUB"],
            "{backend}: only Cuba's ties began in the window"
        );
        // The ROK statement observed the others on 2024-02-14: first
        // records, not gains.
        assert_eq!(k.first_recorded.len(), 189, "{backend}");
        assert!(k.un_share_to.share > 0.98, "{backend}");
    }
}

#[test]
fn ingest_twice_stores_once_and_recodes_on_dictionary_change() {
    for (backend, mut store) in fresh_stores("idempotent") {
        let corpus = seed();
        let mut ing = new_ingest(&[]);
        let first = ingest(&mut store, &mut ing, &corpus);
        let counts = store.counts().unwrap();
        let again = ingest(&mut store, &mut ing, &corpus);
        assert_eq!(again.stored + again.replaced, 0, "{backend}");
        assert_eq!(again.unchanged, 1, "{backend}");
        assert_eq!(
            store.counts().unwrap(),
            counts,
            "{backend}: nothing stored twice"
        );
        // Another dictionary: the story is re-coded and its events replaced.
        let overlay = b"# test overlay\n";
        let mut other = new_ingest(&[("extra.overlay.txt", overlay)]);
        assert_ne!(other.coder().fingerprint(), ing.coder().fingerprint());
        let recoded = ingest(&mut store, &mut other, &corpus);
        assert_eq!(recoded.replaced, 1, "{backend}");
        assert_eq!(recoded.events, first.events, "{backend}");
        assert_eq!(
            store.counts().unwrap(),
            counts,
            "{backend}: old events replaced"
        );
        assert!(store.incomplete_stories().unwrap().is_empty());
    }
}

/// Ids are the key; the content hash only tells a changed text. Before
/// the change of key, the same text under a second id was reported
/// unchanged and never stored, and a second text under one id was stored
/// but could not be fetched.
#[test]
fn story_ids_are_the_key_and_the_hash_detects_change() {
    for (backend, mut store) in fresh_stores("ids_key") {
        let (coder, _) = StoryCoder::new(&[]);
        let d = Date::from_ymd(2025, 2, 11).unwrap();
        let story = |id: &str, text: &str| {
            statecraft_text::Story::new(id, d, text, statecraft_text::Layout::Prose)
        };
        let put = |store: &mut Store, s: &statecraft_text::Story| {
            let c = coder.code(s).unwrap();
            store.put_story(&c.record, &c.events).unwrap()
        };
        let a = story("a", "Japan praised Bhutan.");
        assert!(matches!(put(&mut store, &a), Put::Stored(_)), "{backend}");
        assert_eq!(put(&mut store, &a), Put::Unchanged, "{backend}");
        // The same text under another id is another story.
        let b = story("b", "Japan praised Bhutan.");
        assert!(matches!(put(&mut store, &b), Put::Stored(_)), "{backend}");
        assert_eq!(store.story("b").unwrap().unwrap().0.story_id, "b");
        assert_eq!(store.story("a").unwrap().unwrap().0.story_id, "a");
        // A new text under a known id replaces the old one.
        let a2 = story("a", "Japan criticized Bhutan.");
        assert!(
            matches!(put(&mut store, &a2), Put::Replaced(_)),
            "{backend}"
        );
        let (got, events) = store.story("a").unwrap().unwrap();
        assert_eq!(got.text, a2.text, "{backend}");
        assert!(events.iter().all(|e| e.text == a2.text), "{backend}");
        assert_eq!(store.counts().unwrap().0, 2, "{backend}");
        assert!(store.incomplete_stories().unwrap().is_empty());
        // Through the batch path too: a repeat of an id in one batch is
        // the later text.
        let mut ing = new_ingest(&[]);
        let out = ingest(
            &mut store,
            &mut ing,
            &[
                story("c", "Japan praised Bhutan."),
                story("c", "Japan met Bhutan."),
            ],
        );
        assert_eq!((out.stored, out.replaced), (1, 1), "{backend}");
        assert_eq!(
            store.story("c").unwrap().unwrap().0.text,
            "Japan met Bhutan."
        );
    }
}

/// A version-1 store (hash as key) with two texts under one id migrates to
/// version 2 without losing either: the older is renamed `ID~HASH`.
#[test]
fn a_version_1_store_migrates_and_keeps_every_story() {
    let dir = temp_dir("v1");
    std::fs::create_dir_all(&dir).unwrap();
    let conn = rusqlite::Connection::open(dir.join("statecraft.db")).unwrap();
    conn.execute_batch(V1_SCHEMA).unwrap();
    conn.execute_batch(
        "INSERT INTO meta VALUES ('schema_version', '1');
         INSERT INTO stories VALUES (1, 'aaaaaaaaaaaaaaaa', 's1', 20250211, NULL, 'Japan praised Bhutan.', 'f:1', 'c', 1, 0);
         INSERT INTO stories VALUES (2, 'bbbbbbbbbbbbbbbb', 's1', 20250211, NULL, 'Japan met Bhutan.', 'f:2', 'c', 1, 0);
         INSERT INTO events (story, sentence, source, target, cameo, date, date_end, precision, text, spans)
             VALUES (1, 0, 'JPN', 'BTN', '051', 20250211, 20250211, 'story', 'Japan praised Bhutan.', '{}'),
                    (2, 0, 'JPN', 'BTN', '040', 20250211, 20250211, 'story', 'Japan met Bhutan.', '{}');",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open_sqlite(&dir).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        statecraft_store::SCHEMA_VERSION
    );
    assert_eq!(store.counts().unwrap().0, 2);
    assert!(store.incomplete_stories().unwrap().is_empty());
    let (newest, events) = store.story("s1").unwrap().unwrap();
    assert_eq!(newest.text, "Japan met Bhutan.");
    assert_eq!(events.len(), 1);
    let (older, events) = store.story("s1~aaaaaaaaaaaa").unwrap().unwrap();
    assert_eq!(older.text, "Japan praised Bhutan.");
    assert_eq!(events[0].cameo, "051");
    assert_eq!(events[0].pattern, None);
}

/// Migration 1, as version 1 of statecraft created stores.
const V1_SCHEMA: &str = "
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE stories (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL,
        date BIGINT NOT NULL, title TEXT, text TEXT NOT NULL, origin TEXT NOT NULL, coder TEXT NOT NULL,
        events BIGINT NOT NULL, ingested_at BIGINT NOT NULL);
    CREATE INDEX stories_story_id ON stories (story_id);
    CREATE TABLE events (id INTEGER PRIMARY KEY, story BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        sentence BIGINT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, source_state TEXT,
        target_state TEXT, cameo TEXT NOT NULL, root TEXT, plover TEXT, goldstein DOUBLE PRECISION,
        quad_class BIGINT, date BIGINT NOT NULL, date_end BIGINT NOT NULL, precision TEXT NOT NULL,
        date_text TEXT, modality TEXT, text TEXT NOT NULL, spans TEXT NOT NULL);
    CREATE INDEX events_story ON events (story);
    CREATE INDEX events_dyad ON events (source_state, target_state, date, goldstein);
    CREATE TABLE states (code TEXT PRIMARY KEY);
    CREATE TABLE imports (id INTEGER PRIMARY KEY, format TEXT NOT NULL, label TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE, facts BIGINT NOT NULL, imported_at BIGINT NOT NULL);
    CREATE TABLE facts (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
        status TEXT NOT NULL, from_date BIGINT NOT NULL, from_precision TEXT NOT NULL, start TEXT NOT NULL,
        to_date BIGINT, to_precision TEXT, source TEXT NOT NULL, record TEXT NOT NULL,
        import BIGINT REFERENCES imports (id) ON DELETE CASCADE,
        story BIGINT REFERENCES stories (id) ON DELETE CASCADE, sentence BIGINT, cameo TEXT, evidence TEXT);
    CREATE INDEX facts_a ON facts (a);
    CREATE INDEX facts_b ON facts (b);
    CREATE INDEX facts_import ON facts (import);
    CREATE INDEX facts_story ON facts (story);
";

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("crates/world/tests/data").join(name)).unwrap()
}

#[test]
fn imports_each_format_once() {
    let states = States::bundled();
    for (backend, mut store) in fresh_stores("imports") {
        let before = store.counts().unwrap().2;
        let csv = sample("relations.csv");
        let got = import::read_csv(&csv, "relations.csv", states).unwrap();
        assert_eq!(
            store.import("csv", "relations.csv", &csv, &got).unwrap(),
            ImportOutcome::Stored(5)
        );
        assert_eq!(
            store.import("csv", "relations.csv", &csv, &got).unwrap(),
            ImportOutcome::AlreadyImported,
            "{backend}"
        );
        let cow = sample("cow-dipex.csv");
        let got = import::read_cow_dipex(&cow, "cow-dipex.csv", states).unwrap();
        assert!(matches!(
            store.import("cow-dipex", "cow", &cow, &got).unwrap(),
            ImportOutcome::Stored(_)
        ));
        let wd = sample("wikidata-p530.json");
        let got = import::read_wikidata(&wd, "wd.json", states, d("2026-11-01")).unwrap();
        assert_eq!(got.ties.len(), 4, "both directions of KOR-CUB are one fact");
        store.import("wikidata", "wd.json", &wd, &got).unwrap();
        assert!(store.counts().unwrap().2 > before);

        // Saudi Arabia and Iran: severed in 2016, restored in 2023.
        let on = |store: &mut Store, date: &str| {
            store
                .ties("SAU", d(date))
                .unwrap()
                .into_iter()
                .find(|t| t.partner == "IRN")
                .map(|t| t.status)
        };
        assert_eq!(on(&mut store, "2015-06-01"), None, "{backend}");
        assert_eq!(
            on(&mut store, "2020-06-01"),
            Some(Status::Severed),
            "{backend}"
        );
        assert_eq!(
            on(&mut store, "2024-06-01"),
            Some(Status::Restored),
            "{backend}"
        );
        // Qatar and Bahrain: severed with an end; nothing claimed after it.
        let qb = store.ties("QAT", d("2024-01-01")).unwrap();
        assert!(qb.iter().all(|t| t.partner != "BHR"), "{backend}: {qb:?}");
        // Wikidata's relation without a start is known as of retrieval.
        let kj = store.ties("KOR", d("2026-11-02")).unwrap();
        let jpn = kj.iter().find(|t| t.partner == "JPN").unwrap();
        assert!(jpn.status.has_ties());
        // COW 732,40,2005,0,3: DR_at_2 = 3 is side 1 (Korea) at side 2
        // (Cuba) with an ambassador; DR_at_1 = 0, Cuba has no one in Seoul.
        let emb = store.embassy_facts("CUB").unwrap();
        assert!(emb.iter().any(|e| e.sender == "KOR"
            && e.host == "CUB"
            && e.open
            && e.from.to_string() == "2005"));
        assert!(emb.iter().any(|e| e.sender == "CUB"
            && e.host == "KOR"
            && !e.open
            && e.from.to_string() == "2005"));
    }
}

#[test]
fn disagreeing_sources_are_kept_and_reported() {
    let states = States::bundled();
    for (backend, mut store) in fresh_stores("conflicts") {
        let csv = b"a,b,status,from,to,source\nKOR,SYR,established,2020-01-01,,A mistaken source\n";
        let got = import::read_csv(csv, "wrong.csv", states).unwrap();
        store.import("csv", "wrong.csv", csv, &got).unwrap();
        let ties = store.ties("KOR", d("2025-02-11")).unwrap();
        let syr = ties.iter().find(|t| t.partner == "SYR").unwrap();
        // The ROK statement of 2024 is newer and wins; the 2020 claim that
        // ties continue is reported, not dropped.
        assert_eq!(syr.status, Status::None, "{backend}");
        assert_eq!(syr.conflicts.len(), 1, "{backend}: {syr:?}");
        assert_eq!(syr.conflicts[0].status, Status::Established);
        // Both facts are still stored.
        let facts = store.tie_facts("SYR").unwrap();
        assert!(facts.iter().filter(|f| f.partner("SYR") == "KOR").count() >= 3);
    }
}

#[test]
fn bad_reference_files_store_nothing() {
    let states = States::bundled();
    let cases: &[(&str, &[u8], &str)] = &[
        ("csv", b"x,y,status,from,to,source\nKOR,CUB,established,2024,,s\n", "wrong header"),
        ("csv", b"a,b,status,from,to,source\nKOR,XXQ,established,2024,,s\n", "unknown state code `XXQ`"),
        ("csv", b"a,b,status,from,to,source\nKOR,CUB,established,2024-02-14,2020-01-01,s\n", "inverted dates"),
        ("csv", b"a,b,status,from,to,source\nKOR,CUB,established,2024,,caf\xe9\n", "invalid UTF-8"),
        ("csv", b"a,b,status,from,to,source\nKOR,CUB,friendly,2024,,s\n", "unknown status"),
        ("csv", b"a,b,status,from,to,source\nKOR,CUB,established,2024,,\n", "needs a source"),
        ("cow-dipex", b"ccode1,ccode2,year,DR\n732,40,2005,0\n", "wrong header"),
        ("cow-dipex", b"ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version\n732,999,2005,0,0,0,2006.1\n", "unknown state code `999`"),
        ("cow-dipex", b"ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version\n732,40,2005,7,0,0,2006.1\n", "bad representation level"),
        ("cow-dipex", b"ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version\n732,40,2005,0,0,0,2006\xff\n", "invalid UTF-8"),
        ("wikidata", br#"{"head":{"vars":["a","b"]},"results":{"bindings":[]}}"#, "wrong header"),
        ("wikidata", br#"{"head":{"vars":["countryISO","partnerISO"]},"results":{"bindings":[{"countryISO":{"value":"KOR"},"partnerISO":{"value":"ZZZ"}}]}}"#, "unknown state code `ZZZ`"),
        ("wikidata", br#"{"head":{"vars":["countryISO","partnerISO","start","end"]},"results":{"bindings":[{"countryISO":{"value":"KOR"},"partnerISO":{"value":"CUB"},"start":{"value":"2024-02-14T00:00:00Z"},"end":{"value":"2020-01-01T00:00:00Z"}}]}}"#, "inverted dates"),
        ("wikidata", b"{\"head\": \xff}", "invalid UTF-8"),
        ("wikidata", b"{\"head\": ", "not JSON"),
    ];
    let mut good = b"a,b,status,from,to,source\n".to_vec();
    good.extend_from_slice(b"KOR,CUB,established,2024,,s\n");
    for (i, (format, bytes, want)) in cases.iter().enumerate() {
        // Good records before the bad one must not be stored either.
        let label = format!("case{i}");
        let got = match *format {
            "csv" => import::read_csv(bytes, &label, states),
            "cow-dipex" => import::read_cow_dipex(bytes, &label, states),
            _ => import::read_wikidata(bytes, &label, states, d("2026-01-01")),
        };
        let err = got.expect_err(want).to_string();
        assert!(err.contains(want), "case {i}: `{err}` lacks `{want}`");
        assert!(err.starts_with(&label), "case {i}: `{err}` names the file");
    }
    let mixed = [&good[..], b"KOR,XXQ,established,2024,,s\n"].concat();
    assert!(import::read_csv(&mixed, "mixed", states).is_err());
}

#[test]
fn a_store_from_a_newer_statecraft_is_refused() {
    let dir = temp_dir("too_new");
    let mut store = Store::open_sqlite(&dir).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        statecraft_store::SCHEMA_VERSION
    );
    drop(store);
    let conn = rusqlite::Connection::open(dir.join("statecraft.db")).unwrap();
    conn.execute(
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(conn);
    let err = Store::open_sqlite(&dir).err().expect("refused").to_string();
    assert!(err.contains("schema version 99"), "{err}");
}

#[test]
fn dates_at_the_ends_of_the_calendar_read_back() {
    // Events dated 0001-01-01 and 9999-12-31 store and read back; nothing
    // outside that range can be made (Date refuses it).
    assert!(Date::from_ymd(0, 6, 1).is_none());
    for (backend, mut store) in fresh_stores("calendar_ends") {
        let (coder, _) = StoryCoder::new(&[]);
        let story = statecraft_text::Story::new(
            "ends",
            Date::MAX,
            "South Korea established diplomatic relations with Syria.",
            statecraft_text::Layout::Prose,
        );
        let mut coded = coder.code(&story).unwrap();
        assert!(!coded.events.is_empty(), "{backend}");
        for (i, e) in coded.events.iter_mut().enumerate() {
            let d = if i % 2 == 0 { Date::MIN } else { Date::MAX };
            e.date = d;
            e.date_end = d;
        }
        store.put_story(&coded.record, &coded.events).unwrap();
        let (_, back) = store.story("ends").unwrap().unwrap();
        assert_eq!(back.len(), coded.events.len(), "{backend}");
        assert!(
            back.iter()
                .all(|e| e.date == Date::MIN || e.date == Date::MAX),
            "{backend}"
        );
        assert!(store.ties("KOR", d("2025-02-11")).is_ok(), "{backend}");
    }
}

/// Defect 10: "Japan praised Bhutan, with which it has never established
/// diplomatic relations." was stored as JPN–BTN established: the rule read
/// the whole sentence. Facts now come from the event's own words; this
/// covers denials, questions, reported plans and third parties, with a
/// sentence that does establish ties to show the rule still fires.
#[test]
fn facts_come_from_what_the_event_says() {
    for (backend, mut store) in fresh_stores("denials") {
        let mut ing = new_ingest(&[]);
        let d = Date::from_ymd(2025, 2, 11).unwrap();
        let texts = [
            "Japan praised Bhutan, with which it has never established diplomatic relations.",
            "Will Japan establish diplomatic relations with Bhutan?",
            "Japan said it plans to establish diplomatic relations with Bhutan.",
            "Japan welcomed Bhutan's decision to establish diplomatic ties with India.",
            "Japan did not establish diplomatic relations with Bhutan.",
        ];
        let stories: Vec<statecraft_text::Story> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                statecraft_text::Story::new(format!("d{i}"), d, *t, statecraft_text::Layout::Prose)
            })
            .collect();
        ingest(&mut store, &mut ing, &stories);
        let ties = store.ties("JPN", d).unwrap();
        assert!(
            ties.iter()
                .all(|t| t.partner != "BTN" || !t.provenance.describe().contains("d")),
            "{backend}: {ties:?}"
        );
        assert!(
            !store
                .tie_facts("BTN")
                .unwrap()
                .iter()
                .any(|f| matches!(f.provenance, statecraft_world::Provenance::Event { .. })),
            "{backend}: a fact from an event about Bhutan"
        );
        // What does establish ties still does.
        let yes = statecraft_text::Story::new(
            "yes",
            d,
            "Japan established diplomatic relations with Bhutan on Monday.",
            statecraft_text::Layout::Prose,
        );
        ingest(&mut store, &mut ing, &[yes]);
        let facts = store.tie_facts("BTN").unwrap();
        let from_event: Vec<_> = facts
            .iter()
            .filter(|f| matches!(f.provenance, statecraft_world::Provenance::Event { .. }))
            .collect();
        assert_eq!(from_event.len(), 1, "{backend}: {facts:?}");
        assert_eq!(from_event[0].status, Status::Established, "{backend}");
    }
}

/// Defect 11: the store dropped the verb pattern and the evidence for
/// inferred actors, so the API and exports lost what `code` prints. They
/// are kept and read back as coded.
#[test]
fn stored_events_keep_pattern_and_evidence() {
    for (backend, mut store) in fresh_stores("evidence") {
        let (coder, _) = StoryCoder::new(&[]);
        // The seed's patterns, and a name no dictionary knows.
        let mut story = seed()[0].clone();
        story.text.push_str(
            "\nAsaad Hamdan, Syria's interim foreign minister, met Sergei Lavrov in Moscow on Monday.",
        );
        let coded = coder.code(&story).unwrap();
        store.put_story(&coded.record, &coded.events).unwrap();
        let (_, back) = store.story(&story.id).unwrap().unwrap();
        assert_eq!(back.len(), coded.events.len(), "{backend}");
        for (b, c) in back.iter().zip(&coded.events) {
            assert_eq!(b.pattern, c.pattern, "{backend}");
            assert_eq!(b.source_actor, c.source_actor, "{backend}");
            assert_eq!(b.target_actor, c.target_actor, "{backend}");
        }
        assert!(back.iter().any(|e| e.pattern.is_some()), "{backend}");
        let kim = back
            .iter()
            .find_map(|e| e.source_actor.as_ref())
            .expect("an inferred source");
        assert!(!kim.evidence.text.is_empty(), "{backend}");
    }
}

/// Weak spot: two ingests started together on a fresh data directory
/// sometimes failed with "database is locked". Opening retries while
/// another process creates the store.
#[test]
fn stores_opened_together_on_a_fresh_directory_all_open() {
    for round in 0..5 {
        let dir = temp_dir(&format!("together-{round}"));
        let openers: Vec<_> = (0..6)
            .map(|_| {
                let dir = dir.clone();
                std::thread::spawn(move || {
                    let mut store = Store::open_sqlite(&dir)?;
                    store.counts().map(|_| ())
                })
            })
            .collect();
        for o in openers {
            o.join()
                .unwrap()
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
        }
    }
}

/// `Ingest::add_all` on several threads stores what `Ingest::add` stores
/// one story at a time: repeated identifiers (changed and unchanged text),
/// a story already stored, and a refused story among them.
#[test]
fn add_all_on_threads_stores_what_add_stores() {
    let d = Date::from_ymd(2025, 2, 11).unwrap();
    let story = |id: &str, text: &str| {
        statecraft_text::Story::new(id, d, text, statecraft_text::Layout::Prose)
    };
    let before = [
        story("old", "Japan praised Bhutan."),
        story("kept", "Japan met Bhutan."),
    ];
    let batch = [
        story("a", "Japan praised Bhutan."),
        story("old", "Japan criticized Bhutan."),
        story("kept", "Japan met Bhutan."),
        story("a", "Japan met Bhutan."),
        story("empty", "   "),
        story("a", "Japan met Bhutan."),
        story("b", "France accused Germany of spying."),
    ];
    let one = fresh_stores("add_all_one");
    let many = fresh_stores("add_all_many");
    for ((backend, mut s1), (_, mut s2)) in one.into_iter().zip(many) {
        let (mut i1, mut i2) = (new_ingest(&[]), new_ingest(&[]));
        ingest(&mut s1, &mut i1, &before);
        ingest(&mut s2, &mut i2, &before);
        let mut sequential = statecraft_app::Outcome::default();
        let mut refused_one = Vec::new();
        for (i, s) in batch.iter().enumerate() {
            match i1.add(&mut s1, s) {
                Ok(o) => sequential.merge(o),
                Err(statecraft_app::AppError::Refused(r)) => refused_one.push((i, r)),
                Err(e) => panic!("{backend}: {e}"),
            }
        }
        sequential.merge(i1.flush(&mut s1).unwrap());
        let (mut parallel, refused) = i2.add_all(&mut s2, &batch, 3).unwrap();
        parallel.merge(i2.flush(&mut s2).unwrap());
        assert_eq!(parallel, sequential, "{backend}");
        assert_eq!(refused, refused_one, "{backend}");
        assert_eq!(refused.len(), 1, "{backend}");
        assert_eq!(
            (sequential.stored, sequential.unchanged),
            (2, 2),
            "{backend}"
        );
        for id in ["a", "b", "old", "kept"] {
            let (r1, e1) = s1.story(id).unwrap().unwrap();
            let (r2, e2) = s2.story(id).unwrap().unwrap();
            assert_eq!((r1.text, r1.hash), (r2.text, r2.hash), "{backend} {id}");
            let codes = |e: &[statecraft_store::EventRecord]| {
                e.iter()
                    .map(|e| (e.source.clone(), e.target.clone(), e.cameo.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(codes(&e1), codes(&e2), "{backend} {id}");
        }
        assert_eq!(s2.story("a").unwrap().unwrap().0.text, "Japan met Bhutan.");
        assert!(!s2.story("b").unwrap().unwrap().1.is_empty(), "{backend}");
    }
}
