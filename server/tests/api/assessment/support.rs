//! Helpers of the questionnaire tests: a class whose module has one
//! objective, and the learner's and trainer's calls.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use app::assessment::types::{CohortView, EditorView, LearnerView};
use app::db::entities::{module_objectives, training_sessions};

use crate::attendance::support::{Class, class, start_slot};
use crate::support::{TestApp, TestUser};

pub const OBJECTIVE: &str = "Repérer les signes de souffrance psychique";

/// A class of `learners` (slots in 2030) whose module has one objective.
pub async fn assessed_class(app: &TestApp, learners: usize) -> Class {
    let c = class(app, learners).await;
    let session = training_sessions::Entity::find_by_id(c.session)
        .one(&app.db)
        .await
        .expect("session")
        .expect("session row");
    module_objectives::ActiveModel {
        module_id: Set(session.module_id),
        position: Set(1),
        code: Set("O1".into()),
        label: Set(OBJECTIVE.into()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("objective");
    c
}

/// The course is over: the first slot started two days ago, the last one
/// started `last_started` ago.
pub async fn finish(app: &TestApp, c: &Class, last_started: Duration) {
    start_slot(app, c.slots[0], Duration::days(2) + last_started).await;
    start_slot(app, *c.slots.last().expect("slot"), last_started).await;
}

pub async fn learner_view(app: &TestApp, who: &TestUser, session: i32) -> reqwest::Response {
    app.call(
        &who.client,
        "assessment/learner_view",
        &[("session_id", &session.to_string())],
    )
    .await
}

pub async fn view_of(app: &TestApp, who: &TestUser, session: i32) -> LearnerView {
    let r = learner_view(app, who, session).await;
    assert_eq!(r.status(), 200);
    r.json().await.expect("learner view")
}

/// Posts `values` (item id → field value) for `phase`, on the version the page shows.
pub async fn answer(
    app: &TestApp,
    who: &TestUser,
    session: i32,
    phase: &str,
    questionnaire: i32,
    values: &[(i32, &str)],
) -> reqwest::Response {
    let mut form = vec![
        ("input[session_id]".to_owned(), session.to_string()),
        ("input[phase]".to_owned(), phase.to_owned()),
        (
            "input[questionnaire_id]".to_owned(),
            questionnaire.to_string(),
        ),
    ];
    for (item, v) in values {
        form.push((format!("input[answers][i{item}]"), (*v).to_owned()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(&who.client, "assessment/submit", &form).await
}

/// Answers the form the learner's page shows now, giving `values` to its items in order.
pub async fn answer_shown(
    app: &TestApp,
    who: &TestUser,
    session: i32,
    values: &[&str],
) -> reqwest::Response {
    let v = view_of(app, who, session).await;
    let form = v.form.expect("an open questionnaire");
    let pairs: Vec<(i32, &str)> = form
        .items
        .iter()
        .map(|i| i.id)
        .zip(values.iter().copied())
        .collect();
    answer(
        app,
        who,
        session,
        form.phase.code(),
        form.questionnaire_id,
        &pairs,
    )
    .await
}

pub async fn cohort(app: &TestApp, who: &TestUser, session: i32) -> reqwest::Response {
    app.call(
        &who.client,
        "assessment/cohort",
        &[("session_id", &session.to_string())],
    )
    .await
}

pub async fn cohort_of(app: &TestApp, who: &TestUser, session: i32) -> CohortView {
    let r = cohort(app, who, session).await;
    assert_eq!(r.status(), 200);
    r.json().await.expect("cohort")
}

pub async fn editor_of(app: &TestApp, who: &TestUser, session: i32) -> EditorView {
    let r = app
        .call(
            &who.client,
            "assessment/editor",
            &[("session_id", &session.to_string())],
        )
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.expect("editor")
}

pub async fn edit(
    app: &TestApp,
    who: &TestUser,
    session: i32,
    action: &str,
    item: Option<i32>,
    prompt: &str,
) -> reqwest::Response {
    let item = item.map(|i| i.to_string()).unwrap_or_default();
    let session = session.to_string();
    let mut form = vec![
        ("input[session_id]", session.as_str()),
        ("input[action]", action),
        ("input[prompt]", prompt),
        ("input[objective_id]", ""),
    ];
    if !item.is_empty() {
        form.push(("input[item_id]", item.as_str()));
    }
    app.call(&who.client, "assessment/edit_item", &form).await
}
