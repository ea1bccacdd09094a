//! Attendance: the roll call and its audited corrections, who may take it,
//! signing a half-day, apologies in advance, and a learner's own view.

use chrono::Duration;

use app::attendance::rules::{Attendance, MarkMethod};
use app::roles::Role;

use crate::attendance::support::{
    attendance, audit, call, class, ids, marks, roll_call, roll_call_ok, set_mark, start_slot,
};
use crate::sessions::support::create_session;
use crate::support::TestApp;

#[tokio::test]
async fn roll_call_marks_and_corrections_are_audited() {
    let app = TestApp::spawn().await;
    let c = class(&app, 2).await;
    let (slot, (learner, enrolment)) = (c.slots[0], &c.learners[0]);
    let t = &c.trainer.client;

    let r = set_mark(&app, t, c.session, slot, *enrolment, "present").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<String>().await.expect("status"), "present");
    // The same tap again (a retry) changes nothing and is not a correction.
    assert_eq!(
        set_mark(&app, t, c.session, slot, *enrolment, "present")
            .await
            .status(),
        200
    );
    let rows = marks(&app, slot).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].status.as_str(), rows[0].method.as_str()),
        ("present", "appel")
    );
    assert_eq!(rows[0].recorded_by, Some(c.trainer.id));
    assert!(audit(&app, "attendance_corrected").await.is_empty());

    assert_eq!(
        set_mark(&app, t, c.session, slot, *enrolment, "retard")
            .await
            .status(),
        200
    );
    let rows = marks(&app, slot).await;
    assert_eq!(
        (rows[0].status.as_str(), rows[0].method.as_str()),
        ("retard", "correction")
    );
    let logged = audit(&app, "attendance_corrected").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].actor_id, Some(c.trainer.id));
    assert_eq!(logged[0].target_id, Some(rows[0].id));
    let details = logged[0].details.clone().expect("details");
    assert_eq!(details["old_status"], "present");
    assert_eq!(details["new_status"], "retard");
    assert_eq!(details["slot_id"], slot);
    assert_eq!(details["enrolment_id"], *enrolment);
    let text = details.to_string();
    assert!(
        !text.contains(&learner.email) && !text.contains("Personne"),
        "{text}"
    );

    // The roll call shows the current status.
    let roll = roll_call_ok(&app, t, c.session, slot).await;
    assert_eq!(roll.lines.len(), 2);
    let line = roll
        .lines
        .iter()
        .find(|l| l.enrolment_id == *enrolment)
        .expect("line");
    assert_eq!(line.status, Some(Attendance::Late));
    assert_eq!(line.method, Some(MarkMethod::Correction));

    // Bad input leaves the mark alone.
    assert_eq!(
        set_mark(&app, t, c.session, slot, *enrolment, "là")
            .await
            .status(),
        422
    );
    let other = create_session(&app, &c.trainer, None, 5).await;
    let other_slot = crate::attendance::support::slots(&app, other).await[0];
    assert_eq!(
        set_mark(&app, t, c.session, other_slot, *enrolment, "absent")
            .await
            .status(),
        404
    );
    assert_eq!(
        set_mark(&app, t, other, other_slot, *enrolment, "absent")
            .await
            .status(),
        422
    );
    assert_eq!(marks(&app, slot).await[0].status, "retard");
    app.stop().await;
}

