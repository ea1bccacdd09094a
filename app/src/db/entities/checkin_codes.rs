//! Table `checkin_codes`: rotating check-in codes of a distance slot (hashes only).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "checkin_codes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slot_id: i32,
    pub code_hash: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
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
}

impl Related<super::session_slots::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SessionSlots.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
