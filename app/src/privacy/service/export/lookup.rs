//! The two lookups every section of the export makes: the label of each id
//! a record points to (a module's title, a quiz's title…), and the position
//! and text of each question a record answers, one query for all the ids.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::error::AppError;

/// `label` of every row of `E` whose `id` is in `ids`, by id.
pub(super) async fn labels<E: EntityTrait>(
    db: &DatabaseConnection,
    id: E::Column,
    label: E::Column,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let ids: BTreeSet<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, String)> = E::find()
        .select_only()
        .columns([id, label])
        .filter(id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// `(number, label)` of every row of `E` whose `id` is in `ids`, by id: a
/// question's position and prompt, a lesson's module and title.
pub(super) async fn numbered_labels<E: EntityTrait>(
    db: &DatabaseConnection,
    id: E::Column,
    number: E::Column,
    label: E::Column,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, (i32, String)>, AppError> {
    let ids: BTreeSet<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i32, String)> = E::find()
        .select_only()
        .columns([id, number, label])
        .filter(id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, number, label)| (id, (number, label)))
        .collect())
}
