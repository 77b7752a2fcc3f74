//! Checks the bundled gazetteer files with the crate's own line readers, so
//! that a bad line stops the build with `file:line: what is wrong` rather
//! than being skipped at run time.

#[allow(dead_code)]
#[path = "src/format.rs"]
mod format;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer");
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("data/gazetteer/{name}: {e}");
            std::process::exit(1)
        })
    };
    let (places, regions) = (read("places.tsv"), read("regions.tsv"));
    let (_, _, errors) = format::read(&places, &regions);
    for (file, line, message) in &errors {
        eprintln!("data/gazetteer/{file}:{line}: {message}");
    }
    if !errors.is_empty() {
        std::process::exit(1);
    }
}
