//! `certificates/set_rule`: the session's eligibility rule (minimum
//! attendance, quiz passed, post self-assessment answered).

use leptos::prelude::*;

use crate::certificates::types::RuleInput;
use crate::error::AppError;

#[server(endpoint = "certificates/set_rule")]
pub async fn set_certificate_rule(input: RuleInput) -> Result<(), AppError> {
    crate::http::respond(async move {
        let user =
            crate::auth::require(&[crate::roles::Role::Trainer, crate::roles::Role::Coordinator])
                .await?;
        let state = crate::state::app_state()?;
        crate::certificates::service::cohort::set_rule(&state.db, &user, &input, chrono::Utc::now())
            .await
    })
    .await
}
