//! Authoring: trainers and the coordinator write modules, lessons, quizzes and
//! questions; learners see them only once published; bad input is refused in
//! French without storing anything; answered questions keep their answer key.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, PaginatorTrait};

use app::authoring::types::{ModuleOutline, ModuleRow, QuizOutline};
use app::catalogue::ModuleDetail;
use app::db::entities::{attempt_answers, modules, questions, quiz_attempts, quizzes};
use app::roles::Role;

use crate::helpers::{TestApp, TestUser};

/// Calls `endpoint` as `who` and expects 200 with a JSON answer of type `T`.
async fn ok<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    who: &TestUser,
    endpoint: &str,
    form: &[(&str, &str)],
) -> T {
    let response = app.call(&who.client, endpoint, form).await;
    let status = response.status().as_u16();
    let body = response.text().await.expect("body");
    assert_eq!(status, 200, "{endpoint}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{endpoint}: {e}: {body}"))
}

/// Calls `endpoint` as `who`, expects a 422 and returns its French message.
async fn refused(app: &TestApp, who: &TestUser, endpoint: &str, form: &[(&str, &str)]) -> String {
    let response = app.call(&who.client, endpoint, form).await;
    let status = response.status().as_u16();
    let body = response.text().await.expect("body");
    assert_eq!(status, 422, "{endpoint}: {body}");
    body
}

async fn new_module(app: &TestApp, who: &TestUser, title: &str) -> i32 {
    ok(
        app,
        who,
        "authoring/create_module",
        &[("input[title]", title), ("input[duration_minutes]", "120")],
    )
    .await
}

async fn new_lesson(app: &TestApp, who: &TestUser, module_id: i32, title: &str, body: &str) -> i32 {
    let module_id = module_id.to_string();
    let id: i32 = ok(
        app,
        who,
        "authoring/create_lesson",
        &[
            ("input[module_id]", &module_id),
            ("input[title]", title),
            ("input[estimated_minutes]", "15"),
        ],
    )
    .await;
    let id_text = id.to_string();
    ok::<()>(
        app,
        who,
        "authoring/update_lesson",
        &[
            ("input[id]", &id_text),
            ("input[title]", title),
            ("input[estimated_minutes]", "15"),
            ("input[body_markdown]", body),
        ],
    )
    .await;
    id
}

async fn new_quiz(app: &TestApp, who: &TestUser, module_id: i32) -> i32 {
    let module_id = module_id.to_string();
    ok(
        app,
        who,
        "authoring/create_quiz",
        &[
            ("input[module_id]", &module_id),
            ("input[title]", "Quiz final"),
        ],
    )
    .await
}

/// The form of `authoring/save_question` (no id: a new question).
fn question_form<'a>(
    quiz_id: &'a str,
    id: Option<&'a str>,
    kind: &'a str,
    prompt: &'a str,
    answers: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("input[quiz_id]", quiz_id),
        ("input[kind]", kind),
        ("input[prompt]", prompt),
        ("input[feedback]", "Voir la leçon 1."),
        ("input[objective_id]", ""),
        ("input[points]", "2"),
        ("input[answers]", answers),
    ];
    if let Some(id) = id {
        form.push(("input[id]", id));
    }
    form
}

const EVERY_KIND: [(&str, &str); 6] = [
    ("single_choice", "Le 15\n* Le 3114\nLe 17"),
    ("multiple_choice", "* Le CMP\n* Le GEM\nLa mairie"),
    ("true_false", "vrai"),
    ("short_answer", "3114\nle 3114"),
    ("matching", "CMP => soins\nGEM => entraide"),
    ("ordering", "Écouter\nRassurer\nOrienter"),
];

async fn quiz_outline(app: &TestApp, who: &TestUser, quiz_id: i32) -> QuizOutline {
    ok(
        app,
        who,
        "authoring/quiz",
        &[("quiz_id", &quiz_id.to_string())],
    )
    .await
}

async fn publish(app: &TestApp, who: &TestUser, target: &str, id: i32) {
    ok::<()>(
        app,
        who,
        "authoring/publish",
        &[
            ("input[target]", target),
            ("input[id]", &id.to_string()),
            ("input[published]", "true"),
        ],
    )
    .await;
}

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
    assert_eq!(module.slug, "premiers-secours-psychiques");
    assert!(!module.published);
    let listed: Vec<ModuleRow> = ok(&app, &trainer, "authoring/modules", &[]).await;
    assert!(listed.iter().any(|m| m.id == module_id && !m.published));

    // Nothing is visible to a learner yet.
    let slug = [("slug", module.slug.as_str())];
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
        ("slug", module.slug.as_str()),
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
}

