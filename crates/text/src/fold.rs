//! Case and accent folding to the upper-case ASCII that the event-data
//! dictionaries are written in, by Unicode decomposition
//! (`unicode-normalization`).

/// Appends the folded, upper-case form of `c` to `out`.
///
/// Latin letters lose their accents by Unicode compatibility
/// decomposition with the combining marks dropped (`é` → `E`, `ễ` → `E`,
/// `ﬁ` → `FI`, full-width `Ｓ` → `S`); the letters that decomposition
/// leaves alone get their usual ASCII spelling (`ß` → `SS`, `Ø` → `O`,
/// `Ł` → `L`, `Æ` → `AE`); typographic quotes and dashes become ASCII;
/// other scripts are upper-cased and kept.
///
/// ```
/// let mut s = String::new();
/// for c in "Díaz-Canel’s Ålesund Straße Nguyễn Phú Trọng Łódź".chars() { statecraft_text::fold_char(c, &mut s); }
/// assert_eq!(s, "DIAZ-CANEL'S ALESUND STRASSE NGUYEN PHU TRONG LODZ");
/// ```
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    if let Some(mapped) = spelled(c) {
        out.push_str(mapped);
        return;
    }
    // Only what decomposes to ASCII letters (and marks) is folded: a
    // Cyrillic Й keeps its breve, as it is another letter than И.
    let mut parts: [char; 18] = ['\0'; 18];
    let mut n = 0;
    let mut ascii = true;
    unicode_normalization::char::decompose_compatible(c, |d| {
        if unicode_normalization::char::is_combining_mark(d) {
            return;
        }
        ascii &= d.is_ascii() || spelled(d).is_some();
        if n < parts.len() {
            parts[n] = d;
            n += 1;
        }
    });
    if n == 0 || !ascii {
        out.extend(c.to_uppercase());
        return;
    }
    for &d in &parts[..n] {
        match spelled(d) {
            Some(mapped) => out.push_str(mapped),
            None => out.push(d.to_ascii_uppercase()),
        }
    }
}

/// Letters and marks that decomposition does not take to ASCII, spelt as
/// English text spells them.
fn spelled(c: char) -> Option<&'static str> {
    Some(match c {
        'Æ' | 'æ' => "AE",
        'Œ' | 'œ' => "OE",
        'Ð' | 'ð' | 'Đ' | 'đ' => "D",
        'Ħ' | 'ħ' => "H",
        'ı' => "I",
        'Ł' | 'ł' | 'Ŀ' | 'ŀ' => "L",
        'Ø' | 'ø' => "O",
        'ß' => "SS",
        'Ŧ' | 'ŧ' => "T",
        'Þ' | 'þ' => "TH",
        '‘' | '’' | '‚' | '‛' | '′' | 'ʼ' | '`' | '´' => "'",
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => "\"",
        '–' | '—' | '‐' | '‑' | '‒' | '―' | '−' => "-",
        '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{3000}' => " ",
        '…' => "...",
        _ => return None,
    })
}

/// Folds a whole string with [`fold_char`].
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn names_fold_to_dictionary_spelling() {
        let cases = [
            ("Nguyễn Phú Trọng", "NGUYEN PHU TRONG"),
            ("Erdoğan", "ERDOGAN"),
            ("Aleksandar Vučić", "ALEKSANDAR VUCIC"),
            ("Mahmoud Abbās", "MAHMOUD ABBAS"),
            ("Søren", "SOREN"),
            ("Łukaszenka", "LUKASZENKA"),
            ("Þórdís", "THORDIS"),
            ("ﬁnance", "FINANCE"),
            ("Ｓｅｏｕｌ", "SEOUL"),
            ("Дмитрий", "ДМИТРИЙ"),
            ("“quoted” — dash…", "\"QUOTED\" - DASH..."),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input}");
        }
    }
}
