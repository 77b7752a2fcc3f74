//! What readers produce: stories, option directives and diagnostics.

use crate::Date;
use std::fmt;
use std::path::PathBuf;

/// Where something came from: a file label and a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// File name as given by the caller (`-` or `<stdin>` for standard input).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
}

/// How a story's text is cut into coding units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Running prose: split into sentences before coding.
    Prose,
    /// Already one sentence (a TABARI record or a PETRARCH `<Sentence>`):
    /// coded as a single unit, as those tools do.
    Sentence,
}

/// One story to code.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Identifier, unique within a batch by convention.
    pub id: String,
    /// Publication date; the reference for date-restricted codes.
    pub date: Date,
    /// Headline, when the format has one.
    pub title: Option<String>,
    /// Body text.
    pub text: String,
    /// Where the story starts.
    pub origin: Origin,
    /// How to cut `text` into sentences.
    pub layout: Layout,
}

impl Story {
    /// A story made in code rather than read from a file: no headline, and
    /// an origin of `-`, line 1.
    ///
    /// ```
    /// use statecraft_text::{Date, Layout, Story};
    /// let s = Story::new("demo", Date::from_ymd(2025, 2, 11).unwrap(), "Seoul weighs ties.", Layout::Prose);
    /// assert_eq!((s.id.as_str(), s.origin.line), ("demo", 1));
    /// ```
    pub fn new(
        id: impl Into<String>,
        date: Date,
        text: impl Into<String>,
        layout: Layout,
    ) -> Story {
        Story {
            id: id.into(),
            date,
            title: None,
            text: text.into(),
            origin: Origin {
                file: "-".into(),
                line: 1,
            },
            layout,
        }
    }
}

/// Identifiers longer than this many characters are refused.
pub const MAX_ID_CHARS: usize = 200;

impl Story {
    /// What makes the story unfit to code or store, if anything: the one
    /// rule every reader, the API and the store apply.
    /// - the identifier is 1 to [`MAX_ID_CHARS`] characters, none of them
    ///   control characters (tabs and escapes would forge output lines);
    /// - no NUL character anywhere (PostgreSQL cannot store one, and a
    ///   store must answer the same on either backend);
    /// - the text is at most [`MAX_STORY_BYTES`](crate::read::MAX_STORY_BYTES)
    ///   and not blank.
    ///
    /// ```
    /// use statecraft_text::{Date, Layout, Story};
    /// let d = Date::from_ymd(2025, 2, 11).unwrap();
    /// assert!(Story::new("a", d, "Seoul met Damascus.", Layout::Prose).check().is_ok());
    /// assert!(Story::new("a", d, "Seoul\0met", Layout::Prose).check().is_err());
    /// assert!(Story::new("a\tb", d, "Seoul met.", Layout::Prose).check().is_err());
    /// assert!(Story::new("a".repeat(201), d, "Seoul met.", Layout::Prose).check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), String> {
        let id_chars = self.id.chars().count();
        if self.id.trim().is_empty() {
            return Err("the identifier is empty".into());
        }
        if id_chars > MAX_ID_CHARS {
            return Err(format!(
                "the identifier is {id_chars} characters long, over the {MAX_ID_CHARS} allowed"
            ));
        }
        if self.id.chars().any(char::is_control) {
            return Err("the identifier holds control characters".into());
        }
        if self.text.contains('\0') || self.title.as_deref().is_some_and(|t| t.contains('\0')) {
            return Err("the text holds a NUL character".into());
        }
        if self.text.len() > crate::read::MAX_STORY_BYTES {
            return Err(format!(
                "the text is {} bytes long, over the {} byte limit",
                self.text.len(),
                crate::read::MAX_STORY_BYTES
            ));
        }
        if self.text.trim().is_empty() {
            return Err("the text is empty".into());
        }
        Ok(())
    }
}

/// `s` with control characters written as escapes (`\t`, `\u{1b}`), so
/// an identifier or file name from the input cannot forge lines, columns
/// or terminal colours in output meant for people or TSV tools.
///
/// ```
/// assert_eq!(statecraft_text::escape("a\tb\u{1b}[31m"), "a\\tb\\u{1b}[31m");
/// assert_eq!(statecraft_text::escape("Seoul"), "Seoul");
/// ```
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || c == '\\') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.extend(c.escape_debug()),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// An option switch found inside an input file, applied to the stories
/// that follow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Directive {
    /// A TABARI `.options` command line, e.g. `SET: CODE BY SENTENCE`,
    /// from an inline `{ OPTION: ... }` block.
    Tabari(String),
    /// A PETRARCH `<Config option=.. value=..>` element.
    Petrarch {
        /// Option name, e.g. `require_dyad`.
        option: String,
        /// Option value as written.
        value: String,
    },
}

/// An element of a batch, in input order.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A story to code.
    Story(Story),
    /// An option change for the stories after it.
    Directive(Directive, Origin),
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Input was repaired and coded anyway (e.g. a 7-digit TABARI date).
    Warning,
    /// Input could not be read; the story (or the rest of a file) was skipped.
    Error,
}

/// A problem with the input, reported without stopping the batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// File label.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// The story concerned, when known.
    pub story: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// An error at `origin`.
    pub fn error(origin: &Origin, story: Option<&str>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: origin.file.clone(),
            line: origin.line,
            story: story.map(str::to_string),
            message: message.into(),
        }
    }

    /// A warning at `origin`.
    pub fn warning(origin: &Origin, story: Option<&str>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(origin, story, message)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {kind}", escape(&self.file), self.line)?;
        if let Some(id) = &self.story {
            write!(f, " [story {}]", escape(id))?;
        }
        write!(f, ": {}", escape(&self.message))
    }
}

/// Dictionaries, options and texts named by a TABARI `.project` file or a
/// PETRARCH `<Environment>`; paths are already resolved against the file
/// that named them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// Actor dictionaries.
    pub actors: Vec<PathBuf>,
    /// Verb dictionaries (TABARI `.verbs` or PETRARCH verb patterns).
    pub verbs: Vec<PathBuf>,
    /// Agent dictionaries.
    pub agents: Vec<PathBuf>,
    /// Discard lists.
    pub discards: Vec<PathBuf>,
    /// Issue dictionaries.
    pub issues: Vec<PathBuf>,
    /// TABARI `.options` files.
    pub options: Vec<PathBuf>,
    /// Text files to code (TABARI projects).
    pub texts: Vec<PathBuf>,
    /// Whether the dictionaries follow PETRARCH conventions.
    pub petrarch: bool,
}

/// Everything read from one input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// Stories and directives in input order.
    pub items: Vec<Item>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// Dictionaries and options the input asks for, if any.
    pub environment: Option<Environment>,
}

impl Batch {
    /// The stories, skipping directives.
    pub fn stories(&self) -> impl Iterator<Item = &Story> {
        self.items.iter().filter_map(|i| match i {
            Item::Story(s) => Some(s),
            Item::Directive(..) => None,
        })
    }
}
