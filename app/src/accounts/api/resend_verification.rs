//! `accounts/resend_verification`: the signed-in person asks for a new link
//! to confirm their address (older links stop working).

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "accounts/resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    crate::http::as_signed_in(|state, me, now| async move {
        crate::accounts::service::verification::resend(
            &state.db,
            &state.settings.public_url,
            me.id,
            now,
        )
        .await?;
        leptos_axum::redirect("/profil?lien=1");
        Ok(())
    })
    .await
}
