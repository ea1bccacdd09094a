//! Helpers of the attendance tests: a session with a trainer and confirmed
//! learners, moving a slot in time, and the calls of the roll call, check-in
//! and apologies.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use app::attendance::types::{RollCall, SessionAttendance};
use app::db::entities::{attendance_marks, audit_log, session_slots};
use app::roles::Role;

use crate::sessions::support::{create_session, enrol, enrolment_rows, slot_rows};
use crate::support::{TestApp, TestUser};

/// A hybrid session taught by `trainer`, its two slots (in 2030), and
/// `learners` confirmed learners with their enrolment ids.
pub struct Class {
    pub session: i32,
    pub slots: Vec<i32>,
    pub trainer: TestUser,
    pub learners: Vec<(TestUser, i32)>,
}

pub async fn class(app: &TestApp, learners: usize) -> Class {
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(app, &trainer, None, 30).await;
    let mut people = Vec::new();
    for _ in 0..learners {
        let l = app.signed_in(Role::Learner).await;
        assert_eq!(enrol(app, &l, session).await.status(), 200);
        let id = enrolment_rows(app, session)
            .await
            .into_iter()
            .find(|e| e.user_id == l.id)
            .expect("enrolment")
            .id;
        people.push((l, id));
    }
    Class {
        session,
        slots: slots(app, session).await,
        trainer,
        learners: people,
    }
}

pub async fn slots(app: &TestApp, session: i32) -> Vec<i32> {
    slot_rows(app, session)
        .await
        .into_iter()
        .map(|s| s.id)
        .collect()
}

/// Moves a slot so that it started `started_ago` before now and lasts 3 hours.
pub async fn start_slot(app: &TestApp, slot: i32, started_ago: Duration) {
    let starts: DateTime<Utc> = Utc::now() - started_ago;
    let row = session_slots::Entity::find_by_id(slot)
        .one(&app.db)
        .await
        .expect("slot")
        .expect("slot row");
    let mut a: session_slots::ActiveModel = row.into();
    a.starts_at = Set(starts);
    a.ends_at = Set(starts + Duration::hours(3));
    a.update(&app.db).await.expect("move slot");
}

pub fn ids(session: i32, slot: i32) -> [(&'static str, String); 2] {
    [
        ("input[session_id]", session.to_string()),
        ("input[slot_id]", slot.to_string()),
    ]
}

pub async fn call(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(&str, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call(client, endpoint, &form).await
}

/// Sets one learner's mark as the roll call page does.
pub async fn set_mark(
    app: &TestApp,
    client: &reqwest::Client,
    session: i32,
    slot: i32,
    enrolment: i32,
    status: &str,
) -> reqwest::Response {
    let [a, b] = ids(session, slot);
    call(
        app,
        client,
        "sessions/set_mark",
        &[
            a,
            b,
            ("input[enrolment_id]", enrolment.to_string()),
            ("input[status]", status.to_owned()),
        ],
    )
    .await
}

pub async fn roll_call(
    app: &TestApp,
    client: &reqwest::Client,
    session: i32,
    slot: i32,
) -> reqwest::Response {
    call(
        app,
        client,
        "sessions/roll_call",
        &[
            ("session_id", session.to_string()),
            ("slot_id", slot.to_string()),
        ],
    )
    .await
}

pub async fn roll_call_ok(
    app: &TestApp,
    client: &reqwest::Client,
    session: i32,
    slot: i32,
) -> RollCall {
    let r = roll_call(app, client, session, slot).await;
    assert_eq!(r.status(), 200);
    r.json().await.expect("roll call")
}

pub async fn attendance(
    app: &TestApp,
    client: &reqwest::Client,
    session: i32,
) -> SessionAttendance {
    let r = call(
        app,
        client,
        "sessions/attendance",
        &[("session_id", session.to_string())],
    )
    .await;
    assert_eq!(r.status(), 200);
    r.json().await.expect("attendance")
}

pub async fn new_code(
    app: &TestApp,
    client: &reqwest::Client,
    session: i32,
    slot: i32,
) -> reqwest::Response {
    call(
        app,
        client,
        "sessions/new_checkin_code",
        &ids(session, slot),
    )
    .await
}

/// Posts a check-in exactly as the page's form does.
pub async fn check_in(
    app: &TestApp,
    client: &reqwest::Client,
    session: i32,
    code: &str,
) -> reqwest::Response {
    let form = app::attendance::api::check_in_form(session, code);
    call(app, client, "sessions/check_in", &form).await
}

pub async fn marks(app: &TestApp, slot: i32) -> Vec<attendance_marks::Model> {
    attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SlotId.eq(slot))
        .all(&app.db)
        .await
        .expect("marks")
}

pub async fn audit(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(&app.db)
        .await
        .expect("audit")
}
