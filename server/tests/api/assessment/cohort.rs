//! The trainer's side of questionnaires: cohort figures computed by hand for
//! three learners, versioned items once answers exist, and who may see what.

use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::assessment::rules::Phase;
use app::db::entities::{questionnaire_answers, questionnaire_items, questionnaires};
use app::roles::Role;

use crate::assessment::support::{
    answer_shown, assessed_class, cohort, cohort_of, edit, editor_of, finish, learner_view, view_of,
};
use crate::support::TestApp;

#[tokio::test]
async fn cohort_figures_match_a_hand_computation() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 3).await;
    let [(a, _), (b, _), (only_before, _)] = &c.learners[..] else {
        panic!("three learners")
    };
    // Items: [objective item, crisis item].
    for (who, values) in [(a, ["2", "1"]), (b, ["3", "4"]), (only_before, ["1", "5"])] {
        assert_eq!(
            answer_shown(&app, who, c.session, &values).await.status(),
            200
        );
    }
    finish(&app, &c, Duration::hours(1)).await;
    for (who, values) in [(a, ["4", "5"]), (b, ["3", "3"])] {
        assert_eq!(
            answer_shown(&app, who, c.session, &values).await.status(),
            200
        );
    }
    // À chaud: overall, usefulness of the objective, comment, recommend.
    for (who, values) in [
        (a, ["5", "4", "Zèbre", "oui"]),
        (b, ["3", "5", "abeille", "non"]),
    ] {
        assert_eq!(
            answer_shown(&app, who, c.session, &values).await.status(),
            200
        );
    }

    let view = cohort_of(&app, &c.trainer, c.session).await;

    assert_eq!(view.confirmed, 3);
    let rate = |p: Phase| {
        view.rates
            .iter()
            .find(|r| r.phase == p)
            .expect("rate")
            .clone()
    };
    assert_eq!(rate(Phase::Before).answered, 3);
    assert_eq!(rate(Phase::Before).rate, Some(1.0));
    assert_eq!(rate(Phase::After).answered, 2);
    assert_eq!(rate(Phase::After).rate, Some(2.0 / 3.0));
    assert_eq!(rate(Phase::Hot).answered, 2);

    let item = &view.items[0].figures;
    // Before 2, 3, 1 → 2; after 4, 3 → 3.5; pairs (2→4, 3→3) → +1, one of two improved.
    assert_eq!(item.mean_before, Some(2.0));
    assert_eq!(item.mean_after, Some(3.5));
    assert_eq!(item.paired, 2);
    assert_eq!(item.mean_change, Some(1.0));
    assert_eq!(item.improved_share, Some(0.5));
    let crisis = &view.items[1];
    assert!(crisis.is_crisis_item);
    // Before 1, 4, 5 → 10/3; after 5, 3 → 4; pairs (1→5, 4→3) → (4 − 1) / 2 = 1.5.
    assert_eq!(crisis.figures.mean_before, Some(10.0 / 3.0));
    assert_eq!(crisis.figures.mean_after, Some(4.0));
    assert_eq!(crisis.figures.paired, 2);
    assert_eq!(crisis.figures.mean_change, Some(1.5));
    assert_eq!(crisis.figures.improved_share, Some(0.5));

    let s = &view.satisfaction;
    assert_eq!(s.responses, 2);
    assert_eq!(s.overall_mean, Some(4.0));
    assert_eq!(s.recommend_rate, Some(0.5));
    assert_eq!(s.topics.len(), 1);
    assert_eq!(s.topics[0].1, Some(4.5));
    // Sorted, not in enrolment order, and without names.
    assert_eq!(s.comments, vec!["abeille".to_owned(), "Zèbre".to_owned()]);

    let (_, page) = app
        .page_as(
            &c.trainer.client,
            &format!("/sessions/{}/questionnaires", c.session),
        )
        .await;
    assert!(page.contains("+1,5 (2)"), "{page}");
    assert!(!page.contains("Personne Learner"));
}

