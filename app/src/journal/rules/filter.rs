//! Reading the journal's filters from the address: ids are whole positive
//! numbers, dates are those of a date field (AAAA-MM-JJ), the first day comes
//! before the last. An empty field means no filter. Anything else is refused
//! in French (422), so a mistyped address never lists the wrong entries.

use chrono::NaiveDate;

use crate::error::Refusal;
use crate::journal::types::JournalQuery;
use crate::refusal;

/// The filters, read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    pub session_id: Option<i32>,
    pub person_id: Option<i32>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub before: Option<i32>,
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn id(value: &Option<String>, what: &str) -> Result<Option<i32>, Refusal> {
    present(value)
        .map(|v| {
            v.parse::<i32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                refusal!("Le filtre « {what} » n’est pas valable : choisissez-le dans la liste.")
            })
        })
        .transpose()
}

fn day(value: &Option<String>, what: &str) -> Result<Option<NaiveDate>, Refusal> {
    present(value)
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .ok()
                .filter(|d| (2000..=2200).contains(&chrono::Datelike::year(d)))
                .ok_or_else(|| refusal!("La date « {what} » n’est pas valable : indiquez une date au format AAAA-MM-JJ."))
        })
        .transpose()
}

pub fn read_filter(q: &JournalQuery) -> Result<Filter, Refusal> {
    let filter = Filter {
        session_id: id(&q.session, "Session")?,
        person_id: id(&q.person, "Personne")?,
        from: day(&q.from, "Du")?,
        to: day(&q.to, "Au")?,
        before: present(&q.before)
            .map(|v| {
                v.parse::<i32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                    refusal!("Cette page du journal n’existe pas : revenez à la première page.")
                })
            })
            .transpose()?,
    };
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        return Err(refusal!(
            "La date « Du » doit précéder la date « Au » (ou être la même)."
        ));
    }
    Ok(filter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(session: &str, person: &str, from: &str, to: &str, before: &str) -> JournalQuery {
        let some = |v: &str| Some(v.to_owned());
        JournalQuery {
            session: some(session),
            person: some(person),
            from: some(from),
            to: some(to),
            before: some(before),
        }
    }

    #[test]
    fn empty_fields_are_no_filter() {
        assert_eq!(read_filter(&JournalQuery::default()), Ok(Filter::default()));
        assert_eq!(read_filter(&q("", " ", "", "", "")), Ok(Filter::default()));
    }

    #[test]
    fn ids_and_dates_are_read() {
        let f = read_filter(&q("12", "7", "2026-01-01", "2026-12-31", "500")).expect("valid");
        assert_eq!(f.session_id, Some(12));
        assert_eq!(f.person_id, Some(7));
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(f.to, NaiveDate::from_ymd_opt(2026, 12, 31));
        assert_eq!(f.before, Some(500));
        let same_day = read_filter(&q("", "", "2026-05-04", "2026-05-04", "")).expect("one day");
        assert_eq!(same_day.from, same_day.to);
    }

    #[test]
    fn bad_values_are_refused_in_french() {
        let refused = |query: JournalQuery| read_filter(&query).expect_err("refused").to_string();
        assert!(refused(q("abc", "", "", "", "")).contains("« Session »"));
        assert!(refused(q("-3", "", "", "", "")).contains("« Session »"));
        assert!(refused(q("", "a@b.fr", "", "", "")).contains("« Personne »"));
        assert!(refused(q("", "", "31/12/2026", "", "")).contains("AAAA-MM-JJ"));
        assert!(refused(q("", "", "", "2026-02-30", "")).contains("« Au »"));
        assert!(refused(q("", "", "", "", "0")).contains("première page"));
        assert!(refused(q("", "", "2026-12-31", "2026-01-01", "")).contains("précéder"));
    }
}
