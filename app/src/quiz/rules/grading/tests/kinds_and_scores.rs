//! Question kind codes, the JSON form of keys and responses, percentages and the pass mark.

use super::{choices, single, text};
use crate::quiz::rules::grading::{AnswerKey, QuestionKind, Response, passed, percent};

// Question kinds and serialisation.

#[test]
fn kind_codes_are_the_database_codes() {
    let codes = [
        "single_choice",
        "multiple_choice",
        "true_false",
        "short_answer",
        "matching",
        "ordering",
    ];
    for (kind, code) in QuestionKind::ALL.into_iter().zip(codes) {
        assert_eq!(kind.code(), code);
        assert_eq!(QuestionKind::from_code(code), Some(kind));
        let json = serde_json::to_string(&kind).expect("serialise");
        assert_eq!(json, format!("\"{code}\""));
    }
}

#[test]
fn unknown_kind_codes_are_refused() {
    for code in ["", "Single_Choice", "essay", " matching"] {
        assert_eq!(QuestionKind::from_code(code), None);
    }
}

#[test]
fn keys_and_responses_survive_json() {
    let keys = [
        single(3),
        choices(&[1], &[1, 2]),
        text(&["le 15", "samu"]),
        AnswerKey::Pairs {
            pairs: vec![(1, 11)],
        },
        AnswerKey::Order { ids: vec![2, 1] },
    ];
    for key in keys {
        let json = serde_json::to_string(&key).expect("serialise");
        assert_eq!(
            serde_json::from_str::<AnswerKey>(&json).expect("parse"),
            key
        );
    }
    let responses = [
        Response::Choice(None),
        Response::Choice(Some(2)),
        Response::Choices(vec![1, 4]),
        Response::Text("le 15".into()),
        Response::Pairs(vec![(1, 11)]),
        Response::Order(vec![2, 1]),
    ];
    for response in responses {
        let json = serde_json::to_string(&response).expect("serialise");
        assert_eq!(
            serde_json::from_str::<Response>(&json).expect("parse"),
            response
        );
    }
    let json = serde_json::to_string(&single(3)).expect("serialise");
    assert_eq!(json, r#"{"choice":{"correct":3}}"#);
    let json = serde_json::to_string(&Response::Choice(Some(3))).expect("serialise");
    assert_eq!(json, r#"{"choice":3}"#);
}

// Scores.

#[test]
fn percent_of_the_maximum() {
    assert_eq!(percent(7.0, 10.0), 70.0);
    assert_eq!(percent(0.0, 10.0), 0.0);
    assert_eq!(percent(10.0, 10.0), 100.0);
    assert!((percent(1.0, 3.0) - 100.0 / 3.0).abs() < 1e-12);
}

#[test]
fn percent_is_zero_when_there_is_nothing_to_earn() {
    assert_eq!(percent(0.0, 0.0), 0.0);
    assert_eq!(percent(5.0, 0.0), 0.0);
    assert_eq!(percent(5.0, -2.0), 0.0);
    assert_eq!(percent(f64::NAN, 10.0), 0.0);
    assert_eq!(percent(5.0, f64::NAN), 0.0);
}

#[test]
fn passed_at_the_pass_mark_exactly() {
    assert!(passed(7.0, 10.0, 70));
    assert!(passed(14.0, 20.0, 70));
    assert!(!passed(6.9, 10.0, 70));
    assert!(passed(10.0, 10.0, 100));
    assert!(!passed(9.99, 10.0, 100));
}

#[test]
fn passed_tolerates_rounding_of_summed_points() {
    // Twenty-one thirds of a point out of 10 is 70 %, but the float sum gives 69.99999999999997.
    let earned: f64 = std::iter::repeat_n(1.0 / 3.0, 21).sum();
    assert!(percent(earned, 10.0) < 70.0);
    assert!(passed(earned, 10.0, 70));
    // Six thirds out of 4 is 50 %, summed to 49.99999999999999.
    let earned: f64 = std::iter::repeat_n(1.0 / 3.0, 6).sum();
    assert!(percent(earned, 4.0) < 50.0);
    assert!(passed(earned, 4.0, 50));
    // The tolerance covers rounding only, not a real shortfall.
    assert!(!passed(6.999, 10.0, 70));
    assert!(!passed(6.999_999, 10.0, 70));
}

#[test]
fn passed_with_extreme_pass_marks() {
    assert!(passed(0.0, 10.0, 0));
    assert!(passed(0.0, 0.0, 0));
    assert!(!passed(0.0, 0.0, 1));
    assert!(!passed(10.0, 10.0, 101));
}
