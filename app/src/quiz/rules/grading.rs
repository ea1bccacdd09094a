//! How a submitted answer earns points. These rules run on the server only (the answer key
//! never reaches the browser before submission) and are shown to learners as they are here.
//!
//! Every question is worth `points`; a [`Grade`] never holds less than 0 nor more than that.
//! A question worth anything gives full points exactly when the answer is `correct`.
//!
//! - **Single choice, true / false**: full points if the chosen choice is the correct one,
//!   none otherwise; no answer earns nothing.
//! - **Multiple choice, with partial credit**: score = max(0, (right selections − wrong
//!   selections) ÷ number of correct choices) × points. Ticking every box therefore earns
//!   (correct − wrong) ÷ correct, which is nothing as soon as there are at least as many wrong
//!   choices as right ones. A choice ticked twice counts once; ids that are not choices of
//!   the question are ignored. The answer is `correct` only when the ticked boxes are exactly
//!   the correct choices. (A question whose key has no correct choice gives full points to
//!   an answer with nothing ticked.) See [`partial_credit_rule`] for the French sentence.
//! - **Short answer**: full points if the answer, normalised (case, accents, spaces and
//!   surrounding punctuation, see [`super::normalise`]), equals one of the accepted answers
//!   normalised the same way; an empty answer earns nothing.
//! - **Matching**: points × (right pairs ÷ pairs of the question). A left item paired twice
//!   counts once, with its first pairing; left items that the question does not have are
//!   ignored. `correct` when every pair is right.
//! - **Ordering**: points × (items in their correct position ÷ items of the question). Items
//!   given twice count once (first place), unknown ids are dropped, and positions are read
//!   from what remains — so moving one item can shift others out of place too. `correct` only
//!   for the exact order.
//! - An answer of another kind than the question (a text for a choice question, …) earns
//!   nothing, and a question with no pairs or no items to order cannot be earned.
//!
//! A quiz is passed when its [`percent`] reaches the pass mark ([`passed`]).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::normalise::normalise;

/// The kinds of question a trainer can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortAnswer,
    Matching,
    Ordering,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::ShortAnswer,
        QuestionKind::Matching,
        QuestionKind::Ordering,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::ShortAnswer => "short_answer",
            QuestionKind::Matching => "matching",
            QuestionKind::Ordering => "ordering",
        }
    }

    pub fn from_code(code: &str) -> Option<QuestionKind> {
        QuestionKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// What the server knows of the right answer; never sent to the browser before submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKey {
    /// Single choice and true / false: the id of the correct choice.
    Choice { correct: i32 },
    /// Multiple choice: the correct choice ids among all the question's choice ids.
    Choices { correct: Vec<i32>, all: Vec<i32> },
    /// Short answer: every accepted answer, as the trainer wrote it.
    Text { accepted: Vec<String> },
    /// Matching: left choice id → right choice id (or index).
    Pairs { pairs: Vec<(i32, i32)> },
    /// Ordering: the choice ids in the correct order.
    Order { ids: Vec<i32> },
}

/// What a learner submits for one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The chosen choice id, if any.
    Choice(Option<i32>),
    /// The ticked choice ids.
    Choices(Vec<i32>),
    Text(String),
    /// Left choice id → right choice id (or index).
    Pairs(Vec<(i32, i32)>),
    /// The choice ids in the order given.
    Order(Vec<i32>),
}

/// The points an answer earned out of the question's `max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub points: f64,
    pub max: f64,
    pub correct: bool,
}

impl Grade {
    /// `share` of `max` (bounded to 0..=1), so that no rule can go below 0 or above `max`.
    fn share(max: f64, share: f64, correct: bool) -> Grade {
        Grade {
            points: max * share.clamp(0.0, 1.0),
            max,
            correct,
        }
    }

    fn all_or_nothing(max: f64, correct: bool) -> Grade {
        Grade::share(max, if correct { 1.0 } else { 0.0 }, correct)
    }
}

/// The partial-credit rule of multiple-choice questions, as shown to learners.
pub fn partial_credit_rule() -> &'static str {
    "Question à choix multiples\u{a0}: chaque bonne réponse cochée rapporte sa part des points \
     (les points divisés par le nombre de bonnes réponses) et chaque mauvaise réponse cochée \
     en retire autant\u{a0}; la note ne descend jamais sous zéro. Cocher toutes les cases ne \
     rapporte donc rien dès qu'il y a au moins autant de mauvaises réponses que de bonnes, \
     et la question n'est juste que si les cases cochées sont exactement les bonnes réponses."
}

