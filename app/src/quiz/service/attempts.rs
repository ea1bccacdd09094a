//! The attempt flow: start (within the attempts allowed), show the questions
//! without their answers, save, submit once, close at the time limit.
//!
//! The time limit is enforced here: answers posted after the deadline (plus a
//! short grace for the network) are not stored, and the attempt is closed with
//! what was saved before. A submitted attempt never changes: the closing update
//! only applies to a row whose `submitted_at` is still empty, inside the same
//! transaction as the answers, so a second submission is refused.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait, sea_query::Expr,
};

use super::data::{QuizData, load, load_for};
use crate::auth::CurrentUser;
use crate::db::entities::{attempt_answers, quiz_attempts};
use crate::error::AppError;
use crate::quiz::grading::{Response, grade, passed, percent};
use crate::quiz::layout::{AttemptLayout, QuestionShape, draw};
use crate::quiz::types::{AttemptSheet, AttemptSummary, Pick, QuestionSheet, QuizOverview};

/// Network slack after the deadline before answers are refused.
pub const GRACE_SECONDS: i64 = 30;

fn is_late(deadline: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    deadline.is_some_and(|d| now > d + Duration::seconds(GRACE_SECONDS))
}

pub fn layout_of(attempt: &quiz_attempts::Model) -> Result<AttemptLayout, AppError> {
    serde_json::from_value(attempt.layout.clone()).map_err(AppError::internal)
}

