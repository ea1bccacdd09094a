//! The attempt flow on the demo quiz: start, save, submit once, the time limit,
//! the attempts limit, and answers that never reach the browser before submission.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use app::db::entities::quiz_attempts;
use app::quiz::api::AnswerOutcome;
use app::quiz::service::data::load;
use app::quiz::types::{AttemptView, QuizOverview};
use app::roles::Role;

use crate::quiz::support::{answer, attempt, demo_quiz, quiz_row, right_answers, start, start_ok};
use crate::support::TestApp;

fn open(view: AttemptView) -> app::quiz::types::AttemptSheet {
    match view {
        AttemptView::Open(sheet) => sheet,
        AttemptView::Closed(_) => panic!("attempt should be open"),
    }
}

fn closed(view: AttemptView) -> app::quiz::types::AttemptResult {
    match view {
        AttemptView::Closed(result) => result,
        AttemptView::Open(_) => panic!("attempt should be closed"),
    }
}

#[tokio::test]
async fn a_learner_saves_then_submits_and_gets_full_marks_with_feedback() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let quiz = demo_quiz(&app).await;
    let fields = right_answers(&app, quiz).await;

    let id = start_ok(&app, &learner.client, quiz).await;
    let saved = answer(&app, &learner.client, id, "save", &fields).await;
    assert_eq!(saved.status(), 200);
    assert_eq!(
        saved.json::<AnswerOutcome>().await.expect("json"),
        AnswerOutcome::Saved
    );
    let sheet = open(attempt(&app, &learner.client, id).await);
    assert!(
        sheet.questions.iter().all(|q| q.saved.is_some()),
        "saved answers come back"
    );
    // Starting again resumes the open attempt instead of opening a second one.
    assert_eq!(start_ok(&app, &learner.client, quiz).await, id);

    let submitted = answer(&app, &learner.client, id, "submit", &fields).await;
    assert_eq!(submitted.status(), 200);
    let result = closed(attempt(&app, &learner.client, id).await);

    let data = load(&app.db, quiz).await.expect("quiz");
    assert_eq!(result.max, data.max_points());
    assert!((result.percent - 100.0).abs() < 1e-9, "{}", result.percent);
    assert!(result.passed && !result.timed_out);
    assert!(result.questions.iter().all(|q| q.correct));
    assert!(result.questions.iter().all(|q| !q.feedback.is_empty()));

    // A submitted attempt never changes.
    let again = answer(&app, &learner.client, id, "submit", &[]).await;
    assert_eq!(again.status(), 409);
    let body = again.text().await.expect("body");
    assert!(body.contains("déjà été envoyée"), "{body}");
    let result_after = closed(attempt(&app, &learner.client, id).await);
    assert_eq!(result_after.score, result.score);

    let overview: QuizOverview = app
        .call(
            &learner.client,
            "quiz/overview",
            &[("quiz_id", &quiz.to_string())],
        )
        .await
        .json()
        .await
        .expect("overview");
    assert_eq!(overview.attempts.len(), 1);
    assert_eq!(overview.best_percent.map(f64::round), Some(100.0));
    assert_eq!(overview.attempts_left, Some(2));
}

