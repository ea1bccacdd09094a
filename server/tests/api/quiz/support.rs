//! Shared steps of the quiz tests: find a demo quiz, build the form fields that
//! answer it (rightly, from the key read in the database), start and read attempts.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::db::entities::{modules, quizzes};
use app::quiz::rules::form::{choice_name, match_name, rank_name, single_name};
use app::quiz::rules::grading::AnswerKey;
use app::quiz::service::data::load;
use app::quiz::types::AttemptView;

use crate::support::TestApp;

pub const MODULE: &str = "sensibilisation-sante-mentale";

/// The demo module whose quiz the tests take.
pub async fn demo_module(app: &TestApp) -> modules::Model {
    modules::Entity::find()
        .filter(modules::Column::Slug.eq(MODULE))
        .one(&app.db)
        .await
        .expect("query")
        .expect("demo module")
}

pub async fn demo_quiz(app: &TestApp) -> i32 {
    let module = demo_module(app).await;
    quizzes::Entity::find()
        .filter(quizzes::Column::ModuleId.eq(module.id))
        .one(&app.db)
        .await
        .expect("query")
        .expect("demo quiz")
        .id
}

/// Form fields answering every question of the quiz correctly.
pub async fn right_answers(app: &TestApp, quiz_id: i32) -> Vec<(String, String)> {
    let data = load(&app.db, quiz_id).await.expect("quiz");
    let mut fields = Vec::new();
    for q in &data.questions {
        let id = q.model.id;
        let mut add = |name: String, value: String| {
            fields.push((format!("input[answers][{name}]"), value));
        };
        match q.key() {
            AnswerKey::Choice { correct } => add(single_name(id), correct.to_string()),
            AnswerKey::Choices { correct, .. } => {
                for c in correct {
                    add(choice_name(id, c), "on".into());
                }
            }
            AnswerKey::Text { accepted } => add(single_name(id), accepted[0].to_uppercase()),
            AnswerKey::Pairs { pairs } => {
                for (l, r) in pairs {
                    add(match_name(id, l), r.to_string());
                }
            }
            AnswerKey::Order { ids } => {
                for (rank, item) in (1..).zip(ids) {
                    add(rank_name(id, item), rank.to_string());
                }
            }
        }
    }
    fields
}

/// The quiz's row, to change a setting in a test.
pub async fn quiz_row(app: &TestApp, quiz_id: i32) -> quizzes::ActiveModel {
    quizzes::Entity::find_by_id(quiz_id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("quiz")
        .into()
}

pub async fn start(app: &TestApp, client: &reqwest::Client, quiz_id: i32) -> reqwest::Response {
    app.call(
        client,
        "quiz/start_attempt",
        &[("input[quiz_id]", &quiz_id.to_string())],
    )
    .await
}

pub async fn start_ok(app: &TestApp, client: &reqwest::Client, quiz_id: i32) -> i32 {
    let response = start(app, client, quiz_id).await;
    assert_eq!(response.status(), 200, "start attempt");
    response.json().await.expect("attempt id")
}

pub async fn attempt(app: &TestApp, client: &reqwest::Client, id: i32) -> AttemptView {
    let response = app
        .call(client, "quiz/attempt", &[("attempt_id", &id.to_string())])
        .await;
    assert_eq!(response.status(), 200, "read attempt");
    response.json().await.expect("attempt JSON")
}

/// Posts the attempt form with `action` ("save" or "submit").
pub async fn answer(
    app: &TestApp,
    client: &reqwest::Client,
    id: i32,
    action: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let id = id.to_string();
    let mut form: Vec<(&str, &str)> = vec![("input[attempt_id]", &id), ("input[action]", action)];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    app.call(client, "quiz/answer_attempt", &form).await
}
