//! Table `questions`: the questions of a quiz, optionally tied to an objective.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub quiz_id: i32,
    pub position: i32,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub prompt: String,
    #[sea_orm(column_type = "Text")]
    pub feedback: String,
    pub objective_id: Option<i32>,
    pub points: i32,
    pub accepted_answers: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::quizzes::Entity",
        from = "Column::QuizId",
        to = "super::quizzes::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Quizzes,
    #[sea_orm(
        belongs_to = "super::module_objectives::Entity",
        from = "Column::ObjectiveId",
        to = "super::module_objectives::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    ModuleObjectives,
    #[sea_orm(has_many = "super::choices::Entity")]
    Choices,
    #[sea_orm(has_many = "super::attempt_answers::Entity")]
    AttemptAnswers,
}

impl Related<super::quizzes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Quizzes.def()
    }
}

impl Related<super::module_objectives::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ModuleObjectives.def()
    }
}

impl Related<super::choices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Choices.def()
    }
}

impl Related<super::attempt_answers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AttemptAnswers.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
