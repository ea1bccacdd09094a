//! Signing in: rate-limited per account and per client, constant time for
//! unknown emails, a fresh session id at every sign-in.
//!
//! Each attempt is counted (one atomic upsert per counter) *before* the
//! password is checked, so attempts sent at once cannot slip past the limit
//! while earlier ones are still hashing; a successful sign-in then takes its
//! attempt back.

use std::net::IpAddr;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::accounts::SignInForm;
use crate::accounts::rules::{EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS};
use crate::auth::{password, rate_limit, session, tokens::hash_token};
use crate::db::entities::users;
use crate::error::AppError;

pub const WRONG_CREDENTIALS: &str = "Adresse e-mail ou mot de passe incorrect.";

/// Checks the credentials, ends the browser's previous session (`old_token`)
/// and opens a new one; returns its token.
pub async fn sign_in(
    db: &DatabaseConnection,
    input: SignInForm,
    client: Option<IpAddr>,
    old_token: Option<String>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String, AppError> {
    let email = input.email.trim().to_lowercase();
    // Keys hold a hash, never the address itself.
    let account_key = format!("sign_in:account:{}", hash_token(&email));
    let client_key = client.map(|ip| rate_limit::client_key("sign_in", ip));

    let mut over = rate_limit::hit(db, &account_key, rate_limit::SIGN_IN_PER_ACCOUNT, now).await?
        > rate_limit::SIGN_IN_PER_ACCOUNT.max;
    if let Some(key) = &client_key {
        over |= rate_limit::hit(db, key, rate_limit::SIGN_IN_PER_CLIENT, now).await?
            > rate_limit::SIGN_IN_PER_CLIENT.max;
    }
    if over {
        return Err(AppError::TooManyRequests);
    }
    // Longer than any address or password an account can have: refused
    // without the costly check.
    if email.chars().count() > EMAIL_MAX_CHARS
        || input.password.chars().count() > PASSWORD_MAX_CHARS
    {
        return Err(AppError::invalid(WRONG_CREDENTIALS));
    }

    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(db)
        .await?;
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let valid = password::verify(input.password, stored).await?;
    let user = match user {
        Some(u) if valid && u.active && u.erased_at.is_none() => u,
        other => {
            let target = other.as_ref().map(|u| ("user", u.id));
            crate::audit::record(db, None, "sign_in_failed", target, None).await?;
            return Err(AppError::invalid(WRONG_CREDENTIALS));
        }
    };

    // Session fixation: whatever session the browser had is ended, a new id is issued.
    if let Some(old) = old_token {
        session::destroy(db, &old).await?;
    }
    let token = session::create(db, user.id, now).await?;
    rate_limit::clear(db, &account_key).await?;
    if let Some(key) = &client_key {
        rate_limit::refund(db, key).await?;
    }
    crate::audit::record(db, Some(user.id), "sign_in", Some(("user", user.id)), None).await?;
    Ok(token)
}
