//! Writing a session's slots from the form: local day and hours become exact
//! UTC instants, and a slot that keeps its day and half-day keeps its row.

use std::collections::HashSet;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

use crate::calendar::to_utc;
use crate::db::entities::session_slots;
use crate::error::AppError;
use crate::sessions::rules::draft::SlotDraft;

/// Keeps the slots whose day and half-day remain (their attendance with
/// them), moves their hours, adds the new ones and removes the others.
pub async fn write(
    db: &impl ConnectionTrait,
    session_id: i32,
    slots: &[SlotDraft],
) -> Result<(), AppError> {
    let existing = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session_id))
        .all(db)
        .await?;
    let mut kept = HashSet::new();
    for s in slots {
        let (starts, ends) = (to_utc(s.day, s.start), to_utc(s.day, s.end));
        match existing
            .iter()
            .find(|e| e.day == s.day && e.half_day == s.half_day.code())
        {
            Some(e) => {
                kept.insert(e.id);
                let mut a: session_slots::ActiveModel = e.clone().into();
                a.starts_at = Set(starts);
                a.ends_at = Set(ends);
                a.update(db).await?;
            }
            None => {
                session_slots::ActiveModel {
                    session_id: Set(session_id),
                    day: Set(s.day),
                    half_day: Set(s.half_day.code().to_owned()),
                    starts_at: Set(starts),
                    ends_at: Set(ends),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
    }
    let gone: Vec<i32> = existing
        .iter()
        .map(|e| e.id)
        .filter(|id| !kept.contains(id))
        .collect();
    if !gone.is_empty() {
        session_slots::Entity::delete_many()
            .filter(session_slots::Column::Id.is_in(gone))
            .exec(db)
            .await?;
    }
    Ok(())
}
