//! The one access guard. Every server function (`require`) and every plain
//! route (`require_in`, with the request's headers) asks it who is calling and
//! whether that role may proceed; the UI only mirrors it.

#![cfg(feature = "ssr")]

use std::sync::Arc;

use axum::http::{HeaderMap, header};
use leptos::prelude::{provide_context, use_context};
use sea_orm::EntityTrait;
use tokio::sync::OnceCell;

use super::session;
use crate::auth::CurrentUser;
use crate::db::entities::users;
use crate::error::AppError;
use crate::roles::Role;
use crate::state::app_state;

/// The session token sent with the current request, if any.
pub fn request_token() -> Option<String> {
    let parts = use_context::<axum::http::request::Parts>()?;
    let state = app_state().ok()?;
    token_from_headers(&parts.headers, state.settings.secure_cookies())
}

/// The session token in `headers`, under the cookie name of a server that is
/// (`secure`) or is not on https.
pub fn token_from_headers(headers: &HeaderMap, secure: bool) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| session::token_from_cookie_header(h, secure))
}

/// Who the current request's session belongs to, looked up once per request:
/// a page asks through several server functions (« Mon espace »: five), and
/// each would otherwise read the session and the account again. The router
/// provides one per request ([`provide_request_user`]); what it holds is the
/// answer at the request's first question, as a request sees one caller.
#[derive(Clone, Default)]
pub struct RequestUser(Arc<OnceCell<Option<CurrentUser>>>);

/// Gives the current request its [`RequestUser`] (pages and server functions).
pub fn provide_request_user() {
    provide_context(RequestUser::default());
}

/// The signed-in person, if the request carries a live session of an active account.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = request_token() else {
        return Ok(None);
    };
    let state = app_state()?;
    match use_context::<RequestUser>() {
        Some(memo) => memo
            .0
            .get_or_try_init(|| user_for_token(&state.db, &token))
            .await
            .cloned(),
        None => user_for_token(&state.db, &token).await,
    }
}

pub async fn user_for_token(
    db: &sea_orm::DatabaseConnection,
    token: &str,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(user_id) = session::resolve(db, token, chrono::Utc::now()).await? else {
        return Ok(None);
    };
    let Some(user) = users::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    if !user.active || user.erased_at.is_some() {
        return Ok(None);
    }
    Ok(Role::from_code(&user.role).map(|role| CurrentUser {
        id: user.id,
        display_name: user.display_name,
        role,
        email_verified: user.email_verified_at.is_some(),
    }))
}

pub async fn require_signed_in() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// The signed-in person of the current server function call, if their role
/// is one of `roles`.
pub async fn require(roles: &[Role]) -> Result<CurrentUser, AppError> {
    let user = current_user().await?.ok_or(AppError::Unauthenticated)?;
    allowed(user, roles)
}

/// The person whose session cookie is in `headers`, if their role is one of
/// `roles`: nobody signed in is 401, another role 403.
pub async fn require_in(
    state: &crate::state::AppState,
    headers: &HeaderMap,
    roles: &[Role],
) -> Result<CurrentUser, AppError> {
    let token = token_from_headers(headers, state.settings.secure_cookies())
        .ok_or(AppError::Unauthenticated)?;
    let user = user_for_token(&state.db, &token)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    allowed(user, roles)
}

/// `user` if their role is one of `roles`, else 403.
fn allowed(user: CurrentUser, roles: &[Role]) -> Result<CurrentUser, AppError> {
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}
