//! A quiz's results come one year at a time and 50 learners a page: ten
//! years of attempts are never one page; the year and the page are plain
//! addresses, so they work without JavaScript, and the CSV holds the whole
//! year.

use chrono::{Datelike, Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use app::db::entities::quiz_attempts;
use app::quiz::types::{QuizResults, RESULTS_PER_PAGE};
use app::roles::Role;

use crate::quiz::support::{answer, demo_quiz, right_answers, start_ok};
use crate::support::fixtures::rename;
use crate::support::{TestApp, TestUser};

async fn results(app: &TestApp, who: &TestUser, quiz: i32, fields: &[(&str, &str)]) -> QuizResults {
    let quiz = quiz.to_string();
    let mut all = vec![("quiz_id", quiz.as_str())];
    all.extend_from_slice(fields);
    let response = app.call(&who.client, "quiz/results", &all).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("results")
}

/// A submitted attempt of `user` started at `started`, all wrong, with no answer.
async fn past_attempt(app: &TestApp, quiz: i32, user: i32, started: chrono::DateTime<Utc>) {
    quiz_attempts::ActiveModel {
        quiz_id: Set(quiz),
        user_id: Set(user),
        number: Set(1),
        layout: Set(serde_json::json!({ "questions": [] })),
        started_at: Set(started),
        submitted_at: Set(Some(started + Duration::minutes(10))),
        score: Set(Some(0.0)),
        max_score: Set(Some(10.0)),
        passed: Set(Some(false)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("attempt");
}

#[tokio::test]
async fn results_come_a_year_and_a_page_at_a_time() {
    let app = TestApp::spawn_with_demo().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let quiz = demo_quiz(&app).await;
    let now = Utc::now();
    let this_year = app::calendar::to_local(now).year();

    // One learner takes it this year through the quiz itself (every answer right).
    let learner = app.signed_in(Role::Learner).await;
    rename(&app.db, learner.id, "Aaron Présent", None).await;
    let id = start_ok(&app, &learner.client, quiz).await;
    answer(
        &app,
        &learner.client,
        id,
        "submit",
        &right_answers(&app, quiz).await,
    )
    .await;
    // 54 more this year; one took it two years ago only.
    for n in 0..54 {
        let user = app
            .create_user(Role::Learner, &format!("cohorte{n:02}@example.org"))
            .await;
        rename(&app.db, user.id, &format!("Cohorte {n:02}"), None).await;
        past_attempt(&app, quiz, user.id, now - Duration::minutes(30)).await;
    }
    let earlier = app.create_user(Role::Learner, "ancienne@example.org").await;
    rename(&app.db, earlier.id, "Ancienne Apprenante", None).await;
    let two_years_ago = now - Duration::days(2 * 366);
    past_attempt(&app, quiz, earlier.id, two_years_ago).await;
    let old_year = app::calendar::to_local(two_years_ago).year();

    // This year by default: 55 people, 50 on the first page, in name order.
    let first = results(&app, &coordinator, quiz, &[]).await;
    assert_eq!(first.year, this_year);
    assert_eq!(first.years.first(), Some(&this_year));
    assert!(first.years.contains(&old_year));
    assert_eq!(first.learners_total, 55);
    assert_eq!(first.learners.len() as u64, RESULTS_PER_PAGE);
    assert_eq!(first.learners[0].name, "Aaron Présent");
    assert_eq!(first.learners[0].best_percent.map(f64::round), Some(100.0));
    assert!(!first.later_page);
    // The questions count this year's attempts: 55 shown only by the real one's
    // layout (the others showed none), one right answer each.
    assert!(
        first
            .questions
            .iter()
            .all(|q| q.attempts == 1 && q.correct == 1)
    );
    let next = first.next.expect("a second page").to_string();
    let second = results(&app, &coordinator, quiz, &[("after", &next)]).await;
    assert!(second.later_page && second.next.is_none());
    let names: Vec<_> = second.learners.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cohorte 49",
            "Cohorte 50",
            "Cohorte 51",
            "Cohorte 52",
            "Cohorte 53"
        ]
    );

    // Two years ago: the one who took it then, and no right answer.
    let old = old_year.to_string();
    let past = results(&app, &coordinator, quiz, &[("annee", &old)]).await;
    assert_eq!(past.learners_total, 1);
    assert_eq!(past.learners[0].name, "Ancienne Apprenante");
    assert!(past.questions.iter().all(|q| q.correct == 0));

    // Without JavaScript: the year and the page are in the address.
    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!("/quiz/{quiz}/resultats?annee={this_year}&apres={next}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Cohorte 53") && !html.contains("Aaron Présent"));
    assert!(
        html.contains("Par personne (55, 5 sur cette page)"),
        "{html}"
    );
    assert!(html.contains(&format!(
        "href=\"/quiz/{quiz}/resultats?annee={this_year}\""
    )));
    let (_, html) = app
        .page_as(
            &coordinator.client,
            &format!("/quiz/{quiz}/resultats?annee={old}"),
        )
        .await;
    assert!(html.contains("Ancienne Apprenante") && !html.contains("Cohorte 00"));
    assert!(
        html.contains(&format!("value=\"{old}\" selected")),
        "{html}"
    );

    // The CSV holds the whole year, every page.
    let csv = app
        .get_as(
            &coordinator.client,
            &format!("/exports/quiz/{quiz}/resultats.csv?annee={this_year}"),
        )
        .await;
    assert_eq!(csv.status(), 200);
    let body = csv.text().await.expect("csv");
    assert!(body.contains("Aaron Présent") && body.contains("Cohorte 53"));
    assert!(!body.contains("Ancienne Apprenante"));
}

#[tokio::test]
async fn a_year_or_a_page_never_offered_is_refused_in_french() {
    let app = TestApp::spawn_with_demo().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let quiz = demo_quiz(&app).await.to_string();
    for (field, value, message) in [
        ("annee", "abc", "Cette année n’est pas proposée"),
        ("annee", "1990", "Cette année n’est pas proposée"),
        (
            "after",
            "abc",
            "Cette page des résultats du quiz n’existe pas.",
        ),
        (
            "after",
            "999999",
            "Cette page des résultats du quiz n’existe pas.",
        ),
    ] {
        let response = app
            .call(
                &coordinator.client,
                "quiz/results",
                &[("quiz_id", quiz.as_str()), (field, value)],
            )
            .await;
        assert_eq!(response.status(), 422, "{field}={value}");
        let text = response.text().await.expect("body");
        assert!(text.contains(message), "{field}={value}: {text}");
    }
    let csv = app
        .get_as(
            &coordinator.client,
            &format!("/exports/quiz/{quiz}/resultats.csv?annee=1990"),
        )
        .await;
    assert_eq!(csv.status(), 422);
}
