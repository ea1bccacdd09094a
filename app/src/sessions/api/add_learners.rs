//! `sessions/add_learners`: those who manage a session paste addresses;
//! people with an account are enrolled (confirmed or waiting), the others
//! are reported back, never created.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::sessions::types::AddLearnersReport;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AddLearnersInput {
    pub session_id: i32,
    #[serde(default)]
    pub emails: String,
}

#[server(endpoint = "sessions/add_learners")]
pub async fn add_learners(input: AddLearnersInput) -> Result<AddLearnersReport, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::sessions::service::add_learners::add_by_email(
            &state.db,
            &user,
            input.session_id,
            &input.emails,
        )
        .await
    })
    .await
}
