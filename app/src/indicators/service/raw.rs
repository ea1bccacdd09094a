//! The anonymised raw data of one year as CSV (`donnees.csv`): one row per
//! participation of the dashboard's scope (`part`: confirmed enrolments in
//! the selected sessions that were not cancelled), with its attendance and
//! its questionnaire answers reduced to one value each by SQL, grouped by
//! enrolment, in a single query. Rust only anonymises the rows
//! (`rules::raw`) and writes them.
//!
//! Item roles are those of the dashboard (`results`): the crisis item
//! (`is_crisis_item`) before and after; the mean of the self-assessment items
//! tagged with an objective; à chaud, the Likert items without objective
//! (overall satisfaction) and the yes / no item (would recommend); à froid,
//! the yes / no item (has used) and the Likert items (usefulness).

use sea_orm::{DatabaseConnection, DbBackend, FromQueryResult};

use super::scope::{self, Sql, Years};
use crate::assessment::rules::Phase;
use crate::error::AppError;
use crate::export::csv_cell;
use crate::indicators::rules::raw::{HEADERS, Participation, rows};
use crate::indicators::types::Filters;

#[derive(Debug, FromQueryResult)]
struct Row {
    user_id: i32,
    year: i32,
    month: Option<String>,
    module: String,
    mode: String,
    sector: Option<String>,
    profession: Option<String>,
    planned: i64,
    attended: i64,
    minutes: i64,
    crisis_before: Option<i32>,
    crisis_after: Option<i32>,
    mean_before: Option<f64>,
    mean_after: Option<f64>,
    overall: Option<f64>,
    recommend: Option<i32>,
    used: Option<i32>,
    usefulness: Option<f64>,
}

/// `YYYY-MM` of a date column.
fn month_of(backend: DbBackend, day: &str) -> String {
    match backend {
        DbBackend::Postgres => format!("to_char({day}, 'YYYY-MM')"),
        _ => format!("substr({day}, 1, 7)"),
    }
}

/// The query: `part`, then per enrolment its answers (`ans`) and its
/// session's first half-day (`first_day`).
fn query(backend: DbBackend, filters: &Filters) -> Sql {
    let mut sql = scope::scoped(filters, Years::One(filters.year));
    sql.push(&scope::responses())
        .push(", ans AS (SELECT resp.enrolment_id");
    for (phase, name) in [
        (Phase::Before, "crisis_before"),
        (Phase::After, "crisis_after"),
    ] {
        sql.bind(", MAX(CASE WHEN resp.phase = ?", phase.code())
            .bind(" AND i.is_crisis_item = ?", true)
            .push(" THEN a.value_int END) AS ")
            .push(name);
    }
    for (phase, name) in [(Phase::Before, "mean_before"), (Phase::After, "mean_after")] {
        sql.bind(
            ", CAST(AVG(CASE WHEN resp.phase = ? AND i.objective_id IS NOT NULL \
             THEN a.value_int END) AS DOUBLE PRECISION) AS ",
            phase.code(),
        )
        .push(name);
    }
    sql.bind(
        ", CAST(AVG(CASE WHEN resp.phase = ? AND i.item_type = 'likert' AND i.objective_id IS NULL \
         THEN a.value_int END) AS DOUBLE PRECISION) AS overall",
        Phase::Hot.code(),
    );
    sql.bind(
        ", MAX(CASE WHEN resp.phase = ? AND i.item_type = 'yes_no' THEN a.value_int END) AS recommend",
        Phase::Hot.code(),
    );
    sql.bind(
        ", MAX(CASE WHEN resp.phase = ? AND i.item_type = 'yes_no' THEN a.value_int END) AS used",
        Phase::Cold.code(),
    );
    sql.bind(
        ", CAST(AVG(CASE WHEN resp.phase = ? AND i.item_type = 'likert' \
         THEN a.value_int END) AS DOUBLE PRECISION) AS usefulness",
        Phase::Cold.code(),
    );
    sql.push(
        " FROM questionnaire_answers a JOIN resp ON resp.id = a.response_id \
         JOIN questionnaire_items i ON i.id = a.item_id \
         WHERE a.value_int IS NOT NULL AND resp.phase IN (",
    );
    sql.bind("?", Phase::Before.code())
        .bind(", ?", Phase::After.code())
        .bind(", ?", Phase::Hot.code())
        .bind(", ?", Phase::Cold.code());
    sql.push(
        ") GROUP BY resp.enrolment_id)\
         , first_day AS (SELECT sl.session_id, MIN(sl.day) AS day \
         FROM session_slots sl JOIN sel ON sel.id = sl.session_id GROUP BY sl.session_id)",
    );
    sql.push(&format!(
        " SELECT part.user_id, part.year, {} AS month, m.title AS module, sel.mode, \
         part.sector, part.profession, \
         CAST({} AS BIGINT) AS planned, CAST(part.attended AS BIGINT) AS attended, \
         CAST(part.minutes AS BIGINT) AS minutes, \
         ans.crisis_before, ans.crisis_after, ans.mean_before, ans.mean_after, \
         ans.overall, ans.recommend, ans.used, ans.usefulness \
         FROM part JOIN sel ON sel.id = part.session_id \
         JOIN modules m ON m.id = sel.module_id \
         LEFT JOIN ans ON ans.enrolment_id = part.id \
         LEFT JOIN first_day ON first_day.session_id = part.session_id",
        month_of(backend, "first_day.day"),
        scope::HALF_DAYS
    ));
    sql
}

/// The participations in scope, each with its person's key (never exported).
async fn participations(
    db: &DatabaseConnection,
    filters: &Filters,
) -> Result<Vec<(i32, Participation)>, AppError> {
    let backend = db.get_database_backend();
    let rows = Row::find_by_statement(query(backend, filters).statement(backend))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.user_id,
                Participation {
                    year: r.year,
                    month: r.month,
                    module: r.module,
                    mode: r.mode,
                    sector: r.sector,
                    profession: r.profession,
                    planned: r.planned,
                    attended: r.attended,
                    minutes: r.minutes,
                    crisis_before: r.crisis_before,
                    crisis_after: r.crisis_after,
                    mean_before: r.mean_before,
                    mean_after: r.mean_after,
                    overall: r.overall,
                    recommend: r.recommend,
                    used: r.used,
                    usefulness: r.usefulness,
                },
            )
        })
        .collect())
}

/// The anonymised rows as CSV (see [`crate::export::csv_writer`]), text neutralised.
pub fn write(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut out = crate::export::csv_writer();
    out.write_record(HEADERS.iter().map(|h| csv_cell(h)))
        .map_err(AppError::internal)?;
    for row in rows {
        out.write_record(row.iter().map(|c| csv_cell(c)))
            .map_err(AppError::internal)?;
    }
    out.into_inner().map_err(AppError::internal)
}

/// `donnees.csv` for the selected year and filters.
pub async fn csv(db: &DatabaseConnection, filters: &Filters) -> Result<Vec<u8>, AppError> {
    write(&rows(participations(db, filters).await?))
}
