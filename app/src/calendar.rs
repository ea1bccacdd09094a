//! Days and hours as people in Metz read them, for every feature that prints
//! a date: French dates (« mardi 14 avril 2026 ») and times (« 9 h 00 »),
//! and, on the server, the conversion between a local Europe/Paris day and
//! time and a UTC instant.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// « mardi 14 avril 2026 » (« 1er » for the first of the month).
pub fn french_date(day: NaiveDate) -> String {
    let number = if day.day() == 1 {
        "1er".to_owned()
    } else {
        day.day().to_string()
    };
    format!(
        "{} {number} {} {}",
        weekday(day.weekday()),
        MONTHS[day.month0() as usize],
        day.year()
    )
}

/// The distinct days, in order, each in full: « mardi 16 avril 2030 et
/// mercredi 17 avril 2030 » (« — » without any).
pub fn french_days(days: &[NaiveDate]) -> String {
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

/// « avril 2026 ».
pub fn french_month(year: i32, month: u32) -> String {
    let name = MONTHS.get(month.saturating_sub(1) as usize).unwrap_or(&"");
    format!("{name} {year}")
}

/// « 9 h 00 », « 13 h 30 ».
pub fn french_time(time: NaiveTime) -> String {
    format!("{} h {:02}", time.hour(), time.minute())
}

/// Reads « 09:00 » or « 9:00 » (what `<input type="time">` sends).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

#[cfg(feature = "ssr")]
pub use paris::{to_local, to_utc};

#[cfg(feature = "ssr")]
mod paris {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
    use chrono_tz::Europe::Paris;

    /// The instant at which it is `time` on `day` in Metz. A time skipped by
    /// the spring clock change is taken one hour later; a repeated autumn
    /// time is taken at its first occurrence.
    pub fn to_utc(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let local = NaiveDateTime::new(day, time);
        match Paris.from_local_datetime(&local) {
            chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
            chrono::LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
            chrono::LocalResult::None => to_utc(day, time + chrono::Duration::hours(1)),
        }
    }

    /// The local Metz day and time of an instant.
    pub fn to_local(instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&Paris).naive_local()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn dates_read_as_in_french() {
        assert_eq!(french_date(d(2026, 4, 14)), "mardi 14 avril 2026");
        assert_eq!(french_date(d(2026, 2, 1)), "dimanche 1er février 2026");
        assert_eq!(french_month(2026, 8), "août 2026");
        assert_eq!(parse_time("09:00"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(parse_time("25:00"), None);
    }

    #[test]
    fn days_are_listed_in_order_once() {
        assert_eq!(french_days(&[]), "—");
        assert_eq!(
            french_days(&[d(2030, 4, 16), d(2030, 4, 16)]),
            "mardi 16 avril 2030"
        );
        assert_eq!(
            french_days(&[d(2030, 4, 17), d(2030, 4, 16)]),
            "mardi 16 avril 2030 et mercredi 17 avril 2030"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn slots_keep_their_local_hours_across_clock_changes() {
        use chrono::{TimeZone, Utc};
        let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("time");
        // Winter (UTC+1), the spring change day (29 March 2026, UTC+2 from 03:00),
        // summer, the autumn change day (25 October 2026, back to UTC+1 at 03:00).
        let cases = [
            (d(2026, 3, 28), Utc.with_ymd_and_hms(2026, 3, 28, 8, 0, 0)),
            (d(2026, 3, 29), Utc.with_ymd_and_hms(2026, 3, 29, 7, 0, 0)),
            (d(2026, 3, 30), Utc.with_ymd_and_hms(2026, 3, 30, 7, 0, 0)),
            (d(2026, 10, 25), Utc.with_ymd_and_hms(2026, 10, 25, 8, 0, 0)),
            (d(2026, 10, 24), Utc.with_ymd_and_hms(2026, 10, 24, 7, 0, 0)),
        ];
        for (day, expected) in cases {
            let instant = to_utc(day, nine);
            assert_eq!(instant, expected.single().expect("instant"), "{day}");
            assert_eq!(to_local(instant), day.and_time(nine));
        }
        // 02:30 does not exist on 29 March: taken as 03:30 local.
        let skipped = to_utc(
            d(2026, 3, 29),
            NaiveTime::from_hms_opt(2, 30, 0).expect("t"),
        );
        assert_eq!(
            skipped,
            Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0)
                .single()
                .expect("i")
        );
    }
}
