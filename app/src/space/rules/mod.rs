//! What « Mon espace » decides without a database: when a session's visio
//! link is put forward, which quizzes wait for the learner, and how the year's
//! sessions compare with the programme.

use chrono::NaiveDate;

use crate::sessions::rules::{EnrolmentStatus, Mode, Status};

/// The visio link is put forward on the day of one of the session's slots,
/// to confirmed people, when the session is held at a distance (or hybrid)
/// and not cancelled.
pub fn visio_shown(
    mode: Mode,
    session: Status,
    enrolment: EnrolmentStatus,
    slot_days: &[NaiveDate],
    today: NaiveDate,
) -> bool {
    mode.has_visio()
        && session != Status::Cancelled
        && enrolment == EnrolmentStatus::Confirmed
        && slot_days.contains(&today)
}

/// A published quiz of a module the learner follows (confirmed in one of its
/// sessions) waits for them until they pass it, unless no attempt is left.
pub fn quiz_waiting(
    published: bool,
    passed: bool,
    attempts_used: i64,
    max_attempts: Option<i32>,
) -> bool {
    let attempts_left = max_attempts.is_none_or(|max| attempts_used < i64::from(max));
    published && !passed && attempts_left
}

/// How many sessions of one status a module has in the year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearCounts {
    pub held: i64,
    pub scheduled: i64,
    pub cancelled: i64,
}

impl YearCounts {
    pub fn add(&mut self, status: Status, n: i64) {
        match status {
            Status::Held => self.held += n,
            Status::Planned => self.scheduled += n,
            Status::Cancelled => self.cancelled += n,
        }
    }

    /// Sessions still to be scheduled to reach the programme (held and
    /// scheduled ones count; cancelled ones do not).
    pub fn to_schedule(self, programme: i64) -> i64 {
        (programme - self.held - self.scheduled).max(0)
    }

    /// « 3 sur 4 » held against the programme, as a whole percentage.
    pub fn held_percent(self, programme: i64) -> Option<i64> {
        (programme > 0).then(|| self.held * 100 / programme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).expect("date")
    }

    #[test]
    fn the_visio_link_is_shown_on_the_day_to_confirmed_people_only() {
        let days = [d(7), d(8)];
        let ok =
            |mode, status, enrolment, today| visio_shown(mode, status, enrolment, &days, today);
        let (c, w) = (EnrolmentStatus::Confirmed, EnrolmentStatus::Waiting);
        assert!(ok(Mode::Remote, Status::Planned, c, d(7)));
        assert!(ok(Mode::Hybrid, Status::Planned, c, d(8)));
        assert!(
            !ok(Mode::Remote, Status::Planned, c, d(6)),
            "the day before"
        );
        assert!(!ok(Mode::Remote, Status::Planned, c, d(9)), "the day after");
        assert!(!ok(Mode::InPerson, Status::Planned, c, d(7)), "in a room");
        assert!(!ok(Mode::Remote, Status::Planned, w, d(7)), "waiting list");
        assert!(!ok(Mode::Remote, Status::Cancelled, c, d(7)), "cancelled");
    }

    #[test]
    fn a_quiz_waits_until_passed_or_out_of_attempts() {
        assert!(quiz_waiting(true, false, 0, None));
        assert!(quiz_waiting(true, false, 5, None));
        assert!(quiz_waiting(true, false, 1, Some(3)));
        assert!(!quiz_waiting(true, true, 1, Some(3)), "passed");
        assert!(!quiz_waiting(true, false, 3, Some(3)), "no attempt left");
        assert!(!quiz_waiting(false, false, 0, None), "not published");
    }

    #[test]
    fn the_year_compares_with_the_programme() {
        let mut c = YearCounts::default();
        c.add(Status::Held, 2);
        c.add(Status::Planned, 1);
        c.add(Status::Cancelled, 1);
        assert_eq!(
            c,
            YearCounts {
                held: 2,
                scheduled: 1,
                cancelled: 1
            }
        );
        assert_eq!(c.to_schedule(4), 1);
        assert_eq!(c.to_schedule(2), 0, "never negative");
        assert_eq!(c.held_percent(4), Some(50));
        assert_eq!(c.held_percent(0), None);
    }
}
