//! The two kinds of feed and who may have each.

use serde::{Deserialize, Serialize};

use crate::roles::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedKind {
    /// The sessions the person is confirmed in.
    #[serde(rename = "inscriptions")]
    Inscriptions,
    /// The sessions the person teaches.
    #[serde(rename = "animation")]
    Animation,
}

impl FeedKind {
    pub const ALL: [FeedKind; 2] = [FeedKind::Inscriptions, FeedKind::Animation];

    /// The code stored in the database and posted by the form.
    pub fn code(self) -> &'static str {
        match self {
            FeedKind::Inscriptions => "inscriptions",
            FeedKind::Animation => "animation",
        }
    }

    pub fn from_code(code: &str) -> Option<FeedKind> {
        FeedKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            FeedKind::Inscriptions => "Mes inscriptions",
            FeedKind::Animation => "Les sessions que j’anime",
        }
    }

    /// Only trainers and the coordinator teach sessions.
    pub fn allowed_for(self, role: Role) -> bool {
        match self {
            FeedKind::Inscriptions => true,
            FeedKind::Animation => matches!(role, Role::Trainer | Role::Coordinator),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_the_database_codes() {
        for kind in FeedKind::ALL {
            let json = serde_json::to_string(&kind).expect("serialises");
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
    }

    #[test]
    fn codes_round_trip() {
        for kind in FeedKind::ALL {
            assert_eq!(FeedKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(FeedKind::from_code("tout"), None);
    }

    #[test]
    fn only_those_who_teach_get_a_teaching_feed() {
        assert!(FeedKind::Inscriptions.allowed_for(Role::Learner));
        assert!(!FeedKind::Animation.allowed_for(Role::Learner));
        assert!(FeedKind::Animation.allowed_for(Role::Trainer));
        assert!(FeedKind::Animation.allowed_for(Role::Coordinator));
    }
}
