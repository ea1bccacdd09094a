//! What the three homes of « Mon espace » receive from the server.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::sessions::rules::{EnrolmentStatus, Mode};
use crate::sessions::types::SlotView;

/// One of the learner's next sessions, with its slots still to come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextSession {
    pub session_id: i32,
    pub title: String,
    pub mode: Mode,
    pub place: Option<String>,
    pub status: EnrolmentStatus,
    pub slots: Vec<SlotView>,
    /// Only on the day of a distance or hybrid slot (see `rules::visio_shown`).
    pub visio_today: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingQuiz {
    pub quiz_id: i32,
    pub title: String,
    pub module_title: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerHome {
    pub next_sessions: Vec<NextSession>,
    pub quizzes: Vec<WaitingQuiz>,
}

/// A slot taught today: its roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCall {
    pub session_id: i32,
    pub slot_id: i32,
    pub title: String,
    pub slot: SlotView,
    /// The trainer already confirmed (signed) the slot.
    pub confirmed: bool,
}

/// A session the trainer teaches, with its enrolment counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaughtSession {
    pub session_id: i32,
    pub title: String,
    pub mode: Mode,
    pub first_slot: Option<SlotView>,
    pub confirmed: i64,
    pub capacity: i32,
    pub waiting: i64,
}

/// A planned session whose half-days are all over, with roll calls still to
/// sign (« à clôturer », see `sessions::rules::lifecycle`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionToClose {
    pub session_id: i32,
    pub title: String,
    /// The day of its last half-day (Metz time).
    pub last_day: NaiveDate,
    /// Half-days whose roll call is not signed.
    pub unsigned: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainerHome {
    pub roll_calls: Vec<RollCall>,
    pub upcoming: Vec<TaughtSession>,
    /// The sessions the trainer teaches still to close (empty for the
    /// coordinator, whose own home lists every one).
    pub to_close: Vec<SessionToClose>,
}

/// One module's year against the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeLine {
    pub module_id: i32,
    pub module_title: String,
    pub programme: i64,
    pub held: i64,
    pub scheduled: i64,
    pub cancelled: i64,
    pub to_schedule: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorHome {
    pub year: i32,
    pub lines: Vec<ProgrammeLine>,
    /// Every session still to close.
    pub to_close: Vec<SessionToClose>,
    /// Erasure requests waiting for the coordinator's confirmation.
    pub pending_erasures: u64,
}
