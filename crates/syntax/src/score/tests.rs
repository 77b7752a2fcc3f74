use super::*;

/// A word: char span, token index, form, UPOS, head, relation.
fn w(
    start: usize,
    end: usize,
    token: usize,
    form: &str,
    upos: &str,
    head: usize,
    deprel: &str,
) -> ScoredWord {
    ScoredWord {
        start,
        end,
        token,
        form: form.to_string(),
        upos: upos.to_string(),
        head,
        deprel: deprel.to_string(),
    }
}

/// "He saw it. Yes." with its gold analysis.
const TEXT: &str = "He saw it. Yes.";

fn gold() -> Doc {
    Doc {
        sentences: vec![
            vec![
                w(0, 2, 0, "He", "PRON", 2, "nsubj"),
                w(3, 6, 1, "saw", "VERB", 0, "root"),
                w(7, 9, 2, "it", "PRON", 2, "obj"),
                w(9, 10, 3, ".", "PUNCT", 2, "punct"),
            ],
            vec![
                w(11, 14, 4, "Yes", "INTJ", 0, "root"),
                w(14, 15, 5, ".", "PUNCT", 1, "punct"),
            ],
        ],
    }
}

/// (gold, system, correct) of a measure.
fn gsc(f: F1) -> (usize, usize, usize) {
    (f.gold, f.system, f.correct)
}

#[test]
fn identical_documents_score_100() {
    let s = score(TEXT, &gold(), &gold());
    for f in [
        s.tokens,
        s.words,
        s.sentences,
        s.upos,
        s.uas,
        s.las,
        s.las_full,
    ] {
        assert_eq!(f.f1(), 1.0);
    }
    assert_eq!(gsc(s.tokens), (6, 6, 6));
    assert_eq!(gsc(s.sentences), (2, 2, 2));
}

/// A table of one-word changes to the system analysis and what they
/// cost: (what, change, (upos, uas, las, las_full) correct of 6).
#[test]
fn tag_head_and_label_errors() {
    type Change = fn(&mut Doc);
    type Counts = (usize, usize, usize, usize);
    let cases: [(&str, Change, Counts); 5] = [
        ("wrong head", |d| d.sentences[0][2].head = 1, (6, 5, 5, 5)),
        (
            "wrong label",
            |d| d.sentences[0][2].deprel = "iobj".into(),
            (6, 6, 5, 5),
        ),
        (
            "subtype only",
            |d| d.sentences[0][0].deprel = "nsubj:pass".into(),
            (6, 6, 6, 5),
        ),
        (
            "wrong tag",
            |d| d.sentences[0][0].upos = "NOUN".into(),
            (5, 6, 6, 6),
        ),
        (
            "root for a word",
            |d| d.sentences[1][1].head = 0,
            (6, 5, 5, 5),
        ),
    ];
    for (what, change, want) in cases {
        let mut sys = gold();
        change(&mut sys);
        let s = score(TEXT, &gold(), &sys);
        let got = (
            s.upos.correct,
            s.uas.correct,
            s.las.correct,
            s.las_full.correct,
        );
        assert_eq!(got, want, "{what}");
        assert_eq!(gsc(s.words), (6, 6, 6), "{what}");
        assert_eq!(s.tokens.f1(), 1.0, "{what}");
    }
}

#[test]
fn a_merged_token_costs_tokens_words_and_its_heads() {
    // The system reads "it." as one word, the head of nothing.
    let sys = Doc {
        sentences: vec![
            vec![
                w(0, 2, 0, "He", "PRON", 2, "nsubj"),
                w(3, 6, 1, "saw", "VERB", 0, "root"),
                w(7, 10, 2, "it.", "PRON", 2, "obj"),
            ],
            vec![
                w(11, 14, 3, "Yes", "INTJ", 0, "root"),
                w(14, 15, 4, ".", "PUNCT", 1, "punct"),
            ],
        ],
    };
    let s = score(TEXT, &gold(), &sys);
    assert_eq!(gsc(s.tokens), (6, 5, 4));
    assert_eq!(gsc(s.words), (6, 5, 4));
    assert_eq!(s.words.aligned, 4);
    assert_eq!(gsc(s.uas), (6, 5, 4));
    assert_eq!(gsc(s.las), (6, 5, 4));
    assert!((s.tokens.f1() - 8.0 / 11.0).abs() < 1e-12);
    assert_eq!(s.uas.aligned_accuracy(), 1.0);
    assert_eq!(gsc(s.sentences), (2, 2, 2));
}

