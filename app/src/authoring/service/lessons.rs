//! Lessons: creation (a draft, last of its module), the lesson being written
//! with the preview of its saved text, its update and its publication.

use crate::db::BeginWrite;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};

use super::{insert_draft, modules, placing};
use crate::authoring::rules::fields;
use crate::authoring::rules::removal::may_publish;
use crate::authoring::types::{LessonDraft, LessonUpdate, NewLesson};
use crate::db::entities::lessons;
use crate::error::AppError;

pub async fn find(db: &impl sea_orm::ConnectionTrait, id: i32) -> Result<lessons::Model, AppError> {
    super::find::<lessons::Entity>(db, id).await
}

pub async fn create(db: &DatabaseConnection, input: NewLesson) -> Result<i32, AppError> {
    let title = fields::title(&input.title)?;
    let minutes = fields::minutes("La durée estimée", &input.estimated_minutes)?;
    let txn = db.begin_write().await?;
    let module = modules::find(&txn, input.module_id).await?;
    let lesson = lessons::ActiveModel {
        module_id: Set(module.id),
        position: Set(placing::next_lesson(&txn, module.id).await?),
        title: Set(title),
        body_markdown: Set(String::new()),
        estimated_minutes: Set(minutes),
        ..Default::default()
    };
    Ok(insert_draft(txn, lesson).await?.id)
}

pub async fn draft(db: &DatabaseConnection, id: i32) -> Result<LessonDraft, AppError> {
    let lesson = find(db, id).await?;
    let module = modules::find(db, lesson.module_id).await?;
    Ok(LessonDraft {
        id: lesson.id,
        module_id: module.id,
        module_title: module.title,
        title: lesson.title,
        estimated_minutes: lesson.estimated_minutes,
        html: crate::catalogue::rules::markdown::render(&lesson.body_markdown),
        body_markdown: lesson.body_markdown,
        published: lesson.published,
        archived: lesson.archived_at.is_some(),
    })
}

/// The lesson text, checked for size (the preview and the save share the limit).
pub fn body(markdown: &str) -> Result<String, AppError> {
    if markdown.chars().count() > fields::MAX_LESSON_CHARS {
        return Err(AppError::invalid(format!(
            "Le texte de la leçon ne doit pas dépasser {} caractères.",
            fields::MAX_LESSON_CHARS
        )));
    }
    // Browsers send CRLF line ends from textareas; store what the author sees.
    Ok(markdown.replace("\r\n", "\n"))
}

pub async fn update(db: &DatabaseConnection, input: LessonUpdate) -> Result<(), AppError> {
    let title = fields::title(&input.title)?;
    let minutes = fields::minutes("La durée estimée", &input.estimated_minutes)?;
    let body = body(&input.body_markdown)?;
    let lesson = find(db, input.id).await?;
    if lesson.published && body.trim().is_empty() {
        return Err(AppError::invalid(
            "Une leçon publiée ne peut pas être vide : retirez-la de la publication d’abord.",
        ));
    }
    let mut active: lessons::ActiveModel = lesson.into();
    active.title = Set(title);
    active.estimated_minutes = Set(minutes);
    active.body_markdown = Set(body);
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    Ok(())
}

/// Publishes or withdraws a lesson; returns its module's id. An empty lesson stays a draft.
pub async fn publish(db: &DatabaseConnection, id: i32, published: bool) -> Result<i32, AppError> {
    let lesson = find(db, id).await?;
    if published {
        may_publish(lesson.archived_at.is_some())?;
    }
    if published && lesson.body_markdown.trim().is_empty() {
        return Err(AppError::invalid(
            "Cette leçon est vide : écrivez son texte avant de la publier.",
        ));
    }
    let module_id = lesson.module_id;
    let mut active: lessons::ActiveModel = lesson.into();
    active.published = Set(published);
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    Ok(module_id)
}
