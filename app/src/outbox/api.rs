//! Server functions of the outbox view (coordinator only).

use leptos::prelude::*;

use super::types::{OutboxMessage, OutboxSummary};
use crate::error::AppError;

#[server(endpoint = "outbox/summary")]
pub async fn get_outbox_summary() -> Result<OutboxSummary, AppError> {
    crate::http::respond(ssr::summary()).await
}

#[server(endpoint = "outbox/message")]
pub async fn get_outbox_message(email_id: i32) -> Result<OutboxMessage, AppError> {
    crate::http::respond(ssr::message(email_id)).await
}

#[server(endpoint = "outbox/requeue")]
pub async fn requeue_email(email_id: i32) -> Result<(), AppError> {
    crate::http::respond(ssr::requeue(email_id)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sea_orm::{
        ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
        sea_query::Expr,
    };

    use crate::auth::require;
    use crate::db::entities::{email_attachments, email_outbox};
    use crate::error::AppError;
    use crate::outbox::types::{OutboxMessage, OutboxRow, OutboxSummary};
    use crate::roles::Role;

    const STATUSES: [&str; 4] = ["queued", "sending", "sent", "failed"];

    fn row(m: email_outbox::Model) -> OutboxRow {
        OutboxRow {
            id: m.id,
            kind: m.kind,
            recipient: m.recipient,
            subject: m.subject,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            created_at: m.created_at,
            sent_at: m.sent_at,
        }
    }

    pub async fn summary() -> Result<OutboxSummary, AppError> {
        require(&[Role::Coordinator]).await?;
        let db = &crate::state::app_state()?.db;
        let mut counts = Vec::with_capacity(STATUSES.len());
        for status in STATUSES {
            let n = email_outbox::Entity::find()
                .filter(email_outbox::Column::Status.eq(status))
                .count(db)
                .await?;
            counts.push((status.to_owned(), n));
        }
        let failed = email_outbox::Entity::find()
            .filter(email_outbox::Column::Status.eq("failed"))
            .order_by_desc(email_outbox::Column::Id)
            .limit(100)
            .all(db)
            .await?;
        let recent = email_outbox::Entity::find()
            .filter(email_outbox::Column::Status.ne("failed"))
            .order_by_desc(email_outbox::Column::Id)
            .limit(50)
            .all(db)
            .await?;
        Ok(OutboxSummary {
            counts,
            messages: failed.into_iter().chain(recent).map(row).collect(),
        })
    }

    pub async fn message(email_id: i32) -> Result<OutboxMessage, AppError> {
        require(&[Role::Coordinator]).await?;
        let db = &crate::state::app_state()?.db;
        let email = email_outbox::Entity::find_by_id(email_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let attachments = email_attachments::Entity::find()
            .filter(email_attachments::Column::EmailId.eq(email_id))
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.filename)
            .collect();
        let body_text = email.body_text.clone();
        Ok(OutboxMessage {
            row: row(email),
            body_text,
            attachments,
        })
    }

    /// Puts a failed message back in the queue, with a fresh count of attempts.
    pub async fn requeue(email_id: i32) -> Result<(), AppError> {
        let me = require(&[Role::Coordinator]).await?;
        let db = &crate::state::app_state()?.db;
        let updated = email_outbox::Entity::update_many()
            .col_expr(email_outbox::Column::Status, Expr::value("queued"))
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
            .filter(email_outbox::Column::Status.eq("failed"))
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
        leptos_axum::redirect("/coordination/courriels");
        Ok(())
    }
}
