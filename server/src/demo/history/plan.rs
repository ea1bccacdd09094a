//! The session history of the demo, as plain data: the 2019 and 2020
//! sessions of the founding documents, then a yearly programme growing over
//! the three modules until early 2027. Deterministic: no randomness, the
//! same database every time.

use chrono::{Duration, NaiveDate, Weekday};

use app::sessions::rules::{HalfDay, Mode, Status};

/// The demo's « today »: sessions after it are open for enrolment.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// Sessions planned per module (catalogue order) and year.
pub const PROGRAMME: [(i32, [i32; 3]); 9] = [
    (2019, [5, 0, 0]),
    (2020, [6, 0, 0]),
    (2021, [4, 1, 1]),
    (2022, [4, 2, 1]),
    (2023, [5, 2, 2]),
    (2024, [5, 3, 2]),
    (2025, [6, 3, 3]),
    (2026, [6, 3, 3]),
    (2027, [6, 3, 3]),
];

/// Sessions are scheduled up to this day (the rest of 2027 is still to plan).
fn horizon() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 4, 1).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSession {
    pub year: i32,
    /// Index in the catalogue (0: sensibilisation, 1: précarité, 2: crise).
    pub module: usize,
    /// Set for a session with its own audience.
    pub title: Option<&'static str>,
    pub mode: Mode,
    pub slots: Vec<(NaiveDate, HalfDay)>,
    pub capacity: i32,
    pub status: Status,
    pub cancel_reason: Option<&'static str>,
    /// Confirmed participants (held sessions: all of them attended at least
    /// in part); for an open session, the confirmed ones so far.
    pub participants: i32,
    /// People on the waiting list (open sessions only).
    pub waiting: i32,
    /// Index of the lead trainer among the demo trainers.
    pub trainer: usize,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// A two-day session: both half-days of `first` and of the day after.
fn two_days(first: NaiveDate) -> Vec<(NaiveDate, HalfDay)> {
    let second = first + Duration::days(1);
    vec![
        (first, HalfDay::Morning),
        (first, HalfDay::Afternoon),
        (second, HalfDay::Morning),
        (second, HalfDay::Afternoon),
    ]
}

fn one_day(day: NaiveDate) -> Vec<(NaiveDate, HalfDay)> {
    vec![(day, HalfDay::Morning), (day, HalfDay::Afternoon)]
}

/// The `n`-th (0-based) `weekday` of a month.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, (n + 1) as u8)
        .unwrap_or_else(|| d(year, month, 1))
}

/// A small deterministic mixer (SplitMix64), for varied but fixed numbers.
pub fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn held(
    year: i32,
    module: usize,
    mode: Mode,
    slots: Vec<(NaiveDate, HalfDay)>,
    participants: i32,
) -> PlannedSession {
    PlannedSession {
        year,
        module,
        title: None,
        mode,
        slots,
        capacity: if mode == Mode::Remote { 18 } else { 22 },
        status: Status::Held,
        cancel_reason: None,
        participants,
        waiting: 0,
        trainer: 0,
    }
}

/// 2019 and 2020, as the founding documents tell them.
fn founding_years() -> Vec<PlannedSession> {
    let mut sessions: Vec<PlannedSession> = [
        (d(2019, 1, 17), 20),
        (d(2019, 3, 21), 21),
        (d(2019, 5, 16), 20),
        (d(2019, 9, 19), 21),
        (d(2019, 11, 14), 20),
    ]
    .into_iter()
    .map(|(day, n)| held(2019, 0, Mode::InPerson, two_days(day), n))
    .collect();
    sessions.push(PlannedSession {
        status: Status::Cancelled,
        cancel_reason: Some("Confinement lié à la crise sanitaire : session annulée."),
        participants: 0,
        ..held(2020, 0, Mode::InPerson, two_days(d(2020, 3, 19)), 0)
    });
    sessions.push(held(2020, 0, Mode::Remote, two_days(d(2020, 4, 23)), 15));
    sessions.push(held(2020, 0, Mode::Remote, two_days(d(2020, 6, 11)), 16));
    sessions.push(PlannedSession {
        title: Some("Sensibilisation en santé mentale — agents de la MDPH"),
        ..held(2020, 0, Mode::Remote, two_days(d(2020, 9, 17)), 14)
    });
    sessions.push(held(2020, 0, Mode::InPerson, two_days(d(2020, 10, 8)), 18));
    sessions
}

const MONTHS: [u32; 10] = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12];

/// Sessions that did not take place, with the reason given.
fn cancelled(year: i32, module: usize, k: i32) -> Option<&'static str> {
    match (year, module, k) {
        (2021, 0, 0) => Some("Couvre-feu et jauges sanitaires : session reportée."),
        (2023, 1, 1) => Some("Intervenante de l’EMPP indisponible : session reportée."),
        (2025, 2, 0) => Some("Trop peu d’inscriptions : session regroupée avec la suivante."),
        _ => None,
    }
}

