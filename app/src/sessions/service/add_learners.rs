//! Enrolling a pasted list of addresses: people with an account are
//! enrolled (confirmed or waiting), unknown addresses are reported, never
//! turned into accounts.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{access, enrol};
use crate::auth::CurrentUser;
use crate::db::entities::users;
use crate::error::AppError;
use crate::sessions::rules::EnrolmentStatus;
use crate::sessions::rules::emails::parse_email_list;
use crate::sessions::types::AddLearnersReport;

pub async fn add_by_email(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
    text: &str,
) -> Result<AddLearnersReport, AppError> {
    access::require_manager(db, user, session_id).await?;
    // 200 addresses of 254 characters and their separators, at most: read
    // before any parsing (the list is deduplicated as it is read).
    if text.chars().count() > 200 * 256 {
        return Err(AppError::invalid("Ajoutez au plus 200 adresses à la fois."));
    }
    let emails = parse_email_list(text);
    if emails.is_empty() {
        return Err(AppError::invalid("Collez au moins une adresse e-mail."));
    }
    if emails.len() > 200 {
        return Err(AppError::invalid("Ajoutez au plus 200 adresses à la fois."));
    }
    let accounts = users::Entity::find()
        .filter(users::Column::Email.is_in(emails.clone()))
        .filter(users::Column::Active.eq(true))
        .all(db)
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
    for outcome in enrol::enrol_many(db, session_id, &ids).await? {
        match outcome {
            enrol::Outcome::AlreadyThere => report.already += 1,
            enrol::Outcome::Enrolled(EnrolmentStatus::Confirmed) => report.confirmed += 1,
            enrol::Outcome::Enrolled(_) => report.waiting += 1,
        }
    }
    Ok(report)
}
