//! Erasure requests: the person asks (every coordinator is e-mailed, without
//! their name), the coordinator sees the pending ones on their home page and
//! at the head of « Comptes », and confirms ([`super::erasure::confirm`]).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use crate::db::BeginWrite;
use crate::db::entities::users;
use crate::error::AppError;
use crate::mail::{erasure_requested, outbox};
use crate::roles::Role;

/// Records that `user_id` asks for their erasure and tells every active
/// coordinator; says whether it did (a second request changes nothing).
pub async fn request(
    db: &DatabaseConnection,
    public_url: &str,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    let txn = db.begin_write().await?;
    let user = users::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if user.erasure_requested_at.is_some() {
        return Ok(false);
    }
    let mut row: users::ActiveModel = user.into();
    row.erasure_requested_at = Set(Some(now));
    row.update(&txn).await?;
    let coordinators = users::Entity::find()
        .filter(users::Column::Role.eq(Role::Coordinator.code()))
        .filter(users::Column::Active.eq(true))
        .filter(users::Column::Email.is_not_null())
        .filter(users::Column::Id.ne(user_id))
        .all(&txn)
        .await?;
    let url = format!("{}/coordination/comptes", public_url.trim_end_matches('/'));
    for coordinator in coordinators {
        let Some(recipient) = coordinator.email else {
            continue;
        };
        let (subject, body_text, body_html) = erasure_requested::erasure_requested(&url);
        outbox::queue(
            &txn,
            outbox::NewEmail {
                idempotency_key: format!(
                    "{}:{user_id}:{}",
                    erasure_requested::KIND,
                    coordinator.id
                ),
                kind: erasure_requested::KIND,
                recipient,
                subject,
                body_text,
                body_html,
                attachments: Vec::new(),
            },
        )
        .await?;
    }
    crate::audit::record(
        &txn,
        Some(user_id),
        "erasure_requested",
        Some(("user", user_id)),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// How many requests wait for the coordinator's confirmation.
pub async fn pending(db: &DatabaseConnection) -> Result<u64, AppError> {
    Ok(users::Entity::find()
        .filter(users::Column::ErasureRequestedAt.is_not_null())
        .filter(users::Column::ErasedAt.is_null())
        .count(db)
        .await?)
}
