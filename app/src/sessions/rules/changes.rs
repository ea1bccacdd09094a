//! What may happen to a session after it is planned, beyond editing it:
//! correcting a held session (the coordinator, with a reason), reopening a
//! cancelled one (before its last half-day has ended, with a reason) and
//! deleting one (nobody enrolled, no mark, no answer, no certificate, and an
//! explicit confirmation). Plain functions; the service reads the facts.

use chrono::{DateTime, Utc};

use super::labels::Status;
use crate::error::Refusal;
use crate::refusal;
use crate::roles::Role;

/// The longest reason (correction, reopening), in characters.
pub const REASON_MAX_CHARS: usize = 1000;

/// The value of the deletion form's confirmation checkbox.
pub const DELETE_CONFIRMATION: &str = "oui";

/// The reason, trimmed: required (`missing` says so) and at most
/// [`REASON_MAX_CHARS`] characters.
pub fn reason(text: &str, missing: &str) -> Result<String, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Refusal::new(missing));
    }
    if text.chars().count() > REASON_MAX_CHARS {
        return Err(refusal!(
            "Le motif ne doit pas dépasser {REASON_MAX_CHARS} caractères."
        ));
    }
    Ok(text.to_owned())
}

/// Only the coordinator corrects a session once it is held.
pub fn may_edit(status: Status, role: Role) -> bool {
    status != Status::Held || role == Role::Coordinator
}

/// A cancelled session may be reopened while its last half-day has not
/// ended (`last_end`, `None` without half-days: nothing to hold).
pub fn may_reopen(
    status: Status,
    last_end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    if status != Status::Cancelled {
        return Err(Refusal::new(
            "Seule une session annulée peut être rétablie.",
        ));
    }
    match last_end {
        Some(end) if end > now => Ok(()),
        _ => Err(Refusal::new(
            "Cette session est passée : elle ne peut plus être rétablie.",
        )),
    }
}

/// What stands in the way of deleting a session, as counted by the service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Traces {
    /// Enrolments confirmed or waiting.
    pub enrolled: u64,
    pub marks: u64,
    /// Questionnaire answers and certificates of any enrolment, even cancelled.
    pub answers: u64,
    pub certificates: u64,
}

/// A session may be deleted, once confirmed, if it is not held and leaves
/// nothing behind: no one enrolled, no mark, no answer, no certificate.
pub fn may_delete(status: Status, traces: Traces, confirmed: bool) -> Result<(), Refusal> {
    if !confirmed {
        return Err(Refusal::new(
            "Cochez « Je confirme la suppression définitive » pour supprimer la session.",
        ));
    }
    if status == Status::Held {
        return Err(Refusal::new(
            "Une session réalisée ne peut pas être supprimée.",
        ));
    }
    if traces.enrolled > 0 {
        return Err(Refusal::new(
            "Des personnes sont inscrites : annulez la session plutôt que de la supprimer.",
        ));
    }
    if traces.marks > 0 || traces.answers > 0 || traces.certificates > 0 {
        return Err(Refusal::new(
            "Cette session a des émargements, des réponses ou des certificats : annulez-la plutôt que de la supprimer.",
        ));
    }
    Ok(())
}

/// A new session, or a session moved to another module, needs a module in
/// use: an archived module stays only on the sessions that already have it.
pub fn may_plan_with(archived: bool) -> Result<(), Refusal> {
    if archived {
        return Err(Refusal::new(
            "Ce module est archivé : choisissez un module en usage.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 4, 16, 10, 0, 0).unwrap()
    }

    #[test]
    fn a_reason_is_required_and_limited() {
        assert_eq!(
            reason("  grève  ", "Indiquez le motif."),
            Ok("grève".into())
        );
        assert_eq!(
            reason(" \n ", "Indiquez le motif.").expect_err("refused"),
            "Indiquez le motif."
        );
        assert!(reason(&"é".repeat(REASON_MAX_CHARS), "x").is_ok());
        assert_eq!(
            reason(&"é".repeat(REASON_MAX_CHARS + 1), "x").expect_err("refused"),
            "Le motif ne doit pas dépasser 1000 caractères."
        );
    }

    #[test]
    fn only_the_coordinator_edits_a_held_session() {
        assert!(may_edit(Status::Held, Role::Coordinator));
        assert!(!may_edit(Status::Held, Role::Trainer));
        assert!(may_edit(Status::Planned, Role::Trainer));
    }

    #[test]
    fn a_cancelled_session_reopens_until_its_last_half_day_ends() {
        let soon = Some(now() + Duration::minutes(1));
        assert_eq!(may_reopen(Status::Cancelled, soon, now()), Ok(()));
        let past = "Cette session est passée : elle ne peut plus être rétablie.";
        assert_eq!(
            may_reopen(Status::Cancelled, Some(now()), now()).expect_err("refused"),
            past
        );
        assert_eq!(
            may_reopen(Status::Cancelled, Some(now() - Duration::days(1)), now())
                .expect_err("refused"),
            past
        );
        assert_eq!(
            may_reopen(Status::Cancelled, None, now()).expect_err("refused"),
            past
        );
        for status in [Status::Planned, Status::Held] {
            assert_eq!(
                may_reopen(status, soon, now()).expect_err("refused"),
                "Seule une session annulée peut être rétablie."
            );
        }
    }

    #[test]
    fn deleting_needs_a_confirmation_and_an_empty_session() {
        let empty = Traces::default();
        assert_eq!(may_delete(Status::Planned, empty, true), Ok(()));
        assert_eq!(may_delete(Status::Cancelled, empty, true), Ok(()));
        assert!(
            may_delete(Status::Planned, empty, false)
                .expect_err("refused")
                .message()
                .contains("Je confirme la suppression définitive")
        );
        assert!(may_delete(Status::Held, empty, true).is_err());
        let enrolled = Traces {
            enrolled: 1,
            ..empty
        };
        assert_eq!(
            may_delete(Status::Planned, enrolled, true).expect_err("refused"),
            "Des personnes sont inscrites : annulez la session plutôt que de la supprimer."
        );
        for traces in [
            Traces { marks: 1, ..empty },
            Traces {
                answers: 2,
                ..empty
            },
            Traces {
                certificates: 1,
                ..empty
            },
        ] {
            assert!(may_delete(Status::Cancelled, traces, true).is_err());
        }
    }

    #[test]
    fn an_archived_module_is_not_planned() {
        assert!(may_plan_with(true).is_err());
        assert_eq!(may_plan_with(false), Ok(()));
    }
}
