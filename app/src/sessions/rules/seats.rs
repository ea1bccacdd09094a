//! Seats and the waiting list: how many places remain, whether a new
//! enrolment is confirmed or waits, and until when a learner may cancel.
//!
//! The service applies these decisions under a lock on the session row, so
//! the counts they are given are the true ones when they decide.

use chrono::{DateTime, Utc};

use super::labels::EnrolmentStatus;

/// Places still free (never negative, even if capacity was lowered).
pub fn remaining_seats(capacity: i32, confirmed: i64) -> i64 {
    (i64::from(capacity) - confirmed).max(0)
}

/// A new enrolment is confirmed while confirmed places are fewer than the
/// capacity; otherwise it goes on the waiting list.
pub fn enrolment_decision(capacity: i32, confirmed: i64) -> EnrolmentStatus {
    if confirmed < i64::from(capacity) {
        EnrolmentStatus::Confirmed
    } else {
        EnrolmentStatus::Waiting
    }
}

/// How many waiting people can be promoted now.
pub fn promotions(capacity: i32, confirmed: i64, waiting: i64) -> i64 {
    remaining_seats(capacity, confirmed).min(waiting.max(0))
}

/// The moment after which learners can no longer cancel themselves: the
/// enrolment deadline, or the start of the first slot if there is none.
pub fn cancellation_deadline(
    enrolment_deadline: Option<DateTime<Utc>>,
    first_slot_start: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    enrolment_deadline.or(first_slot_start)
}

/// Whether a learner may still cancel at `now` (no known deadline: yes).
pub fn learner_may_cancel(
    now: DateTime<Utc>,
    enrolment_deadline: Option<DateTime<Utc>>,
    first_slot_start: Option<DateTime<Utc>>,
) -> bool {
    cancellation_deadline(enrolment_deadline, first_slot_start).is_none_or(|limit| now < limit)
}

/// Whether people may still enrol at `now`: before the deadline and before
/// the first slot starts.
pub fn enrolment_open(
    now: DateTime<Utc>,
    enrolment_deadline: Option<DateTime<Utc>>,
    first_slot_start: Option<DateTime<Utc>>,
) -> bool {
    enrolment_deadline.is_none_or(|d| now < d) && first_slot_start.is_none_or(|s| now < s)
}

/// The default of `RELAIS_MAX_UPCOMING_ENROLMENTS`: places one person may
/// hold at once, by enrolling themself, in sessions not yet over.
pub const DEFAULT_UPCOMING_CAP: u32 = 10;

/// Whether a person holding `upcoming` places (confirmed or waiting, in
/// sessions not yet over) may enrol themself in one more.
pub fn may_take_another_place(upcoming: u64, cap: u32) -> bool {
    upcoming < u64::from(cap)
}

/// The refusal once [`may_take_another_place`] says no.
pub fn upcoming_cap_message(cap: u32) -> String {
    let sessions = if cap > 1 { "sessions" } else { "session" };
    format!(
        "Vous êtes déjà inscrit·e à {cap} {sessions} à venir, le maximum : annulez une \
         inscription, ou demandez à l’équipe de formation de vous inscrire."
    )
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 4, 14, h, 0, 0)
            .single()
            .expect("instant")
    }

    #[test]
    fn remaining_seats_never_go_below_zero() {
        assert_eq!(remaining_seats(12, 0), 12);
        assert_eq!(remaining_seats(12, 11), 1);
        assert_eq!(remaining_seats(12, 12), 0);
        assert_eq!(remaining_seats(10, 12), 0);
    }

    #[test]
    fn enrolments_are_confirmed_until_full_then_wait() {
        assert_eq!(enrolment_decision(12, 11), EnrolmentStatus::Confirmed);
        assert_eq!(enrolment_decision(12, 12), EnrolmentStatus::Waiting);
        assert_eq!(enrolment_decision(1, 0), EnrolmentStatus::Confirmed);
        assert_eq!(promotions(12, 11, 5), 1);
        assert_eq!(promotions(12, 8, 2), 2);
        assert_eq!(promotions(12, 12, 5), 0);
    }

    #[test]
    fn learners_cancel_until_the_deadline_or_the_first_slot() {
        // With a deadline at 10:00 and a first slot at 12:00.
        assert!(learner_may_cancel(at(9), Some(at(10)), Some(at(12))));
        assert!(!learner_may_cancel(at(10), Some(at(10)), Some(at(12))));
        assert!(!learner_may_cancel(at(11), Some(at(10)), Some(at(12))));
        // Without a deadline, until the first slot starts.
        assert!(learner_may_cancel(at(11), None, Some(at(12))));
        assert!(!learner_may_cancel(at(12), None, Some(at(12))));
        assert!(learner_may_cancel(at(12), None, None));
    }

    #[test]
    fn enrolment_closes_at_the_deadline_or_the_start() {
        assert!(enrolment_open(at(9), Some(at(10)), Some(at(12))));
        assert!(!enrolment_open(at(10), Some(at(10)), Some(at(12))));
        assert!(!enrolment_open(at(12), None, Some(at(12))));
        assert!(enrolment_open(at(12), None, None));
    }

    #[test]
    fn the_cap_counts_places_held_before_the_new_one() {
        assert!(may_take_another_place(0, 5));
        assert!(may_take_another_place(4, 5));
        assert!(!may_take_another_place(5, 5));
        assert!(!may_take_another_place(0, 0));
        assert!(upcoming_cap_message(5).contains("5 sessions à venir"));
        assert!(upcoming_cap_message(1).contains("1 session à venir"));
    }
}
