//! Every endpoint over real HTTP, on SQLite and (when the test command
//! provides one) PostgreSQL: success, bad input, auth, and injection
//! attempts through every parameter.

use serde_json::{json, Value};
use statecraft_server::Config;
use statecraft_store::{Location, Store};

mod common;

use common::*;

#[test]
fn endpoints_answer_on_every_backend() {
    for (backend, location) in locations("api_endpoints") {
        let base = start(location, Some(TOKEN));
        let health = get(&format!("{base}/healthz"));
        assert_eq!(health.status, 200, "{backend}");

        // Writes: 401 without or with a wrong token; reads still work.
        let seed = seed_body();
        assert_problem(
            &call("POST", &format!("{base}/v1/stories"), None, Some(&seed)),
            401,
            "no token",
        );
        assert_problem(
            &call(
                "POST",
                &format!("{base}/v1/stories"),
                Some("wrong"),
                Some(&seed),
            ),
            401,
            "bad token",
        );
        let coded = call("POST", &format!("{base}/v1/code"), None, Some(&seed));
        assert_eq!(coded.status, 200, "{backend}: {:?}", coded.body);
        let n = coded.body["events"].as_array().unwrap().len();
        assert!(n >= 10, "{backend}: {n}");
        let stored = call(
            "POST",
            &format!("{base}/v1/stories"),
            Some(TOKEN),
            Some(&seed),
        );
        assert_eq!(stored.status, 201, "{backend}: {:?}", stored.body);
        assert_eq!(stored.body["put"], "stored");
        assert_eq!(stored.body["events"].as_array().unwrap().len(), n);
        let again = call(
            "POST",
            &format!("{base}/v1/stories"),
            Some(TOKEN),
            Some(&seed),
        );
        assert_eq!(
            (again.status, again.body["put"].as_str()),
            (200, Some("unchanged"))
        );
        // The reply is what is stored: row ids. The same text under
        // another id is another story (ids are the key).
        assert!(stored.body["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["id"].as_i64() > Some(0)));
        let renamed = seed.replace("\"id\":\"seed\"", "\"id\":\"seed-again\"");
        assert_ne!(renamed, seed);
        let dup = call(
            "POST",
            &format!("{base}/v1/stories"),
            Some(TOKEN),
            Some(&renamed),
        );
        assert_eq!(
            (dup.status, dup.body["put"].as_str()),
            (201, Some("stored")),
            "{backend}"
        );
        assert_eq!(dup.body["story"]["story_id"], "seed-again", "{backend}");

        // The seed's questions.
        let m = get(&format!("{base}/v1/ties/KOR?as_of=2025-02-11&missing=true"));
        assert_eq!(m.status, 200, "{backend}");
        let missing: Vec<&str> = m.body["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["partner"].as_str().unwrap())
            .collect();
        assert_eq!(missing, ["SYR"], "{backend}");
        assert_eq!(m.body["special"][0]["partner"], "PRK");
        let t = get(&format!("{base}/v1/ties/South%20Korea?as_of=2024-03-01"));
        let cuba = t.body["ties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["partner"] == "CUB")
            .unwrap()
            .clone();
        assert_eq!(cuba["status"], "established", "{backend}");
        let emb = get(&format!("{base}/v1/ties/KOR?as_of=2025-02-11")).body["embassies"].clone();
        assert!(
            emb.as_array().unwrap().iter().any(|e| e["host"] == "CUB"),
            "{backend}: {emb}"
        );
        let tl = get(&format!("{base}/v1/timeline/KOR/SYR"));
        let dates: Vec<&str> = tl.body["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["date"].as_str().unwrap())
            .collect();
        assert!(
            dates.len() >= 6 && dates.windows(2).all(|w| w[0] <= w[1]),
            "{backend}: {dates:?}"
        );
        // Issue 13: the store keeps each event's place and the API returns it.
        let damascus = tl.body["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"].as_str().unwrap().contains("visited Damascus"))
            .map(|e| e["location"].clone());
        let l = damascus.unwrap_or_else(|| panic!("{backend}: no Damascus visit"));
        assert_eq!(
            (&l["name"], &l["country"], &l["feature"]),
            (&"Damascus".into(), &"SYR".into(), &"city".into()),
            "{backend}: {l}"
        );
        assert!(
            l["lat"].as_f64().is_some() && l["geonames_id"].as_u64().is_some(),
            "{backend}: {l}"
        );
        let tl2 = get(&format!(
            "{base}/v1/timeline/KOR/SYR?from=2025-02-10&to=2025-02-11"
        ));
        // One event on those days, reported by "seed" and "seed-again".
        assert_eq!(tl2.body["events"].as_array().unwrap().len(), 2, "{backend}");
        let net = get(&format!(
            "{base}/v1/network/PRK?from=2024-12-01&to=2025-02-11"
        ));
        assert!(
            net.body["net_balance"].as_f64().unwrap() < 0.0,
            "{backend}: {:?}",
            net.body
        );
        let states = get(&format!("{base}/v1/states"));
        assert_eq!(states.body.as_array().unwrap().len(), 197);

        // Paging visits every event once.
        let mut seen = Vec::new();
        let mut url = format!("{base}/v1/events?limit=3");
        loop {
            let page = get(&url);
            assert_eq!(page.status, 200, "{backend}: {:?}", page.body);
            for e in page.body["events"].as_array().unwrap() {
                seen.push(e["id"].as_i64().unwrap());
            }
            match page.body["next_cursor"].as_str() {
                Some(c) => url = format!("{base}/v1/events?limit=3&cursor={c}"),
                None => break,
            }
        }
        // Two stories hold the seed's text ("seed" and "seed-again").
        assert_eq!(seen.len(), 2 * n, "{backend}");
        seen.dedup();
        assert_eq!(seen.len(), 2 * n, "{backend}: no event twice");
        let kor = get(&format!(
            "{base}/v1/events?source=KOR&cameo=04&from=2025-02-01&to=2025-02-28"
        ));
        assert!(kor.body["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["source_state"] == "KOR" && e["cameo"].as_str().unwrap().starts_with("04")));

        // A story with its events and spans, by id or hash.
        let s = get(&format!("{base}/v1/stories/seed"));
        assert_eq!(s.status, 200, "{backend}");
        assert_eq!(s.body["events"].as_array().unwrap().len(), n);
        assert!(s.body["events"][0]["spans"]["verb"].is_array());
        let hash = s.body["story"]["hash"].as_str().unwrap();
        assert_eq!(get(&format!("{base}/v1/stories/{hash}")).status, 200);
        assert_problem(
            &get(&format!("{base}/v1/stories/nope")),
            404,
            "unknown story",
        );
    }
}

#[test]
fn bad_input_gets_problems_never_a_crash() {
    let dir = std::env::temp_dir().join(format!("statecraft-api-{}-bad", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let base = start(Location::Dir(dir), Some(TOKEN));
    let cases: &[(&str, &str, Option<&str>, u16)] = &[
        ("GET", "/v1/ties/KOR?as_of=2025-13-45", None, 400),
        ("GET", "/v1/ties/KOR?as_of=yesterday", None, 400),
        ("GET", "/v1/ties/KOR?missing=maybe", None, 400),
        ("GET", "/v1/ties/ATLANTIS", None, 400),
        ("GET", "/v1/timeline/KOR/XXX", None, 400),
        ("GET", "/v1/timeline/KOR/SYR?from=2025-02-30", None, 400),
        (
            "GET",
            "/v1/network/PRK?from=2025-01-01&to=2024-01-01",
            None,
            400,
        ),
        (
            "GET",
            "/v1/timeline/KOR/SYR?from=2025-01-01&to=2024-01-01",
            None,
            400,
        ),
        (
            "POST",
            "/v1/code",
            Some(r#"{"id":"x","date":"0000-06-01","text":"Seoul met Damascus last year."}"#),
            400,
        ),
        (
            "POST",
            "/v1/code",
            Some(r#"{"id":"a\u0007b","date":"2025-02-11","text":"Seoul met Damascus."}"#),
            400,
        ),
        ("GET", "/v1/events?limit=0", None, 400),
        ("GET", "/v1/events?limit=100000", None, 400),
        ("GET", "/v1/events?cursor=abc", None, 400),
        ("GET", "/v1/events?source=Narnia", None, 400),
        ("GET", "/v1/events?cameo=04%25", None, 400),
        ("GET", "/v1/nothing-here", None, 404),
        ("DELETE", "/v1/stories", None, 405),
        ("POST", "/v1/code", Some("{not json"), 400),
        (
            "POST",
            "/v1/code",
            Some(r#"{"id":"x","date":"2025-02-11"}"#),
            400,
        ),
        (
            "POST",
            "/v1/code",
            Some(r#"{"id":"x","date":"someday","text":"Seoul met Damascus."}"#),
            400,
        ),
        (
            "POST",
            "/v1/code",
            Some(r#"{"id":"","date":"2025-02-11","text":"Seoul met Damascus."}"#),
            400,
        ),
        (
            "POST",
            "/v1/code",
            Some(r#"{"id":"x","date":"2025-02-11","text":"   "}"#),
            400,
        ),
        (
            "POST",
            "/v1/code",
            Some(r#"{"id":"x","date":"2025-02-11","text":"a","extra":1}"#),
            400,
        ),
        ("POST", "/v1/code", Some("[1,2,3]"), 400),
    ];
    for (method, path, body, status) in cases {
        let r = call(method, &format!("{base}{path}"), None, *body);
        assert_problem(&r, *status, &format!("{method} {path}"));
    }
    // Over the body limit: the server answers from the declared length,
    // before the body, so this client sends the headers only.
    let raw = too_large(&base, 400 * 1024);
    assert!(raw.starts_with("HTTP/1.1 413"), "{raw}");
    assert!(
        raw.to_lowercase()
            .contains("content-type: application/problem+json"),
        "{raw}"
    );
    // No content type.
    let r = ureq::post(&format!("{base}/v1/code")).send_string("{}");
    let r = match r {
        Err(ureq::Error::Status(_, r)) => r,
        other => panic!("{other:?}"),
    };
    assert_eq!(r.status(), 415);
    let problem: Value = r.into_json().unwrap();
    assert_eq!(problem["type"], "/problems/unsupported-media-type");
    // The server still answers.
    assert_eq!(get(&format!("{base}/healthz")).status, 200);
}

#[test]
fn writes_are_refused_without_a_configured_token() {
    let dir = std::env::temp_dir().join(format!("statecraft-api-{}-notoken", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let base = start(Location::Dir(dir), None);
    let r = call(
        "POST",
        &format!("{base}/v1/stories"),
        Some(""),
        Some(&seed_body()),
    );
    assert_problem(&r, 401, "no token configured");
    assert_eq!(
        get(&format!("{base}/v1/ties/KOR?missing=true&as_of=2025-02-11")).status,
        200
    );
}

#[test]
fn injection_attempts_change_nothing() {
    for (backend, location) in locations("api_injection") {
        let base = start(location.clone(), Some(TOKEN));
        let stored = call(
            "POST",
            &format!("{base}/v1/stories"),
            Some(TOKEN),
            Some(&seed_body()),
        );
        assert_eq!(stored.status, 201, "{backend}");
        let counts = || Store::open(&location).unwrap().counts().unwrap();
        let before = counts();
        let attacks = [
            "'; DROP TABLE events; --",
            "KOR' OR '1'='1",
            "1; DELETE FROM stories",
            "\" OR 1=1 --",
            "KOR') UNION SELECT * FROM stories --",
            "%' OR 1=1 --",
            "$1",
            "?",
        ];
        for a in attacks {
            let e = urlencode(a);
            for path in [
                format!("/v1/ties/{e}"),
                format!("/v1/ties/KOR?as_of={e}"),
                format!("/v1/ties/KOR?missing={e}"),
                format!("/v1/timeline/{e}/SYR"),
                format!("/v1/timeline/KOR/{e}"),
                format!("/v1/timeline/KOR/SYR?from={e}&to={e}"),
                format!("/v1/network/{e}"),
                format!("/v1/network/PRK?from={e}"),
                format!("/v1/events?source={e}"),
                format!("/v1/events?target={e}"),
                format!("/v1/events?cameo={e}"),
                format!("/v1/events?plover={e}"),
                format!("/v1/events?from={e}"),
                format!("/v1/events?limit={e}"),
                format!("/v1/events?cursor={e}"),
                format!("/v1/stories/{e}"),
            ] {
                let r = get(&format!("{base}{path}"));
                assert!(
                    matches!(r.status, 200 | 400 | 404),
                    "{backend} {path}: {} {:?}",
                    r.status,
                    r.body
                );
                // A filter that matched nothing returns no events.
                if path.starts_with("/v1/events?plover") {
                    assert_eq!(
                        r.body["events"].as_array().map(Vec::len),
                        Some(0),
                        "{backend} {path}"
                    );
                }
            }
            let body =
                json!({"id": a, "date": "2025-02-11", "text": format!("{a} Seoul met Damascus.")})
                    .to_string();
            let r = call("POST", &format!("{base}/v1/code"), None, Some(&body));
            assert_eq!(r.status, 200, "{backend}");
        }
        assert_eq!(counts(), before, "{backend}: nothing changed");
        let m = get(&format!("{base}/v1/ties/KOR?as_of=2025-02-11&missing=true"));
        assert_eq!(m.body["missing"][0]["partner"], "SYR", "{backend}");
    }
}

#[test]
fn openapi_document_lists_every_endpoint() {
    let dir = std::env::temp_dir().join(format!("statecraft-api-{}-openapi", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let base = start(Location::Dir(dir), None);
    let doc = get(&format!("{base}/openapi.json"));
    assert_eq!(doc.status, 200);
    let paths = doc.body["paths"].as_object().unwrap();
    for p in [
        "/healthz",
        "/v1/states",
        "/v1/ties/{state}",
        "/v1/timeline/{a}/{b}",
        "/v1/network/{state}",
        "/v1/events",
        "/v1/stories/{id}",
        "/v1/stories",
        "/v1/code",
    ] {
        assert!(paths.contains_key(p), "{p} missing from {:?}", paths.keys());
    }
    for schema in [
        "Tie",
        "Missing",
        "Network",
        "EventRecord",
        "Timeline",
        "Problem",
    ] {
        assert!(
            doc.body["components"]["schemas"][schema].is_object(),
            "{schema}"
        );
    }
    // The page and its assets are served, with no outside origins allowed.
    let page = ureq::get(&format!("{base}/")).call().unwrap();
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'self'"));
    assert!(page.into_string().unwrap().contains("/assets/app.js"));
    // The map's country outlines: JSON keyed by ISO alpha-3, with paths.
    let world = ureq::get(&format!("{base}/assets/world.json"))
        .call()
        .unwrap();
    assert_eq!(world.header("content-type"), Some("application/json"));
    let world: Value = world.into_json().unwrap();
    assert!(world["SYR"]["d"].as_str().unwrap().starts_with('M'));
    assert_eq!(world["CUB"]["name"], "Cuba");
    assert!(world.as_object().unwrap().len() > 170);
}

#[test]
fn cached_answers_follow_writes_from_other_processes() {
    for (backend, location) in locations("api_cache") {
        let base = start(location.clone(), Some(TOKEN));
        let url = format!("{base}/v1/ties/SAU?as_of=2024-06-01");
        let iran = |r: &Reply| {
            r.body["ties"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["partner"] == "IRN")
                .map(|t| t["status"].as_str().unwrap().to_string())
        };
        assert_eq!(iran(&get(&url)), None, "{backend}");
        assert_eq!(iran(&get(&url)), None, "{backend}: now cached");
        // Another writer (as `statecraft import` would be) changes the store.
        let csv = std::fs::read(root().join("crates/world/tests/data/relations.csv")).unwrap();
        let facts = statecraft_world::import::read_csv(
            &csv,
            "relations.csv",
            statecraft_world::States::bundled(),
        )
        .unwrap();
        Store::open(&location)
            .unwrap()
            .import("csv", "relations.csv", &csv, &facts)
            .unwrap();
        assert_eq!(iran(&get(&url)).as_deref(), Some("restored"), "{backend}");
        let net = get(&format!(
            "{base}/v1/network/SAU?from=2015-01-01&to=2024-06-01"
        ));
        assert_eq!(net.body["gained"][0]["partner"], "IRN", "{backend}");
    }
}

#[test]
fn slow_requests_time_out_with_a_problem() {
    let dir = std::env::temp_dir().join(format!("statecraft-api-{}-timeout", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut config = Config::new(Location::Dir(dir));
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.timeout = std::time::Duration::from_millis(50);
    let base = format!(
        "http://{}",
        statecraft_server::spawn(&config).unwrap().detach()
    );
    // 14,000 sentences to code: far more than 50 ms of work (about half a
    // second in a release build).
    let text = "South Korea and Cuba signed an agreement on trade in Havana. ".repeat(14_000);
    let body = json!({"id": "slow", "date": "2025-02-11", "text": text}).to_string();
    let r = call("POST", &format!("{base}/v1/code"), None, Some(&body));
    assert_problem(&r, 408, "slow request");
    assert_eq!(get(&format!("{base}/healthz")).status, 200);
}

#[test]
fn concurrent_writers_lose_and_duplicate_nothing() {
    for (backend, location) in locations("api_concurrent") {
        let base = start(location.clone(), Some(TOKEN));
        let before = Store::open(&location).unwrap().counts().unwrap().0;
        let writers: Vec<_> = (0..8)
            .map(|c| {
                let base = base.clone();
                std::thread::spawn(move || {
                    for k in 0..10 {
                        let body = json!({
                            "id": format!("w{c}-{k}"),
                            "date": "2025-02-11",
                            "text": format!("Writer {c} story {k}: Seoul praised Havana. Cuba thanked South Korea."),
                        })
                        .to_string();
                        // Every third story is sent twice.
                        for _ in 0..(1 + usize::from(k % 3 == 0)) {
                            let r = call("POST", &format!("{base}/v1/stories"), Some(TOKEN), Some(&body));
                            assert!(matches!(r.status, 200 | 201), "{:?}", r.body);
                        }
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        let mut store = Store::open(&location).unwrap();
        assert_eq!(store.counts().unwrap().0 - before, 80, "{backend}");
        for c in 0..8 {
            for k in 0..10 {
                assert!(
                    store.story(&format!("w{c}-{k}")).unwrap().is_some(),
                    "{backend}"
                );
            }
        }
        assert!(store.incomplete_stories().unwrap().is_empty(), "{backend}");
    }
}
