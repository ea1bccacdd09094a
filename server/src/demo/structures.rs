//! The partner structures of the CLSM, with their sector.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, EntityTrait};
use serde::Deserialize;

use app::db::entities::structures;

#[derive(Debug, Deserialize)]
struct StructureSeed {
    name: String,
    sector: String,
    city: String,
}

pub async fn load(txn: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let seeds: Vec<StructureSeed> = serde_json::from_str(include_str!("data/structures.json"))?;
    let count = seeds.len();
    let rows = seeds.into_iter().map(|s| structures::ActiveModel {
        name: Set(s.name),
        sector: Set(s.sector),
        city: Set(Some(s.city)),
        reviewed: Set(true),
        created_at: Set(now),
        ..Default::default()
    });
    structures::Entity::insert_many(rows).exec(txn).await?;
    Ok(count)
}
