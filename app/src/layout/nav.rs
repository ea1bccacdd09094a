//! Which navigation links each kind of visitor sees.

use crate::roles::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
}

const fn item(href: &'static str, label: &'static str) -> NavItem {
    NavItem { href, label }
}

/// The main navigation for a visitor (`None`) or a signed-in role.
///
/// Hiding a link is a convenience, never a rule: every page checks access on
/// the server as well.
pub fn nav_items(role: Option<Role>) -> Vec<NavItem> {
    let mut items = vec![
        item("/", "Accueil"),
        item("/formations", "Formations"),
        item("/sessions", "Sessions"),
    ];
    match role {
        None => {}
        Some(Role::Learner) => items.push(item("/mon-espace", "Mon espace")),
        Some(Role::Trainer) => {
            items.push(item("/mon-espace", "Mes sessions"));
            items.push(item("/atelier", "Atelier"));
        }
        Some(Role::Coordinator) => {
            items.push(item("/mon-espace", "Pilotage"));
            items.push(item("/atelier", "Atelier"));
            items.push(item("/coordination/programme", "Programme"));
            items.push(item("/coordination/indicateurs", "Indicateurs"));
            items.push(item("/coordination/comptes", "Comptes"));
            items.push(item("/coordination/structures", "Structures"));
            items.push(item("/coordination/courriels", "Courriels"));
            items.push(item("/coordination/journal", "Journal"));
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(role: Option<Role>) -> Vec<&'static str> {
        nav_items(role).into_iter().map(|i| i.label).collect()
    }

    #[test]
    fn visitors_see_only_public_pages() {
        assert_eq!(labels(None), ["Accueil", "Formations", "Sessions"]);
    }

    #[test]
    fn each_role_gets_its_own_space() {
        assert!(labels(Some(Role::Learner)).contains(&"Mon espace"));
        assert!(labels(Some(Role::Trainer)).contains(&"Mes sessions"));
        assert!(labels(Some(Role::Coordinator)).contains(&"Pilotage"));
        assert!(labels(Some(Role::Coordinator)).contains(&"Comptes"));
        assert!(labels(Some(Role::Coordinator)).contains(&"Programme"));
        assert!(!labels(Some(Role::Trainer)).contains(&"Programme"));
        assert!(!labels(Some(Role::Trainer)).contains(&"Comptes"));
        assert!(labels(Some(Role::Coordinator)).contains(&"Journal"));
        assert!(!labels(Some(Role::Trainer)).contains(&"Journal"));
        assert!(!labels(Some(Role::Learner)).contains(&"Journal"));
        for role in Role::ALL {
            assert!(labels(Some(role)).contains(&"Sessions"));
        }
    }

    #[test]
    fn only_authors_see_the_workshop() {
        assert!(labels(Some(Role::Trainer)).contains(&"Atelier"));
        assert!(labels(Some(Role::Coordinator)).contains(&"Atelier"));
        assert!(!labels(Some(Role::Learner)).contains(&"Atelier"));
        assert!(!labels(None).contains(&"Atelier"));
    }

    #[test]
    fn every_link_is_site_relative() {
        for role in [
            None,
            Some(Role::Learner),
            Some(Role::Trainer),
            Some(Role::Coordinator),
        ] {
            assert!(nav_items(role).iter().all(|i| i.href.starts_with('/')));
        }
    }
}
