//! `certificates/mine`: the signed-in person's own certificates.

use leptos::prelude::*;

use crate::certificates::types::MyCertificate;
use crate::error::AppError;

#[server(endpoint = "certificates/mine")]
pub async fn my_certificates() -> Result<Vec<MyCertificate>, AppError> {
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        crate::certificates::service::verify::mine(&state.db, &user).await
    })
    .await
}
