//! Attendance (émargement): the four statuses of a learner for one half-day,
//! how a mark was taken, and the rates shown to learners and trainers.

use serde::{Deserialize, Serialize};

/// A learner's attendance for one slot (half-day). On the wire (JSON and
/// forms) as in the database, a status is its [`Attendance::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Attendance {
    #[serde(rename = "present")]
    Present,
    #[serde(rename = "retard")]
    Late,
    #[serde(rename = "absent_excuse")]
    ExcusedAbsent,
    #[serde(rename = "absent")]
    Absent,
}

impl Attendance {
    pub const ALL: [Attendance; 4] = [
        Attendance::Present,
        Attendance::Late,
        Attendance::ExcusedAbsent,
        Attendance::Absent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::Late => "retard",
            Attendance::ExcusedAbsent => "absent_excuse",
            Attendance::Absent => "absent",
        }
    }

    pub fn from_code(code: &str) -> Option<Attendance> {
        Attendance::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Attendance::Present => "Présent·e",
            Attendance::Late => "En retard",
            Attendance::ExcusedAbsent => "Absent·e excusé·e",
            Attendance::Absent => "Absent·e",
        }
    }

    /// The person attended the half-day (on time or late).
    pub fn attended(self) -> bool {
        matches!(self, Attendance::Present | Attendance::Late)
    }

    /// The codes of the statuses that count as attended, for SQL filters.
    pub fn attended_codes() -> impl Iterator<Item = &'static str> {
        Attendance::ALL
            .into_iter()
            .filter(|a| a.attended())
            .map(Attendance::code)
    }
}

/// How a mark was taken; on the wire as in the database, its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MarkMethod {
    /// The trainer's roll call in the room.
    #[serde(rename = "appel")]
    RollCall,
    /// The learner typed the check-in code of a distance slot.
    #[serde(rename = "code")]
    Code,
    /// The learner sent an apology in advance.
    #[serde(rename = "excuse")]
    Apology,
    /// The trainer changed an existing mark (kept in the audit log).
    #[serde(rename = "correction")]
    Correction,
}

impl MarkMethod {
    pub const ALL: [MarkMethod; 4] = [
        MarkMethod::RollCall,
        MarkMethod::Code,
        MarkMethod::Apology,
        MarkMethod::Correction,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MarkMethod::RollCall => "appel",
            MarkMethod::Code => "code",
            MarkMethod::Apology => "excuse",
            MarkMethod::Correction => "correction",
        }
    }

    pub fn from_code(code: &str) -> Option<MarkMethod> {
        MarkMethod::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MarkMethod::RollCall => "Appel",
            MarkMethod::Code => "Code de présence",
            MarkMethod::Apology => "Excuse envoyée à l’avance",
            MarkMethod::Correction => "Correction",
        }
    }
}

/// Share of half-days attended, in whole percent rounded down (so 2 of 3 is
/// 66 %, never « 67 % » for someone who missed a third); `None` without slots.
pub fn attendance_rate(attended: usize, slots: usize) -> Option<u8> {
    if slots == 0 {
        return None;
    }
    let pct = attended.min(slots) * 100 / slots;
    Some(pct as u8)
}

/// Rate of a session: half-days attended over half-days expected from its
/// confirmed learners (`learners × slots`).
pub fn session_rate(attended_marks: usize, learners: usize, slots: usize) -> Option<u8> {
    attendance_rate(attended_marks, learners * slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_the_database_checks() {
        for a in Attendance::ALL {
            assert_eq!(Attendance::from_code(a.code()), Some(a));
        }
        let codes: Vec<_> = Attendance::ALL.iter().map(|a| a.code()).collect();
        assert_eq!(codes, ["present", "retard", "absent_excuse", "absent"]);
        for m in MarkMethod::ALL {
            assert_eq!(MarkMethod::from_code(m.code()), Some(m));
        }
        assert_eq!(Attendance::from_code("là"), None);
    }

    #[test]
    fn the_wire_carries_the_database_codes() {
        for a in Attendance::ALL {
            let json = serde_json::to_string(&a).expect("json");
            assert_eq!(json, format!("\"{}\"", a.code()));
            assert_eq!(serde_json::from_str::<Attendance>(&json).ok(), Some(a));
        }
        for m in MarkMethod::ALL {
            let json = serde_json::to_string(&m).expect("json");
            assert_eq!(json, format!("\"{}\"", m.code()));
        }
    }

    #[test]
    fn late_counts_as_attended_and_excused_does_not() {
        assert!(Attendance::Present.attended());
        assert!(Attendance::Late.attended());
        assert!(!Attendance::ExcusedAbsent.attended());
        assert!(!Attendance::Absent.attended());
    }

    #[test]
    fn rates_round_down_and_need_slots() {
        assert_eq!(attendance_rate(2, 3), Some(66));
        assert_eq!(attendance_rate(4, 4), Some(100));
        assert_eq!(attendance_rate(0, 4), Some(0));
        assert_eq!(attendance_rate(5, 4), Some(100));
        assert_eq!(attendance_rate(0, 0), None);
        assert_eq!(session_rate(30, 10, 4), Some(75));
        assert_eq!(session_rate(0, 0, 4), None);
    }
}
