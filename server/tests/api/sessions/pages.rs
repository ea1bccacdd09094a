//! The sessions pages render on the server (no JavaScript needed): the list
//! with its seats, a session with its management for its trainer, the forms.

use app::roles::Role;

use crate::sessions::support::{create_session, enrol};
use crate::support::TestApp;

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let (status, page) = app.page_as(client, path).await;
    assert_eq!(status, 200, "{path}");
    page
}

#[tokio::test]
async fn the_pages_show_seats_rosters_and_forms() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 1).await;
    assert_eq!(enrol(&app, &learner, session).await.status(), 200);

    let list = page(&app, &app.client, "/sessions").await;
    assert!(list.contains("Groupe du printemps"), "{list}");
    assert!(list.contains("Complet — liste d’attente"));
    assert!(list.contains("mardi 16 avril 2030, matin (9 h 00 – 12 h 30)"));
    assert!(list.contains("href=\"/sessions\""), "nav item for visitors");

    let mine = page(&app, &learner.client, &format!("/sessions/{session}")).await;
    assert!(mine.contains("Inscription confirmée"));
    assert!(mine.contains("Annuler mon inscription"));
    assert!(!mine.contains("Liste d’attente (par ordre"));

    let managed = page(&app, &trainer.client, &format!("/sessions/{session}")).await;
    assert!(managed.contains("Inscriptions confirmées : 1"));
    assert!(managed.contains(&learner.email));
    assert!(managed.contains("Motif de l’annulation"));

    let new = page(&app, &trainer.client, "/sessions/nouvelle").await;
    assert!(new.contains("Planifier la session"));
    assert!(new.contains("for=\"slot_4-day\""));
    let edit = page(
        &app,
        &trainer.client,
        &format!("/sessions/{session}/modifier"),
    )
    .await;
    assert!(edit.contains("value=\"2030-04-16\""));
    assert!(edit.contains("value=\"14:00\""));
}

#[tokio::test]
async fn enrolling_works_as_a_plain_html_form_post() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 3).await;
    let page_url = app.url(&format!("/sessions/{session}"));

    let response = learner
        .client
        .post(app.url("/api/sessions/enrol"))
        .header("Accept", "text/html")
        .header("Referer", &page_url)
        .form(&[("input[session_id]", session.to_string())])
        .send()
        .await
        .expect("POST");

    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().expect("location");
    assert!(
        location.ends_with(&format!("/sessions/{session}")),
        "{location}"
    );
    let html = page(&app, &learner.client, &format!("/sessions/{session}")).await;
    assert!(html.contains("Inscription confirmée"));
    let space = page(&app, &learner.client, "/mon-espace").await;
    assert!(space.contains("Mes sessions") && space.contains("Groupe du printemps"));
}

/// The managed sessions are read by a resource of the page's body (never
/// one created after an await): every load as a trainer or the coordinator
/// renders them, none as a learner.
#[tokio::test]
async fn the_managed_sessions_render_on_every_load() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let learner = app.signed_in(Role::Learner).await;
    create_session(&app, &trainer, None, 4).await;
    for _ in 0..6 {
        let html = page(&app, &trainer.client, "/sessions").await;
        assert!(html.contains("Sessions que vous gérez (1)"), "{html}");
        assert!(html.contains("Planifier une session"));
        let html = page(&app, &coordinator.client, "/sessions").await;
        assert!(html.contains("Sessions que vous gérez (1)"), "{html}");
    }
    let html = page(&app, &learner.client, "/sessions").await;
    assert!(!html.contains("Sessions que vous gérez"), "{html}");
    assert!(!html.contains("Planifier une session"));
    app.stop().await;
}