#[tokio::test]
async fn only_the_sessions_trainers_and_the_coordinator_take_the_roll_call() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    let (slot, (learner, enrolment)) = (c.slots[0], &c.learners[0]);
    let other = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;

    for client in [&other.client, &learner.client] {
        assert_eq!(roll_call(&app, client, c.session, slot).await.status(), 403);
        assert_eq!(
            set_mark(&app, client, c.session, slot, *enrolment, "present")
                .await
                .status(),
            403
        );
        for endpoint in ["sessions/confirm_slot", "sessions/new_checkin_code"] {
            let r = call(&app, client, endpoint, &ids(c.session, slot)).await;
            assert_eq!(r.status(), 403, "{endpoint}");
        }
        let (status, _) = app
            .page_as(client, &format!("/sessions/{}/appel/{slot}", c.session))
            .await;
        assert_eq!(status, 403);
    }
    assert!(marks(&app, slot).await.is_empty());
    assert!(
        attendance(&app, &other.client, c.session)
            .await
            .table
            .is_none()
    );

    assert_eq!(
        set_mark(
            &app,
            &coordinator.client,
            c.session,
            slot,
            *enrolment,
            "absent"
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        roll_call_ok(&app, &coordinator.client, c.session, slot)
            .await
            .lines
            .len(),
        1
    );
    // A waiting learner is not on the roll call and cannot be marked.
    let full = create_session(&app, &c.trainer, None, 1).await;
    let full_slot = crate::attendance::support::slots(&app, full).await[0];
    let first = app.signed_in(Role::Learner).await;
    let second = app.signed_in(Role::Learner).await;
    crate::sessions::support::enrol(&app, &first, full).await;
    crate::sessions::support::enrol(&app, &second, full).await;
    let waiting = crate::sessions::support::enrolment_rows(&app, full)
        .await
        .into_iter()
        .find(|e| e.user_id == second.id)
        .expect("waiting")
        .id;
    let r = set_mark(&app, &c.trainer.client, full, full_slot, waiting, "present").await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        roll_call_ok(&app, &c.trainer.client, full, full_slot)
            .await
            .lines
            .len(),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn a_half_day_is_signed_once_started_and_stays_correctable() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    let (slot, (_, enrolment)) = (c.slots[0], &c.learners[0]);
    let t = &c.trainer.client;

    let r = call(&app, t, "sessions/confirm_slot", &ids(c.session, slot)).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.expect("body").contains("commencée"));
    assert!(
        roll_call_ok(&app, t, c.session, slot)
            .await
            .signed
            .is_none()
    );

    start_slot(&app, slot, Duration::minutes(30)).await;
    assert!(roll_call_ok(&app, t, c.session, slot).await.may_sign);
    assert_eq!(
        set_mark(&app, t, c.session, slot, *enrolment, "present")
            .await
            .status(),
        200
    );
    let r = call(&app, t, "sessions/confirm_slot", &ids(c.session, slot)).await;
    assert_eq!(r.status(), 200);
    let roll = roll_call_ok(&app, t, c.session, slot).await;
    let signed = roll.signed.expect("signed");
    assert!(
        signed.starts_with("Appel signé le ") && signed.contains(" par Personne"),
        "{signed}"
    );
    assert!(!roll.may_sign);
    assert_eq!(audit(&app, "attendance_slot_signed").await.len(), 1);
    // Signing again keeps the first signature.
    let r = call(&app, t, "sessions/confirm_slot", &ids(c.session, slot)).await;
    assert_eq!(r.status(), 200);
    assert_eq!(audit(&app, "attendance_slot_signed").await.len(), 1);

    // A correction after signing is allowed and audited.
    assert_eq!(
        set_mark(&app, t, c.session, slot, *enrolment, "absent")
            .await
            .status(),
        200
    );
    assert_eq!(audit(&app, "attendance_corrected").await.len(), 1);
    let (status, html) = app
        .page_as(t, &format!("/sessions/{}/appel/{slot}", c.session))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Appel signé le"));
    assert!(html.contains(r#"aria-pressed="true""#));
    app.stop().await;
}

#[tokio::test]
async fn an_apology_in_advance_shows_on_the_roll_call_and_can_be_withdrawn() {
    let app = TestApp::spawn().await;
    let c = class(&app, 2).await;
    let (slot, (learner, enrolment)) = (c.slots[1], &c.learners[0]);
    let [s, sl] = ids(c.session, slot);
    let apology = |reason: &str| vec![s.clone(), sl.clone(), ("input[reason]", reason.to_owned())];

    let r = call(
        &app,
        &learner.client,
        "sessions/send_apology",
        &apology(&"x".repeat(301)),
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.expect("body").contains("300 caractères"));
    assert!(marks(&app, slot).await.is_empty());

    let r = call(
        &app,
        &learner.client,
        "sessions/send_apology",
        &apology(" Rendez-vous médical "),
    )
    .await;
    assert_eq!(r.status(), 200);
    let rows = marks(&app, slot).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].status.as_str(), rows[0].method.as_str()),
        ("absent_excuse", "excuse")
    );
    assert_eq!(rows[0].note.as_deref(), Some("Rendez-vous médical"));

    let roll = roll_call_ok(&app, &c.trainer.client, c.session, slot).await;
    let line = roll
        .lines
        .iter()
        .find(|l| l.enrolment_id == *enrolment)
        .expect("line");
    assert_eq!(line.apology.as_deref(), Some("Rendez-vous médical"));
    assert_eq!(line.status, Some(Attendance::ExcusedAbsent));
    let (_, html) = app
        .page_as(
            &c.trainer.client,
            &format!("/sessions/{}/appel/{slot}", c.session),
        )
        .await;
    assert!(
        html.contains("Excuse envoyée : Rendez-vous médical"),
        "roll call page"
    );

    let mine = attendance(&app, &learner.client, c.session)
        .await
        .mine
        .expect("mine");
    let half = mine.slots.iter().find(|s| s.slot_id == slot).expect("slot");
    assert!(half.may_withdraw);
    let r = call(
        &app,
        &learner.client,
        "sessions/withdraw_apology",
        &ids(c.session, slot),
    )
    .await;
    assert_eq!(r.status(), 200);
    assert!(marks(&app, slot).await.is_empty());

    // Someone else's enrolment or an unconfirmed person cannot apologise.
    let stranger = app.signed_in(Role::Learner).await;
    let r = call(
        &app,
        &stranger.client,
        "sessions/send_apology",
        &apology(""),
    )
    .await;
    assert_eq!(r.status(), 422);
    // Once the half-day started, it is too late.
    start_slot(&app, slot, Duration::minutes(1)).await;
    let r = call(&app, &learner.client, "sessions/send_apology", &apology("")).await;
    assert_eq!(r.status(), 422);
    assert!(marks(&app, slot).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_learner_sees_only_their_own_attendance() {
    let app = TestApp::spawn().await;
    let c = class(&app, 2).await;
    let ((a, ea), (b, eb)) = (&c.learners[0], &c.learners[1]);
    let slot = c.slots[0];
    start_slot(&app, slot, Duration::hours(4)).await;
    let t = &c.trainer.client;
    assert_eq!(
        set_mark(&app, t, c.session, slot, *ea, "present")
            .await
            .status(),
        200
    );
    assert_eq!(
        set_mark(&app, t, c.session, slot, *eb, "absent")
            .await
            .status(),
        200
    );

    let mine = attendance(&app, &a.client, c.session).await;
    assert!(mine.table.is_none());
    let mine = mine.mine.expect("mine");
    assert_eq!(mine.slots.len(), 2);
    assert_eq!(
        mine.slots
            .iter()
            .find(|s| s.slot_id == slot)
            .and_then(|s| s.status),
        Some(Attendance::Present)
    );
    assert_eq!(mine.rate, Some(100));
    let theirs = attendance(&app, &b.client, c.session)
        .await
        .mine
        .expect("theirs");
    assert_eq!(theirs.rate, Some(0));
    // The session page of A does not carry B's mark, nor B's name.
    let d = crate::sessions::planning::detail(&app, &a.client, c.session).await;
    assert!(d.roster.is_empty());
    assert_eq!(
        roll_call(&app, &a.client, c.session, slot).await.status(),
        403
    );

    let table = attendance(&app, t, c.session).await.table.expect("table");
    assert_eq!(table.slots.len(), 2);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rate, Some(50));
    // Visitors get nothing.
    let visitor = crate::support::new_client();
    let none = attendance(&app, &visitor, c.session).await;
    assert!(none.table.is_none() && none.mine.is_none());
    app.stop().await;
}
