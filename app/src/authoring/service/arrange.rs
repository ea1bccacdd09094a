//! The two buttons found on every list: publish / withdraw, and move up / down.
//! Each answers with the page to go back to.

use sea_orm::DatabaseConnection;

use super::{lessons, modules, placing, questions, quizzes, resources};
use crate::authoring::rules::ordering::Target;
use crate::authoring::types::{MoveInput, PublishInput};
use crate::error::AppError;

fn module_page(id: i32) -> String {
    format!("/atelier/modules/{id}")
}

pub async fn publish(db: &DatabaseConnection, input: PublishInput) -> Result<String, AppError> {
    match input.target {
        Target::Module => {
            modules::publish(db, input.id, input.published).await?;
            Ok("/atelier".to_owned())
        }
        Target::Lesson => Ok(module_page(
            lessons::publish(db, input.id, input.published).await?,
        )),
        Target::Quiz => Ok(module_page(
            quizzes::publish(db, input.id, input.published).await?,
        )),
        _ => Err(AppError::invalid(
            "Seuls un module, une leçon ou un quiz peuvent être publiés.",
        )),
    }
}

pub async fn shift(db: &DatabaseConnection, input: MoveInput) -> Result<String, AppError> {
    let direction = input.direction;
    match input.target {
        Target::Module => {
            modules::find(db, input.id).await?;
            placing::move_module(db, input.id, direction).await?;
            Ok("/atelier".to_owned())
        }
        Target::Lesson => {
            let module_id = lessons::find(db, input.id).await?.module_id;
            placing::move_lesson(db, module_id, input.id, direction).await?;
            Ok(module_page(module_id))
        }
        Target::Resource => {
            let module_id = resources::find(db, input.id).await?.module_id;
            placing::move_resource(db, module_id, input.id, direction).await?;
            Ok(module_page(module_id))
        }
        Target::Question => {
            let quiz_id = questions::quiz_of(db, input.id).await?;
            placing::move_question(db, quiz_id, input.id, direction).await?;
            Ok(format!("/atelier/quiz/{quiz_id}"))
        }
        _ => Err(AppError::invalid(
            "Seuls un module, une leçon, une ressource ou une question peuvent être déplacés.",
        )),
    }
}
