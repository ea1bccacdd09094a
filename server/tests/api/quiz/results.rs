//! Trainers see their cohorts' results (and the coordinator everyone's), on the
//! page and as CSV; nobody else does.

use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use app::db::entities::enrolments;
use app::quiz::types::QuizResults;
use app::roles::Role;

use crate::quiz::support::{answer, demo_module, demo_quiz, right_answers, start_ok};
use crate::support::TestApp;
use crate::support::fixtures::taught_session;

async fn results(app: &TestApp, client: &reqwest::Client, quiz: i32) -> QuizResults {
    let response = app
        .call(client, "quiz/results", &[("quiz_id", &quiz.to_string())])
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("results")
}

/// A session of the demo module taught by `trainer` with `learner` confirmed in it.
async fn cohort(app: &TestApp, trainer: i32, learner: i32) {
    let module = demo_module(app).await;
    let now = chrono::Utc::now();
    // The results list a trainer's cohorts of the year shown (this one).
    let session = taught_session(
        &app.db,
        module.id,
        trainer,
        "Session de test",
        "prevue",
        now,
    )
    .await;
    enrolments::ActiveModel {
        session_id: Set(session.id),
        user_id: Set(learner),
        status: Set("confirmee".into()),
        enrolled_at: Set(now),
        confirmed_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("enrolment");
}

#[tokio::test]
async fn trainers_see_their_cohorts_only_and_the_coordinator_sees_everyone() {
    let app = TestApp::spawn_with_demo().await;
    let in_cohort = app.signed_in(Role::Learner).await;
    let elsewhere = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let other_trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    cohort(&app, trainer.id, in_cohort.id).await;
    let quiz = demo_quiz(&app).await;
    let fields = right_answers(&app, quiz).await;
    for (who, f) in [(&in_cohort, fields.clone()), (&elsewhere, Vec::new())] {
        let id = start_ok(&app, &who.client, quiz).await;
        answer(&app, &who.client, id, "submit", &f).await;
    }

    let mine = results(&app, &trainer.client, quiz).await;
    assert_eq!(mine.learners.len(), 1);
    assert_eq!(mine.learners[0].best_percent.map(f64::round), Some(100.0));
    assert!(mine.learners[0].passed);
    assert!(
        mine.questions
            .iter()
            .all(|q| q.attempts == 1 && q.correct == 1)
    );

    let none = results(&app, &other_trainer.client, quiz).await;
    assert!(none.learners.is_empty());
    assert!(none.questions.iter().all(|q| q.attempts == 0));

    let all = results(&app, &coordinator.client, quiz).await;
    assert_eq!(all.learners.len(), 2);
    assert!(
        all.questions
            .iter()
            .all(|q| q.attempts == 2 && q.correct == 1)
    );
    assert!(
        all.questions
            .iter()
            .all(|q| q.share_correct() == Some(50.0))
    );
}

#[tokio::test]
async fn the_csv_export_follows_the_same_rules() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    cohort(&app, trainer.id, learner.id).await;
    let quiz = demo_quiz(&app).await;
    let id = start_ok(&app, &learner.client, quiz).await;
    answer(
        &app,
        &learner.client,
        id,
        "submit",
        &right_answers(&app, quiz).await,
    )
    .await;
    let path = format!("/exports/quiz/{quiz}/resultats.csv");

    let csv = app.get_as(&trainer.client, &path).await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    let body = csv.text().await.expect("body");
    assert!(body.contains("Personne Learner"), "{body}");
    assert!(body.contains("Part de bonnes réponses"), "{body}");
    assert!(body.contains(r#""100.0","oui""#), "{body}");

    let coordinator_csv = app.get_as(&coordinator.client, &path).await;
    assert_eq!(coordinator_csv.status(), 200);
    let as_learner = app.get_as(&learner.client, &path).await;
    assert_eq!(as_learner.status(), 403);
    let as_visitor = app.get_as(&crate::support::new_client(), &path).await;
    assert_eq!(as_visitor.status(), 401);
}

#[tokio::test]
async fn enrolling_someone_does_not_open_their_past_attempts_to_the_trainer() {
    let app = TestApp::spawn_with_demo().await;
    let learner = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let quiz = demo_quiz(&app).await;
    let fields = right_answers(&app, quiz).await;
    let before = start_ok(&app, &learner.client, quiz).await;
    answer(&app, &learner.client, before, "submit", &fields).await;

    // The trainer then puts the learner in a session of their own.
    cohort(&app, trainer.id, learner.id).await;
    let seen = results(&app, &trainer.client, quiz).await;
    assert_eq!(seen.learners.len(), 1);
    assert_eq!(
        seen.learners[0].attempts, 0,
        "the attempt made before is not shown"
    );
    assert_eq!(seen.learners[0].best_percent, None);
    assert!(seen.questions.iter().all(|q| q.attempts == 0));

    // What the learner does from then on is.
    let after = start_ok(&app, &learner.client, quiz).await;
    answer(&app, &learner.client, after, "submit", &fields).await;
    let seen = results(&app, &trainer.client, quiz).await;
    assert_eq!(seen.learners[0].attempts, 1);
}
