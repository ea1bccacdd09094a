//! A quiz's results for the people who teach it: per learner (lessons done,
//! attempts, best score) and per question (share of answers earning every point).
//!
//! Scope: a trainer sees the learners confirmed in the sessions of this module
//! that they teach (their cohorts), and of each only what they did since they
//! were first enrolled in one of those sessions: adding someone to a session
//! does not open their past to the trainer. The coordinator sees everyone who
//! took it.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::data::load;
use super::stored::layout_of;
use crate::auth::CurrentUser;
use crate::db::entities::{
    attempt_answers, enrolments, lesson_progress, lessons, module_objectives, quiz_attempts,
    session_trainers, structures, training_sessions, users,
};
use crate::error::AppError;
use crate::quiz::rules::grading::percent;
use crate::quiz::types::{LearnerResult, QuestionStat, QuizResults};
use crate::roles::Role;

/// Learners in the trainer's cohorts for a module, each with the moment they
/// were first enrolled in one (`None`: no restriction).
async fn cohort(
    db: &DatabaseConnection,
    user: &CurrentUser,
    module_id: i32,
) -> Result<Option<HashMap<i32, DateTime<Utc>>>, AppError> {
    if user.role == Role::Coordinator {
        return Ok(None);
    }
    let sessions: Vec<i32> = training_sessions::Entity::find()
        .select_only()
        .column(training_sessions::Column::Id)
        .inner_join(session_trainers::Entity)
        .filter(training_sessions::Column::ModuleId.eq(module_id))
        .filter(session_trainers::Column::UserId.eq(user.id))
        .into_tuple()
        .all(db)
        .await?;
    let learners: Vec<(i32, DateTime<Utc>)> = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::UserId)
        .column(enrolments::Column::EnrolledAt)
        .filter(enrolments::Column::SessionId.is_in(sessions))
        .filter(enrolments::Column::Status.eq("confirmee"))
        .into_tuple()
        .all(db)
        .await?;
    let mut since: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for (user_id, enrolled_at) in learners {
        since
            .entry(user_id)
            .and_modify(|first| *first = (*first).min(enrolled_at))
            .or_insert(enrolled_at);
    }
    Ok(Some(since))
}

/// Whether something a learner did at `at` is within the caller's `scope`.
fn in_scope(scope: Option<&HashMap<i32, DateTime<Utc>>>, user_id: i32, at: DateTime<Utc>) -> bool {
    scope.is_none_or(|since| since.get(&user_id).is_some_and(|first| at >= *first))
}

