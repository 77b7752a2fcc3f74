//! Failpoints: named places in the write path where a test can stop the
//! process, so crash tests kill it at a known point instead of after a
//! guessed delay.
//!
//! `STATECRAFT_FAILPOINTS` holds `name=action` pairs separated by `;`.
//! The action `pause` prints `failpoint NAME reached` on standard error and
//! waits forever (the test then kills the process with SIGKILL);
//! `pause@N` does so the N-th time the point is reached; `abort` and
//! `abort@N` end the process at once, as a crash would.
//!
//! The `fail` crate does the same behind a Cargo feature, but a feature
//! would have to be switched on for the binary that `cargo test` builds,
//! which `cargo test --release` of the workspace does not do; reading one
//! environment variable once costs nothing, so the points are always
//! compiled in.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The configured points: name → (action, hit on which pass; 0 = first),
/// with a counter of passes.
fn points() -> &'static HashMap<String, (Action, usize, AtomicUsize)> {
    static POINTS: OnceLock<HashMap<String, (Action, usize, AtomicUsize)>> = OnceLock::new();
    POINTS.get_or_init(|| {
        std::env::var("STATECRAFT_FAILPOINTS")
            .map(|v| parse(&v))
            .unwrap_or_default()
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Pause,
    Abort,
}

fn parse(spec: &str) -> HashMap<String, (Action, usize, AtomicUsize)> {
    spec.split(';')
        .filter_map(|p| {
            let (name, action) = p.split_once('=')?;
            let (action, nth) = match action.trim().split_once('@') {
                Some((a, n)) => (a, n.trim().parse::<usize>().ok()?.checked_sub(1)?),
                None => (action.trim(), 0),
            };
            let action = match action {
                "pause" => Action::Pause,
                "abort" => Action::Abort,
                _ => return None,
            };
            Some((name.trim().to_string(), (action, nth, AtomicUsize::new(0))))
        })
        .collect()
}

/// Passes the failpoint `name`: nothing happens unless a test configured
/// it.
pub fn hit(name: &str) {
    let Some((action, nth, passes)) = points().get(name) else {
        return;
    };
    if passes.fetch_add(1, Ordering::SeqCst) != *nth {
        return;
    }
    eprintln!("failpoint {name} reached");
    match action {
        Action::Abort => std::process::abort(),
        Action::Pause => loop {
            std::thread::park();
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        let p = parse(
            "store.put.committed=pause@3; store.put.before_commit=abort;bad=explode;x=pause@0",
        );
        assert_eq!(p["store.put.committed"].0, Action::Pause);
        assert_eq!(p["store.put.committed"].1, 2);
        assert_eq!(p["store.put.before_commit"].1, 0);
        assert!(!p.contains_key("bad"));
        assert!(!p.contains_key("x"));
    }

    #[test]
    fn unconfigured_points_do_nothing() {
        hit("no.such.point");
    }
}
