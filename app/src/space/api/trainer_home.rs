//! `space/trainer_home`: today's roll calls, the upcoming sessions the
//! caller teaches and, for a trainer, those still to close (trainers and the
//! coordinator).

use leptos::prelude::*;

use crate::error::AppError;
use crate::space::types::TrainerHome;

#[server(endpoint = "space/trainer_home")]
pub async fn load_trainer_home() -> Result<TrainerHome, AppError> {
    crate::http::respond(async move {
        use crate::roles::Role;
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        crate::space::service::trainer::home(&state.db, &user, chrono::Utc::now()).await
    })
    .await
}
