//! Self-assessment and à-chaud questionnaires: windows, one response per
//! phase, pending questionnaires, and the default items.

use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::assessment::rules::Phase;
use app::assessment::rules::defaults::CRISIS_PROMPT;
use app::assessment::types::{Pending, PhaseState};
use app::db::entities::{questionnaire_items, questionnaire_responses, questionnaires};

use crate::assessment::support::{
    OBJECTIVE, answer, answer_shown, assessed_class, finish, view_of,
};
use crate::support::TestApp;

async fn responses(app: &TestApp) -> u64 {
    questionnaire_responses::Entity::find()
        .count(&app.db)
        .await
        .expect("count")
}

#[tokio::test]
async fn default_items_are_made_on_first_need_with_the_crisis_item() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 1).await;
    let (learner, _) = &c.learners[0];

    let form = view_of(&app, learner, c.session)
        .await
        .form
        .expect("the before questionnaire is open");

    assert_eq!(form.phase, Phase::Before);
    assert_eq!(form.items.len(), 2);
    assert_eq!(
        form.items[0].prompt,
        "Je me sens capable de repérer les signes de souffrance psychique."
    );
    assert_eq!(form.items[0].objective.as_deref(), Some(OBJECTIVE));
    assert_eq!(form.items[1].prompt, CRISIS_PROMPT);
    assert!(form.items[1].is_crisis_item);
    assert!(form.items.iter().all(|i| i.item_type == "likert"));
}

#[tokio::test]
async fn before_is_answered_once_until_the_first_slot_starts() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 2).await;
    let (first, _) = &c.learners[0];
    let (late, _) = &c.learners[1];

    let ok = answer_shown(&app, first, c.session, &["2", "3"]).await;
    assert_eq!(ok.status(), 200);
    let again = answer(&app, first, c.session, "avant", 1, &[]).await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.expect("body").contains("déjà répondu"));
    let early = answer(&app, first, c.session, "apres", 1, &[]).await;
    assert_eq!(early.status(), 422);
    assert!(early.text().await.expect("body").contains("s’ouvre"));

    // The first slot starts: `late` can no longer answer before.
    let shown = view_of(&app, late, c.session).await.form.expect("form");
    let ids: Vec<(i32, &str)> = shown.items.iter().map(|i| (i.id, "3")).collect();
    crate::attendance::support::start_slot(&app, c.slots[0], Duration::minutes(1)).await;
    let closed = answer(&app, late, c.session, "avant", shown.questionnaire_id, &ids).await;

    assert_eq!(closed.status(), 422);
    assert!(
        closed
            .text()
            .await
            .expect("body")
            .contains("la formation a commencé")
    );
    assert_eq!(responses(&app).await, 1);
    let states = view_of(&app, late, c.session).await.phases;
    assert_eq!(states[0].state, PhaseState::Closed);
}

#[tokio::test]
async fn after_opens_with_the_last_slot_and_closes_thirty_days_after_it() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 2).await;
    let (on_time, _) = &c.learners[0];
    let (too_late, _) = &c.learners[1];
    finish(&app, &c, Duration::hours(1)).await;

    let form = view_of(&app, on_time, c.session).await.form.expect("form");
    assert_eq!(form.phase, Phase::After);
    let incomplete = answer(
        &app,
        on_time,
        c.session,
        "apres",
        form.questionnaire_id,
        &[(form.items[0].id, "4")],
    )
    .await;
    assert_eq!(incomplete.status(), 422);
    assert_eq!(responses(&app).await, 0);
    assert_eq!(
        answer_shown(&app, on_time, c.session, &["4", "5"])
            .await
            .status(),
        200
    );

    finish(&app, &c, Duration::days(31)).await;
    let ids: Vec<(i32, &str)> = form.items.iter().map(|i| (i.id, "3")).collect();
    let closed = answer(
        &app,
        too_late,
        c.session,
        "apres",
        form.questionnaire_id,
        &ids,
    )
    .await;
    assert_eq!(closed.status(), 422);
    assert!(closed.text().await.expect("body").contains("30 jours"));
    assert_eq!(responses(&app).await, 1);
}

