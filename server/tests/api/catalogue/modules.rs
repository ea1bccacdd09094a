//! The catalogue lists published modules only, with their objectives.

use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use app::catalogue::ModuleSummary;
use app::db::entities::modules;

use crate::support::TestApp;

async fn insert_unpublished_module(app: &TestApp) {
    let now = chrono::Utc::now();
    modules::ActiveModel {
        slug: Set("brouillon".into()),
        title: Set("Module en préparation".into()),
        summary: Set("Pas encore prêt.".into()),
        duration_minutes: Set(60),
        audience: Set("Tous".into()),
        prerequisites: Set("Aucun.".into()),
        position: Set(99),
        published: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("insert module");
}

#[tokio::test]
async fn the_catalogue_page_shows_the_three_published_modules() {
    let app = TestApp::spawn_with_demo().await;
    insert_unpublished_module(&app).await;

    let (status, html) = app.get_html("/formations").await;

    assert_eq!(status, 200);
    for title in [
        "Sensibilisation en santé mentale",
        "Santé mentale et précarité",
        "Prévention et gestion des situations de crise",
    ] {
        assert!(
            html.contains(&format!(">{title}</a></h2>")),
            "missing {title}"
        );
    }
    assert!(
        !html.contains("Module en préparation"),
        "unpublished module leaked"
    );
}

#[tokio::test]
async fn the_list_modules_server_function_answers_json() {
    let app = TestApp::spawn_with_demo().await;
    insert_unpublished_module(&app).await;

    let response = app.server_fn("catalogue/list_modules", &[]).await;

    assert_eq!(response.status().as_u16(), 200);
    let modules: Vec<ModuleSummary> = response.json().await.expect("JSON list");
    let slugs: Vec<&str> = modules.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "sensibilisation-sante-mentale",
            "sante-mentale-et-precarite",
            "prevention-gestion-crise"
        ]
    );
    assert!(modules.iter().all(|m| m.objectives.len() >= 4));
}
