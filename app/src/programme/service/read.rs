//! A year's programme with, beside each module, the sessions of that year
//! held and still to come.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::calendar::{french_date, to_local};
use crate::catalogue::service::modules::in_catalogue_order;
use crate::db::entities::{modules, programme_plans, programme_years};
use crate::error::AppError;
use crate::programme::rules::{editable, offered_years};
use crate::programme::types::{PlanLine, Programme};

/// The modules a programme lists: the published ones, and any other that
/// already has a plan that year (so that a withdrawn module's plan stays visible).
pub async fn plannable(
    db: &impl ConnectionTrait,
    plans: &HashMap<i32, programme_plans::Model>,
) -> Result<Vec<modules::Model>, AppError> {
    Ok(in_catalogue_order(db)
        .await?
        .into_iter()
        .filter(|m| m.published || plans.contains_key(&m.id))
        .collect())
}

/// The plan rows of `year`, by module.
pub async fn plans_of(
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<HashMap<i32, programme_plans::Model>, AppError> {
    Ok(programme_plans::Entity::find()
        .filter(programme_plans::Column::Year.eq(year))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.module_id, p))
        .collect())
}

pub async fn programme(
    db: &DatabaseConnection,
    year: i32,
    this_year: i32,
) -> Result<Programme, AppError> {
    let plans = plans_of(db, year).await?;
    let counts: HashMap<i32, (i64, i64)> = crate::space::service::coordinator::lines(db, year)
        .await?
        .into_iter()
        .map(|l| (l.module_id, (l.held, l.scheduled)))
        .collect();
    let lines = plannable(db, &plans)
        .await?
        .into_iter()
        .map(|m| {
            let (held, scheduled) = counts.get(&m.id).copied().unwrap_or_default();
            PlanLine {
                module_id: m.id,
                title: m.title,
                planned: plans.get(&m.id).map_or(0, |p| p.planned_sessions),
                held,
                scheduled,
            }
        })
        .collect();
    let saved = programme_years::Entity::find_by_id(year).one(db).await?;
    let mut years = offered_years(this_year);
    if !years.contains(&year) {
        years.insert(0, year);
    }
    Ok(Programme {
        year,
        years,
        editable: editable(year, this_year).is_ok(),
        lines,
        note: saved.as_ref().map(|s| s.note.clone()).unwrap_or_default(),
        updated: saved.map(|s| format!("le {}", french_date(to_local(s.updated_at).date()))),
    })
}
