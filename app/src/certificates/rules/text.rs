//! The wording printed on certificates: hours and training dates.

use chrono::NaiveDate;

use crate::sessions::rules::calendar::french_date;

/// « 7 h », « 3 h 30 », « 0 h »: a duration in minutes as French hours.
pub fn french_hours(minutes: i64) -> String {
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

/// The distinct days, in order, each in full: « mardi 16 avril 2030 et
/// mercredi 17 avril 2030 ».
pub fn training_dates(days: &[NaiveDate]) -> String {
    let mut days = days.to_vec();
    days.sort();
    days.dedup();
    let days: Vec<String> = days.into_iter().map(french_date).collect();
    match days.split_last() {
        None => "—".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
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

    #[test]
    fn dates_are_listed_in_order_once() {
        let d = |day| NaiveDate::from_ymd_opt(2030, 4, day).expect("day");
        assert_eq!(training_dates(&[]), "—");
        assert_eq!(training_dates(&[d(16), d(16)]), "mardi 16 avril 2030");
        assert_eq!(
            training_dates(&[d(17), d(16)]),
            "mardi 16 avril 2030 et mercredi 17 avril 2030"
        );
    }
}
