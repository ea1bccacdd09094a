//! Password reset by email: a random single-use token valid 30 minutes. The
//! request answers the same whether or not the address has an account. Only
//! one link of an account is ever valid: a newer request, or the use of a
//! link, closes every other (`used_at` is set on them).

use crate::db::BeginWrite;
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::accounts::NewPasswordForm;
use crate::accounts::rules::{check_password, normalise_email};
use crate::auth::{password, session, tokens};
use crate::db::entities::{password_resets, users};
use crate::error::AppError;
use crate::mail::{outbox, templates};

pub const VALIDITY: Duration = Duration::minutes(30);

pub const RESET_LINK_INVALID: &str = "Ce lien de réinitialisation n’est plus valable (déjà utilisé ou expiré). Faites une nouvelle demande.";

/// The path of the page where a reset link leads.
pub const RESET_PAGE: &str = "/mot-de-passe/nouveau";

/// The address a reset is asked for, once it has the shape of one.
pub fn requested_email(raw: &str) -> Result<String, AppError> {
    normalise_email(raw).map_err(|_| AppError::invalid("Saisissez une adresse e-mail valide."))
}

/// Queues a reset link to `email` if an active account has it; does nothing otherwise.
pub async fn request(
    db: &DatabaseConnection,
    public_url: &str,
    email: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .filter(users::Column::Active.eq(true))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let token = tokens::new_token();
    let txn = db.begin_write().await?;
    close_open_links(&txn, user.id, now).await?;
    let reset = password_resets::ActiveModel {
        user_id: Set(user.id),
        token_hash: Set(tokens::hash_token(&token)),
        created_at: Set(now),
        expires_at: Set(now + VALIDITY),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let link = format!("{public_url}{RESET_PAGE}?jeton={token}");
    let (subject, body_text, body_html) = templates::password_reset(&user.display_name, &link);
    outbox::queue(
        &txn,
        outbox::NewEmail {
            idempotency_key: format!("password_reset:{}", reset.id),
            kind: "password_reset",
            recipient: email,
            subject,
            body_text,
            body_html,
            attachments: Vec::new(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Sets the new password if the token is valid and unused, then ends every
/// session of the account.
pub async fn reset(
    db: &DatabaseConnection,
    input: NewPasswordForm,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let reset = password_resets::Entity::find()
        .filter(password_resets::Column::TokenHash.eq(tokens::hash_token(input.token.trim())))
        .one(db)
        .await?
        .filter(|r| r.used_at.is_none() && r.expires_at > now)
        .ok_or_else(|| AppError::invalid(RESET_LINK_INVALID))?;
    let user = users::Entity::find_by_id(reset.user_id)
        .one(db)
        .await?
        .filter(|u| u.active && u.erased_at.is_none())
        .ok_or_else(|| AppError::invalid(RESET_LINK_INVALID))?;
    let email = user.email.clone().unwrap_or_default();
    check_password(&input.password, &[&email, &user.display_name])
        .map_err(|e| AppError::invalid(e.to_string()))?;
    let hash = password::hash(input.password).await?;

    let txn = db.begin_write().await?;
    // Marking the token used only if still unused makes two concurrent uses impossible.
    let marked = password_resets::Entity::update_many()
        .col_expr(
            password_resets::Column::UsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(password_resets::Column::Id.eq(reset.id))
        .filter(password_resets::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if marked.rows_affected != 1 {
        return Err(AppError::invalid(RESET_LINK_INVALID));
    }
    close_open_links(&txn, user.id, now).await?;
    let user_id = user.id;
    let mut active: users::ActiveModel = user.into();
    active.password_hash = Set(Some(hash));
    active.updated_at = Set(now);
    active.update(&txn).await?;
    crate::audit::record(
        &txn,
        Some(user_id),
        "password_reset",
        Some(("user", user_id)),
        None,
    )
    .await?;
    txn.commit().await?;
    session::destroy_all_for(db, user_id).await?;
    Ok(())
}

/// Marks every still-usable reset link of `user_id` as used.
async fn close_open_links(
    db: &impl sea_orm::ConnectionTrait,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    password_resets::Entity::update_many()
        .col_expr(
            password_resets::Column::UsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(password_resets::Column::UserId.eq(user_id))
        .filter(password_resets::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
