//! The closed vocabularies of questionnaires: their kind and the phase a
//! response belongs to (the codes the database checks, and French labels).

use serde::{Deserialize, Serialize};

/// What a questionnaire is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "auto_evaluation")]
    SelfAssessment,
    #[serde(rename = "satisfaction_chaud")]
    SatisfactionHot,
    #[serde(rename = "satisfaction_froid")]
    SatisfactionCold,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::SelfAssessment => "auto_evaluation",
            Kind::SatisfactionHot => "satisfaction_chaud",
            Kind::SatisfactionCold => "satisfaction_froid",
        }
    }
}

/// When a response was given. `Retrospective` (« avant la formation, je me
/// situais à… », answered after the course) is kept apart from the real
/// pre-test `Before`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    #[serde(rename = "avant")]
    Before,
    #[serde(rename = "apres")]
    After,
    #[serde(rename = "retrospectif")]
    Retrospective,
    #[serde(rename = "chaud")]
    Hot,
    /// The follow-up three months after the course (« évaluation à froid »).
    #[serde(rename = "froid")]
    Cold,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Before,
        Phase::After,
        Phase::Hot,
        Phase::Retrospective,
        Phase::Cold,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Phase::Before => "avant",
            Phase::After => "apres",
            Phase::Retrospective => "retrospectif",
            Phase::Hot => "chaud",
            Phase::Cold => "froid",
        }
    }

    pub fn from_code(code: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The questionnaire a phase answers.
    pub fn kind(self) -> Kind {
        match self {
            Phase::Hot => Kind::SatisfactionHot,
            Phase::Cold => Kind::SatisfactionCold,
            _ => Kind::SelfAssessment,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::Before => "Auto-évaluation avant la formation",
            Phase::After => "Auto-évaluation après la formation",
            Phase::Retrospective => "Regard rétrospectif (facultatif)",
            Phase::Hot => "Évaluation à chaud",
            Phase::Cold => "Évaluation à froid (trois mois après)",
        }
    }

    /// Whether only people who attended at least one half-day answer it:
    /// every phase after the course (« après », its retrospective, « à
    /// chaud », « à froid »), which asks about a course they followed.
    pub fn needs_attendance(self) -> bool {
        self != Phase::Before
    }

    /// Whether learners may skip it without it counting as waiting.
    pub fn optional(self) -> bool {
        self == Phase::Retrospective
    }
}

/// The labelled points of every Likert item.
pub const LIKERT: [(i32, &str); 5] = [
    (1, "Pas du tout"),
    (2, "Plutôt pas"),
    (3, "Moyennement"),
    (4, "Plutôt"),
    (5, "Tout à fait"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_the_database_codes() {
        for p in Phase::ALL {
            assert_eq!(serde_json::json!(p), p.code());
        }
        for k in [
            Kind::SelfAssessment,
            Kind::SatisfactionHot,
            Kind::SatisfactionCold,
        ] {
            assert_eq!(serde_json::json!(k), k.code());
        }
    }

    #[test]
    fn codes_round_trip() {
        for p in Phase::ALL {
            assert_eq!(Phase::from_code(p.code()), Some(p));
        }
        assert_eq!(Phase::from_code("froid"), Some(Phase::Cold));
        assert_eq!(Phase::from_code("tiède"), None);
    }

    #[test]
    fn only_the_phase_before_the_course_is_for_people_who_did_not_attend() {
        let needing: Vec<Phase> = Phase::ALL
            .into_iter()
            .filter(|p| p.needs_attendance())
            .collect();
        assert_eq!(
            needing,
            [Phase::After, Phase::Hot, Phase::Retrospective, Phase::Cold]
        );
    }

    #[test]
    fn each_satisfaction_phase_answers_its_own_questionnaire() {
        assert_eq!(Phase::Hot.kind(), Kind::SatisfactionHot);
        assert_eq!(Phase::Cold.kind(), Kind::SatisfactionCold);
        assert_eq!(Phase::Cold.kind().code(), "satisfaction_froid");
        assert_eq!(Phase::Retrospective.kind(), Kind::SelfAssessment);
    }
}
