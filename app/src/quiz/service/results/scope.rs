//! Whose results a caller sees, as SQL conditions: the attempts of a year in
//! scope, the people listed, and since when each person's work counts.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QuerySelect,
    QueryTrait, RelationTrait, Select,
};

use crate::auth::CurrentUser;
use crate::db::entities::{enrolments, quiz_attempts, session_trainers, training_sessions, users};
use crate::error::AppError;
use crate::roles::Role;

/// The coordinator sees everyone; a trainer their cohorts of one module.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    Everyone,
    Cohorts { trainer: i32, module: i32 },
}

impl Scope {
    pub fn of(user: &CurrentUser, module: i32) -> Scope {
        if user.role == Role::Coordinator {
            Scope::Everyone
        } else {
            Scope::Cohorts {
                trainer: user.id,
                module,
            }
        }
    }
}

/// The first and the last instant of a year in Metz, as `[from, to)`.
pub fn year_bounds(year: i32) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let first =
        |y| NaiveDate::from_ymd_opt(y, 1, 1).map(|d| crate::calendar::to_utc(d, NaiveTime::MIN));
    Some((first(year)?, first(year + 1)?))
}

/// The confirmed enrolments in a session of the module the trainer teaches;
/// only those of `person` (an outer column) when given, only those made by
/// `at` (an outer column) when given, only sessions of the programme `year`
/// when given.
fn cohort_enrolments(
    trainer: i32,
    module: i32,
    person: Option<Expr>,
    at: Option<Expr>,
    year: Option<i32>,
) -> SelectStatement {
    let mut q = Query::select();
    q.expr(Expr::val(1))
        .from(enrolments::Entity)
        .inner_join(
            training_sessions::Entity,
            Expr::col((training_sessions::Entity, training_sessions::Column::Id))
                .equals((enrolments::Entity, enrolments::Column::SessionId)),
        )
        .inner_join(
            session_trainers::Entity,
            Expr::col((
                session_trainers::Entity,
                session_trainers::Column::SessionId,
            ))
            .equals((enrolments::Entity, enrolments::Column::SessionId)),
        )
        .and_where(Expr::col((enrolments::Entity, enrolments::Column::Status)).eq("confirmee"))
        .and_where(
            Expr::col((
                training_sessions::Entity,
                training_sessions::Column::ModuleId,
            ))
            .eq(module),
        )
        .and_where(
            Expr::col((session_trainers::Entity, session_trainers::Column::UserId)).eq(trainer),
        );
    if let Some(person) = person {
        q.and_where(Expr::col((enrolments::Entity, enrolments::Column::UserId)).eq(person));
    }
    if let Some(at) = at {
        q.and_where(Expr::col((enrolments::Entity, enrolments::Column::EnrolledAt)).lte(at));
    }
    if let Some(year) = year {
        q.and_where(
            Expr::col((
                training_sessions::Entity,
                training_sessions::Column::ProgrammeYear,
            ))
            .eq(year),
        );
    }
    q
}

/// The submitted attempts at `quiz` started in `[from, to)` that `scope` sees.
pub fn attempts(
    scope: Scope,
    quiz: i32,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Select<quiz_attempts::Entity> {
    let select = quiz_attempts::Entity::find()
        .filter(quiz_attempts::Column::QuizId.eq(quiz))
        .filter(quiz_attempts::Column::SubmittedAt.is_not_null())
        .filter(quiz_attempts::Column::StartedAt.gte(from))
        .filter(quiz_attempts::Column::StartedAt.lt(to));
    match scope {
        Scope::Everyone => select,
        Scope::Cohorts { trainer, module } => select.filter(Expr::exists(cohort_enrolments(
            trainer,
            module,
            Some(Expr::col((
                quiz_attempts::Entity,
                quiz_attempts::Column::UserId,
            ))),
            Some(Expr::col((
                quiz_attempts::Entity,
                quiz_attempts::Column::StartedAt,
            ))),
            None,
        ))),
    }
}

/// The people the results list for the year: whoever has an attempt in
/// scope, and for a trainer everyone confirmed in their sessions of the
/// year's programme, attempt or not. Both are uncorrelated `IN` subqueries,
/// computed once, never once per account.
pub fn listed(
    scope: Scope,
    quiz: i32,
    year: i32,
    bounds: (DateTime<Utc>, DateTime<Utc>),
) -> Condition {
    let took_it = attempts(scope, quiz, bounds)
        .select_only()
        .column(quiz_attempts::Column::UserId)
        .into_query();
    let listed = Condition::any().add(users::Column::Id.in_subquery(took_it));
    match scope {
        Scope::Everyone => listed,
        Scope::Cohorts { trainer, module } => {
            let mut cohort = cohort_enrolments(trainer, module, None, None, Some(year));
            cohort
                .clear_selects()
                .column((enrolments::Entity, enrolments::Column::UserId));
            listed.add(users::Column::Id.in_subquery(cohort))
        }
    }
}

/// For a trainer, since when each of `people` counts (their first
/// confirmed enrolment in one of the trainer's sessions of the module);
/// `None`: everything counts.
pub async fn since(
    db: &DatabaseConnection,
    scope: Scope,
    people: &[i32],
) -> Result<Option<HashMap<i32, DateTime<Utc>>>, AppError> {
    let Scope::Cohorts { trainer, module } = scope else {
        return Ok(None);
    };
    let rows: Vec<(i32, DateTime<Utc>)> = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::UserId)
        .column(enrolments::Column::EnrolledAt)
        .join(
            JoinType::InnerJoin,
            enrolments::Relation::TrainingSessions.def(),
        )
        .join(
            JoinType::InnerJoin,
            training_sessions::Relation::SessionTrainers.def(),
        )
        .filter(training_sessions::Column::ModuleId.eq(module))
        .filter(session_trainers::Column::UserId.eq(trainer))
        .filter(enrolments::Column::Status.eq("confirmee"))
        .filter(enrolments::Column::UserId.is_in(people.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let mut since: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for (user_id, enrolled_at) in rows {
        since
            .entry(user_id)
            .and_modify(|first| *first = Ord::min(*first, enrolled_at))
            .or_insert(enrolled_at);
    }
    Ok(Some(since))
}

/// Whether something a person did at `at` counts for the caller.
pub fn counts(
    since: Option<&HashMap<i32, DateTime<Utc>>>,
    user_id: i32,
    at: DateTime<Utc>,
) -> bool {
    since.is_none_or(|since| since.get(&user_id).is_some_and(|first| at >= *first))
}
