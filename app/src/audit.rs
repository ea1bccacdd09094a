//! The audit log: who did what to whom, for sign-ins, roles, deactivations,
//! erasures and attendance corrections (server only). Details never hold
//! passwords or tokens.

#![cfg(feature = "ssr")]

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use crate::db::entities::audit_log;
use crate::error::AppError;

pub async fn record(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    action: &str,
    target: Option<(&str, i32)>,
    details: Option<serde_json::Value>,
) -> Result<(), AppError> {
    audit_log::ActiveModel {
        occurred_at: Set(chrono::Utc::now()),
        actor_id: Set(actor),
        action: Set(action.to_owned()),
        target_type: Set(target.map(|(t, _)| t.to_owned())),
        target_id: Set(target.map(|(_, id)| id)),
        details: Set(details),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
