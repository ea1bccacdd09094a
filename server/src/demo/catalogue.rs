//! The three modules of the catalogue and their objectives.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, EntityTrait};
use serde::Deserialize;

use app::db::entities::{module_objectives, modules};

use super::published::insert_published;

#[derive(Debug, Deserialize)]
struct ModuleSeed {
    slug: String,
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

pub async fn load(txn: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let seeds: Vec<ModuleSeed> = serde_json::from_str(include_str!("data/modules.json"))?;
    let count = seeds.len();
    for (position, seed) in (0..).zip(seeds) {
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
        let module = insert_published(txn, now, module).await?;
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
            .exec(txn)
            .await?;
    }
    Ok(count)
}
