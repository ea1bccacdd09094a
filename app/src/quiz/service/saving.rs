//! Saving a posted quiz form, and submitting it. Answers posted after the
//! deadline (plus a short grace for the network) are not stored, and the
//! attempt is closed with what was saved before.

use crate::db::BeginWrite;
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::Expr,
};

use super::closing::{close, grade_and_close};
use super::data::load;
use super::stored::{already_submitted, is_late, layout_of, owned};
use crate::auth::CurrentUser;
use crate::db::entities::{attempt_answers, quiz_attempts};
use crate::error::AppError;
use crate::quiz::rules::grading::Response;

/// What happened to a posted form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Saved,
    Submitted,
    /// Posted after the deadline: nothing new was stored and the attempt is closed.
    TimedOut,
}

pub async fn answer(
    db: &DatabaseConnection,
    user: &CurrentUser,
    attempt_id: i32,
    fields: &HashMap<String, String>,
    submit: bool,
) -> Result<Outcome, AppError> {
    if let Some(refusal) = crate::quiz::rules::form::refusal(fields) {
        return Err(AppError::invalid(refusal));
    }
    let attempt = owned(db, user, attempt_id).await?;
    if attempt.submitted_at.is_some() {
        return Err(already_submitted());
    }
    let data = load(db, attempt.quiz_id).await?;
    let now = Utc::now();
    if is_late(attempt.deadline_at, now) {
        close(db, &data, attempt.id, now).await?;
        return Ok(Outcome::TimedOut);
    }
    let layout = layout_of(&attempt)?;
    let txn = db.begin_write().await?;
    claim_open(&txn, attempt.id).await?;
    attempt_answers::Entity::delete_many()
        .filter(attempt_answers::Column::AttemptId.eq(attempt.id))
        .exec(&txn)
        .await?;
    let mut rows = Vec::new();
    for laid in &layout.questions {
        let Some(q) = data.question(laid.question_id) else {
            continue;
        };
        let shown: Vec<i32> = match q.kind {
            crate::quiz::rules::grading::QuestionKind::Matching => laid.options.clone(),
            _ => laid.choices.clone(),
        };
        let response = match q.kind {
            // Matching reads left items from `choices` and answers from `options`.
            crate::quiz::rules::grading::QuestionKind::Matching => {
                crate::quiz::rules::form::response(q.kind, q.model.id, &laid.choices, fields)
                    .map(|r| keep_known_options(r, &shown))
            }
            _ => crate::quiz::rules::form::response(q.kind, q.model.id, &shown, fields),
        };
        if let Some(response) = response {
            rows.push(attempt_answers::ActiveModel {
                attempt_id: Set(attempt.id),
                question_id: Set(q.model.id),
                response: Set(serde_json::to_value(&response).map_err(AppError::internal)?),
                points: Set(None),
                saved_at: Set(now),
                ..Default::default()
            });
        }
    }
    if !rows.is_empty() {
        attempt_answers::Entity::insert_many(rows)
            .exec(&txn)
            .await?;
    }
    if submit {
        grade_and_close(&txn, &data, attempt.id, now).await?;
    }
    txn.commit().await?;
    Ok(if submit {
        Outcome::Submitted
    } else {
        Outcome::Saved
    })
}

/// Takes the attempt's row for this transaction, if it is still open: a
/// submission that committed since it was read makes this fail, and one that
/// comes later waits for this transaction (the row lock on PostgreSQL, the
/// one writer on SQLite), so a « save » never rewrites a submitted attempt.
async fn claim_open(txn: &impl ConnectionTrait, attempt_id: i32) -> Result<(), AppError> {
    let claimed = quiz_attempts::Entity::update_many()
        .col_expr(
            quiz_attempts::Column::SubmittedAt,
            Expr::col(quiz_attempts::Column::SubmittedAt),
        )
        .filter(quiz_attempts::Column::Id.eq(attempt_id))
        .filter(quiz_attempts::Column::SubmittedAt.is_null())
        .exec(txn)
        .await?;
    if claimed.rows_affected == 1 {
        Ok(())
    } else {
        Err(already_submitted())
    }
}

fn keep_known_options(response: Response, options: &[i32]) -> Response {
    match response {
        Response::Pairs(pairs) => Response::Pairs(
            pairs
                .into_iter()
                .filter(|(_, right)| options.contains(right))
                .collect(),
        ),
        other => other,
    }
}