fn mode_of(year: i32, module: usize, k: i32) -> Mode {
    match (year, module) {
        (2021, 0) if k < 2 => Mode::Remote,
        (_, 0) if k % 3 == 2 => Mode::Hybrid,
        (_, 2) if k == 1 => Mode::Hybrid,
        _ => Mode::InPerson,
    }
}

/// 2021 to early 2027: each module's sessions spread over the year.
fn programme_years() -> Vec<PlannedSession> {
    let mut sessions = Vec::new();
    for (year, planned) in PROGRAMME.into_iter().filter(|(y, _)| *y >= 2021) {
        for (module, n) in planned.into_iter().enumerate() {
            for k in 0..n {
                let index = ((2 * k + 1) * MONTHS.len() as i32 / (2 * n)) as usize;
                let month = MONTHS[index.min(MONTHS.len() - 1)];
                let slots = match module {
                    0 => two_days(nth_weekday(year, month, Weekday::Thu, 1)),
                    1 => one_day(nth_weekday(year, month, Weekday::Tue, 1)),
                    _ => two_days(nth_weekday(year, month, Weekday::Mon, 2)),
                };
                let first = slots[0].0;
                if first >= horizon() {
                    continue;
                }
                let mode = mode_of(year, module, k);
                let seed = mix((year as u64) * 100 + (module as u64) * 10 + k as u64);
                let capacity = if mode == Mode::Remote { 16 } else { 20 };
                let mut session = held(year, module, mode, slots, 0);
                session.capacity = capacity;
                session.trainer = (module + k as usize) % 3;
                if let Some(reason) = cancelled(year, module, k) {
                    session.status = Status::Cancelled;
                    session.cancel_reason = Some(reason);
                } else if first > today() {
                    session.status = Status::Planned;
                    // One full session with a waiting list; the others keep seats.
                    let full = year == 2027 && module == 0 && k == 0;
                    session.participants = if full {
                        capacity
                    } else {
                        capacity - 4 - (seed % 6) as i32
                    };
                    session.waiting = if full { 3 } else { 0 };
                } else {
                    session.participants = capacity - 6 + (seed % 7) as i32;
                }
                sessions.push(session);
            }
        }
    }
    sessions
}

/// Every session of the demo, oldest first.
pub fn sessions() -> Vec<PlannedSession> {
    let mut all = founding_years();
    all.extend(programme_years());
    all.sort_by_key(|s| s.slots.first().map(|(day, _)| *day));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn the_2019_figures_match_the_founding_documents() {
        let y2019: Vec<_> = sessions().into_iter().filter(|s| s.year == 2019).collect();
        assert_eq!(y2019.len(), 5);
        assert_eq!(y2019.iter().map(|s| s.participants).sum::<i32>(), 102);
        assert!(
            y2019
                .iter()
                .all(|s| s.mode == Mode::InPerson && s.status == Status::Held)
        );
        assert!(
            y2019
                .iter()
                .all(|s| s.slots[0].0.month() >= 1 && s.slots[0].0.month() <= 11)
        );
    }

    #[test]
    fn the_2020_sessions_are_mostly_at_a_distance() {
        let held: Vec<_> = sessions()
            .into_iter()
            .filter(|s| s.year == 2020 && s.status == Status::Held)
            .collect();
        let months: Vec<u32> = held.iter().map(|s| s.slots[0].0.month()).collect();
        assert_eq!(months, [4, 6, 9, 10]);
        assert_eq!(held.iter().filter(|s| s.mode == Mode::Remote).count(), 3);
    }

    #[test]
    fn past_sessions_are_held_or_cancelled_and_later_ones_open_with_seats() {
        let all = sessions();
        for s in &all {
            let first = s.slots[0].0;
            assert!(s.participants <= s.capacity, "{s:?}");
            if first <= today() {
                assert_ne!(s.status, Status::Planned, "{s:?}");
            } else {
                assert_eq!(s.status, Status::Planned, "{s:?}");
            }
        }
        let open: Vec<_> = all.iter().filter(|s| s.status == Status::Planned).collect();
        assert!(open.len() >= 4);
        assert!(open.iter().filter(|s| s.participants < s.capacity).count() >= 3);
        assert!(open.iter().any(|s| s.waiting > 0));
        assert!(open.iter().any(|s| s.year == 2026));
        assert_eq!(
            all.iter().filter(|s| s.status == Status::Cancelled).count(),
            4
        );
    }

    #[test]
    fn no_year_holds_more_sessions_than_its_programme() {
        for (year, planned) in PROGRAMME {
            for (module, n) in planned.into_iter().enumerate() {
                let count = sessions()
                    .into_iter()
                    .filter(|s| s.year == year && s.module == module)
                    .count();
                assert!(count as i32 <= n, "{year} {module}");
            }
        }
    }
}
