//! Evaluates tokenisation and sentence splitting on UD English treebanks:
//! builds each set's raw text as the CoNLL 2018 shared task does, runs
//! `tokenize` + `split` on it and prints Tokens / Words / Sentences F1.
//!
//! ```text
//! cargo run --release -p statecraft-syntax --example segment_eval -- \
//!     [--data DIR] [--sets ewt-train,ewt-dev,gum-train,gum-dev] \
//!     [--errors tokens|sentences] [--limit N] [--speed]
//! ```
//!
//! `--data` is the folder with `en_ewt-ud-*.conllu` and `gum-cc-by/`
//! (default `/work/shared/treebank`); GUM sets are the documents of
//! `gum-cc-by/files.{train,dev,test}` that the folder holds, concatenated
//! in list order, each opening a paragraph. `--errors` prints mismatches
//! in context (at most `--limit`, default 200), `--speed` times the
//! tokenizer and splitter. `--write DIR` writes `gold.conllu` and
//! `system.conllu` of each set into DIR (the system with made-up tags and
//! heads: each word on the one before) and prints all our measures of the
//! pair, to check them against the official `conll18_ud_eval.py`.

use statecraft_syntax::conllu::{self, Sentence};
use statecraft_syntax::score::{score, Doc, ScoredWord};
use statecraft_syntax::split::split;
use statecraft_syntax::tokenize::tokenize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let mut data = PathBuf::from("/work/shared/treebank");
    let mut sets = "ewt-train,ewt-dev,gum-train,gum-dev".to_string();
    let mut errors = None;
    let mut limit = 200usize;
    let mut speed = false;
    let mut write = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = PathBuf::from(args.next().expect("--data DIR")),
            "--sets" => sets = args.next().expect("--sets LIST"),
            "--errors" => errors = Some(args.next().expect("--errors tokens|sentences")),
            "--limit" => limit = args.next().and_then(|n| n.parse().ok()).expect("--limit N"),
            "--speed" => speed = true,
            "--write" => write = Some(PathBuf::from(args.next().expect("--write DIR"))),
            _ => {
                eprintln!("usage: segment_eval [--data DIR] [--sets LIST] [--errors tokens|sentences] [--limit N] [--speed]");
                std::process::exit(2);
            }
        }
    }
    println!(
        "{:<10} {:>8} {:>8} {:>7} {:>8} {:>8} {:>7} {:>7} {:>7} {:>7}",
        "set", "tokens", "system", "F1", "words", "system", "F1", "sents", "system", "F1"
    );
    for set in sets.split(',') {
        let sentences = load(&data, set);
        let (text, gold) = Doc::from_conllu(&sentences);
        let mut words = Vec::new();
        tokenize(&text, &mut words);
        let ranges = split(&text, &words);
        let system = Doc::from_pieces(&text, &words, &ranges);
        let s = score(&text, &gold, &system);
        println!(
            "{set:<10} {:>8} {:>8} {:>7.2} {:>8} {:>8} {:>7.2} {:>7} {:>7} {:>7.2}",
            s.tokens.gold,
            s.tokens.system,
            100.0 * s.tokens.f1(),
            s.words.gold,
            s.words.system,
            100.0 * s.words.f1(),
            s.sentences.gold,
            s.sentences.system,
            100.0 * s.sentences.f1()
        );
        match errors.as_deref() {
            Some("tokens") => token_errors(&text, &gold, &system, limit),
            Some("sentences") => sentence_errors(&text, &gold, &system, limit),
            _ => {}
        }
        if speed {
            time(&text);
        }
        if let Some(dir) = &write {
            let mut system = system;
            for sent in &mut system.sentences {
                for (i, w) in sent.iter_mut().enumerate() {
                    let punct = w.form.chars().all(|c| c.is_ascii_punctuation());
                    w.upos = if punct { "PUNCT" } else { "X" }.to_string();
                    w.deprel = if i == 0 {
                        "root"
                    } else if punct {
                        "punct"
                    } else {
                        "dep:x"
                    }
                    .to_string();
                    w.head = i;
                }
            }
            std::fs::create_dir_all(dir).expect("--write DIR");
            std::fs::write(dir.join(format!("{set}-gold.conllu")), to_conllu(&gold))
                .expect("write");
            std::fs::write(dir.join(format!("{set}-system.conllu")), to_conllu(&system))
                .expect("write");
            print!("{}", score(&text, &gold, &system));
        }
    }
}

/// Reads the sentences of one set.
fn load(data: &Path, set: &str) -> Vec<Sentence> {
    let read = |p: &Path| -> Vec<Sentence> {
        let t = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        conllu::read(&t).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let (corpus, part) = set.split_once('-').expect("sets are ewt-PART or gum-PART");
    match corpus {
        "ewt" => read(&data.join(format!("en_ewt-ud-{part}.conllu"))),
        "gum" => {
            let dir = data.join("gum-cc-by");
            let list =
                std::fs::read_to_string(dir.join(format!("files.{part}"))).expect("GUM file list");
            let mut out = Vec::new();
            for name in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let p = dir.join(format!("{name}.conllu"));
                if p.exists() {
                    let mut doc = read(&p);
                    if let Some(first) = doc.first_mut() {
                        first.newpar = true;
                        first.newdoc = true;
                    }
                    out.extend(doc);
                }
            }
            out
        }
        _ => panic!("unknown corpus {corpus}"),
    }
}

