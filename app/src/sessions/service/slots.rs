//! Reading and writing a session's half-days: local day and hours become
//! exact UTC instants, the edit is compared with what is stored
//! (`rules::half_days`), and only the differences are written. A half-day
//! with attendance marks is never deleted nor moved: the rule refuses it, and
//! the statements themselves skip any half-day marked meanwhile (then the
//! whole edit is refused).

use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, Query},
};

use crate::calendar::to_utc;
use crate::db::entities::{attendance_marks, session_slots};
use crate::error::AppError;
use crate::sessions::rules::HalfDay;
use crate::sessions::rules::draft::SlotDraft;
use crate::sessions::rules::half_days::{HalfDayChange, PlannedHalfDay, StoredHalfDay};

/// The edit's half-days as exact instants.
pub fn planned(slots: &[SlotDraft]) -> Vec<PlannedHalfDay> {
    slots
        .iter()
        .map(|s| PlannedHalfDay {
            day: s.day,
            half_day: s.half_day,
            starts_at: to_utc(s.day, s.start),
            ends_at: to_utc(s.day, s.end),
        })
        .collect()
}

/// The session's stored half-days, in time order, each with whether it has marks.
pub async fn stored(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Vec<StoredHalfDay>, AppError> {
    let mut rows = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session_id))
        .all(db)
        .await?;
    rows.sort_by_key(|r| r.starts_at);
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let marked: Vec<i32> = attendance_marks::Entity::find()
        .select_only()
        .column(attendance_marks::Column::SlotId)
        .distinct()
        .filter(attendance_marks::Column::SlotId.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| StoredHalfDay {
            id: r.id,
            marked: marked.contains(&r.id),
            planned: PlannedHalfDay {
                day: r.day,
                // The database only holds the two codes.
                half_day: HalfDay::from_code(&r.half_day).unwrap_or(HalfDay::Morning),
                starts_at: r.starts_at,
                ends_at: r.ends_at,
            },
        })
        .collect())
}

/// A condition: the slot has no attendance mark.
fn unmarked() -> sea_orm::Condition {
    sea_orm::Condition::all().add(
        session_slots::Column::Id.not_in_subquery(
            Query::select()
                .column(attendance_marks::Column::SlotId)
                .from(attendance_marks::Entity)
                .to_owned(),
        ),
    )
}

/// Writes `changes`; refuses (the caller's transaction then stores nothing)
/// if a half-day to remove or move got marks after the rule checked it.
pub async fn apply(
    db: &impl ConnectionTrait,
    session_id: i32,
    changes: &[HalfDayChange],
) -> Result<(), AppError> {
    let marked_meanwhile = || {
        AppError::invalid(
            "Des émargements viennent d’être saisis pour une demi-journée modifiée : rechargez la page et recommencez.",
        )
    };
    for change in changes {
        match change {
            HalfDayChange::Added { after } => {
                session_slots::ActiveModel {
                    session_id: Set(session_id),
                    day: Set(after.day),
                    half_day: Set(after.half_day.code().to_owned()),
                    starts_at: Set(after.starts_at),
                    ends_at: Set(after.ends_at),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
            HalfDayChange::Removed { id, .. } => {
                let done = session_slots::Entity::delete_many()
                    .filter(session_slots::Column::Id.eq(*id))
                    .filter(session_slots::Column::SessionId.eq(session_id))
                    .filter(unmarked())
                    .exec(db)
                    .await?;
                if done.rows_affected != 1 {
                    return Err(marked_meanwhile());
                }
            }
            HalfDayChange::Changed { id, after, .. } => {
                let done = session_slots::Entity::update_many()
                    .col_expr(
                        session_slots::Column::StartsAt,
                        Expr::value(after.starts_at),
                    )
                    .col_expr(session_slots::Column::EndsAt, Expr::value(after.ends_at))
                    .filter(session_slots::Column::Id.eq(*id))
                    .filter(session_slots::Column::SessionId.eq(session_id))
                    .filter(unmarked())
                    .exec(db)
                    .await?;
                if done.rows_affected != 1 {
                    return Err(marked_meanwhile());
                }
            }
        }
    }
    Ok(())
}
