//! Table `questionnaire_responses`: one enrolment's answers to a questionnaire, for one phase.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "questionnaire_responses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub questionnaire_id: i32,
    pub enrolment_id: i32,
    pub phase: String,
    pub submitted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::questionnaires::Entity",
        from = "Column::QuestionnaireId",
        to = "super::questionnaires::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Questionnaires,
    #[sea_orm(
        belongs_to = "super::enrolments::Entity",
        from = "Column::EnrolmentId",
        to = "super::enrolments::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Enrolments,
    #[sea_orm(has_many = "super::questionnaire_answers::Entity")]
    QuestionnaireAnswers,
}

impl Related<super::questionnaires::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Questionnaires.def()
    }
}

impl Related<super::enrolments::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Enrolments.def()
    }
}

impl Related<super::questionnaire_answers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuestionnaireAnswers.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