#[tokio::test]
async fn bad_input_is_refused_in_french_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let module_id = new_module(&app, &coordinator, "Crise").await;
    let other_module = new_module(&app, &coordinator, "Autre").await;
    let quiz_id = new_quiz(&app, &coordinator, module_id).await;
    let quiz = quiz_id.to_string();
    let modules_before = modules::Entity::find().count(&app.db).await.expect("count");

    let message = refused(
        &app,
        &coordinator,
        "authoring/create_module",
        &[("input[title]", "  "), ("input[duration_minutes]", "60")],
    )
    .await;
    assert!(message.contains("Le titre est obligatoire."), "{message}");
    let message = refused(
        &app,
        &coordinator,
        "authoring/create_module",
        &[
            ("input[title]", "Sans durée"),
            ("input[duration_minutes]", "0"),
        ],
    )
    .await;
    assert!(message.contains("La durée doit être"), "{message}");
    assert_eq!(
        modules::Entity::find().count(&app.db).await.expect("count"),
        modules_before
    );

    for (kind, answers, expected) in [
        ("single_choice", "* A\n* B", "qu’une bonne réponse"),
        ("single_choice", "A\nB", "« * »"),
        ("true_false", "peut-être", "« vrai » ou « faux »"),
        ("matching", "A => 1\nB", "ligne 2"),
        ("ordering", "Seul", "au moins deux"),
        ("short_answer", "3114\n3114", "deux fois"),
        ("unknown", "x", "type de la question"),
    ] {
        let form = question_form(&quiz, None, kind, "Question ?", answers);
        let message = refused(&app, &coordinator, "authoring/save_question", &form).await;
        assert!(message.contains(expected), "{kind}: {message}");
    }
    let mut form = question_form(&quiz, None, "true_false", "Question ?", "vrai");
    form.retain(|(k, _)| *k != "input[points]");
    form.push(("input[points]", "11"));
    let message = refused(&app, &coordinator, "authoring/save_question", &form).await;
    assert!(message.contains("entre 1 et 10"), "{message}");
    assert_eq!(
        questions::Entity::find()
            .count(&app.db)
            .await
            .expect("count"),
        0
    );

    // An objective of another module is refused.
    let other = other_module.to_string();
    ok::<()>(
        &app,
        &coordinator,
        "authoring/update_module",
        &[
            ("input[id]", &other),
            ("input[title]", "Autre"),
            ("input[duration_minutes]", "60"),
            ("input[objectives]", "Un objectif d’ailleurs"),
        ],
    )
    .await;
    let foreign: ModuleOutline = ok(
        &app,
        &coordinator,
        "authoring/module",
        &[("module_id", &other)],
    )
    .await;
    let objective = foreign.objectives[0].id.to_string();
    let mut form = question_form(&quiz, None, "true_false", "Question ?", "vrai");
    form.retain(|(k, _)| *k != "input[objective_id]");
    form.push(("input[objective_id]", &objective));
    let message = refused(&app, &coordinator, "authoring/save_question", &form).await;
    assert!(message.contains("n’appartient pas au module"), "{message}");

    // Settings out of bounds leave the quiz as it was; an empty quiz is not published.
    let message = refused(
        &app,
        &coordinator,
        "authoring/update_quiz",
        &[
            ("input[id]", &quiz),
            ("input[title]", "Quiz changé"),
            ("input[pass_mark_percent]", "150"),
        ],
    )
    .await;
    assert!(message.contains("entre 0 et 100"), "{message}");
    let stored = quizzes::Entity::find_by_id(quiz_id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("quiz");
    assert_eq!(
        (stored.title.as_str(), stored.pass_mark_percent),
        ("Quiz final", 70)
    );
    let message = refused(
        &app,
        &coordinator,
        "authoring/publish",
        &[
            ("input[target]", "quiz"),
            ("input[id]", &quiz),
            ("input[published]", "true"),
        ],
    )
    .await;
    assert!(message.contains("pas de question"), "{message}");

    // A resource needs an address unless it is a contact.
    let module = module_id.to_string();
    let message = refused(
        &app,
        &coordinator,
        "authoring/create_resource",
        &[
            ("input[module_id]", &module),
            ("input[kind]", "link"),
            ("input[title]", "Psycom"),
            ("input[url]", "javascript:alert(1)"),
        ],
    )
    .await;
    assert!(message.contains("https://"), "{message}");
}

