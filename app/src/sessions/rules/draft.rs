//! Reading the session form: every field checked, every mistake named in
//! French, and a [`SessionDraft`] of plain typed values when all is right.

use crate::error::Refusal;
use crate::refusal;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::labels::{HalfDay, Mode, default_hours};
use crate::calendar::parse_time;
use crate::sessions::types::SessionForm;
use crate::text::is_single_line;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotDraft {
    pub day: NaiveDate,
    pub half_day: HalfDay,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDraft {
    pub module_id: i32,
    pub title: String,
    pub mode: Mode,
    pub place_address: Option<String>,
    pub place_room: Option<String>,
    pub visio_url: Option<String>,
    pub capacity: i32,
    pub programme_year: i32,
    /// Local (Europe/Paris) date and time.
    pub enrolment_deadline: Option<NaiveDateTime>,
    /// Distinct trainer account ids, as chosen (the service checks them).
    pub trainers: Vec<i32>,
    /// Sorted by day then half-day.
    pub slots: Vec<SlotDraft>,
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// A visio link people can open safely: https, a host, no spaces.
pub fn valid_visio_url(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

fn slot(n: usize, form: &crate::sessions::types::SlotForm) -> Result<Option<SlotDraft>, Refusal> {
    let blank = |s: &str| s.trim().is_empty();
    if blank(&form.day) {
        if blank(&form.start) && blank(&form.end) {
            return Ok(None);
        }
        return Err(refusal!("Créneau {n} : indiquez la date."));
    }
    let day = NaiveDate::parse_from_str(form.day.trim(), "%Y-%m-%d")
        .map_err(|_| format!("Créneau {n} : la date n’est pas valide."))?;
    let half_day = HalfDay::from_code(form.half_day.trim())
        .ok_or_else(|| format!("Créneau {n} : choisissez le matin ou l’après-midi."))?;
    let (default_start, default_end) = default_hours(half_day);
    let time = |text: &str, default: NaiveTime, what: &str| {
        if blank(text) {
            Ok(default)
        } else {
            parse_time(text)
                .ok_or_else(|| format!("Créneau {n} : l’heure de {what} n’est pas valide."))
        }
    };
    let start = time(&form.start, default_start, "début")?;
    let end = time(&form.end, default_end, "fin")?;
    if end <= start {
        return Err(refusal!(
            "Créneau {n} : l’heure de fin doit être après l’heure de début."
        ));
    }
    Ok(Some(SlotDraft {
        day,
        half_day,
        start,
        end,
    }))
}

/// Checks the whole form; the first mistake found is returned, in French.
/// The refusal of a title, an address or a room written over several lines.
const ONE_LINE: &str = "Le titre, l’adresse et la salle tiennent chacun sur une ligne : retirez les retours à la ligne et les caractères de contrôle.";

pub fn parse_session_form(form: &SessionForm) -> Result<SessionDraft, Refusal> {
    let module_id = form
        .module_id
        .trim()
        .parse()
        .map_err(|_| "Choisissez le module de la session.".to_owned())?;
    let title = form.title.trim().to_owned();
    if title.is_empty() {
        return Err("Le titre de la session est obligatoire.".into());
    }
    if title.chars().count() > 200 {
        return Err("Le titre ne doit pas dépasser 200 caractères.".into());
    }
    if !is_single_line(&title) {
        return Err(ONE_LINE.into());
    }
    let mode = Mode::from_code(form.mode.trim())
        .ok_or_else(|| "Choisissez la modalité : présentiel, distanciel ou hybride.".to_owned())?;
    let (mut place_address, mut place_room) =
        (optional(&form.place_address), optional(&form.place_room));
    let mut visio_url = optional(&form.visio_url);
    if mode.has_place() {
        match &place_address {
            None => {
                return Err(
                    "L’adresse est obligatoire pour une session en présentiel ou hybride.".into(),
                );
            }
            Some(a) if a.chars().count() > 300 => {
                return Err("L’adresse ne doit pas dépasser 300 caractères.".into());
            }
            _ => {}
        }
        if place_room.as_ref().is_some_and(|r| r.chars().count() > 120) {
            return Err("La salle ne doit pas dépasser 120 caractères.".into());
        }
        if [&place_address, &place_room]
            .into_iter()
            .flatten()
            .any(|text| !is_single_line(text))
        {
            return Err(ONE_LINE.into());
        }
    } else {
        (place_address, place_room) = (None, None);
    }
    if mode.has_visio() {
        match &visio_url {
            None => return Err("Le lien de visioconférence est obligatoire pour une session à distance ou hybride.".into()),
            Some(u) if !valid_visio_url(u) || u.len() > 2000 => {
                return Err("Le lien de visioconférence doit être une adresse complète commençant par https://.".into())
            }
            _ => {}
        }
    } else {
        visio_url = None;
    }
    let capacity: i32 = form
        .capacity
        .trim()
        .parse()
        .ok()
        .filter(|c| (1..=1000).contains(c))
        .ok_or_else(|| {
            "La capacité doit être un nombre entier de places, entre 1 et 1 000.".to_owned()
        })?;
    let programme_year: i32 = form
        .programme_year
        .trim()
        .parse()
        .ok()
        .filter(|y| (2000..=2200).contains(y))
        .ok_or_else(|| "L’année du programme doit être une année comme 2026.".to_owned())?;
    let enrolment_deadline = match optional(&form.enrolment_deadline) {
        None => None,
        Some(text) => Some(
            NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M")
                .map_err(|_| "La date limite d’inscription n’est pas valide.".to_owned())?,
        ),
    };
    let mut trainers = Vec::new();
    for text in form.trainers().into_iter().filter(|t| !t.trim().is_empty()) {
        let id: i32 = text
            .trim()
            .parse()
            .map_err(|_| "Choisissez les formateur·rices dans la liste.".to_owned())?;
        if !trainers.contains(&id) {
            trainers.push(id);
        }
    }
    let mut slots = Vec::new();
    for (i, row) in form.slots().into_iter().enumerate() {
        if let Some(s) = slot(i + 1, row)? {
            if slots
                .iter()
                .any(|o: &SlotDraft| o.day == s.day && o.half_day == s.half_day)
            {
                return Err("Deux créneaux ont la même date et la même demi-journée.".into());
            }
            slots.push(s);
        }
    }
    if slots.is_empty() {
        return Err("Indiquez au moins un créneau : une date et une demi-journée.".into());
    }
    slots.sort_by_key(|s| (s.day, s.half_day));
    Ok(SessionDraft {
        module_id,
        title,
        mode,
        place_address,
        place_room,
        visio_url,
        capacity,
        programme_year,
        enrolment_deadline,
        trainers,
        slots,
    })
}

#[cfg(test)]
mod tests;
