//! Erasure: once the coordinator confirms, nothing identifying remains in
//! any column of any table nor in the `.eml` files the server keeps; what
//! proves the training stays, pseudonymised, and the indicators do not move.

use chrono::Duration;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement};

use app::db::entities::{
    attempt_answers, attendance_marks, certificate_revisions, certificates, email_outbox, lessons,
    questionnaire_answers, questionnaire_responses, users,
};
use app::roles::Role;

use crate::assessment::support::{assessed_class, finish, view_of};
use crate::attendance::support::{call, ids, set_mark};
use crate::certificates::support::{certificate_of, issue};
use crate::quiz::support::{answer as answer_quiz, demo_quiz, right_answers, start_ok};
use crate::sessions::support::{enrol, enrolment_rows};
use crate::support::smtp::settled;
use crate::support::{Backend, TEST_PASSWORD, TestApp, TestUser, backend, new_client};

const NAME: &str = "Zoé Martin";
const FIRST_ADDRESS: &str = "zoe.martin@example.org";
const SECOND_ADDRESS: &str = "zoe.m@exemple.fr";
const STRUCTURE: &str = "Collectif des Tilleuls";
const APOLOGY: &str = "Rendez-vous chez le pédiatre de Lison";
const COMMENT: &str = "Très utile pour mon travail au foyer Arc-en-ciel";
/// What must be found nowhere once she is erased.
const SECRETS: &[&str] = &[
    NAME,
    FIRST_ADDRESS,
    SECOND_ADDRESS,
    STRUCTURE,
    APOLOGY,
    COMMENT,
];

/// Answers the questionnaire the learner's page shows: 4 on scales, « oui »
/// to yes/no questions, `comment` in free text.
async fn answer_all(app: &TestApp, who: &TestUser, session: i32, comment: &str) {
    let form = view_of(app, who, session)
        .await
        .form
        .expect("an open questionnaire");
    let values: Vec<(i32, &str)> = form
        .items
        .iter()
        .map(|i| {
            let value = match i.item_type.as_str() {
                "yes_no" => "oui",
                "free_text" => comment,
                _ => "4",
            };
            (i.id, value)
        })
        .collect();
    let response = crate::assessment::support::answer(
        app,
        who,
        session,
        form.phase.code(),
        form.questionnaire_id,
        &values,
    )
    .await;
    assert_eq!(response.status(), 200, "{:?}", form.phase);
}

