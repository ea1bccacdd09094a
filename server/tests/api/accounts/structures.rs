//! Partner structures in the coordinator's hands: correct, merge, retire and
//! restore, each audited and announced on the page; bad input stores nothing.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use app::accounts::{Profile, StructureList, StructureOption, StructureRow};
use app::db::entities::{audit_log, structures, users};
use app::roles::Role;

use super::{message, submit};
use crate::sessions::support::{create_session, enrol, enrolment_rows};
use crate::support::{TEST_PASSWORD, TestApp, TestUser, new_client};

/// Adds a structure through « Structures »; returns its id.
async fn add(app: &TestApp, coordinator: &TestUser, name: &str, sector: &str) -> i32 {
    let response = app
        .call(
            &coordinator.client,
            "accounts/create_structure",
            &[
                ("input[name]", name),
                ("input[sector]", sector),
                ("input[city]", "Metz"),
            ],
        )
        .await;
    assert!(response.status().as_u16() < 400, "{}", response.status());
    structures::Entity::find()
        .filter(structures::Column::Name.eq(name))
        .one(&app.db)
        .await
        .expect("query")
        .expect("structure added")
        .id
}

/// A learner who chose `structure` in their profile.
async fn member(app: &TestApp, structure: i32) -> TestUser {
    let learner = app.signed_in(Role::Learner).await;
    let response = app
        .call(
            &learner.client,
            "accounts/update_profile",
            &[
                ("input[display_name]", "Camille Martin"),
                ("input[structure_id]", &structure.to_string()),
            ],
        )
        .await;
    assert!(response.status().as_u16() < 400, "{}", response.status());
    learner
}

async fn audits(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .order_by_asc(audit_log::Column::Id)
        .all(&app.db)
        .await
        .expect("audit")
}

async fn offered(app: &TestApp) -> Vec<String> {
    let list: Vec<StructureOption> = app
        .call(&new_client(), "accounts/list_structures", &[])
        .await
        .json()
        .await
        .expect("JSON");
    list.into_iter().map(|s| s.name).collect()
}

#[tokio::test]
async fn the_coordinator_corrects_a_structure_and_bad_details_store_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let gem = add(&app, &coordinator, "GEM Albatros", "autre").await;
    add(&app, &coordinator, "CCAS de Metz", "action_sociale").await;
    let id = gem.to_string();
    let edit = |name: &'static str, sector: &'static str, city: String| {
        vec![
            ("input[structure_id]", id.clone()),
            ("input[name]", name.to_owned()),
            ("input[sector]", sector.to_owned()),
            ("input[city]", city),
        ]
    };

    let before = structures::Entity::find_by_id(gem).one(&app.db).await;
    let before = before.expect("query").expect("row");
    let refused = [
        (
            edit("G", "autre", String::new()),
            422,
            "au moins 2 caractères",
        ),
        (
            edit("GEM L’Albatros", "finance", String::new()),
            422,
            "secteur",
        ),
        (
            edit("GEM L’Albatros", "autre", "é".repeat(121)),
            422,
            "120 caractères",
        ),
        (
            edit("CCAS de Metz", "autre", String::new()),
            409,
            "déjà ce nom",
        ),
    ];
    for (form, status, expected) in refused {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app
            .call(&coordinator.client, "accounts/edit_structure", &form)
            .await;
        assert_eq!(response.status().as_u16(), status, "{expected}");
        let text = message(response).await;
        assert!(text.contains(expected), "{text:?} should say {expected:?}");
    }
    let unchanged = structures::Entity::find_by_id(gem).one(&app.db).await;
    assert_eq!(unchanged.expect("query").expect("row"), before);
    assert!(audits(&app, "structure_edited").await.is_empty());

    let form = edit("GEM L’Albatros", "soutien_ecoute", "Woippy".to_owned());
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = submit(&app, &coordinator.client, "accounts/edit_structure", &form).await;

    assert!(
        page.contains("La structure a été modifiée."),
        "success shown"
    );
    let after = structures::Entity::find_by_id(gem).one(&app.db).await;
    let after = after.expect("query").expect("row");
    assert_eq!(
        (
            after.name.as_str(),
            after.sector.as_str(),
            after.city.as_deref()
        ),
        ("GEM L’Albatros", "soutien_ecoute", Some("Woippy"))
    );
    let entry = audits(&app, "structure_edited").await;
    assert_eq!(entry.len(), 1);
    assert_eq!(entry[0].actor_id, Some(coordinator.id));
    assert_eq!(entry[0].target_id, Some(gem));
    let details = entry[0].details.clone().expect("details");
    assert_eq!(details["before"]["name"], "GEM Albatros");
    assert_eq!(details["after"]["name"], "GEM L’Albatros");
    assert_eq!(details["after"]["sector"], "soutien_ecoute");
}

