//! Answers put into words for the result page: what the learner gave and what
//! was expected, using the choices' labels.

use super::grading::{AnswerKey, Response};
use super::key::ChoiceData;

fn label(choices: &[ChoiceData], id: i32) -> String {
    choices
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| "(choix inconnu)".to_string(), |c| c.label.clone())
}

fn right_label(choices: &[ChoiceData], id: i32) -> String {
    choices
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.match_label.clone())
        .unwrap_or_else(|| "(choix inconnu)".to_string())
}

fn numbered(lines: impl Iterator<Item = String>) -> Vec<String> {
    lines
        .enumerate()
        .map(|(i, l)| format!("{}. {l}", i + 1))
        .collect()
}

/// The learner's answer, one line per element; empty when nothing was answered.
pub fn given(response: Option<&Response>, choices: &[ChoiceData]) -> Vec<String> {
    match response {
        None | Some(Response::Choice(None)) => Vec::new(),
        Some(Response::Choice(Some(id))) => vec![label(choices, *id)],
        Some(Response::Choices(ids)) => ids.iter().map(|id| label(choices, *id)).collect(),
        Some(Response::Text(text)) => vec![text.clone()],
        Some(Response::Pairs(pairs)) => pairs
            .iter()
            .map(|(l, r)| format!("{} → {}", label(choices, *l), right_label(choices, *r)))
            .collect(),
        Some(Response::Order(ids)) => numbered(ids.iter().map(|id| label(choices, *id))),
    }
}

/// The expected answer, one line per element.
pub fn expected(key: &AnswerKey, choices: &[ChoiceData]) -> Vec<String> {
    match key {
        AnswerKey::Choice { correct } => vec![label(choices, *correct)],
        AnswerKey::Choices { correct, .. } => {
            correct.iter().map(|id| label(choices, *id)).collect()
        }
        AnswerKey::Text { accepted } => accepted.first().cloned().into_iter().collect(),
        AnswerKey::Pairs { pairs } => pairs
            .iter()
            .map(|(l, r)| format!("{} → {}", label(choices, *l), right_label(choices, *r)))
            .collect(),
        AnswerKey::Order { ids } => numbered(ids.iter().map(|id| label(choices, *id))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<ChoiceData> {
        vec![
            ChoiceData {
                id: 1,
                label: "CMP".into(),
                is_correct: true,
                match_label: Some("Consultations".into()),
                correct_rank: Some(2),
            },
            ChoiceData {
                id: 2,
                label: "GEM".into(),
                is_correct: false,
                match_label: Some("Entraide".into()),
                correct_rank: Some(1),
            },
        ]
    }

    #[test]
    fn describes_each_kind_of_answer() {
        let c = choices();
        assert!(given(None, &c).is_empty());
        assert_eq!(given(Some(&Response::Choice(Some(2))), &c), vec!["GEM"]);
        assert_eq!(
            given(Some(&Response::Pairs(vec![(1, 2)])), &c),
            vec!["CMP → Entraide"]
        );
        assert_eq!(
            given(Some(&Response::Order(vec![2, 1])), &c),
            vec!["1. GEM", "2. CMP"]
        );
        assert_eq!(
            given(Some(&Response::Choices(vec![9])), &c),
            vec!["(choix inconnu)"]
        );
    }

    #[test]
    fn describes_the_expected_answer() {
        let c = choices();
        assert_eq!(expected(&AnswerKey::Choice { correct: 1 }, &c), vec!["CMP"]);
        assert_eq!(
            expected(&AnswerKey::Order { ids: vec![2, 1] }, &c),
            vec!["1. GEM", "2. CMP"]
        );
        assert_eq!(
            expected(
                &AnswerKey::Text {
                    accepted: vec!["3114".into(), "le 3114".into()]
                },
                &c
            ),
            vec!["3114"]
        );
    }
}
