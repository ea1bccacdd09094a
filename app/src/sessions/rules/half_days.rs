//! Which half-days an edit of a session changes, and whether it may: a
//! half-day is known by its day and its half (morning, afternoon); one that
//! disappears is removed, one that appears is added, one whose exact start
//! or end moves is changed. A half-day with attendance marks may be neither
//! removed nor changed (its certified minutes would be lost or rewritten).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::labels::HalfDay;
use crate::calendar::french_date;
use crate::error::Refusal;
use crate::refusal;

/// A half-day as planned: its day and half, and its exact start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlannedHalfDay {
    pub day: NaiveDate,
    pub half_day: HalfDay,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl PlannedHalfDay {
    fn same_place(&self, other: &PlannedHalfDay) -> bool {
        self.day == other.day && self.half_day == other.half_day
    }
}

/// A half-day as stored, with whether it has attendance marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredHalfDay {
    pub id: i32,
    pub planned: PlannedHalfDay,
    pub marked: bool,
}

/// One difference between the stored half-days and the edited ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum HalfDayChange {
    Added {
        after: PlannedHalfDay,
    },
    Removed {
        id: i32,
        before: PlannedHalfDay,
    },
    Changed {
        id: i32,
        before: PlannedHalfDay,
        after: PlannedHalfDay,
    },
}

/// The differences, stored half-days first (in their order), then the added
/// ones (in the edit's order). Half-days left as they were are not listed.
pub fn changes(stored: &[StoredHalfDay], wanted: &[PlannedHalfDay]) -> Vec<HalfDayChange> {
    let mut out = Vec::new();
    for s in stored {
        match wanted.iter().find(|w| w.same_place(&s.planned)) {
            None => out.push(HalfDayChange::Removed {
                id: s.id,
                before: s.planned,
            }),
            Some(w) if *w != s.planned => out.push(HalfDayChange::Changed {
                id: s.id,
                before: s.planned,
                after: *w,
            }),
            Some(_) => {}
        }
    }
    for w in wanted {
        if !stored.iter().any(|s| s.planned.same_place(w)) {
            out.push(HalfDayChange::Added { after: *w });
        }
    }
    out
}

/// Refuses, naming the first one, any change that removes or moves a
/// half-day with attendance marks.
pub fn check_marked(stored: &[StoredHalfDay], changes: &[HalfDayChange]) -> Result<(), Refusal> {
    for change in changes {
        let id = match change {
            HalfDayChange::Added { .. } => continue,
            HalfDayChange::Removed { id, .. } | HalfDayChange::Changed { id, .. } => *id,
        };
        if let Some(s) = stored.iter().find(|s| s.id == id && s.marked) {
            return Err(refusal!(
                "La demi-journée du {} ({}) a déjà des émargements : elle ne peut être ni supprimée ni déplacée.",
                french_date(s.planned.day),
                s.planned.half_day.label().to_lowercase()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2030, 4, d).expect("date")
    }

    fn planned(d: u32, half: HalfDay, start_hour: u32) -> PlannedHalfDay {
        let starts_at = Utc.with_ymd_and_hms(2030, 4, d, start_hour, 0, 0).unwrap();
        PlannedHalfDay {
            day: day(d),
            half_day: half,
            starts_at,
            ends_at: starts_at + Duration::hours(3),
        }
    }

    fn stored(id: i32, p: PlannedHalfDay, marked: bool) -> StoredHalfDay {
        StoredHalfDay {
            id,
            planned: p,
            marked,
        }
    }

    #[test]
    fn an_unchanged_edit_changes_nothing() {
        let m = planned(16, HalfDay::Morning, 7);
        let a = planned(16, HalfDay::Afternoon, 12);
        let stored = [stored(1, m, true), stored(2, a, true)];
        assert!(changes(&stored, &[a, m]).is_empty());
        assert_eq!(check_marked(&stored, &[]), Ok(()));
    }

    #[test]
    fn removed_added_and_moved_half_days_are_told_apart() {
        let m = planned(16, HalfDay::Morning, 7);
        let a = planned(16, HalfDay::Afternoon, 12);
        let later = planned(16, HalfDay::Afternoon, 13);
        let next = planned(17, HalfDay::Morning, 7);
        let stored = [stored(1, m, false), stored(2, a, false)];
        assert_eq!(
            changes(&stored, &[later, next]),
            [
                HalfDayChange::Removed { id: 1, before: m },
                HalfDayChange::Changed {
                    id: 2,
                    before: a,
                    after: later
                },
                HalfDayChange::Added { after: next },
            ]
        );
    }

    #[test]
    fn a_new_date_is_a_removal_and_an_addition() {
        let m = planned(16, HalfDay::Morning, 7);
        let moved = planned(17, HalfDay::Morning, 7);
        let stored = [stored(1, m, true)];
        let found = changes(&stored, &[moved]);
        assert_eq!(
            found,
            [
                HalfDayChange::Removed { id: 1, before: m },
                HalfDayChange::Added { after: moved },
            ]
        );
        assert_eq!(
            check_marked(&stored, &found).expect_err("refused"),
            "La demi-journée du mardi 16 avril 2030 (matin) a déjà des émargements : elle ne peut être ni supprimée ni déplacée."
        );
    }

    #[test]
    fn a_marked_half_day_may_be_neither_removed_nor_moved() {
        let m = planned(16, HalfDay::Morning, 7);
        let a = planned(16, HalfDay::Afternoon, 12);
        let stored = [stored(1, m, false), stored(2, a, true)];
        let removed = changes(&stored, &[m]);
        assert!(
            check_marked(&stored, &removed)
                .expect_err("refused")
                .message()
                .starts_with("La demi-journée du mardi 16 avril 2030 (après-midi)")
        );
        let mut shorter = a;
        shorter.ends_at -= Duration::minutes(30);
        let moved = changes(&stored, &[m, shorter]);
        assert_eq!(moved.len(), 1);
        assert!(check_marked(&stored, &moved).is_err());
    }

    #[test]
    fn unmarked_half_days_change_freely_and_additions_are_always_allowed() {
        let m = planned(16, HalfDay::Morning, 7);
        let a = planned(16, HalfDay::Afternoon, 12);
        let stored = [stored(1, m, false), stored(2, a, true)];
        let edit = [
            planned(16, HalfDay::Morning, 8),
            a,
            planned(18, HalfDay::Morning, 7),
        ];
        let found = changes(&stored, &edit);
        assert_eq!(found.len(), 2);
        assert_eq!(check_marked(&stored, &found), Ok(()));
    }
}
