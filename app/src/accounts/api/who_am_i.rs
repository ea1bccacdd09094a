//! `accounts/who_am_i`: who is signed in (public: answers `None` for visitors).

use leptos::prelude::*;

use crate::auth::CurrentUser;
use crate::error::AppError;

#[server(endpoint = "accounts/who_am_i")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    crate::http::respond(crate::auth::current_user()).await
}
