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
    crate::http::respond(ssr::add_learners(input)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use super::AddLearnersInput;
    use crate::db::entities::users;
    use crate::error::AppError;
    use crate::roles::Role;
    use crate::sessions::rules::EnrolmentStatus;
    use crate::sessions::rules::emails::parse_email_list;
    use crate::sessions::service::{access, enrol};
    use crate::sessions::types::AddLearnersReport;

    pub async fn add_learners(input: AddLearnersInput) -> Result<AddLearnersReport, AppError> {
        let user = crate::auth::require(&[Role::Trainer, Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        access::require_manager(&state.db, &user, input.session_id).await?;
        let emails = parse_email_list(&input.emails);
        if emails.is_empty() {
            return Err(AppError::invalid("Collez au moins une adresse e-mail."));
        }
        if emails.len() > 200 {
            return Err(AppError::invalid("Ajoutez au plus 200 adresses à la fois."));
        }
        let accounts = users::Entity::find()
            .filter(users::Column::Email.is_in(emails.clone()))
            .filter(users::Column::Active.eq(true))
            .all(&state.db)
            .await?;
        let mut report = AddLearnersReport::default();
        let mut ids = Vec::new();
        for email in emails {
            match accounts
                .iter()
                .find(|u| u.email.as_deref() == Some(email.as_str()))
            {
                Some(u) => ids.push(u.id),
                None => report.unknown.push(email),
            }
        }
        for outcome in enrol::enrol_many(&state.db, input.session_id, &ids).await? {
            match outcome {
                enrol::Outcome::AlreadyThere => report.already += 1,
                enrol::Outcome::Enrolled(EnrolmentStatus::Confirmed) => report.confirmed += 1,
                enrol::Outcome::Enrolled(_) => report.waiting += 1,
            }
        }
        Ok(report)
    }
}