#[tokio::test]
async fn answers_and_feedback_never_reach_the_browser_before_submission() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let quiz = demo_quiz(&app).await;
    let data = load(&app.db, quiz).await.expect("quiz");
    let id = start_ok(&app, &learner.client, quiz).await;

    let json = app
        .call(
            &learner.client,
            "quiz/attempt",
            &[("attempt_id", &id.to_string())],
        )
        .await
        .text()
        .await
        .expect("body");
    let (_, html) = app
        .page_as(&learner.client, &format!("/quiz/tentatives/{id}"))
        .await;
    assert!(
        html.contains("Envoyer mes réponses"),
        "the form is rendered"
    );
    for leak in [
        "is_correct",
        "correct_rank",
        "feedback",
        "accepted",
        "expected",
    ] {
        assert!(!json.contains(leak), "{leak} in the server function answer");
        assert!(!html.contains(leak), "{leak} in the page");
    }
    for q in &data.questions {
        let feedback = html_escape(&q.model.feedback);
        assert!(
            !html.contains(&feedback),
            "feedback of question {} in the page",
            q.model.id
        );
        assert!(!json.contains(&q.model.feedback), "feedback in JSON");
        for answer in &q.accepted {
            assert!(
                !json.contains(&format!("\"{answer}\"")),
                "accepted answer in JSON"
            );
        }
    }

    answer(&app, &learner.client, id, "submit", &[]).await;
    let result = closed(attempt(&app, &learner.client, id).await);
    assert_eq!(result.score, 0.0);
    assert!(!result.passed);
    assert!(
        result
            .questions
            .iter()
            .all(|q| q.given.is_empty() && !q.expected.is_empty())
    );
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test]
async fn answers_posted_after_the_time_limit_are_not_counted() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let quiz = demo_quiz(&app).await;
    let mut settings = quiz_row(&app, quiz).await;
    settings.time_limit_minutes = Set(Some(10));
    settings.update(&app.db).await.expect("time limit");
    let fields = right_answers(&app, quiz).await;
    let id = start_ok(&app, &learner.client, quiz).await;
    let sheet = open(attempt(&app, &learner.client, id).await);
    assert!(sheet.deadline_at.is_some() && sheet.deadline_label.is_some());
    // Saved in time: the first three answers only.
    let first_three: Vec<(String, String)> = fields
        .iter()
        .filter(|(k, _)| {
            sheet.questions[..3]
                .iter()
                .any(|q| k.contains(&format!("[q{}]", q.id)) || k.contains(&format!("[q{}_", q.id)))
        })
        .cloned()
        .collect();
    answer(&app, &learner.client, id, "save", &first_three).await;

    // Eleven minutes later…
    let mut row: quiz_attempts::ActiveModel = quiz_attempts::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("attempt")
        .into();
    row.deadline_at = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
    row.update(&app.db).await.expect("move deadline");

    let late = answer(&app, &learner.client, id, "submit", &fields).await;
    assert_eq!(late.status(), 200);
    assert_eq!(
        late.json::<AnswerOutcome>().await.expect("json"),
        AnswerOutcome::TimedOut
    );
    let result = closed(attempt(&app, &learner.client, id).await);
    assert!(result.timed_out);
    let right = result.questions.iter().filter(|q| q.correct).count();
    assert_eq!(right, 3, "only the answers saved in time count");
}

#[tokio::test]
async fn no_attempt_beyond_the_limit() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let quiz = demo_quiz(&app).await;
    let mut settings = quiz_row(&app, quiz).await;
    settings.max_attempts = Set(Some(1));
    settings.update(&app.db).await.expect("limit");

    let id = start_ok(&app, &learner.client, quiz).await;
    answer(&app, &learner.client, id, "submit", &[]).await;
    let refused = start(&app, &learner.client, quiz).await;

    assert_eq!(refused.status(), 422);
    let body = refused.text().await.expect("body");
    assert!(body.contains("toutes les tentatives autorisées"), "{body}");
    let count = quiz_attempts::Entity::find()
        .all(&app.db)
        .await
        .expect("query")
        .len();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_learner_never_sees_or_answers_another_learners_attempt() {
    let app = TestApp::spawn_with_demo().await;
    let alice = app.signed_in(Role::Learner).await;
    let bob = app.signed_in(Role::Learner).await;
    let quiz = demo_quiz(&app).await;
    let fields = right_answers(&app, quiz).await;
    let id = start_ok(&app, &alice.client, quiz).await;
    answer(&app, &alice.client, id, "save", &fields).await;

    let read = app
        .call(
            &bob.client,
            "quiz/attempt",
            &[("attempt_id", &id.to_string())],
        )
        .await;
    assert_eq!(read.status(), 404);
    let write = answer(&app, &bob.client, id, "submit", &[]).await;
    assert_eq!(write.status(), 404);
    let page = app
        .get_as(&bob.client, &format!("/quiz/tentatives/{id}"))
        .await;
    assert_eq!(page.status(), 404);

    // Alice's attempt is untouched and still open.
    let sheet = open(attempt(&app, &alice.client, id).await);
    assert!(sheet.questions.iter().all(|q| q.saved.is_some()));
}

#[tokio::test]
async fn a_question_added_during_an_attempt_does_not_count_against_it() {
    use app::db::entities::questions;
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let quiz = demo_quiz(&app).await;
    let fields = right_answers(&app, quiz).await;
    let id = start_ok(&app, &learner.client, quiz).await;

    questions::ActiveModel {
        quiz_id: Set(quiz),
        position: Set(99),
        kind: Set("short_answer".into()),
        prompt: Set("Question ajoutée pendant la tentative".into()),
        feedback: Set("—".into()),
        objective_id: Set(None),
        points: Set(3),
        accepted_answers: Set(Some(serde_json::json!(["oui"]))),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("new question");
    answer(&app, &learner.client, id, "submit", &fields).await;

    let result = closed(attempt(&app, &learner.client, id).await);
    assert!((result.percent - 100.0).abs() < 1e-9, "{}", result.percent);
    assert!(result.passed);
    assert!(
        result
            .questions
            .iter()
            .all(|q| q.prompt != "Question ajoutée pendant la tentative"),
        "the result lists what the attempt showed"
    );
}
