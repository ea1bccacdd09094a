//! The sessions an indicator counts (`sel`: programme year or years,
//! module, mode, trainer) and the participations in them (`part`), as SQL
//! common table expressions shared by every query; and the few expressions
//! that differ between SQLite and PostgreSQL.

use sea_orm::{DbBackend, Statement, Value};

use crate::assessment::rules::Phase;
use crate::indicators::types::Filters;
use crate::sessions::rules::{EnrolmentStatus, Status};

/// Which programme years a query covers.
#[derive(Debug, Clone, Copy)]
pub enum Years {
    One(i32),
    UpTo(i32),
}

/// SQL text with `?` placeholders and its values, built piece by piece.
#[derive(Debug, Default)]
pub struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    pub fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    pub fn bind(&mut self, text: &str, value: impl Into<Value>) -> &mut Self {
        self.text.push_str(text);
        self.values.push(value.into());
        self
    }

    /// The statement for `backend`: PostgreSQL numbers its placeholders.
    pub fn statement(&self, backend: DbBackend) -> Statement {
        let text = if backend == DbBackend::Postgres {
            let mut n = 0;
            let mut out = String::with_capacity(self.text.len() + 16);
            for c in self.text.chars() {
                if c == '?' {
                    n += 1;
                    out.push_str(&format!("${n}"));
                } else {
                    out.push(c);
                }
            }
            out
        } else {
            self.text.clone()
        };
        Statement::from_sql_and_values(backend, text, self.values.clone())
    }
}

/// The number of half-days of a row of `part`'s session.
pub const HALF_DAYS: &str =
    "(SELECT COUNT(*) FROM session_slots sl WHERE sl.session_id = part.session_id)";

/// `resp`: the responses of the participations in scope that count. The
/// phases after the course (`Phase::needs_attendance`) count only for people
/// who attended at least one half-day: an answer given by someone absent
/// throughout is kept but never counted. They carry the year, so that no
/// query reads `part` twice (PostgreSQL would materialise it).
pub fn responses() -> String {
    let after: Vec<String> = Phase::ALL
        .iter()
        .filter(|p| p.needs_attendance())
        .map(|p| format!("'{}'", p.code()))
        .collect();
    format!(
        ", resp AS (SELECT r.id, r.enrolment_id, r.phase, part.year \
         FROM questionnaire_responses r JOIN part ON part.id = r.enrolment_id \
         WHERE part.attended > 0 OR r.phase NOT IN ({}))",
        after.join(", ")
    )
}

/// A query starting with the scope of `years` for `filters`.
pub fn scoped(filters: &Filters, years: Years) -> Sql {
    let mut sql = Sql::default();
    with_scope(&mut sql, filters, years);
    sql
}

/// `WITH sel AS (…), part AS (…)`:
/// - `sel`: the selected sessions (id, module_id, mode, status, programme_year);
/// - `part`: confirmed enrolments in selected sessions that were not cancelled,
///   with the half-days attended (present or late) and their minutes, which
///   the database keeps on each enrolment (migration
///   `m20261125_000012_add_attendance_summary`), and the person's typology
///   when they enrolled (`sector`, `profession`, `structure_id`: the
///   enrolment's snapshot, `sessions/service/snapshot.rs`), never today's.
///
/// The session's number of half-days is [`HALF_DAYS`], for the queries that
/// need it (kept out of `part`: PostgreSQL materialises a CTE read twice, and
/// would count them for every participation of ten years).
pub fn with_scope(sql: &mut Sql, filters: &Filters, years: Years) {
    sql.push(
        "WITH sel AS (SELECT s.id, s.module_id, s.mode, s.status, s.programme_year \
         FROM training_sessions s WHERE ",
    );
    match years {
        Years::One(y) => sql.bind("s.programme_year = ?", y),
        Years::UpTo(y) => sql.bind("s.programme_year <= ?", y),
    };
    if let Some(module) = filters.module_id {
        sql.bind(" AND s.module_id = ?", module);
    }
    if let Some(mode) = &filters.mode {
        sql.bind(" AND s.mode = ?", mode.clone());
    }
    if let Some(trainer) = filters.trainer_id {
        sql.bind(
            " AND EXISTS (SELECT 1 FROM session_trainers t WHERE t.session_id = s.id AND t.user_id = ?)",
            trainer,
        );
    }
    sql.push(
        "), part AS (SELECT e.id, e.user_id, e.session_id, sel.programme_year AS year, \
         e.attended_halfdays AS attended, e.attended_minutes AS minutes, \
         e.snapshot_sector AS sector, e.snapshot_profession AS profession, \
         e.snapshot_structure_id AS structure_id \
         FROM sel JOIN enrolments e ON e.session_id = sel.id WHERE ",
    );
    sql.bind("e.status = ?", EnrolmentStatus::Confirmed.code())
        .bind(" AND sel.status <> ?)", Status::Cancelled.code());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_placeholders_are_numbered() {
        let mut sql = Sql::default();
        sql.bind("a = ?", 1).bind(" AND b = ?", 2);
        assert_eq!(sql.statement(DbBackend::Postgres).sql, "a = $1 AND b = $2");
        assert_eq!(sql.statement(DbBackend::Sqlite).sql, "a = ? AND b = ?");
    }

    #[test]
    fn filters_add_their_conditions_only_when_set() {
        let mut plain = Sql::default();
        with_scope(&mut plain, &Filters::default(), Years::One(2026));
        assert!(!plain.text.contains("s.module_id = ?"));
        let mut filtered = Sql::default();
        let f = Filters {
            year: 2026,
            module_id: Some(1),
            mode: Some("distanciel".into()),
            trainer_id: Some(3),
        };
        with_scope(&mut filtered, &f, Years::One(2026));
        assert!(filtered.text.contains("s.module_id = ?"));
        assert!(filtered.text.contains("t.user_id = ?"));
        assert_eq!(filtered.values.len(), plain.values.len() + 3);
    }
}
