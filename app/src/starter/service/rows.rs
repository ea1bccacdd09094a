//! What the starter's catalogue rows (modules, lessons, quizzes) share: their
//! publication flag and their creation and update times.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, Value,
};

use crate::error::AppError;
use crate::starter::rules::Publication;

type Model<A> = <<A as ActiveModelTrait>::Entity as EntityTrait>::Model;

/// Inserts `row` with `published`, `created_at` and `updated_at` set; returns it.
pub async fn insert_stamped<A>(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    publication: Publication,
    mut row: A,
) -> Result<Model<A>, AppError>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    Model<A>: IntoActiveModel<A>,
{
    let values: [(&str, Value); 3] = [
        ("published", publication.is_published().into()),
        ("created_at", now.into()),
        ("updated_at", now.into()),
    ];
    for (name, value) in values {
        let column = name
            .parse::<<A::Entity as EntityTrait>::Column>()
            .map_err(|_| AppError::internal(anyhow::anyhow!("no column {name}")))?;
        row.try_set(column, value)?;
    }
    Ok(row.insert(db).await?)
}
