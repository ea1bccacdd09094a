//! Who is being erased: their id, name, every address they used, and their
//! enrolments — what the other steps look for.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::auth::tokens::hash_token;
use crate::db::entities::{email_outbox, email_verifications, enrolments, users};
use crate::error::AppError;

#[derive(Debug, Clone)]
pub struct Identity {
    pub user_id: i32,
    pub name: String,
    /// The current address, every address a confirmation link went to, and
    /// the former addresses told of a change.
    pub addresses: Vec<String>,
    pub enrolment_ids: Vec<i32>,
}

impl Identity {
    /// What must not be found anywhere once they are erased.
    pub fn identifiers(&self) -> Vec<&str> {
        std::iter::once(self.name.as_str())
            .chain(self.addresses.iter().map(String::as_str))
            .collect()
    }

    /// The rate-limit counters kept under their id or (hashed) address.
    pub fn rate_limit_keys(&self) -> Vec<String> {
        let id = self.user_id;
        self.addresses
            .iter()
            .map(|a| format!("sign_in:account:{}", hash_token(a)))
            .chain([
                format!("verification:account:{id}"),
                format!("email_change:user:{id}"),
            ])
            .collect()
    }
}

pub async fn gather(db: &impl ConnectionTrait, user: &users::Model) -> Result<Identity, AppError> {
    let mut addresses: Vec<String> = user.email.iter().cloned().collect();
    addresses.extend(
        email_verifications::Entity::find()
            .select_only()
            .column(email_verifications::Column::Email)
            .filter(email_verifications::Column::UserId.eq(user.id))
            .into_tuple::<String>()
            .all(db)
            .await?,
    );
    // A change of address tells the former one (`email_changed:<id>:…:old`).
    addresses.extend(
        email_outbox::Entity::find()
            .select_only()
            .column(email_outbox::Column::Recipient)
            .filter(email_outbox::Column::IdempotencyKey.starts_with(format!(
                "{}:{}:",
                crate::mail::email_changed::KIND,
                user.id
            )))
            .into_tuple::<String>()
            .all(db)
            .await?,
    );
    addresses.sort();
    addresses.dedup();
    let enrolment_ids = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::Id)
        .filter(enrolments::Column::UserId.eq(user.id))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    Ok(Identity {
        user_id: user.id,
        name: user.display_name.clone(),
        addresses,
        enrolment_ids,
    })
}
