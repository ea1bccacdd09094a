//! A question's answers are typed in one textarea, one line per element, so that
//! every kind of question is written the same way with or without JavaScript.
//! [`parse`] turns that text into what is stored (following [`crate::quiz::rules::key`]),
//! [`format`] turns stored answers back into the text shown for editing.
//!
//! - single choice: at least two lines, exactly one starting with `* ` (the right one);
//! - multiple choice: at least two lines, at least one starting with `* `;
//! - true / false: `vrai` or `faux` → the choices « Vrai » and « Faux », one flagged;
//! - short answer: one accepted answer per line (no choices);
//! - matching: at least two lines `gauche => droite`;
//! - ordering: at least two lines, in the right order.
//!
//! Blank lines are ignored, spaces around a line trimmed, a line holds at most
//! 500 characters, and the same element twice is refused (compared the way short
//! answers are graded: case, accents and surrounding punctuation do not count).

use crate::error::Refusal;
use crate::refusal;
use std::collections::HashSet;

use crate::quiz::rules::grading::QuestionKind;
use crate::quiz::rules::normalise::normalise;

pub const MAX_LINE_CHARS: usize = 500;

/// One choice as it will be stored (its position is its place in the list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceDraft {
    pub label: String,
    pub is_correct: bool,
    pub match_label: Option<String>,
    pub correct_rank: Option<i32>,
}

impl ChoiceDraft {
    fn plain(label: &str, is_correct: bool) -> ChoiceDraft {
        ChoiceDraft {
            label: label.to_owned(),
            is_correct,
            match_label: None,
            correct_rank: None,
        }
    }
}

/// What a question's answers become: choices, or accepted answers (short answer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub choices: Vec<ChoiceDraft>,
    pub accepted: Vec<String>,
}

/// The hint shown under the answers field for `kind`.
pub fn hint(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice => {
            "Un choix par ligne (au moins deux) ; commencez la bonne réponse, et elle seule, par « * »."
        }
        QuestionKind::MultipleChoice => {
            "Un choix par ligne (au moins deux) ; commencez chaque bonne réponse par « * »."
        }
        QuestionKind::TrueFalse => "Écrivez « vrai » ou « faux » : la bonne réponse.",
        QuestionKind::ShortAnswer => {
            "Une réponse acceptée par ligne ; la casse, les accents et la ponctuation autour ne comptent pas."
        }
        QuestionKind::Matching => {
            "Une paire par ligne (au moins deux), sous la forme « gauche => droite »."
        }
        QuestionKind::Ordering => "Un élément par ligne (au moins deux), dans le bon ordre.",
    }
}

/// Most answers, choices, pairs or items a question may have.
pub const MAX_LINES: usize = 50;

/// The non-blank lines of `text`, trimmed: at most [`MAX_LINES`], each at most
/// [`MAX_LINE_CHARS`] long.
fn lines(text: &str) -> Result<Vec<&str>, Refusal> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > MAX_LINES {
        return Err(refusal!(
            "Réponses : {MAX_LINES} lignes au plus (il y en a {}).",
            lines.len()
        ));
    }
    if let Some(n) = lines
        .iter()
        .position(|l| l.chars().count() > MAX_LINE_CHARS)
    {
        return Err(refusal!(
            "Réponses : la ligne {} dépasse {MAX_LINE_CHARS} caractères.",
            n + 1
        ));
    }
    Ok(lines)
}

/// Refuses the same element twice.
fn distinct<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<(), Refusal> {
    let mut seen = HashSet::new();
    for item in items {
        if !seen.insert(normalise(item)) {
            return Err(refusal!("Réponses : « {item} » figure deux fois."));
        }
    }
    Ok(())
}

/// `* label` → (label, true); `label` → (label, false).
fn marked(line: &str) -> (&str, bool) {
    match line.strip_prefix('*') {
        Some(rest) if rest.starts_with(char::is_whitespace) => (rest.trim(), true),
        _ => (line, false),
    }
}

fn at_least_two(lines: &[&str], what: &str) -> Result<(), Refusal> {
    if lines.len() < 2 {
        Err(refusal!(
            "Réponses : écrivez au moins deux {what}, un par ligne."
        ))
    } else {
        Ok(())
    }
}

/// The stored form of the answers typed for a question of `kind`.
pub fn parse(kind: QuestionKind, text: &str) -> Result<Answers, Refusal> {
    let lines = lines(text)?;
    if lines.is_empty() {
        return Err("Réponses : ce champ est obligatoire.".into());
    }
    match kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => choices(kind, &lines),
        QuestionKind::TrueFalse => true_false(&lines),
        QuestionKind::ShortAnswer => {
            if lines.iter().any(|l| normalise(l).is_empty()) {
                return Err(
                    "Réponses : une réponse acceptée ne peut pas être faite que de ponctuation."
                        .into(),
                );
            }
            distinct(lines.iter().copied())?;
            Ok(Answers {
                choices: Vec::new(),
                accepted: lines.iter().map(|l| (*l).to_owned()).collect(),
            })
        }
        QuestionKind::Matching => matching(&lines),
        QuestionKind::Ordering => {
            at_least_two(&lines, "éléments")?;
            distinct(lines.iter().copied())?;
            Ok(Answers {
                choices: (1..)
                    .zip(&lines)
                    .map(|(rank, l)| ChoiceDraft {
                        correct_rank: Some(rank),
                        ..ChoiceDraft::plain(l, false)
                    })
                    .collect(),
                accepted: Vec::new(),
            })
        }
    }
}