#[tokio::test]
async fn merging_moves_everyone_once_the_box_is_ticked() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let duplicate = add(&app, &coordinator, "C.C.A.S. Metz", "action_sociale").await;
    let ccas = add(&app, &coordinator, "CCAS de Metz", "action_sociale").await;
    let first = member(&app, duplicate).await;
    let second = member(&app, duplicate).await;
    let stays = member(&app, ccas).await;
    // `first` trained while at the duplicate: their enrolment keeps it.
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 1).await;
    assert_eq!(enrol(&app, &first, session).await.status(), 200);
    let (from, into) = (duplicate.to_string(), ccas.to_string());

    let refused = [
        (
            vec![
                ("input[from_id]", from.as_str()),
                ("input[into_id]", into.as_str()),
            ],
            "Cochez la case",
        ),
        (
            vec![
                ("input[from_id]", from.as_str()),
                ("input[into_id]", from.as_str()),
                ("input[confirmed]", "on"),
            ],
            "deux structures différentes",
        ),
    ];
    for (form, expected) in refused {
        let response = app
            .call(&coordinator.client, "accounts/merge_structures", &form)
            .await;
        assert_eq!(response.status().as_u16(), 422, "{expected}");
        assert!(message(response).await.contains(expected));
    }
    assert_eq!(
        structures::Entity::find()
            .count(&app.db)
            .await
            .expect("count"),
        2
    );
    assert!(audits(&app, "structures_merged").await.is_empty());

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/merge_structures",
        &[
            ("input[from_id]", &from),
            ("input[into_id]", &into),
            ("input[confirmed]", "on"),
        ],
    )
    .await;

    assert!(
        page.contains("Les structures ont été fusionnées"),
        "success shown"
    );
    assert!(
        structures::Entity::find_by_id(duplicate)
            .one(&app.db)
            .await
            .expect("query")
            .is_none(),
        "the merged structure is gone"
    );
    for person in [&first, &second, &stays] {
        let row = users::Entity::find_by_id(person.id).one(&app.db).await;
        assert_eq!(row.expect("query").expect("row").structure_id, Some(ccas));
    }
    let entry = audits(&app, "structures_merged").await;
    assert_eq!(entry.len(), 1);
    assert_eq!(entry[0].target_id, Some(ccas));
    let details = entry[0].details.clone().expect("details");
    assert_eq!(details["merged"]["name"], "C.C.A.S. Metz");
    assert_eq!(details["people_moved"], 2);
    assert_eq!(details["enrolments_moved"], 1);
    let snapshots: Vec<Option<i32>> = enrolment_rows(&app, session)
        .await
        .iter()
        .map(|e| e.snapshot_structure_id)
        .collect();
    assert_eq!(snapshots, [Some(ccas)], "the enrolment follows the merge");
    let rows: Vec<StructureRow> = app
        .call(&coordinator.client, "accounts/list_all_structures", &[])
        .await
        .json::<StructureList>()
        .await
        .expect("JSON")
        .rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].people, 3);
}

