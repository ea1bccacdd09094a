//! Table `training_sessions`: a scheduled run of a module, with its place and rules.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "training_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub module_id: i32,
    pub title: String,
    pub mode: String,
    pub place_address: Option<String>,
    pub place_room: Option<String>,
    pub visio_url: Option<String>,
    pub capacity: i32,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub cancel_reason: Option<String>,
    pub programme_year: i32,
    pub enrolment_deadline: Option<DateTimeUtc>,
    pub min_attendance_percent: i32,
    pub requires_quiz_passed: bool,
    pub requires_post_assessment: bool,
    pub created_by: Option<i32>,
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
        on_delete = "Restrict"
    )]
    Modules,
    /// The user who acted (`created_by`). No `Related<users::Entity>` impl: users reach
    /// this table by other paths too, so joins name this relation explicitly.
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::CreatedBy",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    CreatedBy,
    #[sea_orm(has_many = "super::session_slots::Entity")]
    SessionSlots,
    #[sea_orm(has_many = "super::session_trainers::Entity")]
    SessionTrainers,
    #[sea_orm(has_many = "super::enrolments::Entity")]
    Enrolments,
}

impl Related<super::modules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Modules.def()
    }
}

impl Related<super::session_slots::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SessionSlots.def()
    }
}

impl Related<super::session_trainers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SessionTrainers.def()
    }
}

impl Related<super::enrolments::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Enrolments.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