/// Every value of every column of every table, as text (bytes read as text
/// too), lower-cased.
async fn whole_database(app: &TestApp) -> Vec<(String, String, String)> {
    let db = &app.db;
    let backend_kind = db.get_database_backend();
    let tables: Vec<String> = match backend() {
        Backend::Sqlite => query_strings(
            app,
            "SELECT name AS v FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .await,
        Backend::Postgres => {
            query_strings(
                app,
                "SELECT table_name::text AS v FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            )
            .await
        }
    };
    assert!(tables.len() > 30, "{tables:?}");
    let mut values = Vec::new();
    for table in tables {
        let columns: Vec<(String, String)> = match backend() {
            Backend::Sqlite => query_strings(
                app,
                &format!("SELECT name || '|' || type AS v FROM pragma_table_info('{table}')"),
            )
            .await,
            Backend::Postgres => query_strings(
                app,
                &format!(
                    "SELECT column_name::text || '|' || data_type AS v FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = '{table}'"
                ),
            )
            .await,
        }
        .into_iter()
        .map(|c| {
            let (name, kind) = c.split_once('|').expect("name|type");
            (name.to_owned(), kind.to_lowercase())
        })
        .collect();
        for (column, kind) in columns {
            let sql = match backend() {
                Backend::Sqlite => {
                    format!("SELECT CAST(\"{column}\" AS BLOB) AS v FROM \"{table}\"")
                }
                Backend::Postgres if kind == "bytea" => {
                    format!("SELECT \"{column}\" AS v FROM \"{table}\"")
                }
                Backend::Postgres => {
                    format!(
                        "SELECT convert_to(CAST(\"{column}\" AS text), 'UTF8') AS v FROM \"{table}\""
                    )
                }
            };
            let rows = db
                .query_all_raw(Statement::from_string(backend_kind, sql))
                .await
                .expect("read column");
            for row in rows {
                let bytes: Option<Vec<u8>> = row.try_get("", "v").expect("bytes");
                if let Some(bytes) = bytes {
                    values.push((
                        table.clone(),
                        column.clone(),
                        String::from_utf8_lossy(&bytes).to_lowercase(),
                    ));
                }
            }
        }
    }
    values
}

async fn query_strings(app: &TestApp, sql: &str) -> Vec<String> {
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .expect("query");
    rows.into_iter()
        .map(|r| r.try_get::<String>("", "v").expect("text"))
        .collect()
}

/// Every `.eml` file the server keeps, decoded (headers and text parts) and raw.
fn kept_files(app: &TestApp) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(&app.mail_dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .map(|raw| {
            let mail = crate::support::smtp::Received::parse(&raw);
            format!(
                "{} {} {} {} {} {}",
                mail.to,
                mail.subject,
                mail.text,
                mail.html,
                String::from_utf8_lossy(&raw),
                mail.attachments
                    .iter()
                    .map(|(name, _, _)| name.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            )
            .to_lowercase()
        })
        .collect()
}

async fn dashboard(app: &TestApp, coordinator: &TestUser) -> serde_json::Value {
    let response = app
        .call(
            &coordinator.client,
            "indicators/dashboard",
            &[("input[annee]", "2030")],
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("dashboard")
}

async fn account_structure(app: &TestApp, user_id: i32) -> i32 {
    users::Entity::find_by_id(user_id)
        .one(&app.db)
        .await
        .expect("read")
        .and_then(|u| u.structure_id)
        .expect("a structure")
}

/// `value` with `rename` applied to its strings and every array sorted, so
/// that two dashboards compare by their figures, whatever the order of rows.
fn in_any_order(value: serde_json::Value, rename: Option<(&str, &str)>) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(s) => Value::String(match rename {
            Some((from, to)) if s == from => to.to_owned(),
            _ => s,
        }),
        Value::Array(items) => {
            let mut items: Vec<Value> =
                items.into_iter().map(|v| in_any_order(v, rename)).collect();
            items.sort_by_key(|v| v.to_string());
            Value::Array(items)
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, in_any_order(v, rename)))
                .collect(),
        ),
        other => other,
    }
}

async fn pending_erasures(app: &TestApp, coordinator: &TestUser) -> u64 {
    let home: Option<app::space::types::CoordinatorHome> = app
        .call(&coordinator.client, "space/coordinator_home", &[])
        .await
        .json()
        .await
        .expect("home");
    home.expect("coordinator home").pending_erasures
}

