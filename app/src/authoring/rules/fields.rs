//! The checks of the authoring forms, with the French message each failure shows.
//! Numbers arrive as the text typed in the form, so that a letter in a number
//! field gets a message saying which field to correct, not a generic one.

use crate::error::Refusal;
use crate::refusal;
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_TEXT_CHARS: usize = 5_000;
pub const MAX_LESSON_CHARS: usize = 200_000;
pub const MAX_URL_CHARS: usize = 2_000;

/// A title: trimmed, 1 to 200 characters.
pub fn title(text: &str) -> Result<String, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        Err("Le titre est obligatoire.".into())
    } else if text.chars().count() > MAX_TITLE_CHARS {
        Err(refusal!(
            "Le titre ne doit pas dépasser {MAX_TITLE_CHARS} caractères."
        ))
    } else if !crate::text::is_single_line(text) {
        Err("Le titre tient sur une ligne : retirez les retours à la ligne et les caractères de contrôle.".into())
    } else {
        Ok(text.to_owned())
    }
}

/// A free text named `field` (« Le résumé »…), trimmed, at most `max` characters;
/// `required` refuses it empty.
pub fn text(field: &str, value: &str, max: usize, required: bool) -> Result<String, Refusal> {
    let value = value.trim();
    if required && value.is_empty() {
        Err(refusal!("{field} est obligatoire."))
    } else if value.chars().count() > max {
        Err(refusal!("{field} ne doit pas dépasser {max} caractères."))
    } else {
        Ok(value.to_owned())
    }
}

/// The address part of a module's URL, from its title: lowercase ASCII letters
/// and digits separated by single hyphens, accents dropped (`Santé & précarité`
/// → `sante-precarite`). Never empty.
pub fn slug(title: &str) -> String {
    let folded: String = title
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('œ', "oe")
        .replace('æ', "ae");
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    // Long titles make long addresses: 80 characters are plenty to recognise one.
    let slug: String = slug.chars().take(80).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "module".to_owned()
    } else {
        slug.to_owned()
    }
}

fn whole(value: &str) -> Option<i32> {
    value.trim().parse::<i32>().ok()
}

/// Points of a question: a whole number from 1 to 10.
pub fn points(value: &str) -> Result<i32, Refusal> {
    whole(value)
        .filter(|p| (1..=10).contains(p))
        .ok_or_else(|| Refusal::from("Les points doivent être un nombre entier entre 1 et 10."))
}

/// A pass mark in percent: a whole number from 0 to 100.
pub fn pass_mark(value: &str) -> Result<i32, Refusal> {
    whole(value)
        .filter(|p| (0..=100).contains(p))
        .ok_or_else(|| {
            Refusal::from("Le seuil de réussite doit être un nombre entier entre 0 et 100.")
        })
}

/// A duration in minutes named `field` (« La durée »…): a whole number above 0.
pub fn minutes(field: &str, value: &str) -> Result<i32, Refusal> {
    whole(value)
        .filter(|m| (1..=100_000).contains(m))
        .ok_or_else(|| refusal!("{field} doit être un nombre entier de minutes supérieur à 0."))
}

/// An optional count named `field`: empty means none (unlimited), otherwise a whole number above 0.
pub fn optional_positive(field: &str, value: &str) -> Result<Option<i32>, Refusal> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    whole(value)
        .filter(|n| (1..=100_000).contains(n))
        .map(Some)
        .ok_or_else(|| refusal!("{field} doit être vide ou un nombre entier supérieur à 0."))
}

/// The kinds of resource, with their French name.
pub const RESOURCE_KINDS: [(&str, &str); 3] = [
    ("link", "Lien"),
    ("document", "Document"),
    ("contact", "Contact local"),
];

pub fn resource_kind(code: &str) -> Result<String, Refusal> {
    RESOURCE_KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(c, _)| (*c).to_owned())
        .ok_or_else(|| {
            Refusal::from("Choisissez le type de ressource : lien, document ou contact.")
        })
}

/// An optional web address (`http`, `https`, `mailto:` or `tel:`); empty means none.
pub fn url(value: &str) -> Result<Option<String>, Refusal> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let lower = value.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    if !scheme_ok || value.chars().any(char::is_whitespace) || !crate::text::is_single_line(value) {
        Err("L’adresse doit commencer par https://, http://, mailto: ou tel: et ne pas contenir d’espace.".into())
    } else if value.chars().count() > MAX_URL_CHARS {
        Err(refusal!(
            "L’adresse ne doit pas dépasser {MAX_URL_CHARS} caractères."
        ))
    } else {
        Ok(Some(value.to_owned()))
    }
}

