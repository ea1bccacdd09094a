//! Table `modules`: the training modules of the catalogue.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "modules")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    pub duration_minutes: i32,
    #[sea_orm(column_type = "Text")]
    pub audience: String,
    #[sea_orm(column_type = "Text")]
    pub prerequisites: String,
    pub position: i32,
    pub published: bool,
    /// Set while archived: hidden from learners and new sessions, kept for history.
    pub archived_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::module_objectives::Entity")]
    ModuleObjectives,
    #[sea_orm(has_many = "super::lessons::Entity")]
    Lessons,
    #[sea_orm(has_many = "super::resources::Entity")]
    Resources,
    #[sea_orm(has_many = "super::quizzes::Entity")]
    Quizzes,
    #[sea_orm(has_many = "super::programme_plans::Entity")]
    ProgrammePlans,
    #[sea_orm(has_many = "super::training_sessions::Entity")]
    TrainingSessions,
    #[sea_orm(has_many = "super::questionnaires::Entity")]
    Questionnaires,
}

impl Related<super::module_objectives::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ModuleObjectives.def()
    }
}

impl Related<super::lessons::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lessons.def()
    }
}

impl Related<super::resources::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Resources.def()
    }
}

impl Related<super::quizzes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Quizzes.def()
    }
}

impl Related<super::programme_plans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProgrammePlans.def()
    }
}

impl Related<super::training_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TrainingSessions.def()
    }
}

impl Related<super::questionnaires::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Questionnaires.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
