//! Sessions: planning with checks, the waiting list under 100 concurrent
//! enrolments, promotion on cancellation, and who may see and manage what.

use futures::future::join_all;
use sea_orm::{EntityTrait, PaginatorTrait};

use app::db::entities::{email_outbox, training_sessions};
use app::roles::Role;
use app::sessions::rules::EnrolmentStatus;
use app::sessions::types::{AddLearnersReport, ManagedPage, SessionDetail, SessionList};

use crate::sessions::support::{
    create_session, enrol, enrolment_rows, form, module, post, with_status,
};
use crate::support::TestApp;

pub async fn detail(app: &TestApp, client: &reqwest::Client, id: i32) -> SessionDetail {
    let r = app
        .call(
            client,
            "sessions/detail",
            &[("session_id", &id.to_string())],
        )
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.expect("detail")
}

#[tokio::test]
async fn bad_input_is_refused_in_french_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let module = module(&app).await;
    let learner = app.signed_in(Role::Learner).await;

    let cases: [(&str, &str, &str); 5] = [
        ("input[capacity]", "0", "capacité"),
        ("input[visio_url]", "http://visio.example.org", "https://"),
        ("input[place_address]", "", "adresse"),
        ("input[slot_1][half_day]", "apres_midi", "même date"),
        ("input[trainer_1]", "", "formateur"),
    ];
    for (field, value, word) in cases {
        let mut f = form(module, 12, Some(trainer.id));
        f.retain(|(k, _)| k != field);
        f.push((field.into(), value.into()));
        let r = post(&app, &coordinator.client, "sessions/create", &f).await;
        assert_eq!(r.status(), 422, "{field}");
        let body = r.text().await.expect("body");
        assert!(body.contains(word), "{field}: {body}");
    }
    // A learner is not a trainer account.
    let r = post(
        &app,
        &coordinator.client,
        "sessions/create",
        &form(module, 12, Some(learner.id)),
    )
    .await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        training_sessions::Entity::find()
            .count(&app.db)
            .await
            .expect("count"),
        0
    );
}

#[tokio::test]
async fn a_session_keeps_its_local_hours_and_its_trainer_creator() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let id = create_session(&app, &trainer, None, 12).await;

    let d = detail(&app, &trainer.client, id).await;
    assert!(d.can_manage, "the trainer who created it teaches it");
    let hours: Vec<(String, String)> = d
        .summary
        .slots
        .iter()
        .map(|s| (s.starts.clone(), s.ends.clone()))
        .collect();
    assert_eq!(
        hours,
        [
            ("9 h 00".into(), "12 h 30".into()),
            ("14 h 00".into(), "17 h 00".into())
        ]
    );
    assert_eq!(d.summary.remaining, 12);

    let mine = app
        .call(&trainer.client, "sessions/manage_list", &[])
        .await
        .json::<ManagedPage>()
        .await
        .expect("list")
        .sessions;
    assert_eq!(mine.iter().map(|s| s.id).collect::<Vec<_>>(), [id]);
    let public = app
        .call(&app.client, "sessions/list", &[("input[month]", "2030-04")])
        .await
        .json::<SessionList>()
        .await
        .expect("list")
        .sessions;
    assert_eq!(public.len(), 1);
    let none = app
        .call(&app.client, "sessions/list", &[("input[month]", "2030-05")])
        .await
        .json::<SessionList>()
        .await
        .expect("list")
        .sessions;
    assert!(none.is_empty());
}

