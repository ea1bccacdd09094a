//! Reads one session's attendance rows, for those who may manage it (its
//! trainers and the coordinator), and builds the sheet.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::accounts::service::lookup::{structure_names, users_by_id};
use crate::auth::CurrentUser;
use crate::db::entities::{attendance_marks, enrolments, modules, session_slots, session_trainers};
use crate::error::AppError;
use crate::sessions::rules::EnrolmentStatus;
use crate::sessions::service::access::require_manager;

use super::model::{LearnerRow, MarkRow, SessionRow, Sheet, SheetRows, SlotRow, build_sheet};

/// The sheet of session `session_id`: 404 if it does not exist, 403 unless
/// `user` teaches it or is the coordinator.
pub async fn load_sheet(
    db: &DatabaseConnection,
    user: &CurrentUser,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<Sheet, AppError> {
    let session = require_manager(db, user, session_id).await?;
    let module = modules::Entity::find_by_id(session.module_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let trainer_ids: Vec<i32> = session_trainers::Entity::find()
        .filter(session_trainers::Column::SessionId.eq(session_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.user_id)
        .collect();
    let slots = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session_id))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(db)
        .await?;
    let enrolled = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session_id))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .all(db)
        .await?;
    let people = users_by_id(
        db,
        trainer_ids
            .iter()
            .copied()
            .chain(slots.iter().filter_map(|s| s.confirmed_by))
            .chain(enrolled.iter().map(|e| e.user_id)),
    )
    .await?;
    let structure_names = structure_names(
        db,
        enrolled
            .iter()
            .filter_map(|e| people.get(&e.user_id)?.structure_id),
    )
    .await?;
    let marks = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SlotId.is_in(slots.iter().map(|s| s.id)))
        .all(db)
        .await?;

    let name = |id: i32| people.get(&id).map(|u| u.display_name.clone());
    let mut trainers: Vec<String> = trainer_ids.iter().filter_map(|id| name(*id)).collect();
    trainers.sort();
    let rows = SheetRows {
        session: SessionRow {
            id: session.id,
            title: session.title,
            module_title: module.title,
            mode: session.mode,
            place_address: session.place_address,
            place_room: session.place_room,
            visio_url: session.visio_url,
        },
        trainers,
        slots: slots
            .into_iter()
            .map(|s| SlotRow {
                id: s.id,
                day: s.day,
                half_day: s.half_day,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                confirmed_at: s.confirmed_at,
                confirmed_by: s.confirmed_by.and_then(name),
            })
            .collect(),
        learners: enrolled
            .iter()
            .filter_map(|e| {
                let u = people.get(&e.user_id)?;
                Some(LearnerRow {
                    enrolment_id: e.id,
                    name: u.display_name.clone(),
                    structure: u
                        .structure_id
                        .and_then(|s| structure_names.get(&s).cloned()),
                })
            })
            .collect(),
        marks: marks
            .into_iter()
            .map(|m| MarkRow {
                slot_id: m.slot_id,
                enrolment_id: m.enrolment_id,
                status: m.status,
                method: m.method,
                recorded_at: m.recorded_at,
            })
            .collect(),
    };
    Ok(build_sheet(rows, now))
}
