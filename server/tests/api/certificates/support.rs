//! Helpers of the certificate tests: a finished session (its two half-days
//! moved into the past) with named learners and marks written directly, and
//! the certificate calls.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};

use app::certificates::types::{Cohort, IssueReport};
use app::db::entities::{attendance_marks, certificates, structures, users};

use crate::attendance::support::{Class, class, start_slot};
use crate::support::{TestApp, TestUser};

pub const TRAINING: &str = "Prévention et gestion des situations de crise";

pub async fn rename(app: &TestApp, user_id: i32, name: &str, structure: Option<i32>) {
    let mut row: users::ActiveModel = users::Entity::find_by_id(user_id)
        .one(&app.db)
        .await
        .expect("read")
        .expect("user")
        .into();
    row.display_name = Set(name.to_owned());
    row.structure_id = Set(structure);
    row.update(&app.db).await.expect("rename");
}

pub async fn structure(app: &TestApp, name: &str) -> i32 {
    structures::ActiveModel {
        name: Set(name.to_owned()),
        sector: Set("action_sociale".to_owned()),
        city: Set(Some("Metz".to_owned())),
        reviewed: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("structure")
    .id
}

pub async fn mark(app: &TestApp, slot: i32, enrolment: i32, status: &str) {
    let at: DateTime<Utc> = Utc::now();
    attendance_marks::ActiveModel {
        slot_id: Set(slot),
        enrolment_id: Set(enrolment),
        status: Set(status.to_owned()),
        method: Set("appel".to_owned()),
        recorded_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("mark");
}

/// A session whose two half-days (3 hours each) ended yesterday, taught by
/// « Claire Formatrice », with `learners` confirmed learners named
/// « Apprenant·e 1 »… The first ones in `full` attended both half-days.
pub async fn finished_class(app: &TestApp, learners: usize, full: usize) -> Class {
    let c = class(app, learners).await;
    start_slot(app, c.slots[0], Duration::hours(30)).await;
    start_slot(app, c.slots[1], Duration::hours(26)).await;
    rename(app, c.trainer.id, "Claire Formatrice", None).await;
    for (i, (learner, enrolment)) in c.learners.iter().enumerate() {
        rename(app, learner.id, &format!("Apprenant·e {}", i + 1), None).await;
        if i < full {
            mark(app, c.slots[0], *enrolment, "present").await;
            mark(app, c.slots[1], *enrolment, "retard").await;
        }
    }
    c
}

pub async fn cohort(app: &TestApp, who: &TestUser, session: i32) -> Cohort {
    let response = app
        .call(
            &who.client,
            "certificates/cohort",
            &[("session_id", &session.to_string())],
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("cohort")
}

pub async fn issue(app: &TestApp, who: &TestUser, session: i32, batch: Option<u32>) -> IssueReport {
    let session = session.to_string();
    let batch = batch.map(|b| b.to_string());
    let mut form = vec![("input[session_id]", session.as_str())];
    if let Some(b) = &batch {
        form.push(("input[batch]", b.as_str()));
    }
    let response = app.call(&who.client, "certificates/issue", &form).await;
    assert_eq!(
        response.status(),
        200,
        "{}",
        response.text().await.unwrap_or_default()
    );
    response.json().await.expect("report")
}

pub async fn certificate_rows(app: &TestApp) -> Vec<certificates::Model> {
    certificates::Entity::find()
        .order_by_asc(certificates::Column::Id)
        .all(&app.db)
        .await
        .expect("certificates")
}

pub async fn certificate_of(app: &TestApp, enrolment: i32) -> certificates::Model {
    certificates::Entity::find()
        .filter(certificates::Column::EnrolmentId.eq(enrolment))
        .one(&app.db)
        .await
        .expect("read")
        .expect("certificate")
}

pub fn pdf_words(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf)
        .expect("text")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
