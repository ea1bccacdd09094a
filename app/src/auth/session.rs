//! Sign-in sessions, stored in the database so that any server instance can
//! serve any request. The cookie holds a random token; the table its hash.
//!
//! A session ends after 2 hours without activity (idle) or 12 hours after
//! sign-in (absolute), whichever comes first, or at sign-out, or when the
//! account is deactivated.

#![cfg(feature = "ssr")]

use chrono::{DateTime, Duration, Utc};
use cookie::{Cookie, SameSite};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use super::tokens::{hash_token, new_token};
use crate::db::entities::{auth_sessions, users};
use crate::error::AppError;

/// The cookie's name over http (development, tests).
pub const COOKIE_NAME: &str = "relais_session";
/// Its name over https: browsers keep a `__Host-` cookie only if it is
/// `Secure`, has `Path=/` and no `Domain`, so a neighbouring sub-domain
/// cannot plant or override it.
pub const SECURE_COOKIE_NAME: &str = "__Host-relais_session";

/// The session cookie's name for a server that is (`secure`) or is not on https.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}
pub const IDLE_TIMEOUT: Duration = Duration::hours(2);
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// `last_seen_at` is written at most this often, to spare the database.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// Opens a session for `user_id`, records the account's last sign-in, and
/// returns the token for the cookie.
pub async fn create(
    db: &DatabaseConnection,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let token = new_token();
    auth_sessions::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + ABSOLUTE_TIMEOUT),
    }
    .insert(db)
    .await?;
    // The account's last sign-in, which retention counts from
    // (`privacy::rules::retention`).
    users::Entity::update_many()
        .col_expr(users::Column::LastSignInAt, Expr::value(now))
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(token)
}

/// The user id of a live session, refreshing its idle timer; `None` if expired or unknown.
pub async fn resolve(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<i32>, AppError> {
    let hash = hash_token(token);
    let Some(session) = auth_sessions::Entity::find_by_id(hash.clone())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if session.expires_at <= now || session.last_seen_at + IDLE_TIMEOUT <= now {
        auth_sessions::Entity::delete_by_id(hash).exec(db).await?;
        return Ok(None);
    }
    if now - session.last_seen_at >= TOUCH_EVERY {
        let user_id = session.user_id;
        let mut active: auth_sessions::ActiveModel = session.into();
        active.last_seen_at = Set(now);
        active.update(db).await?;
        return Ok(Some(user_id));
    }
    Ok(Some(session.user_id))
}

pub async fn destroy(db: &DatabaseConnection, token: &str) -> Result<(), AppError> {
    auth_sessions::Entity::delete_by_id(hash_token(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user (deactivation, password reset, erasure).
pub async fn destroy_all_for(db: &DatabaseConnection, user_id: i32) -> Result<(), AppError> {
    auth_sessions::Entity::delete_many()
        .filter(auth_sessions::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The `Set-Cookie` value carrying a new session token.
pub fn cookie(token: &str, secure: bool) -> String {
    Cookie::build((cookie_name(secure), token.to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(
            ABSOLUTE_TIMEOUT.num_seconds(),
        ))
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn removal_cookie(secure: bool) -> String {
    Cookie::build((cookie_name(secure), ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// The session token in a `Cookie` request header, if any: only under the
/// name the server sets (see [`cookie_name`]).
pub fn token_from_cookie_header(header: &str, secure: bool) -> Option<String> {
    let name = cookie_name(secure);
    Cookie::split_parse(header)
        .filter_map(Result::ok)
        .find(|c| c.name() == name && !c.value().is_empty())
        .map(|c| c.value().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_http_only_lax_and_secure_over_https() {
        let c = cookie("abc", true);
        assert!(c.starts_with("__Host-relais_session=abc"));
        assert!(c.contains("Path=/") && !c.contains("Domain"));
        assert!(c.contains("HttpOnly"));
        assert!(c.contains("SameSite=Lax"));
        assert!(c.contains("Secure"));
        assert!(cookie("abc", false).starts_with("relais_session=abc"));
        assert!(!cookie("abc", false).contains("Secure"));
        assert!(removal_cookie(true).starts_with("__Host-relais_session=;"));
        assert!(removal_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        assert_eq!(
            token_from_cookie_header("a=1; relais_session=tok; b=2", false).as_deref(),
            Some("tok")
        );
        assert_eq!(token_from_cookie_header("a=1", false), None);
        assert_eq!(token_from_cookie_header("relais_session=", false), None);
    }

    #[test]
    fn over_https_only_the_host_only_cookie_counts() {
        // A cookie planted under the plain name (from a sub-domain) is ignored.
        assert_eq!(
            token_from_cookie_header("relais_session=planted", true),
            None
        );
        assert_eq!(
            token_from_cookie_header("relais_session=planted; __Host-relais_session=mine", true)
                .as_deref(),
            Some("mine")
        );
    }
}
