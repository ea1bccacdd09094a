//! Table `attendance_marks`: one enrolled learner's attendance for one slot.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "attendance_marks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slot_id: i32,
    pub enrolment_id: i32,
    pub status: String,
    pub method: String,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::session_slots::Entity",
        from = "Column::SlotId",
        to = "super::session_slots::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    SessionSlots,
    #[sea_orm(
        belongs_to = "super::enrolments::Entity",
        from = "Column::EnrolmentId",
        to = "super::enrolments::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Enrolments,
    /// The user who acted (`recorded_by`). No `Related<users::Entity>` impl: users reach
    /// this table by other paths too, so joins name this relation explicitly.
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::RecordedBy",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    RecordedBy,
}

impl Related<super::session_slots::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SessionSlots.def()
    }
}

impl Related<super::enrolments::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Enrolments.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
