//! Editing a session never loses attendance: a half-day with marks may be
//! neither removed nor moved (refused in French, nothing stored), the others
//! still change; every edit is audited with its half-days before and after;
//! a held session is corrected by the coordinator only, with a reason.

use chrono::{Duration, NaiveTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use app::calendar::{to_local, to_utc};
use app::db::entities::{session_slots, training_sessions};
use app::roles::Role;
use app::sessions::rules::Status;

use crate::attendance::support::{Class, audit, call, class, ids, marks, set_mark};
use crate::sessions::planning::detail;
use crate::sessions::support::{fields, post, set, slot_rows};
use crate::support::{TestApp, TestUser};

const MARKED_MORNING: &str = "La demi-journée du mardi 16 avril 2030 (matin) a déjà des émargements : elle ne peut être ni supprimée ni déplacée.";

/// The session's edit form as its page gives it to `who`.
async fn edit_form(app: &TestApp, who: &TestUser, session: i32) -> Vec<(String, String)> {
    let d = detail(app, &who.client, session).await;
    fields(&d.form.expect("edit form"))
}

async fn update(app: &TestApp, who: &TestUser, f: &[(String, String)]) -> (u16, String) {
    let r = post(app, &who.client, "sessions/update", f).await;
    (r.status().as_u16(), r.text().await.unwrap_or_default())
}

async fn title(app: &TestApp, session: i32) -> String {
    training_sessions::Entity::find_by_id(session)
        .one(&app.db)
        .await
        .expect("query")
        .expect("session")
        .title
}

/// Moves a slot to `days_ago` days before today, at its half-day's usual
/// hours, day and instants agreeing (as if planned so).
async fn move_to_past(app: &TestApp, slot: i32, days_ago: i64) {
    let row = session_slots::Entity::find_by_id(slot)
        .one(&app.db)
        .await
        .expect("slot")
        .expect("slot row");
    let day = to_local(Utc::now() - Duration::days(days_ago)).date();
    let (start, end) = if row.half_day == "matin" {
        (
            NaiveTime::from_hms_opt(9, 0, 0),
            NaiveTime::from_hms_opt(12, 30, 0),
        )
    } else {
        (
            NaiveTime::from_hms_opt(13, 30, 0),
            NaiveTime::from_hms_opt(17, 0, 0),
        )
    };
    let mut a: session_slots::ActiveModel = row.into();
    a.day = Set(day);
    a.starts_at = Set(to_utc(day, start.expect("time")));
    a.ends_at = Set(to_utc(day, end.expect("time")));
    a.update(&app.db).await.expect("move slot");
}

/// A class of one learner, both half-days in the past, marked and signed:
/// « Réalisée ».
async fn held_class(app: &TestApp) -> Class {
    let c = class(app, 1).await;
    move_to_past(app, c.slots[0], 3).await;
    move_to_past(app, c.slots[1], 2).await;
    let enrolment = c.learners[0].1;
    for slot in &c.slots {
        let r = set_mark(
            app,
            &c.trainer.client,
            c.session,
            *slot,
            enrolment,
            "present",
        )
        .await;
        assert_eq!(r.status(), 200);
        let r = call(
            app,
            &c.trainer.client,
            "sessions/confirm_slot",
            &ids(c.session, *slot),
        )
        .await;
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
    }
    assert_eq!(
        detail(app, &c.trainer.client, c.session)
            .await
            .summary
            .status,
        Status::Held
    );
    c
}

#[tokio::test]
async fn a_marked_half_day_can_be_neither_removed_nor_moved_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let c = class(&app, 1).await;
    let (morning, afternoon) = (c.slots[0], c.slots[1]);
    let r = set_mark(
        &app,
        &c.trainer.client,
        c.session,
        morning,
        c.learners[0].1,
        "present",
    )
    .await;
    assert_eq!(r.status(), 200);
    let before = slot_rows(&app, c.session).await;
    let form = edit_form(&app, &c.trainer, c.session).await;

    // Removing the marked morning (the afternoon takes its row), with a new title.
    let mut removed = form.clone();
    set(&mut removed, "title", "Titre qui ne doit pas rester");
    let afternoon_row: Vec<(String, String)> = form
        .iter()
        .filter(|(k, _)| k.starts_with("input[slot_2]"))
        .map(|(k, v)| (k.replace("slot_2", "slot_1"), v.clone()))
        .collect();
    removed.retain(|(k, _)| !k.starts_with("input[slot_1]") && !k.starts_with("input[slot_2]"));
    removed.extend(afternoon_row);
    // Moving it by half an hour, or to another day.
    let mut later = form.clone();
    set(&mut later, "slot_1][start", "09:30");
    let mut other_day = form.clone();
    set(&mut other_day, "slot_1][day", "2030-04-17");
    for f in [&removed, &later, &other_day] {
        let (status, body) = update(&app, &c.trainer, f).await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains(MARKED_MORNING), "{body}");
    }
    assert_eq!(slot_rows(&app, c.session).await, before);
    assert_eq!(title(&app, c.session).await, "Groupe du printemps");
    assert_eq!(marks(&app, morning).await.len(), 1);
    assert!(audit(&app, "session_updated").await.is_empty());

    // The coordinator is refused alike.
    let coordinator = app.signed_in(Role::Coordinator).await;
    let (status, body) = update(&app, &coordinator, &later).await;
    assert_eq!(status, 422);
    assert!(body.contains(MARKED_MORNING), "{body}");

    // The unmarked afternoon still moves, and may then go.
    let mut moved = form.clone();
    set(&mut moved, "slot_2][start", "14:30");
    set(&mut moved, "title", "Groupe du printemps (horaires)");
    let (status, body) = update(&app, &c.trainer, &moved).await;
    assert_eq!(status, 200, "{body}");
    let after = slot_rows(&app, c.session).await;
    assert_eq!(after[0], before[0], "the marked morning is untouched");
    assert_eq!(after[1].id, afternoon);
    assert_eq!(
        after[1].starts_at,
        to_utc(
            after[1].day,
            NaiveTime::from_hms_opt(14, 30, 0).expect("time")
        )
    );
    assert_eq!(marks(&app, morning).await.len(), 1);
    let logged = audit(&app, "session_updated").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].actor_id, Some(c.trainer.id));
    let details = logged[0].details.clone().expect("details");
    assert_eq!(details["fields"], serde_json::json!(["title"]));
    let changes = details["half_days"].as_array().expect("changes");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["change"], "changed");
    assert_eq!(changes[0]["id"], afternoon);
    assert_eq!(
        changes[0]["before"]["starts_at"],
        serde_json::json!(before[1].starts_at)
    );
    assert_eq!(
        changes[0]["after"]["starts_at"],
        serde_json::json!(after[1].starts_at)
    );

    let mut dropped = form.clone();
    dropped.retain(|(k, _)| !k.starts_with("input[slot_2]"));
    let (status, body) = update(&app, &c.trainer, &dropped).await;
    assert_eq!(status, 200, "{body}");
    let left = slot_rows(&app, c.session).await;
    assert_eq!(left, [before[0].clone()]);
    let logged = audit(&app, "session_updated").await;
    assert_eq!(logged.len(), 2);
    let last = logged.iter().max_by_key(|l| l.id).expect("entry");
    assert_eq!(
        last.details.as_ref().expect("details")["half_days"][0]["change"],
        "removed"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_held_session_is_corrected_by_the_coordinator_only_with_a_reason() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let c = held_class(&app).await;
    let page = format!("/sessions/{}", c.session);
    let edit_page = format!("/sessions/{}/modifier", c.session);

    // Its trainer is no longer offered the form, and is refused.
    let d = detail(&app, &c.trainer.client, c.session).await;
    assert!(d.can_manage && d.form.is_none());
    let (_, html) = app.page_as(&c.trainer.client, &page).await;
    assert!(
        !html.contains("Modifier la session") && !html.contains("Corriger la session"),
        "{html}"
    );
    let (_, html) = app.page_as(&c.trainer.client, &edit_page).await;
    assert!(!html.contains("input[title]"), "{html}");
    let form = edit_form(&app, &coordinator, c.session).await;
    let mut renamed = form.clone();
    set(&mut renamed, "title", "Groupe corrigé");
    set(&mut renamed, "correction_reason", "Titre mal saisi");
    let (status, _) = update(&app, &c.trainer, &renamed).await;
    assert_eq!(status, 403);

    // The coordinator sees « Corriger » and the reason field, which is required.
    let (_, html) = app.page_as(&coordinator.client, &page).await;
    assert!(html.contains("Corriger la session réalisée"), "{html}");
    let (_, html) = app.page_as(&coordinator.client, &edit_page).await;
    assert!(
        html.contains("Motif de la correction (obligatoire)"),
        "{html}"
    );
    assert!(html.contains("name=\"input[correction_reason]\""), "{html}");
    let mut no_reason = renamed.clone();
    set(&mut no_reason, "correction_reason", "  ");
    let (status, body) = update(&app, &coordinator, &no_reason).await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Indiquez le motif de la correction"),
        "{body}"
    );
    let mut too_long = renamed.clone();
    set(&mut too_long, "correction_reason", &"x".repeat(1001));
    let (status, body) = update(&app, &coordinator, &too_long).await;
    assert_eq!(status, 422);
    assert!(
        body.contains("ne doit pas dépasser 1000 caractères"),
        "{body}"
    );
    // Even the coordinator may not drop a marked half-day.
    let mut dropped = renamed.clone();
    dropped.retain(|(k, _)| !k.starts_with("input[slot_2]"));
    let (status, body) = update(&app, &coordinator, &dropped).await;
    assert_eq!(status, 422);
    assert!(body.contains("a déjà des émargements"), "{body}");
    assert_eq!(title(&app, c.session).await, "Groupe du printemps");
    assert!(audit(&app, "session_corrected").await.is_empty());

    // With a reason: corrected, still held, audited with what changed.
    let mut added = renamed.clone();
    set(&mut added, "slot_3][day", "2030-05-02");
    set(&mut added, "slot_3][half_day", "matin");
    let (status, body) = update(&app, &coordinator, &added).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(title(&app, c.session).await, "Groupe corrigé");
    assert_eq!(slot_rows(&app, c.session).await.len(), 3);
    let d = detail(&app, &coordinator.client, c.session).await;
    assert_eq!(d.summary.status, Status::Held);
    let logged = audit(&app, "session_corrected").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].actor_id, Some(coordinator.id));
    assert_eq!(logged[0].target_id, Some(c.session));
    let details = logged[0].details.clone().expect("details");
    assert_eq!(details["reason"], "Titre mal saisi");
    assert_eq!(details["fields"], serde_json::json!(["title"]));
    assert_eq!(details["half_days"][0]["change"], "added");
    assert_eq!(details["half_days"][0]["after"]["day"], "2030-05-02");
    assert!(audit(&app, "session_updated").await.is_empty());
    let (_, html) = app
        .page_as(&coordinator.client, &format!("{page}?corrigee=1"))
        .await;
    assert!(html.contains("Correction enregistrée"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn a_planned_session_edit_says_so() {
    let app = TestApp::spawn().await;
    let c = class(&app, 0).await;
    let mut form = edit_form(&app, &c.trainer, c.session).await;
    set(&mut form, "capacity", "20");
    let (status, _) = update(&app, &c.trainer, &form).await;
    assert_eq!(status, 200);
    let logged = audit(&app, "session_updated").await;
    assert_eq!(logged.len(), 1);
    let details = logged[0].details.clone().expect("details");
    assert_eq!(details["fields"], serde_json::json!(["capacity"]));
    assert_eq!(details["half_days"], serde_json::json!([]));
    let (_, html) = app
        .page_as(
            &c.trainer.client,
            &format!("/sessions/{}?modifiee=1", c.session),
        )
        .await;
    assert!(html.contains("Session modifiée."), "{html}");
    // Nothing else was written: the half-days kept their rows.
    let rows = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.eq(c.session))
        .all(&app.db)
        .await
        .expect("slots");
    assert_eq!(rows.len(), 2);
    app.stop().await;
}
