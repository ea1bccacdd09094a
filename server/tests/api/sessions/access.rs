//! Who sees and manages what: a trainer cannot manage a session they do not
//! teach; a learner cannot see or cancel another learner's enrolment.

use app::roles::Role;
use app::sessions::types::ManagedPage;

use crate::sessions::planning::detail;
use crate::sessions::support::{
    create_session, enrol, enrolment_rows, form, module, post, with_status,
};
use crate::support::TestApp;

#[tokio::test]
async fn a_trainer_cannot_manage_a_session_they_do_not_teach() {
    let app = TestApp::spawn().await;
    let teaching = app.signed_in(Role::Trainer).await;
    let other = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &teaching, None, 5).await;
    assert_eq!(enrol(&app, &learner, session).await.status(), 200);
    let sid = session.to_string();

    let mut update = form(module(&app).await, 5, None);
    update.push(("input[session_id]".into(), sid.clone()));
    assert_eq!(
        post(&app, &other.client, "sessions/update", &update)
            .await
            .status(),
        403
    );
    for (endpoint, form) in [
        (
            "sessions/duplicate",
            vec![("input[session_id]", sid.as_str())],
        ),
        (
            "sessions/cancel",
            vec![
                ("input[session_id]", sid.as_str()),
                ("input[reason]", "Test"),
            ],
        ),
        (
            "sessions/add_learners",
            vec![
                ("input[session_id]", sid.as_str()),
                ("input[emails]", learner.email.as_str()),
            ],
        ),
    ] {
        assert_eq!(
            app.call(&other.client, endpoint, &form).await.status(),
            403,
            "{endpoint}"
        );
    }
    let enrolment = enrolment_rows(&app, session).await[0].id.to_string();
    let r = app
        .call(
            &other.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &enrolment)],
        )
        .await;
    assert_eq!(r.status(), 404);
    let d = detail(&app, &other.client, session).await;
    assert!(!d.can_manage && d.roster.is_empty() && d.form.is_none());
    let mine = app
        .call(&other.client, "sessions/manage_list", &[])
        .await
        .json::<ManagedPage>()
        .await
        .expect("list")
        .sessions;
    assert!(mine.is_empty());
    assert_eq!(
        with_status(&enrolment_rows(&app, session).await, "confirmee").len(),
        1
    );
}

#[tokio::test]
async fn a_learner_cannot_see_or_cancel_another_learners_enrolment() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let lea = app.signed_in(Role::Learner).await;
    let paul = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 5).await;
    assert_eq!(enrol(&app, &lea, session).await.status(), 200);
    let enrolment = enrolment_rows(&app, session).await[0].id.to_string();

    let seen_by_paul = detail(&app, &paul.client, session).await;
    assert!(seen_by_paul.roster.is_empty() && seen_by_paul.mine.is_none());
    assert_eq!(
        seen_by_paul.visio_url, None,
        "the visio link is for confirmed people"
    );
    let r = app
        .call(
            &paul.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &enrolment)],
        )
        .await;
    assert_eq!(r.status(), 404);
    let seen_by_trainer = detail(&app, &trainer.client, session).await;
    assert_eq!(seen_by_trainer.roster.len(), 1);
    assert_eq!(
        seen_by_trainer.roster[0].email.as_deref(),
        Some(lea.email.as_str())
    );
    let seen_by_lea = detail(&app, &lea.client, session).await;
    assert!(seen_by_lea.visio_url.is_some());
}

#[tokio::test]
async fn learners_cancel_until_the_deadline_and_trainers_at_any_time() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let lea = app.signed_in(Role::Learner).await;
    let paul = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 1).await;
    assert_eq!(enrol(&app, &lea, session).await.status(), 200);
    assert_eq!(enrol(&app, &paul, session).await.status(), 200);
    // The enrolment deadline has passed.
    let row = app::db::entities::training_sessions::Entity::find_by_id(session)
        .one(&app.db)
        .await
        .expect("query")
        .expect("session");
    let mut row: app::db::entities::training_sessions::ActiveModel = row.into();
    row.enrolment_deadline = Set(Some(chrono::Utc::now() - chrono::Duration::hours(1)));
    row.update(&app.db).await.expect("deadline");
    let rows = enrolment_rows(&app, session).await;
    let leas = rows
        .iter()
        .find(|e| e.user_id == lea.id)
        .expect("lea")
        .id
        .to_string();

    let late = app
        .call(
            &lea.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &leas)],
        )
        .await;
    assert_eq!(late.status(), 422);
    assert!(
        late.text()
            .await
            .expect("body")
            .contains("délai d’annulation")
    );
    let d = detail(&app, &lea.client, session).await;
    assert_eq!(d.mine.map(|m| m.may_cancel), Some(false));

    let by_trainer = app
        .call(
            &trainer.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &leas)],
        )
        .await;
    assert_eq!(by_trainer.status(), 200);
    let rows = enrolment_rows(&app, session).await;
    let paul_now = rows.iter().find(|e| e.user_id == paul.id).expect("paul");
    assert_eq!(
        paul_now.status, "confirmee",
        "promoted from the waiting list"
    );
}
