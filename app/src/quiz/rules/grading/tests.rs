//! Grading rules, one kind of question at a time, with their edge cases.

use super::*;

mod kinds_and_scores;

/// The points earned (rounded to a billionth, so shares compare exactly) and the verdict.
fn scored(key: &AnswerKey, response: &Response, worth: f64) -> (f64, bool) {
    let grade = grade(key, response, worth);
    assert!(grade.points >= 0.0, "below zero: {grade:?}");
    assert!(grade.points <= grade.max, "above max: {grade:?}");
    ((grade.points * 1e9).round() / 1e9, grade.correct)
}

fn single(correct: i32) -> AnswerKey {
    AnswerKey::Choice { correct }
}

fn choices(correct: &[i32], all: &[i32]) -> AnswerKey {
    AnswerKey::Choices {
        correct: correct.to_vec(),
        all: all.to_vec(),
    }
}

/// A question worth 3 with choices 1..=5, of which 1, 2 and 3 are correct.
fn three_of_five(ticked: &[i32]) -> (f64, bool) {
    let key = choices(&[1, 2, 3], &[1, 2, 3, 4, 5]);
    scored(&key, &Response::Choices(ticked.to_vec()), 3.0)
}

/// A question worth 2 with choices 1..=4, of which 1 and 2 are correct.
fn two_of_four(ticked: &[i32]) -> (f64, bool) {
    let key = choices(&[1, 2], &[1, 2, 3, 4]);
    scored(&key, &Response::Choices(ticked.to_vec()), 2.0)
}

fn text(accepted: &[&str]) -> AnswerKey {
    AnswerKey::Text {
        accepted: accepted.iter().map(|a| a.to_string()).collect(),
    }
}

fn answer(key: &AnswerKey, given: &str) -> (f64, bool) {
    scored(key, &Response::Text(given.to_string()), 1.0)
}

/// A question worth 4 pairing 1→11, 2→12, 3→13 and 4→14.
fn matching(given: &[(i32, i32)]) -> (f64, bool) {
    let key = AnswerKey::Pairs {
        pairs: vec![(1, 11), (2, 12), (3, 13), (4, 14)],
    };
    scored(&key, &Response::Pairs(given.to_vec()), 4.0)
}

/// A question worth 4 whose order is 1, 2, 3, 4.
fn ordering(given: &[i32]) -> (f64, bool) {
    let key = AnswerKey::Order {
        ids: vec![1, 2, 3, 4],
    };
    scored(&key, &Response::Order(given.to_vec()), 4.0)
}

const RIGHT: bool = true;
const WRONG: bool = false;

// Single choice and true / false.

#[test]
fn single_choice_is_all_or_nothing() {
    let key = single(3);
    assert_eq!(scored(&key, &Response::Choice(Some(3)), 2.0), (2.0, RIGHT));
    assert_eq!(scored(&key, &Response::Choice(Some(4)), 2.0), (0.0, WRONG));
}

#[test]
fn single_choice_without_answer_or_with_an_unknown_id_earns_nothing() {
    let key = single(3);
    assert_eq!(scored(&key, &Response::Choice(None), 2.0), (0.0, WRONG));
    assert_eq!(scored(&key, &Response::Choice(Some(-1)), 2.0), (0.0, WRONG));
}

#[test]
fn true_false_uses_the_choice_rule() {
    let key = single(21); // "Vrai" is choice 21, "Faux" choice 22.
    assert_eq!(scored(&key, &Response::Choice(Some(21)), 1.0), (1.0, RIGHT));
    assert_eq!(scored(&key, &Response::Choice(Some(22)), 1.0), (0.0, WRONG));
    assert_eq!(scored(&key, &Response::Choice(None), 1.0), (0.0, WRONG));
}

// Multiple choice.

#[test]
fn multiple_choice_exact_answer_earns_all_points() {
    assert_eq!(three_of_five(&[3, 1, 2]), (3.0, RIGHT));
    assert_eq!(two_of_four(&[1, 2]), (2.0, RIGHT));
}

