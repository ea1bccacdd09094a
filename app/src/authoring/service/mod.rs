//! Authoring queries and writes (server only). Every function here trusts that
//! the caller is an author: the server functions check it first ([`author`]).

pub mod arrange;
pub mod lessons;
pub mod modules;
pub mod placing;
pub mod questions;
pub mod quizzes;
pub mod removal;
pub mod resources;

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, PrimaryKeyTrait,
};

use crate::auth::CurrentUser;
use crate::db::column;
use crate::error::AppError;
use crate::roles::Role;

/// The people who write the content: trainers and the coordinator.
pub const AUTHORS: &[Role] = &[Role::Trainer, Role::Coordinator];

/// The signed-in author, or `Unauthenticated` / `Forbidden`.
pub async fn author() -> Result<CurrentUser, AppError> {
    crate::auth::require(AUTHORS).await
}

/// The row with this id, or `NotFound`.
pub async fn find<E>(db: &impl ConnectionTrait, id: i32) -> Result<E::Model, AppError>
where
    E: EntityTrait,
    i32: Into<<E::PrimaryKey as PrimaryKeyTrait>::ValueType>,
{
    E::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)
}

/// Inserts `row` as a new draft (unpublished, created and updated now), then
/// commits `txn`: the last step of creating a module, a lesson or a quiz.
pub async fn insert_draft<A>(
    txn: DatabaseTransaction,
    mut row: A,
) -> Result<<A::Entity as EntityTrait>::Model, AppError>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let now = chrono::Utc::now();
    row.try_set(column::<A::Entity>("published")?, false.into())?;
    row.try_set(column::<A::Entity>("created_at")?, now.into())?;
    row.try_set(column::<A::Entity>("updated_at")?, now.into())?;
    let inserted = row.insert(&txn).await?;
    txn.commit().await?;
    Ok(inserted)
}
