//! Stage doers (statecraft reading): a noun naming the doer of an act
//! ("the kidnappers of two French reporters") is an event of that actor on
//! the one it acted on; see [`crate::doers`].

use super::bind::Ctx;
use super::pairs::Act;
use super::RawEvent;

impl Ctx<'_> {
    /// The events doer nouns tell of: each unit whose last word is a doer
    /// noun acts on the unit the parse gives as its "of" phrase or owner.
    pub(super) fn doers(&self) -> Vec<RawEvent> {
        let Some(grammar) = self.grammar.filter(|_| self.opts.statecraft) else {
            return Vec::new();
        };
        let mut out: Vec<RawEvent> = Vec::new();
        let mut spans = None;
        for (i, u) in self.units.iter().enumerate() {
            // The parse only where the word may be a doer noun: most
            // sentences need none.
            if crate::doers::act_of(self.toks[u.last]).is_none() {
                continue;
            }
            let (spans, named) = spans.get_or_insert_with(|| self.unit_spans());
            let Some((code, victim)) = grammar.doer(self.vis[u.last], spans, named) else {
                continue;
            };
            let act = Act {
                verb: (u.last, u.last),
                pattern: None,
                subordinate: false,
                dominant: false,
            };
            for s in &self.side(i) {
                for t in &self.side(victim) {
                    if let Some(e) = self.candidate(s, t, code, &act) {
                        if !out.contains(&e) {
                            out.push(e);
                        }
                    }
                }
            }
        }
        out
    }
}
