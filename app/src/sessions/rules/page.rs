//! Where a page of the managed sessions starts: after the session whose
//! first half-day starts at `first_start` (the list runs from the latest to
//! the earliest, ties by id). Its code goes in the address (`?gerees=…`): a
//! moment and a number, nothing personal.

use chrono::{DateTime, Utc};

/// Sessions per page of the managed list.
pub const MANAGED_PER_PAGE: u64 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub first_start: DateTime<Utc>,
    pub id: i32,
}

impl Cursor {
    /// `<milliseconds since 1970>_<id>`.
    pub fn code(self) -> String {
        format!("{}_{}", self.first_start.timestamp_millis(), self.id)
    }

    /// The cursor of `code`; `None` for anything [`Cursor::code`] does not give.
    pub fn parse(code: &str) -> Option<Cursor> {
        let (millis, id) = code.trim().split_once('_')?;
        Some(Cursor {
            first_start: DateTime::from_timestamp_millis(millis.parse().ok()?)?,
            id: id.parse().ok().filter(|id: &i32| *id > 0)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_what_it_wrote() {
        let at = DateTime::parse_from_rfc3339("2031-03-04T08:30:00Z")
            .expect("date")
            .with_timezone(&Utc);
        let cursor = Cursor {
            first_start: at,
            id: 42,
        };
        assert_eq!(cursor.code(), "1930379400000_42");
        assert_eq!(Cursor::parse(&cursor.code()), Some(cursor));
        let before_1970 = Cursor {
            first_start: DateTime::from_timestamp_millis(-1000).expect("date"),
            id: 1,
        };
        assert_eq!(Cursor::parse(&before_1970.code()), Some(before_1970));
    }

    #[test]
    fn anything_else_is_no_cursor() {
        for code in [
            "",
            "42",
            "abc_1",
            "1_abc",
            "1_0",
            "1_-3",
            "99999999999999999999_1",
        ] {
            assert_eq!(Cursor::parse(code), None, "{code}");
        }
    }
}
