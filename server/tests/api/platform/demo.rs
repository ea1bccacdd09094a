//! `relais --demo` fills an empty database once, and never touches a used one.

use sea_orm::{EntityTrait, PaginatorTrait};

use app::db::entities::{module_objectives, modules, structures};

use crate::support::TestApp;

#[tokio::test]
async fn demo_data_loads_once_into_an_empty_database() {
    let app = TestApp::spawn().await;

    let first = server::demo::load_if_empty(&app.db)
        .await
        .expect("first load");
    let second = server::demo::load_if_empty(&app.db)
        .await
        .expect("second load");

    assert!(first);
    assert!(!second, "a non-empty database is left alone");
    assert_eq!(
        modules::Entity::find().count(&app.db).await.expect("count"),
        3
    );
    assert!(
        structures::Entity::find()
            .count(&app.db)
            .await
            .expect("count")
            >= 30
    );
    let crisis = module_objectives::Entity::find()
        .all(&app.db)
        .await
        .expect("objectives")
        .into_iter()
        .any(|o| o.code == "prevenir_gerer_crise");
    assert!(
        crisis,
        "the crisis objective the indicators report on exists"
    );
}

#[tokio::test]
async fn the_demo_history_holds_the_2019_figures_and_past_attendance() {
    use sea_orm::{ColumnTrait, QueryFilter};

    use app::db::entities::{attendance_marks, enrolments, session_slots, training_sessions};

    let app = TestApp::spawn_with_demo().await;

    let y2019 = training_sessions::Entity::find()
        .filter(training_sessions::Column::ProgrammeYear.eq(2019))
        .all(&app.db)
        .await
        .expect("sessions");
    assert_eq!(y2019.len(), 5);
    assert!(
        y2019
            .iter()
            .all(|s| s.mode == "presentiel" && s.status == "realisee")
    );
    let participants = enrolments::Entity::find()
        .filter(enrolments::Column::SessionId.is_in(y2019.iter().map(|s| s.id)))
        .filter(enrolments::Column::Status.eq("confirmee"))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(participants, 102);

    // Every slot already over has one mark per confirmed learner, and is signed.
    let now = chrono::Utc::now();
    let past = session_slots::Entity::find()
        .filter(session_slots::Column::EndsAt.lt(now))
        .find_also_related(training_sessions::Entity)
        .all(&app.db)
        .await
        .expect("slots");
    let held: Vec<_> = past
        .iter()
        .filter(|(_, s)| s.as_ref().is_some_and(|s| s.status == "realisee"))
        .collect();
    assert!(held.len() > 100, "{}", held.len());
    for (slot, session) in held {
        let session = session.as_ref().expect("session");
        let confirmed = enrolments::Entity::find()
            .filter(enrolments::Column::SessionId.eq(session.id))
            .filter(enrolments::Column::Status.eq("confirmee"))
            .count(&app.db)
            .await
            .expect("count");
        let marks = attendance_marks::Entity::find()
            .filter(attendance_marks::Column::SlotId.eq(slot.id))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(marks, confirmed, "slot {}", slot.id);
        assert!(slot.confirmed_at.is_some() && slot.confirmed_by.is_some());
    }
    let open = training_sessions::Entity::find()
        .filter(training_sessions::Column::Status.eq("prevue"))
        .count(&app.db)
        .await
        .expect("count");
    assert!(open >= 4, "sessions open for enrolment");
}

#[tokio::test]
async fn the_demo_has_questionnaire_answers_from_people_who_attended() {
    use std::collections::HashMap;

    use sea_orm::{ColumnTrait, QueryFilter};

    use app::db::entities::{attendance_marks, questionnaire_answers, questionnaire_responses};

    let app = TestApp::spawn_with_demo().await;
    let responses = questionnaire_responses::Entity::find()
        .all(&app.db)
        .await
        .expect("responses");
    let mut per_phase: HashMap<String, usize> = HashMap::new();
    for r in &responses {
        *per_phase.entry(r.phase.clone()).or_default() += 1;
    }
    for phase in ["avant", "apres", "chaud", "froid"] {
        assert!(
            per_phase.get(phase).copied().unwrap_or(0) > 50,
            "{phase}: {per_phase:?}"
        );
    }
    // Fewer follow-ups than à-chaud answers, fewer à-chaud than self-assessments.
    assert!(per_phase["froid"] < per_phase["chaud"]);
    assert!(per_phase["chaud"] < per_phase["avant"]);
    // Nobody answered without attending, and nobody answered in the future.
    let now = chrono::Utc::now();
    for r in responses.iter().take(200) {
        assert!(r.submitted_at <= now);
        let attended = attendance_marks::Entity::find()
            .filter(attendance_marks::Column::EnrolmentId.eq(r.enrolment_id))
            .filter(attendance_marks::Column::Status.is_in(["present", "retard"]))
            .count(&app.db)
            .await
            .expect("marks");
        assert!(attended > 0, "enrolment {}", r.enrolment_id);
    }
    let answers = questionnaire_answers::Entity::find()
        .count(&app.db)
        .await
        .expect("answers");
    assert!(answers as usize > 3 * responses.len());
}
