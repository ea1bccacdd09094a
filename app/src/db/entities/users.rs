//! Table `users`: everyone who signs in to Relais (learners, trainers, coordinators).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: Option<String>,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub profession: Option<String>,
    pub sector: Option<String>,
    pub structure_id: Option<i32>,
    pub active: bool,
    /// When the person proved they receive mail at `email` (NULL: not yet).
    pub email_verified_at: Option<DateTimeUtc>,
    /// The last time the person signed in (NULL: never), one of the
    /// activities an account is kept after (`privacy::rules::retention`).
    pub last_sign_in_at: Option<DateTimeUtc>,
    pub erasure_requested_at: Option<DateTimeUtc>,
    pub erased_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::structures::Entity",
        from = "Column::StructureId",
        to = "super::structures::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Structures,
    #[sea_orm(has_many = "super::enrolments::Entity")]
    Enrolments,
    #[sea_orm(has_many = "super::lesson_progress::Entity")]
    LessonProgress,
    #[sea_orm(has_many = "super::quiz_attempts::Entity")]
    QuizAttempts,
    #[sea_orm(has_many = "super::session_trainers::Entity")]
    SessionTrainers,
    #[sea_orm(has_many = "super::auth_sessions::Entity")]
    AuthSessions,
    #[sea_orm(has_many = "super::password_resets::Entity")]
    PasswordResets,
    /// As the acting user: reverse of `training_sessions::Relation::CreatedBy`, joined explicitly.
    #[sea_orm(
        has_many = "super::training_sessions::Entity",
        via_rel = "Relation::CreatedBy"
    )]
    CreatedSessions,
    /// As the acting user: reverse of `session_slots::Relation::ConfirmedBy`, joined explicitly.
    #[sea_orm(
        has_many = "super::session_slots::Entity",
        via_rel = "Relation::ConfirmedBy"
    )]
    ConfirmedSlots,
    /// As the acting user: reverse of `attendance_marks::Relation::RecordedBy`, joined explicitly.
    #[sea_orm(
        has_many = "super::attendance_marks::Entity",
        via_rel = "Relation::RecordedBy"
    )]
    RecordedAttendanceMarks,
    /// As the acting user: reverse of `certificates::Relation::IssuedBy`, joined explicitly.
    #[sea_orm(
        has_many = "super::certificates::Entity",
        via_rel = "Relation::IssuedBy"
    )]
    IssuedCertificates,
    /// As the acting user: reverse of `audit_log::Relation::Actor`, joined explicitly.
    #[sea_orm(has_many = "super::audit_log::Entity", via_rel = "Relation::Actor")]
    AuditEntries,
}

impl Related<super::structures::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Structures.def()
    }
}

impl Related<super::enrolments::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Enrolments.def()
    }
}

impl Related<super::lesson_progress::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LessonProgress.def()
    }
}

impl Related<super::quiz_attempts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QuizAttempts.def()
    }
}

impl Related<super::session_trainers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SessionTrainers.def()
    }
}

impl Related<super::auth_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AuthSessions.def()
    }
}

impl Related<super::password_resets::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PasswordResets.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
