//! One-line texts a person types (their name, profession, a new structure's name):
//! trimmed, bounded, and free of characters that would break a line or a header.

use super::FieldError;

/// The shortest name accepted for a person.
pub const DISPLAY_NAME_MIN_CHARS: usize = 2;
/// The longest name accepted for a person.
pub const DISPLAY_NAME_MAX_CHARS: usize = 120;
/// The longest profession accepted.
pub const PROFESSION_MAX_CHARS: usize = 120;
/// The shortest name accepted for a new structure.
pub const STRUCTURE_NAME_MIN_CHARS: usize = 2;
/// The longest name accepted for a new structure.
pub const STRUCTURE_NAME_MAX_CHARS: usize = 200;

/// Checks the name a person is shown under: trimmed, 2 to 120 characters, on one line.
///
/// Field: `display_name`.
pub fn check_display_name(raw: &str) -> Result<String, FieldError> {
    check_text(
        raw,
        &TextRule {
            field: "display_name",
            min: DISPLAY_NAME_MIN_CHARS,
            max: DISPLAY_NAME_MAX_CHARS,
            too_short: "Saisissez votre nom (au moins 2 caractères).",
            too_long: "Le nom ne peut pas dépasser 120 caractères.",
            forbidden: "Le nom doit tenir sur une ligne, sans caractère de contrôle.",
        },
    )
}

/// Checks the optional profession: trimmed, at most 120 characters, on one line;
/// left empty it is `None`.
///
/// Field: `profession`.
pub fn check_profession(raw: &str) -> Result<Option<String>, FieldError> {
    let profession = check_text(
        raw,
        &TextRule {
            field: "profession",
            min: 0,
            max: PROFESSION_MAX_CHARS,
            too_short: "",
            too_long: "La profession ne peut pas dépasser 120 caractères.",
            forbidden: "La profession doit tenir sur une ligne, sans caractère de contrôle.",
        },
    )?;
    Ok(Some(profession).filter(|p| !p.is_empty()))
}

/// Checks the name of a structure a person adds: trimmed, 2 to 200 characters, on one line.
///
/// Field: `structure_name`.
pub fn check_new_structure_name(raw: &str) -> Result<String, FieldError> {
    check_text(
        raw,
        &TextRule {
            field: "structure_name",
            min: STRUCTURE_NAME_MIN_CHARS,
            max: STRUCTURE_NAME_MAX_CHARS,
            too_short: "Saisissez le nom de la structure (au moins 2 caractères).",
            too_long: "Le nom de la structure ne peut pas dépasser 200 caractères.",
            forbidden: "Le nom de la structure doit tenir sur une ligne, sans caractère de contrôle.",
        },
    )
}

/// The longest city accepted for a structure.
pub const CITY_MAX_CHARS: usize = 120;

/// Checks the optional city of a structure: trimmed, at most 120 characters, on one
/// line; left empty it is `None`.
///
/// Field: `city`.
pub fn check_city(raw: &str) -> Result<Option<String>, FieldError> {
    let city = check_text(
        raw,
        &TextRule {
            field: "city",
            min: 0,
            max: CITY_MAX_CHARS,
            too_short: "",
            too_long: "La ville ne peut pas dépasser 120 caractères.",
            forbidden: "La ville doit tenir sur une ligne, sans caractère de contrôle.",
        },
    )?;
    Ok(Some(city).filter(|c| !c.is_empty()))
}

/// The limits and messages of a one-line text field.
struct TextRule {
    field: &'static str,
    min: usize,
    max: usize,
    too_short: &'static str,
    too_long: &'static str,
    forbidden: &'static str,
}

fn check_text(raw: &str, rule: &TextRule) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.chars().any(is_forbidden_in_text) {
        return Err(FieldError::new(rule.field, rule.forbidden));
    }
    let length = text.chars().count();
    if length < rule.min {
        return Err(FieldError::new(rule.field, rule.too_short));
    }
    if length > rule.max {
        return Err(FieldError::new(rule.field, rule.too_long));
    }
    Ok(text.to_owned())
}

