//! The attendance sheet as a plain value: from the session's rows (slots,
//! confirmed learners, marks) to what the PDF and the CSV print, with every
//! time already in Paris time and every status already in French.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use crate::attendance::rules::marks::{attendance_rate, session_rate};
use crate::attendance::rules::{Attendance, MarkMethod};
use crate::calendar::{french_date, french_days, french_time, to_local};
use crate::organisation::NAME_AND_CARRIER;
use crate::sessions::rules::{HalfDay, Mode};

/// A cell of a half-day without any mark.
pub const NO_MARK: &str = "Non renseigné";
/// A half-day whose roll call the trainer has not signed.
pub const NOT_SIGNED: &str = "Non signé";

// ---- What the service reads ----

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: i32,
    pub title: String,
    pub module_title: String,
    pub mode: String,
    pub place_address: Option<String>,
    pub place_room: Option<String>,
    pub visio_url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SlotRow {
    pub id: i32,
    pub day: NaiveDate,
    pub half_day: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The display name of the trainer who signed, if still known.
    pub confirmed_by: Option<String>,
}

/// A learner whose enrolment is confirmed.
#[derive(Debug, Clone)]
pub struct LearnerRow {
    pub enrolment_id: i32,
    pub name: String,
    pub structure: Option<String>,
}

