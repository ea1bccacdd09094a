//! Who may manage a session: the coordinator, and the trainers who teach it
//! (one session at a time, or as a query condition for lists). Also the
//! session-row lock every enrolment change takes first.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, Query},
};

use crate::auth::CurrentUser;
use crate::db::entities::{session_trainers, training_sessions};
use crate::error::AppError;
use crate::roles::Role;

pub async fn session_or_404(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<training_sessions::Model, AppError> {
    training_sessions::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn teaches(
    db: &impl ConnectionTrait,
    session_id: i32,
    user_id: i32,
) -> Result<bool, AppError> {
    Ok(session_trainers::Entity::find()
        .filter(session_trainers::Column::SessionId.eq(session_id))
        .filter(session_trainers::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .is_some())
}

pub async fn may_manage(
    db: &impl ConnectionTrait,
    user: Option<&CurrentUser>,
    session_id: i32,
) -> Result<bool, AppError> {
    match user {
        Some(u) if u.role == Role::Coordinator => Ok(true),
        Some(u) if u.role == Role::Trainer => teaches(db, session_id, u.id).await,
        _ => Ok(false),
    }
}

/// [`may_manage`] as a condition on `training_sessions`, for lists: every
/// session for the coordinator, the sessions a trainer teaches, none for
/// anyone else.
pub fn managed_by(user: &CurrentUser) -> Condition {
    use training_sessions::Column;
    match user.role {
        Role::Coordinator => Condition::all(),
        Role::Trainer => Condition::all().add(
            Column::Id.in_subquery(
                Query::select()
                    .column(session_trainers::Column::SessionId)
                    .from(session_trainers::Entity)
                    .and_where(session_trainers::Column::UserId.eq(user.id))
                    .to_owned(),
            ),
        ),
        Role::Learner => Condition::all().add(Column::Id.is_in(Vec::<i32>::new())),
    }
}

/// The session, if `user` may manage it (404 if it does not exist, 403 otherwise).
pub async fn require_manager(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    session_id: i32,
) -> Result<training_sessions::Model, AppError> {
    let session = session_or_404(db, session_id).await?;
    if may_manage(db, Some(user), session_id).await? {
        Ok(session)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Locks the session row for the rest of the transaction, so that counting
/// seats and writing an enrolment happen one request at a time per session.
///
/// PostgreSQL: `SELECT … FOR UPDATE`. SQLite has no row locks and sea-orm
/// opens DEFERRED transactions, where a read followed by a write can fail
/// with SQLITE_BUSY instead of waiting; so the first statement there is a
/// no-op write, which takes the database write lock at once (waiting on the
/// busy timeout) before anything is read.
pub async fn lock_session(
    txn: &impl ConnectionTrait,
    id: i32,
) -> Result<training_sessions::Model, AppError> {
    use training_sessions::{Column, Entity};
    if txn.get_database_backend() == DbBackend::Postgres {
        return Entity::find_by_id(id)
            .lock_exclusive()
            .one(txn)
            .await?
            .ok_or(AppError::NotFound);
    }
    Entity::update_many()
        .col_expr(Column::UpdatedAt, Expr::col(Column::UpdatedAt))
        .filter(Column::Id.eq(id))
        .exec(txn)
        .await?;
    session_or_404(txn, id).await
}
