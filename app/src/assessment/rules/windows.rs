//! When each phase may be answered.
//!
//! - *avant*: from the confirmation of the enrolment until the first slot starts;
//! - *après*, *rétrospectif*, *à chaud*: from the start of the last slot until
//!   30 days after its end;
//! - *à froid*: from three months (90 days) after the end of the last slot,
//!   for 60 days, and only for people who attended at least one half-day
//!   (it asks what they did with what they learnt).
//!
//! Someone absent from every half-day of a course whose roll calls are all
//! signed (or that is marked held) is not asked *après*, *rétrospectif* nor
//! *à chaud* either: they did not follow the course ([`absent_throughout`]).
//!
//! Outside its window a phase is refused with a French sentence saying why.

use crate::error::Refusal;
use crate::refusal;
use chrono::{DateTime, Duration, Utc};

use super::Phase;

/// How long after the end of the last slot the post-course phases stay open.
pub const AFTER_DAYS: i64 = 30;
/// When the follow-up opens, in days after the end of the last slot.
pub const COLD_OPENS_DAYS: i64 = 90;
/// How long the follow-up stays open.
pub const COLD_OPEN_FOR_DAYS: i64 = 60;

/// The dates a window depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// When the enrolment was confirmed (`None`: waiting or cancelled).
    pub confirmed_at: Option<DateTime<Utc>>,
    pub first_start: Option<DateTime<Utc>>,
    pub last_start: Option<DateTime<Utc>>,
    pub last_end: Option<DateTime<Utc>>,
    /// Whether the learner attended at least one half-day (present or late).
    pub attended: bool,
    /// Whether the learner is known to have missed every half-day
    /// ([`absent_throughout`]).
    pub absent: bool,
}

/// Whether a learner missed the whole course: not one half-day attended,
/// and the course is over as far as attendance goes — marked held, or every
/// half-day's roll call signed (`signed`, one per half-day). Until then a
/// learner without marks may still come.
pub fn absent_throughout(attended: bool, held: bool, signed: &[bool]) -> bool {
    !attended && (held || (!signed.is_empty() && signed.iter().all(|s| *s)))
}

/// When the follow-up of a course that ended at `last_end` opens and closes.
pub fn cold_window(last_end: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let opens = last_end + Duration::days(COLD_OPENS_DAYS);
    (opens, opens + Duration::days(COLD_OPEN_FOR_DAYS))
}

/// Where `now` stands relative to a phase's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    NotYet,
    Open,
    Closed,
}

pub fn window(phase: Phase, schedule: &Schedule, now: DateTime<Utc>) -> Window {
    let Some(confirmed) = schedule.confirmed_at else {
        return Window::Closed;
    };
    match phase {
        Phase::Before => match schedule.first_start {
            Some(first) if now >= first => Window::Closed,
            _ if now < confirmed => Window::NotYet,
            Some(_) => Window::Open,
            None => Window::Closed,
        },
        Phase::After | Phase::Retrospective | Phase::Hot => {
            if schedule.absent {
                return Window::Closed;
            }
            match (schedule.last_start, schedule.last_end) {
                (Some(start), Some(end)) => {
                    if now < start {
                        Window::NotYet
                    } else if now <= end + Duration::days(AFTER_DAYS) {
                        Window::Open
                    } else {
                        Window::Closed
                    }
                }
                _ => Window::Closed,
            }
        }
        Phase::Cold => match schedule.last_end {
            Some(end) if schedule.attended => {
                let (opens, closes) = cold_window(end);
                if now < opens {
                    Window::NotYet
                } else if now <= closes {
                    Window::Open
                } else {
                    Window::Closed
                }
            }
            _ => Window::Closed,
        },
    }
}

