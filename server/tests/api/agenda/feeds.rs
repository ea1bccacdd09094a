//! Calendar feeds: `/agenda/<token>.ics` lists the right sessions for a
//! learner and for a trainer, as RFC 5545 text; revoked, replaced and unknown
//! tokens answer 404; nobody revokes someone else's feed.

use app::roles::Role;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use app::db::entities::training_sessions;

use crate::sessions::mail::ics_lines;
use crate::sessions::support::{create_session, enrol};
use crate::support::{TestApp, TestUser, new_client};

/// Creates a feed of `kind` for `who` and returns its address (shown once).
async fn new_feed(app: &TestApp, who: &TestUser, kind: &str) -> String {
    let created = app
        .call(&who.client, "agenda/create_feed", &[("input[kind]", kind)])
        .await;
    assert_eq!(
        created.status(),
        200,
        "{}",
        created.text().await.unwrap_or_default()
    );
    let feeds: serde_json::Value = app
        .call(&who.client, "agenda/my_feeds", &[])
        .await
        .json()
        .await
        .expect("feeds");
    feeds["fresh"]["url"]
        .as_str()
        .expect("the new address is shown once")
        .to_owned()
}

async fn fetch(url: &str) -> (u16, String) {
    let response = new_client().get(url).send().await.expect("feed request");
    let status = response.status().as_u16();
    if status == 200 {
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap_or("")
            .to_owned();
        assert!(content_type.starts_with("text/calendar"), "{content_type}");
    }
    (status, response.text().await.unwrap_or_default())
}

fn events(text: &str) -> (usize, Vec<String>) {
    let lines = ics_lines(text);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    let count = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
    let starts: Vec<String> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("DTSTART:"))
        .map(str::to_owned)
        .collect();
    assert!(starts.iter().all(|s| s.ends_with('Z')), "{starts:?}");
    (count, starts)
}

async fn cancel(app: &TestApp, session: i32) {
    let mut row: training_sessions::ActiveModel = training_sessions::Entity::find_by_id(session)
        .one(&app.db)
        .await
        .expect("session")
        .expect("exists")
        .into();
    row.status = Set("annulee".into());
    row.update(&app.db).await.expect("cancelled");
}

#[tokio::test]
async fn the_feeds_list_confirmed_and_taught_sessions_not_cancelled_ones() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let other = app.signed_in(Role::Learner).await;
    let confirmed = create_session(&app, &trainer, None, 3).await;
    let full = create_session(&app, &trainer, None, 1).await;
    let cancelled = create_session(&app, &trainer, None, 3).await;
    assert_eq!(enrol(&app, &learner, confirmed).await.status(), 200);
    assert_eq!(enrol(&app, &other, full).await.status(), 200);
    assert_eq!(enrol(&app, &learner, full).await.status(), 200); // waiting list
    assert_eq!(enrol(&app, &learner, cancelled).await.status(), 200);
    cancel(&app, cancelled).await;

    let learner_feed = new_feed(&app, &learner, "inscriptions").await;
    let trainer_feed = new_feed(&app, &trainer, "animation").await;

    assert!(learner_feed.contains("/agenda/") && learner_feed.ends_with(".ics"));
    let (status, text) = fetch(&learner_feed).await;
    assert_eq!(status, 200);
    let (count, starts) = events(&text);
    assert_eq!(count, 2, "two half-days of the confirmed session only");
    assert_eq!(starts, ["20300416T070000Z", "20300416T120000Z"]);
    assert!(text.contains(&format!("relais-session-{confirmed}-creneau-")));
    assert!(!text.contains(&format!("relais-session-{full}-")));
    assert!(!text.contains(&format!("relais-session-{cancelled}-")));

    let (status, text) = fetch(&trainer_feed).await;
    assert_eq!(status, 200);
    assert_eq!(
        events(&text).0,
        4,
        "the two sessions taught that are not cancelled"
    );
    // The address was shown once: the next read of the page no longer has it.
    let again: serde_json::Value = app
        .call(&trainer.client, "agenda/my_feeds", &[])
        .await
        .json()
        .await
        .expect("feeds");
    assert!(again["fresh"].is_null(), "{again}");
    assert_eq!(again["feeds"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn revoked_replaced_and_unknown_addresses_answer_404() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let first = new_feed(&app, &learner, "inscriptions").await;
    assert_eq!(fetch(&first).await.0, 200);

    let second = new_feed(&app, &learner, "inscriptions").await;
    assert_eq!(
        fetch(&first).await.0,
        404,
        "regenerating revokes the old address"
    );
    assert_eq!(fetch(&second).await.0, 200);

    let feeds: serde_json::Value = app
        .call(&learner.client, "agenda/my_feeds", &[])
        .await
        .json()
        .await
        .expect("feeds");
    let id = feeds["feeds"][0]["id"]
        .as_i64()
        .expect("one live feed")
        .to_string();
    let revoked = app
        .call(
            &learner.client,
            "agenda/revoke_feed",
            &[("input[feed_id]", &id)],
        )
        .await;
    assert_eq!(revoked.status(), 200);
    assert_eq!(fetch(&second).await.0, 404);

    assert_eq!(
        fetch(&app.url(&format!("/agenda/{}.ics", "A".repeat(43))))
            .await
            .0,
        404
    );
    assert_eq!(fetch(&app.url("/agenda/pas-un-jeton.ics")).await.0, 404);
    assert_eq!(fetch(&app.url("/agenda/feed")).await.0, 404);
}

#[tokio::test]
async fn nobody_revokes_someone_elses_feed_and_learners_have_no_teaching_feed() {
    let app = TestApp::spawn().await;
    let mine = app.signed_in(Role::Learner).await;
    let intruder = app.signed_in(Role::Learner).await;
    let url = new_feed(&app, &mine, "inscriptions").await;
    let feeds: serde_json::Value = app
        .call(&mine.client, "agenda/my_feeds", &[])
        .await
        .json()
        .await
        .expect("feeds");
    let id = feeds["feeds"][0]["id"].as_i64().expect("feed").to_string();

    let refused = app
        .call(
            &intruder.client,
            "agenda/revoke_feed",
            &[("input[feed_id]", &id)],
        )
        .await;
    assert_eq!(refused.status(), 404);
    assert_eq!(fetch(&url).await.0, 200, "still live");

    let teaching = app
        .call(
            &mine.client,
            "agenda/create_feed",
            &[("input[kind]", "animation")],
        )
        .await;
    assert_eq!(teaching.status(), 403);
    let unknown = app
        .call(
            &mine.client,
            "agenda/create_feed",
            &[("input[kind]", "tout")],
        )
        .await;
    assert_eq!(unknown.status(), 422);
}

#[tokio::test]
async fn the_page_shows_the_new_address_once_without_javascript() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    // A plain form post, as a browser without JavaScript sends it.
    let posted = learner
        .client
        .post(app.url("/api/agenda/create_feed"))
        .header("Accept", "text/html")
        .header("Referer", app.url("/mon-agenda"))
        .form(&[("input[kind]", "inscriptions")])
        .send()
        .await
        .expect("form post");
    assert!(posted.status().is_redirection(), "{}", posted.status());

    let (_, page) = app.page_as(&learner.client, "/mon-agenda").await;
    assert!(page.contains("elle ne sera plus jamais affichée"), "{page}");
    assert!(page.contains("/agenda/") && page.contains(".ics"));

    let (_, later) = app.page_as(&learner.client, "/mon-agenda").await;
    assert!(!later.contains("elle ne sera plus jamais affichée"));
    assert!(later.contains("Adresse active"));
}