#[test]
fn a_head_on_an_unaligned_word_is_wrong() {
    // The system splits "He" in two; gold "it" hangs on "He", so no system
    // head can be right for it.
    let mut g = gold();
    g.sentences[0][2].head = 1;
    let sys = Doc {
        sentences: vec![
            vec![
                w(0, 1, 0, "H", "PRON", 3, "nsubj"),
                w(1, 2, 1, "e", "PRON", 1, "flat"),
                w(3, 6, 2, "saw", "VERB", 0, "root"),
                w(7, 9, 3, "it", "PRON", 1, "obj"),
                w(9, 10, 4, ".", "PUNCT", 3, "punct"),
            ],
            vec![
                w(11, 14, 5, "Yes", "INTJ", 0, "root"),
                w(14, 15, 6, ".", "PUNCT", 1, "punct"),
            ],
        ],
    };
    let s = score(TEXT, &g, &sys);
    assert_eq!(gsc(s.tokens), (6, 7, 5));
    assert_eq!(gsc(s.words), (6, 7, 5));
    // saw, ".", Yes, "." right; "it" wrong although its label matches.
    assert_eq!(gsc(s.uas), (6, 7, 4));
    assert_eq!(gsc(s.las), (6, 7, 4));
}

#[test]
fn sentence_boundary_errors() {
    // Split after "saw": one gold sentence of two found.
    let mut sys = gold();
    let tail = sys.sentences[0].split_off(2);
    sys.sentences.insert(1, tail);
    let s = score(TEXT, &gold(), &sys);
    assert_eq!(gsc(s.sentences), (2, 3, 1));
    assert!((s.sentences.f1() - 0.4).abs() < 1e-12);
    assert_eq!(s.tokens.f1(), 1.0);
    // Merged into one: none right.
    let mut sys = gold();
    let second = sys.sentences.pop().unwrap_or_default();
    sys.sentences[0].extend(second);
    let s = score(TEXT, &gold(), &sys);
    assert_eq!(gsc(s.sentences), (2, 1, 0));
    assert_eq!(s.sentences.f1(), 0.0);
}

