//! The result of a submitted attempt: the score, and for each question what was
//! answered, what was expected and the trainer's feedback. Built only for an
//! attempt whose `submitted_at` is set, so answers never leak before.

use chrono::Duration;
use sea_orm::DatabaseConnection;

use super::data::QuizData;
use super::stored::{GRACE_SECONDS, layout_of, saved_responses};
use crate::db::entities::quiz_attempts;
use crate::error::AppError;
use crate::quiz::rules::describe::{expected, given};
use crate::quiz::rules::grading::{grade, percent};
use crate::quiz::types::{AttemptResult, QuestionOutcome};

pub async fn result(
    db: &DatabaseConnection,
    data: &QuizData,
    attempt: &quiz_attempts::Model,
) -> Result<AttemptResult, AppError> {
    let Some(submitted_at) = attempt.submitted_at else {
        return Err(AppError::invalid(
            "Cette tentative n’a pas encore été envoyée.",
        ));
    };
    let layout = layout_of(attempt)?;
    let responses = saved_responses(db, attempt.id).await?;
    let questions = layout
        .questions
        .iter()
        .filter_map(|laid| data.question(laid.question_id))
        .map(|q| {
            let response = responses.get(&q.model.id);
            let key = q.key();
            let max = f64::from(q.model.points);
            let g = response.map(|r| grade(&key, r, max));
            QuestionOutcome {
                prompt: q.model.prompt.clone(),
                kind: q.kind,
                points: g.as_ref().map_or(0.0, |g| g.points),
                max,
                correct: g.is_some_and(|g| g.correct),
                given: given(response, &q.choices),
                expected: expected(&key, &q.choices),
                feedback: q.model.feedback.clone(),
            }
        })
        .collect();
    let score = attempt.score.unwrap_or_default();
    let max = attempt.max_score.unwrap_or_else(|| data.max_points());
    Ok(AttemptResult {
        id: attempt.id,
        quiz_id: data.quiz.id,
        quiz_title: data.quiz.title.clone(),
        module_slug: data.module.slug.clone(),
        number: attempt.number,
        score,
        max,
        percent: percent(score, max),
        passed: attempt.passed.unwrap_or(false),
        pass_mark_percent: data.quiz.pass_mark_percent,
        timed_out: attempt
            .deadline_at
            .is_some_and(|d| submitted_at > d + Duration::seconds(GRACE_SECONDS)),
        questions,
    })
}
