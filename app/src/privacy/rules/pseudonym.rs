//! The names that replace an erased person or structure wherever a record of
//! them must stay (attendance, certificates, others' messages): stable, so the
//! same person reads the same everywhere, and naming nobody.

/// The name an erased account bears from then on.
pub fn erased_person(user_id: i32) -> String {
    format!("Personne effacée n° {user_id}")
}

/// Whether `name` is the pseudonym of an erased person (a certificate whose
/// holder's name is no longer kept bears it).
pub fn is_erased_person(name: &str) -> bool {
    name.strip_prefix("Personne effacée n° ")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The name of a structure typed in by an erased person and used by no one else.
pub fn erased_structure(structure_id: i32) -> String {
    format!("Structure effacée n° {structure_id}")
}

/// `text` with every non-empty one of `identifiers` replaced by `pseudonym`,
/// ignoring case (an address is found however it was capitalised); `None`
/// when nothing was found.
pub fn rewrite(text: &str, identifiers: &[&str], pseudonym: &str) -> Option<String> {
    let mut out = text.to_owned();
    let mut changed = false;
    for id in identifiers
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
    {
        let lower_id = id.to_lowercase();
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        loop {
            match find_ignoring_case(rest, &lower_id) {
                Some((start, end)) => {
                    result.push_str(&rest[..start]);
                    result.push_str(pseudonym);
                    rest = &rest[end..];
                    changed = true;
                }
                None => {
                    result.push_str(rest);
                    break;
                }
            }
        }
        out = result;
    }
    changed.then_some(out)
}

/// For a database filter, one lower-case ASCII fragment of each identifier
/// that every mention of it contains (SQLite's `lower` only folds ASCII): the
/// whole identifier when it is ASCII, else its longest ASCII run of at least
/// three letters or digits. `None` when some identifier has none.
pub fn fragments(identifiers: &[&str]) -> Option<Vec<String>> {
    identifiers
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .map(|identifier| {
            if identifier.is_ascii() {
                return Some(identifier.to_ascii_lowercase());
            }
            identifier
                .split(|c: char| !c.is_ascii_alphanumeric())
                .max_by_key(|run| run.len())
                .filter(|run| run.len() >= 3)
                .map(str::to_ascii_lowercase)
        })
        .collect()
}

/// The byte range of the first occurrence of `lower_needle` in `haystack`,
/// compared in lower case (char by char: lower-casing may change byte lengths).
fn find_ignoring_case(haystack: &str, lower_needle: &str) -> Option<(usize, usize)> {
    let needle: Vec<char> = lower_needle.chars().collect();
    if needle.is_empty() {
        return None;
    }
    haystack.char_indices().find_map(|(start, _)| {
        let mut end = start;
        let mut chars = haystack[start..].chars();
        for want in &needle {
            let c = chars.next()?;
            if !c.to_lowercase().eq(std::iter::once(*want)) {
                return None;
            }
            end += c.len_utf8();
        }
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_name_the_number_only() {
        assert_eq!(erased_person(42), "Personne effacée n° 42");
        assert_eq!(erased_structure(7), "Structure effacée n° 7");
        assert!(is_erased_person(&erased_person(42)));
        assert!(!is_erased_person("Personne effacée n° "));
        assert!(!is_erased_person("Zoé Martin"));
    }

    #[test]
    fn every_mention_is_replaced_whatever_its_case() {
        let text = "Zoé Martin (zoe.martin@example.org) — ZOÉ MARTIN est excusée.";
        assert_eq!(
            rewrite(
                text,
                &["Zoé Martin", "zoe.martin@example.org"],
                "Personne effacée n° 3"
            )
            .as_deref(),
            Some(
                "Personne effacée n° 3 (Personne effacée n° 3) — Personne effacée n° 3 est excusée."
            )
        );
    }

    #[test]
    fn each_identifier_gives_a_fragment_its_mentions_contain() {
        assert_eq!(
            fragments(&["Zoé Martin", "Zoe.Martin@Example.org"]),
            Some(vec![
                "martin".to_owned(),
                "zoe.martin@example.org".to_owned()
            ])
        );
        assert_eq!(fragments(&["Zoé", "zoe@example.org"]), None);
    }

    #[test]
    fn a_text_without_mention_is_left_alone() {
        assert_eq!(rewrite("Rien à signaler", &["Zoé", ""], "X"), None);
        assert_eq!(rewrite("", &["Zoé"], "X"), None);
    }
}
