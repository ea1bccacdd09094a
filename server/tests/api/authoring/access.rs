//! Learners get 403 from every authoring function; the preview is sanitised.

use sea_orm::EntityTrait;

use super::*;
use crate::support::TestApp;
use app::db::entities::modules;
use app::roles::Role;

#[tokio::test]
async fn learners_get_403_from_every_authoring_function() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let module_id = new_module(&app, &trainer, "Réservé").await.to_string();
    let module = module_id.as_str();
    let question = question_form("1", None, "true_false", "Question ?", "vrai");
    let cases: [(&str, Vec<(&str, &str)>); 17] = [
        ("authoring/modules", vec![]),
        (
            "authoring/create_module",
            vec![("input[title]", "X"), ("input[duration_minutes]", "60")],
        ),
        ("authoring/module", vec![("module_id", module)]),
        (
            "authoring/update_module",
            vec![
                ("input[id]", module),
                ("input[title]", "Piraté"),
                ("input[duration_minutes]", "60"),
            ],
        ),
        (
            "authoring/publish",
            vec![
                ("input[target]", "module"),
                ("input[id]", module),
                ("input[published]", "true"),
            ],
        ),
        (
            "authoring/move",
            vec![
                ("input[target]", "module"),
                ("input[id]", module),
                ("input[direction]", "up"),
            ],
        ),
        (
            "authoring/create_lesson",
            vec![
                ("input[module_id]", module),
                ("input[title]", "X"),
                ("input[estimated_minutes]", "5"),
            ],
        ),
        ("authoring/lesson", vec![("lesson_id", "1")]),
        (
            "authoring/update_lesson",
            vec![
                ("input[id]", "1"),
                ("input[title]", "X"),
                ("input[estimated_minutes]", "5"),
            ],
        ),
        ("authoring/preview", vec![("markdown", "x")]),
        (
            "authoring/create_resource",
            vec![
                ("input[module_id]", module),
                ("input[kind]", "contact"),
                ("input[title]", "X"),
            ],
        ),
        ("authoring/delete_resource", vec![("resource_id", "1")]),
        (
            "authoring/create_quiz",
            vec![("input[module_id]", module), ("input[title]", "X")],
        ),
        ("authoring/quiz", vec![("quiz_id", "1")]),
        (
            "authoring/update_quiz",
            vec![
                ("input[id]", "1"),
                ("input[title]", "X"),
                ("input[pass_mark_percent]", "50"),
            ],
        ),
        ("authoring/save_question", question),
        ("authoring/delete_question", vec![("question_id", "1")]),
    ];
    for (endpoint, form) in &cases {
        let status = app
            .call(&learner.client, endpoint, form)
            .await
            .status()
            .as_u16();
        assert_eq!(status, 403, "{endpoint}");
    }
    let stored = modules::Entity::find().all(&app.db).await.expect("modules");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].title, "Réservé");
    assert!(!stored[0].published);
}

#[tokio::test]
async fn the_preview_renders_sanitised_html() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let html: String = ok(
        &app,
        &trainer,
        "authoring/preview",
        &[("markdown", "**gras**\n\n<script>alert(1)</script>")],
    )
    .await;
    assert!(html.contains("<strong>gras</strong>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
}
