//! A person's feed tokens. The token is returned once, at creation; only its
//! hash is stored. Creating a feed revokes the live one of the same kind, in
//! the same transaction; the partial unique index `idx_calendar_feeds_live`
//! turns a concurrent second creation into a conflict instead of two live feeds.

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, sea_query::Expr,
};

use crate::agenda::rules::kind::FeedKind;
use crate::agenda::types::FeedLine;
use crate::auth::CurrentUser;
use crate::auth::tokens::{hash_token, new_token};
use crate::calendar::{french_date, to_local};
use crate::db::entities::calendar_feeds;
use crate::error::AppError;

/// Creates a feed of `kind` for `user` (revoking the previous one); returns the token.
pub async fn create(
    db: &DatabaseConnection,
    user: &CurrentUser,
    kind: FeedKind,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    if !kind.allowed_for(user.role) {
        return Err(AppError::Forbidden);
    }
    let token = new_token();
    let txn = db.begin_write().await?;
    revoke_where(
        &txn,
        user.id,
        now,
        calendar_feeds::Column::Kind.eq(kind.code()),
    )
    .await?;
    calendar_feeds::ActiveModel {
        user_id: Set(user.id),
        kind: Set(kind.code().to_owned()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::conflict("Une autre demande vient de créer cette adresse : réessayez.")
        }
        _ => AppError::from(e),
    })?;
    txn.commit().await?;
    Ok(token)
}

/// Revokes `user`'s feed `feed_id`. Someone else's feed is "not found".
pub async fn revoke(
    db: &DatabaseConnection,
    user: &CurrentUser,
    feed_id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let revoked = revoke_where(db, user.id, now, calendar_feeds::Column::Id.eq(feed_id)).await?;
    if revoked == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

async fn revoke_where(
    db: &impl sea_orm::ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
    condition: sea_orm::sea_query::SimpleExpr,
) -> Result<u64, AppError> {
    let result = calendar_feeds::Entity::update_many()
        .col_expr(calendar_feeds::Column::RevokedAt, Expr::value(now))
        .filter(calendar_feeds::Column::UserId.eq(user_id))
        .filter(calendar_feeds::Column::RevokedAt.is_null())
        .filter(condition)
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// The live feeds of `user`.
pub async fn live(db: &DatabaseConnection, user_id: i32) -> Result<Vec<FeedLine>, AppError> {
    let rows = calendar_feeds::Entity::find()
        .filter(calendar_feeds::Column::UserId.eq(user_id))
        .filter(calendar_feeds::Column::RevokedAt.is_null())
        .order_by_asc(calendar_feeds::Column::Kind)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(FeedLine {
                id: row.id,
                kind: FeedKind::from_code(&row.kind)?,
                created_on: french_date(to_local(row.created_at).date()),
            })
        })
        .collect())
}
