//! « Mon espace »: each home shows its own person's next steps only — a
//! learner's sessions (the visio link on the day) and quizzes, a trainer's
//! roll calls of today, the coordinator's year against the programme.

use chrono::{Datelike, Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use app::calendar::to_local;
use app::db::entities::{
    programme_plans, quiz_attempts, quizzes, session_slots, training_sessions,
};
use app::roles::Role;
use app::space::types::{CoordinatorHome, LearnerHome, TrainerHome};

use crate::sessions::support::{create_session, enrol, slot_rows};
use crate::support::{TestApp, TestUser};

async fn home<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    who: &reqwest::Client,
    name: &str,
) -> T {
    let response = app.call(who, &format!("space/{name}"), &[]).await;
    assert_eq!(response.status(), 200, "{name}");
    response.json().await.expect("home")
}

/// Moves the session's first slot to now (today, Metz time), the others later.
async fn hold_today(app: &TestApp, session: i32) -> i32 {
    let now = Utc::now();
    let slots = slot_rows(app, session).await;
    for (i, slot) in slots.iter().enumerate() {
        let start = now + Duration::days(i as i64 * 2) - Duration::minutes(5);
        let mut row: session_slots::ActiveModel = slot.clone().into();
        row.day = Set(to_local(start).date());
        row.starts_at = Set(start);
        row.ends_at = Set(start + Duration::minutes(30));
        row.update(&app.db).await.expect("move slot");
    }
    slots[0].id
}

async fn module_of(app: &TestApp, session: i32) -> i32 {
    training_sessions::Entity::find_by_id(session)
        .one(&app.db)
        .await
        .expect("query")
        .expect("session")
        .module_id
}

