//! The calendar file (RFC 5545) sent with a convocation: one VEVENT per
//! slot, in UTC, with the place or the visio link.

use icalendar::{Calendar, Component, EventLike};

use crate::db::entities::{session_slots, training_sessions};

/// Where people go, as one line: address and room, or the visio link.
pub fn location(session: &training_sessions::Model) -> Option<String> {
    let place = match (&session.place_address, &session.place_room) {
        (Some(a), Some(r)) => Some(format!("{a}, {r}")),
        (Some(a), None) => Some(a.clone()),
        _ => None,
    };
    match (place, &session.visio_url) {
        (Some(p), Some(v)) => Some(format!("{p} (ou en visio : {v})")),
        (Some(p), None) => Some(p),
        (None, Some(v)) => Some(v.clone()),
        (None, None) => None,
    }
}

/// The `.ics` text for `slots` of `session` of module `module_title`.
pub fn calendar(
    session: &training_sessions::Model,
    module_title: &str,
    slots: &[session_slots::Model],
    host: &str,
) -> String {
    let mut cal = Calendar::new();
    cal.name(&format!("Relais — {}", session.title));
    let now = chrono::Utc::now();
    for slot in slots {
        let mut event = icalendar::Event::new();
        event
            .uid(&format!(
                "relais-session-{}-creneau-{}@{host}",
                session.id, slot.id
            ))
            .timestamp(now)
            .summary(&format!("{module_title} — {}", session.title))
            .starts(slot.starts_at)
            .ends(slot.ends_at);
        if let Some(place) = location(session) {
            event.location(&place);
        }
        if let Some(url) = &session.visio_url {
            event.url(url);
        }
        event.description("Formation de sensibilisation en santé mentale du CLSM de Metz.");
        cal.push(event.done());
    }
    cal.done().to_string()
}
