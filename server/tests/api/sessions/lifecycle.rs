//! A session's life: it becomes « Réalisée » when its last roll call is
//! signed after every half-day, or from the periodic job; until then a past
//! session with an unsigned roll call is « à clôturer » on its trainers' and
//! the coordinator's homes; closing is one change, however many instances try.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr};

use app::db::entities::{session_slots, training_sessions};
use app::roles::Role;
use app::sessions::service::lifecycle::close_if_held;
use app::space::types::{CoordinatorHome, TrainerHome};
use server::reminders::run_once;

use crate::attendance::support::{Class, audit, call, class, ids, start_slot};
use crate::support::{TestApp, TestUser};

const EXPLANATION: &str =
    "Signez les appels restants pour que la session soit comptée comme réalisée.";

async fn status(app: &TestApp, session: i32) -> String {
    training_sessions::Entity::find_by_id(session)
        .select_only()
        .column(training_sessions::Column::Status)
        .into_tuple::<String>()
        .one(&app.db)
        .await
        .expect("query")
        .expect("session")
}

/// Moves the class's two half-days to yesterday and the day before: both over.
async fn in_the_past(app: &TestApp, c: &Class) {
    start_slot(app, c.slots[0], Duration::days(2)).await;
    start_slot(app, c.slots[1], Duration::days(1)).await;
}

/// Signs a roll call through the interface, as the roll call page does.
async fn sign(app: &TestApp, c: &Class, slot: i32) {
    let r = call(
        app,
        &c.trainer.client,
        "sessions/confirm_slot",
        &ids(c.session, slot),
    )
    .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

/// Signs a roll call in the database only (no hook runs).
async fn sign_directly(app: &TestApp, slot: i32, by: &TestUser) {
    session_slots::Entity::update_many()
        .col_expr(
            session_slots::Column::ConfirmedAt,
            Expr::value(Utc::now() - Duration::hours(1)),
        )
        .col_expr(session_slots::Column::ConfirmedBy, Expr::value(by.id))
        .filter(session_slots::Column::Id.eq(slot))
        .exec(&app.db)
        .await
        .expect("sign");
}

async fn home<T: serde::de::DeserializeOwned>(app: &TestApp, who: &TestUser, name: &str) -> T {
    let response = app.call(&who.client, &format!("space/{name}"), &[]).await;
    assert_eq!(response.status(), 200, "{name}");
    response.json().await.expect("home")
}

/// The sessions « à clôturer » of a trainer's home, with their unsigned roll calls.
async fn trainer_to_close(app: &TestApp, who: &TestUser) -> Vec<(i32, usize)> {
    let view: TrainerHome = home(app, who, "trainer_home").await;
    view.to_close
        .iter()
        .map(|s| (s.session_id, s.unsigned))
        .collect()
}

#[tokio::test]
async fn signing_the_last_roll_call_of_a_past_session_makes_it_held() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    in_the_past(&app, &c).await;
    let page = format!("/sessions/{}", c.session);

    sign(&app, &c, c.slots[0]).await;
    assert_eq!(status(&app, c.session).await, "prevue");
    let (code, html) = app.page_as(&c.trainer.client, &page).await;
    assert_eq!(code, 200);
    assert!(
        html.contains("Prévue") && !html.contains("Réalisée"),
        "{html}"
    );
    assert!(audit(&app, "session_held").await.is_empty());

    sign(&app, &c, c.slots[1]).await;
    assert_eq!(status(&app, c.session).await, "realisee");
    let (code, html) = app.page_as(&c.trainer.client, &page).await;
    assert_eq!(code, 200);
    assert!(html.contains("Réalisée"), "{html}");
    let logged = audit(&app, "session_held").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].actor_id, None);
    assert_eq!(logged[0].target_id, Some(c.session));

    // Signing again changes nothing more.
    sign(&app, &c, c.slots[1]).await;
    assert_eq!(audit(&app, "session_held").await.len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn an_unsigned_past_session_is_to_close_for_its_trainers_and_the_coordinator() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let mine = class(&app, 1).await;
    let theirs = class(&app, 0).await;
    let upcoming = class(&app, 0).await;
    for c in [&mine, &theirs] {
        in_the_past(&app, c).await;
    }
    sign(&app, &mine, mine.slots[0]).await;
    // Nothing to close yet for the job: a roll call is unsigned.
    run_once(&app.db, Utc::now(), &app.address)
        .await
        .expect("run");
    assert_eq!(status(&app, mine.session).await, "prevue");

    assert_eq!(
        trainer_to_close(&app, &mine.trainer).await,
        [(mine.session, 1)]
    );
    let (_, html) = app.page_as(&mine.trainer.client, "/mon-espace").await;
    assert!(html.contains("Sessions à clôturer"), "{html}");
    assert!(html.contains(EXPLANATION), "{html}");
    assert!(html.contains(&format!("href=\"/sessions/{}\"", mine.session)));
    assert!(html.contains("1 appel à signer"), "{html}");
    assert!(!html.contains(&format!("href=\"/sessions/{}\"", theirs.session)));

    assert_eq!(
        trainer_to_close(&app, &theirs.trainer).await,
        [(theirs.session, 2)]
    );
    let (_, html) = app.page_as(&theirs.trainer.client, "/mon-espace").await;
    assert!(html.contains("2 appels à signer"), "{html}");
    assert!(!html.contains(&format!("href=\"/sessions/{}\"", mine.session)));

    // A trainer with only a session to come has nothing to close.
    assert!(trainer_to_close(&app, &upcoming.trainer).await.is_empty());
    let (_, html) = app.page_as(&upcoming.trainer.client, "/mon-espace").await;
    assert!(!html.contains("Sessions à clôturer"));

    let view: CoordinatorHome = home(&app, &coordinator, "coordinator_home").await;
    let mut listed: Vec<i32> = view.to_close.iter().map(|s| s.session_id).collect();
    listed.sort();
    assert_eq!(listed, [mine.session, theirs.session]);
    let (_, html) = app.page_as(&coordinator.client, "/mon-espace").await;
    assert!(html.contains(EXPLANATION), "{html}");
    for c in [&mine, &theirs] {
        assert!(html.contains(&format!("href=\"/sessions/{}\"", c.session)));
    }
    // Listed once: the coordinator's own home, not the teaching part.
    assert_eq!(html.matches("Sessions à clôturer").count(), 1);
    assert!(trainer_to_close(&app, &coordinator).await.is_empty());

    // Once signed, it is held and listed nowhere.
    sign(&app, &mine, mine.slots[1]).await;
    assert!(trainer_to_close(&app, &mine.trainer).await.is_empty());
    let view: CoordinatorHome = home(&app, &coordinator, "coordinator_home").await;
    let listed: Vec<i32> = view.to_close.iter().map(|s| s.session_id).collect();
    assert_eq!(listed, [theirs.session]);
    app.stop().await;
}

