//! The pages of sessions: the public list, the month calendar, one session
//! (with its attendance, drawn by the attendance feature), and the form to
//! plan or change one. Every form posts without JavaScript.

mod detail;
mod fields;
mod form;
mod list;
mod manage;
mod month;
mod notice;

pub use detail::SessionPage;
pub use form::{EditSessionPage, NewSessionPage};
pub use list::SessionsPage;

use crate::sessions::types::SessionSummary;

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
