//! One lesson for its reader: rendered from Markdown, with the way to the
//! previous and next lessons, and « J’ai terminé cette leçon ».

use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::modules::module_detail;
use crate::auth::CurrentUser;
use crate::catalogue::rules::markdown::render;
use crate::catalogue::types::LessonPage;
use crate::db::entities::{lesson_progress, lessons, modules};
use crate::error::AppError;
use crate::visibility::may_see;

/// A lesson of a module, rendered, for a signed-in reader who may see it.
pub async fn lesson_page(
    db: &DatabaseConnection,
    slug: &str,
    lesson_id: i32,
    user: &CurrentUser,
) -> Result<LessonPage, AppError> {
    let detail = module_detail(db, slug, Some(user)).await?;
    let index = detail
        .lessons
        .iter()
        .position(|l| l.id == lesson_id)
        .ok_or(AppError::NotFound)?;
    let lesson = lessons::Entity::find_by_id(lesson_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let html = render(&lesson.body_markdown);
    Ok(LessonPage {
        id: lesson.id,
        module_slug: detail.facts.slug.clone(),
        module_title: detail.facts.title.clone(),
        position: i32::try_from(index + 1).unwrap_or(i32::MAX),
        title: lesson.title,
        estimated_minutes: lesson.estimated_minutes,
        published: lesson.published,
        html,
        done: detail.lessons[index].done,
        previous: index.checked_sub(1).map(|i| detail.lessons[i].id),
        next: detail.lessons.get(index + 1).map(|l| l.id),
        count: detail.lessons.len(),
    })
}

/// Marks a lesson read (or not) for `user`; only lessons they may see.
pub async fn mark_lesson(
    db: &DatabaseConnection,
    user: &CurrentUser,
    lesson_id: i32,
    done: bool,
) -> Result<String, AppError> {
    let (lesson, module) = lessons::Entity::find_by_id(lesson_id)
        .find_also_related(modules::Entity)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let module = module.ok_or(AppError::NotFound)?;
    if !may_see(user.role, lesson.published && module.published) {
        return Err(AppError::NotFound);
    }
    let key = lesson_progress::Entity::delete_many()
        .filter(lesson_progress::Column::UserId.eq(user.id))
        .filter(lesson_progress::Column::LessonId.eq(lesson_id));
    if done {
        let row = lesson_progress::ActiveModel {
            user_id: Set(user.id),
            lesson_id: Set(lesson_id),
            completed_at: Set(chrono::Utc::now()),
        };
        // Marking twice keeps the first date.
        lesson_progress::Entity::insert(row)
            .on_conflict_do_nothing_on([
                lesson_progress::Column::UserId,
                lesson_progress::Column::LessonId,
            ])
            .exec(db)
            .await?;
    } else {
        key.exec(db).await?;
    }
    Ok(module.slug)
}
