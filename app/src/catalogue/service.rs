//! Catalogue queries (server only).

use std::collections::HashSet;

use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use super::access::may_see;
use super::types::{LessonLink, LessonPage, ModuleDetail, ModuleSummary, QuizLink, ResourceLink};
use crate::auth::CurrentUser;
use crate::db::entities::{
    lesson_progress, lessons, module_objectives, modules, quizzes, resources,
};
use crate::error::AppError;

/// Published modules with their objectives, in catalogue order (two queries).
pub async fn published_modules(db: &DatabaseConnection) -> Result<Vec<ModuleSummary>, AppError> {
    let rows = modules::Entity::find()
        .filter(modules::Column::Published.eq(true))
        .order_by_asc(modules::Column::Position)
        .order_by_asc(modules::Column::Id)
        .find_with_related(module_objectives::Entity)
        .order_by_asc(module_objectives::Column::Position)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(module, objectives)| ModuleSummary {
            slug: module.slug,
            title: module.title,
            summary: module.summary,
            duration_minutes: module.duration_minutes,
            audience: module.audience,
            objectives: objectives.into_iter().map(|o| o.label).collect(),
        })
        .collect())
}

/// A module's page for `user` (`None`: a visitor): published content, or
/// everything for authors; `NotFound` for a draft module seen by a learner.
pub async fn module_detail(
    db: &DatabaseConnection,
    slug: &str,
    user: Option<&CurrentUser>,
) -> Result<ModuleDetail, AppError> {
    let module = modules::Entity::find()
        .filter(modules::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let sees = |published: bool| user.map_or(published, |u| may_see(u.role, published));
    if !sees(module.published) {
        return Err(AppError::NotFound);
    }
    let objectives = module_objectives::Entity::find()
        .filter(module_objectives::Column::ModuleId.eq(module.id))
        .order_by_asc(module_objectives::Column::Position)
        .all(db)
        .await?;
    let lesson_rows = lessons::Entity::find()
        .filter(lessons::Column::ModuleId.eq(module.id))
        .order_by_asc(lessons::Column::Position)
        .order_by_asc(lessons::Column::Id)
        .all(db)
        .await?;
    let done: HashSet<i32> = match user {
        Some(u) => lesson_progress::Entity::find()
            .filter(lesson_progress::Column::UserId.eq(u.id))
            .filter(lesson_progress::Column::LessonId.is_in(lesson_rows.iter().map(|l| l.id)))
            .all(db)
            .await?
            .into_iter()
            .map(|p| p.lesson_id)
            .collect(),
        None => HashSet::new(),
    };
    let resources = resources::Entity::find()
        .filter(resources::Column::ModuleId.eq(module.id))
        .order_by_asc(resources::Column::Position)
        .order_by_asc(resources::Column::Id)
        .all(db)
        .await?;
    let quizzes = quizzes::Entity::find()
        .filter(quizzes::Column::ModuleId.eq(module.id))
        .order_by_asc(quizzes::Column::Id)
        .all(db)
        .await?;
    Ok(ModuleDetail {
        id: module.id,
        slug: module.slug,
        title: module.title,
        summary: module.summary,
        duration_minutes: module.duration_minutes,
        audience: module.audience,
        prerequisites: module.prerequisites,
        published: module.published,
        objectives: objectives.into_iter().map(|o| o.label).collect(),
        lessons: lesson_rows
            .into_iter()
            .filter(|l| sees(l.published))
            .map(|l| LessonLink {
                done: done.contains(&l.id),
                id: l.id,
                position: l.position,
                title: l.title,
                estimated_minutes: l.estimated_minutes,
                published: l.published,
            })
            .collect(),
        resources: resources
            .into_iter()
            .map(|r| ResourceLink {
                kind: r.kind,
                title: r.title,
                url: r.url,
                description: r.description,
            })
            .collect(),
        quizzes: quizzes
            .into_iter()
            .filter(|q| sees(q.published))
            .map(|q| QuizLink {
                id: q.id,
                title: q.title,
                published: q.published,
            })
            .collect(),
        signed_in: user.is_some(),
        author: user.is_some_and(|u| super::access::is_author(u.role)),
    })
}

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
    let html = crate::catalogue::markdown::render(&lesson.body_markdown);
    Ok(LessonPage {
        id: lesson.id,
        module_slug: detail.slug.clone(),
        module_title: detail.title.clone(),
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
