//! The right of access: `GET /mes-donnees` (JSON download), the server
//! function `privacy/my_data` and the page `/mes-donnees/consulter` give a
//! person every kind of datum Relais keeps about them, and nobody else's.

use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use app::db::entities::{
    email_outbox, email_verifications, lessons, questions, quizzes, training_sessions,
};
use app::privacy::PersonalData;
use app::privacy::rules::inventory::SECTIONS;
use app::quiz::rules::form::single_name;

use crate::assessment::support::{answer_shown, assessed_class};
use crate::attendance::support::{call, set_mark, start_slot};
use crate::certificates::support::issue;
use crate::quiz::support::{answer, start_ok};
use crate::support::fixtures::{mark, rename};
use crate::support::{TEST_PASSWORD, TestApp, TestUser, new_client};

const OTHER_NAME: &str = "Bastien Leclerc";
const OTHER_ANSWER: &str = "Réponse propre à Bastien";
const MY_ANSWER: &str = "Reformuler avec bienveillance";
const APOLOGY: &str = "Rendez-vous médical";
const OLD_ADDRESS: &str = "zoe.ancienne@example.org";

/// A published quiz of `module` with one short-answer question; returns its id.
async fn quiz(app: &TestApp, module: i32) -> i32 {
    let now = Utc::now();
    let quiz = quizzes::ActiveModel {
        module_id: Set(module),
        title: Set("Quiz de sensibilisation".into()),
        pass_mark_percent: Set(50),
        max_attempts: Set(None),
        time_limit_minutes: Set(None),
        shuffle: Set(false),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("quiz")
    .id;
    questions::ActiveModel {
        quiz_id: Set(quiz),
        position: Set(1),
        kind: Set("short_answer".into()),
        prompt: Set("Citez une attitude d’écoute".into()),
        feedback: Set("Reformuler montre qu’on a entendu.".into()),
        objective_id: Set(None),
        points: Set(1),
        accepted_answers: Set(Some(serde_json::json!([MY_ANSWER]))),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("question");
    quiz
}

/// `who` takes the quiz once and sends `text` as the answer.
async fn take_quiz(app: &TestApp, who: &TestUser, quiz: i32, text: &str) {
    let question = questions::Entity::find()
        .all(&app.db)
        .await
        .expect("questions")
        .into_iter()
        .find(|q| q.quiz_id == quiz)
        .expect("question")
        .id;
    let attempt = start_ok(app, &who.client, quiz).await;
    let fields = vec![(
        format!("input[answers][{}]", single_name(question)),
        text.to_owned(),
    )];
    let sent = answer(app, &who.client, attempt, "submit", &fields).await;
    assert!(
        sent.status().is_success() || sent.status().is_redirection(),
        "{}",
        sent.status()
    );
}

/// A published lesson of `module`; returns its id.
async fn lesson(app: &TestApp, module: i32) -> i32 {
    let now = Utc::now();
    lessons::ActiveModel {
        module_id: Set(module),
        position: Set(1),
        title: Set("Repérer la souffrance psychique".into()),
        body_markdown: Set("Quelques signes.".into()),
        estimated_minutes: Set(10),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("lesson")
    .id
}

/// A confirmation link once sent to an address the person no longer has,
/// and the message it came in.
async fn old_address(app: &TestApp, user: i32) {
    let now = Utc::now() - Duration::days(3);
    email_verifications::ActiveModel {
        user_id: Set(user),
        email: Set(OLD_ADDRESS.into()),
        token_hash: Set(format!("empreinte-{user}")),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(48)),
        used_at: Set(Some(now + Duration::hours(1))),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("verification");
    email_outbox::ActiveModel {
        idempotency_key: Set(format!("test-verification-{user}")),
        kind: Set("email_verification".into()),
        recipient: Set(OLD_ADDRESS.to_uppercase()),
        subject: Set("Confirmez votre adresse".into()),
        body_text: Set("Corps du message".into()),
        body_html: Set("<p>Corps du message</p>".into()),
        status: Set("sent".into()),
        attempts: Set(1),
        next_attempt_at: Set(now),
        created_at: Set(now),
        sent_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("message");
}

/// The JSON download, checked as a download.
async fn download(app: &TestApp, who: &TestUser) -> (String, serde_json::Value) {
    let response = app.get_as(&who.client, "/mes-donnees").await;
    assert_eq!(response.status().as_u16(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("cache-control"), "no-store");
    assert!(header("content-type").starts_with("application/json"));
    assert!(header("content-disposition").starts_with("attachment"));
    let text = response.text().await.expect("body");
    let value = serde_json::from_str(&text).expect("JSON");
    (text, value)
}

async fn server_fn(app: &TestApp, who: &TestUser) -> PersonalData {
    let response = app.call(&who.client, "privacy/my_data", &[]).await;
    assert_eq!(response.status().as_u16(), 200);
    let page: app::privacy::MyDataPage = response.json().await.expect("MyDataPage");
    assert!(page.left_out.is_empty(), "nothing is long enough to be cut");
    page.data
}

/// The sections of `value` (an export) that are empty, but those in `except`.
fn empty_sections(value: &serde_json::Value, except: &[&str]) -> Vec<&'static str> {
    SECTIONS
        .iter()
        .map(|(key, _)| *key)
        .filter(|key| !except.contains(key))
        .filter(|key| match &value[*key] {
            serde_json::Value::Array(items) => items.is_empty(),
            serde_json::Value::Object(fields) => fields.is_empty(),
            _ => true,
        })
        .collect()
}

#[tokio::test]
async fn the_export_lists_every_kind_of_datum() {
    let app = TestApp::spawn().await;
    // A session in 2030 whose module has an objective, two learners enrolled.
    let c = assessed_class(&app, 2).await;
    let (me, my_enrolment) = &c.learners[0];
    let (other, other_enrolment) = &c.learners[1];
    rename(&app.db, me.id, "Zoé Martin", None).await;
    rename(&app.db, other.id, OTHER_NAME, None).await;
    let session = training_sessions::Entity::find_by_id(c.session)
        .one(&app.db)
        .await
        .expect("read")
        .expect("session");
    // One half-day attended is enough for the certificate here.
    let mut half: training_sessions::ActiveModel = session.clone().into();
    half.min_attendance_percent = Set(50);
    half.update(&app.db).await.expect("session");

    // Before the course: the self-assessment, and an apology for the afternoon.
    assert_eq!(
        answer_shown(&app, me, c.session, &["2", "3"])
            .await
            .status(),
        200
    );
    assert_eq!(
        answer_shown(&app, other, c.session, &["4", "5"])
            .await
            .status(),
        200
    );
    let apology = call(
        &app,
        &me.client,
        "sessions/send_apology",
        &[
            ("input[session_id]", c.session.to_string()),
            ("input[slot_id]", c.slots[1].to_string()),
            ("input[reason]", APOLOGY.to_owned()),
        ],
    )
    .await;
    assert_eq!(apology.status(), 200);

    // The course took place yesterday; the trainer marks the morning.
    start_slot(&app, c.slots[0], Duration::hours(30)).await;
    start_slot(&app, c.slots[1], Duration::hours(26)).await;
    let marked = set_mark(
        &app,
        &c.trainer.client,
        c.session,
        c.slots[0],
        *my_enrolment,
        "present",
    )
    .await;
    assert_eq!(
        marked.status(),
        200,
        "{}",
        marked.text().await.unwrap_or_default()
    );
    for slot in &c.slots {
        mark(&app.db, *slot, *other_enrolment, "present", Utc::now()).await;
    }
    issue(&app, &c.trainer, c.session, None).await;

    // A quiz, a lesson, a calendar address, a sign-in, a reset link, an old address.
    let quiz = quiz(&app, session.module_id).await;
    take_quiz(&app, me, quiz, MY_ANSWER).await;
    take_quiz(&app, other, quiz, OTHER_ANSWER).await;
    let lesson = lesson(&app, session.module_id).await;
    let read = app
        .call(
            &me.client,
            "catalogue/mark_lesson",
            &[
                ("input[lesson_id]", &lesson.to_string()),
                ("input[done]", "true"),
            ],
        )
        .await;
    assert!(read.status().is_success(), "{}", read.status());
    let feed = app
        .call(
            &me.client,
            "agenda/create_feed",
            &[("input[kind]", "inscriptions")],
        )
        .await;
    assert!(feed.status().is_success(), "{}", feed.status());
    let signed_in = app.sign_in(&new_client(), &me.email, TEST_PASSWORD).await;
    assert!(signed_in.status().is_success() || signed_in.status().is_redirection());
    app.call(
        &new_client(),
        "accounts/request_password_reset",
        &[("input[email]", &me.email)],
    )
    .await;
    old_address(&app, me.id).await;

    // The download holds every kind, and nothing of the other learner.
    let (text, json) = download(&app, me).await;
    assert_eq!(
        empty_sections(&json, &["sessions_animees"]),
        Vec::<&str>::new(),
        "{text}"
    );
    assert_eq!(json["profil"]["nom"], "Zoé Martin");
    assert_eq!(json["profil"]["adresse_email"], me.email.as_str());
    assert!(
        json["profil"]["derniere_connexion_le"].is_string(),
        "{text}"
    );
    assert!(text.contains(MY_ANSWER) && text.contains(APOLOGY), "{text}");
    assert!(
        !text.contains(OTHER_NAME) && !text.contains(OTHER_ANSWER),
        "{text}"
    );
    assert!(!text.contains("empreinte-"), "no hash is given");
    let emails = json["courriels_recus"].as_array().expect("emails");
    assert!(
        emails
            .iter()
            .any(|m| m["destinataire"] == OLD_ADDRESS.to_uppercase()),
        "messages to an earlier address count: {text}"
    );
    assert!(
        emails.iter().any(|m| m["pieces_jointes"]
            .as_array()
            .is_some_and(|a| !a.is_empty())),
        "the certificate came with its PDF: {text}"
    );
    assert!(!text.contains("Corps du message"), "bodies are not given");

    // The server function gives the same document, but for what moves on
    // its own: the time it was made, the sessions' last activity (each
    // request) and the messages' delivery (the mail worker).
    let data = server_fn(&app, me).await;
    let mut from_fn = serde_json::to_value(&data).expect("JSON");
    let mut downloaded = json.clone();
    for document in [&mut from_fn, &mut downloaded] {
        for moving in ["genere_le", "sessions_de_connexion"] {
            document[moving] = serde_json::Value::Null;
        }
        for message in document["courriels_recus"].as_array_mut().expect("emails") {
            message["statut"] = serde_json::Value::Null;
            message["envoye_le"] = serde_json::Value::Null;
        }
    }
    assert_eq!(from_fn, downloaded);
    assert_eq!(data.quiz_attempts[0].answers[0].answer_text, MY_ANSWER);
    let half_days: Vec<&str> = data
        .attendance
        .iter()
        .map(|p| p.half_day.as_str())
        .collect();
    assert_eq!(
        half_days,
        ["matin", "apres_midi"],
        "in the order of the half-days"
    );

    // The trainer's sessions taught.
    let trainer = server_fn(&app, &c.trainer).await;
    assert_eq!(trainer.sessions_taught.len(), 1);
    assert!(trainer.sessions_taught[0].trainer);

    // The readable page, as the learner and as a visitor.
    let (status, html) = app.page_as(&me.client, "/mes-donnees/consulter").await;
    assert_eq!(status, 200);
    for (_, heading) in SECTIONS {
        assert!(
            html.contains(&format!(">{heading}</h2>")),
            "no heading {heading}"
        );
    }
    assert!(html.contains("Télécharger mes données (JSON)"));
    assert!(html.contains("Zoé Martin") && html.contains(APOLOGY));
    assert!(!html.contains(OTHER_NAME));

    // A visitor is refused (401, as the server function answers) and invited to sign in.
    let (status, html) = app.get_html("/mes-donnees/consulter").await;
    assert_eq!(status, 401);
    assert!(html.contains("Veuillez vous connecter"));
    assert!(!html.contains("id=\"donnees-profil\""));
    assert_eq!(app.get("/mes-donnees").await.status().as_u16(), 401);
    assert_eq!(
        app.call(&app.client, "privacy/my_data", &[])
            .await
            .status()
            .as_u16(),
        401
    );
}
