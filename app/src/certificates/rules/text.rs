//! The wording printed on certificates: hours (their dates read as
//! [`crate::calendar::french_days`]).

/// « 7 h », « 3 h 30 », « 0 h »: a duration in minutes as French hours.
pub fn french_hours(minutes: i64) -> String {
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_in_french() {
        assert_eq!(french_hours(420), "7 h");
        assert_eq!(french_hours(210), "3 h 30");
        assert_eq!(french_hours(185), "3 h 05");
        assert_eq!(french_hours(0), "0 h");
        assert_eq!(french_hours(-5), "0 h");
    }
}
