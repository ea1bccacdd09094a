//! `certificates/verify`: public; confirms the holder, the training and its
//! dates of the certificate with this code (404 « certificat inconnu »).

use leptos::prelude::*;

use crate::certificates::types::Verification;
use crate::error::AppError;

#[server(endpoint = "certificates/verify")]
pub async fn verify_certificate(code: String) -> Result<Verification, AppError> {
    crate::http::respond(async move {
        let state = crate::state::app_state()?;
        crate::certificates::service::verify::verify(&state.db, &code).await
    })
    .await
}
