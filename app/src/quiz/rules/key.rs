//! How the stored choices of a question make its answer key.
//!
//! One convention, used by the demo data, the authoring forms and grading:
//! - single choice, true / false, multiple choice: `is_correct` flags the right choices;
//! - matching: each choice is a pair, `label` on the left and `match_label` on the right;
//!   a left item is rightly matched with its own choice id;
//! - ordering: `correct_rank` (1-based) gives each item's place in the right order;
//! - short answer: no choices, the accepted answers are kept on the question.

use serde::{Deserialize, Serialize};

use super::grading::{AnswerKey, QuestionKind};

/// A stored choice, as the quiz engine needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceData {
    pub id: i32,
    pub label: String,
    pub is_correct: bool,
    pub match_label: Option<String>,
    pub correct_rank: Option<i32>,
}

/// The key of a question from its choices (in their stored order) and accepted answers.
pub fn answer_key(kind: QuestionKind, choices: &[ChoiceData], accepted: &[String]) -> AnswerKey {
    match kind {
        QuestionKind::SingleChoice | QuestionKind::TrueFalse => AnswerKey::Choice {
            // A question saved without a right choice cannot be earned: -1 matches no id.
            correct: choices.iter().find(|c| c.is_correct).map_or(-1, |c| c.id),
        },
        QuestionKind::MultipleChoice => AnswerKey::Choices {
            correct: choices
                .iter()
                .filter(|c| c.is_correct)
                .map(|c| c.id)
                .collect(),
            all: choices.iter().map(|c| c.id).collect(),
        },
        QuestionKind::ShortAnswer => AnswerKey::Text {
            accepted: accepted.to_vec(),
        },
        QuestionKind::Matching => AnswerKey::Pairs {
            pairs: choices.iter().map(|c| (c.id, c.id)).collect(),
        },
        QuestionKind::Ordering => {
            let mut ranked: Vec<&ChoiceData> = choices.iter().collect();
            ranked.sort_by_key(|c| (c.correct_rank.unwrap_or(i32::MAX), c.id));
            AnswerKey::Order {
                ids: ranked.into_iter().map(|c| c.id).collect(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(id: i32, correct: bool, rank: Option<i32>) -> ChoiceData {
        ChoiceData {
            id,
            label: format!("choix {id}"),
            is_correct: correct,
            match_label: None,
            correct_rank: rank,
        }
    }

    #[test]
    fn single_choice_key_is_the_flagged_choice() {
        let choices = [choice(4, false, None), choice(5, true, None)];
        assert_eq!(
            answer_key(QuestionKind::SingleChoice, &choices, &[]),
            AnswerKey::Choice { correct: 5 }
        );
        assert_eq!(
            answer_key(QuestionKind::TrueFalse, &[choice(1, false, None)], &[]),
            AnswerKey::Choice { correct: -1 }
        );
    }

    #[test]
    fn multiple_choice_key_lists_right_and_all() {
        let choices = [
            choice(1, true, None),
            choice(2, false, None),
            choice(3, true, None),
        ];
        assert_eq!(
            answer_key(QuestionKind::MultipleChoice, &choices, &[]),
            AnswerKey::Choices {
                correct: vec![1, 3],
                all: vec![1, 2, 3]
            }
        );
    }

    #[test]
    fn ordering_key_follows_ranks_not_storage_order() {
        let choices = [
            choice(7, false, Some(3)),
            choice(8, false, Some(1)),
            choice(9, false, Some(2)),
        ];
        assert_eq!(
            answer_key(QuestionKind::Ordering, &choices, &[]),
            AnswerKey::Order { ids: vec![8, 9, 7] }
        );
    }

    #[test]
    fn matching_pairs_each_left_item_with_itself() {
        let choices = [choice(2, false, None), choice(3, false, None)];
        assert_eq!(
            answer_key(QuestionKind::Matching, &choices, &[]),
            AnswerKey::Pairs {
                pairs: vec![(2, 2), (3, 3)]
            }
        );
    }

    #[test]
    fn short_answer_key_keeps_accepted_answers() {
        let accepted = vec!["3114".to_string(), "le 3114".to_string()];
        assert_eq!(
            answer_key(QuestionKind::ShortAnswer, &[], &accepted),
            AnswerKey::Text { accepted }
        );
    }
}
