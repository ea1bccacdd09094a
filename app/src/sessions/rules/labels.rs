//! The closed vocabularies of sessions (mode, status, half-day, enrolment
//! status): the codes the database checks, and the French words people read.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// How a session is attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    #[serde(rename = "presentiel")]
    InPerson,
    #[serde(rename = "distanciel")]
    Remote,
    #[serde(rename = "hybride")]
    Hybrid,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::InPerson, Mode::Remote, Mode::Hybrid];

    pub fn code(self) -> &'static str {
        match self {
            Mode::InPerson => "presentiel",
            Mode::Remote => "distanciel",
            Mode::Hybrid => "hybride",
        }
    }

    pub fn from_code(code: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::InPerson => "Présentiel",
            Mode::Remote => "Distanciel",
            Mode::Hybrid => "Hybride",
        }
    }

    /// People come to a room (an address is required).
    pub fn has_place(self) -> bool {
        matches!(self, Mode::InPerson | Mode::Hybrid)
    }

    /// People join by video (a visio link is required).
    pub fn has_visio(self) -> bool {
        matches!(self, Mode::Remote | Mode::Hybrid)
    }
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "prevue")]
    Planned,
    #[serde(rename = "realisee")]
    Held,
    #[serde(rename = "annulee")]
    Cancelled,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "prevue",
            Status::Held => "realisee",
            Status::Cancelled => "annulee",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        [Status::Planned, Status::Held, Status::Cancelled]
            .into_iter()
            .find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "Prévue",
            Status::Held => "Réalisée",
            Status::Cancelled => "Annulée",
        }
    }
}

/// The half of a day a slot takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HalfDay {
    #[serde(rename = "matin")]
    Morning,
    #[serde(rename = "apres_midi")]
    Afternoon,
}

impl HalfDay {
    pub const ALL: [HalfDay; 2] = [HalfDay::Morning, HalfDay::Afternoon];

    pub fn code(self) -> &'static str {
        match self {
            HalfDay::Morning => "matin",
            HalfDay::Afternoon => "apres_midi",
        }
    }

    pub fn from_code(code: &str) -> Option<HalfDay> {
        HalfDay::ALL.into_iter().find(|h| h.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            HalfDay::Morning => "Matin",
            HalfDay::Afternoon => "Après-midi",
        }
    }
}

/// The usual hours of a half-day: morning 09:00–12:30, afternoon 13:30–17:00.
pub fn default_hours(half: HalfDay) -> (NaiveTime, NaiveTime) {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    match half {
        HalfDay::Morning => (t(9, 0), t(12, 30)),
        HalfDay::Afternoon => (t(13, 30), t(17, 0)),
    }
}

/// A person's place in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EnrolmentStatus {
    #[serde(rename = "confirmee")]
    Confirmed,
    #[serde(rename = "liste_attente")]
    Waiting,
    #[serde(rename = "annulee")]
    Cancelled,
}

impl EnrolmentStatus {
    pub fn code(self) -> &'static str {
        match self {
            EnrolmentStatus::Confirmed => "confirmee",
            EnrolmentStatus::Waiting => "liste_attente",
            EnrolmentStatus::Cancelled => "annulee",
        }
    }

    pub fn from_code(code: &str) -> Option<EnrolmentStatus> {
        [
            EnrolmentStatus::Confirmed,
            EnrolmentStatus::Waiting,
            EnrolmentStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            EnrolmentStatus::Confirmed => "Inscription confirmée",
            EnrolmentStatus::Waiting => "Sur liste d’attente",
            EnrolmentStatus::Cancelled => "Inscription annulée",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_the_database_codes() {
        for m in Mode::ALL {
            assert_eq!(serde_json::json!(m), m.code());
        }
        for s in [Status::Planned, Status::Held, Status::Cancelled] {
            assert_eq!(serde_json::json!(s), s.code());
        }
        for h in HalfDay::ALL {
            assert_eq!(serde_json::json!(h), h.code());
        }
        for e in [
            EnrolmentStatus::Confirmed,
            EnrolmentStatus::Waiting,
            EnrolmentStatus::Cancelled,
        ] {
            assert_eq!(serde_json::json!(e), e.code());
        }
    }

    #[test]
    fn half_days_have_their_usual_hours() {
        use crate::calendar::french_time;
        let (s, e) = default_hours(HalfDay::Morning);
        assert_eq!(
            (french_time(s), french_time(e)),
            ("9 h 00".into(), "12 h 30".into())
        );
        let (s, e) = default_hours(HalfDay::Afternoon);
        assert_eq!(
            (french_time(s), french_time(e)),
            ("13 h 30".into(), "17 h 00".into())
        );
    }

    #[test]
    fn codes_round_trip_and_labels_are_french() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_code(m.code()), Some(m));
        }
        assert_eq!(
            Mode::ALL.map(Mode::label),
            ["Présentiel", "Distanciel", "Hybride"]
        );
        for s in [Status::Planned, Status::Held, Status::Cancelled] {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::Planned.label(), "Prévue");
        assert_eq!(Status::Held.label(), "Réalisée");
        assert_eq!(Status::Cancelled.label(), "Annulée");
        assert_eq!(HalfDay::ALL.map(HalfDay::label), ["Matin", "Après-midi"]);
        assert_eq!(HalfDay::from_code("apres_midi"), Some(HalfDay::Afternoon));
        assert_eq!(
            EnrolmentStatus::from_code("liste_attente"),
            Some(EnrolmentStatus::Waiting)
        );
        assert_eq!(Mode::from_code("visio"), None);
    }

    #[test]
    fn hybrid_needs_both_a_place_and_a_link() {
        assert!(Mode::Hybrid.has_place() && Mode::Hybrid.has_visio());
        assert!(Mode::InPerson.has_place() && !Mode::InPerson.has_visio());
        assert!(!Mode::Remote.has_place() && Mode::Remote.has_visio());
    }
}
