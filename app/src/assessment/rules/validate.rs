//! The checks of a posted questionnaire and of an edited item.
//!
//! A questionnaire must work without JavaScript, so each answer is a plain
//! field `input[answers][i<item>]`: « 1 » to « 5 » for a Likert item,
//! « oui » / « non » for a yes / no item, text for a free-text item.

use crate::error::Refusal;
use crate::refusal;
use std::collections::HashMap;

use super::defaults::MAX_TEXT_CHARS;

/// Longest item wording.
pub const MAX_PROMPT_CHARS: usize = 500;

pub fn field_name(item: i32) -> String {
    format!("i{item}")
}

/// One stored answer: the item, a number (Likert 1–5, yes = 1 / no = 0) or a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub item_id: i32,
    pub value_int: Option<i32>,
    pub value_text: Option<String>,
}

/// The answers to `items` (`(id, item_type)`), or the French reason to refuse them all.
pub fn answers(
    items: &[(i32, String)],
    fields: &HashMap<String, String>,
) -> Result<Vec<Parsed>, Refusal> {
    let mut out = Vec::new();
    for (id, item_type) in items {
        let raw = fields.get(&field_name(*id)).map(|v| v.trim()).unwrap_or("");
        let parsed = match item_type.as_str() {
            "likert" => {
                let v = raw
                    .parse::<i32>()
                    .ok()
                    .filter(|v| (1..=5).contains(v))
                    .ok_or("Répondez à chaque affirmation par une valeur de 1 à 5.")?;
                Some((Some(v), None))
            }
            "yes_no" => match raw {
                "oui" => Some((Some(1), None)),
                "non" => Some((Some(0), None)),
                _ => return Err("Répondez par oui ou par non à chaque question.".into()),
            },
            _ => {
                if raw.chars().count() > MAX_TEXT_CHARS {
                    return Err(refusal!(
                        "Votre commentaire dépasse {MAX_TEXT_CHARS} caractères : raccourcissez-le."
                    ));
                }
                (!raw.is_empty()).then(|| (None, Some(raw.to_owned())))
            }
        };
        if let Some((value_int, value_text)) = parsed {
            out.push(Parsed {
                item_id: *id,
                value_int,
                value_text,
            });
        }
    }
    Ok(out)
}

/// A trimmed item wording, or why it is refused.
pub fn prompt(raw: &str) -> Result<String, Refusal> {
    let p = raw.trim();
    if p.is_empty() {
        return Err("Écrivez l’affirmation à évaluer.".into());
    }
    if p.chars().count() > MAX_PROMPT_CHARS {
        return Err(refusal!(
            "L’affirmation dépasse {MAX_PROMPT_CHARS} caractères : raccourcissez-la."
        ));
    }
    Ok(p.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn items() -> Vec<(i32, String)> {
        vec![
            (1, "likert".into()),
            (2, "free_text".into()),
            (3, "yes_no".into()),
        ]
    }

    #[test]
    fn complete_answers_parse() {
        let got = answers(
            &items(),
            &fields(&[("i1", "4"), ("i2", " Plus de cas "), ("i3", "non")]),
        )
        .expect("valid");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].value_int, Some(4));
        assert_eq!(got[1].value_text.as_deref(), Some("Plus de cas"));
        assert_eq!(got[2].value_int, Some(0));
    }

    #[test]
    fn free_text_is_optional_but_bounded() {
        let got = answers(&items(), &fields(&[("i1", "1"), ("i3", "oui")])).expect("valid");
        assert_eq!(got.len(), 2);
        let long = "x".repeat(2001);
        let err = answers(
            &items(),
            &fields(&[("i1", "1"), ("i2", &long), ("i3", "oui")]),
        );
        assert!(err.expect_err("refused").message().contains("2000"));
    }

    #[test]
    fn missing_or_out_of_range_likert_is_refused() {
        assert!(answers(&items(), &fields(&[("i3", "oui")])).is_err());
        assert!(answers(&items(), &fields(&[("i1", "6"), ("i3", "oui")])).is_err());
        assert!(answers(&items(), &fields(&[("i1", "0"), ("i3", "oui")])).is_err());
        assert!(answers(&items(), &fields(&[("i1", "3"), ("i3", "peut-être")])).is_err());
    }

    #[test]
    fn prompts_are_trimmed_and_bounded() {
        assert_eq!(prompt("  Je sais.  ").expect("valid"), "Je sais.");
        assert!(prompt("   ").is_err());
        assert!(prompt(&"a".repeat(501)).is_err());
    }
}
