//! The cap on places one person holds at once by enrolling themself
//! (`RELAIS_MAX_UPCOMING_ENROLMENTS`): throwaway accounts cannot fill
//! sessions, and a place given back makes room again.

use app::roles::Role;

use super::support::{create_session, enrol, enrolment_rows};
use crate::accounts::message;
use crate::support::TestApp;

#[tokio::test]
async fn a_person_holds_at_most_the_cap_of_upcoming_places_waiting_ones_included() {
    let app = TestApp::spawn_with(&[("RELAIS_MAX_UPCOMING_ENROLMENTS", "2")]).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let other = app.signed_in(Role::Learner).await;
    let first = create_session(&app, &trainer, None, 12).await;
    let full = create_session(&app, &trainer, None, 1).await;
    let third = create_session(&app, &trainer, None, 12).await;
    assert_eq!(enrol(&app, &other, full).await.status(), 200);

    assert_eq!(enrol(&app, &learner, first).await.status(), 200);
    // A place on the waiting list counts as well.
    assert_eq!(enrol(&app, &learner, full).await.status(), 200);
    let refused = enrol(&app, &learner, third).await;

    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        message(refused)
            .await
            .contains("2 sessions à venir, le maximum"),
        "the refusal says why"
    );
    assert!(
        enrolment_rows(&app, third).await.is_empty(),
        "nothing stored"
    );

    // Giving a place back makes room.
    let mine = enrolment_rows(&app, first)
        .await
        .into_iter()
        .find(|e| e.user_id == learner.id)
        .expect("enrolment");
    let cancelled = app
        .call(
            &learner.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &mine.id.to_string())],
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    assert_eq!(enrol(&app, &learner, third).await.status(), 200);
}

#[tokio::test]
async fn the_cap_is_per_person() {
    let app = TestApp::spawn_with(&[("RELAIS_MAX_UPCOMING_ENROLMENTS", "1")]).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 12).await;
    let other_session = create_session(&app, &trainer, None, 12).await;
    for _ in 0..3 {
        let learner = app.signed_in(Role::Learner).await;
        assert_eq!(enrol(&app, &learner, session).await.status(), 200);
        let second = enrol(&app, &learner, other_session).await;
        assert_eq!(second.status().as_u16(), 422);
        assert!(message(second).await.contains("1 session à venir"));
    }
    assert_eq!(enrolment_rows(&app, session).await.len(), 3);
}
