//! Creating, duplicating and cancelling sessions, each in one transaction: a
//! form that fails a check stores nothing. The checks of the form and the
//! writing of its fields serve `edit` (changing a session) too.

use crate::db::BeginWrite;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter,
};

use super::access::{lock_session, require_manager};
use super::slots;
use crate::auth::CurrentUser;
use crate::calendar::to_utc;
use crate::db::entities::{modules, session_slots, session_trainers, training_sessions, users};
use crate::error::AppError;
use crate::roles::Role;
use crate::sessions::rules::Status;
use crate::sessions::rules::changes::may_plan_with;
use crate::sessions::rules::changes::reason;
use crate::sessions::rules::draft::{SessionDraft, parse_session_form};
use crate::sessions::rules::half_days::changes;
use crate::sessions::types::SessionForm;

/// The checked draft, with the trainer who fills it in among its trainers.
pub(super) fn draft_for(user: &CurrentUser, form: &SessionForm) -> Result<SessionDraft, AppError> {
    let mut draft = parse_session_form(form)?;
    if user.role == Role::Trainer && !draft.trainers.contains(&user.id) {
        draft.trainers.insert(0, user.id);
    }
    if draft.trainers.is_empty() {
        return Err(AppError::invalid(
            "Choisissez au moins un·e formateur·rice.",
        ));
    }
    Ok(draft)
}

/// The module exists (and is in use, unless it is the one the session
/// already has: `kept`), and the trainers are active trainer accounts.
pub(super) async fn check_references(
    db: &impl ConnectionTrait,
    draft: &SessionDraft,
    kept: Option<i32>,
) -> Result<(), AppError> {
    let module = modules::Entity::find_by_id(draft.module_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::invalid("Ce module n’existe pas."))?;
    if kept != Some(module.id) {
        may_plan_with(module.archived_at.is_some())?;
    }
    let found = users::Entity::find()
        .filter(users::Column::Id.is_in(draft.trainers.iter().copied()))
        .filter(users::Column::Role.is_in([Role::Trainer.code(), Role::Coordinator.code()]))
        .filter(users::Column::Active.eq(true))
        .count(db)
        .await?;
    if found as usize != draft.trainers.len() {
        return Err(AppError::invalid(
            "Choisissez les formateur·rices parmi les comptes de formateur·rice actifs.",
        ));
    }
    Ok(())
}

pub(super) fn apply(a: &mut training_sessions::ActiveModel, d: &SessionDraft) {
    a.module_id = Set(d.module_id);
    a.title = Set(d.title.clone());
    a.mode = Set(d.mode.code().to_owned());
    a.place_address = Set(d.place_address.clone());
    a.place_room = Set(d.place_room.clone());
    a.visio_url = Set(d.visio_url.clone());
    a.capacity = Set(d.capacity);
    a.programme_year = Set(d.programme_year);
    a.enrolment_deadline = Set(d.enrolment_deadline.map(|l| to_utc(l.date(), l.time())));
    a.updated_at = Set(Utc::now());
}

pub(super) async fn write_trainers(
    db: &impl ConnectionTrait,
    session_id: i32,
    trainers: &[i32],
) -> Result<(), AppError> {
    session_trainers::Entity::delete_many()
        .filter(session_trainers::Column::SessionId.eq(session_id))
        .exec(db)
        .await?;
    session_trainers::Entity::insert_many(trainers.iter().map(|id| {
        session_trainers::ActiveModel {
            session_id: Set(session_id),
            user_id: Set(*id),
        }
    }))
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn create(
    db: &DatabaseConnection,
    user: &CurrentUser,
    form: &SessionForm,
) -> Result<i32, AppError> {
    let draft = draft_for(user, form)?;
    let txn = db.begin_write().await?;
    check_references(&txn, &draft, None).await?;
    let now = Utc::now();
    let mut a = training_sessions::ActiveModel {
        status: Set(Status::Planned.code().to_owned()),
        min_attendance_percent: Set(100),
        requires_quiz_passed: Set(false),
        requires_post_assessment: Set(false),
        created_by: Set(Some(user.id)),
        created_at: Set(now),
        ..Default::default()
    };
    apply(&mut a, &draft);
    let session = a.insert(&txn).await?;
    write_trainers(&txn, session.id, &draft.trainers).await?;
    let added = changes(&[], &slots::planned(&draft.slots));
    slots::apply(&txn, session.id, &added).await?;
    txn.commit().await?;
    Ok(session.id)
}

/// A planned copy (title marked « copie »), same trainers and slots, no enrolments.
pub async fn duplicate(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
) -> Result<i32, AppError> {
    let source = require_manager(db, user, id).await?;
    let txn = db.begin_write().await?;
    let now = Utc::now();
    let mut title = format!("{} (copie)", source.title);
    if title.chars().count() > 200 {
        title = source.title.clone();
    }
    let copy = training_sessions::ActiveModel {
        module_id: Set(source.module_id),
        title: Set(title),
        mode: Set(source.mode.clone()),
        place_address: Set(source.place_address.clone()),
        place_room: Set(source.place_room.clone()),
        visio_url: Set(source.visio_url.clone()),
        capacity: Set(source.capacity),
        status: Set(Status::Planned.code().to_owned()),
        programme_year: Set(source.programme_year),
        enrolment_deadline: Set(source.enrolment_deadline),
        min_attendance_percent: Set(source.min_attendance_percent),
        requires_quiz_passed: Set(source.requires_quiz_passed),
        requires_post_assessment: Set(source.requires_post_assessment),
        created_by: Set(Some(user.id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut trainers: Vec<i32> = session_trainers::Entity::find()
        .filter(session_trainers::Column::SessionId.eq(id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|t| t.user_id)
        .collect();
    if user.role == Role::Trainer && !trainers.contains(&user.id) {
        trainers.push(user.id);
    }
    write_trainers(&txn, copy.id, &trainers).await?;
    for s in session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(id))
        .all(&txn)
        .await?
    {
        session_slots::ActiveModel {
            session_id: Set(copy.id),
            day: Set(s.day),
            half_day: Set(s.half_day),
            starts_at: Set(s.starts_at),
            ends_at: Set(s.ends_at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(copy.id)
}

pub async fn cancel(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
    text: &str,
) -> Result<(), AppError> {
    let reason = reason(text, "Indiquez le motif de l’annulation.")?;
    let reason = reason.as_str();
    require_manager(db, user, id).await?;
    let txn = db.begin_write().await?;
    let session = lock_session(&txn, id).await?;
    if session.status == Status::Held.code() {
        return Err(AppError::invalid(
            "Une session réalisée ne peut pas être annulée.",
        ));
    }
    let mut a: training_sessions::ActiveModel = session.into();
    a.status = Set(Status::Cancelled.code().to_owned());
    a.cancel_reason = Set(Some(reason.to_owned()));
    a.updated_at = Set(Utc::now());
    let session = a.update(&txn).await?;
    super::cancellation::notify(&txn, &session, reason).await?;
    crate::audit::record(
        &txn,
        Some(user.id),
        "session_cancelled",
        Some(("training_session", id)),
        Some(serde_json::json!({ "reason": reason })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
