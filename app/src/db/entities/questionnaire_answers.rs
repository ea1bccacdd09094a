//! Table `questionnaire_answers`: the answer given to one item within a response.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "questionnaire_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub response_id: i32,
    pub item_id: i32,
    pub value_int: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub value_text: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::questionnaire_responses::Entity",
        from = "Column::ResponseId",
        to = "super::questionnaire_responses::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    QuestionnaireResponses,
    #[sea_orm(
        belongs_to = "super::questionnaire_items::Entity",
        from = "Column::ItemId",
        to = "super::questionnaire_items::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    QuestionnaireItems,
}

impl Related<super::questionnaire_responses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuestionnaireResponses.def()
    }
}

impl Related<super::questionnaire_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuestionnaireItems.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
