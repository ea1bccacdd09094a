//! Helpers of the sessions tests: a module to plan sessions of, and the
//! session form as the browser posts it.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};

use app::db::entities::{enrolments, modules, session_slots};

use app::roles::Role;

use crate::support::smtp::{TestSmtp, app_sending_to};
use crate::support::{TestApp, TestUser};

/// A published module, inserted directly; returns its id.
pub async fn module(app: &TestApp) -> i32 {
    let now = chrono::Utc::now();
    modules::ActiveModel {
        slug: Set(format!("module-{}", now.timestamp_micros())),
        title: Set("Prévention et gestion des situations de crise".into()),
        summary: Set("Comprendre et désamorcer.".into()),
        duration_minutes: Set(420),
        audience: Set("Professionnels".into()),
        prerequisites: Set("Aucun".into()),
        position: Set(1),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("module")
    .id
}

/// A valid hybrid session form on 16 April 2030 (morning and afternoon).
pub fn form(module: i32, capacity: u32, trainer: Option<i32>) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = [
        ("module_id", module.to_string()),
        ("title", "Groupe du printemps".into()),
        ("mode", "hybride".into()),
        ("place_address", "1 place d’Armes, Metz".into()),
        ("place_room", "Salle <Jury>".into()),
        (
            "visio_url",
            "https://visio.example.org/relais?salle=1".into(),
        ),
        ("capacity", capacity.to_string()),
        ("programme_year", "2030".into()),
        ("slot_1][day", "2030-04-16".into()),
        ("slot_1][half_day", "matin".into()),
        ("slot_2][day", "2030-04-16".into()),
        ("slot_2][half_day", "apres_midi".into()),
        ("slot_2][start", "14:00".into()),
    ]
    .into_iter()
    .map(|(k, v)| (format!("input[{k}]"), v))
    .collect();
    if let Some(t) = trainer {
        f.push(("input[trainer_1]".into(), t.to_string()));
    }
    f
}

pub async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(client, endpoint, &form).await
}

/// Creates a session of capacity `capacity` as `by` (a trainer or the coordinator).
pub async fn create_session(
    app: &TestApp,
    by: &TestUser,
    trainer: Option<i32>,
    capacity: u32,
) -> i32 {
    let module = module(app).await;
    let response = post(
        app,
        &by.client,
        "sessions/create",
        &form(module, capacity, trainer),
    )
    .await;
    assert_eq!(
        response.status(),
        200,
        "{}",
        response.text().await.unwrap_or_default()
    );
    response.json().await.expect("session id")
}

pub async fn enrol(app: &TestApp, who: &TestUser, session: i32) -> reqwest::Response {
    app.call(
        &who.client,
        "sessions/enrol",
        &[("input[session_id]", &session.to_string())],
    )
    .await
}

pub async fn enrolment_rows(app: &TestApp, session: i32) -> Vec<enrolments::Model> {
    enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(session))
        .all(&app.db)
        .await
        .expect("enrolments")
}

pub fn with_status<'a>(rows: &'a [enrolments::Model], status: &str) -> Vec<&'a enrolments::Model> {
    rows.iter().filter(|e| e.status == status).collect()
}

/// The session's half-days, in time order.
pub async fn slot_rows(app: &TestApp, session: i32) -> Vec<session_slots::Model> {
    session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session))
        .order_by_asc(session_slots::Column::StartsAt)
        .all(&app.db)
        .await
        .expect("slots")
}

/// A learner enrolled in a session (capacity 3) of a new trainer, on an app
/// that sends its emails to a fresh SMTP server.
pub async fn enrolled_with_smtp() -> (TestSmtp, TestApp, TestUser, i32) {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 3).await;
    assert_eq!(enrol(&app, &learner, session).await.status(), 200);
    (smtp, app, learner, session)
}

/// A session form (e.g. a detail's `form`) as the browser posts it.
pub fn fields(form: &app::sessions::types::SessionForm) -> Vec<(String, String)> {
    let value = serde_json::to_value(form).expect("form");
    let mut out = Vec::new();
    for (key, v) in value.as_object().expect("object") {
        match v {
            serde_json::Value::String(s) => out.push((format!("input[{key}]"), s.clone())),
            serde_json::Value::Object(row) => {
                for (field, s) in row {
                    let s = s.as_str().expect("text").to_owned();
                    out.push((format!("input[{key}][{field}]"), s));
                }
            }
            other => panic!("unexpected {other}"),
        }
    }
    out
}

/// Sets `key` in posted fields, adding it if absent.
pub fn set(fields: &mut Vec<(String, String)>, key: &str, value: &str) {
    let key = format!("input[{key}]");
    match fields.iter_mut().find(|(k, _)| *k == key) {
        Some((_, v)) => *v = value.to_owned(),
        None => fields.push((key, value.to_owned())),
    }
}
