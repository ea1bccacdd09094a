//! What the catalogue's rows (modules, lessons, quizzes) share in the demo:
//! they are published, created and updated when the demo is loaded.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, Value,
};

type Model<A> = <<A as ActiveModelTrait>::Entity as EntityTrait>::Model;

/// Inserts `row` with `published`, `created_at` and `updated_at` set; returns it.
pub async fn insert_published<A>(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    mut row: A,
) -> anyhow::Result<Model<A>>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    Model<A>: IntoActiveModel<A>,
{
    let values: [(&str, Value); 3] = [
        ("published", true.into()),
        ("created_at", now.into()),
        ("updated_at", now.into()),
    ];
    for (name, value) in values {
        let column = name
            .parse::<<A::Entity as EntityTrait>::Column>()
            .map_err(|_| anyhow::anyhow!("no column {name}"))?;
        row.try_set(column, value)?;
    }
    Ok(row.insert(txn).await?)
}
