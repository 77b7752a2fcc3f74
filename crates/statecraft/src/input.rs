//! Opening inputs as streams: a file or standard input, with its label,
//! the directory its relative paths resolve against, and its format.

use crate::code::InputFormat;
use statecraft_text::read::{self, Format, Input};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input, opened.
pub struct Source {
    /// How diagnostics name it.
    pub label: String,
    /// Where its relative paths (project and XML dictionaries) resolve.
    pub base: PathBuf,
    /// Its format, given or detected from its name and first bytes.
    pub format: Format,
    reader: BufReader<Box<dyn Read>>,
}

impl Source {
    /// Opens `path` (standard input when `None`); `format` overrides
    /// detection.
    pub fn open(path: Option<&Path>, format: Option<InputFormat>) -> io::Result<Source> {
        let (label, inner): (String, Box<dyn Read>) = match path {
            Some(p) => (p.display().to_string(), Box::new(std::fs::File::open(p)?)),
            None => ("<stdin>".to_string(), Box::new(io::stdin())),
        };
        let mut reader = BufReader::with_capacity(64 * 1024, inner);
        let format = match format {
            Some(f) => f.format(),
            None => read::detect(path, reader.fill_buf()?),
        };
        let base = path
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Ok(Source {
            label,
            base,
            format,
            reader,
        })
    }

    /// Opens each of `files` (standard input when there are none) in
    /// turn; one that cannot be opened is reported on standard error and
    /// clears `clean`, and the rest go on.
    pub fn each<'a>(
        files: &'a [PathBuf],
        format: Option<InputFormat>,
        clean: &'a mut bool,
    ) -> impl Iterator<Item = Source> + 'a {
        let inputs: Vec<Option<&Path>> = if files.is_empty() {
            vec![None]
        } else {
            files.iter().map(|p| Some(p.as_path())).collect()
        };
        inputs
            .into_iter()
            .filter_map(move |input| match Source::open(input, format) {
                Ok(s) => Some(s),
                Err(e) => {
                    let label = input.map_or("<stdin>".into(), |p| p.display().to_string());
                    eprintln!(
                        "{}: error: cannot read: {e}",
                        statecraft_text::escape(&label)
                    );
                    *clean = false;
                    None
                }
            })
    }

    /// The input's stories, switches and diagnostics, read as they are
    /// needed.
    pub fn stream(self) -> Box<dyn Iterator<Item = Input>> {
        read::stream(self.format, self.reader, &self.label, &self.base)
    }
}
