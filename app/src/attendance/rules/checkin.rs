//! When attendance can be taken: the check-in window of a slot, on time or
//! late, when the roll call can be signed and until when an apology can be
//! sent; and the checks of what a learner types (code, apology reason).

use chrono::{DateTime, Duration, Utc};

use super::error::AttendanceError;
use super::limits::APOLOGY_MAX_CHARS;
use super::marks::Attendance;

/// A check-in code opens this long before the slot starts.
pub const EARLY_CHECKIN: Duration = Duration::minutes(15);
/// Arriving more than this long after the start is « en retard ».
pub const LATE_AFTER: Duration = Duration::minutes(15);
/// How long a check-in code stays valid.
pub const CODE_LIFETIME: Duration = Duration::minutes(5);
/// Digits of a check-in code.
pub const CODE_DIGITS: usize = 6;

/// A check-in is accepted from 15 minutes before the start to the end.
pub fn checkin_open(now: DateTime<Utc>, starts: DateTime<Utc>, ends: DateTime<Utc>) -> bool {
    now >= starts - EARLY_CHECKIN && now <= ends
}

/// What a check-in at `now` records: present, or late after 15 minutes.
pub fn checkin_status(now: DateTime<Utc>, starts: DateTime<Utc>) -> Attendance {
    if now > starts + LATE_AFTER {
        Attendance::Late
    } else {
        Attendance::Present
    }
}

/// The roll call of a half-day can be signed once it has started.
pub fn may_sign(now: DateTime<Utc>, starts: DateTime<Utc>) -> bool {
    now >= starts
}

/// Apologies are sent, and withdrawn, before the half-day starts.
pub fn may_apologise(now: DateTime<Utc>, starts: DateTime<Utc>) -> bool {
    now < starts
}

/// The code as typed, without spaces; refused unless exactly six digits.
pub fn parse_code(typed: &str) -> Result<String, AttendanceError> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    (code.len() == CODE_DIGITS && code.chars().all(|c| c.is_ascii_digit()))
        .then_some(code)
        .ok_or(AttendanceError::CodeFormat)
}

/// The apology reason, trimmed (`None` if empty); refused if too long.
pub fn apology_reason(typed: &str) -> Result<Option<String>, AttendanceError> {
    let reason = typed.trim();
    if reason.chars().count() > APOLOGY_MAX_CHARS {
        return Err(AttendanceError::ApologyTooLong);
    }
    Ok((!reason.is_empty()).then(|| reason.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 4, 16, h, m, 0).unwrap()
    }

    #[test]
    fn check_in_opens_a_quarter_before_and_closes_at_the_end() {
        let (starts, ends) = (at(7, 0), at(10, 30));
        assert!(!checkin_open(at(6, 44), starts, ends));
        assert!(checkin_open(at(6, 45), starts, ends));
        assert!(checkin_open(at(9, 0), starts, ends));
        assert!(checkin_open(at(10, 30), starts, ends));
        assert!(!checkin_open(at(10, 31), starts, ends));
    }

    #[test]
    fn late_only_after_fifteen_minutes() {
        let starts = at(7, 0);
        assert_eq!(checkin_status(at(6, 50), starts), Attendance::Present);
        assert_eq!(checkin_status(at(7, 15), starts), Attendance::Present);
        assert_eq!(checkin_status(at(7, 16), starts), Attendance::Late);
        assert_eq!(checkin_status(at(10, 0), starts), Attendance::Late);
    }

    #[test]
    fn signing_from_the_start_apologies_until_it() {
        let starts = at(7, 0);
        assert!(!may_sign(at(6, 59), starts));
        assert!(may_sign(at(7, 0), starts));
        assert!(may_apologise(at(6, 59), starts));
        assert!(!may_apologise(at(7, 0), starts));
    }

    #[test]
    fn codes_are_six_digits_spaces_allowed() {
        assert_eq!(parse_code(" 123 456 "), Ok("123456".into()));
        assert_eq!(parse_code("012345"), Ok("012345".into()));
        for typed in ["12345", "1234567", "12a456", "１２３４５６", ""] {
            assert_eq!(
                parse_code(typed),
                Err(AttendanceError::CodeFormat),
                "{typed}"
            );
        }
    }

    #[test]
    fn apology_reasons_are_optional_and_short() {
        assert_eq!(apology_reason("  "), Ok(None));
        assert_eq!(
            apology_reason(" Rendez-vous médical "),
            Ok(Some("Rendez-vous médical".into()))
        );
        assert!(apology_reason(&"é".repeat(300)).is_ok());
        assert_eq!(
            apology_reason(&"é".repeat(301)),
            Err(AttendanceError::ApologyTooLong)
        );
    }
}
