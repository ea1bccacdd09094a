//! `outbox/requeue`: « Renvoyer » a failed message.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "outbox/requeue")]
pub async fn requeue_email(email_id: i32) -> Result<(), AppError> {
    crate::http::respond(async move {
        let me = crate::auth::require(&[crate::roles::Role::Coordinator]).await?;
        let db = &crate::state::app_state()?.db;
        crate::outbox::service::requeue::requeue(db, &me, email_id).await?;
        leptos_axum::redirect("/coordination/courriels");
        Ok(())
    })
    .await
}