#[tokio::test]
async fn nothing_identifying_remains_and_the_indicators_do_not_move() {
    let app = TestApp::spawn_with_demo().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let c = assessed_class(&app, 1).await;
    let (other, other_enrolment) = &c.learners[0];

    // 1. Zoé signs up with her own structure; the coordination confirms her address.
    let zoe_client = new_client();
    let signed_up = app
        .call(
            &zoe_client,
            "accounts/sign_up",
            &[
                ("input[email]", FIRST_ADDRESS),
                ("input[display_name]", NAME),
                ("input[password]", TEST_PASSWORD),
                ("input[profession]", "Éducatrice de rue"),
                ("input[sector]", "action_sociale"),
                ("input[structure_id]", ""),
                ("input[new_structure]", STRUCTURE),
                ("input[consent]", "on"),
            ],
        )
        .await;
    assert_eq!(
        signed_up.status(),
        200,
        "{}",
        signed_up.text().await.unwrap_or_default()
    );
    let zoe_id = users::Entity::find()
        .filter(users::Column::Email.eq(FIRST_ADDRESS))
        .one(&app.db)
        .await
        .expect("read")
        .expect("Zoé's account")
        .id;
    let zoe = TestUser {
        id: zoe_id,
        email: FIRST_ADDRESS.to_owned(),
        client: zoe_client,
    };
    let confirmed = app
        .call(
            &coordinator.client,
            "accounts/confirm_address",
            &[("input[user_id]", &zoe_id.to_string())],
        )
        .await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(enrol(&app, &zoe, c.session).await.status(), 200);
    let zoe_enrolment = enrolment_rows(&app, c.session)
        .await
        .into_iter()
        .find(|e| e.user_id == zoe_id)
        .expect("Zoé's enrolment")
        .id;

    // 2. Before the course: « avant », an apology with a reason, a lesson,
    // the quiz, a calendar feed, a reset link.
    answer_all(&app, &zoe, c.session, "").await;
    let [s, sl] = ids(c.session, c.slots[1]);
    let apology = call(
        &app,
        &zoe.client,
        "sessions/send_apology",
        &[s.clone(), sl.clone(), ("input[reason]", APOLOGY.to_owned())],
    )
    .await;
    assert_eq!(apology.status(), 200);
    // Another learner's apology names her: it stays, without her name.
    let other_reason = format!("Je covoiture avec {NAME}, notre voiture est en panne");
    let their_apology = call(
        &app,
        &other.client,
        "sessions/send_apology",
        &[s, sl, ("input[reason]", other_reason.clone())],
    )
    .await;
    assert_eq!(their_apology.status(), 200);
    let module = crate::quiz::support::demo_module(&app).await;
    let lesson = lessons::Entity::find()
        .filter(lessons::Column::ModuleId.eq(module.id))
        .one(&app.db)
        .await
        .expect("read")
        .expect("a demo lesson")
        .id;
    let read = app
        .call(
            &zoe.client,
            "catalogue/mark_lesson",
            &[
                ("input[lesson_id]", &lesson.to_string()),
                ("input[done]", "true"),
            ],
        )
        .await;
    assert_eq!(read.status(), 200);
    let quiz = demo_quiz(&app).await;
    let attempt = start_ok(&app, &zoe.client, quiz).await;
    let fields = right_answers(&app, quiz).await;
    assert_eq!(
        answer_quiz(&app, &zoe.client, attempt, "submit", &fields)
            .await
            .status(),
        200
    );
    let feed = app
        .call(
            &zoe.client,
            "agenda/create_feed",
            &[("input[kind]", "inscriptions")],
        )
        .await;
    assert_eq!(feed.status(), 200);
    let reset = app
        .call(
            &app.client,
            "accounts/request_password_reset",
            &[("input[email]", FIRST_ADDRESS)],
        )
        .await;
    assert!(reset.status().is_success());

    // 3. The course: she attends both half-days, answers « après » and the
    // satisfaction questionnaire with a comment.
    finish(&app, &c, Duration::hours(4)).await;
    for slot in &c.slots {
        for enrolment in [zoe_enrolment, *other_enrolment] {
            let marked = set_mark(
                &app,
                &c.trainer.client,
                c.session,
                *slot,
                enrolment,
                "present",
            )
            .await;
            assert_eq!(
                marked.status(),
                200,
                "{}",
                marked.text().await.unwrap_or_default()
            );
        }
    }
    answer_all(&app, &zoe, c.session, "").await;
    answer_all(&app, &zoe, c.session, COMMENT).await;

    // 4. Her certificate, then a new address.
    let report = issue(&app, &c.trainer, c.session, None).await;
    assert!(report.issued >= 1, "{report:?}");
    let certificate = certificate_of(&app, zoe_enrolment).await;
    let changed = app
        .call(
            &zoe.client,
            "accounts/change_my_email",
            &[
                ("input[email]", SECOND_ADDRESS),
                ("input[password]", TEST_PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        changed.status(),
        200,
        "{}",
        changed.text().await.unwrap_or_default()
    );
    let rows = settled(&app.db, 30).await;
    assert!(rows.iter().any(|r| r.recipient == FIRST_ADDRESS));
    assert!(rows.iter().any(|r| r.recipient == SECOND_ADDRESS));

    // She asks; every coordinator is told, without her name.
    let before = dashboard(&app, &coordinator).await;
    assert_eq!(pending_erasures(&app, &coordinator).await, 0);
    let asked = app.call(&zoe.client, "accounts/request_erasure", &[]).await;
    assert_eq!(asked.status(), 200);
    assert_eq!(pending_erasures(&app, &coordinator).await, 1);
    let notices: Vec<email_outbox::Model> = email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq("erasure_requested"))
        .all(&app.db)
        .await
        .expect("notices");
    assert!(
        notices.iter().any(|n| n.recipient == coordinator.email),
        "{notices:?}"
    );
    for n in &notices {
        assert!(!n.body_text.contains(NAME) && !n.body_html.contains(NAME));
    }
    settled(&app.db, 30).await;

    let erased = app
        .call(
            &coordinator.client,
            "accounts/confirm_erasure",
            &[
                ("user_id", &zoe_id.to_string()),
                ("confirmed", app::confirm::CONFIRMED),
            ],
        )
        .await;
    assert_eq!(
        erased.status(),
        200,
        "{}",
        erased.text().await.unwrap_or_default()
    );
    assert_eq!(pending_erasures(&app, &coordinator).await, 0);

    // Nothing identifying, anywhere.
    for (table, column, value) in whole_database(&app).await {
        for secret in SECRETS {
            assert!(
                !value.contains(&secret.to_lowercase()),
                "{secret} found in {table}.{column}: {value:.200}"
            );
        }
    }
    for file in kept_files(&app) {
        for secret in SECRETS {
            assert!(
                !file.contains(&secret.to_lowercase()),
                "{secret} found in a kept message"
            );
        }
    }

    // What proves the training stays, pseudonymised: the indicators do not move.
    // Her structure now bears a pseudonym: the same figures, under that label.
    let renamed = format!(
        "Structure effacée n° {}",
        account_structure(&app, zoe_id).await
    );
    assert_eq!(
        in_any_order(dashboard(&app, &coordinator).await, None),
        in_any_order(before, Some((STRUCTURE, &renamed)))
    );
    let account = users::Entity::find_by_id(zoe_id)
        .one(&app.db)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(
        account.display_name,
        format!("Personne effacée n° {zoe_id}")
    );
    assert!(account.email.is_none() && account.password_hash.is_none() && !account.active);
    let marks = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::EnrolmentId.eq(zoe_enrolment))
        .all(&app.db)
        .await
        .expect("marks");
    assert_eq!(marks.len(), 2);
    assert!(
        marks
            .iter()
            .all(|m| m.status == "present" && m.note.is_none())
    );
    let other_note = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::EnrolmentId.eq(*other_enrolment))
        .filter(attendance_marks::Column::Note.is_not_null())
        .one(&app.db)
        .await
        .expect("read")
        .and_then(|m| m.note);
    assert_eq!(
        other_note.as_deref(),
        Some(
            format!("Je covoiture avec Personne effacée n° {zoe_id}, notre voiture est en panne")
                .as_str()
        )
    );
    let responses: Vec<i32> = questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::EnrolmentId.eq(zoe_enrolment))
        .all(&app.db)
        .await
        .expect("responses")
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert!(responses.len() >= 3);
    let answers = questionnaire_answers::Entity::find()
        .filter(questionnaire_answers::Column::ResponseId.is_in(responses))
        .all(&app.db)
        .await
        .expect("answers");
    assert!(answers.iter().all(|a| a.value_text.is_none()));
    assert!(
        answers.iter().any(|a| a.value_int.is_some()),
        "the scores stay"
    );
    let given = attempt_answers::Entity::find()
        .filter(attempt_answers::Column::AttemptId.eq(attempt))
        .all(&app.db)
        .await
        .expect("quiz answers");
    assert!(!given.is_empty());
    assert!(
        given.iter().all(|a| a.response.is_null()),
        "quiz answers as given are gone"
    );

    // The certificate is still authentic, without a name; its PDF is gone.
    let kept = certificates::Entity::find_by_id(certificate.id)
        .one(&app.db)
        .await
        .expect("read")
        .expect("certificate kept");
    assert_eq!(kept.number, certificate.number);
    let revisions = certificate_revisions::Entity::find()
        .filter(certificate_revisions::Column::CertificateId.eq(certificate.id))
        .all(&app.db)
        .await
        .expect("revisions");
    assert!(revisions.iter().all(|r| r.pdf.is_empty()));
    let (status, page) = app
        .page_as(
            &new_client(),
            &format!("/verifier/{}", certificate.verification_code),
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Ce certificat est authentique"), "{page}");
    assert!(page.contains("Nom non conservé"));
    let pdf = app
        .get_as(
            &c.trainer.client,
            &format!("/exports/certificats/{}.pdf", certificate.id),
        )
        .await;
    assert_eq!(pdf.status(), 404);
}