#[derive(Debug, Clone)]
pub struct MarkRow {
    pub slot_id: i32,
    pub enrolment_id: i32,
    pub status: String,
    pub method: String,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct SheetRows {
    pub session: SessionRow,
    pub trainers: Vec<String>,
    pub slots: Vec<SlotRow>,
    pub learners: Vec<LearnerRow>,
    pub marks: Vec<MarkRow>,
}

// ---- What the documents print ----

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    pub session_id: i32,
    pub organisation: String,
    /// The document title (PDF metadata and first heading).
    pub title: String,
    pub module_title: String,
    pub session_title: String,
    pub mode: String,
    pub place: Option<String>,
    pub visio_url: Option<String>,
    pub trainers: Vec<String>,
    /// « mardi 16 avril 2030 et mercredi 17 avril 2030 ».
    pub dates: String,
    pub slots: Vec<SheetSlot>,
    pub learners: Vec<SheetLearner>,
    /// « 75 % », or « — » without learners or slots.
    pub session_rate: String,
    /// « Document établi le mardi 16 avril 2030 à 18 h 02 (heure de Paris). »
    pub issued: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetSlot {
    /// « Mardi 16 avril 2030, matin ».
    pub label: String,
    /// « 16/04/2030 » and « Matin », for narrow column headers.
    pub short_date: String,
    pub half_day: String,
    /// « 9 h 00 – 12 h 30 ».
    pub hours: String,
    /// « Appel signé le … à … par … » or « Non signé ».
    pub confirmation: String,
    pub signed: bool,
    // The CSV's machine-readable values.
    pub iso_date: String,
    pub starts: String,
    pub ends: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetLearner {
    pub name: String,
    pub structure: String,
    /// One cell per slot, in the order of [`Sheet::slots`].
    pub cells: Vec<SheetCell>,
    /// « 50 % », or « — » without slots.
    pub rate: String,
    pub rate_percent: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetCell {
    /// « Présent·e », « En retard »… or « Non renseigné ».
    pub status: String,
    /// When an attended half-day was signed: « 9 h 02 », or with the date
    /// (« 18/04/2030 à 9 h 02 ») when recorded on another day. Empty otherwise.
    pub time: String,
    /// How the mark was taken (« Appel », « Code de présence »…), empty without a mark.
    pub method: String,
    /// When the mark was recorded, « 2030-04-16 09:02 » (Paris), empty without a mark.
    pub recorded_at: String,
}

fn percent(rate: Option<u8>) -> String {
    rate.map_or_else(|| "—".to_owned(), |p| format!("{p}\u{202f}%"))
}

fn short_date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

fn local_stamp(at: DateTime<Utc>) -> NaiveDateTime {
    to_local(at)
}

fn at_time(local: NaiveDateTime) -> String {
    format!(
        "{} à {}",
        french_date(local.date()),
        french_time(local.time())
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Case and accent-insensitive key, so « Élise » sorts between « Dan » and « Fanny ».
fn sort_key(name: &str) -> String {
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn sheet_slot(slot: &SlotRow) -> SheetSlot {
    let half = HalfDay::from_code(&slot.half_day);
    let half_label = half.map_or(slot.half_day.as_str(), |h| h.label());
    let (start, end) = (local_stamp(slot.starts_at), local_stamp(slot.ends_at));
    let confirmation = match (slot.confirmed_at, &slot.confirmed_by) {
        (Some(at), Some(by)) => format!("Appel signé le {} par {by}", at_time(local_stamp(at))),
        (Some(at), None) => format!("Appel signé le {}", at_time(local_stamp(at))),
        (None, _) => NOT_SIGNED.to_owned(),
    };
    SheetSlot {
        label: format!(
            "{}, {}",
            capitalised(&french_date(slot.day)),
            half_label.to_lowercase()
        ),
        short_date: short_date(slot.day),
        half_day: half_label.to_owned(),
        hours: format!(
            "{} – {}",
            french_time(start.time()),
            french_time(end.time())
        ),
        confirmation,
        signed: slot.confirmed_at.is_some(),
        iso_date: slot.day.format("%Y-%m-%d").to_string(),
        starts: start.format("%H:%M").to_string(),
        ends: end.format("%H:%M").to_string(),
    }
}

fn cell(slot: &SlotRow, mark: Option<&MarkRow>) -> (SheetCell, bool) {
    let Some(mark) = mark else {
        let empty = SheetCell {
            status: NO_MARK.to_owned(),
            time: String::new(),
            method: String::new(),
            recorded_at: String::new(),
        };
        return (empty, false);
    };
    let status = Attendance::from_code(&mark.status);
    let attended = status.is_some_and(Attendance::attended);
    let local = local_stamp(mark.recorded_at);
    let time = match attended {
        false => String::new(),
        true if local.date() == slot.day => french_time(local.time()),
        true => format!(
            "{} à {}",
            short_date(local.date()),
            french_time(local.time())
        ),
    };
    let method = MarkMethod::from_code(&mark.method).map_or(mark.method.as_str(), |m| m.label());
    let cell = SheetCell {
        status: status
            .map_or(mark.status.as_str(), |a| a.label())
            .to_owned(),
        time,
        method: method.to_owned(),
        recorded_at: local.format("%Y-%m-%d %H:%M").to_string(),
    };
    (cell, attended)
}

fn place(session: &SessionRow) -> Option<String> {
    let parts: Vec<&str> = [&session.place_address, &session.place_room]
        .into_iter()
        .filter_map(|p| p.as_deref().map(str::trim).filter(|p| !p.is_empty()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" — "))
}

/// Builds the sheet. Slots are ordered by start, learners by name; a learner
/// without a mark for a half-day is « Non renseigné » there and counts as
/// not attended in their rate.
pub fn build_sheet(rows: SheetRows, now: DateTime<Utc>) -> Sheet {
    let SheetRows {
        session,
        trainers,
        mut slots,
        mut learners,
        mut marks,
    } = rows;
    slots.sort_by_key(|s| (s.starts_at, s.id));
    learners.sort_by_cached_key(|l| (sort_key(&l.name), l.enrolment_id));
    // With duplicates (not expected: the table is unique), the latest wins.
    marks.sort_by_key(|m| m.recorded_at);
    let marks: HashMap<(i32, i32), MarkRow> = marks
        .into_iter()
        .map(|m| ((m.slot_id, m.enrolment_id), m))
        .collect();

    let mut attended_total = 0;
    let sheet_learners: Vec<SheetLearner> = learners
        .into_iter()
        .map(|l| {
            let (cells, attended): (Vec<SheetCell>, Vec<bool>) = slots
                .iter()
                .map(|s| cell(s, marks.get(&(s.id, l.enrolment_id))))
                .unzip();
            let attended = attended.into_iter().filter(|a| *a).count();
            attended_total += attended;
            let rate = attendance_rate(attended, slots.len());
            SheetLearner {
                name: l.name,
                structure: l.structure.unwrap_or_default(),
                cells,
                rate: percent(rate),
                rate_percent: rate,
            }
        })
        .collect();
    let mode = Mode::from_code(&session.mode).map_or(session.mode.as_str(), |m| m.label());
    Sheet {
        session_id: session.id,
        organisation: NAME_AND_CARRIER.to_owned(),
        title: format!("Feuille d’émargement — {}", session.title),
        module_title: session.module_title.clone(),
        session_title: session.title.clone(),
        mode: mode.to_owned(),
        place: place(&session),
        visio_url: session.visio_url.clone().filter(|v| !v.trim().is_empty()),
        trainers,
        dates: french_days(&slots.iter().map(|s| s.day).collect::<Vec<NaiveDate>>()),
        session_rate: percent(session_rate(
            attended_total,
            sheet_learners.len(),
            slots.len(),
        )),
        slots: slots.iter().map(sheet_slot).collect(),
        learners: sheet_learners,
        issued: format!(
            "Document établi le {} (heure de Paris).",
            at_time(local_stamp(now))
        ),
    }
}

#[cfg(test)]
mod tests;
