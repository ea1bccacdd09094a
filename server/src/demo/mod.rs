//! Demonstration data, loaded by `relais --demo` into an empty database only.
//!
//! Each part of the product adds its own file here, so that the demo always
//! shows the whole product. The texts live in `data/*.json`, apart from code.
//! The modules' content is the starter content every install can have
//! (`app::starter`), published here.

mod answers;
pub mod history;
pub mod people;
mod structures;

use anyhow::Context;
use app::db::BeginWrite;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use app::db::entities::{modules, structures as structure_entity};
use app::starter::rules::Publication;

/// Loads everything, in one transaction, unless the database already holds data.
pub async fn load_if_empty(db: &DatabaseConnection) -> anyhow::Result<bool> {
    let existing = structure_entity::Entity::find().count(db).await?
        + modules::Entity::find().count(db).await?;
    if existing > 0 {
        tracing::info!("database not empty: demonstration data not loaded");
        return Ok(false);
    }
    let txn = db.begin_write().await?;
    let now = chrono::Utc::now();
    let structures = structures::load(&txn, now).await.context("structures")?;
    let content = app::starter::service::install(&txn, now, Publication::Published)
        .await
        .map_err(|e| anyhow::anyhow!("starter content: {e}"))?;
    let people = people::load(&txn).await.context("accounts")?;
    let sessions = history::load(&txn, now).await.context("session history")?;
    let responses = answers::load(&txn, now)
        .await
        .context("questionnaire answers")?;
    txn.commit().await?;
    tracing::info!(
        structures,
        modules = content.modules,
        lessons = content.lessons,
        people,
        sessions,
        questionnaires = content.questionnaires,
        responses,
        "demonstration data loaded"
    );
    Ok(true)
}
