//! Changing an account's e-mail address: by the coordinator from « Comptes »,
//! or by the person from their profile with their current password.
//!
//! Both go through [`apply`]: the address is checked like at sign-up, one
//! address is one account, and in the same transaction the new and the old
//! address each get a notice and the audit log an `email_changed` entry that
//! says who changed it but holds neither address. The new address is not
//! confirmed yet: a confirmation link goes to it in the same transaction
//! (see `verification`). Sessions stay open: the
//! person is the same, and only they or the coordinator can make the change.
//!
//! The person's own change is rate-limited like a sign-in (the attempt is
//! counted before the password is hashed), checks the password before it
//! looks at other accounts, and refuses an address in use with a neutral
//! message.

use crate::db::BeginWrite;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use super::accounts_admin::target;
use crate::accounts::rules::normalise_email;
use crate::accounts::{EmailChange, MyEmailChange};
use crate::auth::{CurrentUser, password, rate_limit};
use crate::db::entities::users;
use crate::error::AppError;
use crate::mail::email_changed::{self, ChangedBy};
use crate::mail::outbox;

/// The coordinator's refusal of an address another account has.
pub const TAKEN: &str = "Cette adresse e-mail est déjà celle d’un autre compte.";
/// The person's refusal of an address in use: it does not say whether an account has it.
pub const UNAVAILABLE: &str =
    "Cette adresse e-mail ne peut pas être utilisée. Choisissez-en une autre.";
pub const WRONG_PASSWORD: &str = "Mot de passe incorrect.";

fn invalid(e: impl std::fmt::Display) -> AppError {
    AppError::invalid(e.to_string())
}

/// The coordinator changes the address of the account `input.user_id`.
pub async fn change_email(
    db: &DatabaseConnection,
    public_url: &str,
    me: &CurrentUser,
    input: EmailChange,
) -> Result<(), AppError> {
    let email = normalise_email(&input.email).map_err(invalid)?;
    let user = target(db, input.user_id).await?;
    if user.erased_at.is_some() {
        return Err(AppError::invalid("Ce compte a été effacé."));
    }
    if user.email.as_deref() == Some(email.as_str()) {
        return Err(AppError::invalid("C’est déjà l’adresse de ce compte."));
    }
    let change = Change {
        actor: me.id,
        by: ChangedBy::Coordination,
        taken: TAKEN,
    };
    apply(db, public_url, user, email, change).await
}

/// The signed-in person `user_id` changes their own address.
pub async fn change_own_email(
    db: &DatabaseConnection,
    public_url: &str,
    user_id: i32,
    input: MyEmailChange,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let key = format!("email_change:user:{user_id}");
    if rate_limit::hit(db, &key, rate_limit::SIGN_IN_PER_ACCOUNT, now).await?
        > rate_limit::SIGN_IN_PER_ACCOUNT.max
    {
        return Err(AppError::TooManyRequests);
    }
    let email = normalise_email(&input.email).map_err(invalid)?;
    if input.password.chars().count() > crate::accounts::rules::PASSWORD_MAX_CHARS {
        return Err(AppError::invalid(WRONG_PASSWORD));
    }
    let user = users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !password::verify(input.password, user.password_hash.clone()).await? {
        crate::audit::record(
            db,
            Some(user_id),
            "email_change_failed",
            Some(("user", user_id)),
            None,
        )
        .await?;
        return Err(AppError::invalid(WRONG_PASSWORD));
    }
    if user.email.as_deref() == Some(email.as_str()) {
        return Err(AppError::invalid("C’est déjà votre adresse e-mail."));
    }
    let change = Change {
        actor: user_id,
        by: ChangedBy::Themselves,
        taken: UNAVAILABLE,
    };
    apply(db, public_url, user, email, change).await
}

/// Who changes an address, and the refusal of an address in use.
struct Change {
    actor: i32,
    by: ChangedBy,
    taken: &'static str,
}

/// Stores `email` as the address of `user` (not confirmed yet), queues both
/// notices and the confirmation link, and audits the change, in one
/// transaction; an address in use gets `change.taken`.
async fn apply(
    db: &DatabaseConnection,
    public_url: &str,
    user: users::Model,
    email: String,
    Change { actor, by, taken }: Change,
) -> Result<(), AppError> {
    let conflict = || AppError::Conflict(taken.to_owned());
    let txn = db.begin_write().await?;
    if users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(conflict());
    }
    let now = chrono::Utc::now();
    let (id, name, old) = (user.id, user.display_name.clone(), user.email.clone());
    let mut row: users::ActiveModel = user.into();
    row.email = Set(Some(email.clone()));
    row.email_verified_at = Set(None);
    row.updated_at = Set(now);
    let updated = row.update(&txn).await.map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => conflict(),
        _ => AppError::from(e),
    })?;
    super::verification::send(&txn, public_url, &updated, now).await?;
    let change = format!("{}:{id}:{}", email_changed::KIND, now.timestamp_micros());
    let (subject, body_text, body_html) = email_changed::to_new_address(&name, by);
    queue(
        &txn,
        format!("{change}:new"),
        email,
        subject,
        body_text,
        body_html,
    )
    .await?;
    if let Some(old) = old {
        let (subject, body_text, body_html) = email_changed::to_old_address(&name, by);
        queue(
            &txn,
            format!("{change}:old"),
            old,
            subject,
            body_text,
            body_html,
        )
        .await?;
    }
    let by = match by {
        ChangedBy::Themselves => "self",
        ChangedBy::Coordination => "coordinator",
    };
    crate::audit::record(
        &txn,
        Some(actor),
        "email_changed",
        Some(("user", id)),
        Some(serde_json::json!({ "by": by })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn queue(
    txn: &sea_orm::DatabaseTransaction,
    idempotency_key: String,
    recipient: String,
    subject: String,
    body_text: String,
    body_html: String,
) -> Result<(), AppError> {
    outbox::queue(
        txn,
        outbox::NewEmail {
            idempotency_key,
            kind: email_changed::KIND,
            recipient,
            subject,
            body_text,
            body_html,
            attachments: Vec::new(),
        },
    )
    .await?;
    Ok(())
}
