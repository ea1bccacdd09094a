//! The pages of sessions: the public list, one session (with its attendance),
//! the roll call of a half-day, and the form to plan or change one. Every
//! form posts without JavaScript.

mod detail;
mod fields;
mod form;
mod list;
mod manage;
mod month;
mod presence;
mod roll_call;
mod roll_call_row;

pub use detail::SessionPage;
pub use form::{EditSessionPage, NewSessionPage};
pub use list::SessionsPage;
pub use roll_call::RollCallPage;

use crate::sessions::rules::calendar::french_date;
use crate::sessions::types::{SessionSummary, SlotView};

/// « mardi 14 avril 2026, matin (9 h 00 – 12 h 30) ».
pub fn slot_text(s: &SlotView) -> String {
    format!(
        "{}, {} ({} – {})",
        french_date(s.day),
        s.half_day.label().to_lowercase(),
        s.starts,
        s.ends
    )
}

/// The seats line: remaining places, or full with a waiting list.
pub fn seats_text(s: &SessionSummary) -> String {
    if s.remaining > 0 {
        format!("{} place(s) restante(s) sur {}", s.remaining, s.capacity)
    } else {
        format!(
            "Complet — liste d’attente ({} personne(s) en attente)",
            s.waiting
        )
    }
}