#[test]
fn multiple_choice_each_right_selection_earns_its_share() {
    assert_eq!(three_of_five(&[1, 2]), (2.0, WRONG));
    assert_eq!(three_of_five(&[1]), (1.0, WRONG));
}

#[test]
fn multiple_choice_each_wrong_selection_cancels_a_right_one() {
    assert_eq!(three_of_five(&[1, 2, 4]), (1.0, WRONG));
    assert_eq!(three_of_five(&[1, 2, 3, 4]), (2.0, WRONG));
    assert_eq!(two_of_four(&[1, 3]), (0.0, WRONG));
}

#[test]
fn multiple_choice_never_goes_below_zero() {
    assert_eq!(three_of_five(&[4, 5]), (0.0, WRONG));
    assert_eq!(three_of_five(&[1, 4, 5]), (0.0, WRONG));
    assert_eq!(two_of_four(&[3, 4]), (0.0, WRONG));
}

#[test]
fn multiple_choice_ticking_everything_earns_nothing_with_as_many_wrong_choices() {
    assert_eq!(two_of_four(&[1, 2, 3, 4]), (0.0, WRONG));
    let one_of_three = choices(&[2], &[1, 2, 3]);
    let all = Response::Choices(vec![1, 2, 3]);
    assert_eq!(scored(&one_of_three, &all, 1.0), (0.0, WRONG));
}

#[test]
fn multiple_choice_ticking_everything_earns_the_stated_share_with_fewer_wrong_choices() {
    // (3 right − 2 wrong) ÷ 3 correct × 3 points: the rule as written.
    assert_eq!(three_of_five(&[1, 2, 3, 4, 5]), (1.0, WRONG));
}

#[test]
fn multiple_choice_empty_answer_earns_nothing() {
    assert_eq!(three_of_five(&[]), (0.0, WRONG));
}

#[test]
fn multiple_choice_duplicates_count_once() {
    assert_eq!(three_of_five(&[1, 1, 1]), (1.0, WRONG));
    assert_eq!(three_of_five(&[1, 2, 3, 3]), (3.0, RIGHT));
    // A wrong choice ticked twice cancels one right choice, not two.
    assert_eq!(three_of_five(&[1, 2, 4, 4]), (1.0, WRONG));
}

#[test]
fn multiple_choice_unknown_ids_are_ignored() {
    assert_eq!(three_of_five(&[1, 2, 3, 99, -7]), (3.0, RIGHT));
    assert_eq!(three_of_five(&[99]), (0.0, WRONG));
}

#[test]
fn multiple_choice_correct_id_missing_from_all_still_counts() {
    let key = choices(&[1, 2], &[1, 3]);
    assert_eq!(
        scored(&key, &Response::Choices(vec![1, 2]), 2.0),
        (2.0, RIGHT)
    );
}

#[test]
fn multiple_choice_with_no_correct_choice_rewards_ticking_nothing() {
    let key = choices(&[], &[1, 2]);
    assert_eq!(scored(&key, &Response::Choices(vec![]), 1.0), (1.0, RIGHT));
    assert_eq!(scored(&key, &Response::Choices(vec![1]), 1.0), (0.0, WRONG));
    assert_eq!(
        scored(&key, &Response::Choices(vec![42]), 1.0),
        (1.0, RIGHT)
    );
}

#[test]
fn multiple_choice_stays_within_bounds_for_every_selection() {
    for mask in 0u32..(1 << 6) {
        // Choices 1..=5 and an unknown id 6, in every combination (bounds checked by `scored`).
        let ticked: Vec<i32> = (1..=6).filter(|id| mask & (1 << (id - 1)) != 0).collect();
        let (points, correct) = three_of_five(&ticked);
        let exact = mask & 0b1_1111 == 0b111;
        assert_eq!(correct, exact, "{ticked:?}");
        assert_eq!(points == 3.0, exact, "{ticked:?}");
    }
}

#[test]
fn partial_credit_rule_is_stated_in_french() {
    let rule = partial_credit_rule();
    assert!(rule.starts_with("Question à choix multiples"));
    assert!(rule.contains("jamais sous zéro"));
    assert!(rule.contains("Cocher toutes les cases"));
}

