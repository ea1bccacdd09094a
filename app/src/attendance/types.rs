//! What attendance (émargement) sends over the wire: the forms of the roll
//! call, check-in and apologies, and the views of the roll call page, the
//! session's « Présences » table and a learner's own attendance.

use serde::{Deserialize, Deserializer, Serialize};

use super::rules::{Attendance, MarkMethod};
use crate::sessions::types::SlotView;

/// A form naming one slot of one session (`input[session_id]`, `input[slot_id]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SlotRef {
    pub session_id: i32,
    pub slot_id: i32,
}

/// One tap of the roll call (`input[status]` is an [`Attendance`] code). A
/// code the server does not know reads as `None`, so it is refused with its
/// own message (422) rather than as a malformed request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkInput {
    pub session_id: i32,
    pub slot_id: i32,
    pub enrolment_id: i32,
    #[serde(deserialize_with = "known_status")]
    pub status: Option<Attendance>,
}

fn known_status<'de, D: Deserializer<'de>>(wire: D) -> Result<Option<Attendance>, D::Error> {
    Ok(Attendance::from_code(&String::deserialize(wire)?))
}

/// A learner's check-in: the session and the code they typed. The server
/// finds the slot whose check-in window is open.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckInInput {
    pub session_id: i32,
    pub code: String,
}

/// An apology for one half-day, with an optional short reason.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApologyInput {
    pub session_id: i32,
    pub slot_id: i32,
    #[serde(default)]
    pub reason: String,
}

/// A new check-in code, shown once to the trainer (only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinCode {
    pub code: String,
    /// « 10 h 35 », Europe/Paris.
    pub valid_until: String,
}

/// One learner on the roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCallLine {
    pub enrolment_id: i32,
    pub name: String,
    pub structure: Option<String>,
    pub status: Option<Attendance>,
    pub method: Option<MarkMethod>,
    /// The apology sent in advance (`Some("")` without a reason).
    pub apology: Option<String>,
}

/// The roll call of one half-day (trainers of the session and the coordinator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCall {
    pub session_id: i32,
    pub session_title: String,
    pub slot_id: i32,
    pub slot: SlotView,
    /// Distance or hybrid session: check-in codes are offered.
    pub codes: bool,
    /// « Appel signé le mardi 16 avril 2030 à 12 h 31 par Claire Martin ».
    pub signed: Option<String>,
    pub may_sign: bool,
    /// End of the validity of the current code, if one is live (« 10 h 35 »).
    pub code_until: Option<String>,
    pub lines: Vec<RollCallLine>,
}

/// A column of the « Présences » table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceSlot {
    pub slot_id: i32,
    pub slot: SlotView,
    pub signed: bool,
}

/// A learner's line of the « Présences » table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceRow {
    pub name: String,
    /// One per slot, in the order of [`PresenceTable::slots`].
    pub statuses: Vec<Option<Attendance>>,
    pub rate: Option<u8>,
}

/// Learners × half-days, with rates (over the half-days already started).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceTable {
    pub slots: Vec<PresenceSlot>,
    pub rows: Vec<PresenceRow>,
    pub rate: Option<u8>,
}

/// One half-day of the caller's own attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySlot {
    pub slot_id: i32,
    pub slot: SlotView,
    pub status: Option<Attendance>,
    pub method: Option<MarkMethod>,
    /// The reason of the caller's apology, if they sent one.
    pub apology: Option<String>,
    pub may_apologise: bool,
    pub may_withdraw: bool,
}

/// « Ma présence »: the caller's half-days, their rate, and whether a
/// check-in code is accepted now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAttendance {
    pub slots: Vec<MySlot>,
    pub rate: Option<u8>,
    pub checkin_open: bool,
}

/// The attendance parts of a session page; each is `None` when the caller
/// may not see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAttendance {
    pub table: Option<PresenceTable>,
    pub mine: Option<MyAttendance>,
}
