//! When the starter content may be installed, and how it is stored.

use crate::error::Refusal;

/// How the installed rows are stored: drafts for a real install (the trainers
/// review them in the Atelier, then publish), published for the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Draft,
    Published,
}

impl Publication {
    pub fn is_published(self) -> bool {
        self == Publication::Published
    }
}

/// The starter modules still to install: those whose address (slug) no module
/// has yet. Refused when every one is already there.
pub fn to_install<'a>(starter: &[&'a str], existing: &[String]) -> Result<Vec<&'a str>, Refusal> {
    let missing: Vec<&str> = starter
        .iter()
        .copied()
        .filter(|slug| !existing.iter().any(|e| e == slug))
        .collect();
    if missing.is_empty() {
        return Err(Refusal::new(
            "Le contenu de départ est déjà installé : retrouvez-le dans l’Atelier.",
        ));
    }
    Ok(missing)
}

/// The offer is made on an empty catalogue only (no module at all, drafts
/// included), so that it never competes with content the CLSM wrote.
pub fn offered(modules_in_catalogue: u64) -> bool {
    modules_in_catalogue == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const STARTER: [&str; 3] = ["a", "b", "c"];

    #[test]
    fn installs_only_the_modules_not_yet_there() {
        assert_eq!(
            to_install(&STARTER, &[]).expect("installable"),
            vec!["a", "b", "c"]
        );
        assert_eq!(
            to_install(&STARTER, &["b".to_owned(), "autre".to_owned()]).expect("installable"),
            vec!["a", "c"]
        );
    }

    #[test]
    fn refuses_when_everything_is_installed() {
        let all: Vec<String> = STARTER.iter().map(|s| s.to_string()).collect();
        let refusal = to_install(&STARTER, &all).expect_err("refused");
        assert!(refusal.message().contains("déjà installé"));
    }

    #[test]
    fn offered_on_an_empty_catalogue_only() {
        assert!(offered(0));
        assert!(!offered(1));
    }
}
