//! Confirming that a person receives mail at their address: a link sent to
//! it (a random token, only its hash stored, valid 48 hours, for that address
//! only), opened and confirmed with a button, marks the account's address as
//! confirmed. Sent at sign-up and after every change of address; the person
//! may ask for a new one; a coordinator may confirm an address they know.
//! Only the newest link of an account works.

use crate::db::BeginWrite;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, sea_query::Expr,
};

use crate::accounts::rules::verification::{LINK_INVALID, VERIFICATION_VALIDITY, link_usable};
use crate::auth::{rate_limit, tokens};
use crate::db::entities::{email_verifications, users};
use crate::error::AppError;
use crate::mail::{email_verification, outbox};

/// The page a confirmation link opens.
pub const CONFIRM_PAGE: &str = "/adresse/confirmer";

/// Creates a link for `user`'s current address and queues the message to it,
/// on `db` (the caller's transaction); earlier links of the account stop working.
pub async fn send(
    db: &impl ConnectionTrait,
    public_url: &str,
    user: &users::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let Some(email) = user.email.clone() else {
        return Ok(());
    };
    close_open_links(db, user.id, now).await?;
    let token = tokens::new_token();
    let link = email_verifications::ActiveModel {
        user_id: Set(user.id),
        email: Set(email.clone()),
        token_hash: Set(tokens::hash_token(&token)),
        created_at: Set(now),
        expires_at: Set(now + VERIFICATION_VALIDITY),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let url = format!("{public_url}{CONFIRM_PAGE}?jeton={token}");
    let (subject, body_text, body_html) =
        email_verification::message(&user.display_name, &url, VERIFICATION_VALIDITY.num_hours());
    outbox::queue(
        db,
        outbox::NewEmail {
            idempotency_key: format!("{}:{}", email_verification::KIND, link.id),
            kind: email_verification::KIND,
            recipient: email,
            subject,
            body_text,
            body_html,
            attachments: Vec::new(),
        },
    )
    .await?;
    Ok(())
}

/// The person asks for a new link (5 an hour at most).
pub async fn resend(
    db: &DatabaseConnection,
    public_url: &str,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let limit = rate_limit::VERIFICATION_PER_ACCOUNT;
    let key = format!("verification:account:{user_id}");
    if rate_limit::hit(db, &key, limit, now).await? > limit.max {
        return Err(AppError::TooManyRequests);
    }
    let user = users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if user.email_verified_at.is_some() {
        return Err(AppError::conflict(
            "Votre adresse e-mail est déjà confirmée.",
        ));
    }
    let txn = db.begin_write().await?;
    send(&txn, public_url, &user, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Confirms the address the link `token` was sent to, if the link is still
/// usable; two uses at once confirm once.
pub async fn confirm(
    db: &DatabaseConnection,
    token: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let txn = db.begin_write().await?;
    let link = email_verifications::Entity::find()
        .filter(email_verifications::Column::TokenHash.eq(tokens::hash_token(token.trim())))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::invalid(LINK_INVALID))?;
    let user = users::Entity::find_by_id(link.user_id)
        .one(&txn)
        .await?
        .filter(|u| u.active && u.erased_at.is_none())
        .ok_or_else(|| AppError::invalid(LINK_INVALID))?;
    if !link_usable(
        link.used_at,
        link.expires_at,
        &link.email,
        user.email.as_deref(),
        now,
    ) {
        return Err(AppError::invalid(LINK_INVALID));
    }
    let marked = email_verifications::Entity::update_many()
        .col_expr(email_verifications::Column::UsedAt, Expr::value(now))
        .filter(email_verifications::Column::Id.eq(link.id))
        .filter(email_verifications::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if marked.rows_affected != 1 {
        return Err(AppError::invalid(LINK_INVALID));
    }
    mark_verified(&txn, user.id, &link.email, now).await?;
    crate::audit::record(
        &txn,
        Some(user.id),
        "email_verified",
        Some(("user", user.id)),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A coordinator confirms an account's current address (the person told
/// them it is right but cannot receive or open the link).
pub async fn confirm_by_coordinator(
    db: &DatabaseConnection,
    coordinator_id: i32,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let txn = db.begin_write().await?;
    let user = users::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .filter(|u| u.erased_at.is_none())
        .ok_or(AppError::NotFound)?;
    let Some(email) = user.email.clone() else {
        return Err(AppError::NotFound);
    };
    if user.email_verified_at.is_some() {
        return Err(AppError::conflict(
            "Cette adresse e-mail est déjà confirmée.",
        ));
    }
    mark_verified(&txn, user.id, &email, now).await?;
    close_open_links(&txn, user.id, now).await?;
    crate::audit::record(
        &txn,
        Some(coordinator_id),
        "email_verified",
        Some(("user", user.id)),
        Some(serde_json::json!({ "par": "coordination" })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Marks `user_id`'s address confirmed, if it is still `email`.
async fn mark_verified(
    db: &impl ConnectionTrait,
    user_id: i32,
    email: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    users::Entity::update_many()
        .col_expr(users::Column::EmailVerifiedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user_id))
        .filter(users::Column::Email.eq(email))
        .filter(users::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Marks every still-usable link of `user_id` as used.
async fn close_open_links(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    email_verifications::Entity::update_many()
        .col_expr(email_verifications::Column::UsedAt, Expr::value(now))
        .filter(email_verifications::Column::UserId.eq(user_id))
        .filter(email_verifications::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