/// The non-blank lines of a textarea, trimmed (objectives are typed one per line).
pub fn list(field: &str, value: &str, max_each: usize) -> Result<Vec<String>, Refusal> {
    let items: Vec<String> = value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if items.iter().any(|l| l.chars().count() > max_each) {
        return Err(refusal!(
            "{field} : chaque ligne doit tenir en {max_each} caractères."
        ));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(title("  Repérer  ").as_deref(), Ok("Repérer"));
        assert!(
            title("   ")
                .expect_err("refused")
                .message()
                .contains("obligatoire")
        );
        assert!(title(&"é".repeat(200)).is_ok());
        assert!(
            title(&"é".repeat(201))
                .expect_err("refused")
                .message()
                .contains("200")
        );
    }

    #[test]
    fn free_texts_say_which_field_is_wrong() {
        assert_eq!(text("Le résumé", " x ", 10, true).as_deref(), Ok("x"));
        assert_eq!(text("Le résumé", "", 10, false).as_deref(), Ok(""));
        assert_eq!(
            text("Le résumé", "", 10, true).expect_err("refused"),
            "Le résumé est obligatoire."
        );
        assert!(text("Le résumé", "abcdefghijk", 10, false).is_err());
    }

    #[test]
    fn slugs_are_plain_ascii_with_hyphens() {
        assert_eq!(slug("Santé mentale & précarité"), "sante-mentale-precarite");
        assert_eq!(slug("  L’écoute — Œuvre 2 !"), "l-ecoute-oeuvre-2");
        assert_eq!(slug("Crise : que faire ?"), "crise-que-faire");
        assert_eq!(slug("???"), "module");
        assert!(slug(&"mot ".repeat(60)).len() <= 80);
        assert!(!slug(&"mot ".repeat(60)).ends_with('-'));
    }

    #[test]
    fn points_go_from_one_to_ten() {
        assert_eq!(points(" 3 "), Ok(3));
        assert_eq!(points("10"), Ok(10));
        for bad in ["0", "11", "-1", "deux", "", "1.5"] {
            assert!(
                points(bad)
                    .expect_err("refused")
                    .message()
                    .contains("entre 1 et 10"),
                "{bad}"
            );
        }
    }

    #[test]
    fn pass_marks_go_from_zero_to_a_hundred() {
        assert_eq!(pass_mark("0"), Ok(0));
        assert_eq!(pass_mark("100"), Ok(100));
        assert!(pass_mark("101").is_err());
        assert!(pass_mark("-1").is_err());
        assert!(pass_mark("x").is_err());
    }

    #[test]
    fn minutes_are_above_zero() {
        assert_eq!(minutes("La durée", "45"), Ok(45));
        assert_eq!(
            minutes("La durée", "0").expect_err("refused"),
            "La durée doit être un nombre entier de minutes supérieur à 0."
        );
        assert!(minutes("La durée", "").is_err());
    }

    #[test]
    fn optional_counts_may_be_empty() {
        assert_eq!(optional_positive("Le nombre", " "), Ok(None));
        assert_eq!(optional_positive("Le nombre", "3"), Ok(Some(3)));
        assert!(optional_positive("Le nombre", "0").is_err());
        assert!(optional_positive("Le nombre", "trois").is_err());
    }

    #[test]
    fn resource_kinds_are_the_three_the_database_allows() {
        assert_eq!(resource_kind("contact").as_deref(), Ok("contact"));
        assert!(resource_kind("video").is_err());
    }

    #[test]
    fn urls_need_a_known_scheme() {
        assert_eq!(url(""), Ok(None));
        assert_eq!(
            url(" https://www.psycom.org "),
            Ok(Some("https://www.psycom.org".to_owned()))
        );
        assert!(url("tel:3114").is_ok());
        assert!(url("javascript:alert(1)").is_err());
        assert!(url("https://").is_err());
        assert!(url("https://a b").is_err());
    }

    #[test]
    fn lists_drop_blank_lines() {
        assert_eq!(
            list("Les objectifs", "a\n\n  b \n", 10),
            Ok(vec!["a".to_owned(), "b".to_owned()])
        );
        assert!(list("Les objectifs", "abcdefghijk", 10).is_err());
    }
}
