//! Paging by keyset: 50 entries a page, newest first, « Plus anciens » goes on
//! from the last id shown, so an entry written meanwhile neither shifts nor
//! repeats a page.

use sea_orm::{EntityTrait, PaginatorTrait};

use app::db::entities::audit_log;
use app::roles::Role;

use crate::journal::support::{days, journal};
use crate::support::TestApp;

#[tokio::test]
async fn pages_hold_fifty_entries_and_go_on_from_the_last_id() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    // 120 entries from the audit writer itself (as 120 actions would).
    for _ in 0..120 {
        app::audit::record(
            &app.db,
            Some(coordinator.id),
            "sign_in",
            Some(("user", coordinator.id)),
            None,
        )
        .await
        .expect("audit");
    }
    assert_eq!(
        audit_log::Entity::find()
            .count(&app.db)
            .await
            .expect("count"),
        120
    );

    let first = journal(&app, &coordinator, &[]).await;
    assert_eq!(first.entries.len(), 50);
    let ids: Vec<i32> = first.entries.iter().map(|e| e.id).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");
    let older = first.older.expect("more");
    assert_eq!(older, *ids.last().expect("last"));

    // Written after the first page was read: not on the next ones.
    app::audit::record(&app.db, None, "sign_in_failed", None, None)
        .await
        .expect("audit");
    let before = older.to_string();
    let second = journal(&app, &coordinator, &[("before", &before)]).await;
    assert_eq!(second.entries.len(), 50);
    assert!(second.entries.iter().all(|e| e.id < older));
    let third = journal(
        &app,
        &coordinator,
        &[("before", &second.older.expect("more").to_string())],
    )
    .await;
    assert_eq!(third.entries.len(), 20);
    assert_eq!(third.older, None);
    let mut seen: Vec<i32> = [&first, &second, &third]
        .iter()
        .flat_map(|p| p.entries.iter().map(|e| e.id))
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 120, "every entry once");

    // The page links « Plus anciens » with the same filters.
    let (today, _, _) = days();
    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/journal?du={today}"),
        )
        .await;
    assert_eq!(status, 200);
    let next = format!("href=\"/coordination/journal?du={today}&amp;avant=");
    assert!(html.contains(&next), "{html}");
    assert!(html.contains("Plus anciens"));
    let last = format!(
        "/coordination/journal?du={today}&avant={}",
        second.older.expect("more")
    );
    let (status, html) = app.page_as(&coordinator.client, &last).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Plus anciens"), "the last page");
    assert!(html.contains("Les plus récentes"));
}
