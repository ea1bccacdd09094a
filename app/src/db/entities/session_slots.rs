//! Table `session_slots`: the half-day slots of a training session.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "session_slots")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub day: Date,
    pub half_day: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub confirmed_at: Option<DateTimeUtc>,
    pub confirmed_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::training_sessions::Entity",
        from = "Column::SessionId",
        to = "super::training_sessions::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    TrainingSessions,
    /// The user who acted (`confirmed_by`). No `Related<users::Entity>` impl: users reach
    /// this table by other paths too, so joins name this relation explicitly.
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::ConfirmedBy",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    ConfirmedBy,
    #[sea_orm(has_many = "super::attendance_marks::Entity")]
    AttendanceMarks,
    #[sea_orm(has_many = "super::checkin_codes::Entity")]
    CheckinCodes,
}

impl Related<super::training_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TrainingSessions.def()
    }
}

impl Related<super::attendance_marks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AttendanceMarks.def()
    }
}

impl Related<super::checkin_codes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CheckinCodes.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
