//! Catalogue queries (server only).

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::types::ModuleSummary;
use crate::db::entities::{module_objectives, modules};
use crate::error::AppError;

/// Published modules with their objectives, in catalogue order (two queries).
pub async fn published_modules(db: &DatabaseConnection) -> Result<Vec<ModuleSummary>, AppError> {
    let rows = modules::Entity::find()
        .filter(modules::Column::Published.eq(true))
        .order_by_asc(modules::Column::Position)
        .order_by_asc(modules::Column::Id)
        .find_with_related(module_objectives::Entity)
        .order_by_asc(module_objectives::Column::Position)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(module, objectives)| ModuleSummary {
            slug: module.slug,
            title: module.title,
            summary: module.summary,
            duration_minutes: module.duration_minutes,
            audience: module.audience,
            objectives: objectives.into_iter().map(|o| o.label).collect(),
        })
        .collect())
}