pub async fn quiz_results(
    db: &DatabaseConnection,
    user: &CurrentUser,
    quiz_id: i32,
) -> Result<QuizResults, AppError> {
    let data = load(db, quiz_id).await?;
    let scope = cohort(db, user, data.module.id).await?;
    let mut attempts = quiz_attempts::Entity::find()
        .filter(quiz_attempts::Column::QuizId.eq(quiz_id))
        .filter(quiz_attempts::Column::SubmittedAt.is_not_null());
    if let Some(since) = &scope {
        attempts = attempts.filter(quiz_attempts::Column::UserId.is_in(since.keys().copied()));
    }
    let attempts: Vec<quiz_attempts::Model> = attempts
        .all(db)
        .await?
        .into_iter()
        .filter(|a| in_scope(scope.as_ref(), a.user_id, a.started_at))
        .collect();

    let mut people: BTreeSet<i32> = attempts.iter().map(|a| a.user_id).collect();
    if let Some(since) = &scope {
        people.extend(since.keys().copied());
    }
    let lesson_ids: Vec<i32> = lessons::Entity::find()
        .select_only()
        .column(lessons::Column::Id)
        .filter(lessons::Column::ModuleId.eq(data.module.id))
        .filter(lessons::Column::Published.eq(true))
        .into_tuple()
        .all(db)
        .await?;
    let mut done: HashMap<i32, usize> = HashMap::new();
    for p in lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LessonId.is_in(lesson_ids.iter().copied()))
        .filter(lesson_progress::Column::UserId.is_in(people.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter(|p| in_scope(scope.as_ref(), p.user_id, p.completed_at))
    {
        *done.entry(p.user_id).or_default() += 1;
    }
    let names = users::Entity::find()
        .filter(users::Column::Id.is_in(people.iter().copied()))
        .find_also_related(structures::Entity)
        .all(db)
        .await?;
    let mut learners: Vec<LearnerResult> = names
        .into_iter()
        .map(|(u, s)| {
            let mine: Vec<&quiz_attempts::Model> =
                attempts.iter().filter(|a| a.user_id == u.id).collect();
            LearnerResult {
                name: u.display_name,
                structure: s.map(|s| s.name),
                lessons_done: done.get(&u.id).copied().unwrap_or(0),
                attempts: mine.len(),
                best_percent: mine
                    .iter()
                    .filter_map(|a| Some(percent(a.score?, a.max_score?)))
                    .reduce(f64::max),
                passed: mine.iter().any(|a| a.passed == Some(true)),
            }
        })
        .collect();
    learners.sort_by_key(|l| l.name.to_lowercase());

    let objectives: HashMap<i32, String> = module_objectives::Entity::find()
        .filter(module_objectives::Column::ModuleId.eq(data.module.id))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.label))
        .collect();
    let answers = attempt_answers::Entity::find()
        .filter(attempt_answers::Column::AttemptId.is_in(attempts.iter().map(|a| a.id)))
        .all(db)
        .await?;
    let mut shown: HashMap<i32, usize> = HashMap::new();
    for attempt in &attempts {
        for laid in layout_of(attempt)?.questions {
            *shown.entry(laid.question_id).or_default() += 1;
        }
    }
    let questions = data
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let max = f64::from(q.model.points);
            QuestionStat {
                position: i + 1,
                prompt: q.model.prompt.clone(),
                objective: q
                    .model
                    .objective_id
                    .and_then(|id| objectives.get(&id).cloned()),
                attempts: shown.get(&q.model.id).copied().unwrap_or(0),
                correct: answers
                    .iter()
                    .filter(|a| a.question_id == q.model.id)
                    .filter(|a| a.points.is_some_and(|p| p >= max - 1e-9))
                    .count(),
            }
        })
        .collect();
    Ok(QuizResults {
        quiz_id,
        quiz_title: data.quiz.title,
        module_title: data.module.title,
        scope: if scope.is_some() {
            "les personnes inscrites aux sessions que vous animez pour ce module".into()
        } else {
            "toutes les personnes qui ont passé ce quiz".into()
        },
        lessons_total: lesson_ids.len(),
        learners,
        questions,
    })
}

/// The results as CSV (two tables, one after the other; see
/// [`crate::export::csv_writer`]), cells neutralised.
pub fn results_csv(results: &QuizResults) -> Result<Vec<u8>, AppError> {
    use crate::export::csv_cell;
    let mut out = crate::export::csv_writer();
    let mut write = |row: Vec<String>| {
        out.write_record(row.iter().map(|c| csv_cell(c)))
            .map_err(AppError::internal)
    };
    write(vec![
        "Personne".into(),
        "Structure".into(),
        format!("Leçons terminées (sur {})", results.lessons_total),
        "Tentatives".into(),
        "Meilleur score (%)".into(),
        "Réussi".into(),
    ])?;
    for l in &results.learners {
        write(vec![
            l.name.clone(),
            l.structure.clone().unwrap_or_default(),
            l.lessons_done.to_string(),
            l.attempts.to_string(),
            l.best_percent
                .map(|p| format!("{p:.1}"))
                .unwrap_or_default(),
            if l.passed { "oui" } else { "non" }.into(),
        ])?;
    }
    write(vec![])?;
    write(vec![
        "Question".into(),
        "Énoncé".into(),
        "Objectif".into(),
        "Réponses".into(),
        "Bonnes réponses".into(),
        "Part de bonnes réponses (%)".into(),
    ])?;
    for q in &results.questions {
        write(vec![
            q.position.to_string(),
            q.prompt.clone(),
            q.objective.clone().unwrap_or_default(),
            q.attempts.to_string(),
            q.correct.to_string(),
            q.share_correct()
                .map(|p| format!("{p:.1}"))
                .unwrap_or_default(),
        ])?;
    }
    out.into_inner()
        .map_err(|e| AppError::internal(e.into_error()))
}
