//! The order in which one attempt shows questions and choices, drawn once at the
//! start and stored with the attempt, so a reload or a save never reshuffles.
//!
//! Questions and choices are shuffled when the quiz asks for it. Ordering items are
//! always shuffled (stored in the right order, they would give the answer away) and
//! never left in the right order when there are at least two.

use rand::Rng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::grading::QuestionKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptLayout {
    pub questions: Vec<LaidOutQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaidOutQuestion {
    pub question_id: i32,
    /// Choice ids in display order (for matching: the left-hand items).
    pub choices: Vec<i32>,
    /// Matching only: the right-hand options, by the id of the choice that owns them.
    #[serde(default)]
    pub options: Vec<i32>,
}

/// What the layout needs of a question: its id, kind and choice ids in stored order.
#[derive(Debug, Clone)]
pub struct QuestionShape {
    pub id: i32,
    pub kind: QuestionKind,
    pub choices: Vec<i32>,
}

pub fn draw(questions: &[QuestionShape], shuffle: bool, rng: &mut impl Rng) -> AttemptLayout {
    let mut laid: Vec<LaidOutQuestion> = questions
        .iter()
        .map(|q| {
            let mut choices = q.choices.clone();
            let mut options = Vec::new();
            match q.kind {
                QuestionKind::Ordering => shuffle_away_from(&mut choices, &q.choices, rng),
                QuestionKind::Matching => {
                    options = q.choices.clone();
                    shuffle_away_from(&mut options, &q.choices, rng);
                    if shuffle {
                        choices.shuffle(rng);
                    }
                }
                // « Vrai » stays before « Faux ».
                QuestionKind::TrueFalse | QuestionKind::ShortAnswer => {}
                QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                    if shuffle {
                        choices.shuffle(rng);
                    }
                }
            }
            LaidOutQuestion {
                question_id: q.id,
                choices,
                options,
            }
        })
        .collect();
    if shuffle {
        laid.shuffle(rng);
    }
    AttemptLayout { questions: laid }
}

/// Shuffles `items` so that, with two or more, they never stay in `right` order.
fn shuffle_away_from(items: &mut [i32], right: &[i32], rng: &mut impl Rng) {
    if items.len() < 2 {
        return;
    }
    items.shuffle(rng);
    if items == right {
        items.rotate_left(1);
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    fn shape(id: i32, kind: QuestionKind, choices: &[i32]) -> QuestionShape {
        QuestionShape {
            id,
            kind,
            choices: choices.to_vec(),
        }
    }

    #[test]
    fn ordering_items_are_never_shown_in_the_right_order() {
        for seed in 0..200 {
            let mut rng = StdRng::seed_from_u64(seed);
            let layout = draw(
                &[shape(1, QuestionKind::Ordering, &[1, 2])],
                false,
                &mut rng,
            );
            assert_eq!(layout.questions[0].choices, vec![2, 1], "seed {seed}");
        }
    }

    #[test]
    fn without_shuffle_questions_and_choices_keep_their_order() {
        let mut rng = StdRng::seed_from_u64(1);
        let questions = [
            shape(1, QuestionKind::SingleChoice, &[10, 11, 12]),
            shape(2, QuestionKind::TrueFalse, &[20, 21]),
        ];
        let layout = draw(&questions, false, &mut rng);
        let ids: Vec<i32> = layout.questions.iter().map(|q| q.question_id).collect();
        assert_eq!(ids, vec![1, 2]);
        assert_eq!(layout.questions[0].choices, vec![10, 11, 12]);
    }

    #[test]
    fn shuffle_keeps_every_question_and_choice_exactly_once() {
        let questions: Vec<QuestionShape> = (1..=10)
            .map(|id| {
                shape(
                    id,
                    QuestionKind::MultipleChoice,
                    &[id * 10, id * 10 + 1, id * 10 + 2],
                )
            })
            .collect();
        let mut rng = StdRng::seed_from_u64(7);
        let layout = draw(&questions, true, &mut rng);
        let mut ids: Vec<i32> = layout.questions.iter().map(|q| q.question_id).collect();
        assert_ne!(
            ids,
            (1..=10).collect::<Vec<_>>(),
            "10 questions stayed in order"
        );
        ids.sort();
        assert_eq!(ids, (1..=10).collect::<Vec<_>>());
        for q in &layout.questions {
            let mut choices = q.choices.clone();
            choices.sort();
            let id = q.question_id;
            assert_eq!(choices, vec![id * 10, id * 10 + 1, id * 10 + 2]);
        }
    }

    #[test]
    fn true_false_keeps_vrai_first_even_when_shuffled() {
        let mut rng = StdRng::seed_from_u64(3);
        for _ in 0..20 {
            let layout = draw(
                &[shape(1, QuestionKind::TrueFalse, &[5, 6])],
                true,
                &mut rng,
            );
            assert_eq!(layout.questions[0].choices, vec![5, 6]);
        }
    }

    #[test]
    fn matching_options_are_the_pairs_right_sides_mixed() {
        let mut rng = StdRng::seed_from_u64(11);
        let layout = draw(
            &[shape(1, QuestionKind::Matching, &[3, 4, 5])],
            false,
            &mut rng,
        );
        let q = &layout.questions[0];
        assert_eq!(q.choices, vec![3, 4, 5]);
        assert_ne!(q.options, vec![3, 4, 5]);
        let mut options = q.options.clone();
        options.sort();
        assert_eq!(options, vec![3, 4, 5]);
    }
}
