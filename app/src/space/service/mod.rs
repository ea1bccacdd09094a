//! The database side of « Mon espace »: one query set per home, counting with
//! GROUP BY rather than loading every row.

pub mod coordinator;
pub mod learner;
pub mod trainer;

use crate::db::entities::{session_slots, training_sessions};
use crate::sessions::rules::HalfDay;
use crate::sessions::rules::calendar::{french_time, to_local};
use crate::sessions::types::SlotView;

pub(crate) fn slot_view(s: &session_slots::Model) -> SlotView {
    let (start, end) = (to_local(s.starts_at).time(), to_local(s.ends_at).time());
    SlotView {
        day: s.day,
        half_day: HalfDay::from_code(&s.half_day).unwrap_or(HalfDay::Morning),
        starts: french_time(start),
        ends: french_time(end),
        start_value: start.format("%H:%M").to_string(),
        end_value: end.format("%H:%M").to_string(),
    }
}

pub(crate) fn place(s: &training_sessions::Model) -> Option<String> {
    match (&s.place_address, &s.place_room) {
        (Some(a), Some(r)) => Some(format!("{a} — {r}")),
        (Some(a), None) => Some(a.clone()),
        _ => None,
    }
}
