//! « Renvoyer »: a failed message goes back in the queue.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};

use crate::auth::CurrentUser;
use crate::db::entities::email_outbox;
use crate::error::AppError;
use crate::mail::EmailStatus;

/// Puts a failed message back in the queue, with a fresh count of attempts.
pub async fn requeue(
    db: &DatabaseConnection,
    me: &CurrentUser,
    email_id: i32,
) -> Result<(), AppError> {
    let updated = email_outbox::Entity::update_many()
        .col_expr(
            email_outbox::Column::Status,
            Expr::value(EmailStatus::Queued.as_str()),
        )
        .col_expr(email_outbox::Column::Attempts, Expr::value(0))
        .col_expr(
            email_outbox::Column::NextAttemptAt,
            Expr::value(chrono::Utc::now()),
        )
        .col_expr(
            email_outbox::Column::LeaseUntil,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .filter(email_outbox::Column::Id.eq(email_id))
        .filter(email_outbox::Column::Status.eq(EmailStatus::Failed.as_str()))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(AppError::invalid(
            "Seul un message en échec peut être renvoyé.",
        ));
    }
    crate::audit::record(
        db,
        Some(me.id),
        "email_requeued",
        Some(("email", email_id)),
        None,
    )
    .await?;
    Ok(())
}
