//! A stored attempt as the other steps read it: whose it is, its layout, the
//! answers saved so far, and whether its time is up.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::auth::CurrentUser;
use crate::db::entities::{attempt_answers, quiz_attempts};
use crate::error::AppError;
use crate::quiz::rules::grading::Response;
use crate::quiz::rules::layout::AttemptLayout;

/// Network slack after the deadline before answers are refused.
pub const GRACE_SECONDS: i64 = 30;

pub fn is_late(deadline: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    deadline.is_some_and(|d| now > d + Duration::seconds(GRACE_SECONDS))
}

pub fn layout_of(attempt: &quiz_attempts::Model) -> Result<AttemptLayout, AppError> {
    serde_json::from_value(attempt.layout.clone()).map_err(AppError::internal)
}
/// The attempt, if it belongs to `user`; anyone else gets `NotFound`.
pub async fn owned(
    db: &DatabaseConnection,
    user: &CurrentUser,
    attempt_id: i32,
) -> Result<quiz_attempts::Model, AppError> {
    quiz_attempts::Entity::find_by_id(attempt_id)
        .filter(quiz_attempts::Column::UserId.eq(user.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn saved_responses(
    db: &impl ConnectionTrait,
    attempt_id: i32,
) -> Result<HashMap<i32, Response>, AppError> {
    Ok(attempt_answers::Entity::find()
        .filter(attempt_answers::Column::AttemptId.eq(attempt_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| Some((a.question_id, serde_json::from_value(a.response).ok()?)))
        .collect())
}

pub fn already_submitted() -> AppError {
    AppError::conflict("Cette tentative a déjà été envoyée : elle ne peut plus être modifiée.")
}
