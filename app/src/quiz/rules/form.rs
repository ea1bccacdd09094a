//! The names of a quiz form's fields and how the posted values become answers.
//!
//! A quiz must work without JavaScript, so every answer is a plain form field
//! posted as `input[answers][<name>]`, in one flat map:
//! - `q<question>`: the chosen choice id (single choice, true / false) or the text
//!   (short answer);
//! - `q<question>_c<choice>`: a ticked box (multiple choice);
//! - `q<question>_m<left>`: the right-hand option chosen for a left item (matching);
//! - `q<question>_r<item>`: the place (1, 2, …) given to an item (ordering).
//!
//! Values that do not parse, or name choices the question does not show, are
//! dropped here; grading then treats them as not answered.

use std::collections::HashMap;

use super::grading::{QuestionKind, Response};

pub fn single_name(question: i32) -> String {
    format!("q{question}")
}

pub fn choice_name(question: i32, choice: i32) -> String {
    format!("q{question}_c{choice}")
}

pub fn match_name(question: i32, left: i32) -> String {
    format!("q{question}_m{left}")
}

pub fn rank_name(question: i32, item: i32) -> String {
    format!("q{question}_r{item}")
}

/// Longest short answer; a longer one is refused (see [`refusal`]).
pub const MAX_TEXT_CHARS: usize = 500;

/// Why a posted form is refused before anything is stored: a value longer
/// than [`MAX_TEXT_CHARS`] or written over several lines (every answer, a
/// short answer included, holds on one line).
pub fn refusal(fields: &HashMap<String, String>) -> Option<String> {
    if fields.values().any(|v| v.chars().count() > MAX_TEXT_CHARS) {
        return Some(format!(
            "Une réponse dépasse {MAX_TEXT_CHARS} caractères : raccourcissez-la."
        ));
    }
    fields
        .values()
        .any(|v| !crate::text::is_single_line(v))
        .then(|| {
            "Une réponse courte tient sur une ligne : retirez les retours à la ligne.".to_owned()
        })
}

