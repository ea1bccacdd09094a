//! Where items go among their siblings: last when created, one place up or
//! down when moved (see [`crate::authoring::rules::ordering::reorder`]).

use crate::db::BeginWrite;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::authoring::rules::ordering::{Direction, reorder};
use crate::db::entities::{lessons, modules, questions, resources};
use crate::error::AppError;

/// The columns of an ordered entity: its id, its position, and its parent (none for modules).
struct Ordered<E: EntityTrait> {
    id: E::Column,
    position: E::Column,
    parent: Option<(E::Column, i32)>,
}

impl<E: EntityTrait> Ordered<E> {
    fn select(&self) -> sea_orm::Select<E> {
        let select = E::find();
        match self.parent {
            Some((column, parent)) => select.filter(column.eq(parent)),
            None => select,
        }
    }

    async fn next_position(&self, db: &impl ConnectionTrait) -> Result<i32, AppError> {
        let max: Option<Option<i32>> = self
            .select()
            .select_only()
            .column_as(
                Expr::expr(Func::max(Expr::col(self.position))),
                "max_position",
            )
            .into_tuple()
            .one(db)
            .await?;
        Ok(max.flatten().unwrap_or(0) + 1)
    }

    async fn sibling_ids(&self, db: &impl ConnectionTrait) -> Result<Vec<i32>, AppError> {
        Ok(self
            .select()
            .select_only()
            .column(self.id)
            .order_by_asc(self.position)
            .order_by_asc(self.id)
            .into_tuple()
            .all(db)
            .await?)
    }

    /// Moves `id` and renumbers the siblings 1, 2, 3…, in one transaction.
    async fn shift(
        &self,
        db: &DatabaseConnection,
        id: i32,
        direction: Direction,
    ) -> Result<(), AppError> {
        let txn = db.begin_write().await?;
        let ids = self.sibling_ids(&txn).await?;
        if let Some(order) = reorder(&ids, id, direction) {
            for (position, id) in (1..).zip(order) {
                E::update_many()
                    .col_expr(self.position, Expr::value(position))
                    .filter(self.id.eq(id))
                    .exec(&txn)
                    .await?;
            }
        }
        txn.commit().await?;
        Ok(())
    }
}

fn modules_order() -> Ordered<modules::Entity> {
    Ordered {
        id: modules::Column::Id,
        position: modules::Column::Position,
        parent: None,
    }
}

fn lessons_of(module_id: i32) -> Ordered<lessons::Entity> {
    Ordered {
        id: lessons::Column::Id,
        position: lessons::Column::Position,
        parent: Some((lessons::Column::ModuleId, module_id)),
    }
}

fn resources_of(module_id: i32) -> Ordered<resources::Entity> {
    Ordered {
        id: resources::Column::Id,
        position: resources::Column::Position,
        parent: Some((resources::Column::ModuleId, module_id)),
    }
}

fn questions_of(quiz_id: i32) -> Ordered<questions::Entity> {
    Ordered {
        id: questions::Column::Id,
        position: questions::Column::Position,
        parent: Some((questions::Column::QuizId, quiz_id)),
    }
}

pub async fn next_module(db: &impl ConnectionTrait) -> Result<i32, AppError> {
    modules_order().next_position(db).await
}

pub async fn next_lesson(db: &impl ConnectionTrait, module_id: i32) -> Result<i32, AppError> {
    lessons_of(module_id).next_position(db).await
}

pub async fn next_resource(db: &impl ConnectionTrait, module_id: i32) -> Result<i32, AppError> {
    resources_of(module_id).next_position(db).await
}

pub async fn next_question(db: &impl ConnectionTrait, quiz_id: i32) -> Result<i32, AppError> {
    questions_of(quiz_id).next_position(db).await
}

pub async fn move_module(
    db: &DatabaseConnection,
    id: i32,
    direction: Direction,
) -> Result<(), AppError> {
    modules_order().shift(db, id, direction).await
}

pub async fn move_lesson(
    db: &DatabaseConnection,
    module_id: i32,
    id: i32,
    direction: Direction,
) -> Result<(), AppError> {
    lessons_of(module_id).shift(db, id, direction).await
}

pub async fn move_resource(
    db: &DatabaseConnection,
    module_id: i32,
    id: i32,
    direction: Direction,
) -> Result<(), AppError> {
    resources_of(module_id).shift(db, id, direction).await
}

pub async fn move_question(
    db: &DatabaseConnection,
    quiz_id: i32,
    id: i32,
    direction: Direction,
) -> Result<(), AppError> {
    questions_of(quiz_id).shift(db, id, direction).await
}