#[tokio::test]
async fn the_periodic_job_closes_a_fully_signed_past_session() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    // Both roll calls signed while under way: not over, so still planned.
    start_slot(&app, c.slots[0], Duration::minutes(30)).await;
    start_slot(&app, c.slots[1], Duration::minutes(20)).await;
    sign(&app, &c, c.slots[0]).await;
    sign(&app, &c, c.slots[1]).await;
    assert_eq!(status(&app, c.session).await, "prevue");
    run_once(&app.db, Utc::now(), &app.address)
        .await
        .expect("run");
    assert_eq!(status(&app, c.session).await, "prevue");

    // Later, both half-days are over: the job marks the session held, once.
    let later = Utc::now() + Duration::hours(4);
    run_once(&app.db, later, &app.address).await.expect("run");
    assert_eq!(status(&app, c.session).await, "realisee");
    run_once(&app.db, later, &app.address).await.expect("run");
    let logged = audit(&app, "session_held").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].actor_id, None);
    app.stop().await;
}

#[tokio::test]
async fn two_concurrent_closings_change_the_session_once() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    in_the_past(&app, &c).await;
    for slot in &c.slots {
        sign_directly(&app, *slot, &c.trainer).await;
    }
    let now = Utc::now();
    let (a, b) = tokio::join!(
        close_if_held(&app.db, c.session, now),
        close_if_held(&app.db, c.session, now)
    );
    let changed = [a.expect("first closing"), b.expect("second closing")];
    assert_eq!(changed.iter().filter(|c| **c).count(), 1, "{changed:?}");
    assert_eq!(status(&app, c.session).await, "realisee");
    assert_eq!(audit(&app, "session_held").await.len(), 1);
    app.stop().await;
}