#[tokio::test]
async fn a_hundred_enrolments_at_once_fill_twelve_places_and_a_cancellation_promotes_the_first_waiting()
 {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &coordinator, Some(trainer.id), 12).await;
    let mut learners = Vec::new();
    for _ in 0..100 {
        learners.push(app.signed_in(Role::Learner).await);
    }

    let responses = join_all(learners.iter().map(|l| enrol(&app, l, session))).await;

    let statuses: Vec<u16> = responses.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let rows = enrolment_rows(&app, session).await;
    assert_eq!(rows.len(), 100);
    assert_eq!(with_status(&rows, "confirmee").len(), 12);
    assert_eq!(with_status(&rows, "liste_attente").len(), 88);
    let convocations = || async {
        email_outbox::Entity::find()
            .all(&app.db)
            .await
            .expect("outbox")
            .into_iter()
            .filter(|e| e.kind == "convocation")
            .count()
    };
    assert_eq!(convocations().await, 12);

    // The first waiting person, by enrolment time.
    let mut waiting = with_status(&rows, "liste_attente");
    waiting.sort_by_key(|e| (e.enrolled_at, e.id));
    let first = waiting[0].user_id;
    let leaving = with_status(&rows, "confirmee")[0];
    let owner = learners
        .iter()
        .find(|l| l.id == leaving.user_id)
        .expect("owner");
    let r = app
        .call(
            &owner.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &leaving.id.to_string())],
        )
        .await;
    assert_eq!(r.status(), 200);

    let rows = enrolment_rows(&app, session).await;
    assert_eq!(with_status(&rows, "confirmee").len(), 12);
    assert_eq!(with_status(&rows, "liste_attente").len(), 87);
    assert_eq!(with_status(&rows, "annulee").len(), 1);
    let promoted = rows
        .iter()
        .find(|e| e.user_id == first)
        .expect("first waiting");
    assert_eq!(promoted.status, "confirmee");
    assert_eq!(convocations().await, 13);
    let d = detail(
        &app,
        &learners
            .iter()
            .find(|l| l.id == first)
            .expect("first")
            .client,
        session,
    )
    .await;
    assert_eq!(d.mine.map(|m| m.status), Some(EnrolmentStatus::Confirmed));
}

#[tokio::test]
async fn enrolling_twice_is_refused_and_never_duplicated() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 1).await;

    assert_eq!(enrol(&app, &learner, session).await.status(), 200);
    let again = enrol(&app, &learner, session).await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.expect("body").contains("déjà inscrit"));
    assert_eq!(enrolment_rows(&app, session).await.len(), 1);
}

#[tokio::test]
async fn trainers_add_known_learners_and_hear_about_unknown_addresses() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let a = app.signed_in(Role::Learner).await;
    let b = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 1).await;
    let emails = format!(
        "{}; {}\ninconnu@example.org",
        a.email.to_uppercase(),
        b.email
    );

    let r = app
        .call(
            &trainer.client,
            "sessions/add_learners",
            &[
                ("input[session_id]", &session.to_string()),
                ("input[emails]", &emails),
            ],
        )
        .await;

    assert_eq!(r.status(), 200);
    let report: AddLearnersReport = r.json().await.expect("report");
    assert_eq!(
        (report.confirmed, report.waiting, report.already),
        (1, 1, 0)
    );
    assert_eq!(report.unknown, ["inconnu@example.org"]);
}

#[tokio::test]
async fn a_cancelled_session_shows_its_reason_and_takes_no_enrolment() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let learner = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &coordinator, Some(coordinator.id), 5).await;
    let sid = session.to_string();
    let enrolled = app.signed_in(Role::Learner).await;
    assert_eq!(enrol(&app, &enrolled, session).await.status(), 200);

    let r = app
        .call(
            &coordinator.client,
            "sessions/cancel",
            &[("input[session_id]", &sid), ("input[reason]", " ")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = app
        .call(
            &coordinator.client,
            "sessions/cancel",
            &[
                ("input[session_id]", &sid),
                ("input[reason]", "Intervenante malade"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);

    assert_eq!(enrol(&app, &learner, session).await.status(), 422);
    let notices: Vec<email_outbox::Model> = email_outbox::Entity::find()
        .all(&app.db)
        .await
        .expect("outbox")
        .into_iter()
        .filter(|e| e.kind == "session_cancelled")
        .collect();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].recipient, enrolled.email);
    assert!(notices[0].body_text.contains("Intervenante malade"));
    let d = detail(&app, &app.client, session).await;
    assert_eq!(d.cancel_reason.as_deref(), Some("Intervenante malade"));
    let copy: i32 = app
        .call(
            &coordinator.client,
            "sessions/duplicate",
            &[("input[session_id]", &sid)],
        )
        .await
        .json()
        .await
        .expect("copy");
    let d = detail(&app, &coordinator.client, copy).await;
    assert_eq!(d.summary.slots.len(), 2);
    assert_eq!(d.summary.status, app::sessions::rules::Status::Planned);
}
