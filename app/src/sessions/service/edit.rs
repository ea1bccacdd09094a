//! Changing a session, in one transaction. Its half-days are compared with
//! the stored ones (`rules::half_days`): one with attendance marks may be
//! neither removed nor moved, and nothing is stored on refusal. A held
//! session is corrected by the coordinator only, with a reason; every edit is
//! audited with the fields and half-days it changed (before and after).

use crate::db::BeginWrite;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};

use super::access::{lock_session, require_manager};
use super::enrol::fill_from_waiting_list;
use super::save::{apply, check_references, draft_for, write_trainers};
use super::slots;
use crate::auth::CurrentUser;
use crate::calendar::to_utc;
use crate::db::entities::{enrolments, session_trainers, training_sessions};
use crate::error::AppError;
use crate::sessions::rules::changes::{may_edit, reason};
use crate::sessions::rules::draft::SessionDraft;
use crate::sessions::rules::half_days::{changes, check_marked};
use crate::sessions::rules::{EnrolmentStatus, Status};
use crate::sessions::types::SessionForm;

/// What an edit did: the session, and whether it was a held session's correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edited {
    pub id: i32,
    pub corrected: bool,
}

fn status_of(session: &training_sessions::Model) -> Result<Status, AppError> {
    Status::from_code(&session.status)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("unknown session status")))
}

/// The names of the fields the draft changes (trainers compared as a set).
fn changed_fields(
    s: &training_sessions::Model,
    d: &SessionDraft,
    trainers_before: &[i32],
) -> Vec<&'static str> {
    let mut before = trainers_before.to_vec();
    let mut after = d.trainers.clone();
    before.sort_unstable();
    after.sort_unstable();
    [
        ("module", s.module_id != d.module_id),
        ("title", s.title != d.title),
        ("mode", s.mode != d.mode.code()),
        ("place_address", s.place_address != d.place_address),
        ("place_room", s.place_room != d.place_room),
        ("visio_url", s.visio_url != d.visio_url),
        ("capacity", s.capacity != d.capacity),
        ("programme_year", s.programme_year != d.programme_year),
        (
            "enrolment_deadline",
            s.enrolment_deadline != d.enrolment_deadline.map(|l| to_utc(l.date(), l.time())),
        ),
        ("trainers", before != after),
    ]
    .into_iter()
    .filter_map(|(name, changed)| changed.then_some(name))
    .collect()
}

pub async fn update(
    db: &DatabaseConnection,
    user: &CurrentUser,
    form: &SessionForm,
) -> Result<Edited, AppError> {
    let id: i32 = form
        .session_id
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound)?;
    let session = require_manager(db, user, id).await?;
    if !may_edit(status_of(&session)?, user.role) {
        return Err(AppError::Forbidden);
    }
    let draft = draft_for(user, form)?;
    let txn = db.begin_write().await?;
    let session = lock_session(&txn, id).await?;
    let status = status_of(&session)?;
    if status == Status::Cancelled {
        return Err(AppError::invalid(
            "Une session annulée ne peut plus être modifiée.",
        ));
    }
    if !may_edit(status, user.role) {
        return Err(AppError::Forbidden);
    }
    let correction = match status {
        Status::Held => Some(reason(
            &form.correction_reason,
            "Indiquez le motif de la correction de cette session réalisée.",
        )?),
        _ => None,
    };
    check_references(&txn, &draft, Some(session.module_id)).await?;
    let confirmed = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .count(&txn)
        .await?;
    if (draft.capacity as u64) < confirmed {
        return Err(AppError::invalid(format!(
            "La capacité ne peut pas être inférieure au nombre d’inscriptions confirmées ({confirmed})."
        )));
    }
    let stored = slots::stored(&txn, id).await?;
    let half_days = changes(&stored, &slots::planned(&draft.slots));
    check_marked(&stored, &half_days)?;
    let trainers_before: Vec<i32> = session_trainers::Entity::find()
        .filter(session_trainers::Column::SessionId.eq(id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|t| t.user_id)
        .collect();
    let fields = changed_fields(&session, &draft, &trainers_before);
    let mut a: training_sessions::ActiveModel = session.into();
    apply(&mut a, &draft);
    let session = a.update(&txn).await?;
    write_trainers(&txn, id, &draft.trainers).await?;
    slots::apply(&txn, id, &half_days).await?;
    fill_from_waiting_list(&txn, &session).await?;
    let action = if correction.is_some() {
        "session_corrected"
    } else {
        "session_updated"
    };
    let mut details = match &correction {
        Some(reason) => serde_json::json!({ "reason": reason }),
        None => serde_json::json!({}),
    };
    details["fields"] = serde_json::json!(fields);
    details["half_days"] = serde_json::json!(half_days);
    crate::audit::record(
        &txn,
        Some(user.id),
        action,
        Some(("training_session", id)),
        Some(details),
    )
    .await?;
    txn.commit().await?;
    Ok(Edited {
        id,
        corrected: correction.is_some(),
    })
}