/// `Ok` when `phase` may be answered at `now`, otherwise the French refusal.
pub fn check(phase: Phase, schedule: &Schedule, now: DateTime<Utc>) -> Result<(), Refusal> {
    if schedule.confirmed_at.is_none() {
        return Err(
            "Seules les personnes dont l’inscription est confirmée peuvent répondre.".into(),
        );
    }
    match (phase, window(phase, schedule, now)) {
        (_, Window::Open) => Ok(()),
        (Phase::Cold, _) if !schedule.attended => Err(
            "L’évaluation à froid s’adresse aux personnes qui ont suivi au moins une demi-journée."
                .into(),
        ),
        (Phase::After | Phase::Retrospective | Phase::Hot, _) if schedule.absent => Err(refusal!(
            "« {} » s’adresse aux personnes qui ont suivi au moins une demi-journée de la formation : vous y avez été noté·e absent·e.",
            phase.label()
        )),
        (Phase::Cold, Window::NotYet) => Err(refusal!(
            "L’évaluation à froid s’ouvre {COLD_OPENS_DAYS} jours après la fin de la formation."
        )),
        (Phase::Cold, Window::Closed) => Err(refusal!(
            "L’évaluation à froid est close : elle restait ouverte {COLD_OPEN_FOR_DAYS} jours."
        )),
        (Phase::Before, Window::Closed) => {
            Err("L’auto-évaluation « avant » est close : la formation a commencé.".into())
        }
        (Phase::Before, Window::NotYet) => {
            Err("L’auto-évaluation « avant » n’est pas encore ouverte.".into())
        }
        (_, Window::NotYet) => Err(refusal!(
            "« {} » s’ouvre au début de la dernière demi-journée de la formation.",
            phase.label()
        )),
        (_, Window::Closed) => Err(refusal!(
            "« {} » est close : elle restait ouverte {AFTER_DAYS} jours après la formation.",
            phase.label()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 4, day, hour, 0, 0)
            .single()
            .expect("a valid instant")
    }

    fn schedule() -> Schedule {
        Schedule {
            confirmed_at: Some(at(1, 9)),
            first_start: Some(at(16, 9)),
            last_start: Some(at(17, 14)),
            last_end: Some(at(17, 17)),
            attended: true,
            absent: false,
        }
    }

    #[test]
    fn before_is_open_from_confirmation_until_the_first_slot() {
        let s = schedule();
        assert_eq!(window(Phase::Before, &s, at(1, 8)), Window::NotYet);
        assert_eq!(window(Phase::Before, &s, at(1, 9)), Window::Open);
        assert_eq!(window(Phase::Before, &s, at(16, 8)), Window::Open);
        assert_eq!(window(Phase::Before, &s, at(16, 9)), Window::Closed);
    }

    #[test]
    fn after_is_open_from_the_last_slot_start_for_thirty_days_after_its_end() {
        let s = schedule();
        assert_eq!(window(Phase::After, &s, at(17, 13)), Window::NotYet);
        assert_eq!(window(Phase::After, &s, at(17, 14)), Window::Open);
        let limit = at(17, 17) + Duration::days(30);
        assert_eq!(window(Phase::After, &s, limit), Window::Open);
        assert_eq!(
            window(Phase::Hot, &s, limit + Duration::seconds(1)),
            Window::Closed
        );
    }

    #[test]
    fn unconfirmed_enrolments_never_answer() {
        let s = Schedule {
            confirmed_at: None,
            ..schedule()
        };
        assert_eq!(window(Phase::Before, &s, at(10, 9)), Window::Closed);
        assert!(
            check(Phase::Before, &s, at(10, 9))
                .expect_err("refused")
                .message()
                .contains("confirmée")
        );
    }

    #[test]
    fn a_session_without_slots_has_no_open_window() {
        let s = Schedule {
            confirmed_at: Some(at(1, 9)),
            first_start: None,
            last_start: None,
            last_end: None,
            attended: false,
            absent: false,
        };
        assert_eq!(window(Phase::Before, &s, at(2, 9)), Window::Closed);
        assert_eq!(window(Phase::After, &s, at(2, 9)), Window::Closed);
    }

    #[test]
    fn the_follow_up_opens_ninety_days_after_the_end_for_sixty_days() {
        let s = schedule();
        let end = at(17, 17);
        let opens = end + Duration::days(90);
        assert_eq!(window(Phase::Cold, &s, end), Window::NotYet);
        assert_eq!(
            window(Phase::Cold, &s, opens - Duration::seconds(1)),
            Window::NotYet
        );
        assert_eq!(window(Phase::Cold, &s, opens), Window::Open);
        let closes = opens + Duration::days(60);
        assert_eq!(window(Phase::Cold, &s, closes), Window::Open);
        assert_eq!(
            window(Phase::Cold, &s, closes + Duration::seconds(1)),
            Window::Closed
        );
        assert!(
            check(Phase::Cold, &s, end)
                .expect_err("refused")
                .message()
                .contains("90 jours")
        );
    }

    #[test]
    fn the_follow_up_is_only_for_people_who_attended() {
        let s = Schedule {
            attended: false,
            ..schedule()
        };
        let opens = at(17, 17) + Duration::days(90);
        assert_eq!(window(Phase::Cold, &s, opens), Window::Closed);
        assert!(
            check(Phase::Cold, &s, opens)
                .expect_err("refused")
                .message()
                .contains("au moins une demi-journée")
        );
        // The other phases do not depend on attendance.
        assert_eq!(window(Phase::After, &s, at(17, 14)), Window::Open);
    }

    #[test]
    fn absent_throughout_needs_every_roll_call_signed_or_the_session_held() {
        assert!(absent_throughout(false, false, &[true, true]));
        assert!(absent_throughout(false, true, &[true, false]));
        assert!(
            !absent_throughout(false, false, &[true, false]),
            "may still come"
        );
        assert!(!absent_throughout(false, false, &[]), "no half-day yet");
        assert!(!absent_throughout(true, true, &[true, true]));
    }

    #[test]
    fn people_absent_throughout_are_not_asked_after_the_course() {
        let s = Schedule {
            attended: false,
            absent: true,
            ..schedule()
        };
        let open = at(17, 18);
        for phase in [Phase::After, Phase::Retrospective, Phase::Hot] {
            assert_eq!(window(phase, &s, open), Window::Closed);
            let refusal = check(phase, &s, open).expect_err("refused");
            assert!(refusal.message().contains("noté·e absent·e"), "{phase:?}");
        }
        // Before the course nothing was known yet.
        assert_eq!(window(Phase::Before, &s, at(10, 9)), Window::Open);
    }

    #[test]
    fn refusals_are_french_sentences() {
        let s = schedule();
        assert!(
            check(Phase::Before, &s, at(17, 9))
                .expect_err("refused")
                .message()
                .contains("a commencé")
        );
        assert!(
            check(Phase::After, &s, at(10, 9))
                .expect_err("refused")
                .message()
                .contains("s’ouvre")
        );
        assert!(check(Phase::Before, &s, at(10, 9)).is_ok());
    }
}
