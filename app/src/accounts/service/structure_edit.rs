//! The coordinator corrects a structure (name, sector, city) or retires it:
//! a retired structure is no longer offered at sign-up or in profiles, but
//! stays for history and for the people already in it, and can be restored.
//! Each change is audited with what it was before and after.

use crate::db::BeginWrite;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use serde_json::json;

use super::structures::{find, name_taken};
use crate::accounts::rules::check_structure;
use crate::accounts::{StructureEdit, StructureRetirement};
use crate::auth::CurrentUser;
use crate::db::entities::structures;
use crate::error::AppError;

fn details(s: &structures::Model) -> serde_json::Value {
    json!({ "name": s.name, "sector": s.sector, "city": s.city })
}

/// Stores the structure's corrected details (checked like at creation).
pub async fn edit(
    db: &DatabaseConnection,
    me: &CurrentUser,
    input: StructureEdit,
) -> Result<(), AppError> {
    let checked = check_structure(&input.name, &input.sector, &input.city)?;
    let txn = db.begin_write().await?;
    let before = find(&txn, input.structure_id).await?;
    let mut row: structures::ActiveModel = before.clone().into();
    row.name = Set(checked.name);
    row.sector = Set(checked.sector.code().to_owned());
    row.city = Set(checked.city);
    let after = row.update(&txn).await.map_err(name_taken)?;
    crate::audit::record(
        &txn,
        Some(me.id),
        "structure_edited",
        Some(("structure", after.id)),
        Some(json!({ "before": details(&before), "after": details(&after) })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Retires the structure or restores it; says whether anything changed
/// (retiring a retired structure changes nothing).
pub async fn set_retired(
    db: &DatabaseConnection,
    me: &CurrentUser,
    input: StructureRetirement,
) -> Result<bool, AppError> {
    let txn = db.begin_write().await?;
    let structure = find(&txn, input.structure_id).await?;
    let was_retired = structure.retired_at.is_some();
    if was_retired == input.retired {
        return Ok(false);
    }
    let id = structure.id;
    let mut row: structures::ActiveModel = structure.into();
    row.retired_at = Set(input.retired.then(chrono::Utc::now));
    row.update(&txn).await?;
    let action = if input.retired {
        "structure_retired"
    } else {
        "structure_restored"
    };
    crate::audit::record(
        &txn,
        Some(me.id),
        action,
        Some(("structure", id)),
        Some(json!({
            "before": { "retired": was_retired },
            "after": { "retired": input.retired },
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}
