//! `statecraft parse`: stories to CoNLL-U; `statecraft syntax train` and
//! `statecraft syntax eval`: the parser's model from the UD treebanks, and
//! its scores on them.

use crate::code::InputFormat;
use crate::input::Source;
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use statecraft_syntax::conllu::{self, Sentence};
use statecraft_syntax::score::{self, Doc, Scores};
use statecraft_syntax::train::Config;
use statecraft_syntax::{Model, Parse};
use statecraft_text::read::Input;
use statecraft_text::{Diagnostic, Item, Layout, Severity};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Args)]
pub struct ParseArgs {
    /// Story files; standard input when none is given.
    files: Vec<PathBuf>,
    /// Input format (detected when omitted).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// A model file instead of the built-in model.
    #[arg(long)]
    model: Option<PathBuf>,
}

#[derive(Args)]
pub struct SyntaxArgs {
    #[command(subcommand)]
    command: SyntaxCommand,
}

#[derive(Subcommand)]
enum SyntaxCommand {
    /// Train the tagger, parser and lemmatiser on UD English EWT and GUM.
    Train(TrainArgs),
    /// Score a model on the treebanks' dev and test sets.
    Eval(EvalArgs),
}

#[derive(Args)]
struct TrainArgs {
    /// The treebank folder: `en_ewt-ud-*.conllu` and `gum-cc-by/`.
    #[arg(long, default_value = "../shared/treebank")]
    treebank: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "data/models/en-ud.model")]
    out: PathBuf,
    /// Train on the first N training sentences only (for quick checks).
    #[arg(long)]
    slice: Option<usize>,
    /// Passes of the tagger over the training set.
    #[arg(long, default_value_t = Config::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Passes of the parser over the training set.
    #[arg(long, default_value_t = Config::default().parser_epochs)]
    parser_epochs: usize,
    /// Jackknife folds that give the parser predicted tags to train on.
    #[arg(long, default_value_t = Config::default().folds)]
    folds: usize,
    /// Parser features met fewer times than this on the gold paths are
    /// not learnt.
    #[arg(long, default_value_t = Config::default().min_count)]
    min_count: u32,
    /// Parsers trained with different seeds and summed into one model.
    #[arg(long, default_value_t = Config::default().parsers)]
    parsers: usize,
    /// Taggers trained with different seeds and summed into one model.
    #[arg(long, default_value_t = Config::default().taggers)]
    taggers: usize,
}

#[derive(Args)]
struct EvalArgs {
    /// The treebank folder: `en_ewt-ud-*.conllu` and `gum-cc-by/`.
    #[arg(long, default_value = "../shared/treebank")]
    treebank: PathBuf,
    /// A model file instead of the built-in model.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Sets to score: ewt-dev, ewt-test, gum-dev, gum-test, gum-news-test.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "ewt-dev,ewt-test,gum-dev,gum-test,gum-news-test"
    )]
    sets: Vec<String>,
}

pub fn syntax(args: SyntaxArgs) -> Result<bool> {
    match args.command {
        SyntaxCommand::Train(a) => train(a),
        SyntaxCommand::Eval(a) => eval(a),
    }
}

fn load_model(path: Option<&Path>) -> Result<std::borrow::Cow<'static, Model>> {
    Ok(match path {
        None => std::borrow::Cow::Borrowed(Model::builtin()),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            let model = Model::from_bytes(&bytes).with_context(|| format!("{}", p.display()))?;
            std::borrow::Cow::Owned(model)
        }
    })
}

/// `statecraft parse`: every story's sentences as CoNLL-U, one document a
/// story. Returns `Ok(true)` when no error diagnostic was raised.
pub fn parse(args: ParseArgs) -> Result<bool> {
    let model = load_model(args.model.as_deref())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut clean = true;
    let mut opened = true;
    for source in Source::each(&args.files, args.input_format, &mut opened) {
        for item in source.stream() {
            match item {
                Input::Diagnostic(d) => {
                    eprintln!("{d}");
                    clean &= d.severity != Severity::Error;
                }
                Input::Item(Item::Story(story)) => {
                    let mut sentences = Vec::new();
                    if let Some(title) = story.title.as_deref() {
                        for p in model.analyze(title) {
                            sentences.push((p, title));
                        }
                    }
                    let parses = match story.layout {
                        Layout::Prose => model.analyze(&story.text),
                        Layout::Sentence => vec![model.parse(&story.text)],
                    };
                    sentences.extend(parses.into_iter().map(|p| (p, story.text.as_str())));
                    write_story(&story.id, &sentences, &mut out, &mut |n, p| {
                        let cuts: Vec<String> =
                            p.cuts().iter().map(|c| (c + 1).to_string()).collect();
                        eprintln!(
                            "{}",
                            Diagnostic::warning(
                                &story.origin,
                                Some(&story.id),
                                format!(
                                    "sentence {n} has {} words, more than {}: parsed in pieces cut after words {}",
                                    p.len(),
                                    statecraft_syntax::MAX_WORDS,
                                    cuts.join(", ")
                                ),
                            )
                        );
                    })?;
                }
                Input::Item(Item::Directive(..)) | Input::Environment(_) => {}
            }
        }
    }
    out.flush()?;
    Ok(clean && opened)
}

