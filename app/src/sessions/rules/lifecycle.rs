//! When a planned session becomes « Réalisée », as a plain function of its
//! half-days and `now`.
//!
//! The rule, exactly:
//!
//! - a session **cancelled** (`annulee`) or already **held** (`realisee`)
//!   stays as it is: [`Stage::Settled`];
//! - a **planned** (`prevue`) session with no half-day, or with a half-day
//!   whose end is still to come (`ends_at > now`), is [`Stage::Open`]: still
//!   to come or under way;
//! - a planned session with at least one half-day, every half-day ended
//!   (`ends_at <= now`) and at least one roll call not signed
//!   (`session_slots.confirmed_at` unset) is [`Stage::ToClose`], « à
//!   clôturer »: its trainers still have roll calls to sign;
//! - a planned session with at least one half-day, every half-day ended and
//!   every roll call signed is [`Stage::Held`]: it is to be marked
//!   « Réalisée ».
//!
//! Nothing here reads the marks: a signed roll call is the trainer's word that
//! the half-day took place, whoever attended it.

use chrono::{DateTime, Utc};

use super::labels::Status;

/// What the rule needs to know of one half-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfDayState {
    pub ends_at: DateTime<Utc>,
    /// The roll call is signed (`confirmed_at` is set).
    pub signed: bool,
}

/// Where a session stands in its life (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Planned, and still to come or under way (or without half-days).
    Open,
    /// Planned, every half-day over, some roll call still unsigned.
    ToClose,
    /// Planned, every half-day over and signed: to be marked held.
    Held,
    /// Cancelled or already held: nothing changes.
    Settled,
}

/// The stage of a session of status `status` with half-days `slots` at `now`.
pub fn stage(status: Status, slots: &[HalfDayState], now: DateTime<Utc>) -> Stage {
    if status != Status::Planned {
        return Stage::Settled;
    }
    if slots.is_empty() || slots.iter().any(|s| s.ends_at > now) {
        return Stage::Open;
    }
    if slots.iter().all(|s| s.signed) {
        Stage::Held
    } else {
        Stage::ToClose
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 4, 16, 18, 0, 0).unwrap()
    }

    fn half_day(ended_ago_minutes: i64, signed: bool) -> HalfDayState {
        HalfDayState {
            ends_at: now() - Duration::minutes(ended_ago_minutes),
            signed,
        }
    }

    #[test]
    fn every_half_day_over_and_signed_is_held() {
        let slots = [half_day(360, true), half_day(60, true)];
        assert_eq!(stage(Status::Planned, &slots, now()), Stage::Held);
    }

    #[test]
    fn a_half_day_ending_right_now_is_over() {
        assert_eq!(
            stage(Status::Planned, &[half_day(0, true)], now()),
            Stage::Held
        );
        assert_eq!(
            stage(Status::Planned, &[half_day(0, false)], now()),
            Stage::ToClose
        );
    }

    #[test]
    fn an_unsigned_roll_call_after_the_end_is_to_close() {
        let slots = [half_day(360, true), half_day(60, false)];
        assert_eq!(stage(Status::Planned, &slots, now()), Stage::ToClose);
        let none_signed = [half_day(360, false), half_day(60, false)];
        assert_eq!(stage(Status::Planned, &none_signed, now()), Stage::ToClose);
    }

    #[test]
    fn a_half_day_still_to_end_keeps_it_open_even_if_signed() {
        let slots = [half_day(360, true), half_day(-30, true)];
        assert_eq!(stage(Status::Planned, &slots, now()), Stage::Open);
        let future = [half_day(-2000, false), half_day(-1800, false)];
        assert_eq!(stage(Status::Planned, &future, now()), Stage::Open);
    }

    #[test]
    fn a_session_without_half_days_is_never_closed() {
        assert_eq!(stage(Status::Planned, &[], now()), Stage::Open);
    }

    #[test]
    fn cancelled_and_held_sessions_stay_as_they_are() {
        let signed = [half_day(60, true)];
        let unsigned = [half_day(60, false)];
        for status in [Status::Cancelled, Status::Held] {
            assert_eq!(stage(status, &signed, now()), Stage::Settled);
            assert_eq!(stage(status, &unsigned, now()), Stage::Settled);
            assert_eq!(stage(status, &[], now()), Stage::Settled);
        }
    }
}
