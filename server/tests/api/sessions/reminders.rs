//! Session reminders: the job queues exactly one reminder per confirmed
//! enrolment and window, even when it runs twice or on two instances at once;
//! none for cancelled sessions or enrolments; and a reminder reaches a real
//! SMTP server. The session of `sessions::support::form` is hybrid, with a
//! visio link, on Tuesday 16 April 2030 (9:00 and 14:00 in Metz).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::db::entities::email_outbox;
use app::roles::Role;
use server::reminders::run_once;

use crate::sessions::support::{create_session, enrol, enrolled_with_smtp};
use crate::support::TestApp;
use crate::support::smtp::outbox_keys;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("instant")
}

#[tokio::test]
async fn one_reminder_per_enrolment_even_when_the_job_runs_twice_or_concurrently() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 5).await;
    let cancelled_session = create_session(&app, &trainer, None, 5).await;
    let mut enrolled = Vec::new();
    for _ in 0..2 {
        let learner = app.signed_in(Role::Learner).await;
        assert_eq!(enrol(&app, &learner, session).await.status(), 200);
        assert_eq!(enrol(&app, &learner, cancelled_session).await.status(), 200);
        enrolled.push(learner);
    }
    // A learner who cancelled their place gets nothing.
    let quitter = app.signed_in(Role::Learner).await;
    assert_eq!(enrol(&app, &quitter, session).await.status(), 200);
    let rows = crate::sessions::support::enrolment_rows(&app, session).await;
    let quitter_place = rows
        .iter()
        .find(|e| e.user_id == quitter.id)
        .expect("place")
        .id;
    let cancelled = app
        .call(
            &quitter.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &quitter_place.to_string())],
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    let cancelled_session_call = app
        .call(
            &trainer.client,
            "sessions/cancel",
            &[
                ("input[session_id]", &cancelled_session.to_string()),
                ("input[reason]", "Formateur malade"),
            ],
        )
        .await;
    assert_eq!(cancelled_session_call.status(), 200);
    let places: Vec<i32> = crate::sessions::support::enrolment_rows(&app, session)
        .await
        .into_iter()
        .filter(|e| e.status == "confirmee")
        .map(|e| e.id)
        .collect();
    assert_eq!(places.len(), 2);

    // Three days before: nothing yet.
    assert_eq!(
        run_once(&app.db, at("2030-04-13T07:00:00Z"), &app.address)
            .await
            .expect("run"),
        0
    );

    // Two days before (07:00 UTC is 9:00 in Metz on the 14th): one per place, once.
    let now = at("2030-04-14T07:30:00Z");
    assert_eq!(run_once(&app.db, now, &app.address).await.expect("run"), 2);
    assert_eq!(run_once(&app.db, now, &app.address).await.expect("run"), 0);
    let mut expected: Vec<String> = places
        .iter()
        .map(|p| format!("reminder:2d:{session}:{p}"))
        .collect();
    expected.sort();
    assert_eq!(outbox_keys(&app.db, "reminder").await, expected);

    // The morning of the day, two instances at once: still one each.
    let morning = at("2030-04-16T05:10:00Z");
    let (a, b) = tokio::join!(
        run_once(&app.db, morning, &app.address),
        run_once(&app.db, morning, &app.address)
    );
    assert_eq!(a.expect("first") + b.expect("second"), 2);
    expected.extend(
        places
            .iter()
            .map(|p| format!("reminder:day:2030-04-16:{p}")),
    );
    expected.sort();
    assert_eq!(outbox_keys(&app.db, "reminder").await, expected);
    let total = email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq("reminder"))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(total, 4);
}

#[tokio::test]
async fn a_reminder_reaches_the_smtp_server_with_the_visio_link() {
    let (smtp, app, learner, session) = enrolled_with_smtp().await;
    assert_eq!(smtp.wait_for(1, 20).await.len(), 1, "the convocation");

    let queued = run_once(&app.db, at("2030-04-16T08:00:00Z"), &app.address)
        .await
        .expect("run");
    assert_eq!(
        queued, 1,
        "the day's reminder (the 2-day window has closed)"
    );

    let received = smtp.wait_for(2, 20).await;
    let mail = received
        .iter()
        .find(|m| m.subject.contains("aujourd’hui"))
        .expect("the reminder arrived");
    assert_eq!(
        mail.envelope_to.as_slice(),
        std::slice::from_ref(&learner.email)
    );
    assert!(
        mail.text
            .contains("https://visio.example.org/relais?salle=1"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("mardi 16 avril 2030, 9 h 00 – 12 h 30"));
    assert!(mail.text.contains(&format!("/sessions/{session}")));
}
