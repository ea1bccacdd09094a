//! The évaluation à froid: its form opens three months after the course for
//! those who attended, its invitation is queued once per person (never to
//! absentees nor to people who already answered) and reaches a real SMTP
//! server, and the trainer sees the answers aggregated without names.

use chrono::{Duration, Utc};

use app::assessment::rules::Phase;
use app::assessment::types::PhaseState;
use server::reminders::run_once;

use crate::assessment::support::{
    answer, answer_shown, assessed_class, cohort_of, finish, view_of,
};
use crate::attendance::support::{Class, set_mark};
use crate::support::TestApp;
use crate::support::smtp::{TestSmtp, app_sending_to, outbox_keys};

/// Marks learner `index` on the first half-day.
async fn marked(app: &TestApp, c: &Class, index: usize, status: &str) {
    let r = set_mark(
        app,
        &c.trainer.client,
        c.session,
        c.slots[0],
        c.learners[index].1,
        status,
    )
    .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

fn state(view: &app::assessment::types::LearnerView, phase: Phase) -> PhaseState {
    view.phases
        .iter()
        .find(|p| p.phase == phase)
        .expect("phase listed")
        .state
}

#[tokio::test]
async fn the_follow_up_opens_three_months_after_for_those_who_attended() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 2).await;
    let (attendee, _) = &c.learners[0];
    let (absentee, _) = &c.learners[1];
    finish(&app, &c, Duration::days(10)).await;
    marked(&app, &c, 0, "present").await;
    marked(&app, &c, 1, "absent").await;

    // Ten days after: not open yet, and a post is refused.
    let early = view_of(&app, attendee, c.session).await;
    assert_eq!(state(&early, Phase::Cold), PhaseState::NotYet);
    let refused = answer(&app, attendee, c.session, "froid", 1, &[]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.expect("body").contains("90 jours"));

    // A hundred days after: the form is the follow-up, with its three questions.
    finish(&app, &c, Duration::days(100)).await;
    let view = view_of(&app, attendee, c.session).await;
    let form = view.form.expect("the follow-up is open");
    assert_eq!(form.phase, Phase::Cold);
    let types: Vec<&str> = form.items.iter().map(|i| i.item_type.as_str()).collect();
    assert_eq!(types, ["yes_no", "free_text", "likert"]);
    assert!(form.items[0].prompt.contains("avez-vous utilisé"));

    // The absentee is not asked, and cannot answer.
    let absent_view = view_of(&app, absentee, c.session).await;
    assert_eq!(state(&absent_view, Phase::Cold), PhaseState::Closed);
    assert!(absent_view.form.is_none());
    let ids: Vec<(i32, &str)> = form.items.iter().map(|i| (i.id, "oui")).collect();
    let not_asked = answer(
        &app,
        absentee,
        c.session,
        "froid",
        form.questionnaire_id,
        &ids,
    )
    .await;
    assert_eq!(not_asked.status(), 422);
    assert!(
        not_asked
            .text()
            .await
            .expect("body")
            .contains("au moins une demi-journée")
    );

    let ok = answer_shown(
        &app,
        attendee,
        c.session,
        &["oui", "J’ai orienté un locataire vers le CMP.", "4"],
    )
    .await;
    assert_eq!(ok.status(), 200, "{}", ok.text().await.unwrap_or_default());
    let answered = view_of(&app, attendee, c.session).await;
    assert_eq!(state(&answered, Phase::Cold), PhaseState::Answered);

    let cohort = cohort_of(&app, &c.trainer, c.session).await;
    assert_eq!(cohort.follow_up.responses, 1);
    assert_eq!(cohort.follow_up.used_rate, Some(1.0));
    assert_eq!(cohort.follow_up.usefulness_mean, Some(4.0));
    assert_eq!(
        cohort.follow_up.examples,
        ["J’ai orienté un locataire vers le CMP."]
    );
    let cold_rate = cohort
        .rates
        .iter()
        .find(|r| r.phase == Phase::Cold)
        .expect("rate");
    assert_eq!(cold_rate.answered, 1);
}

#[tokio::test]
async fn one_invitation_per_attendee_who_has_not_answered() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 3).await;
    finish(&app, &c, Duration::days(10)).await;
    marked(&app, &c, 0, "present").await;
    marked(&app, &c, 1, "absent").await;
    marked(&app, &c, 2, "retard").await;

    // Before three months: nothing.
    assert_eq!(
        run_once(&app.db, Utc::now(), &app.address)
            .await
            .expect("run"),
        0
    );

    finish(&app, &c, Duration::days(100)).await;
    let (answered_already, _) = &c.learners[2];
    let ok = answer_shown(&app, answered_already, c.session, &["non", "", "2"]).await;
    assert_eq!(ok.status(), 200);

    let now = Utc::now();
    let (first, second) = tokio::join!(
        run_once(&app.db, now, &app.address),
        run_once(&app.db, now, &app.address)
    );
    assert_eq!(first.expect("run") + second.expect("run"), 1);
    assert_eq!(run_once(&app.db, now, &app.address).await.expect("run"), 0);
    assert_eq!(
        outbox_keys(&app.db, "follow_up").await,
        [format!("follow-up:{}", c.learners[0].1)]
    );

    // Once the follow-up has closed, nobody new is invited.
    assert_eq!(
        run_once(&app.db, now + Duration::days(61), &app.address)
            .await
            .expect("run"),
        0
    );
}

#[tokio::test]
async fn the_invitation_reaches_the_learner_with_the_link() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let c = assessed_class(&app, 1).await;
    // The convocation sent at enrolment comes first.
    smtp.wait_for(1, 20).await;
    finish(&app, &c, Duration::days(95)).await;
    marked(&app, &c, 0, "present").await;

    assert_eq!(
        run_once(&app.db, Utc::now(), &app.address)
            .await
            .expect("run"),
        1
    );

    let mails = smtp.wait_for(2, 20).await;
    let mail = mails
        .iter()
        .find(|m| m.subject.contains("trois mois"))
        .expect("the follow-up invitation");
    assert_eq!(
        mail.envelope_to.as_slice(),
        std::slice::from_ref(&c.learners[0].0.email)
    );
    let link = format!("{}/sessions/{}/auto-evaluation", app.address, c.session);
    assert!(mail.text.contains(&link), "{}", mail.text);
    assert!(mail.text.contains("jusqu’au"), "{}", mail.text);
}
