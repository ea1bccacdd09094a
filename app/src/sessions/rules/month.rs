//! The month view of the calendar: which month a `YYYY-MM` names, the months
//! before and after it, and its weeks from Monday to Sunday (with the days of
//! the neighbouring months that complete the first and last weeks).

use chrono::{Datelike, Duration, NaiveDate};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

/// One cell of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridDay {
    pub date: NaiveDate,
    /// False for the days of the previous or next month.
    pub in_month: bool,
}

/// The day headers, Monday first: short label and full name (for `abbr`).
pub const WEEKDAYS: [(&str, &str); 7] = [
    ("Lun", "lundi"),
    ("Mar", "mardi"),
    ("Mer", "mercredi"),
    ("Jeu", "jeudi"),
    ("Ven", "vendredi"),
    ("Sam", "samedi"),
    ("Dim", "dimanche"),
];

impl Month {
    /// Reads `2026-12` (what `<input type="month">` sends).
    pub fn parse(text: &str) -> Option<Month> {
        let first = NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d").ok()?;
        Some(Month::of(first))
    }

    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        day.year() == self.year && day.month() == self.month
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                month: self.month - 1,
                ..self
            }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// `2026-12`, as in the URL.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The weeks of the month, Monday to Sunday: 4 to 6 rows of 7 days.
    pub fn weeks(self) -> Vec<[GridDay; 7]> {
        let first = self.first_day();
        let monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
        let mut weeks = Vec::new();
        let mut start = monday;
        while weeks.is_empty() || self.contains(start) {
            weeks.push(std::array::from_fn(|i| {
                let date = start + Duration::days(i as i64);
                GridDay {
                    date,
                    in_month: self.contains(date),
                }
            }));
            start += Duration::days(7);
        }
        weeks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn months_parse_and_step_over_the_year() {
        let dec = Month::parse("2026-12").expect("month");
        assert_eq!(
            dec,
            Month {
                year: 2026,
                month: 12
            }
        );
        assert_eq!(dec.next().code(), "2027-01");
        assert_eq!(dec.next().previous(), dec);
        assert_eq!(
            Month::parse("2027-01").expect("m").previous().code(),
            "2026-12"
        );
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("décembre"), None);
        assert_eq!(
            Month::parse(" 2026-03 ").map(Month::code),
            Some("2026-03".into())
        );
    }

    #[test]
    fn weeks_start_on_monday_and_cover_the_whole_month() {
        // December 2026 starts on a Tuesday and ends on a Thursday.
        let weeks = Month::parse("2026-12").expect("m").weeks();
        assert_eq!(weeks.len(), 5);
        // (week, day of the week, date, in the month)
        let corners = [
            (0, 0, d(2026, 11, 30), false),
            (0, 1, d(2026, 12, 1), true),
            (4, 3, d(2026, 12, 31), true),
            (4, 6, d(2027, 1, 3), false),
        ];
        for (week, day, date, in_month) in corners {
            assert_eq!(weeks[week][day], GridDay { date, in_month });
        }
        let inside = weeks.iter().flatten().filter(|g| g.in_month).count();
        assert_eq!(inside, 31);
    }

    #[test]
    fn a_month_may_take_four_or_six_weeks() {
        // February 2027 starts on a Monday: exactly four weeks.
        let feb = Month::parse("2027-02").expect("m").weeks();
        assert_eq!(feb.len(), 4);
        assert!(feb.iter().flatten().all(|g| g.in_month));
        // August 2026 starts on a Saturday and has 31 days: six weeks.
        let aug = Month::parse("2026-08").expect("m").weeks();
        assert_eq!(aug.len(), 6);
        assert_eq!(aug[0][5].date, d(2026, 8, 1));
        assert_eq!(aug[5][0].date, d(2026, 8, 31));
    }
}
