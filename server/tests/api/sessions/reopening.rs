//! Reopening a cancelled session (its trainers or the coordinator, with a
//! reason, before its last half-day ends): planned again, everyone still
//! enrolled or waiting is emailed, audited; and deleting a session nobody is
//! enrolled in, once confirmed.

use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::db::entities::{email_outbox, enrolments, session_slots, training_sessions};
use app::roles::Role;
use app::sessions::rules::Status;

use crate::attendance::support::{audit, set_mark, start_slot};
use crate::sessions::planning::detail;
use crate::sessions::support::{create_session, enrol, enrolment_rows, slot_rows};
use crate::support::{TestApp, TestUser};

async fn act(
    app: &TestApp,
    who: &TestUser,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let r = app.call(&who.client, endpoint, form).await;
    (r.status().as_u16(), r.text().await.unwrap_or_default())
}

async fn cancel(app: &TestApp, who: &TestUser, session: i32) {
    let sid = session.to_string();
    let (status, body) = act(
        app,
        who,
        "sessions/cancel",
        &[
            ("input[session_id]", &sid),
            ("input[reason]", "Salle indisponible"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

async fn reopen(app: &TestApp, who: &TestUser, session: i32, reason: &str) -> (u16, String) {
    let sid = session.to_string();
    act(
        app,
        who,
        "sessions/reopen",
        &[("input[session_id]", &sid), ("input[reason]", reason)],
    )
    .await
}

async fn outbox(app: &TestApp, kind: &str) -> Vec<email_outbox::Model> {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq(kind))
        .all(&app.db)
        .await
        .expect("outbox")
}

async fn exists(app: &TestApp, session: i32) -> bool {
    training_sessions::Entity::find_by_id(session)
        .one(&app.db)
        .await
        .expect("query")
        .is_some()
}

#[tokio::test]
async fn a_cancelled_session_is_reopened_with_a_reason_and_its_learners_are_told() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let other = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 1).await;
    let (confirmed, waiting, gone) = (
        app.signed_in(Role::Learner).await,
        app.signed_in(Role::Learner).await,
        app.signed_in(Role::Learner).await,
    );
    for l in [&confirmed, &waiting, &gone] {
        assert_eq!(enrol(&app, l, session).await.status(), 200);
    }
    let gone_enrolment = enrolment_rows(&app, session)
        .await
        .into_iter()
        .find(|e| e.user_id == gone.id)
        .expect("enrolment")
        .id
        .to_string();
    let (status, _) = act(
        &app,
        &gone,
        "sessions/cancel_enrolment",
        &[("input[enrolment_id]", &gone_enrolment)],
    )
    .await;
    assert_eq!(status, 200);
    cancel(&app, &trainer, session).await;
    let page = format!("/sessions/{}", session);
    let (_, html) = app.page_as(&trainer.client, &page).await;
    assert!(html.contains("Rétablir la session"), "{html}");
    assert!(
        html.contains("Motif du rétablissement (obligatoire)"),
        "{html}"
    );

    // No reason, someone else's session, a learner: refused, nothing changes.
    let (status, body) = reopen(&app, &trainer, session, "  ").await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Indiquez le motif du rétablissement."),
        "{body}"
    );
    let (status, body) = reopen(&app, &trainer, session, &"x".repeat(1001)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(reopen(&app, &other, session, "Salle trouvée").await.0, 403);
    assert_eq!(
        reopen(&app, &confirmed, session, "Salle trouvée").await.0,
        403
    );
    assert_eq!(
        detail(&app, &trainer.client, session).await.summary.status,
        Status::Cancelled
    );
    assert!(outbox(&app, "session_reopened").await.is_empty());

    // Its trainer reopens it.
    let (status, body) = reopen(&app, &trainer, session, "Salle trouvée <enfin>").await;
    assert_eq!(status, 200, "{body}");
    let d = detail(&app, &trainer.client, session).await;
    assert_eq!(d.summary.status, Status::Planned);
    assert_eq!(d.cancel_reason, None);
    assert!(!d.can_reopen);
    let mut told: Vec<String> = outbox(&app, "session_reopened")
        .await
        .into_iter()
        .map(|m| {
            assert!(m.subject.contains("a finalement lieu"), "{}", m.subject);
            assert!(m.body_text.contains("Motif : Salle trouvée <enfin>"));
            assert!(m.body_html.contains("Salle trouvée &lt;enfin&gt;"));
            if m.recipient == waiting.email {
                assert!(m.body_text.contains("Vous restez sur la liste d’attente"));
            } else {
                assert!(m.body_text.contains("Votre inscription est maintenue"));
            }
            m.recipient
        })
        .collect();
    told.sort();
    let mut expected = vec![confirmed.email.clone(), waiting.email.clone()];
    expected.sort();
    assert_eq!(told, expected, "the cancelled enrolment is not told");
    let logged = audit(&app, "session_reopened").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].actor_id, Some(trainer.id));
    let details = logged[0].details.clone().expect("details");
    assert_eq!(details["reason"], "Salle trouvée <enfin>");
    assert_eq!(details["cancel_reason"], "Salle indisponible");
    let (_, html) = app
        .page_as(&trainer.client, &format!("{page}?retablie=1"))
        .await;
    assert!(html.contains("Session rétablie"), "{html}");
    // Reopening twice is refused; a new learner may enrol again.
    let (status, body) = reopen(&app, &trainer, session, "Encore").await;
    assert_eq!(status, 422);
    assert!(body.contains("Seule une session annulée"), "{body}");
    let newcomer = app.signed_in(Role::Learner).await;
    assert_eq!(enrol(&app, &newcomer, session).await.status(), 200);

    // Cancelled again, then reopened by the coordinator: new notices each time.
    cancel(&app, &trainer, session).await;
    assert_eq!(outbox(&app, "session_cancelled").await.len(), 3 + 2);
    let coordinator = app.signed_in(Role::Coordinator).await;
    assert_eq!(
        reopen(&app, &coordinator, session, "Finalement oui")
            .await
            .0,
        200
    );
    assert_eq!(outbox(&app, "session_reopened").await.len(), 2 + 3);
    assert_eq!(audit(&app, "session_reopened").await.len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn a_cancelled_session_in_the_past_cannot_be_reopened() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 5).await;
    let learner = app.signed_in(Role::Learner).await;
    assert_eq!(enrol(&app, &learner, session).await.status(), 200);
    let slots = slot_rows(&app, session).await;
    start_slot(&app, slots[0].id, Duration::days(2)).await;
    start_slot(&app, slots[1].id, Duration::days(1)).await;
    cancel(&app, &trainer, session).await;
    assert!(!detail(&app, &trainer.client, session).await.can_reopen);
    let (_, html) = app
        .page_as(&trainer.client, &format!("/sessions/{session}"))
        .await;
    assert!(!html.contains("Rétablir la session"), "{html}");

    let (status, body) = reopen(&app, &trainer, session, "Trop tard").await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Cette session est passée : elle ne peut plus être rétablie."),
        "{body}"
    );
    assert_eq!(
        detail(&app, &trainer.client, session).await.summary.status,
        Status::Cancelled
    );
    assert!(outbox(&app, "session_reopened").await.is_empty());
    assert!(audit(&app, "session_reopened").await.is_empty());

    // Under way (its last half-day still to end), it may be.
    start_slot(&app, slots[1].id, Duration::hours(1)).await;
    assert_eq!(reopen(&app, &trainer, session, "Finalement").await.0, 200);
    app.stop().await;
}