async fn my_attempts(
    db: &impl ConnectionTrait,
    quiz_id: i32,
    user_id: i32,
) -> Result<Vec<quiz_attempts::Model>, AppError> {
    Ok(quiz_attempts::Entity::find()
        .filter(quiz_attempts::Column::QuizId.eq(quiz_id))
        .filter(quiz_attempts::Column::UserId.eq(user_id))
        .order_by_asc(quiz_attempts::Column::Number)
        .all(db)
        .await?)
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

pub async fn overview(
    db: &DatabaseConnection,
    user: &CurrentUser,
    quiz_id: i32,
) -> Result<QuizOverview, AppError> {
    let data = load_for(db, quiz_id, user.role).await?;
    let now = Utc::now();
    let mut attempts = my_attempts(db, quiz_id, user.id).await?;
    for attempt in attempts.iter_mut() {
        if attempt.submitted_at.is_none() && is_late(attempt.deadline_at, now) {
            *attempt = close(db, &data, attempt.id, now).await?;
        }
    }
    let best_percent = attempts
        .iter()
        .filter_map(|a| Some(percent(a.score?, a.max_score?)))
        .fold(None, |best: Option<f64>, p| {
            Some(best.map_or(p, |b| b.max(p)))
        });
    let used = i32::try_from(attempts.len()).unwrap_or(i32::MAX);
    Ok(QuizOverview {
        id: data.quiz.id,
        title: data.quiz.title.clone(),
        module_slug: data.module.slug.clone(),
        module_title: data.module.title.clone(),
        published: data.quiz.published && data.module.published,
        pass_mark_percent: data.quiz.pass_mark_percent,
        max_attempts: data.quiz.max_attempts,
        time_limit_minutes: data.quiz.time_limit_minutes,
        question_count: data.questions.len(),
        open_attempt: attempts
            .iter()
            .find(|a| a.submitted_at.is_none())
            .map(|a| a.id),
        attempts_left: data.quiz.max_attempts.map(|max| (max - used).max(0)),
        best_percent,
        attempts: attempts
            .into_iter()
            .map(|a| AttemptSummary {
                id: a.id,
                number: a.number,
                started_at: a.started_at,
                submitted_at: a.submitted_at,
                percent: a.score.zip(a.max_score).map(|(s, m)| percent(s, m)),
                passed: a.passed,
            })
            .collect(),
    })
}

/// Starts an attempt (or returns the one still open) and gives its id.
pub async fn start(
    db: &DatabaseConnection,
    user: &CurrentUser,
    quiz_id: i32,
) -> Result<i32, AppError> {
    let overview = overview(db, user, quiz_id).await?;
    if let Some(open) = overview.open_attempt {
        return Ok(open);
    }
    if overview.question_count == 0 {
        return Err(AppError::invalid("Ce quiz n’a pas encore de question."));
    }
    if overview.attempts_left == Some(0) {
        return Err(AppError::invalid(format!(
            "Vous avez utilisé toutes les tentatives autorisées pour ce quiz ({}).",
            overview.max_attempts.unwrap_or_default()
        )));
    }
    let data = load(db, quiz_id).await?;
    let shapes: Vec<QuestionShape> = data
        .questions
        .iter()
        .map(|q| QuestionShape {
            id: q.model.id,
            kind: q.kind,
            choices: q.choices.iter().map(|c| c.id).collect(),
        })
        .collect();
    let layout = draw(&shapes, data.quiz.shuffle, &mut rand::rng());
    let now = Utc::now();
    let number = overview
        .attempts
        .iter()
        .map(|a| a.number)
        .max()
        .unwrap_or(0)
        + 1;
    let inserted = quiz_attempts::ActiveModel {
        quiz_id: Set(quiz_id),
        user_id: Set(user.id),
        number: Set(number),
        layout: Set(serde_json::to_value(&layout).map_err(AppError::internal)?),
        started_at: Set(now),
        deadline_at: Set(data
            .quiz
            .time_limit_minutes
            .map(|m| now + Duration::minutes(i64::from(m)))),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(attempt) => Ok(attempt.id),
        // Two clicks at once: the unique (quiz, user, number) index let one in.
        Err(e) => match AppError::from(e) {
            AppError::Conflict(_) => overview_open(db, user, quiz_id).await,
            other => Err(other),
        },
    }
}

async fn overview_open(
    db: &DatabaseConnection,
    user: &CurrentUser,
    quiz_id: i32,
) -> Result<i32, AppError> {
    overview(db, user, quiz_id)
        .await?
        .open_attempt
        .ok_or_else(|| AppError::conflict("Une autre tentative vient d’être commencée."))
}

/// The questions of an open attempt, in its layout, with what was saved.
pub async fn sheet(
    db: &DatabaseConnection,
    data: &QuizData,
    attempt: &quiz_attempts::Model,
) -> Result<AttemptSheet, AppError> {
    let layout = layout_of(attempt)?;
    let saved = saved_responses(db, attempt.id).await?;
    let questions = layout
        .questions
        .iter()
        .filter_map(|laid| {
            let q = data.question(laid.question_id)?;
            let pick = |id: &i32, right: bool| {
                q.choices.iter().find(|c| c.id == *id).map(|c| Pick {
                    id: c.id,
                    label: if right {
                        c.match_label.clone().unwrap_or_default()
                    } else {
                        c.label.clone()
                    },
                })
            };
            Some(QuestionSheet {
                id: q.model.id,
                kind: q.kind,
                prompt: q.model.prompt.clone(),
                points: q.model.points,
                choices: laid
                    .choices
                    .iter()
                    .filter_map(|id| pick(id, false))
                    .collect(),
                options: laid
                    .options
                    .iter()
                    .filter_map(|id| pick(id, true))
                    .collect(),
                saved: saved.get(&q.model.id).cloned(),
            })
        })
        .collect();
    Ok(AttemptSheet {
        id: attempt.id,
        quiz_id: data.quiz.id,
        quiz_title: data.quiz.title.clone(),
        module_slug: data.module.slug.clone(),
        number: attempt.number,
        deadline_at: attempt.deadline_at,
        deadline_label: attempt.deadline_at.map(|d| {
            d.with_timezone(&chrono_tz::Europe::Paris)
                .format("%H h %M")
                .to_string()
        }),
        questions,
    })
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
    let txn = db.begin().await?;
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
            crate::quiz::grading::QuestionKind::Matching => laid.options.clone(),
            _ => laid.choices.clone(),
        };
        let response = match q.kind {
            // Matching reads left items from `choices` and answers from `options`.
            crate::quiz::grading::QuestionKind::Matching => {
                crate::quiz::form::response(q.kind, q.model.id, &laid.choices, fields)
                    .map(|r| keep_known_options(r, &shown))
            }
            _ => crate::quiz::form::response(q.kind, q.model.id, &shown, fields),
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

fn already_submitted() -> AppError {
    AppError::conflict("Cette tentative a déjà été envoyée : elle ne peut plus être modifiée.")
}

/// Grades what is stored and closes the attempt (time limit reached).
async fn close(
    db: &DatabaseConnection,
    data: &QuizData,
    attempt_id: i32,
    now: DateTime<Utc>,
) -> Result<quiz_attempts::Model, AppError> {
    let txn = db.begin().await?;
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

async fn grade_and_close(
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
