//! Once learners have answered a question, its kind, answers and points are frozen.

use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use super::*;
use crate::support::TestApp;
use app::db::entities::{attempt_answers, quiz_attempts};
use app::roles::Role;

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
