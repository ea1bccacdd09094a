//! Module pages, lessons rendered from Markdown, progress, and the rule that
//! unpublished content stays invisible to learners.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};

use app::catalogue::{LessonPage, ModuleDetail};
use app::db::entities::{lessons, quizzes};
use app::roles::Role;

use crate::quiz::support::{MODULE, demo_module, demo_quiz};
use crate::support::TestApp;

async fn module(app: &TestApp, client: &reqwest::Client) -> (u16, Option<ModuleDetail>) {
    let response = app
        .call(client, "catalogue/module", &[("slug", MODULE)])
        .await;
    let status = response.status().as_u16();
    (status, response.json().await.ok())
}

async fn mark_lesson(
    app: &TestApp,
    client: &reqwest::Client,
    lesson: i32,
    done: bool,
) -> reqwest::Response {
    app.call(
        client,
        "catalogue/mark_lesson",
        &[
            ("input[lesson_id]", &lesson.to_string()),
            ("input[done]", &done.to_string()),
        ],
    )
    .await
}

async fn first_lesson(app: &TestApp) -> lessons::Model {
    let module = demo_module(app).await;
    lessons::Entity::find()
        .filter(lessons::Column::ModuleId.eq(module.id))
        .order_by_asc(lessons::Column::Position)
        .one(&app.db)
        .await
        .expect("query")
        .expect("lesson")
}

#[tokio::test]
async fn every_demo_module_has_four_lessons_and_a_quiz_of_eight_questions() {
    let app = TestApp::spawn_with_demo().await;
    for slug in [
        "sensibilisation-sante-mentale",
        "sante-mentale-et-precarite",
        "prevention-gestion-crise",
    ] {
        let response = app.server_fn("catalogue/module", &[("slug", slug)]).await;
        assert_eq!(response.status(), 200, "{slug}");
        let detail: ModuleDetail = response.json().await.expect("json");
        assert!(
            detail.lessons.len() >= 4,
            "{slug}: {} lessons",
            detail.lessons.len()
        );
        assert_eq!(detail.quizzes.len(), 1, "{slug}");
        let data = app::quiz::service::data::load(&app.db, detail.quizzes[0].id)
            .await
            .expect("quiz");
        assert!(data.questions.len() >= 8, "{slug}");
        assert!(
            data.questions
                .iter()
                .all(|q| q.model.objective_id.is_some())
        );
    }
}

#[tokio::test]
async fn a_lesson_is_rendered_safely_and_its_progress_is_kept() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let lesson = first_lesson(&app).await;
    let mut edit: lessons::ActiveModel = lesson.clone().into();
    edit.body_markdown = Set(format!(
        "{}\n\n<script>alert('x')</script>\n\n[piège](javascript:alert(1))",
        lesson.body_markdown
    ));
    edit.update(&app.db).await.expect("edit");

    let (status, html) = app
        .page_as(
            &learner.client,
            &format!("/formations/{MODULE}/lecons/{}", lesson.id),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("<h3>"), "markdown headings rendered");
    assert!(
        html.contains("Contenu de démonstration"),
        "demo content is marked"
    );
    assert!(!html.contains("alert('x')") && !html.contains("javascript:alert"));

    let (_, before) = module(&app, &learner.client).await;
    assert_eq!(before.expect("module").lessons_done(), 0);
    let mark = mark_lesson(&app, &learner.client, lesson.id, true).await;
    assert_eq!(mark.status(), 200);
    // Twice is harmless.
    mark_lesson(&app, &learner.client, lesson.id, true).await;
    let (_, after) = module(&app, &learner.client).await;
    let after = after.expect("module");
    assert_eq!(after.lessons_done(), 1);
    assert!(after.lessons[0].done);

    // Progress is per person.
    let other = app.signed_in(Role::Learner).await;
    let (_, theirs) = module(&app, &other.client).await;
    assert_eq!(theirs.expect("module").lessons_done(), 0);

    mark_lesson(&app, &learner.client, lesson.id, false).await;
    let (_, undone) = module(&app, &learner.client).await;
    assert_eq!(undone.expect("module").lessons_done(), 0);
}

