//! The rules of the domain live in the database too: uniqueness, foreign keys
//! and allowed values are refused by the database itself, whatever the code does.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, DbErr};

use app::db::entities::{enrolments, users};

use crate::support::TestApp;

fn learner(email: &str) -> users::ActiveModel {
    let now = chrono::Utc::now();
    users::ActiveModel {
        email: Set(Some(email.to_owned())),
        display_name: Set("Camille Martin".to_owned()),
        role: Set("learner".to_owned()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
}

async fn insert(db: &DatabaseConnection, user: users::ActiveModel) -> Result<users::Model, DbErr> {
    user.insert(db).await
}

#[tokio::test]
async fn two_accounts_cannot_share_an_email() {
    let app = TestApp::spawn().await;
    insert(&app.db, learner("camille@example.org"))
        .await
        .expect("first account");

    let err = insert(&app.db, learner("camille@example.org"))
        .await
        .expect_err("duplicate refused");

    assert!(
        matches!(
            err.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ),
        "{err}"
    );
}

#[tokio::test]
async fn unknown_roles_and_sectors_are_refused() {
    let app = TestApp::spawn().await;

    let mut admin = learner("admin@example.org");
    admin.role = Set("admin".to_owned());
    assert!(
        insert(&app.db, admin).await.is_err(),
        "role outside the list"
    );

    let mut sector = learner("secteur@example.org");
    sector.sector = Set(Some("finance".to_owned()));
    assert!(
        insert(&app.db, sector).await.is_err(),
        "sector outside the typology"
    );

    let mut ok = learner("ok@example.org");
    ok.sector = Set(Some("action_sociale".to_owned()));
    insert(&app.db, ok)
        .await
        .expect("a listed sector is accepted");
}

#[tokio::test]
async fn an_enrolment_needs_an_existing_session() {
    let app = TestApp::spawn().await;
    let user = insert(&app.db, learner("inscrit@example.org"))
        .await
        .expect("account");

    let err = enrolments::ActiveModel {
        session_id: Set(4242),
        user_id: Set(user.id),
        status: Set("confirmee".to_owned()),
        enrolled_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect_err("foreign key enforced");

    assert!(
        matches!(
            err.sql_err(),
            Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_))
        ),
        "{err}"
    );
}

#[tokio::test]
async fn migrations_are_idempotent_at_start_up() {
    let app = TestApp::spawn().await;

    server::db::migrate(&app.db)
        .await
        .expect("a second run changes nothing and succeeds");
}

#[tokio::test]
async fn an_enrolments_typology_holds_a_listed_sector_and_an_existing_structure() {
    use sea_orm::EntityTrait;

    let app = TestApp::spawn().await;
    let trainer = app.signed_in(app::roles::Role::Trainer).await;
    let session = crate::sessions::support::create_session(&app, &trainer, None, 5).await;
    let structure =
        crate::support::fixtures::structure(&app.db, "Mission locale", "formation_emploi").await;
    let row = |email: &str| {
        let email = email.to_owned();
        let db = app.db.clone();
        async move {
            let user = insert(&db, learner(&email)).await.expect("account");
            enrolments::ActiveModel {
                session_id: Set(session),
                user_id: Set(user.id),
                status: Set("confirmee".to_owned()),
                enrolled_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
        }
    };
    let mut unknown = row("a@example.org").await;
    unknown.snapshot_sector = Set(Some("finance".to_owned()));
    assert!(
        unknown.insert(&app.db).await.is_err(),
        "sector outside the typology"
    );
    let mut missing = row("b@example.org").await;
    missing.snapshot_structure_id = Set(Some(4242));
    assert!(
        missing.insert(&app.db).await.is_err(),
        "structure that does not exist"
    );

    let mut ok = row("c@example.org").await;
    ok.snapshot_sector = Set(Some("formation_emploi".to_owned()));
    ok.snapshot_structure_id = Set(Some(structure));
    let kept = ok
        .insert(&app.db)
        .await
        .expect("a listed sector and a structure");
    // A structure deleted leaves the enrolment, without a structure.
    app::db::entities::structures::Entity::delete_by_id(structure)
        .exec(&app.db)
        .await
        .expect("delete");
    let after = enrolments::Entity::find_by_id(kept.id)
        .one(&app.db)
        .await
        .expect("read")
        .expect("enrolment");
    assert_eq!(after.snapshot_structure_id, None);
    assert_eq!(after.snapshot_sector.as_deref(), Some("formation_emploi"));
}
