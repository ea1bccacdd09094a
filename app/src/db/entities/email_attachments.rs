//! Table `email_attachments`: files attached to a queued email.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "email_attachments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email_id: i32,
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::email_outbox::Entity",
        from = "Column::EmailId",
        to = "super::email_outbox::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    EmailOutbox,
}

impl Related<super::email_outbox::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::EmailOutbox.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
