//! Bounded line reading from a stream, and legacy text decoding.
//!
//! `BufRead::lines` keeps reading until a line ends, however long it is:
//! on `/dev/zero` it grows until memory runs out. [`Lines`] keeps at most
//! `max` bytes of a line, reports longer ones, and gives up on an input
//! that goes on for a long way without any line end.

use std::borrow::Cow;
use std::io::BufRead;

/// One line of input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line (without `\n` or a `\r` before it), 1-based number.
    Text(usize, Vec<u8>),
    /// A line over the limit, skipped: its number and length.
    TooLong(usize, u64),
    /// No line end within the give-up distance: the rest of the input is
    /// not read. The line number where it started.
    Abandoned(usize),
    /// Reading failed.
    Failed(usize, String),
}

/// Lines of a stream, each at most `max` bytes.
pub(crate) struct Lines<R> {
    input: R,
    max: usize,
    /// How far a line may run before the input is given up.
    give_up: u64,
    line: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R, max: usize) -> Lines<R> {
        Lines {
            input,
            max,
            give_up: (max as u64).saturating_mul(64),
            line: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.done {
            return None;
        }
        self.line += 1;
        let mut buf = Vec::new();
        let mut len: u64 = 0;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Some(Line::Failed(self.line, e.to_string()));
                }
            };
            if chunk.is_empty() {
                self.done = true;
                if len == 0 {
                    return None;
                }
                break;
            }
            let (take, ends) = match memchr(chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            let room = (self.max + 1).saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..take.min(room)]);
            len += take as u64;
            self.input.consume(take + usize::from(ends));
            if ends {
                break;
            }
            if len > self.give_up {
                self.done = true;
                return Some(Line::Abandoned(self.line));
            }
        }
        if len > self.max as u64 {
            return Some(Line::TooLong(self.line, len));
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        Some(Line::Text(self.line, buf))
    }
}

fn memchr(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

/// Decodes one line of legacy text: UTF-8 when valid, else Windows-1252
/// (the superset of Latin-1 that old wire files use). Returns whether the
/// fallback was used.
///
/// ```
/// use statecraft_text::decode_legacy;
/// assert_eq!(decode_legacy(b"Caf\xc3\xa9"), ("Café".into(), false));
/// assert_eq!(decode_legacy(b"Caf\xe9 \x93ok\x94"), ("Café “ok”".into(), true));
/// ```
pub fn decode_legacy(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => (
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0,
            true,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], max: usize) -> Vec<Line> {
        Lines::new(input, max).collect()
    }

    #[test]
    fn lines_are_bounded() {
        assert_eq!(
            all(b"ab\r\ncd\n\nxyz", 3),
            [
                Line::Text(1, b"ab".to_vec()),
                Line::Text(2, b"cd".to_vec()),
                Line::Text(3, Vec::new()),
                Line::Text(4, b"xyz".to_vec()),
            ]
        );
        assert_eq!(
            all(b"abcd\nok\n", 3),
            [Line::TooLong(1, 4), Line::Text(2, b"ok".to_vec())]
        );
        assert_eq!(all(b"", 3), []);
        // An endless line is given up, and nothing after it is read.
        let zeros = std::io::Read::take(std::io::repeat(0), 1 << 20);
        let got: Vec<Line> = Lines::new(std::io::BufReader::new(zeros), 1000).collect();
        assert_eq!(got, [Line::Abandoned(1)]);
    }
}
