//! The coordinator merges a structure into another (a duplicate typed in at
//! sign-up, two names for one place): every account of the first moves to the
//! second, then the first disappears, in one transaction. Irreversible, so the
//! server function checks the confirmation first; the audit entry keeps what
//! the merged structure was.

use crate::db::BeginWrite;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, ModelTrait, QueryFilter, sea_query::Expr,
};
use serde_json::json;

use super::structures::find;
use crate::accounts::StructureMerge;
use crate::accounts::rules::check_merge;
use crate::auth::CurrentUser;
use crate::db::entities::{enrolments, users};
use crate::error::AppError;

/// Moves the people of `from_id` to `into_id` and deletes `from_id`.
///
/// Two columns refer to a structure: `users.structure_id` (where a person works
/// today) and `enrolments.snapshot_structure_id` (where they worked when they
/// trained). A merge says both names were one place, so both move; otherwise
/// the foreign key would empty the snapshots and the indicators would lose them.
pub async fn merge(
    db: &DatabaseConnection,
    me: &CurrentUser,
    input: &StructureMerge,
) -> Result<(), AppError> {
    let txn = db.begin_write().await?;
    let from = find(&txn, input.from_id).await?;
    let into = find(&txn, input.into_id).await?;
    check_merge(from.id, into.id, into.retired_at.is_some())?;
    let moved = users::Entity::update_many()
        .col_expr(users::Column::StructureId, Expr::value(into.id))
        .col_expr(users::Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .filter(users::Column::StructureId.eq(from.id))
        .exec(&txn)
        .await?
        .rows_affected;
    let snapshots = enrolments::Entity::update_many()
        .col_expr(
            enrolments::Column::SnapshotStructureId,
            Expr::value(into.id),
        )
        .filter(enrolments::Column::SnapshotStructureId.eq(from.id))
        .exec(&txn)
        .await?
        .rows_affected;
    let details = json!({
        "merged": { "id": from.id, "name": from.name, "sector": from.sector, "city": from.city },
        "into": { "id": into.id, "name": into.name },
        "people_moved": moved,
        "enrolments_moved": snapshots,
    });
    from.delete(&txn).await?;
    crate::audit::record(
        &txn,
        Some(me.id),
        "structures_merged",
        Some(("structure", into.id)),
        Some(details),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
