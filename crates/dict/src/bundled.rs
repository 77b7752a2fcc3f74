//! The default dictionaries, compiled into the binary: the Phoenix actor,
//! agent and discard dictionaries and the PETRARCH-1 CAMEO verb patterns
//! (MIT, Open Event Data Alliance; see `data/dictionaries/LICENSE`), plus
//! statecraft's own overlays: dated actors up to 2025, seats of government,
//! agents wire news names that Phoenix lacks, and verb patterns for
//! diplomatic news that the 2015 verb dictionary lacks.

use crate::{decode, Dialect, DictError, Dictionary, Loader};

macro_rules! data {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/dictionaries/",
                $name
            )) as &[u8],
        )
    };
}

/// The bundled files, by name.
pub const BUNDLED_FILES: &[(&str, &[u8])] = &[
    data!("Phoenix.Countries.actors.txt"),
    data!("Phoenix.International.actors.txt"),
    data!("Phoenix.MilNonState.actors.txt"),
    data!("Phoenix.agents.txt"),
    data!("statecraft.agents.txt"),
    data!("Phoenix.discards.txt"),
    data!("CAMEO.verbpatterns.150430.txt"),
    data!("statecraft.verbs.txt"),
    data!("statecraft.overlay.txt"),
    data!("statecraft.seats.overlay.txt"),
];

/// Loads the bundled default dictionaries.
pub fn bundled() -> (Dictionary, Vec<DictError>) {
    bundled_with(&[])
}

/// Loads the bundled dictionaries, then `extra` files on top. A file's
/// kind comes from its name, as for the bundled ones: `*.actors.txt`,
/// `*agents.txt`, `*discards.txt`, `*.verbs.txt` or `*.overlay.txt`.
pub fn bundled_with(extra: &[(&str, &[u8])]) -> (Dictionary, Vec<DictError>) {
    let mut loader = Loader::new();
    for (name, bytes) in BUNDLED_FILES {
        load(&mut loader, name, bytes, &format!("<bundled>/{name}"));
    }
    for (name, bytes) in extra {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        if !load(&mut loader, file, bytes, name) {
            loader.push_error(DictError {
                file: name.to_string(),
                line: 0,
                message: "unknown dictionary kind: name it *.actors.txt, *agents.txt, \
                          *discards.txt, *.verbs.txt or *.overlay.txt"
                    .into(),
            });
        }
    }
    loader.finish()
}

fn load(loader: &mut Loader, name: &str, bytes: &[u8], label: &str) -> bool {
    let text = decode(bytes);
    if name.ends_with(".actors.txt") {
        loader.actors(&text, label, Dialect::Petrarch);
    } else if name.ends_with("agents.txt") {
        loader.agents(&text, label, Dialect::Petrarch);
    } else if name.ends_with("discards.txt") {
        loader.discards(&text, label);
    } else if name.starts_with("CAMEO.verbpatterns") || name.ends_with(".verbs.txt") {
        loader.verbs(&text, label, Dialect::Petrarch);
    } else if name.ends_with(".overlay.txt") {
        loader.overlay(&text, label);
    } else {
        return false;
    }
    true
}
