//! Deleting a session planned by mistake: only once confirmed, and only if
//! it leaves nothing behind (no one enrolled or waiting, no attendance mark,
//! no questionnaire answer, no certificate; `rules::changes::may_delete`).
//! Its half-days, trainers and cancelled enrolments go with it; the audit
//! entry keeps what it was.

use crate::db::BeginWrite;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Query,
};

use super::access::{lock_session, require_manager};
use crate::auth::CurrentUser;
use crate::db::entities::{
    attendance_marks, certificates, enrolments, questionnaire_responses, session_slots,
    training_sessions,
};
use crate::error::AppError;
use crate::sessions::rules::changes::{Traces, may_delete};
use crate::sessions::rules::{EnrolmentStatus, Status};

pub async fn delete(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
    confirmed: bool,
) -> Result<(), AppError> {
    require_manager(db, user, id).await?;
    let txn = db.begin_write().await?;
    let session = lock_session(&txn, id).await?;
    let status = Status::from_code(&session.status)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("unknown session status")))?;
    let of_session = || {
        Query::select()
            .column(enrolments::Column::Id)
            .from(enrolments::Entity)
            .and_where(enrolments::Column::SessionId.eq(id))
            .to_owned()
    };
    let traces = Traces {
        enrolled: enrolments::Entity::find()
            .filter(enrolments::Column::SessionId.eq(id))
            .filter(enrolments::Column::Status.ne(EnrolmentStatus::Cancelled.code()))
            .count(&txn)
            .await?,
        marks: attendance_marks::Entity::find()
            .filter(attendance_marks::Column::EnrolmentId.in_subquery(of_session()))
            .count(&txn)
            .await?
            + attendance_marks::Entity::find()
                .filter(
                    attendance_marks::Column::SlotId.in_subquery(
                        Query::select()
                            .column(session_slots::Column::Id)
                            .from(session_slots::Entity)
                            .and_where(session_slots::Column::SessionId.eq(id))
                            .to_owned(),
                    ),
                )
                .count(&txn)
                .await?,
        answers: questionnaire_responses::Entity::find()
            .filter(questionnaire_responses::Column::EnrolmentId.in_subquery(of_session()))
            .count(&txn)
            .await?,
        certificates: certificates::Entity::find()
            .filter(certificates::Column::EnrolmentId.in_subquery(of_session()))
            .count(&txn)
            .await?,
    };
    may_delete(status, traces, confirmed)?;
    let slots = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(id))
        .count(&txn)
        .await?;
    let cancelled_enrolments = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(id))
        .count(&txn)
        .await?;
    // Slots, trainers, enrolments and check-in codes follow by cascade.
    training_sessions::Entity::delete_by_id(id)
        .exec(&txn)
        .await?;
    crate::audit::record(
        &txn,
        Some(user.id),
        "session_deleted",
        Some(("training_session", id)),
        Some(serde_json::json!({
            "title": session.title,
            "module_id": session.module_id,
            "status": status.code(),
            "programme_year": session.programme_year,
            "half_days": slots,
            "cancelled_enrolments": cancelled_enrolments,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
