//! What the sessions feature sends over the wire: the session form (as typed,
//! every field a string so a plain HTML form posts it), list filters, and the
//! views of sessions, slots, enrolments and rosters.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::rules::{EnrolmentStatus, HalfDay, Mode, Status};
use crate::calendar::french_date;

/// Up to this many slot rows in the no-JavaScript form.
pub const SLOT_ROWS: usize = 4;
/// Up to this many trainer choices in the form.
pub const TRAINER_ROWS: usize = 3;

/// One slot row of the form: date, half-day, optional start and end times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlotForm {
    pub day: String,
    pub half_day: String,
    pub start: String,
    pub end: String,
}

/// The session form as posted (`input[title]`, `input[slots][0][day]`...).
/// `session_id` is empty when creating.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    pub session_id: String,
    pub module_id: String,
    pub title: String,
    pub mode: String,
    pub place_address: String,
    pub place_room: String,
    pub visio_url: String,
    pub capacity: String,
    pub programme_year: String,
    /// Local date and time, as `<input type="datetime-local">` sends it.
    pub enrolment_deadline: String,
    pub trainer_1: String,
    pub trainer_2: String,
    pub trainer_3: String,
    pub slot_1: SlotForm,
    pub slot_2: SlotForm,
    pub slot_3: SlotForm,
    pub slot_4: SlotForm,
    /// Required when correcting a held session (the coordinator only).
    pub correction_reason: String,
}

impl SessionForm {
    pub fn slots(&self) -> [&SlotForm; SLOT_ROWS] {
        [&self.slot_1, &self.slot_2, &self.slot_3, &self.slot_4]
    }

    pub fn slots_mut(&mut self) -> [&mut SlotForm; SLOT_ROWS] {
        [
            &mut self.slot_1,
            &mut self.slot_2,
            &mut self.slot_3,
            &mut self.slot_4,
        ]
    }

    pub fn trainers(&self) -> [&str; TRAINER_ROWS] {
        [&self.trainer_1, &self.trainer_2, &self.trainer_3]
    }
}

/// The filters of the public list, as the GET form sends them (empty: all).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListFilter {
    pub module: String,
    pub mode: String,
    /// `YYYY-MM`.
    pub month: String,
    /// `mois` for the month calendar (every session of the month, past ones
    /// included); anything else for the list of upcoming sessions.
    pub view: String,
}

impl ListFilter {
    pub fn month_view(&self) -> bool {
        self.view.trim() == "mois"
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i32,
    pub label: String,
}

/// What the session form offers: modules and trainer accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOptions {
    pub modules: Vec<Choice>,
    pub trainers: Vec<Choice>,
}

/// A slot as shown: local day and hours already converted on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    pub day: NaiveDate,
    pub half_day: HalfDay,
    /// « 9 h 00 » and « 12 h 30 », Europe/Paris.
    pub starts: String,
    pub ends: String,
    /// `HH:MM`, for the edit form.
    pub start_value: String,
    pub end_value: String,
}

/// « mardi 14 avril 2026, matin (9 h 00 – 12 h 30) », as every page prints a slot.
pub fn slot_text(s: &SlotView) -> String {
    format!(
        "{}, {} ({} – {})",
        french_date(s.day),
        s.half_day.label().to_lowercase(),
        s.starts,
        s.ends
    )
}

/// One page of the sessions a trainer teaches (every session for the
/// coordinator), latest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedPage {
    /// How many there are in all.
    pub total: u64,
    pub sessions: Vec<SessionSummary>,
    /// The code of the next page (`rules::page::Cursor`), if there is one.
    pub next: Option<String>,
    /// Whether this is a later page than the first.
    pub later_page: bool,
}

/// A line of the public list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: i32,
    pub title: String,
    pub module_title: String,
    pub mode: Mode,
    pub status: Status,
    pub place: Option<String>,
    pub slots: Vec<SlotView>,
    pub capacity: i32,
    pub confirmed: i64,
    pub waiting: i64,
    pub remaining: i64,
}

/// The public list and the modules its filter offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionList {
    /// The upcoming sessions (empty in the month view).
    pub sessions: Vec<SessionSummary>,
    pub modules: Vec<Choice>,
    /// The month shown by the month view (`YYYY-MM`; the current one by default).
    pub month: Option<String>,
    /// The month view's days with sessions (bounded: `rules/month_days.rs`).
    pub month_days: Vec<crate::sessions::rules::month_days::MonthDay>,
}

/// The caller's own enrolment in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyEnrolment {
    pub id: i32,
    pub status: EnrolmentStatus,
    pub may_cancel: bool,
}

/// A person on a session's roster (only for its trainers and the coordinator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterLine {
    pub enrolment_id: i32,
    pub name: String,
    pub email: Option<String>,
    pub structure: Option<String>,
    pub status: EnrolmentStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDetail {
    pub summary: SessionSummary,
    pub module_slug: String,
    pub place_address: Option<String>,
    pub place_room: Option<String>,
    /// Shown to confirmed people and to those who manage the session.
    pub visio_url: Option<String>,
    pub trainers: Vec<String>,
    pub cancel_reason: Option<String>,
    pub programme_year: i32,
    /// « mardi 14 avril 2026 à 12 h 00 ».
    pub enrolment_deadline: Option<String>,
    pub enrolment_open: bool,
    pub signed_in: bool,
    /// The signed-in person has not confirmed their address yet (they may
    /// not enrol themself until they do).
    pub email_unconfirmed: bool,
    pub mine: Option<MyEnrolment>,
    pub can_manage: bool,
    /// Cancelled, its last half-day still to end, and the caller manages it.
    pub can_reopen: bool,
    /// Confirmed then waiting (by enrolment time); empty unless `can_manage`.
    pub roster: Vec<RosterLine>,
    /// The session as its edit form, for those who may change it (a held
    /// session: the coordinator only).
    pub form: Option<SessionForm>,
}

/// What adding a list of learners did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddLearnersReport {
    pub confirmed: usize,
    pub waiting: usize,
    pub already: usize,
    /// Addresses without an account: reported, never created.
    pub unknown: Vec<String>,
}
