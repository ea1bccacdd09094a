//! Who takes part in a session and when, read one way for every feature that
//! builds on it: the session page's roster, the roll call and « Présences »,
//! the attendance sheet and the certificates. Callers check access first.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::accounts::service::lookup::structure_names;
use crate::db::entities::{enrolments, session_slots, session_trainers, users};
use crate::error::AppError;
use crate::sessions::rules::EnrolmentStatus;

/// One enrolment with its account and the name of its structure.
#[derive(Debug, Clone)]
pub struct Enrolled {
    pub enrolment: enrolments::Model,
    pub user: users::Model,
    pub structure: Option<String>,
}

/// The session's enrolments whose status is one of `statuses`, in the order
/// people enrolled.
pub async fn enrolled(
    db: &impl ConnectionTrait,
    session_id: i32,
    statuses: &[EnrolmentStatus],
) -> Result<Vec<Enrolled>, AppError> {
    let rows = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session_id))
        .filter(enrolments::Column::Status.is_in(statuses.iter().map(|s| s.code())))
        .order_by_asc(enrolments::Column::EnrolledAt)
        .order_by_asc(enrolments::Column::Id)
        .find_also_related(users::Entity)
        .all(db)
        .await?;
    let names = structure_names(
        db,
        rows.iter().filter_map(|(_, u)| u.as_ref()?.structure_id),
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(enrolment, user)| {
            let user = user?;
            Some(Enrolled {
                structure: user.structure_id.and_then(|s| names.get(&s).cloned()),
                enrolment,
                user,
            })
        })
        .collect())
}

/// The display names of the session's trainers, sorted.
pub async fn trainer_names(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Vec<String>, AppError> {
    let mut names: Vec<String> = session_trainers::Entity::find()
        .filter(session_trainers::Column::SessionId.eq(session_id))
        .find_also_related(users::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(_, u)| u.map(|u| u.display_name))
        .collect();
    names.sort();
    Ok(names)
}

/// The session's slots, earliest first.
pub async fn slots(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Vec<session_slots::Model>, AppError> {
    Ok(session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session_id))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(db)
        .await?)
}
