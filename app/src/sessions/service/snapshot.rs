//! The typology an enrolment keeps: the person's sector (their own, else
//! their structure's), profession and structure at the moment the enrolment
//! is made or confirmed. The indicators count people by it, so that someone
//! who later changes job or structure still counts where they were when they
//! trained. Attendance does not refresh it: the roll call is the trainer's
//! act, possibly corrected weeks later, and the person's own declaration is
//! the one they made to enrol.

use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::db::entities::{enrolments, structures, users};
use crate::error::AppError;

/// Writes `user_id`'s current typology into the enrolment `row`.
pub async fn take(
    db: &impl ConnectionTrait,
    user_id: i32,
    row: &mut enrolments::ActiveModel,
) -> Result<(), AppError> {
    let person = users::Entity::find_by_id(user_id).one(db).await?;
    let structure = match person.as_ref().and_then(|p| p.structure_id) {
        Some(id) => structures::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    row.snapshot_sector = Set(person
        .as_ref()
        .and_then(|p| p.sector.clone())
        .or_else(|| structure.as_ref().map(|s| s.sector.clone())));
    row.snapshot_profession = Set(person.as_ref().and_then(|p| p.profession.clone()));
    row.snapshot_structure_id = Set(structure.map(|s| s.id));
    Ok(())
}

/// Fills every enrolment's typology from the people's current values, as
/// the migration `m20261203_000016_add_enrolment_snapshot` did: for the demo
/// loader, which writes its enrolments in bulk.
pub async fn take_all(db: &impl ConnectionTrait) -> Result<(), AppError> {
    db.execute_unprepared(
        "UPDATE enrolments SET \
         snapshot_sector = (SELECT COALESCE(u.sector, st.sector) FROM users u \
           LEFT JOIN structures st ON st.id = u.structure_id WHERE u.id = enrolments.user_id), \
         snapshot_profession = (SELECT u.profession FROM users u WHERE u.id = enrolments.user_id), \
         snapshot_structure_id = (SELECT u.structure_id FROM users u WHERE u.id = enrolments.user_id)",
    )
    .await?;
    Ok(())
}
