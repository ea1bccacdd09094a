//! « Comptes » comes 50 accounts at a time: those whose erasure waits first,
//! then by name, each account once; the address of a page holds only the id
//! of the account it follows, and the links between pages work without
//! JavaScript. « Structures » likewise, with a search by name or city.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::accounts::service::accounts_admin::ACCOUNTS_PER_PAGE;
use app::accounts::{AccountList, StructureList};
use app::db::entities::{structures, users};
use app::roles::Role;

use super::message;
use crate::support::fixtures::{rename, structure};
use crate::support::{TestApp, TestUser};

async fn page(app: &TestApp, coordinator: &TestUser, after: Option<i32>) -> AccountList {
    let after = after.map(|id| id.to_string());
    let fields: Vec<(&str, &str)> = after.as_deref().map(|a| ("after", a)).into_iter().collect();
    let response = app
        .call(&coordinator.client, "accounts/list_accounts", &fields)
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("page")
}

#[tokio::test]
async fn the_accounts_come_a_page_at_a_time_each_once_in_order() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    rename(&app.db, coordinator.id, "Coordination Test", None).await;
    // Created in the reverse order of their names: the order is the names'.
    for n in (0..119).rev() {
        let user = app
            .create_user(Role::Learner, &format!("apprenant{n:03}@example.org"))
            .await;
        rename(&app.db, user.id, &format!("Apprenant {n:03}"), None).await;
    }
    let waiting = app
        .create_user(Role::Learner, "zoe.attente@example.org")
        .await;
    rename(&app.db, waiting.id, "Zoé Attente", None).await;
    users::Entity::update_many()
        .col_expr(
            users::Column::ErasureRequestedAt,
            Expr::value(chrono::Utc::now()),
        )
        .filter(users::Column::Id.eq(waiting.id))
        .exec(&app.db)
        .await
        .expect("erasure requested");

    let mut names = Vec::new();
    let mut after = None;
    let mut pages = Vec::new();
    loop {
        let list = page(&app, &coordinator, after).await;
        assert_eq!(list.total, 121);
        assert_eq!(list.later_page, after.is_some());
        assert!(list.rows.len() as u64 <= ACCOUNTS_PER_PAGE);
        pages.push(list.rows.len());
        names.extend(list.rows.iter().map(|r| r.display_name.clone()));
        match list.next {
            Some(id) => {
                assert_eq!(Some(id), list.rows.last().map(|r| r.id));
                after = Some(id);
            }
            None => break,
        }
    }
    assert_eq!(pages, [50, 50, 21]);
    let mut expected = vec!["Zoé Attente".to_owned()];
    expected.extend((0..119).map(|n| format!("Apprenant {n:03}")));
    expected.push("Coordination Test".to_owned());
    assert_eq!(names, expected);

    // Without JavaScript: the second page is a plain address, its rows and
    // both links are in the HTML.
    let first = page(&app, &coordinator, None).await;
    let second_id = first.next.expect("a second page");
    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/comptes?apres={second_id}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Apprenant 049") && html.contains("Apprenant 098"));
    assert!(!html.contains("Apprenant 048") && !html.contains("Apprenant 099"));
    assert!(html.contains("121 compte(s), 50 sur cette page"), "{html}");
    assert!(html.contains("href=\"/coordination/comptes\""));
    let third = page(&app, &coordinator, Some(second_id)).await.next;
    assert!(html.contains(&format!(
        "href=\"/coordination/comptes?apres={}\"",
        third.expect("a third page")
    )));
}

#[tokio::test]
async fn a_page_that_was_never_given_is_refused() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    for after in ["abc", "999999", "1_2"] {
        let response = app
            .call(
                &coordinator.client,
                "accounts/list_accounts",
                &[("after", after)],
            )
            .await;
        assert_eq!(response.status(), 422, "{after}");
        assert_eq!(
            message(response).await,
            "Cette page de la liste des comptes n’existe pas."
        );
    }
    let (status, html) = app
        .page_as(&coordinator.client, "/coordination/comptes?apres=abc")
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("Cette page de la liste des comptes n’existe pas."));
}

async fn structures_page(
    app: &TestApp,
    coordinator: &TestUser,
    fields: &[(&str, &str)],
) -> StructureList {
    let response = app
        .call(&coordinator.client, "accounts/list_all_structures", fields)
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("page")
}

#[tokio::test]
async fn the_structures_come_a_page_at_a_time_and_a_search_narrows_them() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    for n in (0..60).rev() {
        let city = if n % 10 == 0 { "Thionville" } else { "Metz" };
        let id = structure(&app.db, &format!("Association {n:02}"), "action_sociale").await;
        structures::Entity::update_many()
            .col_expr(structures::Column::City, Expr::value(city))
            .filter(structures::Column::Id.eq(id))
            .exec(&app.db)
            .await
            .expect("city");
    }
    let first = structures_page(&app, &coordinator, &[]).await;
    assert_eq!((first.total, first.rows.len()), (60, 50));
    assert_eq!(
        first.choices.len(),
        60,
        "the merge form offers every structure"
    );
    let next = first.next.expect("a second page").to_string();
    let second = structures_page(&app, &coordinator, &[("after", &next)]).await;
    let names: Vec<String> = first
        .rows
        .iter()
        .chain(&second.rows)
        .map(|s| s.name.clone())
        .collect();
    let expected: Vec<String> = (0..60).map(|n| format!("Association {n:02}")).collect();
    assert_eq!(names, expected);
    assert!(second.later_page && second.next.is_none());

    // A search by city, kept in the address with the page (not personal).
    let found = structures_page(&app, &coordinator, &[("search", " thionVILLE ")]).await;
    assert_eq!(found.total, 6);
    assert_eq!(found.search, "thionVILLE");
    let (status, html) = app
        .page_as(
            &coordinator.client,
            "/coordination/structures?recherche=Association+0",
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("10 structure(s)"), "{html}");
    assert!(html.contains("<th scope=\"row\">Association 09<"));
    assert!(!html.contains("<th scope=\"row\">Association 10<"));
    let (_, html) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/structures?apres={next}"),
        )
        .await;
    assert!(
        html.contains("60 structure(s), 10 sur cette page"),
        "{html}"
    );
    assert!(html.contains("href=\"/coordination/structures\""));

    for after in ["abc", "999999"] {
        let response = app
            .call(
                &coordinator.client,
                "accounts/list_all_structures",
                &[("after", after)],
            )
            .await;
        assert_eq!(response.status(), 422, "{after}");
        assert_eq!(
            message(response).await,
            "Cette page de la liste des structures n’existe pas."
        );
    }
}
