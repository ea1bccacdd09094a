//! What each day of the month view lists: each session once a day (its
//! half-days that day as « Matin », « Après-midi » or « Journée »), at most
//! [`PER_DAY`] of them, the others counted. The view stays the same size
//! whatever the number of sessions: a month of ten years of growth is
//! never a page of half a megabyte.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::labels::HalfDay;
use super::month::Month;

/// Sessions a day lists at most.
pub const PER_DAY: usize = 6;

/// The part of a day a session takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DayPart {
    Morning,
    Afternoon,
    WholeDay,
}

impl DayPart {
    pub fn label(self) -> &'static str {
        match self {
            DayPart::Morning => "Matin",
            DayPart::Afternoon => "Après-midi",
            DayPart::WholeDay => "Journée",
        }
    }
}

/// One session on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthEntry {
    pub session_id: i32,
    pub title: String,
    pub part: DayPart,
    pub cancelled: bool,
}

/// One day of the month with sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthDay {
    pub day: NaiveDate,
    /// Morning sessions first, then by session.
    pub entries: Vec<MonthEntry>,
    /// Sessions that day beyond [`PER_DAY`].
    pub more: usize,
}

/// A session as the month view needs it.
pub struct Scheduled<'a> {
    pub id: i32,
    pub title: &'a str,
    pub cancelled: bool,
    pub half_days: Vec<(NaiveDate, HalfDay)>,
}

/// The days of `month` that have sessions, in order.
pub fn month_days(month: Month, sessions: &[Scheduled<'_>]) -> Vec<MonthDay> {
    let mut by_day: std::collections::BTreeMap<NaiveDate, Vec<MonthEntry>> = Default::default();
    for s in sessions {
        let mut days: Vec<NaiveDate> = s
            .half_days
            .iter()
            .map(|(d, _)| *d)
            .filter(|d| month.contains(*d))
            .collect();
        days.dedup();
        for day in days {
            let halves = |h| s.half_days.contains(&(day, h));
            let part = match (halves(HalfDay::Morning), halves(HalfDay::Afternoon)) {
                (true, true) => DayPart::WholeDay,
                (true, false) => DayPart::Morning,
                _ => DayPart::Afternoon,
            };
            by_day.entry(day).or_default().push(MonthEntry {
                session_id: s.id,
                title: s.title.to_owned(),
                part,
                cancelled: s.cancelled,
            });
        }
    }
    by_day
        .into_iter()
        .map(|(day, mut entries)| {
            // The morning (and whole-day) ones first, as the day goes.
            entries.sort_by_key(|e| (e.part == DayPart::Afternoon, e.session_id));
            let more = entries.len().saturating_sub(PER_DAY);
            entries.truncate(PER_DAY);
            MonthDay { day, entries, more }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2031, 3, day).expect("date")
    }

    #[test]
    fn a_session_shows_once_a_day_with_the_part_it_takes() {
        let month = Month::parse("2031-03").expect("month");
        let sessions = [Scheduled {
            id: 7,
            title: "Sensibilisation",
            cancelled: false,
            half_days: vec![
                (d(3), HalfDay::Morning),
                (d(3), HalfDay::Afternoon),
                (d(4), HalfDay::Afternoon),
                (
                    NaiveDate::from_ymd_opt(2031, 4, 1).expect("date"),
                    HalfDay::Morning,
                ),
            ],
        }];
        let days = month_days(month, &sessions);
        let parts: Vec<(NaiveDate, DayPart)> =
            days.iter().map(|m| (m.day, m.entries[0].part)).collect();
        assert_eq!(
            parts,
            [(d(3), DayPart::WholeDay), (d(4), DayPart::Afternoon)],
            "April's half-day is not in March"
        );
    }

    #[test]
    fn a_busy_day_lists_a_few_and_counts_the_others() {
        let month = Month::parse("2031-03").expect("month");
        let titles: Vec<String> = (0..10).map(|n| format!("Session {n}")).collect();
        let sessions: Vec<Scheduled> = (0..10)
            .map(|n| Scheduled {
                id: 100 - n,
                title: &titles[n as usize],
                cancelled: n == 0,
                half_days: vec![(
                    d(5),
                    if n % 2 == 0 {
                        HalfDay::Afternoon
                    } else {
                        HalfDay::Morning
                    },
                )],
            })
            .collect();
        let days = month_days(month, &sessions);
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].entries.len(), PER_DAY);
        assert_eq!(days[0].more, 4);
        // Mornings first (ids 91, 93, 95, 97, 99), then the afternoons by id.
        let ids: Vec<i32> = days[0].entries.iter().map(|e| e.session_id).collect();
        assert_eq!(ids, [91, 93, 95, 97, 99, 92]);
    }
}
