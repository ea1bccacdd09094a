//! Table `lessons`: the ordered lessons of a module, written in Markdown.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "lessons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub module_id: i32,
    pub position: i32,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub body_markdown: String,
    pub estimated_minutes: i32,
    pub published: bool,
    /// Set while archived: hidden from learners and new sessions, kept for history.
    pub archived_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
    #[sea_orm(has_many = "super::lesson_progress::Entity")]
    LessonProgress,
}

impl Related<super::modules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Modules.def()
    }
}

impl Related<super::lesson_progress::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LessonProgress.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
