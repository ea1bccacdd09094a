//! The pages' cache (`routes/page_cache/`): a visitor without cookies gets
//! the public page rendered for the first such visitor until it expires or
//! this instance changes something; a signed-in person gets their own page
//! again until anything in the database changes, and never anyone else's.

use std::time::Duration;

use app::db::entities::modules;
use app::roles::Role;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};

use crate::support::TestApp;

/// A demo instance whose public pages are kept for `ms`.
async fn cached_for(ms: &str) -> TestApp {
    let app = TestApp::spawn_with(&[("RELAIS_PAGE_CACHE_MS", ms)]).await;
    server::demo::load_if_empty(&app.db)
        .await
        .expect("demo data loads");
    app
}

async fn first_module(app: &TestApp) -> modules::Model {
    modules::Entity::find()
        .filter(modules::Column::Published.eq(true))
        .order_by_asc(modules::Column::Position)
        .one(&app.db)
        .await
        .expect("read")
        .expect("a published module")
}

/// Renames the module in the database, as another instance would.
async fn rename_elsewhere(app: &TestApp, module: &modules::Model, title: &str) {
    let mut row: modules::ActiveModel = module.clone().into();
    row.title = Set(title.to_owned());
    row.update(&app.db).await.expect("rename");
}

/// The catalogue as a visitor without cookies gets it (`encoding` accepted).
async fn visit(app: &TestApp, encoding: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(app.url("/formations"))
        .header("Accept-Encoding", encoding)
        .send()
        .await
        .expect("GET")
}

async fn catalogue(app: &TestApp) -> String {
    visit(app, "identity").await.text().await.expect("page")
}

#[tokio::test]
async fn a_visitor_gets_the_cached_page_until_this_instance_changes_something() {
    let app = cached_for("60000").await;
    let module = first_module(&app).await;
    assert!(catalogue(&app).await.contains(&module.title));

    // Another instance's change: the visitor still gets the cached copy…
    rename_elsewhere(&app, &module, "Titre changé ailleurs").await;
    let cached = catalogue(&app).await;
    assert!(cached.contains(&module.title), "served from the cache");
    assert!(!cached.contains("Titre changé ailleurs"));
    // …while a signed-in person, who carries a cookie, sees it at once.
    let coordinator = app.signed_in(Role::Coordinator).await;
    let (status, theirs) = app.page_as(&coordinator.client, "/formations").await;
    assert_eq!(status, 200);
    assert!(theirs.contains("Titre changé ailleurs"));

    // A request refused changes nothing, and leaves the cache as it was.
    let refused = app
        .call(
            &coordinator.client,
            "authoring/update_module",
            &[("input[id]", &module.id.to_string()), ("input[title]", "")],
        )
        .await;
    assert!(refused.status().is_client_error());
    assert!(!catalogue(&app).await.contains("Titre changé ailleurs"));

    // A change made through this instance empties its cache.
    let saved = app
        .call(
            &coordinator.client,
            "authoring/update_module",
            &[
                ("input[id]", &module.id.to_string()),
                ("input[title]", "Titre changé ici"),
                ("input[duration_minutes]", "120"),
            ],
        )
        .await;
    assert!(saved.status().is_success() || saved.status().is_redirection());
    assert!(catalogue(&app).await.contains("Titre changé ici"));
    app.stop().await;
}

#[tokio::test]
async fn a_cached_page_expires_after_its_time() {
    let app = cached_for("300").await;
    let module = first_module(&app).await;
    assert!(catalogue(&app).await.contains(&module.title));
    rename_elsewhere(&app, &module, "Titre après expiration").await;
    assert!(!catalogue(&app).await.contains("Titre après expiration"));
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(catalogue(&app).await.contains("Titre après expiration"));
    app.stop().await;
}

#[tokio::test]
async fn each_encoding_gets_its_own_copy_with_the_nonce_its_policy_names() {
    let app = cached_for("60000").await;
    let gzip = visit(&app, "gzip").await;
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    let again = visit(&app, "gzip").await;
    assert_eq!(again.headers()["content-encoding"], "gzip");
    assert_eq!(
        gzip.headers()["content-security-policy"],
        again.headers()["content-security-policy"],
        "the second answer is the cached first"
    );
    assert_eq!(
        gzip.bytes().await.expect("body"),
        again.bytes().await.expect("body")
    );

    // Asked without compression, the page is plain HTML, and its scripts
    // carry the nonce its policy names.
    let plain = visit(&app, "identity").await;
    assert!(plain.headers().get("content-encoding").is_none());
    let policy = plain.headers()["content-security-policy"]
        .to_str()
        .expect("policy")
        .to_owned();
    let html = plain.text().await.expect("page");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce");
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "{policy}");
    app.stop().await;
}

