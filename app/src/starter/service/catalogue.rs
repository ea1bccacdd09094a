//! The starter modules and their objectives (`data/modules.json`).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use serde::Deserialize;

use crate::db::entities::{module_objectives, modules};
use crate::error::AppError;
use crate::starter::rules::Publication;

use super::rows::insert_stamped;

#[derive(Debug, Deserialize)]
pub struct ModuleSeed {
    pub slug: String,
    title: String,
    summary: String,
    duration_minutes: i32,
    audience: String,
    prerequisites: String,
    objectives: Vec<ObjectiveSeed>,
}

#[derive(Debug, Deserialize)]
struct ObjectiveSeed {
    code: String,
    label: String,
}

impl ModuleSeed {
    /// Its objectives' codes, which the quiz questions name.
    pub fn objective_codes(&self) -> impl Iterator<Item = &str> {
        self.objectives.iter().map(|o| o.code.as_str())
    }
}

/// The three modules, in catalogue order.
pub fn seeds() -> Result<Vec<ModuleSeed>, AppError> {
    serde_json::from_str(include_str!("../data/modules.json")).map_err(AppError::internal)
}

/// Inserts `seed` at `position` with its objectives; answers the module's id.
pub async fn insert(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    publication: Publication,
    position: i32,
    seed: ModuleSeed,
) -> Result<i32, AppError> {
    let module = modules::ActiveModel {
        slug: Set(seed.slug),
        title: Set(seed.title),
        summary: Set(seed.summary),
        duration_minutes: Set(seed.duration_minutes),
        audience: Set(seed.audience),
        prerequisites: Set(seed.prerequisites),
        position: Set(position),
        ..Default::default()
    };
    let module = insert_stamped(db, now, publication, module).await?;
    let objectives =
        (1..)
            .zip(seed.objectives)
            .map(|(position, o)| module_objectives::ActiveModel {
                module_id: Set(module.id),
                position: Set(position),
                code: Set(o.code),
                label: Set(o.label),
                ..Default::default()
            });
    module_objectives::Entity::insert_many(objectives)
        .exec(db)
        .await?;
    Ok(module.id)
}
