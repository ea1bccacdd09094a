//! When the reminder emails are due, as a plain function of `now`.
//!
//! - **Two days before**: from 48 hours before the session's first slot until
//!   that slot starts. A job that was down catches up late, but never after
//!   the start.
//! - **On the day** of each slot day of a distance or hybrid session that has
//!   a visio link: from 7:00 in Metz that day until the day's last slot ends,
//!   with the link.
//!
//! Neither goes to a cancelled session or to an enrolment that is not
//! confirmed. Neither goes to an enrolment confirmed after the reminder's
//! window opened (enrolled the day before, or promoted from the waiting list
//! that morning): the convocation sent at that moment already carries the
//! same details, and a reminder minutes later would only repeat it.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::labels::{EnrolmentStatus, Mode, Status};

/// How long before the first slot the first reminder goes out.
pub fn two_day_lead() -> Duration {
    Duration::hours(48)
}

/// The slots of one local day of a session.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotDay {
    pub day: NaiveDate,
    /// 7:00 in Metz that day (see [`morning_of`]).
    pub opens_at: DateTime<Utc>,
    /// The end of the day's last slot.
    pub last_end: DateTime<Utc>,
}

/// What the rule needs to know of one enrolment and its session.
#[derive(Debug, Clone, PartialEq)]
pub struct Enrolled {
    pub session_status: Status,
    pub mode: Mode,
    pub has_visio: bool,
    pub enrolment_status: EnrolmentStatus,
    /// When the place was confirmed (for old rows without it, when enrolled).
    pub confirmed_at: DateTime<Utc>,
    pub first_start: DateTime<Utc>,
    pub days: Vec<SlotDay>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    TwoDays,
    Day(NaiveDate),
}

/// The reminders of `enrolled` that are due at `now`.
pub fn due(now: DateTime<Utc>, enrolled: &Enrolled) -> Vec<Reminder> {
    if enrolled.session_status == Status::Cancelled
        || enrolled.enrolment_status != EnrolmentStatus::Confirmed
    {
        return Vec::new();
    }
    let open = |opens: DateTime<Utc>, closes: DateTime<Utc>| {
        now >= opens && now < closes && enrolled.confirmed_at < opens
    };
    let mut due = Vec::new();
    if open(enrolled.first_start - two_day_lead(), enrolled.first_start) {
        due.push(Reminder::TwoDays);
    }
    if enrolled.mode != Mode::InPerson && enrolled.has_visio {
        due.extend(
            enrolled
                .days
                .iter()
                .filter(|d| open(d.opens_at, d.last_end))
                .map(|d| Reminder::Day(d.day)),
        );
    }
    due
}

/// 7:00 in Metz on `day`, when the day's reminder goes out.
#[cfg(feature = "ssr")]
pub fn morning_of(day: NaiveDate) -> DateTime<Utc> {
    let seven = chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default();
    crate::calendar::to_utc(day, seven)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("instant")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// A distance session on Tuesday 16 April 2030, 9:00–12:30 in Metz (07:00–10:30 UTC).
    fn distance() -> Enrolled {
        let d = day(2030, 4, 16);
        Enrolled {
            session_status: Status::Planned,
            mode: Mode::Remote,
            has_visio: true,
            enrolment_status: EnrolmentStatus::Confirmed,
            confirmed_at: at("2030-03-01T10:00:00Z"),
            first_start: at("2030-04-16T07:00:00Z"),
            days: vec![SlotDay {
                day: d,
                opens_at: morning_of(d),
                last_end: at("2030-04-16T10:30:00Z"),
            }],
        }
    }

    #[test]
    fn the_two_day_reminder_opens_48_hours_before_the_first_slot() {
        let e = distance();
        assert!(due(at("2030-04-14T06:59:00Z"), &e).is_empty());
        assert_eq!(due(at("2030-04-14T07:00:00Z"), &e), [Reminder::TwoDays]);
        assert_eq!(due(at("2030-04-15T20:00:00Z"), &e), [Reminder::TwoDays]);
    }

    #[test]
    fn the_day_reminder_goes_from_seven_in_metz_until_the_day_ends() {
        let e = distance();
        // 7:00 in Metz in April (summer time) is 05:00 UTC.
        assert_eq!(morning_of(day(2030, 4, 16)), at("2030-04-16T05:00:00Z"));
        assert_eq!(due(at("2030-04-16T04:59:00Z"), &e), [Reminder::TwoDays]);
        assert_eq!(
            due(at("2030-04-16T05:00:00Z"), &e),
            [Reminder::TwoDays, Reminder::Day(day(2030, 4, 16))]
        );
        // Once the first slot started, only the day's reminder is still due.
        assert_eq!(
            due(at("2030-04-16T08:00:00Z"), &e),
            [Reminder::Day(day(2030, 4, 16))]
        );
        assert!(due(at("2030-04-16T10:30:00Z"), &e).is_empty());
    }

    #[test]
    fn seven_in_metz_follows_winter_time() {
        assert_eq!(morning_of(day(2030, 1, 15)), at("2030-01-15T06:00:00Z"));
    }

    #[test]
    fn in_person_sessions_and_sessions_without_link_get_no_day_reminder() {
        let now = at("2030-04-16T06:00:00Z");
        let in_room = Enrolled {
            mode: Mode::InPerson,
            ..distance()
        };
        assert_eq!(due(now, &in_room), [Reminder::TwoDays]);
        let no_link = Enrolled {
            has_visio: false,
            ..distance()
        };
        assert_eq!(due(now, &no_link), [Reminder::TwoDays]);
        let hybrid = Enrolled {
            mode: Mode::Hybrid,
            ..distance()
        };
        assert_eq!(due(now, &hybrid).len(), 2);
    }

    #[test]
    fn nothing_for_cancelled_sessions_or_places_not_confirmed() {
        let now = at("2030-04-16T06:00:00Z");
        let cancelled = Enrolled {
            session_status: Status::Cancelled,
            ..distance()
        };
        assert!(due(now, &cancelled).is_empty());
        for status in [EnrolmentStatus::Cancelled, EnrolmentStatus::Waiting] {
            let e = Enrolled {
                enrolment_status: status,
                ..distance()
            };
            assert!(due(now, &e).is_empty(), "{status:?}");
        }
    }

    #[test]
    fn a_place_confirmed_inside_a_window_skips_that_reminder() {
        // Enrolled the day before: the convocation just went out, no 2-day reminder…
        let late = Enrolled {
            confirmed_at: at("2030-04-15T09:00:00Z"),
            ..distance()
        };
        assert!(due(at("2030-04-15T09:05:00Z"), &late).is_empty());
        // …but the link still comes on the morning.
        assert_eq!(
            due(at("2030-04-16T05:05:00Z"), &late),
            [Reminder::Day(day(2030, 4, 16))]
        );
        // Promoted from the waiting list that morning: nothing more.
        let same_day = Enrolled {
            confirmed_at: at("2030-04-16T05:30:00Z"),
            ..distance()
        };
        assert!(due(at("2030-04-16T05:35:00Z"), &same_day).is_empty());
    }
}
