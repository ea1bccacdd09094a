//! Authoring: trainers and the coordinator write modules, lessons, quizzes and
//! questions; learners see them only once published; bad input is refused in
//! French without storing anything; answered questions keep their answer key.
//! This file holds the helpers; each neighbour file proves one of those points.

mod access;
mod answered;
mod pages;
mod publishing;
mod removal;
mod validation;

use app::authoring::types::QuizOutline;

use crate::support::{TestApp, TestUser};

/// Calls `endpoint` as `who` and expects 200 with a JSON answer of type `T`.
pub(crate) async fn ok<T: serde::de::DeserializeOwned>(
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
pub(crate) async fn refused(
    app: &TestApp,
    who: &TestUser,
    endpoint: &str,
    form: &[(&str, &str)],
) -> String {
    let response = app.call(&who.client, endpoint, form).await;
    let status = response.status().as_u16();
    let body = response.text().await.expect("body");
    assert_eq!(status, 422, "{endpoint}: {body}");
    body
}

pub(crate) async fn new_module(app: &TestApp, who: &TestUser, title: &str) -> i32 {
    ok(
        app,
        who,
        "authoring/create_module",
        &[("input[title]", title), ("input[duration_minutes]", "120")],
    )
    .await
}

pub(crate) async fn new_lesson(
    app: &TestApp,
    who: &TestUser,
    module_id: i32,
    title: &str,
    body: &str,
) -> i32 {
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

pub(crate) async fn new_quiz(app: &TestApp, who: &TestUser, module_id: i32) -> i32 {
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
pub(crate) fn question_form<'a>(
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

pub(crate) const EVERY_KIND: [(&str, &str); 6] = [
    ("single_choice", "Le 15\n* Le 3114\nLe 17"),
    ("multiple_choice", "* Le CMP\n* Le GEM\nLa mairie"),
    ("true_false", "vrai"),
    ("short_answer", "3114\nle 3114"),
    ("matching", "CMP => soins\nGEM => entraide"),
    ("ordering", "Écouter\nRassurer\nOrienter"),
];

pub(crate) async fn quiz_outline(app: &TestApp, who: &TestUser, quiz_id: i32) -> QuizOutline {
    ok(
        app,
        who,
        "authoring/quiz",
        &[("quiz_id", &quiz_id.to_string())],
    )
    .await
}

pub(crate) async fn publish(app: &TestApp, who: &TestUser, target: &str, id: i32) {
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
