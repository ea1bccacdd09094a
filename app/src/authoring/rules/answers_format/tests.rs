use super::*;

fn kinds() -> [QuestionKind; 6] {
    QuestionKind::ALL
}

fn err(kind: QuestionKind, text: &str) -> String {
    parse(kind, text).expect_err(text).to_string()
}

#[test]
fn single_choice_flags_the_starred_line() {
    let answers = parse(
        QuestionKind::SingleChoice,
        "\n  Le 15  \n* Le 3114\n\nLe 17\n",
    )
    .expect("valid");
    let labels: Vec<(&str, bool)> = answers
        .choices
        .iter()
        .map(|c| (c.label.as_str(), c.is_correct))
        .collect();
    assert_eq!(
        labels,
        [("Le 15", false), ("Le 3114", true), ("Le 17", false)]
    );
    assert!(answers.accepted.is_empty());
}

#[test]
fn single_choice_needs_exactly_one_right_answer() {
    assert!(err(QuestionKind::SingleChoice, "A\nB").contains("« * »"));
    assert!(err(QuestionKind::SingleChoice, "* A\n* B").contains("qu’une bonne réponse"));
    assert!(err(QuestionKind::SingleChoice, "* A").contains("au moins deux"));
}

#[test]
fn multiple_choice_needs_one_right_answer_or_more() {
    let answers = parse(QuestionKind::MultipleChoice, "* A\n* B\nC").expect("valid");
    assert_eq!(answers.choices.iter().filter(|c| c.is_correct).count(), 2);
    assert!(err(QuestionKind::MultipleChoice, "A\nB").contains("« * »"));
}

#[test]
fn a_star_without_a_space_is_part_of_the_label() {
    let answers = parse(QuestionKind::MultipleChoice, "*important*\n* B").expect("valid");
    assert_eq!(answers.choices[0].label, "*important*");
    assert!(!answers.choices[0].is_correct);
}

#[test]
fn true_false_accepts_any_case_and_accents() {
    for (text, vrai) in [
        ("vrai", true),
        (" VRAI ", true),
        ("Faux", false),
        ("fâux", false),
    ] {
        let answers = parse(QuestionKind::TrueFalse, text).expect(text);
        assert_eq!(answers.choices.len(), 2);
        assert_eq!(answers.choices[0].label, "Vrai");
        assert_eq!(answers.choices[1].label, "Faux");
        assert_eq!(answers.choices[0].is_correct, vrai, "{text}");
        assert_eq!(answers.choices[1].is_correct, !vrai, "{text}");
    }
    assert!(err(QuestionKind::TrueFalse, "peut-être").contains("vrai"));
    assert!(err(QuestionKind::TrueFalse, "vrai\nfaux").contains("vrai"));
}

#[test]
fn short_answers_are_kept_as_typed() {
    let answers = parse(QuestionKind::ShortAnswer, "3114\n le 3114 ").expect("valid");
    assert!(answers.choices.is_empty());
    assert_eq!(answers.accepted, ["3114", "le 3114"]);
    assert!(err(QuestionKind::ShortAnswer, "?!").contains("ponctuation"));
}

#[test]
fn matching_splits_each_line_in_two() {
    let answers = parse(QuestionKind::Matching, "CMP => soins\nGEM => entraide").expect("valid");
    assert_eq!(answers.choices[1].label, "GEM");
    assert_eq!(answers.choices[1].match_label.as_deref(), Some("entraide"));
    assert!(err(QuestionKind::Matching, "CMP => soins\nGEM").contains("ligne 2"));
    assert!(err(QuestionKind::Matching, "CMP => soins\n => x").contains("ligne 2"));
    assert!(err(QuestionKind::Matching, "A => x\nB => X").contains("deux fois"));
}

#[test]
fn ordering_ranks_follow_the_lines() {
    let answers = parse(QuestionKind::Ordering, "Écouter\nRassurer\nOrienter").expect("valid");
    let ranks: Vec<Option<i32>> = answers.choices.iter().map(|c| c.correct_rank).collect();
    assert_eq!(ranks, [Some(1), Some(2), Some(3)]);
    assert!(err(QuestionKind::Ordering, "Seul").contains("au moins deux"));
}

#[test]
fn empty_long_and_duplicate_lines_are_refused_for_every_kind() {
    for kind in kinds() {
        assert!(err(kind, " \n \n").contains("obligatoire"), "{kind:?}");
        let long = "x".repeat(MAX_LINE_CHARS + 1);
        assert!(err(kind, &long).contains("500"), "{kind:?}");
    }
    assert!(err(QuestionKind::SingleChoice, "* Oui\noui.").contains("deux fois"));
    assert!(err(QuestionKind::ShortAnswer, "Le CMP\nle cmp").contains("deux fois"));
    assert!(err(QuestionKind::Ordering, "A\nB\na").contains("deux fois"));
}

#[test]
fn more_lines_than_the_limit_are_refused() {
    let many: String = (0..=MAX_LINES).map(|i| format!("réponse {i}\n")).collect();
    assert!(err(QuestionKind::ShortAnswer, &many).contains("50 lignes au plus"));
}

#[test]
fn a_line_of_exactly_the_limit_is_accepted() {
    let line = "é".repeat(MAX_LINE_CHARS);
    assert!(parse(QuestionKind::ShortAnswer, &line).is_ok());
}

#[test]
fn formatting_then_parsing_gives_the_same_answers() {
    let samples = [
        (QuestionKind::SingleChoice, "Le 15\n* Le 3114\nLe 17"),
        (QuestionKind::MultipleChoice, "* A\nB\n* C"),
        (QuestionKind::TrueFalse, "faux"),
        (QuestionKind::TrueFalse, "vrai"),
        (QuestionKind::ShortAnswer, "3114\nle 3114"),
        (QuestionKind::Matching, "CMP => soins\nGEM => entraide"),
        (QuestionKind::Ordering, "Écouter\nRassurer\nOrienter"),
    ];
    for (kind, text) in samples {
        let answers = parse(kind, text).expect(text);
        let formatted = format(kind, &answers);
        assert_eq!(formatted, text, "{kind:?}");
        assert_eq!(parse(kind, &formatted).expect("again"), answers, "{kind:?}");
    }
}

#[test]
fn ordering_is_formatted_by_rank_not_storage_order() {
    let answers = Answers {
        choices: vec![
            ChoiceDraft {
                correct_rank: Some(2),
                ..ChoiceDraft::plain("B", false)
            },
            ChoiceDraft {
                correct_rank: Some(1),
                ..ChoiceDraft::plain("A", false)
            },
        ],
        accepted: Vec::new(),
    };
    assert_eq!(format(QuestionKind::Ordering, &answers), "A\nB");
}

#[test]
fn every_kind_has_a_hint() {
    for kind in kinds() {
        assert!(!hint(kind).is_empty());
    }
}
