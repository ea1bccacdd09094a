//! A learner absent from every half-day of a held course is not asked the
//! « après » self-assessment nor the « à chaud » satisfaction: nothing waits
//! on their home, their page shows no form, and the server refuses an answer.

use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::assessment::rules::Phase;
use app::assessment::types::Pending;
use app::db::entities::questionnaire_responses;

use crate::assessment::support::{answer, answer_shown, assessed_class, finish, view_of};
use crate::attendance::support::{call, ids, set_mark};
use crate::support::{TestApp, TestUser};

async fn pending(app: &TestApp, who: &TestUser) -> Vec<Phase> {
    let r = app.call(&who.client, "assessment/pending", &[]).await;
    assert_eq!(r.status(), 200);
    r.json::<Vec<Pending>>()
        .await
        .expect("json")
        .into_iter()
        .map(|p| p.phase)
        .collect()
}

async fn responses_of(app: &TestApp, enrolment: i32) -> u64 {
    questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::EnrolmentId.eq(enrolment))
        .count(&app.db)
        .await
        .expect("count")
}

#[tokio::test]
async fn people_absent_throughout_are_not_asked_after_the_course() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 2).await;
    let (present, _) = &c.learners[0];
    let (absent, absent_enrolment) = &c.learners[1];
    finish(&app, &c, Duration::hours(4)).await;
    for slot in &c.slots {
        for ((who, enrolment), status) in c.learners.iter().zip(["present", "absent"]) {
            let r = set_mark(
                &app,
                &c.trainer.client,
                c.session,
                *slot,
                *enrolment,
                status,
            )
            .await;
            assert_eq!(
                r.status(),
                200,
                "{} {}",
                who.email,
                r.text().await.unwrap_or_default()
            );
        }
    }
    // Until every roll call is signed, someone without a presence may still come.
    let first = call(
        &app,
        &c.trainer.client,
        "sessions/confirm_slot",
        &ids(c.session, c.slots[0]),
    )
    .await;
    assert_eq!(first.status(), 200);
    assert_eq!(pending(&app, absent).await, [Phase::After, Phase::Hot]);

    let last = *c.slots.last().expect("slot");
    let signed = call(
        &app,
        &c.trainer.client,
        "sessions/confirm_slot",
        &ids(c.session, last),
    )
    .await;
    assert_eq!(
        signed.status(),
        200,
        "{}",
        signed.text().await.unwrap_or_default()
    );

    // The present learner is asked both; the absent one nothing.
    assert_eq!(pending(&app, present).await, [Phase::After, Phase::Hot]);
    assert!(pending(&app, absent).await.is_empty());
    assert!(view_of(&app, absent, c.session).await.form.is_none());
    let (_, home) = app.page_as(&present.client, "/mon-espace").await;
    assert!(home.contains("Questionnaires à remplir"), "{home}");
    let (_, home) = app.page_as(&absent.client, "/mon-espace").await;
    assert!(!home.contains("Questionnaires à remplir"), "{home}");

    // An answer posted anyway is refused, in French, and nothing is stored.
    let after = view_of(&app, present, c.session).await.form.expect("form");
    assert_eq!(after.phase, Phase::After);
    let values: Vec<(i32, &str)> = after.items.iter().map(|i| (i.id, "5")).collect();
    let refused = answer(
        &app,
        absent,
        c.session,
        "apres",
        after.questionnaire_id,
        &values,
    )
    .await;
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.expect("body");
    assert!(body.contains("noté·e absent·e"), "{body}");
    assert_eq!(
        answer_shown(&app, present, c.session, &["4", "4"])
            .await
            .status(),
        200
    );
    let hot = view_of(&app, present, c.session).await.form.expect("form");
    assert_eq!(hot.phase, Phase::Hot);
    let values: Vec<(i32, &str)> = hot.items.iter().map(|i| (i.id, "1")).collect();
    let refused = answer(
        &app,
        absent,
        c.session,
        "chaud",
        hot.questionnaire_id,
        &values,
    )
    .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("Évaluation à chaud")
    );
    assert_eq!(responses_of(&app, *absent_enrolment).await, 0);
}
