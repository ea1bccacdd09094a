//! `accounts/set_active`: the coordinator deactivates (ending its sessions) or
//! reactivates an account.

use leptos::prelude::*;

use crate::accounts::ActiveChange;
use crate::error::AppError;

#[server(endpoint = "accounts/set_active")]
pub async fn set_active(input: ActiveChange) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let reactivated = input.active;
        crate::accounts::service::accounts_admin::set_active(&state.db, &me, input).await?;
        leptos_axum::redirect(if reactivated {
            "/coordination/comptes?reactive=1"
        } else {
            "/coordination/comptes?desactive=1"
        });
        Ok(())
    })
    .await
}
