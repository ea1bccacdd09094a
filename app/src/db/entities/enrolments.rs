//! Table `enrolments`: a learner's place in a training session (or on its waiting list).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "enrolments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub user_id: i32,
    pub status: String,
    pub enrolled_at: DateTimeUtc,
    pub confirmed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    /// The person's sector when they enrolled (their own, else their structure's).
    pub snapshot_sector: Option<String>,
    /// The person's profession when they enrolled.
    pub snapshot_profession: Option<String>,
    /// The person's structure when they enrolled.
    pub snapshot_structure_id: Option<i32>,
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
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Users,
    #[sea_orm(has_many = "super::attendance_marks::Entity")]
    AttendanceMarks,
    #[sea_orm(has_many = "super::questionnaire_responses::Entity")]
    QuestionnaireResponses,
    #[sea_orm(has_one = "super::certificates::Entity")]
    Certificates,
}

impl Related<super::training_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TrainingSessions.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Users.def()
    }
}

impl Related<super::attendance_marks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AttendanceMarks.def()
    }
}

impl Related<super::questionnaire_responses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuestionnaireResponses.def()
    }
}

impl Related<super::certificates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Certificates.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