/// "I don't know." with "don't" = "do" + "n't" in gold.
#[test]
fn multiword_tokens_align_by_forms() {
    let text = "I don't know.";
    let gold = Doc {
        sentences: vec![vec![
            w(0, 1, 0, "I", "PRON", 4, "nsubj"),
            w(2, 4, 1, "do", "AUX", 4, "aux"),
            w(4, 7, 1, "n't", "PART", 4, "advmod"),
            w(8, 12, 2, "know", "VERB", 0, "root"),
            w(12, 13, 3, ".", "PUNCT", 4, "punct"),
        ]],
    };
    let sys_with = |words: Vec<ScoredWord>| Doc {
        sentences: vec![words],
    };
    // The same words as two tokens: tokens differ, words all align.
    let apart = sys_with(vec![
        w(0, 1, 0, "I", "PRON", 4, "nsubj"),
        w(2, 4, 1, "do", "AUX", 4, "aux"),
        w(4, 7, 2, "n't", "PART", 4, "advmod"),
        w(8, 12, 3, "know", "VERB", 0, "root"),
        w(12, 13, 4, ".", "PUNCT", 4, "punct"),
    ]);
    let s = score(text, &gold, &apart);
    assert_eq!(gsc(s.tokens), (4, 5, 3));
    assert_eq!(gsc(s.words), (5, 5, 5));
    assert_eq!(gsc(s.las), (5, 5, 5));
    // Split in the wrong place ("don" + "'t"): those words do not align.
    let wrong = sys_with(vec![
        w(0, 1, 0, "I", "PRON", 4, "nsubj"),
        w(2, 5, 1, "don", "AUX", 4, "aux"),
        w(5, 7, 1, "'t", "PART", 4, "advmod"),
        w(8, 12, 2, "know", "VERB", 0, "root"),
        w(12, 13, 3, ".", "PUNCT", 4, "punct"),
    ]);
    let s = score(text, &gold, &wrong);
    assert_eq!(gsc(s.tokens), (4, 4, 4));
    assert_eq!(gsc(s.words), (5, 5, 3));
    // Not split: one word for two.
    let whole = sys_with(vec![
        w(0, 1, 0, "I", "PRON", 3, "nsubj"),
        w(2, 7, 1, "don't", "AUX", 3, "aux"),
        w(8, 12, 2, "know", "VERB", 0, "root"),
        w(12, 13, 3, ".", "PUNCT", 3, "punct"),
    ]);
    let s = score(text, &gold, &whole);
    assert_eq!(gsc(s.tokens), (4, 4, 4));
    assert_eq!(gsc(s.words), (5, 4, 3));
    assert_eq!(gsc(s.uas), (5, 4, 3));
    // Upper case on one side still aligns: forms compare lower-cased.
    let upper = sys_with(vec![
        w(0, 1, 0, "I", "PRON", 4, "nsubj"),
        w(2, 4, 1, "DO", "AUX", 4, "aux"),
        w(4, 7, 1, "N'T", "PART", 4, "advmod"),
        w(8, 12, 2, "know", "VERB", 0, "root"),
        w(12, 13, 3, ".", "PUNCT", 4, "punct"),
    ]);
    assert_eq!(gsc(score(text, &gold, &upper).words), (5, 5, 5));
}

#[test]
fn white_space_is_ignored_in_spans() {
    // Gold and system over the same text with a line break: spans count
    // only non-space chars, so both sides agree.
    let text = "Hi\n\nthere";
    let gold = Doc {
        sentences: vec![
            vec![w(0, 2, 0, "Hi", "INTJ", 0, "root")],
            vec![w(4, 9, 1, "there", "ADV", 0, "root")],
        ],
    };
    let s = score(text, &gold, &gold.clone());
    assert_eq!(gsc(s.sentences), (2, 2, 2));
    assert_eq!(gsc(s.tokens), (2, 2, 2));
}

#[test]
fn documents_from_conllu_and_pieces() {
    let conllu = "# text = I don't.\n\
1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = Año.\n\
1\tAño\taño\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
    let sentences = crate::conllu::read(conllu).unwrap_or_default();
    let (text, gold) = Doc::from_conllu(&sentences);
    assert_eq!(text, "I don't. Año.");
    let tokens: Vec<usize> = gold.sentences.iter().flatten().map(|w| w.token).collect();
    assert_eq!(tokens, [0, 1, 1, 2, 3, 4]);
    assert_eq!(
        (gold.sentences[1][0].start, gold.sentences[1][0].end),
        (9, 12)
    );
    let mut words = Vec::new();
    crate::tokenize::tokenize(&text, &mut words);
    let ranges = crate::split::split(&text, &words);
    let sys = Doc::from_pieces(&text, &words, &ranges);
    let spans: Vec<(usize, usize, usize)> = sys
        .sentences
        .iter()
        .flatten()
        .map(|w| (w.start, w.end, w.token))
        .collect();
    assert_eq!(
        spans,
        [
            (0, 1, 0),
            (2, 4, 1),
            (4, 7, 1),
            (7, 8, 2),
            (9, 12, 3),
            (12, 13, 4)
        ]
    );
    let s = score(&text, &gold, &sys);
    assert_eq!(
        (s.tokens.f1(), s.words.f1(), s.sentences.f1()),
        (1.0, 1.0, 1.0)
    );
}

#[test]
fn empty_documents_score_zero_without_panicking() {
    let s = score("", &Doc::default(), &Doc::default());
    assert_eq!(s.tokens.f1(), 0.0);
    let s = score(TEXT, &gold(), &Doc::default());
    assert_eq!(gsc(s.words), (6, 0, 0));
    assert!(s.to_string().contains("Tokens"));
}
