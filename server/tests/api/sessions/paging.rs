//! The sessions a trainer or the coordinator manages come one page at a
//! time, latest first, each session once; the links between pages are plain
//! addresses that work without JavaScript.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::db::entities::session_slots;
use app::roles::Role;
use app::sessions::rules::page::MANAGED_PER_PAGE;
use app::sessions::types::ManagedPage;

use crate::sessions::support::create_session;
use crate::support::{TestApp, TestUser};

async fn managed(app: &TestApp, who: &TestUser, page: Option<&str>) -> ManagedPage {
    let fields: Vec<(&str, &str)> = page.map(|p| ("page", p)).into_iter().collect();
    let response = app.call(&who.client, "sessions/manage_list", &fields).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("page")
}

/// The managed list of a page (the public list of upcoming sessions follows).
fn managed_part(html: &str) -> &str {
    let start = html
        .find("Sessions que vous gérez")
        .expect("the managed list");
    let end = html[start..].find("</details>").expect("its end");
    &html[start..start + end]
}

/// Moves every half-day of `session` by `days`.
async fn shift(app: &TestApp, session: i32, days: i64) {
    let by = chrono::Duration::days(days);
    for slot in session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(session))
        .all(&app.db)
        .await
        .expect("slots")
    {
        session_slots::Entity::update_many()
            .col_expr(
                session_slots::Column::StartsAt,
                Expr::value(slot.starts_at + by),
            )
            .col_expr(
                session_slots::Column::EndsAt,
                Expr::value(slot.ends_at + by),
            )
            .col_expr(session_slots::Column::Day, Expr::value(slot.day + by))
            .filter(session_slots::Column::Id.eq(slot.id))
            .exec(&app.db)
            .await
            .expect("shifted");
    }
}

#[tokio::test]
async fn the_managed_sessions_come_a_page_at_a_time_latest_first_each_once() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let count = MANAGED_PER_PAGE as usize + 5;
    let mut ids = Vec::new();
    for _ in 0..count {
        ids.push(create_session(&app, &coordinator, Some(trainer.id), 4).await);
    }
    // One starts a year later, one a year earlier; the others share their
    // first half-day and follow by number.
    let (latest, earliest) = (ids[3], ids[count - 4]);
    shift(&app, latest, 365).await;
    shift(&app, earliest, -365).await;
    let mut expected: Vec<i32> = ids
        .iter()
        .copied()
        .filter(|id| *id != latest && *id != earliest)
        .rev()
        .collect();
    expected.insert(0, latest);
    expected.push(earliest);

    for who in [&coordinator, &trainer] {
        let first = managed(&app, who, None).await;
        assert_eq!(first.total, count as u64);
        assert_eq!(first.sessions.len(), MANAGED_PER_PAGE as usize);
        assert!(!first.later_page);
        let next = first.next.clone().expect("a second page");
        let second = managed(&app, who, Some(&next)).await;
        assert_eq!(second.sessions.len(), 5);
        assert_eq!(second.next, None);
        assert!(second.later_page);
        let listed: Vec<i32> = first
            .sessions
            .iter()
            .chain(&second.sessions)
            .map(|s| s.id)
            .collect();
        assert_eq!(listed, expected);
    }

    // The page links to the earlier sessions with a plain address.
    let first = managed(&app, &coordinator, None).await;
    let next = first.next.expect("a second page");
    let (status, html) = app.page_as(&coordinator.client, "/sessions").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("Sessions que vous gérez ({count})")),
        "{html}"
    );
    let latest_first = managed_part(&html);
    assert!(latest_first.contains(&format!("href=\"/sessions/{latest}\"")));
    assert!(!latest_first.contains(&format!("href=\"/sessions/{earliest}\"")));
    assert!(latest_first.contains(&format!("href=\"/sessions?gerees={next}\"")));
    let (status, html) = app
        .page_as(&coordinator.client, &format!("/sessions?gerees={next}"))
        .await;
    assert_eq!(status, 200);
    let older = managed_part(&html);
    assert!(older.contains(&format!("href=\"/sessions/{earliest}\"")));
    assert!(!older.contains(&format!("href=\"/sessions/{latest}\"")));
    assert!(older.contains("Sessions les plus récentes"));
}

#[tokio::test]
async fn a_page_code_that_was_never_given_is_refused_in_french() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    for code in ["n-importe-quoi", "12_abc", "1_0"] {
        let response = app
            .call(
                &coordinator.client,
                "sessions/manage_list",
                &[("page", code)],
            )
            .await;
        assert_eq!(response.status(), 422, "{code}");
        let text = response.text().await.expect("body");
        assert!(
            text.contains("Cette page de la liste des sessions n’existe pas."),
            "{text}"
        );
    }
}