#[tokio::test]
async fn the_retrospective_is_kept_apart_from_the_real_pre_test() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 1).await;
    let (learner, _) = &c.learners[0];
    assert_eq!(
        answer_shown(&app, learner, c.session, &["2", "2"])
            .await
            .status(),
        200
    );
    finish(&app, &c, Duration::hours(1)).await;
    assert_eq!(
        answer_shown(&app, learner, c.session, &["4", "4"])
            .await
            .status(),
        200
    );
    let hot = view_of(&app, learner, c.session).await.form.expect("form");
    assert_eq!(hot.phase, Phase::Hot);
    assert_eq!(
        answer_shown(&app, learner, c.session, &["5", "4", "", "oui"])
            .await
            .status(),
        200
    );

    let retro = view_of(&app, learner, c.session).await.form.expect("form");
    assert_eq!(retro.phase, Phase::Retrospective);
    assert_eq!(
        answer_shown(&app, learner, c.session, &["1", "3"])
            .await
            .status(),
        200
    );

    let v = view_of(&app, learner, c.session).await;
    assert!(v.form.is_none());
    assert_eq!(v.results.len(), 2);
    assert_eq!(v.results[0].before, Some(2));
    assert_eq!(v.results[0].after, Some(4));
    assert_eq!(v.results[0].retrospective, Some(1));
    assert_eq!(v.results[1].retrospective, Some(3));
    assert_eq!(responses(&app).await, 4);
}

#[tokio::test]
async fn my_space_lists_the_questionnaires_waiting() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 1).await;
    let (learner, _) = &c.learners[0];
    let pending = |app: &TestApp| {
        let client = learner.client.clone();
        let url = app.url("/api/assessment/pending");
        async move {
            client
                .post(url)
                .header("Accept", "application/json")
                .send()
                .await
                .expect("pending")
                .json::<Vec<Pending>>()
                .await
                .expect("json")
        }
    };

    let before = pending(&app).await;
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].phase, Phase::Before);
    assert_eq!(before[0].session_id, c.session);
    answer_shown(&app, learner, c.session, &["3", "3"]).await;
    assert!(pending(&app).await.is_empty());
    finish(&app, &c, Duration::hours(1)).await;
    let after: Vec<Phase> = pending(&app).await.into_iter().map(|p| p.phase).collect();
    assert_eq!(after, vec![Phase::After, Phase::Hot]);
}

#[tokio::test]
async fn the_demo_ships_each_module_with_its_questionnaires() {
    let app = TestApp::spawn_with_demo().await;
    let current = questionnaires::Entity::find()
        .filter(questionnaires::Column::Kind.eq("auto_evaluation"))
        .filter(questionnaires::Column::Current.eq(true))
        .all(&app.db)
        .await
        .expect("questionnaires");
    let modules = app::db::entities::modules::Entity::find()
        .count(&app.db)
        .await
        .expect("modules");
    assert_eq!(current.len() as u64, modules);
    for q in current {
        let crisis = questionnaire_items::Entity::find()
            .filter(questionnaire_items::Column::QuestionnaireId.eq(q.id))
            .filter(questionnaire_items::Column::IsCrisisItem.eq(true))
            .count(&app.db)
            .await
            .expect("items");
        assert_eq!(crisis, 1);
    }
}

#[tokio::test]
async fn the_learner_page_is_a_plain_form_with_one_fieldset_per_item() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 1).await;
    let (learner, _) = &c.learners[0];

    let (_, html) = app
        .page_as(
            &learner.client,
            &format!("/sessions/{}/auto-evaluation", c.session),
        )
        .await;

    assert_eq!(html.matches("<fieldset").count(), 2, "{html}");
    assert!(html.contains("<legend>"));
    assert!(html.contains("name=\"input[answers][i"));
    assert!(html.contains("5 — Tout à fait"));
    assert!(html.contains("Auto-évaluation avant la formation"));
}