#[tokio::test]
async fn items_change_in_place_until_answered_then_get_a_new_version() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 1).await;
    let (learner, _) = &c.learners[0];
    let t = &c.trainer;

    let v1 = editor_of(&app, t, c.session).await;
    assert_eq!((v1.version, v1.answered), (1, false));
    let first = v1.items[0].id;
    let crisis = v1.items[1].id;
    assert_eq!(
        edit(
            &app,
            t,
            c.session,
            "update",
            Some(first),
            "Je sais repérer."
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        edit(
            &app,
            t,
            c.session,
            "add",
            None,
            "Je connais les ressources."
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        edit(&app, t, c.session, "up", Some(crisis), "")
            .await
            .status(),
        200
    );
    let removed = edit(&app, t, c.session, "remove", Some(crisis), "").await;
    assert_eq!(removed.status(), 422);
    assert!(removed.text().await.expect("body").contains("crise"));
    assert_eq!(
        edit(&app, t, c.session, "add", None, "   ").await.status(),
        422
    );

    let in_place = editor_of(&app, t, c.session).await;
    assert_eq!(in_place.version, 1);
    let prompts: Vec<&str> = in_place.items.iter().map(|i| i.prompt.as_str()).collect();
    assert_eq!(prompts[1], "Je sais repérer.");
    assert_eq!(in_place.items[0].id, crisis);
    assert_eq!(in_place.items[1].id, first);
    assert_eq!(prompts[2], "Je connais les ressources.");

    assert_eq!(
        answer_shown(&app, learner, c.session, &["1", "2", "3"])
            .await
            .status(),
        200
    );
    assert!(editor_of(&app, t, c.session).await.answered);
    let extra = in_place.items[2].id;
    assert_eq!(
        edit(
            &app,
            t,
            c.session,
            "update",
            Some(first),
            "Je repère les signes."
        )
        .await
        .status(),
        200
    );
    // Old ids are frozen: the next edit names the copy in version 2.
    let stale = edit(&app, t, c.session, "remove", Some(extra), "").await;
    assert_eq!(stale.status(), 422);
    let copy = editor_of(&app, t, c.session).await.items[2].id;
    assert_eq!(
        edit(&app, t, c.session, "remove", Some(copy), "")
            .await
            .status(),
        200
    );

    let v2 = editor_of(&app, t, c.session).await;
    assert_eq!((v2.version, v2.answered), (2, false));
    let prompts: Vec<&str> = v2.items.iter().map(|i| i.prompt.as_str()).collect();
    assert_eq!(prompts.len(), 2);
    assert_eq!(prompts[1], "Je repère les signes.");
    assert!(v2.items.iter().all(|i| i.id != first && i.id != crisis));
    // Version 1 is kept as answered, no longer current.
    let old = questionnaires::Entity::find()
        .filter(questionnaires::Column::Version.eq(1))
        .filter(questionnaires::Column::Kind.eq("auto_evaluation"))
        .one(&app.db)
        .await
        .expect("v1")
        .expect("v1 row");
    assert!(!old.current);
    let old_first = questionnaire_items::Entity::find_by_id(first)
        .one(&app.db)
        .await
        .expect("item")
        .expect("old item kept");
    assert_eq!(old_first.prompt, "Je sais repérer.");
    let answered_items: Vec<i32> = questionnaire_answers::Entity::find()
        .all(&app.db)
        .await
        .expect("answers")
        .into_iter()
        .map(|a| a.item_id)
        .collect();
    assert!(answered_items.contains(&first) && answered_items.contains(&extra));
    // The learner still reads their answers under the wording they answered.
    let mine = view_of(&app, learner, c.session).await.results;
    assert_eq!(mine[1].prompt, "Je sais repérer.");
    assert_eq!(mine[1].before, Some(2));
}

#[tokio::test]
async fn each_person_sees_only_what_is_theirs() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 1).await;
    let (learner, _) = &c.learners[0];
    let stranger = app.signed_in(Role::Learner).await;
    let other_trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    answer_shown(&app, learner, c.session, &["2", "2"]).await;

    assert_eq!(learner_view(&app, &stranger, c.session).await.status(), 404);
    assert_eq!(answer_shown_status(&app, &stranger, c.session).await, 404);
    assert_eq!(cohort(&app, learner, c.session).await.status(), 403);
    assert_eq!(cohort(&app, &other_trainer, c.session).await.status(), 403);
    let foreign_edit = edit(&app, &other_trainer, c.session, "add", None, "Intrus").await;
    assert_eq!(foreign_edit.status(), 403);
    assert_eq!(cohort(&app, &c.trainer, c.session).await.status(), 200);
    let all = cohort_of(&app, &coordinator, c.session).await;
    assert_eq!(all.rates[0].answered, 1);
    assert_eq!(
        editor_of(&app, &coordinator, c.session).await.items.len(),
        2
    );
}

async fn answer_shown_status(app: &TestApp, who: &crate::support::TestUser, session: i32) -> u16 {
    crate::assessment::support::answer(app, who, session, "avant", 1, &[])
        .await
        .status()
        .as_u16()
}
