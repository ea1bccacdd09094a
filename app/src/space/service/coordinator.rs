//! The coordinator's home: the year's sessions held, scheduled and cancelled
//! per module, against the programme (`programme_plans`), every session
//! still to close, and the erasure requests waiting for confirmation.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, Func, SimpleExpr},
};

use crate::auth::CurrentUser;
use crate::catalogue::service::modules::in_catalogue_order;
use crate::db::entities::{programme_plans, training_sessions};
use crate::error::AppError;
use crate::sessions::rules::Status;
use crate::space::rules::YearCounts;
use crate::space::types::{CoordinatorHome, ProgrammeLine};

/// Every module with a programme or a session in `year`, in catalogue order,
/// and the sessions `user` (the coordinator) may close.
pub async fn home(
    db: &DatabaseConnection,
    user: &CurrentUser,
    year: i32,
    now: DateTime<Utc>,
) -> Result<CoordinatorHome, AppError> {
    Ok(CoordinatorHome {
        year,
        lines: lines(db, year).await?,
        to_close: super::to_close::list(db, user, now).await?,
        pending_erasures: crate::privacy::service::requests::pending(db).await?,
    })
}

/// Every module with a programme or a session in `year`, in catalogue order:
/// planned, held, still to come, cancelled.
pub async fn lines(db: &DatabaseConnection, year: i32) -> Result<Vec<ProgrammeLine>, AppError> {
    let plans: HashMap<i32, i64> = programme_plans::Entity::find()
        .filter(programme_plans::Column::Year.eq(year))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.module_id, i64::from(p.planned_sessions)))
        .collect();
    let rows: Vec<(i32, String, i64)> = training_sessions::Entity::find()
        .select_only()
        .column(training_sessions::Column::ModuleId)
        .column(training_sessions::Column::Status)
        .column_as(
            SimpleExpr::from(Func::count(Expr::col((
                training_sessions::Entity,
                training_sessions::Column::Id,
            )))),
            "n",
        )
        .filter(training_sessions::Column::ProgrammeYear.eq(year))
        .group_by(training_sessions::Column::ModuleId)
        .group_by(training_sessions::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: BTreeMap<i32, YearCounts> = BTreeMap::new();
    for (module, status, n) in rows {
        if let Some(status) = Status::from_code(&status) {
            counts.entry(module).or_default().add(status, n);
        }
    }
    Ok(in_catalogue_order(db)
        .await?
        .into_iter()
        .filter(|m| plans.contains_key(&m.id) || counts.contains_key(&m.id))
        .map(|m| {
            let c = counts.get(&m.id).copied().unwrap_or_default();
            let programme = plans.get(&m.id).copied().unwrap_or(0);
            ProgrammeLine {
                module_id: m.id,
                module_title: m.title,
                programme,
                held: c.held,
                scheduled: c.scheduled,
                cancelled: c.cancelled,
                to_schedule: c.to_schedule(programme),
            }
        })
        .collect())
}
