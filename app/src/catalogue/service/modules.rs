//! The catalogue's modules as learners and authors see them: the published
//! list, and one module with its lessons, quizzes and resources.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::lists::{self, lesson_link, listed};
use crate::auth::CurrentUser;
use crate::catalogue::types::{ModuleDetail, ModuleFacts, ModuleSummary, QuizLink};
use crate::db::entities::{lesson_progress, lessons, module_objectives, modules, quizzes};
use crate::error::AppError;
use crate::visibility::may_see;

/// Every module, drafts included, in catalogue order.
pub async fn in_catalogue_order(
    db: &impl sea_orm::ConnectionTrait,
) -> Result<Vec<modules::Model>, AppError> {
    Ok(modules::Entity::find()
        .order_by_asc(modules::Column::Position)
        .order_by_asc(modules::Column::Id)
        .all(db)
        .await?)
}

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
    let objectives = listed::<module_objectives::Entity>(db, module.id).await?;
    let lesson_rows = listed::<lessons::Entity>(db, module.id).await?;
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
    let resources = lists::resources(db, module.id).await?;
    let quizzes = quizzes::Entity::find()
        .filter(quizzes::Column::ModuleId.eq(module.id))
        .order_by_asc(quizzes::Column::Id)
        .all(db)
        .await?;
    Ok(ModuleDetail {
        facts: module.into(),
        objectives: objectives.into_iter().map(|o| o.label).collect(),
        lessons: lesson_rows
            .into_iter()
            .filter(|l| sees(l.published))
            .map(|l| {
                let read = done.contains(&l.id);
                lesson_link(l, read)
            })
            .collect(),
        resources,
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
        author: user.is_some_and(|u| crate::visibility::is_author(u.role)),
    })
}

impl From<modules::Model> for ModuleFacts {
    fn from(module: modules::Model) -> Self {
        Self {
            id: module.id,
            slug: module.slug,
            title: module.title,
            summary: module.summary,
            duration_minutes: module.duration_minutes,
            audience: module.audience,
            prerequisites: module.prerequisites,
            published: module.published,
        }
    }
}