/// Writes one story's parses; `cut` hears of each sentence parsed in
/// pieces (its 1-based number).
fn write_story(
    id: &str,
    sentences: &[(Parse, &str)],
    out: &mut impl Write,
    cut: &mut dyn FnMut(usize, &Parse),
) -> Result<()> {
    let id = id.replace(char::is_whitespace, "_");
    for (n, (p, text)) in sentences.iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        if !p.cuts().is_empty() {
            cut(n + 1, p);
        }
        let mut s = p.to_conllu(&format!("{id}-{}", n + 1), text);
        if n == 0 {
            s.newdoc = true;
        }
        out.write_all(conllu::write(std::slice::from_ref(&s)).as_bytes())?;
    }
    Ok(())
}

fn read_conllu(path: &Path) -> Result<Vec<Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    conllu::read(&text).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))
}

/// The documents of GUM's `files.{split}` list that the folder holds
/// (only its openly licensed ones), in list order; `news` keeps only the
/// news documents.
fn gum(treebank: &Path, split: &str, news: bool) -> Result<Vec<Sentence>> {
    let dir = treebank.join("gum-cc-by");
    let list_path = dir.join(format!("files.{split}"));
    let list = std::fs::read_to_string(&list_path)
        .with_context(|| format!("cannot read {}", list_path.display()))?;
    let mut out = Vec::new();
    for name in list.split_whitespace() {
        if news && !name.starts_with("GUM_news_") {
            continue;
        }
        let p = dir.join(format!("{name}.conllu"));
        if p.exists() {
            out.extend(read_conllu(&p)?);
        }
    }
    Ok(out)
}

/// A treebank set by name.
fn set(treebank: &Path, name: &str) -> Result<Vec<Sentence>> {
    Ok(match name {
        "ewt-train" | "ewt-dev" | "ewt-test" => {
            read_conllu(&treebank.join(format!("en_ewt-ud-{}.conllu", &name[4..])))?
        }
        "gum-train" | "gum-dev" | "gum-test" => gum(treebank, &name[4..], false)?,
        "gum-news-dev" | "gum-news-test" => gum(treebank, &name[9..], true)?,
        _ => bail!("unknown set `{name}`"),
    })
}

fn train(args: TrainArgs) -> Result<bool> {
    let t = Instant::now();
    let mut sentences = set(&args.treebank, "ewt-train")?;
    sentences.extend(set(&args.treebank, "gum-train")?);
    if let Some(n) = args.slice {
        sentences.truncate(n);
    }
    let dev = set(&args.treebank, "ewt-dev")?;
    let config = Config {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        folds: args.folds,
        min_count: args.min_count,
        parsers: args.parsers,
        taggers: args.taggers,
        ..Config::default()
    };
    let model = Model::train(&sentences, &dev, &config, &mut |line| {
        eprintln!("[{:>4.0} s] {line}", t.elapsed().as_secs_f64());
    })?;
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "[{:>4.0} s] wrote {} ({} bytes)",
        t.elapsed().as_secs_f64(),
        args.out.display(),
        bytes.len()
    );
    Ok(true)
}

fn eval(args: EvalArgs) -> Result<bool> {
    let t = Instant::now();
    let model = load_model(args.model.as_deref())?;
    eprintln!("model loaded in {:.3} s", t.elapsed().as_secs_f64());
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{:<14} {:>7} | gold tokens: {:>6} {:>6} {:>6} | raw text: {:>6} {:>6} {:>6} {:>6} {:>6}",
        "set", "words", "UPOS", "UAS", "LAS", "Tokens", "Sents", "UPOS", "UAS", "LAS"
    )?;
    for name in &args.sets {
        let gold = set(&args.treebank, name)?;
        let (gold_tok, raw) = scores(&model, &gold);
        let pc = |x: f64| format!("{:.2}", 100.0 * x);
        writeln!(
            out,
            "{:<14} {:>7} | gold tokens: {:>6} {:>6} {:>6} | raw text: {:>6} {:>6} {:>6} {:>6} {:>6}",
            name,
            gold_tok.words.gold,
            pc(gold_tok.upos.f1()),
            pc(gold_tok.uas.f1()),
            pc(gold_tok.las.f1()),
            pc(raw.tokens.f1()),
            pc(raw.sentences.f1()),
            pc(raw.upos.f1()),
            pc(raw.uas.f1()),
            pc(raw.las.f1()),
        )?;
    }
    Ok(true)
}

/// A set's scores with gold tokens and sentences, and from its raw text.
fn scores(model: &Model, gold: &[Sentence]) -> (Scores, Scores) {
    let (text, gold_doc) = Doc::from_conllu(gold);
    // Gold tokens: each sentence's words, with the spans the raw text
    // gives them.
    let mut system = Doc::default();
    for (s, g) in gold.iter().zip(&gold_doc.sentences) {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let p = model.parse_words(&words);
        let mut sent = g.clone();
        for (sw, w) in sent.iter_mut().zip(p.words()) {
            sw.upos = w.upos.name().to_string();
            sw.head = w.head.map_or(0, |h| h + 1);
            sw.deprel = w.deprel.to_string();
        }
        system.sentences.push(sent);
    }
    let gold_tok = score::score(&text, &gold_doc, &system);
    let raw = score::score(
        &text,
        &gold_doc,
        &Doc::from_parses(&text, &model.analyze(&text)),
    );
    (gold_tok, raw)
}
