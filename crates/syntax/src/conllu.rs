//! CoNLL-U, the Universal Dependencies format: reading treebanks and
//! writing parses.
//!
//! Only what the tagger and parser use is kept: each word's form, lemma,
//! UPOS, XPOS, head and relation, and the sentence's text, id and the
//! `SpaceAfter=No` marks (to rebuild raw text). Multiword tokens ("don't"
//! = "do" + "n't") keep their surface form and range; empty nodes
//! (`8.1`, enhanced graphs only) are skipped.

use std::fmt::Write as _;

/// A word of a sentence, 1-based `head` (0 is the root).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// The form.
    pub form: String,
    /// The lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific (Penn Treebank) tag.
    pub xpos: String,
    /// 1-based index of the head, 0 for the root.
    pub head: usize,
    /// Universal dependency relation, with its subtype (`nsubj:pass`).
    pub deprel: String,
    /// Whether a space follows the word in the text.
    pub space_after: bool,
}

/// A multiword token: words `first..=last` (1-based) written as `form`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Multiword {
    /// First word, 1-based.
    pub first: usize,
    /// Last word, 1-based.
    pub last: usize,
    /// The surface form.
    pub form: String,
    /// Whether a space follows the token.
    pub space_after: bool,
}

/// One sentence of a treebank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// `# sent_id`.
    pub id: String,
    /// `# text`.
    pub text: String,
    /// Whether a `# newdoc` opens it.
    pub newdoc: bool,
    /// Whether a `# newpar` opens it.
    pub newpar: bool,
    /// The words.
    pub words: Vec<Word>,
    /// Multiword tokens.
    pub multiwords: Vec<Multiword>,
    /// Other comment lines, without their `#`, in order.
    pub comments: Vec<String>,
}

/// A line that is not CoNLL-U.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads every sentence of a CoNLL-U text.
///
/// ```
/// let s = statecraft_syntax::conllu::read("# text = Hi.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n").unwrap();
/// assert_eq!(s[0].words[1].head, 1);
/// assert!(!s[0].words[0].space_after);
/// ```
pub fn read(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut pending_doc = false;
    let mut pending_par = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let bad = |message: String| ConlluError { line: n, message };
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if c.starts_with("newdoc") {
                pending_doc = true;
            } else if c.starts_with("newpar") && !c.starts_with("newpar_block") {
                pending_par = true;
            } else if let Some(v) = c.strip_prefix("sent_id") {
                cur.id = v.trim_start_matches([' ', '=']).trim().to_string();
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = v.trim().to_string();
            } else {
                cur.comments.push(c.to_string());
            }
            continue;
        }
        if cur.words.is_empty() && cur.multiwords.is_empty() {
            cur.newdoc = std::mem::take(&mut pending_doc);
            cur.newpar = std::mem::take(&mut pending_par) || cur.newdoc;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 10 {
            return Err(bad(format!("expected 10 columns, found {}", f.len())));
        }
        let space_after = !f[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((a, b)) = f[0].split_once('-') {
            let (Ok(first), Ok(last)) = (a.parse(), b.parse()) else {
                return Err(bad(format!("bad range `{}`", f[0])));
            };
            cur.multiwords.push(Multiword {
                first,
                last,
                form: f[1].to_string(),
                space_after,
            });
            continue;
        }
        if f[0].contains('.') {
            continue;
        }
        let id: usize = f[0]
            .parse()
            .map_err(|_| bad(format!("bad id `{}`", f[0])))?;
        if id != cur.words.len() + 1 {
            return Err(bad(format!("word {id} out of order")));
        }
        let head = f[6]
            .parse()
            .map_err(|_| bad(format!("bad head `{}`", f[6])))?;
        cur.words.push(Word {
            form: f[1].to_string(),
            lemma: f[2].to_string(),
            upos: f[3].to_string(),
            xpos: f[4].to_string(),
            head,
            deprel: f[7].to_string(),
            space_after,
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &mut out {
        // Inside a multiword token, the token's mark holds.
        for m in &s.multiwords {
            for w in m.first..m.last {
                if let Some(word) = s.words.get_mut(w - 1) {
                    word.space_after = false;
                }
            }
            if let Some(word) = s.words.get_mut(m.last - 1) {
                word.space_after = m.space_after;
            }
        }
    }
    Ok(out)
}

/// Writes sentences as CoNLL-U (features and enhanced graph left empty).
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        if s.newdoc {
            out.push_str("# newdoc\n");
        }
        if s.newpar {
            out.push_str("# newpar\n");
        }
        if !s.id.is_empty() {
            let _ = writeln!(out, "# sent_id = {}", s.id);
        }
        // A line break inside the text would end the comment.
        let _ = writeln!(out, "# text = {}", s.text.replace(['\n', '\r'], " "));
        for c in &s.comments {
            let _ = writeln!(out, "# {}", c.replace(['\n', '\r'], " "));
        }
        for (i, w) in s.words.iter().enumerate() {
            let n = i + 1;
            if let Some(m) = s.multiwords.iter().find(|m| m.first == n) {
                let misc = if m.space_after { "_" } else { "SpaceAfter=No" };
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{misc}",
                    m.first, m.last, m.form
                );
            }
            let inside = s.multiwords.iter().any(|m| m.first <= n && n <= m.last);
            let misc = if inside || w.space_after {
                "_"
            } else {
                "SpaceAfter=No"
            };
            let _ = writeln!(
                out,
                "{n}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{misc}",
                field(&w.form),
                field(&w.lemma),
                field(&w.upos),
                field(&w.xpos),
                w.head,
                field(&w.deprel)
            );
        }
        out.push('\n');
    }
    out
}

