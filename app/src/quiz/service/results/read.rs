//! Reads one year of a quiz's results: per question, counted by the database
//! over the year's attempts in scope; per person, one page of the people
//! listed and their attempts only. Nothing read grows with the year's
//! attempts but the questions' counts, which the database sums.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbBackend, EntityTrait, FromQueryResult, JoinType,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, RelationTrait, Statement,
};

use super::scope::{self, Scope};
use crate::auth::CurrentUser;
use crate::db::entities::{
    attempt_answers, lesson_progress, lessons, module_objectives, questions, quiz_attempts,
    structures, users,
};
use crate::error::AppError;
use crate::quiz::rules::grading::percent;
use crate::quiz::service::data::{QuizData, load};
use crate::quiz::types::{
    LearnerResult, NO_SUCH_PAGE, NO_SUCH_YEAR, QuestionStat, QuizResults, RESULTS_PER_PAGE,
};

/// Which learners to list.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    /// Every one (the CSV export).
    All,
    /// The page after the learner with this id (`None`: the first page).
    After(Option<i32>),
}

/// A quiz's results for `year` (`None`: this year), as `user` may see them.
pub async fn quiz_results(
    db: &DatabaseConnection,
    user: &CurrentUser,
    quiz_id: i32,
    year: Option<i32>,
    page: Page,
    now: DateTime<Utc>,
) -> Result<QuizResults, AppError> {
    let data = load(db, quiz_id).await?;
    let scope = Scope::of(user, data.module.id);
    let years = years(db, quiz_id, now).await?;
    let year = year.unwrap_or(crate::calendar::to_local(now).year());
    if !years.contains(&year) {
        return Err(AppError::invalid(NO_SUCH_YEAR));
    }
    let bounds = scope::year_bounds(year).ok_or(AppError::NotFound)?;
    let questions = question_stats(db, &data, scope, bounds).await?;

    let listed = scope::listed(scope, quiz_id, year, bounds);
    let learners_total = users::Entity::find()
        .filter(listed.clone())
        .count(db)
        .await?;
    let mut people = users::Entity::find()
        .find_also_related(structures::Entity)
        .filter(listed)
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id);
    let mut more = false;
    let mut rows = match page {
        Page::All => people.all(db).await?,
        Page::After(after) => {
            if let Some(after) = after {
                let from = users::Entity::find_by_id(after)
                    .one(db)
                    .await?
                    .ok_or_else(|| AppError::invalid(NO_SUCH_PAGE))?;
                people = people.filter(after_name(&from));
            }
            let mut rows = people.limit(RESULTS_PER_PAGE + 1).all(db).await?;
            more = rows.len() as u64 > RESULTS_PER_PAGE;
            rows.truncate(RESULTS_PER_PAGE as usize);
            rows
        }
    };
    let ids: Vec<i32> = rows.iter().map(|(u, _)| u.id).collect();
    let mut attempts = scope::attempts(scope, quiz_id, bounds);
    if let Page::After(_) = page {
        attempts = attempts.filter(quiz_attempts::Column::UserId.is_in(ids.iter().copied()));
    }
    let attempts: Vec<Attempt> = attempts
        .select_only()
        .columns([
            quiz_attempts::Column::UserId,
            quiz_attempts::Column::Score,
            quiz_attempts::Column::MaxScore,
            quiz_attempts::Column::Passed,
        ])
        .into_model()
        .all(db)
        .await?;
    let mut by_person: HashMap<i32, Vec<&Attempt>> = HashMap::new();
    for a in &attempts {
        by_person.entry(a.user_id).or_default().push(a);
    }
    let since = scope::since(db, scope, &ids).await?;
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
        .filter(lesson_progress::Column::UserId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter(|p| scope::counts(since.as_ref(), p.user_id, p.completed_at))
    {
        *done.entry(p.user_id).or_default() += 1;
    }
    let next = more.then(|| ids.last().copied()).flatten();
    let learners = rows
        .drain(..)
        .map(|(u, s)| {
            let mine = by_person.remove(&u.id).unwrap_or_default();
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
    Ok(QuizResults {
        quiz_id,
        quiz_title: data.quiz.title,
        module_title: data.module.title,
        scope: match scope {
            Scope::Cohorts { .. } => {
                "les personnes inscrites aux sessions que vous animez pour ce module".into()
            }
            Scope::Everyone => "toutes les personnes qui ont passé ce quiz".into(),
        },
        year,
        years,
        lessons_total: lesson_ids.len(),
        learners_total,
        learners,
        next,
        later_page: matches!(page, Page::After(Some(_))),
        questions,
    })
}

/// The years offered: from the first submitted attempt's to this one, latest first.
async fn years(
    db: &DatabaseConnection,
    quiz_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, AppError> {
    let first: Option<DateTime<Utc>> = quiz_attempts::Entity::find()
        .select_only()
        .column_as(quiz_attempts::Column::StartedAt.min(), "first")
        .filter(quiz_attempts::Column::QuizId.eq(quiz_id))
        .filter(quiz_attempts::Column::SubmittedAt.is_not_null())
        .into_tuple()
        .one(db)
        .await?
        .flatten();
    let this = crate::calendar::to_local(now).year();
    let first = first.map_or(this, |f| {
        Ord::min(crate::calendar::to_local(f).year(), this)
    });
    Ok((first..=this).rev().collect())
}

/// The people after `row` by name, then id.
fn after_name(row: &users::Model) -> Condition {
    crate::db::keyset::after(vec![
        (
            Expr::col((users::Entity, users::Column::DisplayName)),
            row.display_name.clone().into(),
        ),
        (Expr::col((users::Entity, users::Column::Id)), row.id.into()),
    ])
}

/// What the learners' table reads of one attempt.
#[derive(Debug, FromQueryResult)]
struct Attempt {
    user_id: i32,
    score: Option<f64>,
    max_score: Option<f64>,
    passed: Option<bool>,
}

#[derive(Debug, FromQueryResult)]
struct Shown {
    question_id: i32,
    n: i64,
}

/// The questions of each attempt's stored layout, one row per question
/// shown, as each database reads a JSON array (`quiz/rules/layout.rs`).
fn laid_out_questions(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => {
            "SELECT CAST(j.value->>'question_id' AS INTEGER) AS question_id, COUNT(*) AS n \
             FROM quiz_attempts a CROSS JOIN LATERAL json_array_elements(a.layout->'questions') AS j(value)"
        }
        _ => {
            "SELECT CAST(json_extract(j.value, '$.question_id') AS INTEGER) AS question_id, \
             COUNT(*) AS n FROM quiz_attempts a, json_each(a.layout, '$.questions') AS j"
        }
    }
}

/// Per question: the year's attempts in scope that showed it (from their
/// layouts) and the answers that earned every point, both counted by the
/// database.
async fn question_stats(
    db: &DatabaseConnection,
    data: &QuizData,
    scope: Scope,
    bounds: (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<QuestionStat>, AppError> {
    let in_scope = scope::attempts(scope, data.quiz.id, bounds)
        .select_only()
        .column(quiz_attempts::Column::Id)
        .into_query();
    let backend = db.get_database_backend();
    let scoped = backend.build(&in_scope);
    let shown: HashMap<i32, i64> = Shown::find_by_statement(Statement::from_sql_and_values(
        backend,
        format!(
            "{} WHERE a.id IN ({}) GROUP BY 1",
            laid_out_questions(backend),
            scoped.sql
        ),
        scoped.values.map(|v| v.0).unwrap_or_default(),
    ))
    .all(db)
    .await?
    .into_iter()
    .map(|s| (s.question_id, s.n))
    .collect();
    let full_marks = Expr::col((attempt_answers::Entity, attempt_answers::Column::Points))
        .gte(Expr::col((questions::Entity, questions::Column::Points)).sub(Expr::val(1e-9)));
    let correct: HashMap<i32, i64> = attempt_answers::Entity::find()
        .select_only()
        .column(attempt_answers::Column::QuestionId)
        .column_as(attempt_answers::Column::Id.count(), "correct")
        .join(
            JoinType::InnerJoin,
            attempt_answers::Relation::Questions.def(),
        )
        .filter(attempt_answers::Column::AttemptId.in_subquery(in_scope))
        .filter(full_marks)
        .group_by(attempt_answers::Column::QuestionId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let objectives: HashMap<i32, String> = module_objectives::Entity::find()
        .filter(module_objectives::Column::ModuleId.eq(data.module.id))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.label))
        .collect();
    Ok(data
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionStat {
            position: i + 1,
            prompt: q.model.prompt.clone(),
            objective: q
                .model
                .objective_id
                .and_then(|id| objectives.get(&id).cloned()),
            attempts: shown
                .get(&q.model.id)
                .map_or(0, |n| usize::try_from(*n).unwrap_or(0)),
            correct: correct
                .get(&q.model.id)
                .map_or(0, |n| usize::try_from(*n).unwrap_or(0)),
        })
        .collect())
}
