//! Who is signed in (public: answers `None` for visitors).

use leptos::prelude::*;

use crate::accounts::CurrentUser;
use crate::error::AppError;

#[server(endpoint = "accounts/who_am_i")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    crate::http::respond(crate::auth::current_user()).await
}

/// Whether this instance runs the demonstration (public: shows the demo accounts).
#[server(endpoint = "accounts/demo_mode")]
pub async fn demo_mode() -> Result<bool, AppError> {
    crate::http::respond(async { Ok(crate::state::app_state()?.settings.demo) }).await
}