#[tokio::test]
async fn a_retired_structure_is_kept_by_its_members_and_can_be_restored() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let gem = add(&app, &coordinator, "GEM Albatros", "autre").await;
    let other = add(&app, &coordinator, "CCAS de Metz", "action_sociale").await;
    let inside = member(&app, gem).await;
    let id = gem.to_string();

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/retire_structure",
        &[("input[structure_id]", &id), ("input[retired]", "true")],
    )
    .await;

    assert!(page.contains("La structure a été retirée"), "success shown");
    assert!(page.contains("Retirée"));
    assert_eq!(offered(&app).await, vec!["CCAS de Metz"]);
    // The member keeps it and can save their profile with it.
    let profile: Profile = app
        .call(&inside.client, "accounts/my_profile", &[])
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(profile.structure_id, Some(gem));
    assert_eq!(profile.structure_name.as_deref(), Some("GEM Albatros"));
    let (_, profile_page) = app.page_as(&inside.client, "/profil").await;
    assert!(
        profile_page.contains("GEM Albatros"),
        "still shown as chosen"
    );
    member_saves(&app, &inside, gem, 200).await;
    // Nobody else can choose it, in the profile or at sign-up.
    let newcomer = app.signed_in(Role::Learner).await;
    member_saves(&app, &newcomer, gem, 422).await;
    for structure in [
        ("input[structure_id]", id.as_str()),
        ("input[new_structure]", "GEM Albatros"),
    ] {
        let mut form = vec![
            ("input[email]", "nadia@example.org"),
            ("input[display_name]", "Nadia Haddad"),
            ("input[password]", TEST_PASSWORD),
            ("input[sector]", "action_sociale"),
            ("input[consent]", "on"),
        ];
        form.push(structure);
        let response = app.call(&new_client(), "accounts/sign_up", &form).await;
        assert_eq!(response.status().as_u16(), 422, "{structure:?}");
    }
    assert!(
        users::Entity::find()
            .filter(users::Column::Email.eq("nadia@example.org"))
            .one(&app.db)
            .await
            .expect("query")
            .is_none()
    );
    // A merge may not pour people into a retired structure.
    let into_retired = app
        .call(
            &coordinator.client,
            "accounts/merge_structures",
            &[
                ("input[from_id]", &other.to_string()),
                ("input[into_id]", &id),
                ("input[confirmed]", "on"),
            ],
        )
        .await;
    assert_eq!(into_retired.status().as_u16(), 422);

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/retire_structure",
        &[("input[structure_id]", &id), ("input[retired]", "false")],
    )
    .await;

    assert!(
        page.contains("La structure a été restaurée"),
        "success shown"
    );
    assert_eq!(offered(&app).await, vec!["CCAS de Metz", "GEM Albatros"]);
    member_saves(&app, &newcomer, gem, 200).await;
    let retired = audits(&app, "structure_retired").await;
    let restored = audits(&app, "structure_restored").await;
    assert_eq!((retired.len(), restored.len()), (1, 1));
    assert_eq!(
        retired[0].details.clone().expect("details")["after"]["retired"],
        true
    );
    assert_eq!(restored[0].target_id, Some(gem));
}

async fn member_saves(app: &TestApp, person: &TestUser, structure: i32, expected: u16) {
    let response = app
        .call(
            &person.client,
            "accounts/update_profile",
            &[
                ("input[display_name]", "Camille Martin"),
                ("input[structure_id]", &structure.to_string()),
            ],
        )
        .await;
    let status = response.status().as_u16();
    let status = if status < 400 { 200 } else { status };
    assert_eq!(status, expected);
}

#[tokio::test]
async fn validating_and_adding_structures_say_so() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let page = submit(
        &app,
        &coordinator.client,
        "accounts/create_structure",
        &[
            ("input[name]", "GEM Albatros"),
            ("input[sector]", "autre"),
            ("input[city]", ""),
        ],
    )
    .await;
    assert!(page.contains("La structure a été ajoutée."));

    app.call(
        &new_client(),
        "accounts/sign_up",
        &[
            ("input[email]", "nadia@example.org"),
            ("input[display_name]", "Nadia Haddad"),
            ("input[password]", TEST_PASSWORD),
            ("input[sector]", "action_sociale"),
            ("input[new_structure]", "Association Le Pas de Côté"),
            ("input[consent]", "on"),
        ],
    )
    .await;
    let pending = structures::Entity::find()
        .filter(structures::Column::Reviewed.eq(false))
        .one(&app.db)
        .await
        .expect("query")
        .expect("typed-in structure");
    let page = submit(
        &app,
        &coordinator.client,
        "accounts/review_structure",
        &[("structure_id", &pending.id.to_string())],
    )
    .await;
    assert!(page.contains("La structure a été validée"));
    // Without the parameter, no notice.
    let (_, plain) = app
        .page_as(&coordinator.client, "/coordination/structures")
        .await;
    assert!(!plain.contains("La structure a été validée"));
}
