//! What the person did in the modules: quiz attempts with every answer in
//! words, and the lessons they marked as read.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::local_time::local;
use super::lookup::{labels, numbered_labels};
use crate::db::entities::{
    attempt_answers, choices, lesson_progress, lessons, modules, questions, quiz_attempts, quizzes,
};
use crate::error::AppError;
use crate::privacy::{LessonRead, QuizAnswerRecord, QuizAttemptRecord};

pub(super) async fn quiz_attempts(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<QuizAttemptRecord>, AppError> {
    let attempts = quiz_attempts::Entity::find()
        .filter(quiz_attempts::Column::UserId.eq(user_id))
        .order_by_asc(quiz_attempts::Column::StartedAt)
        .order_by_asc(quiz_attempts::Column::Id)
        .all(db)
        .await?;
    if attempts.is_empty() {
        return Ok(Vec::new());
    }
    let titles = labels::<quizzes::Entity>(
        db,
        quizzes::Column::Id,
        quizzes::Column::Title,
        attempts.iter().map(|a| a.quiz_id),
    )
    .await?;
    let answers = attempt_answers::Entity::find()
        .filter(attempt_answers::Column::AttemptId.is_in(attempts.iter().map(|a| a.id)))
        .all(db)
        .await?;
    let prompts = numbered_labels::<questions::Entity>(
        db,
        questions::Column::Id,
        questions::Column::Position,
        questions::Column::Prompt,
        answers.iter().map(|a| a.question_id),
    )
    .await?;
    let choices = choice_labels(db, prompts.keys().copied()).await?;
    let mut by_attempt: HashMap<i32, Vec<(i32, i32, QuizAnswerRecord)>> = HashMap::new();
    for a in answers {
        let (position, prompt) = prompts.get(&a.question_id).cloned().unwrap_or_default();
        by_attempt.entry(a.attempt_id).or_default().push((
            position,
            a.question_id,
            QuizAnswerRecord {
                question: prompt,
                answer_text: readable(&a.response, &choices),
                response: a.response,
                points: a.points,
                saved_at: local(a.saved_at),
            },
        ));
    }
    Ok(attempts
        .into_iter()
        .map(|a| {
            let mut answers = by_attempt.remove(&a.id).unwrap_or_default();
            answers.sort_by_key(|(position, id, _)| (*position, *id));
            QuizAttemptRecord {
                quiz: titles.get(&a.quiz_id).cloned().unwrap_or_default(),
                number: a.number,
                started_at: local(a.started_at),
                deadline_at: a.deadline_at.map(local),
                submitted_at: a.submitted_at.map(local),
                score: a.score,
                max_score: a.max_score,
                passed: a.passed,
                answers: answers.into_iter().map(|(_, _, r)| r).collect(),
            }
        })
        .collect())
}

/// The label and matching label of every choice of `questions`, by id.
async fn choice_labels(
    db: &DatabaseConnection,
    questions: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, (String, Option<String>)>, AppError> {
    let questions: Vec<i32> = questions.into_iter().collect();
    if questions.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, String, Option<String>)> = choices::Entity::find()
        .select_only()
        .columns([
            choices::Column::Id,
            choices::Column::Label,
            choices::Column::MatchLabel,
        ])
        .filter(choices::Column::QuestionId.is_in(questions))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, label, matching)| (id, (label, matching)))
        .collect())
}

/// A stored quiz answer in words: the labels of the choices it names, the
/// text typed, the pairs made or the order given.
fn readable(
    response: &serde_json::Value,
    labels: &HashMap<i32, (String, Option<String>)>,
) -> String {
    use crate::quiz::rules::grading::Response;
    let label = |id: &i32| {
        labels
            .get(id)
            .map_or_else(|| id.to_string(), |(l, _)| l.clone())
    };
    let matching = |id: &i32| {
        labels.get(id).map_or_else(
            || id.to_string(),
            |(l, m)| m.clone().unwrap_or_else(|| l.clone()),
        )
    };
    match serde_json::from_value::<Response>(response.clone()) {
        Ok(Response::Choice(Some(id))) => label(&id),
        Ok(Response::Choice(None)) => String::new(),
        Ok(Response::Choices(ids)) => ids.iter().map(label).collect::<Vec<_>>().join(" ; "),
        Ok(Response::Text(text)) => text,
        Ok(Response::Pairs(pairs)) => pairs
            .iter()
            .map(|(left, right)| format!("{} → {}", label(left), matching(right)))
            .collect::<Vec<_>>()
            .join(" ; "),
        Ok(Response::Order(ids)) => ids
            .iter()
            .enumerate()
            .map(|(rank, id)| format!("{}. {}", rank + 1, label(id)))
            .collect::<Vec<_>>()
            .join(" ; "),
        Err(_) => response.to_string(),
    }
}

pub(super) async fn lessons_read(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<LessonRead>, AppError> {
    let progress = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(user_id))
        .order_by_asc(lesson_progress::Column::CompletedAt)
        .order_by_asc(lesson_progress::Column::LessonId)
        .all(db)
        .await?;
    if progress.is_empty() {
        return Ok(Vec::new());
    }
    let lessons = numbered_labels::<lessons::Entity>(
        db,
        lessons::Column::Id,
        lessons::Column::ModuleId,
        lessons::Column::Title,
        progress.iter().map(|p| p.lesson_id),
    )
    .await?;
    let modules = labels::<modules::Entity>(
        db,
        modules::Column::Id,
        modules::Column::Title,
        lessons.values().map(|(module, _)| *module),
    )
    .await?;
    Ok(progress
        .into_iter()
        .map(|p| {
            let (module, lesson) = lessons.get(&p.lesson_id).cloned().unwrap_or_default();
            LessonRead {
                lesson,
                module: modules.get(&module).cloned().unwrap_or_default(),
                completed_at: local(p.completed_at),
            }
        })
        .collect())
}
