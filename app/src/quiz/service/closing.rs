//! Grading and closing an attempt, once: on submission, or when its time limit
//! has passed. The closing update only applies to a row whose `submitted_at` is
//! still empty, so a second submission is refused.

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr,
};

use super::data::QuizData;
use super::stored::{already_submitted, layout_of, saved_responses};
use crate::db::entities::{attempt_answers, quiz_attempts};
use crate::error::AppError;
use crate::quiz::rules::grading::{grade, passed};

/// Grades what is stored and closes the attempt (time limit reached).
pub async fn close(
    db: &DatabaseConnection,
    data: &QuizData,
    attempt_id: i32,
    now: DateTime<Utc>,
) -> Result<quiz_attempts::Model, AppError> {
    let txn = db.begin_write().await?;
    match grade_and_close(&txn, data, attempt_id, now).await {
        Ok(()) => txn.commit().await?,
        // Closed meanwhile by another request: nothing to do.
        Err(AppError::Conflict(_)) => txn.rollback().await?,
        Err(e) => return Err(e),
    }
    quiz_attempts::Entity::find_by_id(attempt_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn grade_and_close(
    txn: &impl ConnectionTrait,
    data: &QuizData,
    attempt_id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let responses = saved_responses(txn, attempt_id).await?;
    let attempt = quiz_attempts::Entity::find_by_id(attempt_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // Out of the questions this attempt showed: one added to the quiz since
    // it started cannot be earned, so it does not count against the learner.
    let max: f64 = layout_of(&attempt)?
        .questions
        .iter()
        .filter_map(|laid| data.question(laid.question_id))
        .map(|q| f64::from(q.model.points))
        .sum();
    let mut score = 0.0;
    for (question_id, response) in &responses {
        let Some(q) = data.question(*question_id) else {
            continue;
        };
        let g = grade(&q.key(), response, f64::from(q.model.points));
        score += g.points;
        attempt_answers::Entity::update_many()
            .col_expr(attempt_answers::Column::Points, Expr::value(g.points))
            .filter(attempt_answers::Column::AttemptId.eq(attempt_id))
            .filter(attempt_answers::Column::QuestionId.eq(*question_id))
            .exec(txn)
            .await?;
    }
    let closed = quiz_attempts::Entity::update_many()
        .col_expr(quiz_attempts::Column::SubmittedAt, Expr::value(now))
        .col_expr(quiz_attempts::Column::Score, Expr::value(score))
        .col_expr(quiz_attempts::Column::MaxScore, Expr::value(max))
        .col_expr(
            quiz_attempts::Column::Passed,
            Expr::value(passed(score, max, data.quiz.pass_mark_percent)),
        )
        .filter(quiz_attempts::Column::Id.eq(attempt_id))
        .filter(quiz_attempts::Column::SubmittedAt.is_null())
        .exec(txn)
        .await?;
    if closed.rows_affected == 1 {
        Ok(())
    } else {
        Err(already_submitted())
    }
}