/// Grades one answer to a question worth `points` (a negative or non-finite worth counts as 0).
pub fn grade(key: &AnswerKey, response: &Response, points: f64) -> Grade {
    let max = if points.is_finite() && points > 0.0 {
        points
    } else {
        0.0
    };
    match (key, response) {
        (AnswerKey::Choice { correct }, Response::Choice(chosen)) => {
            Grade::all_or_nothing(max, *chosen == Some(*correct))
        }
        (AnswerKey::Choices { correct, all }, Response::Choices(ticked)) => {
            grade_choices(correct, all, ticked, max)
        }
        (AnswerKey::Text { accepted }, Response::Text(given)) => {
            let given = normalise(given);
            let right = !given.is_empty() && accepted.iter().any(|a| normalise(a) == given);
            Grade::all_or_nothing(max, right)
        }
        (AnswerKey::Pairs { pairs }, Response::Pairs(given)) => grade_pairs(pairs, given, max),
        (AnswerKey::Order { ids }, Response::Order(given)) => grade_order(ids, given, max),
        _ => Grade::all_or_nothing(max, false),
    }
}

fn grade_choices(correct: &[i32], all: &[i32], ticked: &[i32], max: f64) -> Grade {
    let correct: HashSet<i32> = correct.iter().copied().collect();
    // A correct id missing from `all` is still one of the question's choices.
    let offered: HashSet<i32> = all.iter().chain(&correct).copied().collect();
    let ticked: HashSet<i32> = ticked
        .iter()
        .copied()
        .filter(|id| offered.contains(id))
        .collect();
    let exact = ticked == correct;
    if correct.is_empty() {
        return Grade::all_or_nothing(max, exact);
    }
    let right = ticked.intersection(&correct).count();
    let wrong = ticked.len() - right;
    let share = (right as f64 - wrong as f64) / correct.len() as f64;
    Grade::share(max, share, exact)
}

fn grade_pairs(key: &[(i32, i32)], given: &[(i32, i32)], max: f64) -> Grade {
    let key = first_pairings(key);
    if key.is_empty() {
        return Grade::all_or_nothing(max, false);
    }
    let given: HashMap<i32, i32> = first_pairings(given).into_iter().collect();
    let right = key
        .iter()
        .filter(|(left, right)| given.get(left) == Some(right))
        .count();
    Grade::share(max, right as f64 / key.len() as f64, right == key.len())
}

fn grade_order(key: &[i32], given: &[i32], max: f64) -> Grade {
    let key = first_occurrences(key);
    if key.is_empty() {
        return Grade::all_or_nothing(max, false);
    }
    let known: HashSet<i32> = key.iter().copied().collect();
    let given: Vec<i32> = first_occurrences(given)
        .into_iter()
        .filter(|id| known.contains(id))
        .collect();
    let in_place = key.iter().zip(&given).filter(|(k, g)| k == g).count();
    // `given` holds distinct ids of `key`, so every place right means the exact order.
    Grade::share(
        max,
        in_place as f64 / key.len() as f64,
        in_place == key.len(),
    )
}

/// The ids in order, each kept at its first occurrence only.
fn first_occurrences(ids: &[i32]) -> Vec<i32> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

/// The pairs in order, each left item kept with its first pairing only.
fn first_pairings(pairs: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut seen = HashSet::new();
    pairs
        .iter()
        .copied()
        .filter(|(left, _)| seen.insert(*left))
        .collect()
}

/// The share of the maximum earned, in percent; 0 when there is nothing to earn.
pub fn percent(earned: f64, max: f64) -> f64 {
    if max.is_finite() && max > 0.0 && earned.is_finite() {
        earned / max * 100.0
    } else {
        0.0
    }
}

/// Sums of fractional points are not exact: 70 % computed as 69.999… still passes a mark of 70.
const PASS_MARK_TOLERANCE: f64 = 1e-9;

/// Whether `earned` out of `max` reaches the pass mark, in percent.
pub fn passed(earned: f64, max: f64, pass_mark_percent: i32) -> bool {
    percent(earned, max) + PASS_MARK_TOLERANCE >= f64::from(pass_mark_percent)
}

#[cfg(test)]
mod tests;
