//! Calendar text (RFC 5545) for sessions: one VEVENT per half-day slot, in
//! UTC, with the place or the visio link. Used by the convocation's
//! attachment and by the calendar feeds (`/agenda/<token>.ics`); both give a
//! slot the same UID, so a calendar holding both sees one event.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

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

/// The host name of the public address (`relais.example.fr`), for UIDs.
pub fn host(public_url: &str) -> &str {
    public_url
        .trim_end_matches('/')
        .rsplit("//")
        .next()
        .unwrap_or("relais")
        .split(['/', ':'])
        .next()
        .filter(|h| !h.is_empty())
        .unwrap_or("relais")
}

/// The VEVENT of one slot. Its UID depends only on the session and the slot,
/// so a calendar that reads it again updates the event instead of adding one;
/// `stamp` is the DTSTAMP (when this version of the event was written).
pub fn event(
    session: &training_sessions::Model,
    module_title: &str,
    slot: &session_slots::Model,
    host: &str,
    stamp: DateTime<Utc>,
) -> Event {
    let mut event = Event::new();
    event
        .uid(&format!(
            "relais-session-{}-creneau-{}@{host}",
            session.id, slot.id
        ))
        .timestamp(stamp)
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
    event.done()
}

/// A calendar named `name` holding `events`.
pub fn calendar_of(name: &str, events: impl IntoIterator<Item = Event>) -> Calendar {
    let mut cal = Calendar::new();
    cal.name(name);
    for e in events {
        cal.push(e);
    }
    cal.done()
}

/// The `.ics` text for `slots` of `session` of module `module_title`.
pub fn calendar(
    session: &training_sessions::Model,
    module_title: &str,
    slots: &[session_slots::Model],
    host: &str,
) -> String {
    let now = Utc::now();
    calendar_of(
        &format!("Relais — {}", session.title),
        slots
            .iter()
            .map(|slot| event(session, module_title, slot, host, now)),
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::host;

    #[test]
    fn the_host_is_read_from_the_public_address() {
        assert_eq!(host("https://relais.example.fr/"), "relais.example.fr");
        assert_eq!(host("http://127.0.0.1:3000"), "127.0.0.1");
        assert_eq!(host(""), "relais");
    }
}
