//! Table `questionnaire_items`: the items of one questionnaire version.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "questionnaire_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub questionnaire_id: i32,
    pub position: i32,
    #[sea_orm(column_type = "Text")]
    pub prompt: String,
    pub item_type: String,
    pub objective_id: Option<i32>,
    pub is_crisis_item: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::questionnaires::Entity",
        from = "Column::QuestionnaireId",
        to = "super::questionnaires::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Questionnaires,
    #[sea_orm(
        belongs_to = "super::module_objectives::Entity",
        from = "Column::ObjectiveId",
        to = "super::module_objectives::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    ModuleObjectives,
    #[sea_orm(has_many = "super::questionnaire_answers::Entity")]
    QuestionnaireAnswers,
}

impl Related<super::questionnaires::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Questionnaires.def()
    }
}

impl Related<super::module_objectives::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ModuleObjectives.def()
    }
}

impl Related<super::questionnaire_answers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuestionnaireAnswers.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
