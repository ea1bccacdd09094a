//! An enrolment keeps the person's typology (sector, else their structure's;
//! profession; structure) of the day it is made, or of the day a place
//! frees up for someone waiting; what they change in their profile later
//! does not reach it.

use app::db::entities::enrolments;
use app::roles::Role;

use crate::sessions::support::{create_session, enrol, enrolment_rows};
use crate::support::fixtures::structure;
use crate::support::{TestApp, TestUser};

async fn profile(app: &TestApp, who: &TestUser, profession: &str, sector: &str, structure: &str) {
    let r = app
        .call(
            &who.client,
            "accounts/update_profile",
            &[
                ("input[display_name]", "Camille Martin"),
                ("input[profession]", profession),
                ("input[sector]", sector),
                ("input[structure_id]", structure),
            ],
        )
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

async fn row_of(app: &TestApp, session: i32, who: &TestUser) -> enrolments::Model {
    enrolment_rows(app, session)
        .await
        .into_iter()
        .find(|e| e.user_id == who.id)
        .expect("enrolment")
}

fn typology(e: &enrolments::Model) -> (Option<&str>, Option<&str>, Option<i32>) {
    (
        e.snapshot_sector.as_deref(),
        e.snapshot_profession.as_deref(),
        e.snapshot_structure_id,
    )
}

#[tokio::test]
async fn an_enrolment_keeps_the_typology_of_the_day_it_is_made() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 1).await;
    let clinic = structure(&app.db, "Centre médico-psychologique", "soin").await;
    let shelter = structure(&app.db, "Centre d’hébergement", "logement_hebergement").await;
    let first = app.signed_in(Role::Learner).await;
    let second = app.signed_in(Role::Learner).await;

    // No sector of their own: the structure's counts.
    profile(&app, &first, "Infirmier·ère", "", &clinic.to_string()).await;
    assert_eq!(enrol(&app, &first, session).await.status(), 200);
    assert_eq!(enrol(&app, &second, session).await.status(), 200);
    let kept = row_of(&app, session, &first).await;
    assert_eq!(
        typology(&kept),
        (Some("soin"), Some("Infirmier·ère"), Some(clinic))
    );

    // A new job afterwards changes nothing in the enrolment.
    profile(&app, &first, "Policier·ère", "police_securite", "").await;
    assert_eq!(
        typology(&row_of(&app, session, &first).await),
        typology(&kept)
    );

    // Someone waiting is counted as they are when their place is confirmed.
    let waiting = row_of(&app, session, &second).await;
    assert_eq!(waiting.status, "liste_attente");
    assert_eq!(waiting.snapshot_sector.as_deref(), Some("action_sociale"));
    profile(&app, &second, "Éducateur·rice", "", &shelter.to_string()).await;
    let cancelled = app
        .call(
            &first.client,
            "sessions/cancel_enrolment",
            &[("input[enrolment_id]", &kept.id.to_string())],
        )
        .await;
    assert_eq!(
        cancelled.status(),
        200,
        "{}",
        cancelled.text().await.unwrap_or_default()
    );
    let promoted = row_of(&app, session, &second).await;
    assert_eq!(promoted.status, "confirmee");
    assert_eq!(
        typology(&promoted),
        (
            Some("logement_hebergement"),
            Some("Éducateur·rice"),
            Some(shelter)
        )
    );

    // Enrolling again after cancelling takes the typology of that day.
    assert_eq!(enrol(&app, &first, session).await.status(), 200);
    let again = row_of(&app, session, &first).await;
    assert_eq!(
        typology(&again),
        (Some("police_securite"), Some("Policier·ère"), None)
    );
}

#[tokio::test]
async fn the_demo_enrolments_keep_their_peoples_typology() {
    use std::collections::HashMap;

    use app::db::entities::{structures, users};
    use sea_orm::EntityTrait;

    let app = TestApp::spawn_with_demo().await;
    let sectors: HashMap<i32, String> = structures::Entity::find()
        .all(&app.db)
        .await
        .expect("structures")
        .into_iter()
        .map(|s| (s.id, s.sector))
        .collect();
    let people: HashMap<i32, users::Model> = users::Entity::find()
        .all(&app.db)
        .await
        .expect("people")
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let rows = enrolments::Entity::find()
        .all(&app.db)
        .await
        .expect("enrolments");
    assert!(rows.len() > 100, "{}", rows.len());
    for e in &rows {
        let p = &people[&e.user_id];
        let sector = p
            .sector
            .clone()
            .or_else(|| p.structure_id.map(|s| sectors[&s].clone()));
        assert_eq!(e.snapshot_sector, sector, "enrolment {}", e.id);
        assert_eq!(e.snapshot_profession, p.profession, "enrolment {}", e.id);
        assert_eq!(
            e.snapshot_structure_id, p.structure_id,
            "enrolment {}",
            e.id
        );
    }
    assert!(rows.iter().any(|e| e.snapshot_sector.is_some()));
}
