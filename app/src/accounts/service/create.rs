//! The one way an account is created: by the sign-up form, by the command
//! line's `create-coordinator`, and for the demonstration accounts.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use crate::accounts::rules::{check_display_name, check_password, normalise_email};
use crate::auth::password;
use crate::db::entities::users;
use crate::error::AppError;
use crate::roles::Role;

#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub profession: Option<String>,
    pub sector: Option<String>,
    pub structure_id: Option<i32>,
    /// Whether the address is known to be the person's: accounts made by the
    /// command line or the demo are; a sign-up's waits for its link.
    pub email_verified: bool,
}

/// Validates the password and creates the account.
pub async fn create_with_password(
    db: &impl ConnectionTrait,
    account: NewAccount,
    password_text: String,
) -> Result<users::Model, AppError> {
    let email = normalise_email(&account.email).map_err(|e| AppError::invalid(e.to_string()))?;
    check_password(&password_text, &[&email, &account.display_name])
        .map_err(|e| AppError::invalid(e.to_string()))?;
    let hash = password::hash(password_text).await?;
    create_with_hash(db, NewAccount { email, ..account }, hash).await
}

/// The refusal when the address already has an account.
pub const EMAIL_TAKEN: &str = "Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou utilisez « Mot de passe oublié ? ».";

/// Creates the account with an already computed hash (the demo shares one;
/// sign-up hashes before opening its transaction).
pub async fn create_with_hash(
    db: &impl ConnectionTrait,
    account: NewAccount,
    password_hash: String,
) -> Result<users::Model, AppError> {
    let email = normalise_email(&account.email).map_err(|e| AppError::invalid(e.to_string()))?;
    let display_name =
        check_display_name(&account.display_name).map_err(|e| AppError::invalid(e.to_string()))?;
    let now = chrono::Utc::now();
    users::ActiveModel {
        email: Set(Some(email)),
        display_name: Set(display_name),
        password_hash: Set(Some(password_hash)),
        role: Set(account.role.code().to_owned()),
        profession: Set(account.profession),
        sector: Set(account.sector),
        structure_id: Set(account.structure_id),
        active: Set(true),
        email_verified_at: Set(account.email_verified.then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::Conflict(EMAIL_TAKEN.to_owned())
        }
        _ => AppError::from(e),
    })
}
