//! Table `questionnaires`: versioned self-assessment and satisfaction questionnaires of a module.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "questionnaires")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub module_id: i32,
    pub kind: String,
    pub version: i32,
    pub current: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::modules::Entity",
        from = "Column::ModuleId",
        to = "super::modules::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Modules,
    #[sea_orm(has_many = "super::questionnaire_items::Entity")]
    QuestionnaireItems,
    #[sea_orm(has_many = "super::questionnaire_responses::Entity")]
    QuestionnaireResponses,
}

impl Related<super::modules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Modules.def()
    }
}

impl Related<super::questionnaire_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuestionnaireItems.def()
    }
}

impl Related<super::questionnaire_responses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuestionnaireResponses.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
