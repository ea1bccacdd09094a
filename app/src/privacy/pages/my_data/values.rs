//! The values of « Mes données » in words: instants in Metz time, codes
//! (roles, statuses, half-days…) as the rest of the interface names them.

use chrono::NaiveDate;

use crate::accounts::rules::Sector;
use crate::agenda::rules::kind::FeedKind;
use crate::assessment::rules::Phase;
use crate::attendance::rules::{Attendance, MarkMethod};
use crate::calendar::{french_date, french_time};
use crate::mail::EmailStatus;
use crate::privacy::{Instant, LinkSent};
use crate::roles::Role;
use crate::sessions::rules::{EnrolmentStatus, HalfDay, Status};

/// « mardi 14 avril 2026 à 9 h 05 » (Metz time).
pub(super) fn when(at: &Instant) -> String {
    format!(
        "{} à {}",
        french_date(at.date_naive()),
        french_time(at.time())
    )
}

pub(super) fn maybe_when(at: &Option<Instant>) -> String {
    at.as_ref().map_or_else(|| "—".to_owned(), when)
}

pub(super) fn day(d: NaiveDate) -> String {
    french_date(d)
}

pub(super) fn text(value: &Option<String>) -> String {
    value
        .as_deref()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or("—")
        .to_owned()
}

/// A French number: « 3,5 ».
pub(super) fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    rounded.to_string().replace('.', ",")
}

/// « 6 h 00 ».
pub(super) fn minutes(total: i32) -> String {
    format!("{} h {:02}", total / 60, total % 60)
}

pub(super) fn yes_no(value: bool) -> &'static str {
    if value { "oui" } else { "non" }
}

pub(super) fn role(code: &str) -> String {
    Role::from_code(code).map_or_else(|| code.to_owned(), |r| r.label().to_owned())
}

pub(super) fn sector(code: &Option<String>) -> String {
    match code.as_deref() {
        Some(c) => Sector::from_code(c).map_or_else(|| c.to_owned(), |s| s.label().to_owned()),
        None => "—".to_owned(),
    }
}

pub(super) fn enrolment_status(code: &str) -> String {
    EnrolmentStatus::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().to_owned())
}

pub(super) fn session_status(code: &str) -> String {
    Status::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().to_owned())
}

pub(super) fn half_day(code: &str) -> String {
    HalfDay::from_code(code).map_or_else(|| code.to_owned(), |h| h.label().to_owned())
}

pub(super) fn attendance_status(code: &str) -> String {
    Attendance::from_code(code).map_or_else(|| code.to_owned(), |a| a.label().to_owned())
}

pub(super) fn method(code: &str) -> String {
    MarkMethod::from_code(code).map_or_else(|| code.to_owned(), |m| m.label().to_owned())
}

pub(super) fn phase(code: &str) -> String {
    Phase::from_code(code).map_or_else(|| code.to_owned(), |p| p.label().to_owned())
}

pub(super) fn questionnaire_kind(code: &str) -> String {
    match code {
        "auto_evaluation" => "Auto-évaluation".to_owned(),
        "satisfaction_chaud" => "Satisfaction à chaud".to_owned(),
        "satisfaction_froid" => "Satisfaction à froid".to_owned(),
        other => other.to_owned(),
    }
}

pub(super) fn feed_kind(code: &str) -> String {
    FeedKind::from_code(code).map_or_else(|| code.to_owned(), |k| k.label().to_owned())
}

pub(super) fn email_status(code: &str) -> String {
    EmailStatus::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().to_owned())
}

pub(super) fn link_kind(code: &str) -> String {
    match code {
        LinkSent::PASSWORD_RESET => "Réinitialisation du mot de passe".to_owned(),
        LinkSent::EMAIL_VERIFICATION => "Confirmation de l’adresse e-mail".to_owned(),
        other => other.to_owned(),
    }
}