#[tokio::test]
async fn an_answered_question_keeps_its_kind_and_answers() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let module_id = new_module(&app, &trainer, "Précarité").await;
    let quiz_id = new_quiz(&app, &trainer, module_id).await;
    let quiz = quiz_id.to_string();
    let answers = "Le 15\n* Le 3114";
    ok::<()>(
        &app,
        &trainer,
        "authoring/save_question",
        &question_form(&quiz, None, "single_choice", "Quel numéro ?", answers),
    )
    .await;
    let question_id = quiz_outline(&app, &trainer, quiz_id).await.questions[0].id;
    let question = question_id.to_string();

    // Before any answer, everything may change.
    ok::<()>(
        &app,
        &trainer,
        "authoring/save_question",
        &question_form(
            &quiz,
            Some(&question),
            "single_choice",
            "Quel numéro ?",
            "Le 15\n* Le 3114\nLe 17",
        ),
    )
    .await;

    // A learner answers it.
    let now = chrono::Utc::now();
    let attempt = quiz_attempts::ActiveModel {
        quiz_id: Set(quiz_id),
        user_id: Set(learner.id),
        number: Set(1),
        layout: Set(serde_json::json!({})),
        started_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("attempt");
    attempt_answers::ActiveModel {
        attempt_id: Set(attempt.id),
        question_id: Set(question_id),
        response: Set(serde_json::json!({ "choice": null })),
        saved_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("answer");

    let outline = quiz_outline(&app, &trainer, quiz_id).await;
    assert!(outline.questions[0].answered);
    let frozen = "Le 15\n* Le 3114\nLe 17";
    for (kind, answers) in [
        ("single_choice", "* Le 15\nLe 3114\nLe 17"),
        ("multiple_choice", frozen),
    ] {
        let form = question_form(&quiz, Some(&question), kind, "Quel numéro ?", answers);
        let message = refused(&app, &trainer, "authoring/save_question", &form).await;
        assert!(message.contains("ne peuvent plus changer"), "{message}");
    }
    let message = refused(
        &app,
        &trainer,
        "authoring/delete_question",
        &[("question_id", &question)],
    )
    .await;
    assert!(
        message.contains("retirez le quiz de la publication"),
        "{message}"
    );

    // The prompt may still be corrected.
    ok::<()>(
        &app,
        &trainer,
        "authoring/save_question",
        &question_form(
            &quiz,
            Some(&question),
            "single_choice",
            "Quel numéro appeler ?",
            frozen,
        ),
    )
    .await;
    let outline = quiz_outline(&app, &trainer, quiz_id).await;
    assert_eq!(outline.questions.len(), 1);
    assert_eq!(outline.questions[0].prompt, "Quel numéro appeler ?");
    assert_eq!(outline.questions[0].answers, frozen);
}

#[tokio::test]
async fn moving_swaps_an_item_with_its_neighbour() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let module_id = new_module(&app, &trainer, "Ordre").await;
    let a = new_lesson(&app, &trainer, module_id, "A", "a").await;
    let b = new_lesson(&app, &trainer, module_id, "B", "b").await;
    let c = new_lesson(&app, &trainer, module_id, "C", "c").await;

    ok::<()>(
        &app,
        &trainer,
        "authoring/move",
        &[
            ("input[target]", "lesson"),
            ("input[id]", &c.to_string()),
            ("input[direction]", "up"),
        ],
    )
    .await;
    // Already first: nothing moves, and that is not an error.
    ok::<()>(
        &app,
        &trainer,
        "authoring/move",
        &[
            ("input[target]", "lesson"),
            ("input[id]", &a.to_string()),
            ("input[direction]", "up"),
        ],
    )
    .await;

    let module: ModuleOutline = ok(
        &app,
        &trainer,
        "authoring/module",
        &[("module_id", &module_id.to_string())],
    )
    .await;
    let order: Vec<i32> = module.lessons.iter().map(|l| l.id).collect();
    assert_eq!(order, [a, c, b]);
}

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

/// A page as the browser gets it before any script runs.
async fn page(app: &TestApp, who: &TestUser, path: &str) -> (u16, String) {
    let response = who
        .client
        .get(app.url(path))
        .send()
        .await
        .expect("GET page");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

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

    let (status, html) = page(&app, &trainer, "/atelier").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Module rendu") && html.contains("Nouveau module"),
        "{html}"
    );
    assert!(html.contains(r#"href="/atelier""#), "nav item « Atelier »");

    let (status, html) = page(&app, &trainer, &format!("/atelier/modules/{module_id}")).await;
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

    let (status, html) = page(&app, &trainer, &format!("/atelier/lecons/{lesson_id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Aperçu"), "{html}");
    assert!(
        html.contains("<strong>gras</strong>"),
        "saved preview without JavaScript"
    );

    let path = format!("/atelier/quiz/{quiz_id}?question={question_id}");
    let (status, html) = page(&app, &trainer, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Modifier la question"), "{html}");
    assert!(
        html.contains("Écouter\nOrienter"),
        "answers loaded in the form"
    );

    let learner = app.signed_in(Role::Learner).await;
    let (_, html) = page(&app, &learner, "/atelier").await;
    assert!(!html.contains("Module rendu"), "a learner sees no draft");
}
