//! The coordinator's account search keeps addresses out of URLs: the query is
//! posted, kept in a private cookie, and survives the page's other forms.

use app::roles::Role;

use super::{message, submit};
use crate::support::{TestApp, TestUser};

/// The names of the listed accounts, as the page's row headers show them.
fn row_names(html: &str) -> Vec<String> {
    html.split("<th scope=\"row\">")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap_or_default().to_owned())
        .collect()
}

/// What the server function gives the hydrated page.
async fn listed(app: &TestApp, coordinator: &TestUser) -> app::accounts::AccountList {
    app.call(&coordinator.client, "accounts/list_accounts", &[])
        .await
        .json()
        .await
        .expect("list")
}

#[tokio::test]
async fn the_search_finds_an_account_without_putting_the_address_in_a_url() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let wanted = app
        .create_user(Role::Learner, "zoe.martin@example.org")
        .await;
    app.create_user(Role::Learner, "autre.personne@example.org")
        .await;
    let id = wanted.id.to_string();

    // Without JavaScript: the form posts, the server answers with a redirect
    // whose address holds nothing of the search.
    let posted = coordinator
        .client
        .post(app.url("/api/accounts/search_accounts"))
        .header("Accept", "text/html")
        .header("Referer", app.url("/coordination/comptes"))
        .form(&[("query", " ZOE.martin@ ")])
        .send()
        .await
        .expect("POST");
    assert!(posted.status().is_redirection(), "{}", posted.status());
    let location = posted.headers()["location"].to_str().expect("location");
    assert!(location.ends_with("/coordination/comptes"), "{location}");
    let cookie = posted.headers()["set-cookie"].to_str().expect("cookie");
    assert!(!cookie.to_lowercase().contains("zoe"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));

    let (_, page) = app
        .page_as(&coordinator.client, "/coordination/comptes")
        .await;
    assert_eq!(row_names(&page), ["Personne Learner"], "{page}");
    assert!(page.contains("zoe.martin@example.org"));
    assert!(!page.contains("autre.personne@example.org"));
    assert!(
        page.contains("value=\"ZOE.martin@\""),
        "the field shows the search"
    );

    // A change made on the page, without JavaScript, keeps the search.
    let page = submit(
        &app,
        &coordinator.client,
        "accounts/change_role",
        &[("input[user_id]", &id), ("input[role]", "trainer")],
    )
    .await;
    assert!(page.contains("Le rôle a été modifié."));
    assert_eq!(row_names(&page).len(), 1);

    // The hydrated page reads the same search.
    let list = listed(&app, &coordinator).await;
    assert_eq!(list.query, "ZOE.martin@");
    assert_eq!(list.rows.len(), 1);
    assert_eq!(list.rows[0].id, wanted.id);

    // An empty search lists every account again.
    let page = submit(
        &app,
        &coordinator.client,
        "accounts/search_accounts",
        &[("query", "")],
    )
    .await;
    assert!(row_names(&page).len() >= 3, "{page}");
}

#[tokio::test]
async fn a_search_too_long_or_on_two_lines_is_refused_and_the_last_one_kept() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    app.create_user(Role::Learner, "zoe.martin@example.org")
        .await;
    let kept = app
        .call(
            &coordinator.client,
            "accounts/search_accounts",
            &[("query", "zoe")],
        )
        .await;
    assert_eq!(kept.status(), 200);

    let long = "a".repeat(255);
    let refused = app
        .call(
            &coordinator.client,
            "accounts/search_accounts",
            &[("query", &long)],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        message(refused).await,
        "La recherche ne doit pas dépasser 254 caractères."
    );
    let refused = app
        .call(
            &coordinator.client,
            "accounts/search_accounts",
            &[("query", "zoe\nmartin")],
        )
        .await;
    assert_eq!(refused.status(), 422);

    let list = listed(&app, &coordinator).await;
    assert_eq!(list.query, "zoe");
    assert_eq!(list.rows.len(), 1);
}
