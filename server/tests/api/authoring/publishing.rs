//! Learners see modules, lessons and quizzes only once published; moving reorders.

use super::*;
use crate::support::TestApp;
use app::authoring::types::{ModuleOutline, ModuleRow};
use app::catalogue::ModuleDetail;
use app::db::entities::audit_log;
use app::roles::Role;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn drafts_stay_hidden_from_learners_until_published() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;

    // A trainer writes a module, two lessons, a quiz and a question of each kind.
    let module_id = new_module(&app, &trainer, "Premiers secours psychiques").await;
    let first = new_lesson(
        &app,
        &trainer,
        module_id,
        "Repérer",
        "## Les signes\n\n- le retrait",
    )
    .await;
    let second = new_lesson(&app, &trainer, module_id, "Orienter", "Le **3114**.").await;
    let quiz_id = new_quiz(&app, &trainer, module_id).await;
    let quiz = quiz_id.to_string();
    for (kind, answers) in EVERY_KIND {
        ok::<()>(
            &app,
            &trainer,
            "authoring/save_question",
            &question_form(&quiz, None, kind, "Que faire ?", answers),
        )
        .await;
    }
    let outline = quiz_outline(&app, &trainer, quiz_id).await;
    let written: Vec<(&str, &str)> = outline
        .questions
        .iter()
        .map(|q| (q.kind.as_str(), q.answers.as_str()))
        .collect();
    assert_eq!(written, EVERY_KIND, "answers read back as they were typed");
    let module: ModuleOutline = ok(
        &app,
        &trainer,
        "authoring/module",
        &[("module_id", &module_id.to_string())],
    )
    .await;
    assert_eq!(module.facts.slug, "premiers-secours-psychiques");
    assert!(!module.facts.published);
    let listed: Vec<ModuleRow> = ok(&app, &trainer, "authoring/modules", &[]).await;
    assert!(listed.iter().any(|m| m.id == module_id && !m.published));

    // Nothing is visible to a learner yet.
    let slug = [("slug", module.facts.slug.as_str())];
    let response = app.call(&learner.client, "catalogue/module", &slug).await;
    assert_eq!(response.status().as_u16(), 404);
    let overview = [("quiz_id", quiz.as_str())];
    let response = app.call(&learner.client, "quiz/overview", &overview).await;
    assert_eq!(response.status().as_u16(), 404);

    // Published module and first lesson: the learner sees them, not the rest.
    publish(&app, &trainer, "lesson", first).await;
    publish(&app, &trainer, "module", module_id).await;
    let seen: ModuleDetail = ok(&app, &learner, "catalogue/module", &slug).await;
    let lessons: Vec<i32> = seen.lessons.iter().map(|l| l.id).collect();
    assert_eq!(lessons, [first]);
    assert!(seen.quizzes.is_empty());
    let lesson = [
        ("slug", module.facts.slug.as_str()),
        ("lesson_id", &second.to_string()),
    ];
    let response = app.call(&learner.client, "catalogue/lesson", &lesson).await;
    assert_eq!(response.status().as_u16(), 404);

    // Then the second lesson and the quiz.
    publish(&app, &trainer, "lesson", second).await;
    publish(&app, &trainer, "quiz", quiz_id).await;
    let seen: ModuleDetail = ok(&app, &learner, "catalogue/module", &slug).await;
    assert_eq!(seen.lessons.len(), 2);
    assert_eq!(seen.quizzes.len(), 1);
    let overview: app::quiz::types::QuizOverview =
        ok(&app, &learner, "quiz/overview", &overview).await;
    assert_eq!(overview.question_count, 6);

    // Each publication is kept in the audit log, with its author.
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("published"))
        .all(&app.db)
        .await
        .expect("audit log");
    assert_eq!(logged.len(), 4);
    assert!(logged.iter().all(|e| e.actor_id == Some(trainer.id)));
    assert!(
        logged
            .iter()
            .any(|e| e.target_type.as_deref() == Some("module") && e.target_id == Some(module_id))
    );
}

async fn move_up(app: &TestApp, who: &crate::support::TestUser, lesson: i32) {
    ok::<()>(
        app,
        who,
        "authoring/move",
        &[
            ("input[target]", "lesson"),
            ("input[id]", &lesson.to_string()),
            ("input[direction]", "up"),
        ],
    )
    .await;
}

#[tokio::test]
async fn moving_swaps_an_item_with_its_neighbour() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let module_id = new_module(&app, &trainer, "Ordre").await;
    let a = new_lesson(&app, &trainer, module_id, "A", "a").await;
    let b = new_lesson(&app, &trainer, module_id, "B", "b").await;
    let c = new_lesson(&app, &trainer, module_id, "C", "c").await;

    move_up(&app, &trainer, c).await;
    // Already first: nothing moves, and that is not an error.
    move_up(&app, &trainer, a).await;

    let module: ModuleOutline = ok(
        &app,
        &trainer,
        "authoring/module",
        &[("module_id", &module_id.to_string())],
    )
    .await;
    let order: Vec<i32> = module.lessons.iter().map(|l| l.link.id).collect();
    assert_eq!(order, [a, c, b]);
}
