//! The three roles of Relais and what each may reach.

use serde::{Deserialize, Serialize};

/// Who a signed-in person is for the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Learner,
    Trainer,
    Coordinator,
}

impl Role {
    /// Every role: what any signed-in person may reach.
    pub const ALL: [Role; 3] = [Role::Learner, Role::Trainer, Role::Coordinator];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Trainer => "trainer",
            Role::Coordinator => "coordinator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "learner" => Some(Role::Learner),
            "trainer" => Some(Role::Trainer),
            "coordinator" => Some(Role::Coordinator),
            _ => None,
        }
    }

    /// The French name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Role::Learner => "Apprenant·e",
            Role::Trainer => "Formateur·rice",
            Role::Coordinator => "Coordination",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("admin"), None);
    }
}
