//! Reading stories for statecraft: readers for the input formats,
//! sentence splitting, tokenisation and calendar dates.
//!
//! Data flows one way: bytes → [`read`] → [`Batch`] of [`Story`] items →
//! [`split_sentences`] → [`tokenize`]; [`find_dates`] resolves the date
//! expressions of a sentence. Nothing here does I/O; callers hand in bytes.

mod fold;
pub mod read;
mod sentence;
mod story;
mod token;
pub mod when;

pub use fold::{fold, fold_char};
pub use read::decode_legacy;
pub use sentence::{split_sentences, SentenceSpan};
pub use statecraft_types::{month_from_name, Date, Precision, TWO_DIGIT_YEAR_PIVOT};
pub use story::{
    escape, Batch, Diagnostic, Directive, Environment, Item, Layout, Origin, Severity, Story,
    MAX_ID_CHARS,
};
pub use token::{is_all_caps, tokenize, Token, TokenKind};
pub use when::{find_dates, weekday_from_name, DateExpr};
