//! Check-in codes: accepted during the half-day only, expired and rotated
//! codes refused, late after a quarter of an hour, rate-limited per learner
//! and slot, and idempotent.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use app::attendance::types::CheckinCode;
use app::db::entities::checkin_codes;

use crate::attendance::support::{check_in, class, marks, new_code, set_mark, start_slot};
use crate::support::TestApp;

async fn code(app: &TestApp, c: &crate::attendance::support::Class, slot: i32) -> String {
    let r = new_code(app, &c.trainer.client, c.session, slot).await;
    assert_eq!(r.status(), 200);
    let code: CheckinCode = r.json().await.expect("code");
    assert_eq!(code.code.len(), 6);
    code.code
}

fn other_than(code: &str) -> String {
    let n: u32 = code.parse().expect("digits");
    format!("{:06}", (n + 1) % 1_000_000)
}

#[tokio::test]
async fn a_code_is_accepted_during_the_half_day_once() {
    let app = TestApp::spawn().await;
    let c = class(&app, 2).await;
    let slot = c.slots[0];
    start_slot(&app, slot, Duration::minutes(5)).await;
    let code = code(&app, &c, slot).await;
    let stored = checkin_codes::Entity::find()
        .all(&app.db)
        .await
        .expect("codes");
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].code_hash, code);
    assert!(!stored[0].code_hash.contains(&code));

    let (learner, _) = &c.learners[0];
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    let r = check_in(&app, &learner.client, c.session, &spaced).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<String>().await.expect("status"), "present");
    let r = check_in(&app, &learner.client, c.session, &code).await;
    assert_eq!(r.status(), 200, "idempotent");
    let rows = marks(&app, slot).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].status.as_str(), rows[0].method.as_str()),
        ("present", "code")
    );
    assert_eq!(rows[0].recorded_by, Some(learner.id));
    assert!((Utc::now() - rows[0].recorded_at).num_seconds().abs() < 30);

    // A trainer's « late » is never overwritten by a check-in.
    let (other, enrolment) = &c.learners[1];
    assert_eq!(
        set_mark(
            &app,
            &c.trainer.client,
            c.session,
            slot,
            *enrolment,
            "retard"
        )
        .await
        .status(),
        200
    );
    let r = check_in(&app, &other.client, c.session, &code).await;
    assert_eq!(r.json::<String>().await.expect("status"), "retard");
    let theirs = marks(&app, slot)
        .await
        .into_iter()
        .find(|m| m.enrolment_id == *enrolment)
        .expect("mark");
    assert_eq!(
        (theirs.status.as_str(), theirs.method.as_str()),
        ("retard", "appel")
    );

    // Someone not enrolled cannot check in.
    let stranger = app.signed_in(app::roles::Role::Learner).await;
    assert_eq!(
        check_in(&app, &stranger.client, c.session, &code)
            .await
            .status(),
        422
    );
    app.stop().await;
}

#[tokio::test]
async fn a_check_in_after_a_quarter_of_an_hour_is_late_and_replaces_an_absence() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    let (slot, (learner, enrolment)) = (c.slots[0], &c.learners[0]);
    start_slot(&app, slot, Duration::minutes(40)).await;
    assert_eq!(
        set_mark(
            &app,
            &c.trainer.client,
            c.session,
            slot,
            *enrolment,
            "absent"
        )
        .await
        .status(),
        200
    );
    let code = code(&app, &c, slot).await;
    let r = check_in(&app, &learner.client, c.session, &code).await;
    assert_eq!(r.json::<String>().await.expect("status"), "retard");
    let rows = marks(&app, slot).await;
    assert_eq!(
        (rows[0].status.as_str(), rows[0].method.as_str()),
        ("retard", "code")
    );
    app.stop().await;
}

#[tokio::test]
async fn expired_and_rotated_codes_are_refused() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    let (slot, (learner, _)) = (c.slots[0], &c.learners[0]);
    start_slot(&app, slot, Duration::minutes(5)).await;
    let first = code(&app, &c, slot).await;
    checkin_codes::Entity::update_many()
        .col_expr(
            checkin_codes::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::seconds(1)),
        )
        .filter(checkin_codes::Column::SlotId.eq(slot))
        .exec(&app.db)
        .await
        .expect("expire");
    let r = check_in(&app, &learner.client, c.session, &first).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.expect("body").contains("expiré"));

    // « Nouveau code » ends the previous one at once.
    let second = code(&app, &c, slot).await;
    let third = code(&app, &c, slot).await;
    if second != third {
        let r = check_in(&app, &learner.client, c.session, &second).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.expect("body").contains("expiré"));
    }
    let r = check_in(&app, &learner.client, c.session, "12a456").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.expect("body").contains("6 chiffres"));
    assert!(marks(&app, slot).await.is_empty());
    assert_eq!(
        check_in(&app, &learner.client, c.session, &third)
            .await
            .status(),
        200
    );
    app.stop().await;
}

#[tokio::test]
async fn a_code_outside_the_half_day_is_refused() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    let (slot, (learner, _)) = (c.slots[0], &c.learners[0]);
    // The slots are in 2030: no code can be shown yet…
    let r = new_code(&app, &c.trainer.client, c.session, slot).await;
    assert_eq!(r.status(), 422);
    // …and a live code is refused outside the check-in window.
    let (code, _) = app::attendance::service::codes::issue_code(&app.db, slot, Utc::now())
        .await
        .expect("code");
    let r = check_in(&app, &learner.client, c.session, &code).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .expect("body")
            .contains("Aucune demi-journée")
    );
    // Ended an hour ago (started 4 hours ago, lasted 3).
    start_slot(&app, slot, Duration::hours(4)).await;
    let r = check_in(&app, &learner.client, c.session, &code).await;
    assert_eq!(r.status(), 422);
    // 16 minutes before the start: not yet.
    start_slot(&app, slot, -Duration::minutes(16)).await;
    let r = check_in(&app, &learner.client, c.session, &code).await;
    assert_eq!(r.status(), 422);
    assert!(marks(&app, slot).await.is_empty());
    // 14 minutes before: accepted, and on time.
    start_slot(&app, slot, -Duration::minutes(14)).await;
    let r = check_in(&app, &learner.client, c.session, &code).await;
    assert_eq!(r.json::<String>().await.expect("status"), "present");
    app.stop().await;
}

#[tokio::test]
async fn wrong_codes_are_rate_limited_per_learner_and_slot() {
    let app = TestApp::spawn().await;
    let c = class(&app, 2).await;
    let slot = c.slots[0];
    start_slot(&app, slot, Duration::minutes(5)).await;
    let code = code(&app, &c, slot).await;
    let wrong = other_than(&code);
    let (learner, _) = &c.learners[0];
    for _ in 0..5 {
        let r = check_in(&app, &learner.client, c.session, &wrong).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.expect("body").contains("incorrect"));
    }
    // The sixth try is refused, even with the right code.
    let r = check_in(&app, &learner.client, c.session, &code).await;
    assert_eq!(r.status(), 429);
    let error: app::error::AppError = r.json().await.expect("error");
    assert_eq!(error, app::error::AppError::TooManyRequests);
    assert!(error.to_string().starts_with("Trop de tentatives"));
    assert!(marks(&app, slot).await.is_empty());
    // Another learner is not affected.
    let (other, _) = &c.learners[1];
    assert_eq!(
        check_in(&app, &other.client, c.session, &code)
            .await
            .status(),
        200
    );
    app.stop().await;
}
