//! How coded events change the model. The rules, in full (ARCHITECTURE.md
//! repeats them):
//!
//! 1. Only events that happened count. Intentions ("plans to establish
//!    ties"), hypotheticals and negations change nothing.
//! 2. Source and target must be two different states (actor codes whose
//!    first three letters are a state's CAMEO code).
//! 3. The evidence sentence must say what changed, and the CAMEO code must
//!    point the same way:
//!    - *established*: "establish…", "establishment of" or "normaliz…" with
//!      "ties" or "relations", and a cooperative code (roots 04–06);
//!    - *restored*: "restor…", "resum…", "re-establish…" or "renew…" with
//!      "ties" or "relations", and a cooperative code;
//!    - *severed*: "sever…", "break/broke off", "cut (off) … ties" or
//!      "rupture" with "ties" or "relations", and root 16 (reduce relations);
//!    - *suspended*: "suspend…" with "ties" or "relations", and root 16;
//!    - *embassy opened* (by the source, in the target): "open…" with
//!      "embassy", and a cooperative code;
//!    - *embassy closed*: "clos…" or "shut…" with "embassy", and root 16.
//! 4. The change takes effect on the event's date (its first day when only
//!    the month is known), as a "since" fact whose provenance is the event.
//!
//! ```
//! use statecraft_world::{rules, Status};
//! let s = "The situation bears similarities to South Korea's secret negotiations \
//!          with Cuba, which led to the surprise establishment of diplomatic ties in February 2024.";
//! assert_eq!(rules::effect("050", None, s), Some(rules::Effect::Tie(Status::Established)));
//! // An intention changes nothing.
//! assert_eq!(rules::effect("032", Some("intended"), s), None);
//! ```

use crate::Status;

/// What an event does to the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The dyad's status becomes this.
    Tie(Status),
    /// The source opened (true) or closed (false) its embassy in the target.
    Embassy(bool),
}

/// The effect of an event with CAMEO code `cameo`, `modality` (as the coder
/// gives it) and evidence sentence `sentence`, if any.
pub fn effect(cameo: &str, modality: Option<&str>, sentence: &str) -> Option<Effect> {
    if modality.is_some() {
        return None;
    }
    let root = cameo.get(..2)?;
    let cooperative = matches!(root, "04" | "05" | "06");
    let reducing = root == "16";
    if !(cooperative || reducing) {
        return None;
    }
    let s = sentence.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    let ties = has(&["ties", "relations"]);
    if has(&["embassy", "embassies"]) {
        if cooperative && has(&["open"]) {
            return Some(Effect::Embassy(true));
        }
        if reducing && has(&["clos", "shut"]) {
            return Some(Effect::Embassy(false));
        }
    }
    if !ties {
        return None;
    }
    if cooperative {
        if has(&["restor", "resum", "re-establish", "reestablish", "renew"]) {
            return Some(Effect::Tie(Status::Restored));
        }
        if has(&["establish", "normaliz", "normalis"]) {
            return Some(Effect::Tie(Status::Established));
        }
    }
    if reducing {
        if has(&["suspend"]) {
            return Some(Effect::Tie(Status::Suspended));
        }
        if has(&[
            "sever",
            "break off",
            "broke off",
            "breaking off",
            "broken off",
            "cut ",
            "rupture",
        ]) {
            return Some(Effect::Tie(Status::Severed));
        }
    }
    None
}