// Short answer.

#[test]
fn short_answer_exact_match_earns_all_points() {
    assert_eq!(answer(&text(&["3114"]), "3114"), (1.0, RIGHT));
}

#[test]
fn short_answer_ignores_case_accents_spaces_and_final_point() {
    assert_eq!(
        answer(&text(&["3114", "le 3114"]), "  Le 3114. "),
        (1.0, RIGHT)
    );
    let key = text(&["Équipe mobile psychiatrie précarité"]);
    let given = "equipe  MOBILE psychiatrie precarite";
    assert_eq!(answer(&key, given), (1.0, RIGHT));
}

#[test]
fn short_answer_accepted_answers_are_normalised_too() {
    assert_eq!(answer(&text(&["  Le SAMU. "]), "le samu"), (1.0, RIGHT));
}

#[test]
fn short_answer_needs_equality_not_containment() {
    let key = text(&["3114"]);
    for given in ["  Le 3114. ", "311", "31144", "3 114"] {
        assert_eq!(answer(&key, given), (0.0, WRONG), "{given:?}");
    }
}

#[test]
fn short_answer_any_accepted_answer_will_do() {
    let key = text(&["15", "SAMU", "centre 15"]);
    assert_eq!(answer(&key, "Samu"), (1.0, RIGHT));
    assert_eq!(answer(&key, "Centre 15 !"), (1.0, RIGHT));
    assert_eq!(answer(&key, "112"), (0.0, WRONG));
}

#[test]
fn short_answer_empty_earns_nothing_even_against_an_empty_accepted_answer() {
    let key = text(&["", "  ", "3114"]);
    for given in ["", "   ", " . ", "\u{a0}"] {
        assert_eq!(answer(&key, given), (0.0, WRONG), "{given:?}");
    }
}

#[test]
fn short_answer_without_accepted_answers_earns_nothing() {
    assert_eq!(answer(&text(&[]), "3114"), (0.0, WRONG));
}

// Matching.

#[test]
fn matching_all_pairs_right_in_any_order_earns_all_points() {
    assert_eq!(
        matching(&[(4, 14), (3, 13), (2, 12), (1, 11)]),
        (4.0, RIGHT)
    );
}

#[test]
fn matching_earns_the_share_of_right_pairs() {
    assert_eq!(
        matching(&[(1, 11), (2, 12), (3, 14), (4, 13)]),
        (2.0, WRONG)
    );
    assert_eq!(matching(&[(1, 11), (2, 13)]), (1.0, WRONG));
}

#[test]
fn matching_empty_answer_earns_nothing() {
    assert_eq!(matching(&[]), (0.0, WRONG));
}

#[test]
fn matching_left_item_paired_twice_keeps_its_first_pairing() {
    let first_wrong = [(1, 12), (1, 11), (2, 12), (3, 13), (4, 14)];
    assert_eq!(matching(&first_wrong), (3.0, WRONG));
    let first_right = [(1, 11), (1, 12), (2, 12), (3, 13), (4, 14)];
    assert_eq!(matching(&first_right), (4.0, RIGHT));
}

#[test]
fn matching_unknown_left_items_are_ignored() {
    let extra = [(1, 11), (2, 12), (3, 13), (4, 14), (99, 11)];
    assert_eq!(matching(&extra), (4.0, RIGHT));
    assert_eq!(matching(&[(99, 11)]), (0.0, WRONG));
}

#[test]
fn matching_one_right_item_for_every_left_item_earns_one_pair() {
    assert_eq!(
        matching(&[(1, 11), (2, 11), (3, 11), (4, 11)]),
        (1.0, WRONG)
    );
}

#[test]
fn matching_without_pairs_cannot_be_earned() {
    let key = AnswerKey::Pairs { pairs: vec![] };
    assert_eq!(scored(&key, &Response::Pairs(vec![]), 1.0), (0.0, WRONG));
}

// Ordering.