#[tokio::test]
async fn a_session_nobody_is_enrolled_in_is_deleted_once_confirmed() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let other = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 5).await;
    let sid = session.to_string();
    let (_, html) = app
        .page_as(&trainer.client, &format!("/sessions/{session}"))
        .await;
    assert!(
        html.contains("Je confirme la suppression définitive"),
        "{html}"
    );

    // Not confirmed, or not theirs: refused.
    let (status, body) = act(
        &app,
        &trainer,
        "sessions/delete",
        &[("input[session_id]", &sid)],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Je confirme la suppression définitive"),
        "{body}"
    );
    let (status, _) = act(
        &app,
        &trainer,
        "sessions/delete",
        &[("input[session_id]", &sid), ("input[confirm]", "peut-être")],
    )
    .await;
    assert_eq!(status, 422);
    let confirmed = [
        ("input[session_id]", sid.as_str()),
        ("input[confirm]", "oui"),
    ];
    assert_eq!(
        act(&app, &other, "sessions/delete", &confirmed).await.0,
        403
    );
    assert!(exists(&app, session).await);
    assert!(audit(&app, "session_deleted").await.is_empty());

    let (status, body) = act(&app, &trainer, "sessions/delete", &confirmed).await;
    assert_eq!(status, 200, "{body}");
    assert!(!exists(&app, session).await);
    let left = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(left, 0);
    let logged = audit(&app, "session_deleted").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].actor_id, Some(trainer.id));
    assert_eq!(
        logged[0].details.clone().expect("details")["title"],
        "Groupe du printemps"
    );
    let r = app
        .call(&trainer.client, "sessions/detail", &[("session_id", &sid)])
        .await;
    assert_eq!(r.status(), 404);
    let (_, html) = app.page_as(&trainer.client, "/sessions?supprimee=1").await;
    assert!(html.contains("Session supprimée."), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn a_session_with_enrolments_or_marks_is_not_deleted() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 5).await;
    let sid = session.to_string();
    let confirmed = [
        ("input[session_id]", sid.as_str()),
        ("input[confirm]", "oui"),
    ];
    let learner = app.signed_in(Role::Learner).await;
    assert_eq!(enrol(&app, &learner, session).await.status(), 200);

    let (status, body) = act(&app, &coordinator, "sessions/delete", &confirmed).await;
    assert_eq!(status, 422);
    assert!(
        body.contains(
            "Des personnes sont inscrites : annulez la session plutôt que de la supprimer."
        ),
        "{body}"
    );

    // A mark stays even once the enrolment is cancelled: still refused.
    let enrolment = enrolment_rows(&app, session).await[0].id;
    let slot = slot_rows(&app, session).await[0].id;
    let r = set_mark(&app, &trainer.client, session, slot, enrolment, "present").await;
    assert_eq!(r.status(), 200);
    let eid = enrolment.to_string();
    let (status, _) = act(
        &app,
        &trainer,
        "sessions/cancel_enrolment",
        &[("input[enrolment_id]", &eid)],
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = act(&app, &coordinator, "sessions/delete", &confirmed).await;
    assert_eq!(status, 422);
    assert!(body.contains("émargements"), "{body}");
    assert!(exists(&app, session).await);
    assert!(audit(&app, "session_deleted").await.is_empty());

    // Only a cancelled enrolment without marks: deleted by the coordinator.
    let second = create_session(&app, &trainer, None, 5).await;
    assert_eq!(enrol(&app, &learner, second).await.status(), 200);
    let eid = enrolment_rows(&app, second).await[0].id.to_string();
    let (status, _) = act(
        &app,
        &learner,
        "sessions/cancel_enrolment",
        &[("input[enrolment_id]", &eid)],
    )
    .await;
    assert_eq!(status, 200);
    let second_id = second.to_string();
    let (status, body) = act(
        &app,
        &coordinator,
        "sessions/delete",
        &[("input[session_id]", &second_id), ("input[confirm]", "oui")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(!exists(&app, second).await);
    let rows = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.eq(second))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(rows, 0);
    app.stop().await;
}
