//! The coordinator confirms an erasure the person asked for: the identity is
//! gone, attendance and certificates stay (legal retention) but belong to an
//! anonymous person.

use crate::db::BeginWrite;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use super::accounts_admin::target;
use crate::auth::{CurrentUser, session};
use crate::db::entities::{email_verifications, enrolments, password_resets, users};
use crate::error::AppError;

/// Anonymises the account and ends its sessions; says whether it did (a second
/// call changes nothing).
pub async fn confirm(
    db: &DatabaseConnection,
    me: &CurrentUser,
    user_id: i32,
) -> Result<bool, AppError> {
    let user = target(db, user_id).await?;
    if user.erasure_requested_at.is_none() {
        return Err(AppError::invalid(
            "Cette personne n’a pas demandé l’effacement de son compte.",
        ));
    }
    if user.erased_at.is_some() {
        return Ok(false);
    }
    let now = chrono::Utc::now();
    let txn = db.begin_write().await?;
    let mut active: users::ActiveModel = user.into();
    active.email = Set(None);
    active.display_name = Set(format!("Personne effacée n° {user_id}"));
    active.password_hash = Set(None);
    active.profession = Set(None);
    active.active = Set(false);
    active.erased_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(&txn).await?;
    // The profession each enrolment kept for the indicators goes too.
    enrolments::Entity::update_many()
        .col_expr(
            enrolments::Column::SnapshotProfession,
            Expr::value(sea_orm::Value::String(None)),
        )
        .filter(enrolments::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    // The confirmation links name the address (and the reset links are the account's).
    email_verifications::Entity::delete_many()
        .filter(email_verifications::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    password_resets::Entity::delete_many()
        .filter(password_resets::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    crate::audit::record(&txn, Some(me.id), "erased", Some(("user", user_id)), None).await?;
    txn.commit().await?;
    session::destroy_all_for(db, user_id).await?;
    Ok(true)
}
