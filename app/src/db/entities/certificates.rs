//! Table `certificates`: the certificate of an enrolment, one number forever, revised on re-issue.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub enrolment_id: i32,
    #[sea_orm(unique)]
    pub number: String,
    #[sea_orm(unique)]
    pub verification_code: String,
    pub revision: i32,
    pub attended_minutes: i32,
    pub issued_by: Option<i32>,
    pub issued_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    /// Why it was revoked (set with `revoked_at`), told to the holder, never public.
    pub revocation_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::enrolments::Entity",
        from = "Column::EnrolmentId",
        to = "super::enrolments::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Enrolments,
    /// The user who acted (`issued_by`). No `Related<users::Entity>` impl: users reach
    /// this table by other paths too, so joins name this relation explicitly.
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::IssuedBy",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    IssuedBy,
}

impl Related<super::enrolments::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Enrolments.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
