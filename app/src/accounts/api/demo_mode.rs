//! `accounts/demo_mode`: whether this instance runs the demonstration (public:
//! the sign-in page then shows the demo accounts).

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/demo_mode")]
pub async fn demo_mode() -> Result<bool, AppError> {
    crate::http::respond(async { Ok(crate::state::app_state()?.settings.demo) }).await
}
