//! Modules: the list with drafts, creation (slug from the title), the outline
//! of one module, and the update of its fields and objectives.

use crate::db::BeginWrite;
use std::collections::HashSet;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder,
};

use super::{insert_draft, placing};
use crate::authoring::rules::fields;
use crate::authoring::rules::removal::may_publish;
use crate::authoring::types::{
    LessonItem, ModuleOutline, ModuleRow, ModuleUpdate, NewModule, ObjectiveItem, QuizItem,
};
use crate::catalogue::service::lists::{self, lesson_link, listed};
use crate::db::entities::{lessons, module_objectives, modules, questions, quizzes};
use crate::error::AppError;

pub async fn list(db: &DatabaseConnection) -> Result<Vec<ModuleRow>, AppError> {
    let rows = modules::Entity::find()
        .order_by_asc(modules::Column::Position)
        .order_by_asc(modules::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for m in rows {
        let lessons = lessons::Entity::find()
            .filter(lessons::Column::ModuleId.eq(m.id))
            .count(db)
            .await?;
        let quizzes = quizzes::Entity::find()
            .filter(quizzes::Column::ModuleId.eq(m.id))
            .count(db)
            .await?;
        out.push(ModuleRow {
            id: m.id,
            slug: m.slug,
            title: m.title,
            published: m.published,
            archived: m.archived_at.is_some(),
            lessons: usize::try_from(lessons).unwrap_or(usize::MAX),
            quizzes: usize::try_from(quizzes).unwrap_or(usize::MAX),
        });
    }
    Ok(out)
}

/// A slug free in the catalogue: the title's, or followed by `-2`, `-3`…
async fn free_slug(db: &impl sea_orm::ConnectionTrait, title: &str) -> Result<String, AppError> {
    let base = fields::slug(title);
    let taken: HashSet<String> = modules::Entity::find()
        .filter(modules::Column::Slug.starts_with(&base))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.slug)
        .collect();
    let slug = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|s| !taken.contains(s))
        .unwrap_or(base);
    Ok(slug)
}

/// A new draft module, last in the catalogue; returns its id.
pub async fn create(db: &DatabaseConnection, input: NewModule) -> Result<i32, AppError> {
    let title = fields::title(&input.title)?;
    let duration = fields::minutes("La durée", &input.duration_minutes)?;
    let txn = db.begin_write().await?;
    let module = modules::ActiveModel {
        slug: Set(free_slug(&txn, &title).await?),
        title: Set(title),
        summary: Set(String::new()),
        duration_minutes: Set(duration),
        audience: Set(String::new()),
        prerequisites: Set(String::new()),
        position: Set(placing::next_module(&txn).await?),
        ..Default::default()
    };
    Ok(insert_draft(txn, module).await?.id)
}

pub async fn find(db: &impl sea_orm::ConnectionTrait, id: i32) -> Result<modules::Model, AppError> {
    super::find::<modules::Entity>(db, id).await
}

pub async fn objectives(
    db: &impl sea_orm::ConnectionTrait,
    module_id: i32,
) -> Result<Vec<module_objectives::Model>, AppError> {
    listed::<module_objectives::Entity>(db, module_id).await
}

/// The module's objectives as the outline and the question form list them.
pub async fn objective_items(
    db: &impl sea_orm::ConnectionTrait,
    module_id: i32,
) -> Result<Vec<ObjectiveItem>, AppError> {
    let rows = objectives(db, module_id).await?;
    Ok(rows
        .into_iter()
        .map(|o| ObjectiveItem {
            id: o.id,
            label: o.label,
        })
        .collect())
}

