//! Only the coordinator reads the journal: the page and its server function
//! refuse learners and trainers (403) and visitors (401).

use app::roles::Role;

use crate::journal::support::read;
use crate::support::{TestApp, new_client};

#[tokio::test]
async fn only_the_coordinator_reads_the_journal() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    app::audit::record(
        &app.db,
        Some(trainer.id),
        "sign_in",
        Some(("user", trainer.id)),
        None,
    )
    .await
    .expect("audit");

    for who in [&learner, &trainer] {
        assert_eq!(read(&app, who, &[]).await.status(), 403);
        let (status, html) = app.page_as(&who.client, "/coordination/journal").await;
        assert_eq!(status, 403);
        assert!(!html.contains("Connexion</th>"), "{html}");
    }
    let (status, _) = app.page_as(&new_client(), "/coordination/journal").await;
    assert_eq!(status, 401);
    let visitor = app
        .call(&new_client(), "journal/read", &[("query[before]", "")])
        .await;
    assert_eq!(visitor.status(), 401);

    assert_eq!(read(&app, &coordinator, &[]).await.status(), 200);
    let (_, learner_home) = app.page_as(&learner.client, "/mon-espace").await;
    assert!(!learner_home.contains("/coordination/journal"));
}
