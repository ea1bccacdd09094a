//! Reads one session's attendance rows, for those who may manage it (its
//! trainers and the coordinator), and builds the sheet.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::accounts::service::lookup::users_by_id;
use crate::auth::CurrentUser;
use crate::db::entities::{attendance_marks, modules};
use crate::error::AppError;
use crate::sessions::rules::EnrolmentStatus;
use crate::sessions::service::access::require_manager;
use crate::sessions::service::roster::{enrolled, slots, trainer_names};

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
    let trainers = trainer_names(db, session_id).await?;
    let slots = slots(db, session_id).await?;
    let learners = enrolled(db, session_id, &[EnrolmentStatus::Confirmed]).await?;
    let signers = users_by_id(db, slots.iter().filter_map(|s| s.confirmed_by)).await?;
    let marks = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SlotId.is_in(slots.iter().map(|s| s.id)))
        .all(db)
        .await?;

    let name = |id: i32| signers.get(&id).map(|u| u.display_name.clone());
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
        learners: learners
            .into_iter()
            .map(|p| LearnerRow {
                enrolment_id: p.enrolment.id,
                name: p.user.display_name,
                structure: p.structure,
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
