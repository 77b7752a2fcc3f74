//! Loads dictionary files and reports counts, errors and timings:
//! `cargo run --release -p statecraft-dict --example load -- [tabari|petrarch|bundled] FILES...`
use statecraft_dict::{bundled, decode, Dialect, Loader};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let t = Instant::now();
    let (dict, errors) = if args.first().map(String::as_str) == Some("bundled") {
        bundled()
    } else {
        let dialect = if args.first().map(String::as_str) == Some("tabari") {
            Dialect::Tabari
        } else {
            Dialect::Petrarch
        };
        let mut l = Loader::new();
        for f in &args[1..] {
            let text = decode(&std::fs::read(f).expect("read"));
            if f.contains("verb") {
                l.verbs(&text, f, dialect);
            } else if f.contains("agent") {
                l.agents(&text, f, dialect);
            } else if f.contains("discard") {
                l.discards(&text, f);
            } else if f.contains("ssue") {
                l.issues(&text, f);
            } else if f.contains("option") {
                l.options(&text, f);
            } else {
                l.actors(&text, f, dialect);
            }
        }
        l.finish()
    };
    let parsed = t.elapsed();
    let ix = dict.index();
    println!(
        "actors {} agents {} verbs {} blocks {} patterns {} synsets {} nouns {} adj {} discards {} issues {} options {} | index {} | parse {:?} total {:?}",
        dict.actors.len(), dict.agents.len(), dict.verbs.len(), dict.blocks.len(),
        dict.blocks.iter().map(|b| b.patterns.len()).sum::<usize>(), dict.synsets.len(), dict.nouns.len(),
        dict.adjectives.len(), dict.discards.len(), dict.issues.len(), dict.options.len(), ix.len(), parsed, t.elapsed()
    );
    for e in errors.iter().take(40) {
        println!("{e}");
    }
    println!("{} errors", errors.len());
}