/// Characters no one-line text may hold (see [`crate::text`]).
pub(super) fn is_forbidden_in_text(c: char) -> bool {
    crate::text::is_forbidden_in_line(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::rules::message;

    #[test]
    fn city_is_optional_and_bounded() {
        assert_eq!(check_city("  "), Ok(None));
        assert_eq!(check_city(" Metz "), Ok(Some("Metz".to_owned())));
        assert_eq!(
            message(check_city(&"é".repeat(CITY_MAX_CHARS + 1))),
            "La ville ne peut pas dépasser 120 caractères."
        );
        assert_eq!(check_city("Metz\n").map(|c| c.is_some()), Ok(true));
        assert!(check_city("Me\u{202E}tz").is_err());
    }

    #[test]
    fn display_name_is_trimmed_and_bounded() {
        assert_eq!(
            check_display_name("  Camille Martin "),
            Ok("Camille Martin".to_owned())
        );
        assert_eq!(check_display_name("Lé"), Ok("Lé".to_owned()));
        assert_eq!(check_display_name("Camille\r\n"), Ok("Camille".to_owned()));
        let longest = "é".repeat(DISPLAY_NAME_MAX_CHARS);
        assert_eq!(check_display_name(&longest), Ok(longest.clone()));
        let error = check_display_name(&format!("{longest}é")).expect_err("121 characters");
        assert_eq!(error.field, "display_name");
        assert_eq!(error.message, "Le nom ne peut pas dépasser 120 caractères.");
        for short in ["", "   ", "é", " C "] {
            assert_eq!(
                message(check_display_name(short)),
                "Saisissez votre nom (au moins 2 caractères).",
                "{short:?}"
            );
        }
    }

    #[test]
    fn display_name_cannot_inject_headers() {
        for raw in [
            "Camille\r\nBcc: victime@exemple.fr",
            "Camille\nMartin",
            "Camille\rMartin",
            "Camille\tMartin",
            "Camille\u{0}",
            "Camille\u{2028}Martin",
            "\u{202E}nitraM",
        ] {
            let error = check_display_name(raw).expect_err(raw);
            assert_eq!(error.field, "display_name");
            assert!(!error.message.contains("Camille"));
        }
    }

    #[test]
    fn profession_is_optional() {
        assert_eq!(check_profession(""), Ok(None));
        assert_eq!(check_profession("  \t "), Ok(None));
        assert_eq!(
            check_profession(" Assistante sociale "),
            Ok(Some("Assistante sociale".to_owned()))
        );
        assert_eq!(check_profession("x"), Ok(Some("x".to_owned())));
        let longest = "é".repeat(PROFESSION_MAX_CHARS);
        assert_eq!(check_profession(&longest), Ok(Some(longest.clone())));
        let error = check_profession(&format!("{longest}é")).expect_err("121 characters");
        assert_eq!(error.field, "profession");
        assert_eq!(
            error.message,
            "La profession ne peut pas dépasser 120 caractères."
        );
        assert_eq!(
            check_profession("Éducatrice\r\nspécialisée").map_err(|e| e.field),
            Err("profession")
        );
    }

    #[test]
    fn structure_name_is_trimmed_and_bounded() {
        assert_eq!(
            check_new_structure_name(" CCAS « Carrefour des solidarités » "),
            Ok("CCAS « Carrefour des solidarités »".to_owned())
        );
        assert_eq!(check_new_structure_name("Lé"), Ok("Lé".to_owned()));
        let longest = "é".repeat(STRUCTURE_NAME_MAX_CHARS);
        assert_eq!(check_new_structure_name(&longest), Ok(longest.clone()));
        assert_eq!(
            message(check_new_structure_name(&format!("{longest}é"))),
            "Le nom de la structure ne peut pas dépasser 200 caractères."
        );
        assert_eq!(
            message(check_new_structure_name(" é ")),
            "Saisissez le nom de la structure (au moins 2 caractères)."
        );
        let error = check_new_structure_name("GEM\r\nL’Albatros").expect_err("two lines");
        assert_eq!(error.field, "structure_name");
    }
}
