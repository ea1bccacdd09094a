//! An audit entry's details (JSON written by each feature) as French lines:
//! a name and a value each. Codes become their labels (roles, attendance),
//! people's ids their names, and the session is left to the entry's link.
//! A key this module does not know is shown as it is, never hidden.

use serde_json::Value;

use crate::attendance::rules::{Attendance, MarkMethod};
use crate::roles::Role;

/// The keys that name the entry's session (shown as its link instead).
pub const SESSION_KEYS: [&str; 2] = ["session_id", "session"];

/// The keys whose value is a person's id.
pub const PERSON_KEYS: [&str; 1] = ["learner"];

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "oui".to_owned(),
        Value::Bool(false) => "non".to_owned(),
        Value::Null => "—".to_owned(),
        other => other.to_string(),
    }
}

fn coded(value: &Value, label: impl Fn(&str) -> Option<&'static str>) -> String {
    match value.as_str() {
        Some(code) => label(code).map_or_else(|| code.to_owned(), str::to_owned),
        None => text(value),
    }
}

/// « Module A : 2 → 3 ; Module B : 0 → 1 » from the programme's changes.
fn counts(value: &Value) -> String {
    match value.as_array() {
        Some(items) if !items.is_empty() => items
            .iter()
            .map(|c| {
                format!(
                    "{} : {} → {}",
                    text(&c["module"]),
                    text(&c["before"]),
                    text(&c["after"])
                )
            })
            .collect::<Vec<_>>()
            .join(" ; "),
        Some(_) => "aucun".to_owned(),
        None => text(value),
    }
}

/// The lines of `details`; `name` gives a person's name from their id.
pub fn readable(details: &Value, name: impl Fn(i32) -> Option<String>) -> Vec<(String, String)> {
    let Some(fields) = details.as_object() else {
        return match details {
            Value::Null => Vec::new(),
            other => vec![("Détails".to_owned(), text(other))],
        };
    };
    fields
        .iter()
        .filter(|(key, _)| !SESSION_KEYS.contains(&key.as_str()))
        .map(|(key, value)| {
            let (label, shown) = match key.as_str() {
                "learner" => (
                    "Participant·e",
                    value
                        .as_i64()
                        .and_then(|id| i32::try_from(id).ok())
                        .and_then(&name)
                        .unwrap_or_else(|| text(value)),
                ),
                "reason" => ("Motif", text(value)),
                "number" => ("Numéro", text(value)),
                "from" => (
                    "Rôle avant",
                    coded(value, |c| Role::from_code(c).map(Role::label)),
                ),
                "to" => (
                    "Rôle après",
                    coded(value, |c| Role::from_code(c).map(Role::label)),
                ),
                "old_status" => (
                    "Statut avant",
                    coded(value, |c| Attendance::from_code(c).map(Attendance::label)),
                ),
                "new_status" => (
                    "Statut après",
                    coded(value, |c| Attendance::from_code(c).map(Attendance::label)),
                ),
                "old_method" => (
                    "Mode d’émargement",
                    coded(value, |c| MarkMethod::from_code(c).map(MarkMethod::label)),
                ),
                "slot_id" => ("Demi-journée", format!("n° {}", text(value))),
                "enrolment_id" => ("Inscription", format!("n° {}", text(value))),
                "half_days" => ("Demi-journées", text(value)),
                "counts" => ("Sessions prévues", counts(value)),
                "note_changed" => ("Note modifiée", text(value)),
                other => return (other.to_owned(), text(value)),
            };
            (label.to_owned(), shown)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines(details: Value) -> Vec<(String, String)> {
        readable(&details, |id| (id == 7).then(|| "Léa Martin".to_owned()))
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn codes_become_french_and_ids_names() {
        assert_eq!(
            lines(
                json!({ "session_id": 3, "learner": 7, "number": "RELAIS-2026-000001", "reason": "Erreur" })
            ),
            [
                pair("Participant·e", "Léa Martin"),
                pair("Numéro", "RELAIS-2026-000001"),
                pair("Motif", "Erreur"),
            ]
        );
        assert_eq!(
            lines(json!({ "from": "learner", "to": "trainer" })),
            [
                pair("Rôle avant", "Apprenant·e"),
                pair("Rôle après", "Formateur·rice")
            ]
        );
        assert_eq!(
            lines(
                json!({ "counts": [{ "module": "Crise", "before": 0, "after": 2 }], "note_changed": false })
            ),
            [
                pair("Sessions prévues", "Crise : 0 → 2"),
                pair("Note modifiée", "non")
            ]
        );
    }

    #[test]
    fn unknown_keys_and_values_stay_visible() {
        assert_eq!(lines(json!({ "autre": 1 })), [pair("autre", "1")]);
        assert_eq!(
            lines(json!({ "learner": 99 })),
            [pair("Participant·e", "99")]
        );
        assert_eq!(lines(json!({ "from": "x" })), [pair("Rôle avant", "x")]);
        assert_eq!(lines(Value::Null), Vec::<(String, String)>::new());
        assert_eq!(lines(json!("texte")), [pair("Détails", "texte")]);
    }
}
