//! Rows that tests write straight into the database, when what they check
//! comes after them (a structure, a person's name, a mark taken earlier, a
//! session of past years).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};

use app::db::entities::{attendance_marks, session_trainers, structures, training_sessions, users};

/// A reviewed structure in Metz; returns its id.
pub async fn structure(db: &DatabaseConnection, name: &str, sector: &str) -> i32 {
    structures::ActiveModel {
        name: Set(name.to_owned()),
        sector: Set(sector.to_owned()),
        city: Set(Some("Metz".to_owned())),
        reviewed: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("structure")
    .id
}

/// Gives the account `user_id` its display name and structure.
pub async fn rename(db: &DatabaseConnection, user_id: i32, name: &str, structure: Option<i32>) {
    let mut row: users::ActiveModel = users::Entity::find_by_id(user_id)
        .one(db)
        .await
        .expect("read")
        .expect("user")
        .into();
    row.display_name = Set(name.to_owned());
    row.structure_id = Set(structure);
    row.update(db).await.expect("rename");
}

/// A mark of the roll call on `slot`, recorded at `at`.
pub async fn mark(
    db: &DatabaseConnection,
    slot: i32,
    enrolment: i32,
    status: &str,
    at: DateTime<Utc>,
) {
    attendance_marks::ActiveModel {
        slot_id: Set(slot),
        enrolment_id: Set(enrolment),
        status: Set(status.to_owned()),
        method: Set("appel".to_owned()),
        recorded_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("mark");
}

/// A session of `module_id` in `status`, created at `at` and in the
/// programme year of `at` (Paris time), taught by `trainer`; without slots.
pub async fn taught_session(
    db: &DatabaseConnection,
    module_id: i32,
    trainer: i32,
    title: &str,
    status: &str,
    at: DateTime<Utc>,
) -> training_sessions::Model {
    let session = training_sessions::ActiveModel {
        module_id: Set(module_id),
        title: Set(title.to_owned()),
        mode: Set("presentiel".into()),
        capacity: Set(12),
        status: Set(status.to_owned()),
        programme_year: Set(chrono::Datelike::year(&app::calendar::to_local(at))),
        min_attendance_percent: Set(100),
        requires_quiz_passed: Set(false),
        requires_post_assessment: Set(false),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("session");
    session_trainers::ActiveModel {
        session_id: Set(session.id),
        user_id: Set(trainer),
    }
    .insert(db)
    .await
    .expect("trainer");
    session
}
