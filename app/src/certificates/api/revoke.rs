//! `certificates/revoke`: the coordinator revokes an issued certificate of a
//! session, with a reason and a ticked confirmation; back to the session's
//! certificates page, which says it is done.

use leptos::prelude::*;

use crate::certificates::types::RevokeInput;
use crate::error::AppError;

#[server(endpoint = "certificates/revoke")]
pub async fn revoke_certificate(input: RevokeInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::certificates::service::revoke::revoke(&state.db, &user, &input, chrono::Utc::now())
            .await?;
        leptos_axum::redirect(&format!(
            "/sessions/{}/certificats?revoque=1",
            input.session_id
        ));
        Ok(())
    })
    .await
}