/// The answer to one question from the posted fields, or `None` if nothing was given.
pub fn response(
    kind: QuestionKind,
    question: i32,
    choices: &[i32],
    fields: &HashMap<String, String>,
) -> Option<Response> {
    let value = |name: String| {
        fields
            .get(&name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let known = |id: i32| choices.contains(&id);
    match kind {
        QuestionKind::SingleChoice | QuestionKind::TrueFalse => value(single_name(question))
            .and_then(|v| v.parse::<i32>().ok())
            .filter(|id| known(*id))
            .map(|id| Response::Choice(Some(id))),
        QuestionKind::MultipleChoice => {
            let ticked: Vec<i32> = choices
                .iter()
                .copied()
                .filter(|c| value(choice_name(question, *c)).is_some())
                .collect();
            (!ticked.is_empty()).then_some(Response::Choices(ticked))
        }
        QuestionKind::ShortAnswer => {
            value(single_name(question)).map(|v| Response::Text(v.to_owned()))
        }
        QuestionKind::Matching => {
            let pairs: Vec<(i32, i32)> = choices
                .iter()
                .filter_map(|left| {
                    value(match_name(question, *left))
                        .and_then(|v| v.parse::<i32>().ok())
                        .filter(|right| known(*right))
                        .map(|right| (*left, right))
                })
                .collect();
            (!pairs.is_empty()).then_some(Response::Pairs(pairs))
        }
        QuestionKind::Ordering => {
            let mut ranked: Vec<(i32, usize, i32)> = choices
                .iter()
                .enumerate()
                .filter_map(|(shown, item)| {
                    value(rank_name(question, *item))
                        .and_then(|v| v.parse::<i32>().ok())
                        .map(|rank| (rank, shown, *item))
                })
                .collect();
            if ranked.is_empty() {
                return None;
            }
            // Items without a place go last, in the order they were shown.
            let unranked = choices
                .iter()
                .filter(|item| !ranked.iter().any(|(_, _, i)| i == *item))
                .copied()
                .collect::<Vec<_>>();
            ranked.sort();
            let mut order: Vec<i32> = ranked.into_iter().map(|(_, _, item)| item).collect();
            order.extend(unranked);
            Some(Response::Order(order))
        }
    }
}

/// The place an item holds in a saved ordering answer (1-based), to refill the form.
pub fn saved_rank(response: Option<&Response>, item: i32) -> Option<usize> {
    match response {
        Some(Response::Order(ids)) => ids.iter().position(|i| *i == item).map(|p| p + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The posted form: field name → value.
    fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        HashMap::from_iter(pairs.iter().map(|&(k, v)| (k.into(), v.into())))
    }

    #[test]
    fn single_choice_reads_a_known_id_only() {
        let f = fields(&[("q1", "11")]);
        assert_eq!(
            response(QuestionKind::SingleChoice, 1, &[10, 11], &f),
            Some(Response::Choice(Some(11)))
        );
        let f = fields(&[("q1", "99")]);
        assert_eq!(response(QuestionKind::SingleChoice, 1, &[10, 11], &f), None);
        let f = fields(&[("q1", "onze")]);
        assert_eq!(response(QuestionKind::TrueFalse, 1, &[10, 11], &f), None);
        assert_eq!(
            response(QuestionKind::TrueFalse, 1, &[10, 11], &fields(&[])),
            None
        );
    }

    #[test]
    fn multiple_choice_collects_ticked_boxes_in_shown_order() {
        let f = fields(&[("q2_c22", "on"), ("q2_c20", "on"), ("q2_c99", "on")]);
        assert_eq!(
            response(QuestionKind::MultipleChoice, 2, &[20, 21, 22], &f),
            Some(Response::Choices(vec![20, 22]))
        );
        assert_eq!(
            response(QuestionKind::MultipleChoice, 2, &[20], &fields(&[])),
            None
        );
    }

    #[test]
    fn short_answer_is_trimmed_and_bounded() {
        let f = fields(&[("q3", "  le 3114 ")]);
        assert_eq!(
            response(QuestionKind::ShortAnswer, 3, &[], &f),
            Some(Response::Text("le 3114".into()))
        );
        assert_eq!(refusal(&f), None);
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        let refused = refusal(&fields(&[("q3", long.as_str())])).expect("too long");
        assert!(refused.contains("500 caractères"), "{refused}");
        assert!(refusal(&fields(&[("q3", "le\n3114")])).is_some());
        assert_eq!(
            response(QuestionKind::ShortAnswer, 3, &[], &fields(&[("q3", "   ")])),
            None
        );
    }

    #[test]
    fn matching_pairs_left_items_with_known_options() {
        let f = fields(&[("q4_m40", "41"), ("q4_m41", "40"), ("q4_m42", "77")]);
        assert_eq!(
            response(QuestionKind::Matching, 4, &[40, 41, 42], &f),
            Some(Response::Pairs(vec![(40, 41), (41, 40)]))
        );
    }

    #[test]
    fn ordering_sorts_items_by_the_places_given() {
        let f = fields(&[("q5_r50", "3"), ("q5_r51", "1"), ("q5_r52", "2")]);
        assert_eq!(
            response(QuestionKind::Ordering, 5, &[50, 51, 52], &f),
            Some(Response::Order(vec![51, 52, 50]))
        );
        // Unplaced items go last; equal places keep the shown order.
        let f = fields(&[("q5_r52", "1"), ("q5_r50", "1")]);
        assert_eq!(
            response(QuestionKind::Ordering, 5, &[50, 51, 52], &f),
            Some(Response::Order(vec![50, 52, 51]))
        );
        assert_eq!(
            saved_rank(Some(&Response::Order(vec![51, 52, 50])), 50),
            Some(3)
        );
    }
}