#[test]
fn ordering_exact_order_earns_all_points() {
    assert_eq!(ordering(&[1, 2, 3, 4]), (4.0, RIGHT));
}

#[test]
fn ordering_earns_the_share_of_items_in_place() {
    assert_eq!(ordering(&[1, 2, 4, 3]), (2.0, WRONG));
    assert_eq!(ordering(&[1, 3, 2, 4]), (2.0, WRONG));
    assert_eq!(ordering(&[4, 3, 2, 1]), (0.0, WRONG));
    // Moving the first item to the end puts every item out of place.
    assert_eq!(ordering(&[2, 3, 4, 1]), (0.0, WRONG));
}

#[test]
fn ordering_short_or_empty_answer() {
    assert_eq!(ordering(&[1, 2]), (2.0, WRONG));
    assert_eq!(ordering(&[]), (0.0, WRONG));
}

#[test]
fn ordering_duplicates_count_at_their_first_place() {
    assert_eq!(ordering(&[1, 1, 1, 1]), (1.0, WRONG));
    assert_eq!(ordering(&[1, 2, 2, 3, 4]), (4.0, RIGHT));
}

#[test]
fn ordering_unknown_ids_are_dropped() {
    assert_eq!(ordering(&[1, 2, 3, 4, 99]), (4.0, RIGHT));
    assert_eq!(ordering(&[99, 1, 2, 3, 4]), (4.0, RIGHT));
    assert_eq!(ordering(&[99, 98]), (0.0, WRONG));
}

#[test]
fn ordering_without_items_cannot_be_earned() {
    let key = AnswerKey::Order { ids: vec![] };
    assert_eq!(scored(&key, &Response::Order(vec![]), 1.0), (0.0, WRONG));
}

// Answers of another kind, and odd worths.

#[test]
fn an_answer_of_another_kind_earns_nothing() {
    let keys = [
        single(1),
        choices(&[1, 2], &[1, 2, 3]),
        text(&["1"]),
        AnswerKey::Pairs {
            pairs: vec![(1, 11)],
        },
        AnswerKey::Order { ids: vec![1, 2] },
    ];
    let responses = [
        Response::Choice(Some(1)),
        Response::Choices(vec![1, 2]),
        Response::Text("1".into()),
        Response::Pairs(vec![(1, 11)]),
        Response::Order(vec![1, 2]),
    ];
    for (k, key) in keys.iter().enumerate() {
        for (r, response) in responses.iter().enumerate() {
            let expected = if k == r { (1.0, RIGHT) } else { (0.0, WRONG) };
            assert_eq!(scored(key, response, 1.0), expected, "{key:?} {response:?}");
        }
    }
}

#[test]
fn the_maximum_is_the_question_worth() {
    let grade = grade(&single(1), &Response::Choice(Some(2)), 2.5);
    assert_eq!(
        grade,
        Grade {
            points: 0.0,
            max: 2.5,
            correct: false
        }
    );
}

#[test]
fn a_question_worth_nothing_still_says_whether_the_answer_is_right() {
    assert_eq!(
        scored(&single(1), &Response::Choice(Some(1)), 0.0),
        (0.0, RIGHT)
    );
    assert_eq!(
        scored(&single(1), &Response::Choice(Some(2)), 0.0),
        (0.0, WRONG)
    );
}

#[test]
fn negative_or_non_finite_worths_count_as_nothing() {
    for worth in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let grade = grade(&single(1), &Response::Choice(Some(1)), worth);
        assert_eq!(
            grade,
            Grade {
                points: 0.0,
                max: 0.0,
                correct: true
            }
        );
    }
}

#[test]
fn fractional_worths_are_shared() {
    let key = choices(&[1, 2, 3], &[1, 2, 3, 4]);
    assert_eq!(
        scored(&key, &Response::Choices(vec![1, 2]), 1.5),
        (1.0, WRONG)
    );
    let key = AnswerKey::Order {
        ids: vec![1, 2, 3, 4],
    };
    assert_eq!(
        scored(&key, &Response::Order(vec![1, 2, 4, 3]), 0.5),
        (0.25, WRONG)
    );
}
