//! Saving a year's programme: every count checked before anything is written,
//! then one transaction, and one audit entry saying what changed.

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};
use serde_json::json;

use super::read::{plannable, plans_of};
use crate::auth::CurrentUser;
use crate::db::entities::{programme_plans, programme_years};
use crate::error::AppError;
use crate::programme::rules::{editable, note, planned};
use crate::programme::types::{ProgrammeInput, planned_key};

/// Saves `input`; returns how many modules' counts changed.
pub async fn save(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    input: &ProgrammeInput,
    now: DateTime<Utc>,
    this_year: i32,
) -> Result<usize, AppError> {
    let year = input.year;
    editable(year, this_year)?;
    let note = note(&input.note)?;
    let txn = db.begin_write().await?;
    let plans = plans_of(&txn, year).await?;
    let modules = plannable(&txn, &plans).await?;
    if input
        .planned
        .keys()
        .any(|k| !modules.iter().any(|m| planned_key(m.id) == *k))
    {
        return Err(AppError::invalid(
            "Un module du formulaire n’existe plus : rechargez la page.",
        ));
    }
    // Every count is read before the first write: one mistake stores nothing.
    let mut wanted = Vec::new();
    for m in &modules {
        let Some(raw) = input.planned.get(&planned_key(m.id)) else {
            continue;
        };
        wanted.push((m, planned(&m.title, raw)?));
    }
    let mut changes = Vec::new();
    for (m, n) in wanted {
        match plans.get(&m.id) {
            Some(plan) if plan.planned_sessions == n => {}
            Some(plan) => {
                changes.push(
                    json!({ "module": m.title, "before": plan.planned_sessions, "after": n }),
                );
                let mut row: programme_plans::ActiveModel = plan.clone().into();
                row.planned_sessions = Set(n);
                row.update(&txn).await?;
            }
            None if n == 0 => {}
            None => {
                changes.push(json!({ "module": m.title, "before": 0, "after": n }));
                programme_plans::ActiveModel {
                    year: Set(year),
                    module_id: Set(m.id),
                    planned_sessions: Set(n),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    let before = programme_years::Entity::find_by_id(year).one(&txn).await?;
    let note_changed = before.as_ref().map_or(!note.is_empty(), |b| b.note != note);
    if note_changed || !changes.is_empty() {
        let row = programme_years::ActiveModel {
            year: Set(year),
            note: Set(note),
            updated_at: Set(now),
        };
        if before.is_some() {
            row.update(&txn).await?;
        } else {
            row.insert(&txn).await?;
        }
        crate::audit::record(
            &txn,
            Some(actor.id),
            "programme_updated",
            Some(("programme", year)),
            Some(json!({ "counts": changes, "note_changed": note_changed })),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(changes.len())
}