/// A column value: never empty, never with a tab or line break.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        return "_".into();
    }
    if s.contains(['\t', '\n', '\r']) {
        return s.replace(['\t', '\n', '\r'], " ").into();
    }
    s.into()
}

/// The raw text of sentences as the CoNLL 2018 shared task gives it:
/// sentences joined by a space, paragraphs (`# newpar`) by a blank line,
/// words joined as their `SpaceAfter` marks say. Returns the text and,
/// for each sentence, for each word, its char span `[start, end)`.
pub fn raw_text(sentences: &[Sentence]) -> (String, Vec<Vec<[usize; 2]>>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut spans = Vec::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        if k > 0 {
            let sep = if s.newpar { "\n\n" } else { " " };
            text.push_str(sep);
            chars += sep.chars().count();
        }
        let mut ws = Vec::with_capacity(s.words.len());
        for (i, w) in s.words.iter().enumerate() {
            let n = w.form.chars().count();
            ws.push([chars, chars + n]);
            text.push_str(&w.form);
            chars += n;
            if w.space_after && i + 1 < s.words.len() {
                text.push(' ');
                chars += 1;
            }
        }
        spans.push(ws);
    }
    (text, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "# newdoc id = d1\n# sent_id = s1\n# newpar id = p1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4.1\tknown\t_\t_\t_\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# sent_id = s2\n# text = Yes.\n\
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

    #[test]
    fn reads_words_multiwords_and_marks() {
        let s = read(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert!(s[0].newdoc && s[0].newpar && !s[1].newpar);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].multiwords[0].form, "don't");
        assert!(!s[0].words[1].space_after);
        assert!(s[0].words[2].space_after);
        assert_eq!(s[0].words[3].deprel, "root");
        let (text, spans) = raw_text(&s);
        assert_eq!(text, "I don't know. Yes.");
        assert_eq!(spans[0][2], [4, 7]);
        assert_eq!(spans[1][0], [14, 17]);
    }

    #[test]
    fn round_trips() {
        let s = read(SAMPLE).unwrap();
        let again = read(&write(&s)).unwrap();
        for (a, b) in s.iter().zip(&again) {
            assert_eq!(a.words, b.words);
            assert_eq!(a.multiwords, b.multiwords);
        }
    }

    #[test]
    fn bad_lines_are_errors() {
        assert_eq!(read("1\tHi\n").unwrap_err().line, 1);
        assert!(read("x\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n").is_err());
    }
}
