//! Who sees which content: learners see what is published; the people who write
//! the content (trainers and the coordinator) also see drafts, to prepare them.
//! Every catalogue and quiz query on the server goes through [`may_see`]; it is
//! shared kernel so that quiz and catalogue each depend on it, not on each other.

use crate::roles::Role;

pub fn is_author(role: Role) -> bool {
    matches!(role, Role::Trainer | Role::Coordinator)
}

/// Whether someone with `role` (`None`: not signed in) may see content.
pub fn may_see(role: Role, published: bool) -> bool {
    published || is_author(role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_for_authors_only() {
        assert!(!may_see(Role::Learner, false));
        assert!(may_see(Role::Learner, true));
        assert!(may_see(Role::Trainer, false));
        assert!(may_see(Role::Coordinator, false));
    }
}