pub async fn outline(db: &DatabaseConnection, id: i32) -> Result<ModuleOutline, AppError> {
    let module = find(db, id).await?;
    let objectives = objective_items(db, id).await?;
    let lessons = listed::<lessons::Entity>(db, id).await?;
    let resources = lists::resources(db, id).await?;
    let quizzes = quizzes::Entity::find()
        .filter(quizzes::Column::ModuleId.eq(id))
        .order_by_asc(quizzes::Column::Id)
        .find_with_related(questions::Entity)
        .all(db)
        .await?;
    let archived = module.archived_at.is_some();
    Ok(ModuleOutline {
        facts: module.into(),
        archived,
        objectives,
        lessons: lessons
            .into_iter()
            .map(|l| LessonItem {
                archived: l.archived_at.is_some(),
                link: lesson_link(l, false),
            })
            .collect(),
        resources,
        quizzes: quizzes
            .into_iter()
            .map(|(q, questions)| QuizItem {
                id: q.id,
                title: q.title,
                published: q.published,
                archived: q.archived_at.is_some(),
                questions: questions.len(),
            })
            .collect(),
    })
}

/// Updates the module's fields; objectives are matched by position, so that an
/// edited line keeps its questions; extra lines are added, missing ones removed
/// (their questions then have no objective).
pub async fn update(db: &DatabaseConnection, input: ModuleUpdate) -> Result<(), AppError> {
    let title = fields::title(&input.title)?;
    let summary = fields::text("Le résumé", &input.summary, fields::MAX_TEXT_CHARS, false)?;
    let duration = fields::minutes("La durée", &input.duration_minutes)?;
    let audience = fields::text("Le public", &input.audience, fields::MAX_TEXT_CHARS, false)?;
    let prerequisites = fields::text(
        "Les prérequis",
        &input.prerequisites,
        fields::MAX_TEXT_CHARS,
        false,
    )?;
    let wanted = fields::list("Les objectifs", &input.objectives, 500)?;
    if wanted.len() > 30 {
        return Err(AppError::invalid("Un module a au plus 30 objectifs."));
    }
    let txn = db.begin_write().await?;
    let module = find(&txn, input.id).await?;
    let existing = objectives(&txn, module.id).await?;
    let mut codes: HashSet<String> = existing.iter().map(|o| o.code.clone()).collect();
    for (index, label) in wanted.iter().enumerate() {
        let position = i32::try_from(index + 1).unwrap_or(i32::MAX);
        match existing.get(index) {
            Some(o) if o.label == *label && o.position == position => {}
            Some(o) => {
                let mut active: module_objectives::ActiveModel = o.clone().into();
                active.label = Set(label.clone());
                active.position = Set(position);
                active.update(&txn).await?;
            }
            None => {
                let code = (position..)
                    .map(|n| format!("objectif_{n}"))
                    .find(|c| !codes.contains(c))
                    .unwrap_or_default();
                codes.insert(code.clone());
                module_objectives::ActiveModel {
                    module_id: Set(module.id),
                    position: Set(position),
                    code: Set(code),
                    label: Set(label.clone()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    for stale in existing.iter().skip(wanted.len()) {
        module_objectives::Entity::delete_by_id(stale.id)
            .exec(&txn)
            .await?;
    }
    let mut active: modules::ActiveModel = module.into();
    active.title = Set(title);
    active.summary = Set(summary);
    active.duration_minutes = Set(duration);
    active.audience = Set(audience);
    active.prerequisites = Set(prerequisites);
    active.updated_at = Set(chrono::Utc::now());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Publishes or withdraws a module; a module is published only with a lesson.
pub async fn publish(db: &DatabaseConnection, id: i32, published: bool) -> Result<(), AppError> {
    let module = find(db, id).await?;
    if published {
        may_publish(module.archived_at.is_some())?;
    }
    if published {
        let lessons = lessons::Entity::find()
            .filter(lessons::Column::ModuleId.eq(id))
            .filter(lessons::Column::Published.eq(true))
            .count(db)
            .await?;
        if lessons == 0 {
            return Err(AppError::invalid(
                "Publiez au moins une leçon de ce module avant de publier le module.",
            ));
        }
    }
    let mut active: modules::ActiveModel = module.into();
    active.published = Set(published);
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    Ok(())
}
