//! « Mes données » shows the latest 100 entries of a long section and says
//! how many only the download holds; the download holds them all.

use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use app::db::entities::session_slots;
use app::privacy::MyDataPage;
use app::privacy::rules::page_cap::SHOWN_PER_SECTION;
use app::roles::Role;

use crate::quiz::support::demo_module;
use crate::support::TestApp;
use crate::support::fixtures::taught_session;

#[tokio::test]
async fn a_trainer_of_many_years_sees_the_latest_sessions_and_downloads_them_all() {
    let app = TestApp::spawn_with_demo().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let module = demo_module(&app).await;
    let start = Utc::now() - Duration::days(3000);
    for n in 0..130i64 {
        let at = start + Duration::days(20 * n);
        let title = format!("Session ancienne n° {n:03}");
        let session = taught_session(&app.db, module.id, trainer.id, &title, "realisee", at).await;
        session_slots::ActiveModel {
            session_id: Set(session.id),
            day: Set(at.date_naive()),
            half_day: Set("matin".into()),
            starts_at: Set(at),
            ends_at: Set(at + Duration::hours(3)),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .expect("slot");
    }

    let response = app.call(&trainer.client, "privacy/my_data", &[]).await;
    assert_eq!(response.status(), 200);
    let page: MyDataPage = response.json().await.expect("page");
    assert_eq!(page.left_out, [("sessions_animees".to_owned(), 30)]);
    let titles: Vec<&str> = page
        .data
        .sessions_taught
        .iter()
        .map(|s| s.session.as_str())
        .collect();
    assert_eq!(titles.len(), SHOWN_PER_SECTION);
    assert_eq!(
        (titles[0], titles[99]),
        ("Session ancienne n° 030", "Session ancienne n° 129"),
        "the latest ones"
    );

    let (status, html) = app.page_as(&trainer.client, "/mes-donnees/consulter").await;
    assert_eq!(status, 200);
    assert!(html.contains("Session ancienne n° 129") && !html.contains("Session ancienne n° 029"));
    assert!(
        html.contains("les 30 autres figurent dans le fichier JSON"),
        "{html}"
    );

    let download = app.get_as(&trainer.client, "/mes-donnees").await;
    assert_eq!(download.status(), 200);
    let all: serde_json::Value = download.json().await.expect("JSON");
    assert_eq!(all["sessions_animees"].as_array().map(Vec::len), Some(130));
}
