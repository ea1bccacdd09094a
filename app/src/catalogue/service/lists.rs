//! A module's ordered lists (objectives, lessons, resources), read the same
//! way by the catalogue and by the workshop.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::catalogue::types::{LessonLink, ResourceLink};
use crate::db::column;
use crate::db::entities::{lessons, resources};
use crate::error::AppError;

/// The rows of `E` (a table with `module_id` and `position` columns) that
/// belong to the module, drafts included, by position then id.
pub async fn listed<E: EntityTrait>(
    db: &impl ConnectionTrait,
    module_id: i32,
) -> Result<Vec<E::Model>, AppError> {
    Ok(E::find()
        .filter(column::<E>("module_id")?.eq(module_id))
        .order_by_asc(column::<E>("position")?)
        .order_by_asc(column::<E>("id")?)
        .all(db)
        .await?)
}

/// A module's resources, in their list's order.
pub async fn resources(
    db: &impl ConnectionTrait,
    module_id: i32,
) -> Result<Vec<ResourceLink>, AppError> {
    let rows = listed::<resources::Entity>(db, module_id).await?;
    Ok(rows
        .into_iter()
        .map(|r| ResourceLink {
            id: r.id,
            kind: r.kind,
            title: r.title,
            url: r.url,
            description: r.description,
        })
        .collect())
}

/// A lesson as a module's list shows it; `done` is the reader's progress.
pub fn lesson_link(lesson: lessons::Model, done: bool) -> LessonLink {
    LessonLink {
        id: lesson.id,
        position: lesson.position,
        title: lesson.title,
        estimated_minutes: lesson.estimated_minutes,
        published: lesson.published,
        done,
    }
}

#[cfg(test)]
mod tests {
    use crate::db::column;
    use crate::db::entities::{lessons, module_objectives, resources};

    #[test]
    fn every_list_has_a_module_and_a_position() {
        for name in ["module_id", "position", "id"] {
            assert!(column::<lessons::Entity>(name).is_ok(), "lessons.{name}");
            assert!(
                column::<resources::Entity>(name).is_ok(),
                "resources.{name}"
            );
            assert!(
                column::<module_objectives::Entity>(name).is_ok(),
                "module_objectives.{name}"
            );
        }
        assert!(column::<lessons::Entity>("no_such_column").is_err());
    }
}
