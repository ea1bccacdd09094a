//! `relais --demo` fills an empty database once, and never touches a used one.

use sea_orm::{EntityTrait, PaginatorTrait};

use app::db::entities::{module_objectives, modules, structures};

use crate::helpers::TestApp;

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
