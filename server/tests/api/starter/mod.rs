//! The starter content: on a fresh install, the coordinator installs the three
//! modules' content from « Les formations » (or `relais install-content`), as
//! drafts to review; a second installation is refused and changes nothing.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::authoring::{ok, publish};
use crate::support::TestApp;
use app::db::entities::{audit_log, lessons, modules, questionnaires, questions, quizzes};
use app::roles::Role;
use app::starter::types::Installed;

async fn count<E: EntityTrait>(app: &TestApp) -> u64
where
    E::Model: Sync,
{
    E::find().count(&app.db).await.expect("count")
}

#[tokio::test]
async fn the_coordinator_installs_the_starter_content_once_as_drafts() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let trainer = app.signed_in(Role::Trainer).await;

    // An empty catalogue: the offer is made to the coordinator only.
    let (status, html) = app.page_as(&coordinator.client, "/formations").await;
    assert_eq!(status, 200);
    assert!(html.contains("Installer le contenu de départ"), "{html}");
    assert!(html.contains("Aucune formation n’est publiée pour le moment."));
    let (_, html) = app.page_as(&trainer.client, "/formations").await;
    assert!(!html.contains("Installer le contenu de départ"));

    // The form, posted without JavaScript, comes back to the catalogue.
    let response = coordinator
        .client
        .post(app.url("/api/starter/install"))
        .header("Accept", "text/html")
        .header("Referer", app.url("/formations"))
        .send()
        .await
        .expect("POST");
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().expect("location");
    assert!(
        location.ends_with("/formations?contenu=installe"),
        "{location}"
    );
    let (_, html) = app
        .page_as(&coordinator.client, "/formations?contenu=installe")
        .await;
    assert!(html.contains("Contenu de départ installé"), "{html}");
    assert!(
        !html.contains("Installer le contenu de départ"),
        "offer gone"
    );

    // Three modules with their lessons, quiz and questionnaires, all drafts:
    // nobody but authors sees them until they are reviewed and published.
    assert_eq!(count::<modules::Entity>(&app).await, 3);
    assert!(count::<lessons::Entity>(&app).await >= 6);
    assert_eq!(count::<quizzes::Entity>(&app).await, 3);
    assert!(count::<questions::Entity>(&app).await >= 9);
    assert_eq!(count::<questionnaires::Entity>(&app).await, 9);
    let published = modules::Entity::find()
        .filter(modules::Column::Published.eq(true))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(published, 0, "installed as drafts");
    let (_, public) = app.get_html("/formations").await;
    assert!(!public.contains("Santé mentale et précarité"));
    let (_, workshop) = app.page_as(&trainer.client, "/atelier").await;
    assert!(
        workshop.contains("Santé mentale et précarité"),
        "{workshop}"
    );

    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("starter_content_installed"))
        .all(&app.db)
        .await
        .expect("audit");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor_id, Some(coordinator.id));

    // Twice: refused in French, nothing added.
    let response = app.call(&coordinator.client, "starter/install", &[]).await;
    assert_eq!(response.status().as_u16(), 422);
    let body = response.text().await.expect("body");
    assert!(body.contains("déjà installé"), "{body}");
    assert_eq!(count::<modules::Entity>(&app).await, 3);
    assert_eq!(count::<quizzes::Entity>(&app).await, 3);

    // Reviewed and published, a module reaches the public catalogue.
    let module = modules::Entity::find()
        .filter(modules::Column::Slug.eq("sante-mentale-et-precarite"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("module");
    let first_lesson = lessons::Entity::find()
        .filter(lessons::Column::ModuleId.eq(module.id))
        .one(&app.db)
        .await
        .expect("query")
        .expect("lesson");
    publish(&app, &coordinator, "lesson", first_lesson.id).await;
    publish(&app, &coordinator, "module", module.id).await;
    let (_, public) = app.get_html("/formations").await;
    assert!(public.contains("Santé mentale et précarité"), "{public}");
}

#[tokio::test]
async fn only_the_coordinator_installs_and_a_written_catalogue_is_not_offered() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    for (client, status) in [
        (&crate::support::new_client(), 401),
        (&learner.client, 403),
        (&trainer.client, 403),
    ] {
        let response = app.call(client, "starter/install", &[]).await;
        assert_eq!(response.status().as_u16(), status);
    }
    assert_eq!(count::<modules::Entity>(&app).await, 0);

    // A catalogue the CLSM started writing is not offered the starter content,
    // but an explicit installation adds the modules it lacks.
    crate::authoring::new_module(&app, &trainer, "Notre module").await;
    let offered: bool = ok(&app, &coordinator, "starter/offer", &[]).await;
    assert!(!offered);
    let installed: Installed = ok(&app, &coordinator, "starter/install", &[]).await;
    assert_eq!(installed.modules, 3);
    assert_eq!(count::<modules::Entity>(&app).await, 4);
}
