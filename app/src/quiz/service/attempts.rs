//! The start of the attempt flow: a quiz's overview (closing the attempts whose
//! time is up), a new attempt within the attempts allowed, and the questions of
//! an open attempt without their answers. Saving and submitting are in
//! [`super::saving`], grading and closing in [`super::closing`].

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};

use super::closing::close;
use super::data::{QuizData, load, load_for};
use super::stored::{is_late, layout_of, saved_responses};
use crate::auth::CurrentUser;
use crate::db::entities::quiz_attempts;
use crate::error::AppError;
use crate::quiz::rules::grading::percent;
use crate::quiz::rules::layout::{QuestionShape, draw};
use crate::quiz::types::{AttemptSheet, AttemptSummary, Pick, QuestionSheet, QuizOverview};

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