#[tokio::test]
async fn only_public_pages_found_are_cached() {
    let app = cached_for("60000").await;
    // Rendered for each visitor: a page outside the public ones (the
    // sign-in form), an unknown session (a public address, but a 404) and an
    // unknown address.
    for path in ["/connexion", "/sessions/999999", "/adresse-inconnue"] {
        let first = reqwest::Client::new()
            .get(app.url(path))
            .send()
            .await
            .expect("GET");
        let second = reqwest::Client::new()
            .get(app.url(path))
            .send()
            .await
            .expect("GET");
        let nonce = |r: &reqwest::Response| {
            r.headers()
                .get("content-security-policy")
                .map(|v| v.to_str().unwrap_or_default().to_owned())
        };
        assert_ne!(nonce(&first), nonce(&second), "{path} was rendered twice");
    }
    app.stop().await;
}

/// The `Content-Security-Policy` of an answer: its nonce is new at each
/// rendering, so two equal policies mean one rendering served twice.
fn policy(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Whether `path` is answered twice from one rendering. On PostgreSQL the
/// change stamp is the server's (every database of it): another test writing
/// at that moment makes the next request render again, as it should, so a
/// few tries are allowed.
async fn kept(request: impl Fn() -> reqwest::RequestBuilder) -> bool {
    for _ in 0..20 {
        let first = request().send().await.expect("GET");
        let second = request().send().await.expect("GET");
        assert_eq!(first.status(), 200);
        if policy(&first) == policy(&second) {
            return true;
        }
    }
    false
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (String, String) {
    let response = client.get(app.url(path)).send().await.expect("GET");
    assert_eq!(response.status(), 200, "{path}");
    let policy = policy(&response);
    (policy, response.text().await.expect("page"))
}

#[tokio::test]
async fn a_signed_in_person_gets_their_page_again_until_the_database_changes() {
    let app = cached_for("60000").await;
    let module = first_module(&app).await;
    let learner = app.signed_in(Role::Learner).await;
    let (_, page) = get(&app, &learner.client, "/formations").await;
    assert!(page.contains(&module.title));
    assert!(
        kept(|| learner.client.get(app.url("/formations"))).await,
        "the second answer is the first, kept"
    );
    let (second, _) = get(&app, &learner.client, "/formations").await;

    // A change written behind this server's back (another instance, a
    // background job) shows at the person's next request.
    rename_elsewhere(&app, &module, "Titre changé ailleurs").await;
    let (third, page) = get(&app, &learner.client, "/formations").await;
    assert_ne!(third, second, "rendered again");
    assert!(page.contains("Titre changé ailleurs"));
    assert!(!page.contains(&module.title));
    app.stop().await;
}

#[tokio::test]
async fn nobody_gets_another_persons_page() {
    let app = cached_for("60000").await;
    let learner = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let (_, mine) = get(&app, &learner.client, "/mon-espace").await;
    assert!(kept(|| learner.client.get(app.url("/mon-espace"))).await);
    assert!(mine.contains("Apprenant·e"), "the learner's own page");
    let (_, theirs) = get(&app, &trainer.client, "/mon-espace").await;
    assert!(theirs.contains("Formateur·rice"), "the trainer's own page");
    assert_ne!(mine, theirs);

    // The session ended elsewhere (signed out on another instance): the same
    // cookie no longer gets the page kept for it.
    app::auth::session::destroy_all_for(&app.db, learner.id)
        .await
        .expect("sessions ended");
    let (_, after) = get(&app, &learner.client, "/mon-espace").await;
    assert!(after.contains("Veuillez vous connecter"), "{after}");
    app.stop().await;
}

#[tokio::test]
async fn pages_that_write_or_carry_another_cookie_are_rendered_each_time() {
    let app = cached_for("60000").await;
    let learner = app.signed_in(Role::Learner).await;
    // « Mes données » records nothing in the cache: rendered for each request.
    let (first, _) = get(&app, &learner.client, "/mes-donnees/consulter").await;
    let (second, _) = get(&app, &learner.client, "/mes-donnees/consulter").await;
    assert_ne!(first, second);
    // The session's cookie alone: kept. With another cookie beside it:
    // rendered for each request.
    let token = app::auth::session::create(&app.db, learner.id, chrono::Utc::now())
        .await
        .expect("session");
    let with = |cookies: String| {
        reqwest::Client::new()
            .get(app.url("/mon-espace"))
            .header("Cookie", cookies)
    };
    assert!(kept(|| with(format!("relais_session={token}"))).await);
    let other = || with(format!("relais_session={token}; autre=1"));
    let a = other().send().await.expect("GET");
    let b = other().send().await.expect("GET");
    assert_eq!(a.status(), 200);
    assert!(a.text().await.expect("page").contains("Apprenant·e"));
    assert_ne!(policy(&b), policy(&other().send().await.expect("GET")));
    app.stop().await;
}
