//! Table `certificate_revisions`: each issue of a certificate, with what it certified and its PDF.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "certificate_revisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub certificate_id: i32,
    pub revision: i32,
    pub content_hash: String,
    pub holder_name: String,
    pub training_title: String,
    pub training_dates: String,
    pub attended_minutes: i32,
    pub issued_by: Option<i32>,
    pub issued_at: DateTimeUtc,
    pub pdf: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::certificates::Entity",
        from = "Column::CertificateId",
        to = "super::certificates::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Certificates,
}

impl Related<super::certificates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Certificates.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
