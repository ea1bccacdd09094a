//! Each enrolment's attendance summary (`attended_halfdays`,
//! `attended_minutes`), which database triggers keep for the indicators:
//! it follows every way a mark or a half-day changes.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, FromQueryResult, Statement};

use app::db::entities::session_slots;

use crate::attendance::support::{class, marks, set_mark, start_slot};
use crate::support::TestApp;

#[derive(Debug, PartialEq, FromQueryResult)]
struct Summary {
    attended_halfdays: i32,
    attended_minutes: i32,
}

async fn summary(app: &TestApp, enrolment: i32) -> (i32, i32) {
    let backend = app.db.get_database_backend();
    let s = Summary::find_by_statement(Statement::from_string(
        backend,
        format!(
            "SELECT attended_halfdays, attended_minutes FROM enrolments WHERE id = {enrolment}"
        ),
    ))
    .one(&app.db)
    .await
    .expect("query")
    .expect("enrolment");
    (s.attended_halfdays, s.attended_minutes)
}

async fn set_times(app: &TestApp, slot: i32, hours: i64) {
    let row = session_slots::Entity::find_by_id(slot)
        .one(&app.db)
        .await
        .expect("slot")
        .expect("slot row");
    let starts = row.starts_at;
    let mut a: session_slots::ActiveModel = row.into();
    a.ends_at = Set(starts + Duration::hours(hours));
    a.update(&app.db).await.expect("new times");
}

#[tokio::test]
async fn the_summary_follows_marks_corrections_and_half_day_changes() {
    let app = TestApp::spawn().await;
    let c = class(&app, 2).await;
    let (morning, afternoon) = (c.slots[0], c.slots[1]);
    start_slot(&app, morning, Duration::hours(30)).await;
    start_slot(&app, afternoon, Duration::hours(26)).await;
    let t = &c.trainer.client;
    let (a, b) = (c.learners[0].1, c.learners[1].1);
    assert_eq!(summary(&app, a).await, (0, 0), "nothing attended yet");

    for (slot, enrolment, status) in [
        (morning, a, "present"),
        (afternoon, a, "retard"),
        (morning, b, "absent"),
    ] {
        assert_eq!(
            set_mark(&app, t, c.session, slot, enrolment, status)
                .await
                .status(),
            200
        );
    }
    assert_eq!(
        summary(&app, a).await,
        (2, 360),
        "present and late both count, 3 h each"
    );
    assert_eq!(summary(&app, b).await, (0, 0), "an absence does not count");

    // A correction both ways.
    assert_eq!(
        set_mark(&app, t, c.session, afternoon, a, "absent")
            .await
            .status(),
        200
    );
    assert_eq!(
        set_mark(&app, t, c.session, morning, b, "present")
            .await
            .status(),
        200
    );
    assert_eq!(summary(&app, a).await, (1, 180));
    assert_eq!(summary(&app, b).await, (1, 180));

    // The morning now lasts 2 hours: both attended it.
    set_times(&app, morning, 2).await;
    assert_eq!(summary(&app, a).await, (1, 120));
    assert_eq!(summary(&app, b).await, (1, 120));
    // The afternoon's times change: nobody attended it, nothing moves.
    set_times(&app, afternoon, 1).await;
    assert_eq!(summary(&app, a).await, (1, 120));

    // The morning is deleted: its marks go, and so does what they counted.
    session_slots::Entity::delete_by_id(morning)
        .exec(&app.db)
        .await
        .expect("delete half-day");
    assert!(marks(&app, morning).await.is_empty());
    assert_eq!(summary(&app, a).await, (0, 0));
    assert_eq!(summary(&app, b).await, (0, 0));
    app.stop().await;
}

#[tokio::test]
async fn marks_written_at_the_same_time_all_count() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    for (i, slot) in c.slots.iter().enumerate() {
        start_slot(&app, *slot, Duration::hours(30 - 4 * i as i64)).await;
    }
    let enrolment = c.learners[0].1;
    let calls = c.slots.iter().map(|slot| {
        let (app, client) = (&app, &c.trainer.client);
        async move {
            set_mark(app, client, c.session, *slot, enrolment, "present")
                .await
                .status()
        }
    });
    for status in futures::future::join_all(calls).await {
        assert_eq!(status, 200);
    }
    let n = i32::try_from(c.slots.len()).expect("few slots");
    assert_eq!(summary(&app, enrolment).await, (n, 180 * n));
    app.stop().await;
}
