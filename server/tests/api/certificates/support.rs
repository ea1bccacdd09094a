//! Helpers of the certificate tests: a finished session (its two half-days
//! moved into the past) with named learners and marks written directly, and
//! the certificate calls.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use app::certificates::types::{Cohort, IssueReport};
use app::db::entities::certificates;

use crate::attendance::support::{Class, class, start_slot};
use crate::support::fixtures::{mark, rename};
use crate::support::{TestApp, TestUser};

pub const TRAINING: &str = "Prévention et gestion des situations de crise";

/// A session whose two half-days (3 hours each) ended yesterday, taught by
/// « Claire Formatrice », with `learners` confirmed learners named
/// « Apprenant·e 1 »… The first ones in `full` attended both half-days.
pub async fn finished_class(app: &TestApp, learners: usize, full: usize) -> Class {
    let c = class(app, learners).await;
    start_slot(app, c.slots[0], Duration::hours(30)).await;
    start_slot(app, c.slots[1], Duration::hours(26)).await;
    rename(&app.db, c.trainer.id, "Claire Formatrice", None).await;
    for (i, (learner, enrolment)) in c.learners.iter().enumerate() {
        rename(&app.db, learner.id, &format!("Apprenant·e {}", i + 1), None).await;
        if i < full {
            mark(&app.db, c.slots[0], *enrolment, "present", Utc::now()).await;
            mark(&app.db, c.slots[1], *enrolment, "retard", Utc::now()).await;
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
