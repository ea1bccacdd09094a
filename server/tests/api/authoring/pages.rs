//! The workshop pages render on the server, for use without JavaScript.

use super::*;
use crate::support::TestApp;
use app::roles::Role;

#[tokio::test]
async fn the_workshop_pages_render_on_the_server() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let module_id = new_module(&app, &trainer, "Module rendu").await;
    let lesson_id = new_lesson(&app, &trainer, module_id, "Leçon rendue", "Du **gras**.").await;
    let quiz_id = new_quiz(&app, &trainer, module_id).await;
    let quiz = quiz_id.to_string();
    ok::<()>(
        &app,
        &trainer,
        "authoring/save_question",
        &question_form(
            &quiz,
            None,
            "ordering",
            "Dans quel ordre ?",
            "Écouter\nOrienter",
        ),
    )
    .await;
    let question_id = quiz_outline(&app, &trainer, quiz_id).await.questions[0].id;

    let (status, html) = app.page_as(&trainer.client, "/atelier").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Module rendu") && html.contains("Nouveau module"),
        "{html}"
    );
    assert!(html.contains(r#"href="/atelier""#), "nav item « Atelier »");

    let (status, html) = app
        .page_as(&trainer.client, &format!("/atelier/modules/{module_id}"))
        .await;
    assert_eq!(status, 200);
    for text in [
        "Fiche du module",
        "Leçon rendue",
        "Nouvelle leçon",
        "Ajouter une ressource",
        "Nouveau quiz",
        "Brouillon",
    ] {
        assert!(html.contains(text), "missing {text}");
    }

    let (status, html) = app
        .page_as(&trainer.client, &format!("/atelier/lecons/{lesson_id}"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Aperçu"), "{html}");
    assert!(
        html.contains("<strong>gras</strong>"),
        "saved preview without JavaScript"
    );

    let path = format!("/atelier/quiz/{quiz_id}?question={question_id}");
    let (status, html) = app.page_as(&trainer.client, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Modifier la question"), "{html}");
    assert!(
        html.contains("Écouter\nOrienter"),
        "answers loaded in the form"
    );

    let learner = app.signed_in(Role::Learner).await;
    let (_, html) = app.page_as(&learner.client, "/atelier").await;
    assert!(!html.contains("Module rendu"), "a learner sees no draft");
}