/// The char spans of a document's tokens, each with its words' forms.
fn token_spans(doc: &Doc) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut last = usize::MAX;
    for w in doc.sentences.iter().flatten() {
        if w.token == last {
            if let Some(t) = out.last_mut() {
                t.1 = t.1.max(w.end);
                t.2.push('+');
                t.2.push_str(&w.form);
            }
        } else {
            out.push((w.start, w.end, w.form.clone()));
            last = w.token;
        }
    }
    out
}

/// Prints the places where the tokens (or their words) differ.
fn token_errors(text: &str, gold: &Doc, system: &Doc, limit: usize) {
    let g = token_spans(gold);
    let s = token_spans(system);
    let (mut gi, mut si, mut shown) = (0, 0, 0);
    while gi < g.len() && si < s.len() && shown < limit {
        if g[gi] == s[si] {
            gi += 1;
            si += 1;
            continue;
        }
        // Extend both sides to a common end.
        let (g0, s0) = (gi, si);
        let (mut ge, mut se) = (g[gi].1, s[si].1);
        gi += 1;
        si += 1;
        while ge != se {
            if ge < se && gi < g.len() {
                ge = g[gi].1;
                gi += 1;
            } else if si < s.len() {
                se = s[si].1;
                si += 1;
            } else {
                break;
            }
        }
        let join = |t: &[(usize, usize, String)]| {
            t.iter()
                .map(|x| x.2.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let ctx = context(text, g[g0].0.min(s[s0].0), ge.max(se));
        println!(
            "  gold [{}]  system [{}]   in: {ctx}",
            join(&g[g0..gi]),
            join(&s[s0..si])
        );
        shown += 1;
    }
}

/// Prints the sentence ends one side has and the other lacks.
fn sentence_errors(text: &str, gold: &Doc, system: &Doc, limit: usize) {
    let ends = |d: &Doc| -> BTreeSet<usize> {
        d.sentences
            .iter()
            .filter_map(|s| s.last().map(|w: &ScoredWord| w.end))
            .collect()
    };
    let (g, s) = (ends(gold), ends(system));
    for e in g.symmetric_difference(&s).take(limit) {
        let kind = if g.contains(e) {
            "missed  "
        } else {
            "spurious"
        };
        println!("  {kind} {}", context(text, *e, *e));
    }
    println!(
        "  missed {} spurious {}",
        g.difference(&s).count(),
        s.difference(&g).count()
    );
}

/// The text around char span `[a, b)`, with `‖` at `b`.
fn context(text: &str, a: usize, b: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lo = a.saturating_sub(40);
    let hi = (b + 40).min(chars.len());
    let left: String = chars[lo..b.min(chars.len())].iter().collect();
    let right: String = chars[b.min(chars.len())..hi].iter().collect();
    format!("{}‖{}", left, right).replace('\n', "¶")
}

/// A document as CoNLL-U: multiword tokens from words sharing a token.
fn to_conllu(doc: &Doc) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for sent in &doc.sentences {
        let mut k = 0;
        while k < sent.len() {
            let mut last = k;
            while last + 1 < sent.len() && sent[last + 1].token == sent[k].token {
                last += 1;
            }
            if last > k {
                let form: String = sent[k..=last].iter().map(|w| w.form.as_str()).collect();
                let _ = writeln!(
                    out,
                    "{}-{}\t{form}\t_\t_\t_\t_\t_\t_\t_\t_",
                    k + 1,
                    last + 1
                );
            }
            for (i, w) in sent.iter().enumerate().take(last + 1).skip(k) {
                let _ = writeln!(
                    out,
                    "{}\t{}\t_\t{}\t_\t_\t{}\t{}\t_\t_",
                    i + 1,
                    w.form,
                    w.upos,
                    w.head,
                    w.deprel
                );
            }
            k = last + 1;
        }
        out.push('\n');
    }
    out
}

/// Times the tokenizer and the splitter on `text`.
fn time(text: &str) {
    let mut words = Vec::new();
    let rounds = 20;
    let t = Instant::now();
    for _ in 0..rounds {
        words.clear();
        tokenize(text, &mut words);
    }
    let tok = t.elapsed().as_secs_f64() / rounds as f64;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        n += split(text, &words).len();
    }
    let spl = t.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "  speed: {} words, {} bytes: tokenize {:.1} M words/s ({:.0} MB/s), split {:.1} M words/s ({} sentences)",
        words.len(),
        text.len(),
        words.len() as f64 / tok / 1e6,
        text.len() as f64 / tok / 1e6,
        words.len() as f64 / spl / 1e6,
        n / rounds
    );
}
