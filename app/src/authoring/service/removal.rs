//! Deleting unused modules, lessons and quizzes, and archiving or restoring
//! the ones that have served (`rules/removal.rs` says which is which). Each
//! change is one transaction with its audit entry; each answers with the page
//! to go back to.

use crate::db::BeginWrite;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QuerySelect,
};
use serde_json::json;

use crate::auth::CurrentUser;
use crate::authoring::rules::ordering::Target;
use crate::authoring::rules::removal::{Usage, may_archive, may_delete};
use crate::db::column;
use crate::db::entities::training_sessions;
use crate::db::entities::{lesson_progress, lessons, modules, quiz_attempts, quizzes};
use crate::error::AppError;
use crate::sessions::rules::Status;

/// An item of the workshop as removal sees it.
struct Item {
    title: String,
    /// The module it belongs to (itself for a module).
    module_id: i32,
    archived: bool,
}

async fn item(db: &impl ConnectionTrait, target: Target, id: i32) -> Result<Item, AppError> {
    match target {
        Target::Module => {
            let m = super::modules::find(db, id).await?;
            Ok(Item {
                title: m.title,
                module_id: m.id,
                archived: m.archived_at.is_some(),
            })
        }
        Target::Lesson => {
            let l = super::lessons::find(db, id).await?;
            Ok(Item {
                title: l.title,
                module_id: l.module_id,
                archived: l.archived_at.is_some(),
            })
        }
        Target::Quiz => {
            let q = super::quizzes::find(db, id).await?;
            Ok(Item {
                title: q.title,
                module_id: q.module_id,
                archived: q.archived_at.is_some(),
            })
        }
        _ => Err(AppError::invalid(
            "Seuls un module, une leçon ou un quiz peuvent être archivés ou supprimés.",
        )),
    }
}

/// The ids of the module's lessons or quizzes.
async fn ids_in<E>(db: &impl ConnectionTrait, module_id: i32) -> Result<Vec<i32>, AppError>
where
    E: EntityTrait,
{
    let module = column::<E>("module_id")?;
    let id = column::<E>("id")?;
    Ok(E::find()
        .select_only()
        .column(id)
        .filter(module.eq(module_id))
        .into_tuple::<i32>()
        .all(db)
        .await?)
}

/// What the item has served for.
async fn usage(db: &impl ConnectionTrait, target: Target, id: i32) -> Result<Usage, AppError> {
    let (lesson_ids, quiz_ids) = match target {
        Target::Module => (
            ids_in::<lessons::Entity>(db, id).await?,
            ids_in::<quizzes::Entity>(db, id).await?,
        ),
        Target::Lesson => (vec![id], Vec::new()),
        _ => (Vec::new(), vec![id]),
    };
    let sessions = |planned: bool| {
        let mut query =
            training_sessions::Entity::find().filter(training_sessions::Column::ModuleId.eq(id));
        if planned {
            query = query.filter(training_sessions::Column::Status.eq(Status::Planned.code()));
        }
        query
    };
    let (sessions, planned_sessions) = if target == Target::Module {
        (
            sessions(false).count(db).await?,
            sessions(true).count(db).await?,
        )
    } else {
        (0, 0)
    };
    Ok(Usage {
        sessions,
        planned_sessions,
        readers: lesson_progress::Entity::find()
            .filter(lesson_progress::Column::LessonId.is_in(lesson_ids))
            .count(db)
            .await?,
        attempts: quiz_attempts::Entity::find()
            .filter(quiz_attempts::Column::QuizId.is_in(quiz_ids))
            .count(db)
            .await?,
    })
}

fn back(target: Target, module_id: i32) -> String {
    match target {
        Target::Module => "/atelier".to_owned(),
        _ => format!("/atelier/modules/{module_id}"),
    }
}

fn what(target: Target) -> &'static str {
    match target {
        Target::Module => "Ce module",
        Target::Lesson => "Cette leçon",
        _ => "Ce quiz",
    }
}

/// Deletes an item nobody has used, with everything in it (a module's
/// lessons, resources, objectives, quizzes and questionnaires).
pub async fn delete(
    db: &DatabaseConnection,
    me: &CurrentUser,
    target: Target,
    id: i32,
    confirmed: Option<&str>,
) -> Result<String, AppError> {
    let txn = db.begin_write().await?;
    let item = item(&txn, target, id).await?;
    may_delete(what(target), usage(&txn, target, id).await?)?;
    crate::confirm::check_confirmed(confirmed)?;
    match target {
        Target::Module => modules::Entity::delete_by_id(id).exec(&txn).await?,
        Target::Lesson => lessons::Entity::delete_by_id(id).exec(&txn).await?,
        _ => quizzes::Entity::delete_by_id(id).exec(&txn).await?,
    };
    crate::audit::record(
        &txn,
        Some(me.id),
        "content_deleted",
        Some((target.code(), id)),
        Some(json!({ "title": item.title })),
    )
    .await?;
    txn.commit().await?;
    Ok(back(target, item.module_id))
}

/// Archives (hidden from learners and new sessions, withdrawn from
/// publication) or restores (as a draft) an item.
pub async fn archive(
    db: &DatabaseConnection,
    me: &CurrentUser,
    target: Target,
    id: i32,
    archived: bool,
) -> Result<String, AppError> {
    let txn = db.begin_write().await?;
    let item = item(&txn, target, id).await?;
    let page = back(target, item.module_id);
    if item.archived == archived {
        return Ok(page);
    }
    if archived && target == Target::Module {
        may_archive(usage(&txn, target, id).await?)?;
    }
    match target {
        Target::Module => {
            set_archived(&txn, super::modules::find(&txn, id).await?, archived).await?
        }
        Target::Lesson => {
            set_archived(&txn, super::lessons::find(&txn, id).await?, archived).await?
        }
        _ => set_archived(&txn, super::quizzes::find(&txn, id).await?, archived).await?,
    }
    let action = if archived {
        "content_archived"
    } else {
        "content_restored"
    };
    crate::audit::record(
        &txn,
        Some(me.id),
        action,
        Some((target.code(), id)),
        Some(json!({ "title": item.title })),
    )
    .await?;
    txn.commit().await?;
    Ok(page)
}

/// Sets `archived_at` (now, or none); archiving also withdraws the item.
async fn set_archived<M, A>(
    db: &impl ConnectionTrait,
    model: M,
    archived: bool,
) -> Result<(), AppError>
where
    M: IntoActiveModel<A>,
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let mut row = model.into_active_model();
    let now = chrono::Utc::now();
    let at: Option<chrono::DateTime<chrono::Utc>> = archived.then_some(now);
    row.try_set(column::<A::Entity>("archived_at")?, at.into())?;
    if archived {
        row.try_set(column::<A::Entity>("published")?, false.into())?;
    }
    row.try_set(column::<A::Entity>("updated_at")?, now.into())?;
    row.update(db).await?;
    Ok(())
}
