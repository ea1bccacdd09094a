//! A person's progress across the published modules (server only): lessons
//! marked done out of published lessons, and the best submitted quiz score.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::auth::CurrentUser;
use crate::catalogue::types::ModuleProgress;
use crate::db::entities::{lesson_progress, lessons, modules, quiz_attempts, quizzes};
use crate::error::AppError;
use crate::quiz::rules::grading::percent;

pub async fn my_progress(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<ModuleProgress>, AppError> {
    let modules = modules::Entity::find()
        .filter(modules::Column::Published.eq(true))
        .order_by_asc(modules::Column::Position)
        .all(db)
        .await?;
    let lessons = lessons::Entity::find()
        .filter(lessons::Column::Published.eq(true))
        .all(db)
        .await?;
    let done: Vec<i32> = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(user.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.lesson_id)
        .collect();
    let quiz_module: HashMap<i32, i32> = quizzes::Entity::find()
        .filter(quizzes::Column::Published.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|q| (q.id, q.module_id))
        .collect();
    let mut best: HashMap<i32, f64> = HashMap::new();
    for a in quiz_attempts::Entity::find()
        .filter(quiz_attempts::Column::UserId.eq(user.id))
        .filter(quiz_attempts::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?
    {
        let (Some(module), Some(score), Some(max)) =
            (quiz_module.get(&a.quiz_id), a.score, a.max_score)
        else {
            continue;
        };
        let p = percent(score, max);
        best.entry(*module)
            .and_modify(|b| *b = b.max(p))
            .or_insert(p);
    }
    Ok(modules
        .into_iter()
        .map(|m| {
            let of_module: Vec<i32> = lessons
                .iter()
                .filter(|l| l.module_id == m.id)
                .map(|l| l.id)
                .collect();
            ModuleProgress {
                lessons_done: of_module.iter().filter(|id| done.contains(id)).count(),
                lessons_total: of_module.len(),
                best_quiz_percent: best.get(&m.id).copied(),
                slug: m.slug,
                title: m.title,
            }
        })
        .collect())
}