fn choices(kind: QuestionKind, lines: &[&str]) -> Result<Answers, Refusal> {
    at_least_two(lines, "choix")?;
    let drafts: Vec<(&str, bool)> = lines.iter().map(|l| marked(l)).collect();
    if drafts.iter().any(|(label, _)| label.is_empty()) {
        return Err("Réponses : un choix marqué « * » n’a pas de texte.".into());
    }
    distinct(drafts.iter().map(|(label, _)| *label))?;
    let right = drafts.iter().filter(|(_, correct)| *correct).count();
    match (kind, right) {
        (QuestionKind::SingleChoice, 1) | (QuestionKind::MultipleChoice, 1..) => {}
        (QuestionKind::SingleChoice, 0) | (QuestionKind::MultipleChoice, 0) => {
            return Err(
                "Réponses : commencez la bonne réponse par « * » (astérisque puis espace).".into(),
            );
        }
        _ => {
            return Err(
                "Réponses : une question à choix unique n’a qu’une bonne réponse (une seule ligne commençant par « * »)."
                    .into(),
            );
        }
    }
    Ok(Answers {
        choices: drafts
            .into_iter()
            .map(|(label, correct)| ChoiceDraft::plain(label, correct))
            .collect(),
        accepted: Vec::new(),
    })
}

fn true_false(lines: &[&str]) -> Result<Answers, Refusal> {
    let right = match lines {
        [one] => match normalise(one).as_str() {
            "vrai" => Some(true),
            "faux" => Some(false),
            _ => None,
        },
        _ => None,
    };
    let right = right.ok_or_else(|| {
        "Réponses : écrivez seulement « vrai » ou « faux », la bonne réponse.".to_owned()
    })?;
    Ok(Answers {
        choices: vec![
            ChoiceDraft::plain("Vrai", right),
            ChoiceDraft::plain("Faux", !right),
        ],
        accepted: Vec::new(),
    })
}

fn matching(lines: &[&str]) -> Result<Answers, Refusal> {
    at_least_two(lines, "paires")?;
    let mut pairs = Vec::with_capacity(lines.len());
    for (n, line) in lines.iter().enumerate() {
        let pair = line
            .split_once("=>")
            .map(|(l, r)| (l.trim(), r.trim()))
            .filter(|(l, r)| !l.is_empty() && !r.is_empty());
        let Some(pair) = pair else {
            return Err(refusal!(
                "Réponses : la ligne {} doit avoir la forme « gauche => droite ».",
                n + 1
            ));
        };
        pairs.push(pair);
    }
    distinct(pairs.iter().map(|(l, _)| *l))?;
    distinct(pairs.iter().map(|(_, r)| *r))?;
    Ok(Answers {
        choices: pairs
            .into_iter()
            .map(|(left, right)| ChoiceDraft {
                match_label: Some(right.to_owned()),
                ..ChoiceDraft::plain(left, false)
            })
            .collect(),
        accepted: Vec::new(),
    })
}

/// The text that [`parse`] turns back into these stored answers (choices in stored order).
pub fn format(kind: QuestionKind, answers: &Answers) -> String {
    let choices = &answers.choices;
    let lines: Vec<String> = match kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => choices
            .iter()
            .map(|c| {
                if c.is_correct {
                    format!("* {}", c.label)
                } else {
                    c.label.clone()
                }
            })
            .collect(),
        QuestionKind::TrueFalse => {
            let vrai_is_right = choices
                .iter()
                .find(|c| c.is_correct)
                .is_some_and(|c| normalise(&c.label) == "vrai");
            vec![if vrai_is_right { "vrai" } else { "faux" }.to_owned()]
        }
        QuestionKind::ShortAnswer => answers.accepted.clone(),
        QuestionKind::Matching => choices
            .iter()
            .map(|c| format!("{} => {}", c.label, c.match_label.as_deref().unwrap_or("")))
            .collect(),
        QuestionKind::Ordering => {
            let mut ranked: Vec<&ChoiceDraft> = choices.iter().collect();
            ranked.sort_by_key(|c| c.correct_rank.unwrap_or(i32::MAX));
            ranked.into_iter().map(|c| c.label.clone()).collect()
        }
    };
    lines.join("\n")
}

#[cfg(test)]
mod tests;