#[tokio::test]
async fn a_learner_sees_their_own_sessions_the_visio_link_on_the_day_and_waiting_quizzes() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let other = app.signed_in(Role::Learner).await;
    let mine = create_session(&app, &trainer, None, 5).await;
    let theirs = create_session(&app, &trainer, None, 5).await;
    assert_eq!(enrol(&app, &learner, mine).await.status(), 200);
    assert_eq!(enrol(&app, &other, theirs).await.status(), 200);

    let before: LearnerHome = home(&app, &learner.client, "learner_home").await;
    assert_eq!(before.next_sessions.len(), 1);
    assert_eq!(before.next_sessions[0].session_id, mine);
    assert_eq!(before.next_sessions[0].visio_today, None, "not the day yet");

    hold_today(&app, mine).await;
    let today: LearnerHome = home(&app, &learner.client, "learner_home").await;
    assert_eq!(
        today.next_sessions[0].visio_today.as_deref(),
        Some("https://visio.example.org/relais?salle=1")
    );
    let (_, page) = app.page_as(&learner.client, "/mon-espace").await;
    assert!(page.contains("Rejoindre la visio"), "{page}");

    // A published quiz of the module waits until the learner passes it.
    let now = Utc::now();
    let quiz = quizzes::ActiveModel {
        module_id: Set(module_of(&app, mine).await),
        title: Set("Quiz de fin de session".into()),
        pass_mark_percent: Set(70),
        shuffle: Set(false),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("quiz");
    let waiting: LearnerHome = home(&app, &learner.client, "learner_home").await;
    assert_eq!(waiting.quizzes.len(), 1);
    assert_eq!(waiting.quizzes[0].quiz_id, quiz.id);
    let theirs_home: LearnerHome = home(&app, &other.client, "learner_home").await;
    assert!(theirs_home.quizzes.is_empty(), "another module's quiz");
    assert_eq!(theirs_home.next_sessions.len(), 1);
    assert_eq!(theirs_home.next_sessions[0].session_id, theirs);
    assert_eq!(theirs_home.next_sessions[0].visio_today, None);

    quiz_attempts::ActiveModel {
        quiz_id: Set(quiz.id),
        user_id: Set(learner.id),
        number: Set(1),
        layout: Set(serde_json::json!([])),
        started_at: Set(now),
        submitted_at: Set(Some(now)),
        score: Set(Some(9.0)),
        max_score: Set(Some(10.0)),
        passed: Set(Some(true)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("attempt");
    let passed: LearnerHome = home(&app, &learner.client, "learner_home").await;
    assert!(passed.quizzes.is_empty());

    let visitor: LearnerHome = home(&app, &app.client, "learner_home").await;
    assert_eq!(visitor, LearnerHome::default());
}

#[tokio::test]
async fn a_trainer_sees_the_roll_calls_of_today_of_their_sessions_only() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let colleague = app.signed_in(Role::Trainer).await;
    let learners: Vec<TestUser> = vec![
        app.signed_in(Role::Learner).await,
        app.signed_in(Role::Learner).await,
        app.signed_in(Role::Learner).await,
    ];
    let taught = create_session(&app, &trainer, None, 2).await;
    let other = create_session(&app, &colleague, None, 2).await;
    for l in &learners {
        assert_eq!(enrol(&app, l, taught).await.status(), 200);
    }
    let slot = hold_today(&app, taught).await;
    hold_today(&app, other).await;

    let mine: TrainerHome = home(&app, &trainer.client, "trainer_home").await;
    assert_eq!(mine.roll_calls.len(), 1, "{mine:?}");
    assert_eq!(mine.roll_calls[0].slot_id, slot);
    assert_eq!(mine.roll_calls[0].session_id, taught);
    assert_eq!(mine.upcoming.len(), 1);
    let line = &mine.upcoming[0];
    assert_eq!(
        (line.session_id, line.confirmed, line.capacity, line.waiting),
        (taught, 2, 2, 1)
    );

    let (_, page) = app.page_as(&trainer.client, "/mon-espace").await;
    assert!(
        page.contains(&format!("href=\"/sessions/{taught}/appel/{slot}\"")),
        "{page}"
    );
    assert!(!page.contains(&format!("/sessions/{other}/appel/")));

    let theirs: TrainerHome = home(&app, &colleague.client, "trainer_home").await;
    assert_eq!(theirs.roll_calls.len(), 1);
    assert_eq!(theirs.roll_calls[0].session_id, other);
    let denied = app
        .call(&learners[0].client, "space/trainer_home", &[])
        .await;
    assert_eq!(denied.status(), 403);
    // A learner's own page never asks for the staff homes.
    let space = app.get_as(&learners[0].client, "/mon-espace").await;
    assert_eq!(space.status(), 200);
}

#[tokio::test]
async fn the_coordinator_sees_the_year_against_the_programme() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let year = to_local(Utc::now()).year();
    let sessions = [
        create_session(&app, &trainer, None, 5).await,
        create_session(&app, &trainer, None, 5).await,
        create_session(&app, &trainer, None, 5).await,
        create_session(&app, &trainer, None, 5).await,
    ];
    let module = module_of(&app, sessions[0]).await;
    // Three sessions of one module this year (held, cancelled, planned), one of another year.
    for (id, status, y) in [
        (sessions[0], "realisee", year),
        (sessions[1], "annulee", year),
        (sessions[2], "prevue", year),
        (sessions[3], "realisee", year - 1),
    ] {
        let mut row: training_sessions::ActiveModel = training_sessions::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("session")
            .into();
        row.module_id = Set(module);
        row.status = Set(status.into());
        row.programme_year = Set(y);
        row.update(&app.db).await.expect("update");
    }
    programme_plans::ActiveModel {
        year: Set(year),
        module_id: Set(module),
        planned_sessions: Set(4),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("plan");

    let view: CoordinatorHome = home(&app, &coordinator.client, "coordinator_home").await;
    assert_eq!(view.year, year);
    let line = view
        .lines
        .iter()
        .find(|l| l.module_id == module)
        .expect("the module's line");
    assert_eq!(
        (
            line.programme,
            line.held,
            line.scheduled,
            line.cancelled,
            line.to_schedule
        ),
        (4, 1, 1, 1, 2)
    );
    assert_eq!(
        view.lines.len(),
        1,
        "modules without plan nor session this year are left out"
    );

    let (_, page) = app.page_as(&coordinator.client, "/mon-espace").await;
    assert!(
        page.contains(&format!("href=\"/sessions?module={module}\"")),
        "{page}"
    );
    let denied = app
        .call(&trainer.client, "space/coordinator_home", &[])
        .await;
    assert_eq!(denied.status(), 403);
}

#[tokio::test]
async fn the_month_view_lists_each_session_in_its_day_cell() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 5).await;

    let (status, html) = app.get_html("/sessions?vue=mois&mois=2030-04").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Calendrier des sessions, avril 2030"),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\" abbr=\"lundi\">Lun</th>"));
    let cell_start = html.find("datetime=\"2030-04-16\"").expect("the 16th");
    let cell = &html[cell_start..];
    let cell = &cell[..cell.find("</td>").expect("end of cell")];
    assert!(
        cell.contains(&format!("href=\"/sessions/{session}\"")),
        "{cell}"
    );
    assert!(
        cell.contains("Journée : "),
        "morning and afternoon make one line: {cell}"
    );
    let before = &html[..cell_start];
    assert!(
        !before.contains(&format!("href=\"/sessions/{session}\"")),
        "not on another day"
    );
    assert!(
        html.contains("href=\"/sessions?vue=mois&amp;mois=2030-03\"")
            || html.contains("href=\"/sessions?vue=mois&mois=2030-03\"")
    );

    // Filters still apply: the session is hybrid.
    let (_, remote) = app
        .get_html("/sessions?vue=mois&mois=2030-04&mode=distanciel")
        .await;
    assert!(!remote.contains(&format!("href=\"/sessions/{session}\"")));
    let (_, other_month) = app.get_html("/sessions?vue=mois&mois=2030-05").await;
    assert!(!other_month.contains(&format!("href=\"/sessions/{session}\"")));
}