#[tokio::test]
async fn unpublished_content_is_invisible_to_learners_but_not_to_trainers() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let lesson = first_lesson(&app).await;
    let mut draft: lessons::ActiveModel = lesson.clone().into();
    draft.published = Set(false);
    draft.update(&app.db).await.expect("unpublish lesson");
    let quiz = demo_quiz(&app).await;
    let mut draft_quiz: quizzes::ActiveModel = quizzes::Entity::find_by_id(quiz)
        .one(&app.db)
        .await
        .expect("q")
        .expect("quiz")
        .into();
    draft_quiz.published = Set(false);
    draft_quiz.update(&app.db).await.expect("unpublish quiz");

    let (_, seen) = module(&app, &learner.client).await;
    let seen = seen.expect("module");
    assert!(
        seen.lessons.iter().all(|l| l.id != lesson.id),
        "draft lesson listed"
    );
    assert!(seen.quizzes.is_empty(), "draft quiz listed");
    let lesson_call = app
        .call(
            &learner.client,
            "catalogue/lesson",
            &[("slug", MODULE), ("lesson_id", &lesson.id.to_string())],
        )
        .await;
    assert_eq!(lesson_call.status(), 404);
    let page = app
        .get_as(
            &learner.client,
            &format!("/formations/{MODULE}/lecons/{}", lesson.id),
        )
        .await;
    assert_eq!(page.status(), 404);
    let overview = app
        .call(
            &learner.client,
            "quiz/overview",
            &[("quiz_id", &quiz.to_string())],
        )
        .await;
    assert_eq!(overview.status(), 404);
    let start = crate::quiz::support::start(&app, &learner.client, quiz).await;
    assert_eq!(start.status(), 404);
    let mark = mark_lesson(&app, &learner.client, lesson.id, true).await;
    assert_eq!(mark.status(), 404);

    let (_, authored) = module(&app, &trainer.client).await;
    let authored = authored.expect("module");
    assert!(
        authored
            .lessons
            .iter()
            .any(|l| l.id == lesson.id && !l.published)
    );
    let lesson_for_trainer: LessonPage = app
        .call(
            &trainer.client,
            "catalogue/lesson",
            &[("slug", MODULE), ("lesson_id", &lesson.id.to_string())],
        )
        .await
        .json()
        .await
        .expect("trainer reads the draft");
    assert!(!lesson_for_trainer.published);

    // A visitor sees the published module, without progress, but no lesson body.
    let (status, visitor_view) = module(&app, &crate::support::new_client()).await;
    assert_eq!(status, 200);
    assert!(!visitor_view.expect("module").signed_in);
    let body = app
        .server_fn(
            "catalogue/lesson",
            &[("slug", MODULE), ("lesson_id", &lesson.id.to_string())],
        )
        .await;
    assert_eq!(body.status(), 401);
}

#[tokio::test]
async fn my_progress_counts_lessons_done_and_the_best_quiz_score() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let lesson = first_lesson(&app).await;
    mark_lesson(&app, &learner.client, lesson.id, true).await;
    let quiz = demo_quiz(&app).await;
    let id = crate::quiz::support::start_ok(&app, &learner.client, quiz).await;
    let fields = crate::quiz::support::right_answers(&app, quiz).await;
    crate::quiz::support::answer(&app, &learner.client, id, "submit", &fields).await;

    let progress: Vec<app::catalogue::ModuleProgress> = app
        .call(&learner.client, "catalogue/my_progress", &[])
        .await
        .json()
        .await
        .expect("progress");

    assert_eq!(progress.len(), 3);
    let first = progress.iter().find(|m| m.slug == MODULE).expect("module");
    assert_eq!(first.lessons_done, 1);
    assert!(first.lessons_total >= 4);
    assert_eq!(first.best_quiz_percent.map(f64::round), Some(100.0));
    assert!(
        progress
            .iter()
            .filter(|m| m.slug != MODULE)
            .all(|m| m.lessons_done == 0 && m.best_quiz_percent.is_none())
    );
}

#[tokio::test]
async fn a_visitor_has_no_progress() {
    let app = TestApp::spawn_with_demo().await;
    let response = app.server_fn("catalogue/my_progress", &[]).await;
    assert_eq!(response.status(), 200);
    let progress: Vec<app::catalogue::ModuleProgress> = response.json().await.expect("json");
    assert!(progress.is_empty());
}
