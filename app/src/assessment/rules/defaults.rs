//! The items a module's questionnaires start with, built from its objectives,
//! so that every module has them without demo data.
//!
//! Self-assessment: one Likert item per objective (« Je me sens capable de
//! … »), then the crisis item the coordinator reports on. Satisfaction à
//! chaud: overall satisfaction (Likert, no objective), the usefulness of each
//! objective (Likert, tagged), what to improve (free text), would recommend
//! (yes / no). Those roles are read back from type and tag (see
//! [`SatisfactionRole`]). Évaluation à froid, three months later: whether
//! what was learnt has been used (yes / no), examples (free text), and how
//! useful it is in practice today (Likert), read back by [`FollowUpRole`].

use super::french::capable_of;

/// The item the coordinator reports on; always in the self-assessment.
pub const CRISIS_PROMPT: &str = "Je me sens capable de repérer, prévenir et gérer une situation de crise liée à la santé mentale d’une personne que j’accompagne.";

pub const OVERALL_PROMPT: &str = "Dans l’ensemble, je suis satisfait·e de cette formation.";
pub const IMPROVE_PROMPT: &str = "Que faudrait-il améliorer ?";
pub const RECOMMEND_PROMPT: &str = "Recommanderiez-vous cette formation à un·e collègue ?";

pub const USED_PROMPT: &str = "Depuis la formation, avez-vous utilisé ce que vous avez appris ?";
pub const EXAMPLES_PROMPT: &str = "Si oui, donnez un ou deux exemples (sans nom ni détail qui permettrait de reconnaître une personne).";
pub const PRACTICE_PROMPT: &str =
    "Aujourd’hui, ce que j’ai appris pendant la formation m’est utile dans ma pratique.";

/// Longest free-text answer.
pub const MAX_TEXT_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultItem {
    pub prompt: String,
    pub item_type: &'static str,
    pub objective_id: Option<i32>,
    pub is_crisis_item: bool,
}

fn likert(prompt: String, objective_id: Option<i32>) -> DefaultItem {
    DefaultItem {
        prompt,
        item_type: "likert",
        objective_id,
        is_crisis_item: false,
    }
}

/// The objective the crisis item is tagged with: one that speaks of crisis, else the last one.
fn crisis_objective(objectives: &[(i32, String)]) -> Option<i32> {
    objectives
        .iter()
        .find(|(_, label)| label.to_lowercase().contains("crise"))
        .or(objectives.last())
        .map(|(id, _)| *id)
}

pub fn self_assessment(objectives: &[(i32, String)]) -> Vec<DefaultItem> {
    let mut items: Vec<DefaultItem> = objectives
        .iter()
        .filter(|(_, label)| !label.trim().is_empty())
        .map(|(id, label)| likert(capable_of(label), Some(*id)))
        .collect();
    items.push(DefaultItem {
        is_crisis_item: true,
        ..likert(CRISIS_PROMPT.to_owned(), crisis_objective(objectives))
    });
    items
}

pub fn satisfaction(objectives: &[(i32, String)]) -> Vec<DefaultItem> {
    let mut items = vec![likert(OVERALL_PROMPT.to_owned(), None)];
    items.extend(objectives.iter().map(|(id, label)| {
        likert(
            format!(
                "Utilité pour ma pratique : {}",
                label.trim().trim_end_matches('.')
            ),
            Some(*id),
        )
    }));
    items.push(DefaultItem {
        prompt: IMPROVE_PROMPT.to_owned(),
        item_type: "free_text",
        objective_id: None,
        is_crisis_item: false,
    });
    items.push(DefaultItem {
        prompt: RECOMMEND_PROMPT.to_owned(),
        item_type: "yes_no",
        objective_id: None,
        is_crisis_item: false,
    });
    items
}

pub fn follow_up() -> Vec<DefaultItem> {
    vec![
        DefaultItem {
            prompt: USED_PROMPT.to_owned(),
            item_type: "yes_no",
            objective_id: None,
            is_crisis_item: false,
        },
        DefaultItem {
            prompt: EXAMPLES_PROMPT.to_owned(),
            item_type: "free_text",
            objective_id: None,
            is_crisis_item: false,
        },
        likert(PRACTICE_PROMPT.to_owned(), None),
    ]
}

/// What a follow-up (à froid) item measures, read from its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpRole {
    Used,
    Examples,
    Usefulness,
}

pub fn follow_up_role(item_type: &str) -> FollowUpRole {
    match item_type {
        "yes_no" => FollowUpRole::Used,
        "free_text" => FollowUpRole::Examples,
        _ => FollowUpRole::Usefulness,
    }
}

/// What a satisfaction item measures, read from its type and tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SatisfactionRole {
    Overall,
    Topic,
    Improve,
    Recommend,
}

pub fn satisfaction_role(item_type: &str, objective_id: Option<i32>) -> SatisfactionRole {
    match (item_type, objective_id) {
        ("free_text", _) => SatisfactionRole::Improve,
        ("yes_no", _) => SatisfactionRole::Recommend,
        (_, Some(_)) => SatisfactionRole::Topic,
        (_, None) => SatisfactionRole::Overall,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objectives() -> Vec<(i32, String)> {
        vec![
            (7, "Repérer les signes de souffrance psychique.".into()),
            (8, "Désamorcer une crise".into()),
            (9, "Orienter vers les ressources".into()),
        ]
    }

    #[test]
    fn one_item_per_objective_then_the_crisis_item() {
        let items = self_assessment(&objectives());
        assert_eq!(items.len(), 4);
        assert_eq!(
            items[0].prompt,
            "Je me sens capable de repérer les signes de souffrance psychique."
        );
        assert_eq!(items[0].objective_id, Some(7));
        let crisis = items.last().expect("valid");
        assert!(crisis.is_crisis_item);
        assert_eq!(crisis.prompt, CRISIS_PROMPT);
        assert_eq!(crisis.objective_id, Some(8));
        assert_eq!(items.iter().filter(|i| i.is_crisis_item).count(), 1);
    }

    #[test]
    fn a_module_without_objectives_still_has_the_crisis_item() {
        let items = self_assessment(&[]);
        assert_eq!(items.len(), 1);
        assert!(items[0].is_crisis_item);
        assert_eq!(items[0].objective_id, None);
    }

    #[test]
    fn satisfaction_items_have_one_role_each() {
        let items = satisfaction(&objectives());
        let roles: Vec<_> = items
            .iter()
            .map(|i| satisfaction_role(i.item_type, i.objective_id))
            .collect();
        assert_eq!(roles[0], SatisfactionRole::Overall);
        assert_eq!(
            roles
                .iter()
                .filter(|r| **r == SatisfactionRole::Topic)
                .count(),
            3
        );
        assert_eq!(roles[4], SatisfactionRole::Improve);
        assert_eq!(roles[5], SatisfactionRole::Recommend);
    }

    #[test]
    fn the_follow_up_asks_use_examples_and_usefulness() {
        let roles: Vec<_> = follow_up()
            .iter()
            .map(|i| follow_up_role(i.item_type))
            .collect();
        assert_eq!(
            roles,
            [
                FollowUpRole::Used,
                FollowUpRole::Examples,
                FollowUpRole::Usefulness
            ]
        );
        assert!(follow_up()[0].prompt.contains("avez-vous utilisé"));
    }
}
